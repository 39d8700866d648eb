/**
 * @module lti/launch-error
 * Why a login or launch was refused. Every check has its own reason so the error page can say what
 * to fix and the tests can prove each check is there. Nothing is created for a refused launch.
 */

export const LAUNCH_FAILURES = {
  login_params: 'The login request is missing `iss`, `login_hint` or `target_link_uri`.',
  platform: 'No platform with this issuer and client id is registered with Sounding Board.',
  target: 'The target link does not point at this Sounding Board.',
  state:
    'This launch is not one Sounding Board started, or it was already used. Launch again from the course.',
  state_expired: 'The launch took too long to complete. Launch again from the course.',
  malformed: 'The id_token is not a well-formed signed JWT.',
  algorithm: 'The id_token must be signed with RS256.',
  unknown_kid: 'The id_token is signed with a key the platform does not publish.',
  jwks_unavailable: 'The platform’s public keys could not be fetched.',
  signature: 'The id_token signature does not verify with the platform’s key.',
  issuer: 'The id_token was issued by a different platform than the one that started the login.',
  audience: 'The id_token is not addressed to this tool’s client id.',
  azp: 'The id_token’s authorised party is not this tool.',
  expired: 'The id_token has expired.',
  iat: 'The id_token’s issue time is too old or in the future.',
  nonce: 'The id_token’s nonce does not match the login.',
  deployment: 'The deployment id is not registered for this platform.',
  message_type: 'Sounding Board only accepts resource link and deep linking launches.',
  version: 'Only LTI 1.3.0 launches are accepted.',
  claims: 'The launch is missing required claims.',
  role: 'This needs an instructor role in the course.',
  drill: 'The drill linked here does not exist in this organisation.',
  busy: 'Too many launches are under way just now. Please launch again in a few minutes.',
} as const;

export type LaunchFailure = keyof typeof LAUNCH_FAILURES;

export class LaunchError extends Error {
  constructor(
    public readonly reason: LaunchFailure,
    public readonly status: 400 | 401 | 403 | 404 | 502 | 503 = 401,
    public readonly hint?: string,
    /**
     * What went wrong with a peer (the platform's key set), for the operator's log only: the
     * page is seen by whoever launched, who could not otherwise see what the platform answered.
     */
    public readonly logDetail?: string,
  ) {
    super(LAUNCH_FAILURES[reason] + (hint ? ` (${hint})` : ''));
    this.name = 'LaunchError';
  }
}
