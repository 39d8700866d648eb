/**
 * @module practice/scenarios/drills
 * Built-in drills: one scenario, the skills in focus, and pass criteria named by the rubric's
 * check ids (`practice/rubric`), so a facilitator can assign them as they are.
 */
import type { DrillSpec } from '../types.js';

export const BUILT_IN_DRILLS: DrillSpec[] = [
  {
    id: 'agree-the-partnership',
    title: 'Agree outcomes, goals, roles and responsibilities first',
    scenarioId: 'returning-after-leave',
    focus: ['agreement', 'partner_led'],
    description:
      'Every Learning Partnership begins by agreeing what it is for. In your first three turns, ask Sofia what she wants from the partnership and from today, and agree how you will work together, before exploring anything else. Check back on the goal later in the session.',
    passLevels: { agreement: 'good', partner_led: 'fair' },
    passChecks: ['agreement_early', 'agreement_reconfirmed', 'no_unasked_advice'],
    constraints: { maxTurns: 14 },
  },
  {
    id: 'reflect-before-asking',
    title: 'Reflect before you ask',
    scenarioId: 'new-manager-overwhelmed',
    focus: ['listening', 'non_judgement'],
    description:
      'Dana opens up when she feels heard. For your first five turns, only reflect or summarise what she says: no questions, no suggestions. Then mix in open questions, one at a time.',
    passLevels: { listening: 'good', non_judgement: 'good' },
    passChecks: ['reflection_question_ratio_fair', 'complex_reflection_share', 'no_unasked_advice'],
    constraints: { reflectionsOnlyFirstTurns: 5 },
  },
  {
    id: 'find-the-assumption',
    title: 'Surface the limiting assumption, then ask the incisive question',
    scenarioId: 'hesitating-to-speak-up',
    focus: ['questioning', 'listening'],
    description:
      'Kenji holds an untrue assumption about speaking up. Listen and ask "what more?" until he names it himself, then ask an incisive question in his own words: "If you knew ..., how would you ...?". Never supply the assumption for him.',
    passLevels: { questioning: 'good', listening: 'fair' },
    passChecks: ['incisive_question_asked', 'one_question_at_a_time', 'no_leading_questions'],
  },
  {
    id: 'hold-back-the-advice',
    title: 'Hold back the advice',
    scenarioId: 'setback-after-failed-project',
    focus: ['non_judgement', 'partner_led'],
    description:
      'Tom expects to be fixed or cheered up, and closes when he is. Stay with him without advice, reassurance or judgement; if you have an idea, ask permission before sharing it.',
    passLevels: { non_judgement: 'good', partner_led: 'good' },
    passChecks: ['no_unasked_advice', 'no_judgement', 'partner_talks_more'],
  },
  {
    id: 'from-insight-to-action',
    title: 'From insight to a commitment that is theirs',
    scenarioId: 'career-crossroads',
    focus: ['action', 'questioning'],
    description:
      'Help Aisha reach her own decision about the offer. Once she sees what she wants, ask what she will do, when, and what the first step is. The plan must come from her.',
    passLevels: { action: 'good', questioning: 'fair' },
    passChecks: ['action_question_asked', 'action_after_exploration', 'action_owned_by_partner'],
  },
  {
    id: 'offer-a-view-with-permission',
    title: 'Offer a view only with permission',
    scenarioId: 'avoiding-difficult-feedback',
    focus: ['partner_led', 'non_judgement'],
    description:
      'Grace will ask you to tell her what to say. Be an Objective Supporter, not an adviser: help her find her own words first, and if you do offer an idea, ask whether she would like to hear it before you share it.',
    passLevels: { partner_led: 'good', non_judgement: 'good' },
    passChecks: ['no_unasked_advice', 'little_telling', 'partner_talks_more'],
  },
];
