/**
 * @module practice/scenarios/library
 * The built-in scenario library: every partner card, parsed once from the bundled scenario files
 * (`cards/*.yaml`, see `built-in.generated.ts`), looked up by id, and the learner-safe list.
 */
import type { PartnerCard, ScenarioBrief } from '../types.js';
import { toBrief } from './brief.js';
import { BUILT_IN_SCENARIO_FILES } from './built-in.generated.js';
import { parseScenarioText } from './format/parse.js';

const DIFFICULTY_ORDER = { gentle: 0, moderate: 1, challenging: 2 } as const;
/** Within a difficulty, the order a learner meets them in (a scenario not listed comes after). */
const PATH = [
  'new-manager-overwhelmed',
  'returning-after-leave',
  'first-partnership-session',
  'celebrating-a-win',
  'hesitating-to-speak-up',
  'career-crossroads',
  'avoiding-difficult-feedback',
  'reviewing-last-action',
  'fresh-view-on-strategy',
  'friction-with-another-team',
  'setback-after-failed-project',
  'other-side-of-the-partnership',
];
const placeOf = (id: string) => (PATH.includes(id) ? PATH.indexOf(id) : PATH.length);

/** Parses a bundled file; a broken built-in scenario is a build error, so it throws with every issue. */
function builtIn(file: string, text: string): PartnerCard {
  const parsed = parseScenarioText(text);
  if (parsed.ok) return parsed.card;
  const issues = parsed.issues
    .map((i) => `  ${file}:${i.line ?? '?'} ${i.path || '(file)'}: ${i.message}`)
    .join('\n');
  throw new Error(
    `Built-in scenario ${file} is not valid (run npm run scenarios:check):\n${issues}`,
  );
}

/** All built-in cards, gentle first, so the list reads as a path from easy to hard. */
export const PARTNER_CARDS: readonly PartnerCard[] = [
  ...BUILT_IN_SCENARIO_FILES.map((f) => builtIn(f.file, f.text)),
]
  .map((card, i) => ({ card, i }))
  .sort(
    (a, b) =>
      DIFFICULTY_ORDER[a.card.difficulty] - DIFFICULTY_ORDER[b.card.difficulty] ||
      placeOf(a.card.id) - placeOf(b.card.id) ||
      a.i - b.i,
  )
  .map((x) => x.card);

const BY_ID = new Map(PARTNER_CARDS.map((card) => [card.id, card]));

/** What a learner may see of every scenario: never hidden layers or persona internals. */
export function listScenarios(): ScenarioBrief[] {
  return PARTNER_CARDS.map(toBrief);
}

/** The full card for the server (engine, LLM voice): undefined for an unknown id. */
export function getPartnerCard(id: string): PartnerCard | undefined {
  return BY_ID.get(id);
}
