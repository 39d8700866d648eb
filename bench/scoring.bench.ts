/**
 * @module bench/scoring.bench
 * `npx tsx bench/scoring.bench.ts`: how long the pure practice-domain steps take on one core:
 * scoring a 52-turn session, rule feedback for one turn (alternatives checked by the coder), and
 * progress plus readiness for a cohort of 300 learners with 30 ended sessions each. Prints the
 * median of several timed runs after a warm-up.
 */
import { feedbackForTurn } from '../api/practice/feedback/index.js';
import { learnerProgress, readinessToPartner } from '../api/practice/progress/index.js';
import { scoreSession } from '../api/practice/rubric/index.js';
import { coding, GOOD_SESSION, POOR_SESSION } from '../test/fixtures/transcripts.fixture.js';
import type { TranscriptTurn } from '../api/practice/types.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median milliseconds per call of `fn`, over `runs` runs of `reps` calls each. */
function time(fn: () => unknown, reps: number, runs = 7): number {
  for (let i = 0; i < reps; i++) fn(); // warm-up
  const per: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < reps; i++) fn();
    per.push(Number(process.hrtime.bigint() - t) / 1e6 / reps);
  }
  return median(per);
}

// a 52-turn session: the good and poor fixtures back to back, renumbered
const long: TranscriptTurn[] = [
  ...GOOD_SESSION,
  ...POOR_SESSION,
  ...GOOD_SESSION,
  ...POOR_SESSION,
].map((t, index) => ({ ...t, index }));
const good = scoreSession(GOOD_SESSION);
const poor = scoreSession(POOR_SESSION);
const cohort = Array.from({ length: 300 }, (_, l) =>
  Array.from({ length: 30 }, (_, s) => ({
    sessionId: `l${l}s${s}`,
    at: new Date(Date.UTC(2026, 0, 1 + s)).toISOString(),
    scorecard: (l + s) % 3 ? good : poor,
  })),
);
const prior = GOOD_SESSION.filter((t) => t.role === 'coach')
  .slice(0, 3)
  .map((t) => t.coding!);

const score = time(() => scoreSession(long), 1000);
const feedback = time(
  () =>
    feedbackForTurn({
      coding: coding('You should tell her the real date.', ['advice']),
      coachText: 'You should tell her the real date.',
      previousPartnerText:
        "I keep giving my manager dates I can't hit. Honestly, I'm worried she'll think I can't run the project.",
      stage: 'exploring',
      coachTurnNumber: 4,
      priorCodings: prior,
      partnerName: 'Priya',
    }),
  1000,
);
const cohortMs = time(
  () => {
    for (const h of cohort) {
      learnerProgress(h);
      readinessToPartner(h);
    }
  },
  1,
  5,
);

console.log(`scoreSession, ${long.length}-turn session: median ${(score * 1000).toFixed(0)} µs`);
console.log(
  `feedbackForTurn (advice, reflection alternative checked by the coder): median ${(feedback * 1000).toFixed(0)} µs`,
);
console.log(
  `progress + readiness, 300 learners x 30 sessions: median ${cohortMs.toFixed(1)} ms (${((cohortMs / 300) * 1000).toFixed(0)} µs per learner)`,
);
