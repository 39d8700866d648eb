/**
 * @module scorm/package-token
 * The credential inside a SCORM package. SCORM has no authentication of its own, so the package
 * carries a token (signed with the server secret) that names one organisation and one drill; the
 * launch page exchanges it, with the learner id the LMS reports, for a short-lived learner token.
 * It can only ever create or reach SCORM learners of that organisation (never a real account), and
 * it expires; a facilitator downloads a fresh package to renew it.
 */
import { readTicket, signTicket } from '../auth/tickets.js';

const AUDIENCE = 'sounding-board/scorm-package';
export const PACKAGE_TOKEN_TTL_S = 365 * 24 * 3600;

export interface PackageClaims {
  orgId: string;
  drillId: string;
}

export async function signPackageToken(
  secret: string,
  c: PackageClaims,
  now: Date,
): Promise<string> {
  return signTicket(secret, AUDIENCE, { org: c.orgId, drill: c.drillId }, PACKAGE_TOKEN_TTL_S, now);
}

/** The package's organisation and drill, or null when the token is forged or expired. */
export async function readPackageToken(
  secret: string,
  token: string,
  now: Date,
): Promise<PackageClaims | null> {
  const payload = await readTicket(secret, AUDIENCE, token, now);
  if (typeof payload?.org !== 'string' || typeof payload.drill !== 'string') return null;
  return { orgId: payload.org, drillId: payload.drill };
}
