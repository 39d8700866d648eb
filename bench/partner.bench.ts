/**
 * @module bench/partner
 * The scripted partner's cost per coach turn (decide + voice), early in a session and late in a
 * 25-turn one (the used-lines list grows), as medians over many runs across every scenario.
 * Run: `npx tsx bench/partner.bench.ts [runs]`.
 */
import { advancePartner, scriptedReply, startPartner } from '../api/practice/partner/index.js';
import { PARTNER_CARDS } from '../api/practice/scenarios/index.js';
import type { CoachCode, CoachTurnCoding, PartnerState } from '../api/practice/types.js';

const RUNS = Number(process.argv[2] ?? 200);
const MOVES: CoachCode[] = [
  'goal_question',
  'complex_reflection',
  'open_question',
  'summary',
  'simple_reflection',
  'advice',
  'closed_question',
  'incisive_question',
  'action_question',
  'affirmation',
];
const coding = (code: CoachCode): CoachTurnCoding => ({
  label: 'other',
  codes: [code],
  questionCount: 1,
  words: 12,
  coderVersion: 'bench',
});

const early: number[] = [];
const late: number[] = [];
const whole: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const card = PARTNER_CARDS[run % PARTNER_CARDS.length];
  const t0 = performance.now();
  let state: PartnerState = startPartner(card, run).state;
  for (let turn = 0; turn < 25; turn++) {
    const t = performance.now();
    const decided = advancePartner(card, state, coding(MOVES[(run + turn * 3) % MOVES.length]), '');
    state = scriptedReply(card, decided.state, decided.directive).state;
    const ms = performance.now() - t;
    if (turn === 0) early.push(ms);
    if (turn === 24) late.push(ms);
  }
  whole.push(performance.now() - t0);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `scripted partner, ${RUNS} sessions of 25 turns across ${PARTNER_CARDS.length} scenarios`,
);
console.log(`median turn 1:          ${(median(early) * 1000).toFixed(0)} µs`);
console.log(`median turn 25:         ${(median(late) * 1000).toFixed(0)} µs`);
console.log(`median whole session:   ${median(whole).toFixed(2)} ms`);
