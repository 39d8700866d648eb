/**
 * @module auth
 * Who is calling: `requireAuth` turns a bearer token into the caller's person (re-read from the
 * database, so a deleted account or a changed role takes effect at once), `requireToken` does the
 * same for a route that reads the person in its own first statement, and `requireRole` guards a
 * route by role. Every route below reads `c.var.caller` and scopes queries by its org.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from '../app-env.js';
import type { Database } from '../db/index.js';
import { preparedPerDatabase } from '../db/prepared.js';
import { people, type Role } from '../db/schema/index.js';
import { countPersonRequest } from '../limits/rate-limit.js';
import { Problem } from '../problems/index.js';
import { TokenError, verifyToken } from './tokens.js';
import { CALLER_PERSON_COLUMNS } from '../store/caller-person.js';

export { signToken, verifyToken } from './tokens.js';

export interface Caller {
  personId: string;
  orgId: string;
  role: Role;
  name: string;
  email: string;
  tokenKind: 'session' | 'embed';
}

// RFC 6750's scheme and spaces, then exactly a compact JWS (three base64url parts, no padding):
// anything else (padding, `+` or `/`, a fourth part) is refused before it reaches the verifier.
const BEARER = /^Bearer {1,8}([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;

// Every authenticated request runs this: prepared, so it is one round trip (see db/prepared).
const personOfToken = preparedPerDatabase((db) =>
  db
    .select(CALLER_PERSON_COLUMNS)
    .from(people)
    .where(
      and(eq(people.id, sql.placeholder('personId')), eq(people.orgId, sql.placeholder('orgId'))),
    )
    .limit(1)
    .prepare('caller_person'),
);

/** Who a verified bearer token names, before the person behind it has been read. */
export interface TokenCaller {
  personId: string;
  orgId: string;
  /** the role the token was minted with (an embed token's may be narrower than the person's) */
  role: Role;
  tokenKind: 'session' | 'embed';
}

/** What a caller is made of in the database: the person row the token names. */
export interface CallerPerson {
  id: string;
  orgId: string;
  role: Role;
  name: string;
  email: string;
}

/** The bearer token's claims, verified (401 unless the request carries a valid token). */
async function verifiedBearer(c: Context<AppEnv>): Promise<TokenCaller> {
  const header = c.req.header('authorization');
  const match = header ? BEARER.exec(header.trim()) : null;
  if (!match) throw Problem.unauthorized('Send a bearer token in the Authorization header.');
  let claims;
  try {
    claims = await verifyToken(c.var.deps.jwtSecret, match[1]);
  } catch (err) {
    const reason = err instanceof TokenError ? err.reason : 'invalid';
    throw new Problem(
      401,
      'Unauthorized',
      reason === 'expired'
        ? 'Your token has expired; sign in again.'
        : 'The bearer token is not valid.',
      undefined,
      { reason },
    );
  }
  if (!/^[0-9a-f-]{36}$/i.test(claims.sub) || !/^[0-9a-f-]{36}$/i.test(claims.org))
    throw Problem.unauthorized('The bearer token is not valid.');
  return {
    personId: claims.sub,
    orgId: claims.org,
    role: claims.role,
    tokenKind: claims.kind ?? 'session',
  };
}

/**
 * The caller a verified token and the person it names make (401 when the person no longer
 * exists in the token's organisation), with the person's request counted against their limit.
 * `person` is the row read for `token` (same id, same organisation), by `requireAuth` or by a
 * route's own first statement (see `requireToken`).
 */
export async function admitCaller(
  deps: AppDeps,
  token: TokenCaller,
  person: CallerPerson | null | undefined,
): Promise<Caller> {
  if (!person) throw Problem.unauthorized('The account behind this token no longer exists.');
  await countPersonRequest(deps.db, person.id, deps.config.rateLimits.personPerMinute, deps.now());
  // An embed token's role narrows what the person may do (an admin's token minted as a learner for
  // a preview acts as a learner), never widens it: the lesser of the stored role and the token's.
  // A session token is always minted with the person's role at the time, so the stored role
  // governs it: a promotion or a demotion takes effect at once.
  return {
    personId: person.id,
    orgId: person.orgId,
    role: token.tokenKind === 'embed' ? lesserRole(person.role, token.role) : person.role,
    name: person.name,
    email: person.email,
    tokenKind: token.tokenKind,
  };
}

/** The person a token names, in the token's organisation, or null: the bearer check's statement. */
export async function readTokenPerson(db: Database, token: TokenCaller) {
  const [person] = await personOfToken(db).execute({
    personId: token.personId,
    orgId: token.orgId,
  });
  return person ?? null;
}

/**
 * `admitCaller` after a first statement that read a session together with its person (a turn, an
 * ending): that person; or, when no session was found, the person read on their own, so that a
 * token whose person is gone answers 401, not the session's 404.
 */
export async function admitSessionCaller(
  deps: AppDeps,
  token: TokenCaller,
  found: { person: CallerPerson | null } | null | undefined,
): Promise<Caller> {
  return admitCaller(deps, token, found ? found.person : await readTokenPerson(deps.db, token));
}

/** Rejects the request with 401 unless it carries a valid token for an existing person. */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  // already signed in by an earlier middleware on the same request
  if (c.get('caller')) return next();
  const token = await verifiedBearer(c);
  const person = await readTokenPerson(c.var.deps.db, token);
  c.set('caller', await admitCaller(c.var.deps, token, person));
  await next();
});

/**
 * The bearer check of the hottest routes (a coach turn, a session read), which read the person
 * in their own first statement instead of one of their own: one statement and one round trip
 * fewer a request. Rejects an invalid token with 401 and sets `c.var.token`; the route must then
 * pass the person its first statement read to `admitCaller` (401 when there is none) before it
 * does anything else, and set `c.var.caller`.
 */
export const requireToken = createMiddleware<AppEnv>(async (c, next) => {
  c.set('token', await verifiedBearer(c));
  await next();
});

const ROLE_RANK: Record<Role, number> = { learner: 0, facilitator: 1, admin: 2 };

/** The lesser of two roles: what a person holding `stored` may do with a token minted as `claimed`. */
export function lesserRole(stored: Role, claimed: Role): Role {
  return ROLE_RANK[claimed] < ROLE_RANK[stored] ? claimed : stored;
}

/** 403 unless the caller has one of the roles. Use after `requireAuth`. */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!roles.includes(c.var.caller.role))
      throw Problem.forbidden(`This needs one of the roles: ${roles.join(', ')}.`);
    await next();
  });
}
