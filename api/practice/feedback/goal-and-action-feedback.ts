/**
 * @module practice/feedback/goal-and-action-feedback
 * Feedback for the kinds of goal and action question that need their own words (coder/
 * goal-and-action.ts): an outcome question ("What would you like to be different by the end of
 * the year?") helps the partner picture what they want, and is no late contracting; a goal
 * question after the coach has already contracted re-checks the agreement rather than coming
 * "late"; an obstacle question ("What might get in the way?") tests a plan, so it fits once there
 * is one and puzzles the partner before.
 */
import { isObstacleQuestion, isOutcomeQuestion } from '../coder/goal-and-action.js';
import { normalise } from '../coder/text.js';
import type { PartnerStage } from '../types.js';
import type { Parts, TurnMoment } from './move-feedback.js';

const READY_FOR_ACTION: readonly PartnerStage[] = ['insight', 'committing'];

/** The partner's own words naming a step they mean to take ("I'll ask Mei first", "I could ..."). */
const PARTNER_PLAN =
  /\bi(?:'ll| will|'m going to| am going to| could| might| plan to| want to try| need to)\b(?! (?:never|not|try not))/i;

/** Stages at which the partner has no plan yet, whatever the coach asked before. */
const BEFORE_A_PLAN: readonly PartnerStage[] = ['guarded', 'opening_up'];

/**
 * Whether there is a plan for an obstacle question to test: named by the partner, or asked for
 * once the partner has moved past the early stages. An earlier action question alone is not a
 * plan: "Who could support you?" answered with names gives the obstacle nothing to block.
 */
function planOnTheTable(c: TurnMoment): boolean {
  if (PARTNER_PLAN.test(c.prev ?? '')) return true;
  return c.so.actionAsked && !(c.stage && BEFORE_A_PLAN.includes(c.stage));
}

/** The question sentences of a turn, normalised. */
const questionsOf = (text: string) => normalise(text).match(/[^.?!]+\?/g) ?? [];

/**
 * Feedback for a goal question that is not the session's first contracting: an outcome in the
 * partner's situation, or a re-check once the goal was agreed. `null`: the usual goal wording.
 */
export function laterGoalParts(c: TurnMoment): Parts | null {
  const n = c.name;
  const outcome = questionsOf(c.text).some(isOutcomeQuestion);
  if (outcome) {
    return {
      worked: `You asked ${n} to picture what they want to be different, which gives the conversation somewhere to head (the “Goal” of GROW: Goal, Reality, Options, Will).`,
      improve: c.so.goalAsked
        ? `When ${n} answers, reflect the picture back in their words before moving on, so the aim stays theirs.`
        : `It sets an aim for ${n}'s situation, not for this conversation; a quick check of what they want from today would frame the rest.`,
      suggestion:
        c.stage && READY_FOR_ACTION.includes(c.stage)
          ? `To turn the picture into a plan, next ask what first step would move ${n} towards it.`
          : `To make the aim concrete, ask ${n} what would tell them they were getting there.`,
      alt: null,
    };
  }
  if (!c.so.goalAsked || c.turn <= 3) return null;
  return {
    worked: `You checked again what ${n} wants from the conversation, which keeps it theirs.`,
    improve: `Link it to what ${n} asked for at the start, so they can say whether the aim has changed.`,
    suggestion: `To keep the thread ${n}'s, reflect their answer back before choosing your next question.`,
    alt: null,
  };
}

/** Feedback for an obstacle question: apt once a plan exists. `null` for other action questions. */
export function obstacleParts(c: TurnMoment, reflectAlt: Parts['alt']): Parts | null {
  if (!questionsOf(c.text).some(isObstacleQuestion)) return null;
  const n = c.name;
  if (planOnTheTable(c)) {
    return {
      worked: `You asked what could get in the way of ${n}'s plan, so they can prepare for it rather than be caught out.`,
      improve: `Let ${n} find their own answer${c.said ? ` (they had just said “${c.said}”)` : ''}, and hold back any obstacles you can see yourself.`,
      suggestion: `To help the plan hold, reflect the obstacle ${n} names and ask how they would handle it.`,
      alt: null,
    };
  }
  return {
    // credit for thinking ahead, not praise for testing a plan that does not exist yet
    worked: `You're thinking ahead to what could block ${n}, which will matter once there is a plan.`,
    improve: `${n} hasn't named a plan yet${c.said ? ` (they had just said “${c.said}”)` : ''}, so there is nothing for an obstacle to block, and the question may puzzle them.`,
    suggestion: `To give that question something to test, first ask what ${n} wants to do, then what might get in the way.`,
    alt: reflectAlt,
  };
}
