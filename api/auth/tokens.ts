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
    key = crypto.subtle.importKey(
      'raw',
      encoder.encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    if (keys.size > 8) keys.clear(); // tests use a few secrets; a server uses one
    keys.set(secret, key);
  }
  return key;
}

/**
 * Signs a token.
 * @example await signToken(secret, { sub: personId, org: orgId, role: 'learner' }, 3600)
 */
export async function signToken(
  secret: string,
  claims: TokenClaims,
  ttlSeconds: number,
): Promise<string> {
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

// A client sends the same token with every request, and verifying it (an HMAC through Web
// Crypto, which on Node hands the work to a thread-pool thread and back) cost more than anything
// else in the bearer check but the person look-up. So the claims of a token that verified are
// kept, by secret and token, until the token's expiry, which is checked again on every use (an
// expired one goes back through jose, which says so). Only tokens that verified are kept, a
// token's claims never change, and the memo is bounded: safe on Workers too.
const verified = new Map<string, { secret: string; claims: TokenClaims; exp: number }>();
const MAX_VERIFIED = 1000;

/** Verifies signature, issuer and expiry; returns the claims or throws TokenError. */
export async function verifyToken(secret: string, token: string): Promise<TokenClaims> {
  const known = verified.get(token);
  if (known && known.secret === secret && Math.floor(Date.now() / 1000) < known.exp)
    return { ...known.claims };
  if (known) verified.delete(token);
  try {
    const { payload } = await jwtVerify(token, await hmacKey(secret), {
      issuer: ISSUER,
      algorithms: ['HS256'],
    });
    const { sub, org, role, kind, exp } = payload as Record<string, unknown>;
    if (
      typeof sub !== 'string' ||
      typeof org !== 'string' ||
      (role !== 'learner' && role !== 'facilitator' && role !== 'admin')
    ) {
      throw new TokenError('invalid');
    }
    const claims: TokenClaims = { sub, org, role, kind: kind === 'embed' ? 'embed' : 'session' };
    if (typeof exp === 'number') {
      if (verified.size >= MAX_VERIFIED) verified.clear();
      verified.set(token, { secret, claims, exp });
    }
    return { ...claims };
  } catch (err) {
    if (err instanceof TokenError) throw err;
    if (err instanceof errors.JWTExpired) throw new TokenError('expired');
    throw new TokenError('invalid');
  }
}
