/**
 * @module practice/feedback/move-feedback
 * What to say about each coaching move: the worked / improve / suggestion wording and which good
 * move the alternative should make, given the partner's stage, their last words and the turns
 * before. Suggestions lead with the goal ("To help Priya feel heard, try ...").
 */
import type { PartnerStage } from '../types.js';
import type { GoodMove } from './alternative-reply.js';
import type { CoachMove, SessionSoFar } from './coach-move.js';
import { asksForAdvice } from './partner-words.js';

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
}

const EARLY_STAGES: PartnerStage[] = ['guarded', 'opening_up'];
const READY_FOR_ACTION: PartnerStage[] = ['insight', 'committing'];

/** The good move that fits the moment best, for when the learner's own move was already sound. */
function nextGoodMove(c: TurnMoment): GoodMove {
  if (!c.so.goalAsked && c.turn <= 3) return 'goal_question';
  if (c.stage && READY_FOR_ACTION.includes(c.stage) && !c.so.actionAsked) return 'action_question';
  if ((c.stage === 'exploring' || c.stage === 'insight') && c.assumption && !c.so.incisiveAsked) return 'incisive_question';
  return 'deeper_reflection';
}

/** "To help Priya feel heard, try reflecting ..." with the feeling named when there is one. */
function feelHeard(c: TurnMoment): string {
  return c.feeling
    ? `To help ${c.name} feel heard, try reflecting the feeling (${c.feeling}) before asking anything else.`
    : `To help ${c.name} feel heard, try reflecting back what they just said before asking anything else.`;
}

function quote(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > 60 ? `${t.slice(0, 57).replace(/\s+\S*$/, '')}…` : t;
}

export type Parts = { worked: string; improve: string; suggestion: string; alt: GoodMove };

/** The wording for one move in its moment. */
export function forMove(move: CoachMove, c: TurnMoment): Parts {
  const n = c.name;
  const next = nextGoodMove(c);
  switch (move) {
    case 'judgement':
      return {
        worked: `You're engaged with ${n}'s situation and not pretending it's simple.`,
        improve: `“${quote(c.text)}” judges rather than understands; people close up when they feel judged, so ${n} is likely to say less from here.`,
        suggestion: `To keep ${n} talking openly, stay curious about why it made sense to them: reflect what you heard instead of evaluating it.`,
        alt: 'deeper_reflection',
      };
    case 'advice':
      if (asksForAdvice(c.prev)) {
        return {
          worked: `${n} asked for your view and you answered directly.`,
          improve: `Ideas stick better when they are ${n}'s own: when asked “what would you do?”, first find out what they have already thought of.`,
          suggestion: `To keep the plan ${n}'s, ask what options they see, then offer yours lightly as one more to weigh.`,
          alt: 'open_question',
        };
      }
      return {
        worked: `You want ${n} to find a way forward, and that care comes through.`,
        improve: `This was a suggestion ${n} didn't ask for. Unasked advice tends to make a partner defend or go quiet, and the plan becomes yours rather than theirs.`,
        suggestion: `To help ${n} find a plan they own, reflect what they said first; if you do have an idea, ask permission before sharing it (“Would it help if I offered a thought?”).`,
        alt: c.prev ? 'deeper_reflection' : 'open_question',
      };
    case 'leading_question':
      return {
        worked: `You're thinking about ${n}'s options, which shows you're engaged.`,
        improve: `The question carries its own answer, so ${n} can only agree or push back.`,
        suggestion: `To hear ${n}'s own view, ask an open question that doesn't hold your answer: start with “what” or “how”.`,
        alt: c.prev ? 'reflection' : 'open_question',
      };
    case 'stacked_questions':
      return {
        worked: 'Your questions show real interest in the situation.',
        improve: `You asked ${Math.max(2, c.questionCount)} questions at once; ${n} can only answer one and the rest get lost (ICF: one question at a time).`,
        suggestion: `To give ${n} room to think, ask one open question, then wait.`,
        alt: c.prev ? 'reflection' : 'open_question',
      };
    case 'incisive_question':
      if (c.stage && EARLY_STAGES.includes(c.stage)) {
        return {
          worked: 'You reached for an incisive question, the kind that can free up thinking.',
          improve: `${n} hasn't yet named what's holding them back, so this may feel premature; it lands best after the assumption comes out in their own words.`,
          suggestion: `To earn that question, listen first: reflect what ${n} has said until the belief underneath shows.`,
          alt: c.prev ? 'deeper_reflection' : 'open_question',
        };
      }
      return {
        worked: `An incisive question: it invites ${n} to test the assumption that may be holding them back.`,
        improve: `Leave it in ${n}'s words rather than yours, and give them time: the answer often comes after a pause.`,
        suggestion: c.stage && READY_FOR_ACTION.includes(c.stage) && !c.so.actionAsked ? `To turn insight into action, next ask what ${n} will do.` : `To deepen it, follow ${n}'s answer with “what more?” or a reflection.`,
        alt: c.stage && READY_FOR_ACTION.includes(c.stage) && !c.so.actionAsked ? 'action_question' : 'deeper_reflection',
      };
    case 'action_question':
      if (!c.stage || READY_FOR_ACTION.includes(c.stage)) {
        return {
          worked: `You asked ${n} what they will do, so the commitment comes from them (GROW: Will).`,
          improve: `Once they answer, check when and what might get in the way, without adding steps of your own.`,
          suggestion: `To make it stick, reflect ${n}'s plan back in their words and ask how committed they feel.`,
          alt: 'deeper_reflection',
        };
      }
      return {
        worked: `You're steering toward action, which is where the conversation should end up.`,
        improve: `${n} hasn't finished exploring yet, so asking for action now tends to get a hesitant answer.`,
        suggestion: `To help ${n} reach a plan they believe in, explore first: reflect what matters to them, then ask what they will do.`,
        alt: c.prev ? 'deeper_reflection' : 'open_question',
      };
    case 'goal_question':
      return {
        worked: `You asked what ${n} wants from the conversation, which sets up the partnership (ICF 3.1).`,
        improve: c.turn > 3 ? 'Earlier is better: agreeing the goal in your first few turns frames the whole conversation.' : `When ${n} answers, reflect their goal back so you both know what you're working on.`,
        suggestion: `To keep the conversation ${n}'s own, come back to this goal later and ask how they'll know it was useful.`,
        alt: c.prev ? 'deeper_reflection' : 'open_question',
      };
    case 'summary':
      return {
        worked: `Your summary pulls together what ${n} said, which shows you were tracking all of it (ICF 6.7).`,
        improve: 'Keep summaries short and check them lightly; the point is to hand the thread back.',
        suggestion: next === 'action_question' ? `To move toward action, follow the summary with a question about what ${n} will do.` : `To keep ${n} thinking, follow it with one open question.`,
        alt: next === 'deeper_reflection' ? 'open_question' : next,
      };
    case 'complex_reflection':
      return {
        worked: `A reflection that goes beneath the words: it shows ${n} you understood what it means to them.`,
        improve: `Nothing to fix here. Let the reflection land and leave a pause before your next move.`,
        suggestion:
          next === 'action_question'
            ? `To help ${n} move from insight to action, ask what they will do next.`
            : next === 'incisive_question'
              ? `To help ${n} test the belief holding them back, try an incisive question in their own words.`
              : `To keep ${n} exploring, follow with “what more?” and let them lead.`,
        alt: next === 'deeper_reflection' ? 'open_question' : next,
      };
    case 'simple_reflection':
      return {
        worked: `You reflected ${n}'s words back, which shows you were listening.`,
        improve: 'It stayed close to their words; a reflection that names the feeling or meaning underneath moves the conversation further.',
        suggestion: c.feeling
          ? `To help ${n} feel understood, name the feeling you hear (${c.feeling}) as well as the facts.`
          : `To help ${n} see their situation more clearly, add what you sense beneath the words: a feeling, a value, or what's at stake.`,
        alt: 'deeper_reflection',
      };
    case 'permission_request':
      return {
        worked: `You asked before offering an idea, which keeps ${n} in charge of their own thinking.`,
        improve: `Before offering, make sure you've heard ${n}'s own ideas; they often have the best ones.`,
        suggestion: `To keep the plan ${n}'s, ask what options they already see before adding yours.`,
        alt: c.prev ? 'reflection' : 'open_question',
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
          improve: `That's ${c.so.questionStreak + 1} questions in a row without a reflection; ${n} may start to feel interviewed rather than heard.`,
          suggestion: feelHeard(c),
          alt: c.prev ? 'deeper_reflection' : 'open_question',
        };
      }
      return {
        worked: `An open question: it invites ${n} to think and talk.`,
        improve: c.feeling ? `${n} had just named a feeling; reflecting it first would have shown you heard it.` : 'Keep questions short, then let the silence work.',
        suggestion: c.feeling ? feelHeard(c) : `To deepen ${n}'s thinking, follow their answer with a reflection before your next question.`,
        alt: c.prev ? (c.feeling ? 'deeper_reflection' : 'reflection') : next === 'goal_question' ? 'goal_question' : 'open_question',
      };
    case 'closed_question':
      return {
        worked: 'Your question was clear and direct.',
        improve: `It can be answered in a word, so ${n} shares less than they could.`,
        suggestion: c.so.questionStreak >= 1 ? feelHeard(c) : `To help ${n} open up, ask it openly: start with “what” or “how”.`,
        alt: c.so.questionStreak >= 1 && c.prev ? 'reflection' : next === 'goal_question' ? 'goal_question' : 'open_question',
      };
    case 'affirmation':
      return {
        worked: `You affirmed ${n}, which builds trust and helps them think (Kline: appreciation).`,
        improve: 'Make affirmations specific and genuine: name exactly what they did or what it shows about them.',
        suggestion: `To keep ${n} talking, pair the affirmation with a reflection or an open question.`,
        alt: c.prev ? 'deeper_reflection' : 'open_question',
      };
    case 'information':
      return {
        worked: 'What you shared may be accurate and useful.',
        improve: `Giving information moves the focus from ${n}'s thinking to yours.`,
        suggestion: `To keep ${n} at the centre, ask what they already know, or ask permission before sharing.`,
        alt: c.prev ? 'reflection' : 'open_question',
      };
    case 'self_disclosure':
      return {
        worked: 'Sharing something of yourself can build connection.',
        improve: `Your own story moves the spotlight off ${n}; keep it brief and hand it back.`,
        suggestion: `To keep the space ${n}'s, reflect what they said instead of matching it with your experience.`,
        alt: c.prev ? 'deeper_reflection' : 'open_question',
      };
    default:
      return {
        worked: 'You kept the conversation going.',
        improve: `This turn neither reflected nor asked, so it didn't move ${n}'s thinking forward.`,
        suggestion: c.prev ? feelHeard(c) : `To get ${n} started, ask what they would like from the conversation.`,
        alt: c.prev ? 'reflection' : next === 'goal_question' ? 'goal_question' : 'open_question',
      };
  }
}

