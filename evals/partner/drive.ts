/**
 * @module evals/partner/drive
 * Reads a scripted session as a supervisor would: coach lines from a file (or argv), one card,
 * each turn planned by `planTurn` with the window of earlier turns, printed with stage, trust,
 * codes and the partner's reply. `npx tsx evals/partner/drive.ts <card-id> <lines-file> [seed]`
 */
import { readFileSync } from 'node:fs';
import { startPartner } from '../../api/practice/partner/index.js';
import { getPartnerCard } from '../../api/practice/scenarios/index.js';
import {
  EMPTY_COACH_RECORD,
  planTurn,
  type TurnContext,
} from '../../api/practice/turn/plan-turn.js';

const [cardId, file, seedText] = process.argv.slice(2);
const card = getPartnerCard(cardId);
if (!card) throw new Error(`no card ${cardId}`);
const lines = readFileSync(file, 'utf8')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));
const started = startPartner(card, Number(seedText ?? 7));
let partnerState = started.state;
let record = EMPTY_COACH_RECORD;
const recent: TurnContext['recent'] = [{ index: 0, role: 'partner', text: started.opening }];
console.log(`== ${card.id} (${card.partner.name}, ${card.difficulty})`);
console.log(`P: ${started.opening}`);
let index = 1;
for (const text of lines) {
  const plan = planTurn({ card, partnerState, record, recent }, { index, text });
  recent.push({ index, role: 'coach', text, coding: plan.coding, feedback: plan.feedback });
  recent.push({ index: index + 1, role: 'partner', text: plan.draft });
  index += 2;
  partnerState = plan.partnerState;
  record = plan.record;
  console.log(`\nC: ${text}   [${plan.coding.codes.join(',')}]`);
  console.log(
    `P: ${plan.draft}   {${partnerState.stage} t=${partnerState.trust.toFixed(2)} rev=${partnerState.revealed.join('/')} react=${plan.directive.reaction}}`,
  );
}
