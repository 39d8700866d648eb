/**
 * @module practice/rubric/transcripts.fixture
 * Hand-coded transcripts for the rubric, feedback and progress tests: a builder that numbers the
 * turns, and a good and a poor session on the same partner situation. Test support only.
 */
import type { CoachCode, CoachTurnCoding, TranscriptTurn, UtteranceLabel } from '../types.js';

type Line = { role: 'coach'; text: string; codes: CoachCode[]; questionCount?: number; label?: UtteranceLabel } | { role: 'partner'; text: string };

const QUESTIONS: CoachCode[] = ['open_question', 'closed_question', 'stacked_questions', 'leading_question', 'goal_question', 'incisive_question', 'action_question'];

function labelFor(codes: CoachCode[]): UtteranceLabel {
  const order: UtteranceLabel[] = ['judgement', 'advice', 'closed_question', 'open_question', 'complex_reflection', 'simple_reflection', 'affirmation', 'information', 'self_disclosure'];
  for (const l of order) if (codes.includes(l as CoachCode)) return l;
  if (codes.includes('leading_question')) return 'closed_question';
  if (codes.some((c) => ['goal_question', 'incisive_question', 'action_question'].includes(c))) return 'open_question';
  if (codes.includes('summary')) return 'complex_reflection';
  return 'other';
}

/** A coded coach line; the question count defaults to 1 for question codes (2 when stacked). */
export function coach(text: string, codes: CoachCode[], questionCount?: number): Line {
  return { role: 'coach', text, codes, questionCount };
}
export function partner(text: string): Line {
  return { role: 'partner', text };
}

export function coding(text: string, codes: CoachCode[], questionCount?: number): CoachTurnCoding {
  const q = questionCount ?? (codes.includes('stacked_questions') ? 2 : codes.some((c) => QUESTIONS.includes(c)) ? 1 : 0);
  return { label: labelFor(codes), codes, questionCount: q, words: text.trim().split(/\s+/).filter(Boolean).length, coderVersion: 'fixture' };
}

/** Number the lines from 0 and attach codings to the coach lines. */
export function transcript(...lines: Line[]): TranscriptTurn[] {
  return lines.map((l, index) =>
    l.role === 'coach' ? { index, role: 'coach', text: l.text, coding: coding(l.text, l.codes, l.questionCount) } : { index, role: 'partner', text: l.text },
  );
}

/** A session that agrees a goal, listens, reflects twice per question and leaves the action to Priya. */
export const GOOD_SESSION = transcript(
  coach('What would you like to get from our time today?', ['goal_question', 'open_question']),
  partner('I want to work out how to handle the launch slipping again. My manager keeps asking for dates and I keep giving ones I cannot hit.'),
  coach('You are caught between wanting to reassure your manager and knowing the dates are not real.', ['complex_reflection']),
  partner('Yes, exactly. I feel like I am lying every time I give a date, and it is wearing me down. The team is already stretched.'),
  coach('It is wearing you down.', ['simple_reflection']),
  partner('It is. I lie awake going over the plan. I think if I say no to a date they will decide I cannot run the project.'),
  coach('Part of you believes saying no would cost you the project, even though the dates you give now are costing you sleep.', ['complex_reflection']),
  partner('When you put it like that, it sounds a bit mad. Nobody has actually said that to me. I just assumed it.'),
  coach('What would you do if you knew your manager valued honest dates more than hopeful ones?', ['incisive_question', 'open_question']),
  partner('I would tell her the real date, with the reasons, and what it would take to bring it forward. I would sleep better.'),
  coach('So: the launch, the dates you cannot hit, the fear about the project, and a real date you could stand behind.', ['summary']),
  partner('Yes. That is it. I think I need to have that conversation this week, before the next steering meeting, while there is still time to change the plan.'),
  coach('You sound clearer already.', ['affirmation', 'simple_reflection']),
  partner('I am. It is a relief to say it out loud, after weeks of carrying it around on my own and pretending to everyone that it was fine.'),
  coach('What will you do first, and when?', ['action_question', 'open_question']),
  partner('I will book half an hour with her on Thursday and bring the plan with the real date and the two options to bring it forward.'),
);

/** The same situation, coached by telling: closed and stacked questions, advice and judgement. */
export const POOR_SESSION = transcript(
  coach('So the launch is late again?', ['closed_question']),
  partner('Yes. My manager keeps asking for dates and I keep giving ones I cannot hit.'),
  coach('Why do you keep giving dates you cannot hit? Have you told her? Do you have a plan?', ['stacked_questions', 'closed_question'], 3),
  partner('Not really.'),
  coach('You should just tell her the real date. Honestly, promising dates you cannot hit is unprofessional and it makes the whole team look bad.', ['advice', 'judgement']),
  partner('Right. I suppose so.'),
  coach('Don’t you think you should have pushed back earlier?', ['leading_question', 'closed_question']),
  partner('Maybe.'),
  coach('Book a meeting with her tomorrow and bring a revised plan with a realistic date and a list of risks.', ['advice']),
  partner('Okay.'),
);
