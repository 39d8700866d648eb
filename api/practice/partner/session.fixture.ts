/**
 * @module practice/partner/session.fixture
 * Test support: hand-built codings (so engine tests do not depend on the coder) and a player
 * that runs a sequence of coach moves through decide + voice, keeping every step.
 */
import type { CoachCode, CoachTurnCoding, PartnerCard, PartnerDirective, PartnerState } from '../types.js';
import { startPartner } from './start.js';
import { advancePartner } from './transition.js';
import { scriptedReply } from './voice.js';

/** A coding carrying exactly these codes. */
export function coded(...codes: CoachCode[]): CoachTurnCoding {
  const questions = codes.filter((c) => c.endsWith('_question')).length;
  return { label: 'other', codes: codes.length ? codes : ['other'], questionCount: codes.includes('stacked_questions') ? 3 : questions, words: 12, coderVersion: 'fixture' };
}

export interface PlayedTurn {
  codes: CoachCode[];
  directive: PartnerDirective;
  state: PartnerState;
  reply: string;
}

export interface PlayedSession {
  opening: string;
  turns: PlayedTurn[];
  final: PartnerState;
}

/** Plays coach moves against a card from a fresh start with this seed. */
export function play(card: PartnerCard, seed: number, moves: CoachCode[][]): PlayedSession {
  const started = startPartner(card, seed);
  let state = started.state;
  const turns: PlayedTurn[] = [];
  for (const codes of moves) {
    const decided = advancePartner(card, state, coded(...codes), '');
    const spoken = scriptedReply(card, decided.state, decided.directive);
    state = spoken.state;
    turns.push({ codes, directive: decided.directive, state, reply: spoken.text });
  }
  return { opening: started.opening, turns, final: state };
}

/**
 * Good coaching in the Learning Partnership sense: agree the goal, listen (complex reflections,
 * summaries), open questions one at a time, an incisive question once the assumption is out,
 * then the action question.
 */
export const GOOD_MOVES: CoachCode[][] = [
  ['goal_question'],
  ['complex_reflection'],
  ['open_question'],
  ['complex_reflection'],
  ['summary'],
  ['open_question'],
  ['complex_reflection'],
  ['simple_reflection', 'open_question'],
  ['complex_reflection'],
  ['summary'],
  ['incisive_question'],
  ['complex_reflection'],
  ['action_question'],
  ['action_question'],
  ['affirmation'],
];

/** Poor coaching: closed and leading questions, unasked advice, judgement, stacked questions, action too early. */
export const POOR_MOVES: CoachCode[][] = [
  ['closed_question'],
  ['advice'],
  ['closed_question'],
  ['judgement'],
  ['leading_question'],
  ['stacked_questions'],
  ['advice'],
  ['action_question'],
  ['simple_reflection'],
  ['incisive_question'],
  ['advice'],
  ['action_question'],
  ['closed_question'],
  ['action_question'],
  ['judgement'],
];

/** A card with no script (generic lines only) and unmistakable hidden texts, for gating tests. */
export function bareCard(difficulty: PartnerCard['difficulty'] = 'moderate'): PartnerCard {
  return {
    id: `bare-${difficulty}`,
    version: 'test',
    title: 'Bare test partner',
    difficulty,
    partner: { name: 'Alex Test', role: 'Analyst', team: 'Testing' },
    brief: 'A partner with no scripted lines.',
    focus: ['listening'],
    persona: 'Plain.',
    hidden: {
      concern: 'HIDDEN-CONCERN the rota is unfair.',
      assumption: 'HIDDEN-ASSUMPTION asking would make me look weak.',
      want: 'HIDDEN-WANT a fair rota.',
      action: 'HIDDEN-ACTION raise it on Monday.',
    },
  };
}
