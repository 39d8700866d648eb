/**
 * @module scorm/learners
 * The person behind a SCORM learner id. SCORM tells the package only an id and a name, with no
 * proof, so these people live in their own namespace (a placeholder email derived from the
 * organisation and the id): a package can never reach a real account, and the same LMS learner
 * comes back to the same person and progress on every launch.
 */
import { and, count, eq, gt, like } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { people } from '../db/schema/index.js';
import { tooManyRequests } from '../limits/rate-limit.js';
import { upsertPerson } from '../store/people.js';

async function hashHex(text: string): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(d).slice(0, 10), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}

/**
 * The person for a SCORM learner id, created on first launch. A package token is a bearer
 * credential anyone holding the package has, so new people are capped per organisation and hour
 * (`newPerHour`, 0: no cap): past it a new id is refused with 429, a known one still launches.
 */
export async function scormLearner(
  db: Database,
  orgId: string,
  learnerId: string,
  learnerName: string,
  opts: { newPerHour: number; now: Date },
) {
  const email = `scorm-${await hashHex(`${orgId} ${learnerId}`)}@scorm.invalid`;
  const name = learnerName.trim() || 'SCORM learner';
  if (opts.newPerHour > 0) {
    const [known] = await db
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.orgId, orgId), eq(people.email, email)))
      .limit(1);
    if (!known) {
      const hourAgo = new Date(opts.now.getTime() - 3600_000);
      const [recent] = await db
        .select({ n: count() })
        .from(people)
        .where(
          and(
            eq(people.orgId, orgId),
            like(people.email, '%@scorm.invalid'),
            gt(people.createdAt, hourAgo),
          ),
        );
      if (recent.n >= opts.newPerHour)
        throw tooManyRequests(
          600,
          'This organisation has taken on many new SCORM learners in the last hour; please try again later.',
        );
    }
  }
  return upsertPerson(db, orgId, { name, email, role: 'learner' });
}
