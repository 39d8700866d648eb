/**
 * @module lti/frame-origins
 * Which origins may frame a launch page: the platform's own (issuer and authorisation endpoint),
 * any extra origins its registration lists (an LMS whose issuer is not its host, like Canvas
 * cloud), and the operator's `SB_FRAME_ANCESTORS`. Validated so no wildcard or path gets through.
 */
import { normaliseOrigins } from '../routes/embed/frame-policy.js';
import type { PlatformRow } from './platforms.store.js';

export function platformFrameOrigins(
  platform: Pick<PlatformRow, 'issuer' | 'authEndpoint' | 'frameOrigins'>,
  configured: readonly string[] = [],
): string[] {
  return normaliseOrigins([
    platform.issuer,
    platform.authEndpoint,
    ...platform.frameOrigins,
    ...configured,
  ]);
}
