/**
 * @module partnerships/attention
 * When a partnership needs its facilitator, said in plain words: no agreement two weeks after
 * pairing, no session for two cadences, coaching that only ever goes one way, or a partner asking
 * for help. Pure: the facilitator's series view calls it for each partnership.
 */
import { CADENCE_DAYS, type Cadence } from './agreement.js';
import { NUDGE_AFTER } from './reciprocity.js';

export const AGREEMENT_GRACE_DAYS = 14;
const DAY = 86_400_000;

export interface PartnershipFacts {
  status: 'proposed' | 'active' | 'ended';
  createdAt: Date;
  activatedAt: Date | null;
  /** the cadence of the agreement in force, if any */
  cadence: Cadence | null;
  lastSessionOn: Date | null;
  sessions: number;
  /** sessions coached per partner, by name */
  coachedBy: { name: string; count: number }[];
  streak: { name: string; count: number } | null;
  helpRequest: { name: string; message: string } | null;
}

const days = (ms: number) => Math.floor(ms / DAY);

/** The reasons a partnership needs attention now; empty when it is going well (or has ended). */
export function partnershipAttention(f: PartnershipFacts, now: Date): string[] {
  if (f.status === 'ended') return [];
  const out: string[] = [];
  if (f.helpRequest)
    out.push(`${f.helpRequest.name} asked for your help: “${f.helpRequest.message}”`);
  const sincePaired = days(now.getTime() - f.createdAt.getTime());
  if (f.status === 'proposed' && sincePaired >= AGREEMENT_GRACE_DAYS)
    out.push(`No agreement yet, ${sincePaired} days after they were paired.`);
  if (f.status === 'active' && f.cadence) {
    const from = f.lastSessionOn ?? f.activatedAt ?? f.createdAt;
    const quiet = days(now.getTime() - from.getTime());
    if (quiet > 2 * CADENCE_DAYS[f.cadence]) {
      out.push(
        f.lastSessionOn
          ? `No session for ${quiet} days; they agreed to meet ${f.cadence}.`
          : `No session yet, ${quiet} days after agreeing to meet ${f.cadence}.`,
      );
    }
  }
  const none = f.coachedBy.find((c) => c.count === 0);
  const some = f.coachedBy.find((c) => c.count > 0);
  if (f.sessions >= NUDGE_AFTER && none && some)
    out.push(
      `One-sided coaching: ${some.name} has coached all ${f.sessions} sessions; ${none.name} has not coached yet.`,
    );
  else if (f.streak && f.streak.count >= NUDGE_AFTER)
    out.push(
      `One-sided coaching lately: ${f.streak.name} has coached the last ${f.streak.count} sessions.`,
    );
  return out;
}
