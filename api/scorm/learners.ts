/**
 * @module scorm/learners
 * The person behind a SCORM learner id. SCORM tells the package only an id and a name, with no
 * proof, so these people live in their own namespace (a placeholder email derived from the
 * organisation and the id): a package can never reach a real account, and the same LMS learner
 * comes back to the same person and progress on every launch.
 */
import type { Database } from '../db/index.js';
import { upsertPerson } from '../store/people.js';

async function hashHex(text: string): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(d).slice(0, 10), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function scormLearner(db: Database, orgId: string, learnerId: string, learnerName: string) {
  const email = `scorm-${await hashHex(`${orgId} ${learnerId}`)}@scorm.invalid`;
  const name = learnerName.trim() || 'SCORM learner';
  return upsertPerson(db, orgId, { name, email, role: 'learner' });
}
