/**
 * @module practice/feedback/move-feedback
 * What to say about each coaching move: the worked / improve / suggestion wording and which good
 * move the alternative should make, given the partner's stage, their last words and the turns
 * before. Honest: a poor move (judgement, unasked advice, reassurance, a leading or stacked
 * question, a turn about nothing) gets no praise; "worked" names only a good move the same turn
 * also made, or stays empty. Specific: "improve" and the suggestion quote what the partner said.
 * Varied: each move has more than one wording, chosen by how often it came up before.
 */
import type { CoachCode, PartnerStage } from '../types.js';
import type { GoodMove } from './alternative-reply.js';
import type { CoachMove, SessionSoFar } from './coach-move.js';
import { laterGoalParts, obstacleParts } from './goal-and-action-feedback.js';
import { codeUtteranceAfter } from '../coder/index.js';
import { asksForAdvice, statesWant } from './partner-words.js';
import { statesPlanForPartner } from '../rubric/commitment.js';

/** What feedback knows about the moment of the turn. */
export interface TurnMoment {
  name: string;
  stage?: PartnerStage;
  so: SessionSoFar;
  turn: number;
  prev: string | null;
  feeling: string | null;
  assumption: boolean;
  questionCount: number;
  text: string;
  /** the partner's key sentence in their words, cut short ("I'm answering tickets at ten at night") */
  said?: string | null;
  /** a short phrase the partner used ("drowning") */
  phrase?: string | null;
  /** every code of the turn */
  codes?: ReadonlySet<CoachCode>;
  /** how many earlier turns made the same move: picks the wording */
  variant?: number;
  /** things the turn named that the partner never mentioned ("orange teapot") */
  foreignThings?: readonly string[];
  /** the turn already checks its reflection with the partner ("Have I got that right?") */
  checked?: boolean;
  /** the reflection is offered as a guess the partner may correct ("It sounds like...") */
  tentative?: boolean;
  /** the turn states a guess at the partner's feeling as a certainty ("I bet it feels strange") */
  certainGuess?: boolean;
  /** a condition or cause the turn states that the partner never gave ("when the room gets loud") */
  unsaid?: string | null;
  /** the reflection says the partner's meaning mostly in other words than theirs */
  ownWords?: boolean;
  /** the turn takes up something of `said` (a word of it, or of its family): praise may quote it */
  tookUpSaid?: boolean;
}

const EARLY_STAGES: PartnerStage[] = ['guarded', 'opening_up'];
const READY_FOR_ACTION: PartnerStage[] = ['insight', 'committing'];

/** The good move that fits the moment best, for when the learner's own move was already sound. */
function nextGoodMove(c: TurnMoment): GoodMove {
  if (!c.so.goalAsked && c.turn <= 3) return 'goal_question';
  if (c.stage && READY_FOR_ACTION.includes(c.stage) && !c.so.actionAsked) return 'action_question';
  if ((c.stage === 'exploring' || c.stage === 'insight') && c.assumption && !c.so.incisiveAsked)
    return 'incisive_question';
  return 'deeper_reflection';
}

function quote(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > 60 ? `${t.slice(0, 57).replace(/\s+\S*$/, '')}…` : t;
}

/** `null` alternative: the learner's move was already the right one for the moment. */
export type Parts = { worked: string; improve: string; suggestion: string; alt: GoodMove | null };

const pick = <T>(c: TurnMoment, options: T[]): T => options[(c.variant ?? 0) % options.length];

/** Words of a turn, as the learner would count them. */
const wordsIn = (text: string) => (text.match(/[A-Za-z0-9’']+/g) ?? []).length;
/** Words of the turn's questions (the sentences that end in a question mark). */
const questionWords = (text: string) =>
  (text.match(/[^.?!]+\?/g) ?? []).reduce((n, q) => n + wordsIn(q), 0);
/**
 * A question long enough to ask the partner to hold several things (ICF 7.7, concise language):
 * past 20 words, most typed questions carry a preamble or a second question inside them.
 */
const LONG_QUESTION_WORDS = 20;
const longQuestion = (c: TurnMoment) => questionWords(c.text) > LONG_QUESTION_WORDS;
/** A summary past 45 words: longer than most partners can check in one go. */
const longSummary = (c: TurnMoment) => wordsIn(c.text) > 45;

/** A count as the house writes it: words up to nine, digits from 10. */
const count = (n: number) =>
  n < 10
    ? ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'][n]
    : String(n);

/** A turn that is only thanks, a greeting or a send-off ("Thanks for today.", "Take care, see you Tuesday!"). */
const SOCIAL_ONLY =
  /^(?:(?:ok(?:ay)?|right|great|lovely|well)[,!.]?\s+)?(?:thank you|thanks|cheers|bye|goodbye|take care|see you|good luck|all the best|nice (?:talking|chatting)|it was (?:nice|good|great|a pleasure)|hi|hello|good (?:morning|afternoon|evening))\b[^?]{0,60}[.!]?$/i;

/** Codes of a sentence that tells, judges, soothes or leads: where the poor part of a turn begins. */
const POOR_PART: ReadonlySet<CoachCode> = new Set([
  'advice',
  'judgement',
  'reassurance',
  'leading_question',
]);

/** Taking the other party's part against the partner's account ("To be fair, they had their reasons"). */
const SIDES_WITH_OTHERS =
  /^(?:(?:well|but|and|honestly|look)[, ]+)*(?:to be fair|in (?:fairness|(?:their|her|his) defen[cs]e)|playing devil's advocate)\b|\b(?:they|she|he)(?:'ve| have|'d| had)? (?:probably|must|surely|no doubt) (?:have )?(?:had |got )?(?:their |her |his |a |some )?(?:own |good |valid )?reasons?\b/i;

/** Sympathy that fits anything said ("That sounds hard.", "You must feel terrible."): not a reflection of it. */
const STOCK_EMPATHY =
  /^(?:oh,? )?(?:that|it|this)(?:'s|’s| sounds| seems| must be| must feel| is)(?: like)? (?:(?:really|very|so|quite) )?(?:a lot|hard|tough|difficult|rough|awful|stressful|frustrating|challenging|horrible|annoying|a pain)[.!]*$|^(?:oh,? )?you must (?:feel|be feeling) (?:(?:really|very|so|quite|just) )?(?:terrible|awful|dreadful|horrible|bad|rubbish)[.!]*$/i;

/**
 * What genuinely worked in a poor turn: the reflection it made before the poor part began, else
 * nothing. The sentences before the first one that tells, judges, soothes, leads or asks are coded
 * on their own, so “I just want to check I've understood: ...” is read for what it is (a check,
 * then a reflection), and “You just need to ...” or “That must be hard. Have you tried ...?” for
 * theirs; a word such as “just” or “must” decides nothing by itself.
 */
function goodPartOf(c: TurnMoment): string {
  const sentences = c.text.match(/[^.?!]+[.?!]*/g) ?? [];
  const before: string[] = [];
  for (const s of sentences) {
    if (/\?\s*$/.test(s)) break;
    if (codeUtteranceAfter(s.trim(), c.prev).codes.some((code) => POOR_PART.has(code))) break;
    before.push(s.trim());
  }
  if (before.length === 0 || before.length === sentences.length) return '';
  const said = before.join(' ');
  // a stock phrase ("That sounds like a lot.") takes up nothing the partner said: no praise for it
  if (before.every((s) => STOCK_EMPATHY.test(s))) return '';
  const codes = codeUtteranceAfter(said, c.prev).codes;
  if (codes.includes('complex_reflection') || codes.includes('summary'))
    return `Before that, your reflection picked up what ${c.name} had said.`;
  if (codes.includes('simple_reflection')) return `You started by saying back ${c.name}'s words.`;
  return '';
}

/** "“drowning”" or a fallback, for suggestions that point at the partner's own words. */
const theirWords = (c: TurnMoment, fallback: string) => (c.phrase ? `“${c.phrase}”` : fallback);
/** " after “…”" when the partner said something quotable. */
const after = (c: TurnMoment, lead = ' after') => (c.said ? `${lead} “${c.said}”` : '');

/** "To help Priya feel heard, try reflecting ..." with their own words named when there are some. */
function feelHeard(c: TurnMoment): string {
  // “I don't know” is uncertainty, not a feeling word to quote back
  if (c.feeling === 'torn' && c.phrase && /\b(?:know|sure)\b/i.test(c.phrase))
    return `To help ${c.name} feel heard, reflect the uncertainty you hear before asking anything else.`;
  if (c.feeling)
    return `To help ${c.name} feel heard, try reflecting the feeling (${c.phrase ? `“${c.phrase}”` : c.feeling}) before asking anything else.`;
  return c.phrase
    ? `To help ${c.name} feel heard, reflect “${c.phrase}” back before asking anything else.`
    : `To help ${c.name} feel heard, try reflecting back what they just said before asking anything else.`;
}

/** “a”; “a” or “b”; “a”, “b” or “c”: things quoted for feedback (“and” to list them together). */
function quoted(things: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  const q = things.slice(0, 3).map((t) => `“${t}”`);
  return q.length <= 1
    ? (q[0] ?? '')
    : `${q.slice(0, -1).join(', ')} ${conjunction} ${q[q.length - 1]}`;
}

/** Whether a question in the turn opens with “why” (after “and”, “so”, “honestly”...). */
function opensWithWhy(text: string): boolean {
  return (text.match(/[^.?!]+\?/g) ?? []).some((q) =>
    /^\s*(?:(?:and|so|but|ok|okay|well|honestly|really|then),?\s+)*why\b/i.test(q),
  );
}

/** A question move that asks “why”: it asks for a justification. */
export function isWhyQuestion(move: CoachMove, text: string): boolean {
  return (
    ['open_question', 'closed_question', 'incisive_question', 'goal_question'].includes(move) &&
    opensWithWhy(text)
  );
}

/**
 * What to say instead of praise for a “why” question (MI and coaching guides alike: “why” asks
 * for a defence, even when meant kindly; “what” and “how” invite the same thinking).
 */
export function whyQuestionNote(c: TurnMoment): Pick<Parts, 'improve' | 'suggestion' | 'alt'> {
  return {
    improve: `A “why” question asks ${c.name} to justify themselves${c.said && c.said.split(/\s+/).length <= 8 ? ` just after “${c.said}”` : ''}, and it can sound like blame even when you mean it kindly.`,
    suggestion: `To invite the same thinking without the defence, start with “what” or “how”: “What made that hard?” rather than “Why didn't you?”.`,
    alt: c.prev ? 'deeper_reflection' : 'open_question',
  };
}

/**
 * The “improve” for a sound-looking move with too little evidence of the partner's words to be
 * praised (see standing/engagement-evidence), where the evidence is not strong enough to say it
 * picked up nothing either: a tip, not a fault. Keeps the move's own improve unless that says
 * there was nothing to fix.
 */
export function groundingNote(c: TurnMoment, improve: string): string {
  if (/^Nothing to (?:fix|change)/.test(improve))
    return `If ${c.name} doesn't recognise it, come back to their own words${c.said ? ` (“${c.said}”)` : ''} and try again.`;
  return improve;
}

/**
 * A plan the coach wrote for the partner, with a when (“So you'll hand the rota to Sam on Monday,
 * right?”): GROW's Will belongs to the partner, so feedback says whose plan it is, whatever shape
 * the turn took, and offers the action question that would have left it with them.
 */
export function coachPlanFeedback(c: TurnMoment): Parts {
  const n = c.name;
  // "You should keep your Fridays, that's important": the day is what is kept, not when a step
  // is taken; the turn hands over a view of what matters, and the feedback says so
  if (!statesPlanForPartner(withoutDaysAsThings(c.text))) {
    return {
      worked: '',
      improve: pick(c, [
        `This gives ${n} your view of what matters${c.said ? `, when they had said “${c.said}”` : ''}; what to hold on to is theirs to weigh.`,
        `This tells ${n} what should matter to them; a priority someone is handed is easy to agree with and hard to own.`,
      ]),
      suggestion: `To find out what matters to ${n}, ask what they want to protect and why, then reflect their answer back in their words.`,
      alt: 'open_question',
    };
  }
  return {
    worked: '',
    improve: pick(c, [
      `This sets the step and the time for ${n}; a plan ${n} names for themselves is one they are far more likely to keep.`,
      `The plan here is yours, not ${n}'s${c.said ? `: they had said “${c.said}”` : ''}, and a step someone is handed rarely sticks.`,
    ]),
    suggestion: `To leave the plan with ${n}, ask what they will do and when, then reflect their answer back in their words.`,
    alt: 'action_question',
  };
}

/**
 * Days named as things ("your Fridays", "keep Mondays free") rather than as when a step is taken
 * ("on Friday", "by Monday", "this Thursday"): replaced, so only a real time reads as one.
 */
function withoutDaysAsThings(text: string): string {
  return text.replace(
    /(?<!\b(?:on|by|from|before|after|this|next|until|till|every) )\b(?:(?:your|my|the|those|these|their|his|her) )?(?:mon|tues|wednes|thurs|fri|satur|sun)days\b/gi,
    'them',
  );
}

/**
 * A reflection that states as fact a condition or cause the partner never gave (“So you freeze
 * when the room gets loud.”): the coach's interpretation, not an accurate reflection, so neither
 * praised as one nor as tentative.
 */
export function interpretationFeedback(c: TurnMoment, unsaid: string): Parts {
  const n = c.name;
  return {
    worked: '',
    improve: pick(c, [
      `The words “${quote(unsaid)}” are your reading, not something ${n} said${c.said ? ` (they said “${c.said}”)` : ''}; stated as fact, it puts words in their mouth.`,
      `${n} never said “${quote(unsaid)}”: that part is your interpretation, and stated as fact it can pull them onto your idea of the problem.`,
    ]),
    suggestion: pick(c, [
      `To check a hunch like this, offer it tentatively (“I wonder if…”) or stay with what ${n} actually said.`,
      `Say back only what ${n} told you; if you sense more, ask about it rather than stating it.`,
    ]),
    alt: c.prev ? 'reflection' : 'open_question',
  };
}

/**
 * A reflection offering, tentatively, something the partner never said (“It sounds like you
 * freeze when the room gets loud.”): a guess they can correct, praised as that and no more.
 */
function tentativeGuessFeedback(c: TurnMoment, unsaid: string): Parts {
  const n = c.name;
  return {
    worked: `You offered your reading as a guess, so ${n} can correct it.`,
    improve: `“${quote(unsaid)}” is your idea rather than ${n}'s words; let their answer decide whether it fits, and drop it if it doesn't.`,
    suggestion: `To stay with ${n}'s meaning, build your next reflection from what they say back.`,
    alt: null,
  };
}

/**
 * Sympathy that would fit anything the partner said (“That sounds hard.”): kind, and it names a
 * feeling, but nothing in it shows what was heard, so it is not praised as going beneath the words.
 */
function stockEmpathyFeedback(c: TurnMoment): Parts {
  const n = c.name;
  return {
    worked: `You acknowledged that this is hard for ${n}.`,
    improve: pick(c, [
      `“${quote(c.text)}” would fit almost anything; naming what is hard${c.said ? ` about “${c.said}”` : ''} shows you heard this in particular.`,
      `A phrase like “${quote(c.text)}” can sound like a formula; ${n}'s own words${c.phrase ? ` (“${c.phrase}”)` : ''} would make it theirs.`,
    ]),
    suggestion: `To help ${n} feel understood, say what you think is hard for them, in their words, and let them correct you.`,
    alt: c.prev ? 'deeper_reflection' : 'open_question',
  };
}

/** The wording for one move in its moment. */
export function forMove(move: CoachMove, c: TurnMoment): Parts {
  const n = c.name;
  const next = nextGoodMove(c);
  const reflectAlt: GoodMove = c.prev ? 'deeper_reflection' : 'open_question';
  // "That sounds hard." fits whatever was said: sympathy, not yet a reflection of this partner
  if (
    (move === 'simple_reflection' || move === 'complex_reflection') &&
    STOCK_EMPATHY.test(c.text.trim())
  )
    return stockEmpathyFeedback(c);
  if ((move === 'simple_reflection' || move === 'complex_reflection') && c.unsaid)
    return c.tentative ? tentativeGuessFeedback(c, c.unsaid) : interpretationFeedback(c, c.unsaid);
  switch (move) {
    case 'encourager':
      return {
        worked: pick(c, [
          `You invited ${n} to keep going, which leaves the floor with them.`,
          `A short prompt to carry on kept the focus on ${n}'s thinking.`,
          `Inviting ${n} to say more showed you were listening without steering.`,
        ]),
        improve: pick(c, [
          `Nothing to fix: after a prompt like this, wait and let ${n} fill the silence.`,
          `Nothing to change. Once ${n} has said more, saying back what you heard shows you took it in.`,
        ]),
        suggestion: pick(c, [
          `To help ${n} feel heard as well as encouraged, reflect what they say next in their own words.`,
          `When ${n} pauses, say back what you heard before asking anything new.`,
        ]),
        alt: null,
      };
    case 'judgement': {
      const blaming = opensWithWhy(c.text);
      return {
        worked: goodPartOf(c),
        improve: SIDES_WITH_OTHERS.test(c.text)
          ? `“${quote(c.text)}” speaks up for the other side, so ${n} hears that their own account is wrong${after(c, ', just after')}; people who feel corrected say less.`
          : blaming
            ? `However gently it's asked, “${quote(c.text)}” reads as a judgement: it asks ${n} to defend a choice rather than explore it${c.said ? `, just after “${c.said}”` : ''}.`
            : pick(c, [
                `“${quote(c.text)}” passes judgement on ${n}${after(c, ' just after they said')}; people who feel judged say less.`,
                `Whatever you think of it, “${quote(c.text)}” evaluates ${n} rather than understanding them${c.said ? `, and it answers “${c.said}” with a verdict` : ''}.`,
              ]),
        suggestion: blaming
          ? pick(c, [
              `To help ${n} explore rather than defend, ask what got in the way instead of why they didn't, or first reflect ${theirWords(c, 'what they said')}.`,
              `Swap the “why” for a “what”: “What made it hard?” invites the same story without asking ${n} to justify it.`,
            ])
          : pick(c, [
              `To keep ${n} talking openly, get curious about how it made sense to them: reflect ${theirWords(c, 'what they said')} instead of judging it.`,
              `Next time, say back what you heard in ${n}'s own words${c.phrase ? ` (“${c.phrase}”)` : ''} and stay curious about what it means to them.`,
            ]),
        alt: c.prev ? 'deeper_reflection' : 'open_question',
      };
    }
    case 'advice': {
      if (asksForAdvice(c.prev)) {
        return {
          worked: `${n} asked for your view and you answered directly.`,
          improve: `Ideas stick better when they are ${n}'s own: when asked${after(c)}, first find out what they have already thought of.`,
          suggestion: `To keep the plan ${n}'s, ask what options they see, then offer yours lightly as one more to weigh.`,
          alt: 'open_question',
        };
      }
      const asQuestion = /\?\s*$/.test(c.text);
      return {
        worked: goodPartOf(c),
        improve: asQuestion
          ? `Phrased as a question, “${quote(c.text)}” is still your solution; ${n} hadn't asked for one${after(c, ' when they said')}.`
          : pick(c, [
              `${n} didn't ask for a suggestion${c.said ? ` (they said “${c.said}”)` : ''}; unasked advice tends to make a partner defend or go quiet, and the plan becomes yours.`,
              `This handed ${n} your answer before they had found theirs${c.said ? `; “${c.said}” still had more in it` : ''}.`,
            ]),
        suggestion: pick(c, [
          `To help ${n} find a plan they own, reflect ${theirWords(c, 'what they said')} first; if you have an idea, ask before sharing it (“Would it help if I offered a thought?”).`,
          `Try asking what ${n} has already considered${c.phrase ? ` about “${c.phrase}”` : ''}, and hold your idea until they ask for it.`,
        ]),
        alt: reflectAlt,
      };
    }
    case 'reassurance':
      return {
        worked: goodPartOf(c),
        improve: pick(c, [
          `“${quote(c.text)}” soothes rather than explores${c.said ? `: ${n} said “${c.said}”, and reassurance moves past it` : ''}; it can leave them feeling unheard.`,
          `Reassurance closes the subject${c.said ? ` ${n} had just opened (“${c.said}”)` : ''}; it tells them how to feel rather than showing you understood.`,
        ]),
        suggestion: pick(c, [
          c.feeling
            ? `To help ${n} feel understood, stay with the feeling${c.phrase ? ` in “${c.phrase}”` : ''}: name it and let them say more.`
            : `To help ${n} feel understood, stay with ${theirWords(c, 'what they said')}: say it back and let them say more.`,
          `Instead of lightening it, reflect what is hard for ${n}${c.phrase ? ` about “${c.phrase}”` : ''} and leave a pause.`,
        ]),
        alt: reflectAlt,
      };
    case 'leading_question':
      return {
        worked: goodPartOf(c),
        improve: `The question carries its own answer, so ${n} can only agree or push back${c.said ? `, when “${c.said}” invited their own view` : ''}.`,
        suggestion: pick(c, [
          `To hear ${n}'s own view, ask an open question that doesn't hold your answer: start with “what” or “how”.`,
          `Try a “what” or “how” question about ${theirWords(c, 'what they said')} that leaves the answer to ${n}.`,
        ]),
        alt: c.prev ? 'reflection' : 'open_question',
      };
    case 'stacked_questions':
      return {
        worked: goodPartOf(c),
        improve: `You asked ${count(Math.max(2, c.questionCount))} questions at once; ${n} can only answer one and the rest get lost.${c.said ? ` Keep the one that follows “${c.said}”.` : ''}`,
        suggestion: pick(c, [
          `To give ${n} room to think, ask one open question${c.phrase ? ` about “${c.phrase}”` : ''}, then wait.`,
          `Choose the question that matters most to ${n}${c.phrase ? ` after “${c.phrase}”` : ''}, ask only that, and let the silence work.`,
        ]),
        alt: c.prev ? 'reflection' : 'open_question',
      };
    case 'incisive_question':
      if (c.stage && EARLY_STAGES.includes(c.stage)) {
        return {
          worked: 'You reached for an incisive question, the kind that can free up thinking.',
          improve: `${n} hasn't yet named what's holding them back${c.said ? ` (so far: “${c.said}”)` : ''}, so this may feel premature; it lands best after the assumption comes out in their own words.`,
          suggestion: `To earn that question, listen first: reflect what ${n} has said until the belief underneath shows.`,
          alt: reflectAlt,
        };
      }
      return {
        // "the assumption behind “...”" only when the partner's words show one
        worked: `An incisive question: it invites ${n} to test the assumption${c.said && c.assumption ? ` behind “${c.said}”` : ' that may be holding them back'}.`,
        improve: pick(c, [
          `Keep it in ${n}'s words rather than yours${c.assumption && c.said ? ` (“${c.said}”)` : ''}, and give them time: the answer often comes after a pause.`,
          `Give ${n} time with it; if they answer quickly, ask it again in their own words${c.said ? `, staying close to “${c.said}”` : ''}.`,
        ]),
        suggestion:
          c.stage && READY_FOR_ACTION.includes(c.stage) && !c.so.actionAsked
            ? pick(c, [
                `To turn insight into action, next ask what ${n} will do.`,
                `Once ${n} has answered, ask what they will do with what they now see.`,
              ])
            : pick(c, [
                `To deepen it, follow ${n}'s answer with “what more?” or a reflection.`,
                `When ${n} answers, reflect the new assumption back in their words before moving on.`,
              ]),
        alt: null,
      };
    case 'action_question': {
      // what might get in the way tests a plan: its own wording (goal-and-action-feedback.ts)
      const obstacle = obstacleParts(c, reflectAlt);
      if (obstacle) return obstacle;
      if (!c.stage || READY_FOR_ACTION.includes(c.stage)) {
        return {
          worked: `You asked ${n} what they will do, so the commitment can come from them (the “Will” step of GROW: Goal, Reality, Options, Will).`,
          improve: pick(c, [
            `${c.said ? `${n} had just said “${c.said}”; once` : 'Once'} they answer, check when and what might get in the way, without adding steps of your own.`,
            `Let ${n} set the step and the timing${c.said ? ` from where they are (“${c.said}”)` : ''}; resist filling any silence with ideas of your own.`,
          ]),
          suggestion: pick(c, [
            `To make it stick, reflect ${n}'s plan back in their words and ask how committed they feel.`,
            `To help ${n} follow through, ask what might get in the way and who could help.`,
          ]),
          alt: null,
        };
      }
      return {
        worked: `You're steering towards action, which is where the conversation should end up.`,
        improve: `${n} hasn't finished exploring yet${c.said ? `; “${c.said}” still needs hearing` : ''}, so asking for action now tends to get a hesitant answer.`,
        suggestion: `To help ${n} reach a plan they believe in, explore first: reflect what matters to them, then ask what they will do.`,
        alt: reflectAlt,
      };
    }
    case 'contracting':
      return {
        worked: `You agreed how you'll work together, which makes it safe for ${n} to think aloud.`,
        improve: `Keep it brief and check it landed: ask ${n} what they would add to it.`,
        suggestion: c.so.goalAsked
          ? `To keep it ${n}'s session, come back to what they want from it as you go.`
          : `To make the agreement ${n}'s too, ask what they want from this conversation.`,
        alt: null,
      };
    case 'goal_question': {
      // an outcome in the partner's situation, or a re-check after contracting, is not late
      // the partner has just said what they want: asking again shows it was not heard
      if (c.prev && c.turn > 1 && statesWant(c.prev))
        return {
          worked: '',
          improve: `${n} had just told you what they want${c.said ? ` (“${c.said}”)` : ''}; asking again suggests it wasn't heard.`,
          suggestion: `To agree the goal, reflect ${n}'s answer back in their words and check it's what they want to work on.`,
          alt: 'reflection',
        };
      const later = laterGoalParts(c);
      if (later) return later;
      return {
        worked: `You asked what ${n} wants from the conversation, which sets up the partnership.`,
        improve:
          c.turn > 3
            ? `Earlier is better: agreeing the goal in your first few turns frames the whole conversation${c.said ? `; here, “${c.said}” also wanted reflecting first` : ''}.`
            : `${c.said ? `${n} ${c.turn === 1 ? 'opened with' : 'had just said'} “${c.said}”; when` : 'When'} they answer, reflect their goal back so you both know what you're working on.`,
        suggestion: pick(c, [
          `To keep the conversation ${n}'s own, come back to this goal later and ask how they'll know it was useful.`,
          `Later on, check with ${n} how the conversation is going against what they wanted from it.`,
        ]),
        alt: c.turn > 3 && c.prev ? 'deeper_reflection' : null,
      };
    }
    case 'return_to_goal':
      return {
        worked: `You brought the conversation back to what ${n} wanted from it.`,
        improve: `Let ${n} judge the progress: their answer tells you whether to keep exploring or move towards action.`,
        suggestion: `To keep the thread ${n}'s, reflect how they see their progress before choosing your next question.`,
        alt: null,
      };
    case 'summary':
      return {
        worked: pick(c, [
          `Your summary pulls together what ${n} said, which shows you were tracking all of it.`,
          c.checked
            ? `You checked your summary with ${n}, so they can correct it or add what you missed.`
            : `Gathering ${n}'s points in one place lets them hear their own thinking laid out.`,
          `Pulling the threads together gives ${n} a moment to step back and see the whole picture.`,
        ]),
        // a summary that already asks "Have I got that right?" needs no advice to check it
        improve: c.checked
          ? pick(c, [
              `Nothing to fix: you checked it with ${n}, so they can correct it or add to it. Give them time to answer.`,
              `Nothing to change; checking it with ${n} hands the thread back, and a summary this brief is easy to correct.`,
            ])
          : pick(c, [
              longSummary(c)
                ? `At ${count(wordsIn(c.text))} words it is a lot for ${n} to check; a shorter summary hands the thread back sooner.`
                : `Check it with ${n} lightly (“Have I got that right?”), so they can correct it or add to it.`,
              `Check it with ${n} lightly${c.said ? `, ending on what they said last (“${c.said}”)` : ''}, so they can correct or add to it.`,
            ]),
        suggestion:
          next === 'action_question'
            ? `To move towards action, follow the summary with a question about what ${n} will do.`
            : pick(c, [
                `To keep ${n} thinking, follow it with one open question.`,
                `When ${n} has responded, ask which of those threads matters most to them.`,
                `Let ${n} choose where to go next: ask what stands out to them now they hear it together.`,
              ]),
        alt: null,
      };
    case 'complex_reflection':
      // "I bet it feels strange": the feeling named is a guess stated as a certainty
      if (c.certainGuess && !c.tentative) {
        return {
          worked: `You named a feeling under ${n}'s words${c.said && c.tookUpSaid ? ` (“${c.said}”)` : ''}, which shows you were thinking about what it is like for them.`,
          improve: pick(c, [
            `You stated your guess at how ${n} feels as a certainty; offered as a guess (“I wonder if it feels…”), it is easier for them to correct.`,
            `Telling ${n} how they feel, rather than checking, leaves them little room to disagree; a tentative “I wonder if…” lets them say it in their own words.`,
          ]),
          suggestion: `To check a guess about ${n}'s feelings, offer it lightly and let them correct or add to it.`,
          alt: null,
        };
      }
      return {
        worked: pick(c, [
          // “I don't know” is uncertainty, not a phrase that means something to them
          `A reflection that goes beneath the words: it shows ${n} you understood what ${c.feeling && c.phrase && c.phrase.split(/\s+/).length <= 3 && !/\b(?:know|sure)\b/i.test(c.phrase) ? `“${c.phrase}”` : 'it'} means to them.`,
          // tentativeness is praised only where the words were tentative
          // the partner's sentence is quoted only when the reflection took it up: "you put what
          // they said (“...”) into your own words" about a reflection of something else is false
          c.tentative
            ? `You named what sits under ${n}'s words${c.said && c.tookUpSaid ? ` (“${c.said}”)` : ''}, tentatively enough for them to correct you.`
            : c.ownWords
              ? `You put what ${n} said${c.said && c.tookUpSaid ? ` (“${c.said}”)` : ''} into your own words, which shows you took in its meaning.`
              : `Your reflection added meaning to ${n}'s own words${c.said && c.tookUpSaid ? ` (“${c.said}”)` : ''}, which shows you were following closely.`,
        ]),
        improve: pick(c, [
          `Nothing to fix here.${c.said ? ` After “${c.said}”, let` : ' Let'} the reflection land and leave a pause before your next move.`,
          `Nothing to change: a reflection like this is worth a moment's silence afterwards${c.said ? `, so ${n} can go on from “${c.said}”` : ''}.`,
          `Nothing to fix. If ${n} corrects you, take their version: it's their meaning that counts.`,
        ]),
        suggestion:
          next === 'action_question'
            ? `To help ${n} move from insight to action, ask what they will do next.`
            : next === 'incisive_question'
              ? `To help ${n} test the belief holding them back, try an incisive question in their own words.`
              : pick(c, [
                  `To keep ${n} exploring, follow with “what more?” and let them lead.`,
                  `To keep the thinking ${n}'s, wait a moment, then ask what else there is.`,
                  `Let ${n} take the next step: a “what more?” keeps the thinking theirs.`,
                ]),
        alt: null,
      };
    case 'simple_reflection':
      return {
        worked: pick(c, [
          `You reflected ${n}'s words back, which shows you were listening.`,
          `Saying back what ${n} said kept the focus on them.`,
        ]),
        improve: `It stayed close to their words${c.said && c.tookUpSaid ? ` (“${c.said}”)` : ''}; a reflection that names the feeling or meaning underneath moves the conversation further.`,
        suggestion: c.feeling
          ? `To help ${n} feel understood, name the feeling you hear (${c.phrase ? `“${c.phrase}”` : c.feeling}) as well as the facts.`
          : c.phrase
            ? `To help ${n} see their situation more clearly, say what you sense beneath “${c.phrase}”: a feeling, a value, or what's at stake.`
            : `To help ${n} see their situation more clearly, add what you sense beneath the words: a feeling, a value, or what's at stake.`,
        alt: 'deeper_reflection',
      };
    case 'permission_request':
      return {
        worked: `You asked before offering an idea, which keeps ${n} in charge of their own thinking.`,
        improve: `Before offering, make sure you've heard what ${n} has already thought of${c.said ? ` (they had just said “${c.said}”)` : ''}; their own ideas often fit best.`,
        suggestion: `To keep the plan ${n}'s, ask what options they already see before adding yours.`,
        alt: null,
      };
    case 'advice_with_permission':
      return {
        worked: `You offered an idea after ${n} agreed to hear it.`,
        improve: 'Offer it lightly, as one option among several, and hand it straight back.',
        suggestion: `To keep ${n} deciding, ask what they make of the idea and what else they could do.`,
        alt: 'open_question',
      };
    case 'open_question':
      if (c.so.questionStreak >= 2) {
        return {
          worked: `An open question that invites ${n} to think.`,
          improve: `That's ${count(c.so.questionStreak + 1)} questions in a row without a reflection; ${n} may start to feel interviewed rather than heard${c.said ? `, and “${c.said}” was left without a reflection` : ''}.`,
          suggestion: feelHeard(c),
          alt: reflectAlt,
        };
      }
      return {
        worked: pick(c, [
          `An open question: it invites ${n} to think and talk.`,
          `Your question leaves ${n} room to answer in their own way.`,
        ]),
        improve: longQuestion(c)
          ? `At ${questionWords(c.text)} words the question asks ${n} to hold a lot at once; a shorter one leaves more room to think${c.said ? `, and saying back “${c.said}” first would show you heard it` : ''}.`
          : c.feeling
            ? `${c.said || c.phrase ? `${n} had just said “${c.said ?? c.phrase}”` : `${n} had just named a feeling`}; reflecting that first would have shown you heard it.`
            : c.said
              ? pick(c, [
                  `Before asking, you could reflect “${c.said}”: it shows you heard it and often brings more than a question.`,
                  `Once it's asked, let the silence work; saying back “${c.said}” first would also have shown you were with ${n}.`,
                ])
              : `Nothing to fix: once it's asked, let the silence work and give ${n} time to answer.`,
        suggestion: c.feeling
          ? feelHeard(c)
          : pick(c, [
              `To deepen ${n}'s thinking, follow their answer with a reflection before your next question.`,
              `Next, say back what ${n} tells you in their own words before asking anything else.`,
              `To show ${n} you're following, reflect their answer before the next question.`,
            ]),
        alt: c.prev
          ? c.feeling
            ? 'deeper_reflection'
            : null
          : next === 'goal_question'
            ? 'goal_question'
            : null,
      };
    case 'closed_question':
      return {
        worked: '',
        improve: `It can be answered in a word, so ${n} shares less than they could${c.said ? ` about “${c.said}”` : ''}.`,
        suggestion:
          c.so.questionStreak >= 1
            ? feelHeard(c)
            : `To help ${n} open up, ask it openly: start with “what” or “how”.`,
        alt:
          c.so.questionStreak >= 1 && c.prev
            ? 'reflection'
            : next === 'goal_question'
              ? 'goal_question'
              : 'open_question',
      };
    case 'affirmation':
      return {
        worked: `You affirmed ${n}, which builds trust and helps them think (what Nancy Kline calls appreciation).`,
        improve: `Make affirmations specific and genuine: name exactly what they did or what it shows about them${c.said ? `, as in “${c.said}”` : ''}.`,
        suggestion: `To keep ${n} talking, pair the affirmation with a reflection or an open question.`,
        alt: null,
      };
    case 'information':
      return {
        worked: '',
        improve: `Giving information moves the focus from ${n}'s thinking to yours${c.said ? `, away from “${c.said}”` : ''}.`,
        suggestion: `To keep ${n} at the centre, ask what they already know, or ask permission before sharing.`,
        alt: c.prev ? 'reflection' : 'open_question',
      };
    case 'self_disclosure':
      return {
        worked: '',
        improve: `Your own story moves the spotlight off ${n}${c.said ? ` just after “${c.said}”` : ''}; keep it brief and hand it back.`,
        suggestion: `To keep the space ${n}'s, reflect what they said instead of matching it with your experience.`,
        alt: reflectAlt,
      };
    case 'unengaged': {
      const things = c.foreignThings?.length ? quoted(c.foreignThings) : null;
      return {
        worked: '',
        improve: pick(c, [
          things
            ? `This didn't pick up anything ${n} had said: they haven't mentioned ${things}. A reflection or question earns its place by following their words.`
            : `This didn't pick up anything ${n} had said${c.said ? ` (“${c.said}”)` : ''}: a reflection or question earns its place by following their words.`,
          `The turn has the shape of a good move but none of ${n}'s content${c.foreignThings?.length ? ` (${quoted(c.foreignThings, 'and')} ${c.foreignThings.length > 1 ? 'are' : 'is'} new to the conversation)` : ''}${c.said ? `; they had just told you “${c.said}”` : ''}.`,
        ]),
        suggestion: `To show you're listening, build your next turn from ${c.phrase ? `“${c.phrase}”` : `${n}'s last words`}.`,
        alt: c.prev ? 'reflection' : next === 'goal_question' ? 'goal_question' : 'open_question',
      };
    }
    default:
      return {
        worked: '',
        // a greeting, thanks or send-off is not a failed reflection: say what would round it off
        improve: SOCIAL_ONLY.test(c.text.trim())
          ? `A friendly word keeps the relationship warm; before you close, a short summary of what ${n} is taking away helps them leave with it.`
          : `This turn neither reflected nor asked, so it didn't move ${n}'s thinking forward${c.said ? ` from “${c.said}”` : ''}.`,
        suggestion: c.prev
          ? feelHeard(c)
          : `To get ${n} started, ask what they would like from the conversation.`,
        alt: c.prev ? 'reflection' : next === 'goal_question' ? 'goal_question' : 'open_question',
      };
  }
}
