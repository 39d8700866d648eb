/**
 * @module practice/coder/goal-and-action.test
 * Contracting questions in their many phrasings are goal questions; a question about a step the
 * partner could take, commit to, or take by a time is an action question; "What could you do?"
 * alone asks for options and Kline's "what would you do if you knew...?" stays incisive only.
 * Also the kinds feedback tells apart: session goal or outcome, obstacle or step.
 */
import { describe, expect, it } from 'vitest';
import {
  isObstacleQuestion,
  isOutcomeQuestion,
  isSessionGoalQuestion,
  isStepQuestion,
} from './goal-and-action.js';
import { codeUtterance } from './index.js';

const prevPartner = "It's the handover with the night team again. It never goes well.";
const code = (text: string) => codeUtterance(text, { prevPartner });

describe('contracting questions', () => {
  it.each([
    'What would be most useful to focus on in the time we have?',
    'What would be most helpful for us to talk through today?',
    'What do you want to get out of this half hour?',
    'What would you like to leave with by the end of this conversation?',
    'Where would you like us to begin?',
    'What shall we focus on today?',
    'What would make this hour worthwhile for you?',
    'What are you hoping to get from this session?',
    "What's on your mind today?",
  ])('"%s" is a goal question', (text) => {
    expect(code(text).codes).toContain('goal_question');
    expect(isSessionGoalQuestion(text.toLowerCase())).toBe(true);
  });

  it.each([
    'What would you like to be different by the end of the quarter?',
    'What do you want the handover to look like in six months?',
    'Ideally, how would the handover go?',
  ])('"%s" is an outcome question, not session contracting', (text) => {
    const s = text.toLowerCase();
    expect(isOutcomeQuestion(s)).toBe(true);
    expect(isSessionGoalQuestion(s)).toBe(false);
  });
});

describe('action questions', () => {
  it.each([
    "What's one small step you could take before Friday's handover?",
    "What's a simple experiment you could try with the night team?",
    'What could you try at the next handover?',
    'What are you willing to commit to?',
    "What's the first thing you'll do tomorrow?",
    'Which of those ideas will you try first?',
  ])('"%s" is an action question', (text) => {
    expect(code(text).codes).toContain('action_question');
    expect(isStepQuestion(text.toLowerCase())).toBe(true);
  });

  it.each([
    'What could you do?',
    'What would you do if you knew the night team respected you?',
    'What would you say if you assumed they wanted it to work?',
  ])('"%s" is not an action question', (text) => {
    expect(code(text).codes).not.toContain('action_question');
  });

  it.each([
    'What could stop you?',
    "What's likely to get in the way?",
    'What might trip you up?',
    'What obstacles do you see?',
    'What might make that harder than it sounds?',
  ])('"%s" asks what could block the plan', (text) => {
    expect(isObstacleQuestion(text.toLowerCase())).toBe(true);
    expect(isStepQuestion(text.toLowerCase())).toBe(false);
  });
});
