/**
 * @module auth/tickets
 * Short signed tickets the server hands out and later takes back (a SCORM package's credential,
 * an LTI deep-linking ticket): HS256 with the server secret, one audience per kind of ticket so
 * one kind is never accepted as another, an issue time and an expiry. Written once here.
 */
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';

/**
 * Signs `payload` for `audience`, valid `ttlSeconds` from `now`.
 * @example await signTicket(secret, 'sounding-board/scorm-package', { org, drill }, 3600, new Date())
 */
export async function signTicket(
  secret: string,
  audience: string,
  payload: Record<string, unknown>,
  ttlSeconds: number,
  now: Date,
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
}

/** The ticket's payload, or null when it is forged, expired or meant for another audience. */
export async function readTicket(
  secret: string,
  audience: string,
  ticket: string,
  now: Date,
): Promise<JWTPayload | null> {
  try {
    const { payload } = await jwtVerify(ticket, new TextEncoder().encode(secret), {
      audience,
      algorithms: ['HS256'],
      currentDate: now,
    });
    return payload;
  } catch {
    return null;
  }
}
