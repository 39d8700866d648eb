/**
 * @module auth/tokens
 * Bearer JWTs signed by the server (HS256 through jose) carrying person, organisation and role.
 * Works the same on Node and Workers (Web Crypto underneath).
 */
import { SignJWT, jwtVerify, errors } from 'jose';
import type { Role } from '../db/schema/index.js';

export interface TokenClaims {
  /** person id */
  sub: string;
  org: string;
  role: Role;
  /** what the token is for: a full session, or a short-lived embed */
  kind?: 'session' | 'embed';
}

const ISSUER = 'sounding-board';
const encoder = new TextEncoder();

// Importing the HMAC key costs more than the verification itself; every request verifies a
// token, so each secret's key is imported once (a memo of pure values, safe on Workers too).
const keys = new Map<string, Promise<CryptoKey>>();
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    if (keys.size > 8) keys.clear(); // tests use a few secrets; a server uses one
    keys.set(secret, key);
  }
  return key;
}

/**
 * Signs a token.
 * @example await signToken(secret, { sub: personId, org: orgId, role: 'learner' }, 3600)
 */
export async function signToken(secret: string, claims: TokenClaims, ttlSeconds: number): Promise<string> {
  return new SignJWT({ org: claims.org, role: claims.role, kind: claims.kind ?? 'session' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(await hmacKey(secret));
}

export class TokenError extends Error {
  constructor(public readonly reason: 'expired' | 'invalid') {
    super(reason === 'expired' ? 'The token has expired.' : 'The token is not valid.');
    this.name = 'TokenError';
  }
}

/** Verifies signature, issuer and expiry; returns the claims or throws TokenError. */
export async function verifyToken(secret: string, token: string): Promise<TokenClaims> {
  try {
    const { payload } = await jwtVerify(token, await hmacKey(secret), { issuer: ISSUER, algorithms: ['HS256'] });
    const { sub, org, role, kind } = payload as Record<string, unknown>;
    if (typeof sub !== 'string' || typeof org !== 'string' || (role !== 'learner' && role !== 'facilitator' && role !== 'admin')) {
      throw new TokenError('invalid');
    }
    return { sub, org, role, kind: kind === 'embed' ? 'embed' : 'session' };
  } catch (err) {
    if (err instanceof TokenError) throw err;
    if (err instanceof errors.JWTExpired) throw new TokenError('expired');
    throw new TokenError('invalid');
  }
}
