/**
 * @module evals/feedback/supervise
 * A session to read as a coaching supervisor would: a coach's lines (one a line, `#` for notes)
 * played against a scenario's scripted partner through the real turn pipeline (`planTurn`, with
 * each earlier coach turn's coding and feedback in `recent`), printing every partner line, the
 * codes, and all four feedback boxes a learner reads. Not a measure: a reading aid for finding
 * wrong praise, missed faults and awkward English that no count shows.
 *
 * @example
 * npx tsx evals/feedback/supervise.ts evals/feedback/supervision/career-crossroads.middling.txt
 * npx tsx evals/feedback/supervise.ts my-lines.txt hesitating-to-speak-up
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { startPartner } from '../../api/practice/partner/index.js';
import { getPartnerCard } from '../../api/practice/scenarios/index.js';
import {
  EMPTY_COACH_RECORD,
  planTurn,
  TURN_WINDOW,
  type TurnContext,
} from '../../api/practice/turn/plan-turn.js';

function main(): void {
  const [file, named] = process.argv.slice(2);
  if (!file) throw new Error('usage: supervise.ts <lines.txt> [scenario-id]');
  // "career-crossroads.middling.txt" names its scenario
  const scenarioId = named ?? basename(file).split('.')[0];
  const card = getPartnerCard(scenarioId);
  if (!card) throw new Error(`no scenario "${scenarioId}"`);
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const started = startPartner(card, 7);
  let partnerState = started.state;
  let record = EMPTY_COACH_RECORD;
  const recent: TurnContext['recent'] = [{ index: 0, role: 'partner', text: started.opening }];
  console.log(`${card.partner.name}, ${card.title}\nP0: ${started.opening}`);
  let index = 1;
  for (const text of lines) {
    const plan = planTurn(
      { card, partnerState, record, recent: recent.slice(-TURN_WINDOW) },
      { index, text },
    );
    const f = plan.feedback;
    const engaged = plan.coding.engaged === false ? ' | not engaged' : '';
    console.log(
      `\nC${index}: ${text}\n   [${plan.coding.label} | ${plan.coding.codes.join(', ')}${engaged}]`,
    );
    console.log(`   worked:      ${f.worked}\n   improve:     ${f.improve}`);
    console.log(`   suggestion:  ${f.suggestion}\n   alternative: ${f.alternative}`);
    recent.push({ index, role: 'coach', text, coding: plan.coding, feedback: f });
    recent.push({ index: index + 1, role: 'partner', text: plan.draft });
    partnerState = plan.partnerState;
    record = plan.record;
    console.log(`P${index + 1} (${plan.directive.stage}): ${plan.draft}`);
    index += 2;
  }
}

main();
