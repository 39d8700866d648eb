/**
 * @module practice/partner/reaction
 * Which reaction a coded coach turn provokes in the partner. A turn can carry several codes; the
 * partner responds to the one that matters most to them, so the order below is a precedence:
 * what hurts (judgement, unasked advice) outweighs what helps in the same breath, and the
 * question the turn ends on outweighs the reflection before it.
 */
import type { CoachCode, CoachTurnCoding, PartnerReaction, PartnerState } from '../types.js';
import { stageAtLeast } from './stage.js';

export interface MoveReaction {
  reaction: PartnerReaction;
  /** the code that decided the reaction (absent for neutral turns) */
  cause?: CoachCode;
}

const REFLECTIONS: CoachCode[] = ['summary', 'complex_reflection', 'simple_reflection'];

/**
 * Classifies the coach move for this partner state. Readiness matters: an incisive question only
 * lands (insight) once the limiting assumption is out in the open; while exploring it can help
 * the assumption surface; earlier it gets hesitation (`premature`). An action question only
 * leads to a commitment once the partner has reached insight.
 */
export function reactionTo(coding: CoachTurnCoding, state: PartnerState): MoveReaction {
  const has = (code: CoachCode) => coding.codes.includes(code);

  if (has('judgement')) return { reaction: 'defensive', cause: 'judgement' };
  if (has('advice_with_permission'))
    return { reaction: 'welcome_idea', cause: 'advice_with_permission' };
  if (has('advice')) {
    // Advice the partner asked to hear is no longer unasked (MITI: Persuade with Permission).
    return state.permissionGranted
      ? { reaction: 'welcome_idea', cause: 'advice' }
      : { reaction: 'defensive', cause: 'advice' };
  }
  if (has('stacked_questions')) return { reaction: 'overwhelmed', cause: 'stacked_questions' };
  if (has('leading_question')) return { reaction: 'short', cause: 'leading_question' };
  if (has('incisive_question')) {
    if (!stageAtLeast(state.stage, 'exploring'))
      return { reaction: 'premature', cause: 'incisive_question' };
    // Kline's first incisive step ("what are you assuming that stops you?") is how an
    // assumption surfaces: while exploring, before it is out, the question probes like an open one.
    const ready = state.revealed.includes('assumption');
    return { reaction: ready ? 'challenged' : 'curious', cause: 'incisive_question' };
  }
  if (has('action_question')) {
    const ready = stageAtLeast(state.stage, 'insight');
    return { reaction: ready ? 'deciding' : 'premature', cause: 'action_question' };
  }
  if (has('goal_question')) return { reaction: 'agreeing', cause: 'goal_question' };
  if (has('permission_request')) return { reaction: 'permission', cause: 'permission_request' };
  const reflection = REFLECTIONS.find(has);
  if (reflection) return { reaction: 'heard', cause: reflection };
  if (has('open_question')) return { reaction: 'curious', cause: 'open_question' };
  if (has('affirmation')) return { reaction: 'affirmed', cause: 'affirmation' };
  if (has('closed_question')) return { reaction: 'short', cause: 'closed_question' };
  return { reaction: 'neutral' };
}
