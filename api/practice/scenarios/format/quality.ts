/**
 * @module practice/scenarios/format/quality
 * Checks on a scenario's words that need no dictionary: whether a model move codes as the move
 * it claims to be (run through the offline coder with the partner's line before it), and which
 * partner lines every partner may share (a tiny neutral set of acknowledgements).
 */
import { codeUtterance } from '../../coder/index.js';
import type { CoachCode, ModelQuestionKind, PartnerCard } from '../../types.js';

/** Lines any partner may say: too small to be anyone's voice. Everything else is one partner's own. */
export const NEUTRAL_LINES: ReadonlySet<string> = new Set(
  [
    'Mm.',
    'Okay.',
    'Right.',
    'Yes.',
    'No.',
    'I see.',
    'Sure.',
    'Mm-hmm.',
    'Fair enough.',
    'Go on.',
    'Maybe.',
    'Thanks.',
  ].map(normaliseLine),
);

/** The form lines are compared in: lower case, curly quotes straightened, spaces collapsed. */
export function normaliseLine(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

export type ClaimedMove = 'reflection' | ModelQuestionKind;

const WANTED: Record<ClaimedMove, CoachCode[]> = {
  reflection: ['simple_reflection', 'complex_reflection', 'summary'],
  open: ['open_question'],
  goal: ['goal_question'],
  incisive: ['incisive_question'],
  action: ['action_question'],
};

/** Codes no model move may carry, whatever it claims. */
const NEVER: CoachCode[] = [
  'advice',
  'judgement',
  'leading_question',
  'stacked_questions',
  'closed_question',
  'reassurance',
  'information',
  'self_disclosure',
];

/**
 * Whether `text` codes as the claimed move (and nothing a model move must never be), coded as a
 * reply to `partnerLine`.
 * @example codesAsClaimed("You want your weeknights back.", 'reflection', "I'd like to see my kids.").ok // true
 */
export function codesAsClaimed(
  text: string,
  claimed: ClaimedMove,
  partnerLine: string,
): { ok: boolean; wanted: string; codes: CoachCode[] } {
  const { codes } = codeUtterance(text, { prevPartner: partnerLine });
  const wanted =
    claimed === 'reflection'
      ? 'a reflection'
      : `${/^[aeiou]/.test(claimed) ? 'an' : 'a'} ${claimed} question`;
  // a closed action question ("When will you ask her?") is still a good action question: asking
  // for a time or a commitment is closed by its form, and the action is the move it claims
  const never = claimed === 'action' ? NEVER.filter((c) => c !== 'closed_question') : NEVER;
  const bad =
    codes.some((c) => never.includes(c)) ||
    (claimed === 'reflection' && codes.includes('open_question'));
  return { ok: !bad && WANTED[claimed].some((c) => codes.includes(c)), wanted, codes };
}

/** How a card's model moves code: counted for the preview and for an organisation's scenario. */
export interface ScenarioFigures {
  lines: number;
  modelMoves: number;
  modelMovesCodingAsClaimed: number;
  /** each model move the coder does not read as the move it claims */
  notCodingAsClaimed: { path: string; message: string }[];
}

const MOVE_FIELDS = ['simpleReflection', 'complexReflection', 'question'] as const;

/** Runs every model move of a card through the offline coder (a few milliseconds a card). */
export function scenarioFigures(card: PartnerCard): ScenarioFigures {
  const figures: ScenarioFigures = {
    lines: 0,
    modelMoves: 0,
    modelMovesCodingAsClaimed: 0,
    notCodingAsClaimed: [],
  };
  for (const line of card.lines ?? []) {
    figures.lines++;
    if (!line.moves) continue;
    for (const field of MOVE_FIELDS) {
      figures.modelMoves++;
      const verdict = codesAsClaimed(
        line.moves[field],
        field === 'question' ? line.moves.questionKind : 'reflection',
        line.text,
      );
      if (verdict.ok) figures.modelMovesCodingAsClaimed++;
      else {
        const path = `${line.id.replace(/\.answer$/, '')}.moves.${field}`;
        figures.notCodingAsClaimed.push({
          path,
          message: `should code as ${verdict.wanted} but the coder reads ${verdict.codes.join(', ')}`,
        });
      }
    }
  }
  return figures;
}
