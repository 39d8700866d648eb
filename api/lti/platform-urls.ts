/**
 * @module lti/platform-urls
 * The URLs an admin registers for a platform that the server itself calls (the key set and the
 * token endpoint) or sends people to (the login endpoint) may not point inside the server's own
 * network, as with the LRS endpoint: loopback, private and link-local targets are refused unless
 * SB_ALLOW_PRIVATE_HOSTS names them. Checked here when a registration is saved, and again by the
 * fetches themselves (net/guarded-fetch), since a name may resolve elsewhere later.
 */
import { privateTargetReason } from '../net/private-targets.js';

/** The registered fields holding a URL the server calls or redirects to. */
export const PLATFORM_URL_FIELDS = ['jwksUrl', 'tokenEndpoint', 'authEndpoint'] as const;

/**
 * Each given URL field that points inside, with why; empty when all may be used.
 * @example await platformUrlRefusals({ jwksUrl: 'http://169.254.169.254/' }, [])
 */
export async function platformUrlRefusals(
  fields: Partial<Record<(typeof PLATFORM_URL_FIELDS)[number], string>>,
  allowHosts: readonly string[],
): Promise<{ path: string; message: string }[]> {
  const refusals: { path: string; message: string }[] = [];
  for (const field of PLATFORM_URL_FIELDS) {
    const url = fields[field];
    if (url === undefined) continue;
    const reason = await privateTargetReason(url, allowHosts);
    if (reason) refusals.push({ path: field, message: `refused: ${reason}` });
  }
  return refusals;
}
