/**
 * @module practice/partner/voice
 * The built-in scripted voice: words a directive decided by the transition rules. It answers
 * what was asked (`directive.ask`: a number for "how many", yes or no, a scale, a clarification,
 * a goodbye) from the card's facts and lines, in the mood the directive set, then says what the
 * reaction calls for. Lines come from the card first (its script and its own voice); a card
 * without a voice falls back to the generic banks, a card with one only shares the tiny neutral
 * set. Every line used is recorded in the state, so no line repeats within a session (only the
 * neutral acknowledgements may recur); choices come from a PRNG seeded with (session seed, turn),
 * so a session replays identically.
 */
import { HIDDEN_LAYERS } from '../types.js';
import type {
  CoachAsk,
  HiddenLayer,
  PartnerCard,
  PartnerDirective,
  PartnerStage,
  PartnerState,
  PartnerVoiceKind,
} from '../types.js';
import {
  factHeadsNow,
  hasShape,
  knownNow,
  lockedBy,
  peopleOf,
  relevance,
  TIME,
  type Known,
} from './knowledge.js';
import {
  GENERIC_DISCLOSURE,
  GENERIC_VOICE,
  NEUTRAL_LINES,
  REPLY_BANK,
  withNumber,
  type NeutralKey,
  type ReplyBankKey,
} from './reply-bank.js';
import {
  experiencePools,
  asksOnset,
  datesOnset,
  isBareTimeFact,
  meetsWhenSubject,
  namesNoSubject,
  scaleStepPools,
  timeFactOffQuestion,
  voicesExperience,
  whenSubject,
} from './follow-ups.js';
import { helperPools } from './helpers.js';
import { randomFor } from './seeded-random.js';
import { saysHowTheyAre, wellbeingPools } from './wellbeing.js';
import {
  deniedBy,
  mismatchOf,
  planNotTheirs,
  summaryFits,
  type Mismatch,
} from './summary-check.js';
import { stageAtLeast, stageIndex } from './stage.js';
import { isNeutralLine, sentencesOf } from './lines.js';
import { stemsOf } from './words.js';
import { boundedMemo } from '../memo.js';

/** Ids of lines already hashed: a turn asks for the ids of every line it considers. Bounded. */
const ids = boundedMemo<string>(10000);

/** One candidate line; the id is a hash of the text, so equal texts in two pools count as one. */
interface Line {
  id: string;
  text: string;
}

/** The character's own lines for a moment; `feeling` is optional on a card. */
type VoiceKey = PartnerVoiceKind | 'feeling';

/** A line in which the partner told or asked someone ("My parents were thrilled when I told them"). */
const TOLD_SOMEONE =
  /\b(I|I've|we) (told|talked|spoke|mentioned|asked|rang|called|messaged)\b|\bwhen I told\b/i;

/** Questions whose answer is a piece of the situation: a number, a time, a person, a place. */
const FACTUAL = new Set<CoachAsk['kind']>(['how_many', 'when', 'who', 'where']);

/**
 * Words the directive as the scripted partner. Returns the state with the lines just used added
 * to `usedReplies` (nothing else changes: deciding happened in `advancePartner`).
 *
 * @example
 * const { state, text } = scriptedReply(card, decided.state, decided.directive);
 */
export function scriptedReply(
  card: PartnerCard,
  state: PartnerState,
  directive: PartnerDirective,
): { state: PartnerState; text: string } {
  const voice = new ReplyPicker(card, state, directive.ask);
  // The request for advice closes the reply; what comes before it keeps within the length left.
  const askAdvice = directive.asksAdvice
    ? voice.pick([voice.own('askAdvice')], 'ask-advice', 1)
    : null;
  // A repair ("Sorry, that came out wrong.") is accepted first, as a person would, unless the
  // turn hurt again or ends the conversation.
  const accept =
    directive.ask?.repair && !['defensive', 'farewell'].includes(directive.reaction)
      ? voice.neutral('accepted', 'repair')
      : null;
  // Greeted by someone else's name ("Hi Priya"): put right first, lightly, as anyone would.
  const own = card.partner.name.split(' ')[0];
  const misnamed =
    directive.ask?.addressed && directive.ask.addressed !== own && !state.closed
      ? voice.pick([MISNAMED.map((t) => toLine(t.replace('{name}', own)))], 'misnamed')
      : null;
  const room =
    directive.maxSentences -
    (askAdvice ? sentenceCount(askAdvice.text) : 0) -
    (accept ? 1 : 0) -
    (misnamed ? 1 : 0);
  const parts = compose(voice, card, state, { ...directive, maxSentences: Math.max(1, room) });
  if (accept) parts.unshift(accept);
  if (misnamed) parts.unshift(misnamed);
  if (askAdvice) parts.push(askAdvice);
  if (parts.length === 0) {
    // Every fitting line is spent (a very long session): an unused line about the situation, or
    // at last a neutral acknowledgement, the one kind of line that may recur.
    parts.push(
      voice.pick(
        [...contentPools(voice, card, state.stage, state.revealed), voice.own('notSure')],
        'spare',
      ) ?? voice.neutral('ack', 'spare'),
    );
  }
  return voice.finish(parts);
}

/**
 * Not knowing, in neutral words, for a question of fact: "I'm not sure.", never "Maybe." or
 * "Possibly." to "When does it end?" or "Who else needs to know?".
 */
function unsure(voice: ReplyPicker): Line {
  return voice.neutral('maybe', 'unsure', (t) =>
    /not sure|don't know/.test(t) ? t : "I'm not sure.",
  );
}

/** Greeted by someone else's name ("Hi Priya"): their own, lightly, once. */
const MISNAMED = ["It's {name}, actually.", "Actually, it's {name}."];

/** The opening line of a session (used by `startPartner`). */
export function scriptedOpening(
  card: PartnerCard,
  state: PartnerState,
): { state: PartnerState; text: string } {
  const voice = new ReplyPicker(card, state);
  const opening = voice.pick(
    [scriptLines(card.script?.openings), voice.bank('opening')],
    'opening',
  );
  return voice.finish(opening ? [opening] : []);
}

function compose(
  voice: ReplyPicker,
  card: PartnerCard,
  state: PartnerState,
  d: PartnerDirective,
): Line[] {
  const open = stageAtLeast(d.stage, 'opening_up');
  const newly = d.newlyRevealed;
  const ask = d.ask && d.ask.kind !== 'none' ? d.ask : undefined;
  // A head (a short reaction) then a body (what they say next), within the directive's length.
  const head = (key: ReplyBankKey) =>
    voice.pick([voice.bank(key)], `head.${key}`, d.maxSentences - 1);
  const then = (first: Line | null | (Line | null)[], pools: Line[][], salt: string) => {
    const firsts = (Array.isArray(first) ? first : [first]).filter(isLine);
    const budget = d.maxSentences - firsts.reduce((n, l) => n + sentenceCount(l.text), 0);
    if (budget <= 0 && firsts.length > 0 && !newly) return firsts;
    // After a head, only a body that fits (a disclosure is said whatever its length).
    const body = voice.pick(pools, salt, Math.max(1, budget), firsts.length > 0 && !newly);
    if (!body && firsts.length > 0 && !newly) return firsts;
    return [...firsts, body ?? voice.pick(pools, salt, Math.max(1, budget))].filter(isLine);
  };
  // after an apology, a reflection ("Something about the yes feels heavy.") is answered about
  // what it reflected, so the partner visibly takes it up again
  const about = ask ?? (d.ask?.repair && d.ask.words.length ? d.ask : undefined);
  const content = () => rankedContent(voice, card, state, about);
  const body = () => (newly ? disclosure(card, newly) : content());
  const bodySalt = newly ? `disclose.${newly}` : 'content';
  // The answer to the question asked, when the turn asked one: guarded answers stay short.
  const answer = (short = !open) => (ask ? answerAsk(voice, card, state, d, ask, short) : null);
  // the answer when there is one, else one line from these pools
  const answerOr = (said: Line[] | null, pools: Line[][], salt: string) =>
    said ?? single(voice, d.maxSentences, pools, salt);

  // A summary or reflection that gets a fact wrong (another person, number or feeling) is put
  // right before anything else, and is not agreed with.
  // "What did you have for lunch?": small talk away from the session gets a brief, polite
  // word, and the partner brings it back to what is on their mind
  if (d.ask && smallTalk(card, state, d.ask) && !state.closed && d.reaction !== 'farewell')
    return then(voice.neutral('smallTalk', 'small-talk'), content(), 'small-talk.back');
  // A plan said back that they never made: an honest "not yet", never a yes or a pushback.
  if (planNotTheirs(state, d.ask) && !state.closed && d.reaction !== 'farewell')
    return [voice.neutral('notTheirPlan', 'plan.not.theirs')];
  if (d.ask?.summary && !state.closed && !['defensive', 'farewell'].includes(d.reaction)) {
    const fixed = correction(voice, card, state, d.ask);
    if (fixed) return newly ? then(fixed, body(), bodySalt) : fixed;
  }
  // After the coach's goodbye the partner is leaving: a brief answer to a question, nothing volunteered.
  if (state.closed && d.reaction !== 'farewell') {
    return [
      answer(true)?.[0] ??
        voice.pick(goodbyePools(voice, card, state), 'closed') ??
        voice.neutral('ack', 'closed'),
    ];
  }
  // "Go on.", "Take your time.": the silence is held open, so the partner carries on talking.
  // After an apology the partner accepts it and carries on, whatever else the coder made of the turn.
  if (
    (d.ask?.goOn || (d.ask?.repair && !ask)) &&
    ['neutral', 'curious', 'short', 'affirmed', 'reassured'].includes(d.reaction)
  )
    return then(null, body(), bodySalt);
  switch (d.reaction) {
    case 'farewell':
      return [
        voice.pick(goodbyePools(voice, card, state), 'goodbye') ??
          voice.neutral('thanks', 'goodbye'),
      ];
    case 'heard': {
      if (ask?.kind === 'confirm_summary') return then(answer(true), body(), bodySalt);
      const said = answer(true);
      if (said) return then(said, body(), bodySalt);
      return then(
        open
          ? voice.voiced && voice.chance('heard.head', 0.5)
            ? voice.pick([voice.own('confirmSummary')], 'heard.own', newly ? 1 : 2, true)
            : head('heard_open')
          : head('heard_guarded'),
        body(),
        bodySalt,
      );
    }
    case 'curious': {
      const said = answer();
      if (said) return newly ? then(said, body(), bodySalt) : said;
      // a voiced partner's hesitation is about being asked for a plan too soon: only then a lead
      const lead = voice.voiced
        ? d.ask?.intent === 'acts'
          ? voice.pick([voice.own('hesitant')], 'curious.own', 1)
          : null
        : head(open ? 'curious_open' : 'curious_guarded');
      return then(
        newly ||
          (!open && voice.chance('curious.head', 0.5)) ||
          (!voice.voiced && voice.chance('curious.head', 0.6))
          ? lead
          : null,
        body(),
        bodySalt,
      );
    }
    case 'agreeing': {
      // Late in the session a goal question reviews the outcome rather than setting it.
      if (stageAtLeast(d.stage, 'insight')) {
        return single(
          voice,
          d.maxSentences,
          [
            voice.bank('agreeing_review'),
            layerLines(card, 'elaborate', 'want'),
            voice.own('confirmSummary'),
          ],
          'review',
        );
      }
      const said = ask && FACTUAL.has(ask.kind) ? answer() : null;
      if (said) return said;
      return then(
        head('agreeing'),
        [...goalPools(voice, card, state, ask), voice.bank('session_goal')],
        'goal',
      );
    }
    case 'challenged':
      // A card's own disclosure of the want carries its own "Oh."; a generic one gets a lead-in.
      if (newly) return then(voice.voiced ? null : head('insight'), body(), bodySalt);
      return then(
        head('challenged_again'),
        [...content(), layerLines(card, 'elaborate', 'want')],
        'content',
      );
    case 'deciding': {
      if (newly) return then(head('commit'), body(), bodySalt);
      // asked how sure they are, when, how many or who: that answer, not another line of the
      // plan ("who could help?" names the helper the plan takes up: `helperPools`)
      const said =
        ask && (FACTUAL.has(ask.kind) || ask.kind === 'scale' || ask.kind === 'clarify')
          ? answer()
          : null;
      if (said) return said;
      return single(
        voice,
        d.maxSentences,
        [layerLines(card, 'elaborate', 'action'), voice.bank('commit_detail')],
        'commit_detail',
      );
    }
    case 'premature':
      return answerOr(
        ask && (FACTUAL.has(ask.kind) || ask.kind === 'scale' || ask.kind === 'clarify')
          ? answer(true)
          : null,
        [
          voice.bank(d.cause === 'action_question' ? 'premature_action' : 'premature_incisive'),
          voice.own('hesitant'),
          voice.own('notSure'),
        ],
        'premature',
      );
    case 'short':
      return answerOr(
        answer(true),
        [
          voice.bank(d.cause === 'leading_question' ? 'short_leading' : 'short'),
          voice.own('guarded'),
        ],
        'short',
      );
    case 'overwhelmed': {
      // Several questions at once: lose track, then answer only the last one, briefly.
      const lead = voice.voiced
        ? voice.neutral('overwhelmed', 'overwhelmed')
        : voice.pick([voice.bank('overwhelmed')], 'overwhelmed');
      const said = answer(true);
      return [lead, ...(said ?? [])].filter(isLine).slice(0, 2);
    }
    case 'defensive': {
      if (state.defensiveness >= 2) {
        const curt = voice.voiced
          ? (voice.pick([voice.own('guarded')], 'withdrawn', 1) ??
            voice.neutral('ack', 'withdrawn'))
          : voice.pick([voice.bank('withdrawn')], 'withdrawn');
        return [curt].filter(isLine);
      }
      const own = [...scriptLines(card.script?.pushback), ...voice.own('pushback')];
      const pools = voice.chance('pushback', 0.5)
        ? [own, voice.bank('defensive')]
        : [voice.bank('defensive'), own];
      return single(
        voice,
        d.maxSentences,
        voice.voiced ? [own, voice.own('guarded')] : pools,
        'defensive',
      );
    }
    case 'reassured': {
      // Soothing does not open anyone: politely unmoved, and a short answer if a question came too.
      const challenging = card.difficulty === 'challenging';
      const own = challenging
        ? [voice.own('pushback'), scriptLines(card.script?.pushback), voice.own('guarded')]
        : [voice.own('guarded'), voice.own('pushback')];
      const said = answer(true);
      const lead = voice.pick(own, 'reassured', 1) ?? voice.neutral('maybe', 'reassured');
      return [lead, ...(said ?? [])].slice(0, 2);
    }
    case 'welcome_idea':
      return [
        voice.voiced
          ? voice.neutral('welcomeIdea', 'welcome')
          : voice.pick([voice.bank('welcome_idea')], 'welcome'),
      ].filter(isLine);
    case 'permission': {
      const key = state.permissionGranted ? 'permissionGranted' : 'permissionRefused';
      if (voice.voiced) return [voice.neutral(key, 'permission')];
      return single(
        voice,
        d.maxSentences,
        [voice.bank(state.permissionGranted ? 'permission_granted' : 'permission_refused')],
        'permission',
      );
    }
    case 'affirmed': {
      const thanks = voice.voiced ? voice.neutral('thanks', 'affirmed') : head('affirmed');
      const said = answer();
      if (said) return [thanks, ...said].filter(isLine).slice(0, 2);
      if (open) return then(thanks, body(), bodySalt);
      return voice.voiced && thanks
        ? [thanks]
        : single(voice, d.maxSentences, [voice.bank('affirmed')], 'affirmed');
    }
    case 'neutral': {
      const said = answer();
      if (said) return said;
      if (voice.chance('neutral.body', 0.5))
        return then(
          voice.voiced ? voice.neutral('ack', 'neutral') : head('neutral'),
          body(),
          bodySalt,
        );
      return voice.voiced
        ? [voice.neutral('ack', 'neutral')]
        : single(voice, d.maxSentences, [voice.bank('neutral')], 'neutral');
    }
  }
}

/**
 * The answer to what was asked, shaped by the kind of question, or null when the question is
 * open enough that the partner's own next words answer it (the reaction's usual body).
 */
function answerAsk(
  voice: ReplyPicker,
  card: PartnerCard,
  state: PartnerState,
  d: PartnerDirective,
  ask: CoachAsk,
  short: boolean,
): Line[] | null {
  let known = knownNow(card, state);
  // "Do you have kids?", "How old are you?": their own line about it, else politely kept private
  if (ask.personal && !['goodbye', 'scale', 'clarify', 'confirm_summary'].includes(ask.kind)) {
    const words = ask.personal;
    const about = known.filter(
      (k) =>
        k.source !== 'goal' &&
        FIRST_PERSON.test(k.text) &&
        words.some((w) => new RegExp(`\\b${w}\\b`, 'i').test(k.text)),
    );
    const line = voice.pick([about.map((k) => toLine(k.text))], 'personal', 2);
    // a plain "Yes." (not "I think so."): a person knows whether they have children
    if (line) return ask.kind === 'yes_no' ? [toLine('Yes.'), line] : [line];
    return [voice.neutral('personal', 'personal')];
  }
  switch (ask.kind) {
    case 'goodbye':
      return [
        voice.pick(goodbyePools(voice, card, state), 'goodbye') ??
          voice.neutral('thanks', 'goodbye'),
      ];
    case 'scale':
      return [scaleLine(voice, card, d.stage, ask)];
    case 'clarify': {
      // The character's own clarification; once open, also the line nearest what was asked about.
      const meant = voice.pick([voice.own('clarify')], 'clarify');
      const about = bestKnown(voice, known, ask, 1, 'clarify.about');
      if (meant && (short || !about)) return [meant];
      return [meant, about].filter(isLine).length
        ? [meant, about].filter(isLine)
        : [
            voice.pick([voice.own('notSure')], 'clarify.unsure') ??
              voice.neutral('maybe', 'clarify'),
          ];
    }
    case 'confirm_summary': {
      if (summaryFits(card, state, ask))
        return [
          voice.pick([voice.own('confirmSummary')], 'confirm', 2) ??
            voice.neutral('confirmed', 'confirm'),
        ];
      // "Not quite", then what they did say about it (the money: "Nice, but it isn't
      // life-changing."); the reaction's own words follow (never a clarification of something else).
      const said = bestKnown(
        voice,
        known.filter((k) => k.source === 'surface' || k.source === 'elaborate'),
        ask,
        1,
        'confirm.said',
      );
      return [voice.neutral('partly', 'confirm.partly'), said].filter(isLine);
    }
    case 'yes_no': {
      // "Are you sleeping at all?": seldom, on a card where it comes up at all, then how they are
      if (ask.wellbeing) {
        const line = wellbeingLine(voice, known, ask, open(d));
        return isNeutralLine(line.text) ? [line] : [voice.neutral('no', 'wellbeing.no'), line];
      }
      const polarity = voice.neutral(polarityFor(d, state), 'polarity');
      // "Is there anyone who could help?": the person, when they have one
      if (ask.helpers) {
        const helper = helperLine(voice, card, state, known, ask);
        if (helper) return [polarity, helper];
      }
      const fact = bestKnown(voice, known, ask, 3, 'yes_no.fact');
      if (fact) return [polarity, fact];
      const reason = short ? null : bestKnown(voice, known, ask, 1, 'yes_no.reason');
      // After a "maybe", not knowing reads as a contradiction: the reason is hesitation or reserve.
      const own =
        reason ??
        voice.pick(
          ask.intent === 'acts'
            ? [voice.own('hesitant'), voice.own('guarded'), voice.own('notSure')]
            : [voice.own('guarded'), voice.own('notSure')],
          'yes_no.own',
          2,
        );
      return [polarity, own].filter(isLine);
    }
    case 'how_many':
    case 'when':
    case 'who':
    case 'where': {
      // "Who have you told?": the partner knows whom they told. A line where they told someone, else nobody yet.
      if (ask.kind === 'who' && ask.toldWho) {
        const told = known
          .filter((k) => TOLD_SOMEONE.test(k.text) && hasShape('who', k.text, voice.people))
          .map((k) => toLine(k.text));
        const strong = bestKnown(voice, known, ask, 3, 'who.strong', true);
        return [
          strong ?? voice.pick([told], 'who.told', 2) ?? voice.neutral('nobody', 'who.nobody'),
        ];
      }
      // "How much sleep are you getting?": about them, not a count from the situation
      if (ask.wellbeing && ask.kind === 'how_many')
        return [wellbeingLine(voice, known, ask, open(d))];
      // "Who could help?": the person they would turn to, the one their plan names once it is said
      // (nobody on the card helps: not knowing, never someone a cue names who is no helper)
      if (ask.kind === 'who' && ask.helpers) {
        const line = helperLine(voice, card, state, known, ask);
        return [line ?? voice.pick([voice.own('notSure')], 'who.helper.unsure') ?? unsure(voice)];
      }
      // "When will you do it?": a step has a time once it is chosen; before that, they say so
      // rather than give the time of something else.
      if (ask.kind === 'when' && ask.intent === 'acts') {
        if (!state.revealed.includes('action'))
          return [
            voice.neutral('undecided', 'when.undecided'),
            voice.neutral('undecidedWhen', 'when.so'),
          ];
        const step = [
          ...layerLines(card, 'disclose', 'action'),
          ...layerLines(card, 'elaborate', 'action'),
        ];
        const withTime = step.filter((l) => TIME.test(l.text));
        const again = (withTime[0] ?? step[0])?.text;
        const timed =
          voice.pick([withTime, step], 'when.step', 2) ??
          (again
            ? voice.pick(
                [[toLine(`As I said, ${lowerFirst(sentencesOf(again)[0] ?? again)}`)]],
                'when.again',
              )
            : null);
        if (timed) return [timed];
      }
      // "When?" naming nothing: a follow-up on the conversation, so the partner's own step and
      // its timing once they have one, else not knowing; never whichever time fact the card holds
      if (ask.kind === 'when' && namesNoSubject(ask)) {
        const timed = state.revealed.includes('action')
          ? [
              ...layerLines(card, 'elaborate', 'action'),
              ...layerLines(card, 'disclose', 'action'),
            ].filter((l) => hasShape('when', l.text))
          : [];
        const line = voice.pick(
          [timed, voice.own('notSure'), voice.own('hesitant')],
          'when.follow-up',
          short ? 1 : 2,
        );
        if (line) return [line];
      }
      // Asked most about a fact held back: its plain first sentence (the answer, not the story), or
      // reserve; never another fact that only shares the kind of question ("how long").
      // a session goal ("...fuming at my desk") is not where anything is, nor who or when
      // "When does the team meet?": a time about the meeting, never whatever time the card holds
      const subject = ask.kind === 'when' ? whenSubject(ask, known, card) : [];
      // "When did this start?": a line that dates a beginning, never a routine ("Thursdays at two.")
      const onset = ask.kind === 'when' && asksOnset(ask);
      const situation = known.filter(
        (k) =>
          k.source !== 'goal' &&
          meetsWhenSubject(subject, ask.names, k) &&
          (!onset || datesOnset(k.text)),
      );
      if (heldBack(card, state, ask, known)) {
        const head = bestKnown(voice, factHeadsNow(card, state), ask, 2, `${ask.kind}.head`, true);
        const line =
          head ??
          voice.pick([voice.own('guarded'), voice.own('notSure')], `${ask.kind}.held-back`, 1);
        if (line) return [line];
      }
      // The shape asked for (a number, a time, a person) first; a line strongly about the question after.
      const fact =
        bestKnown(voice, situation, ask, 2, `${ask.kind}.fact`, true) ??
        bestKnown(voice, situation, ask, 1, `${ask.kind}.near`, true) ??
        // a line strongly about the question without the shape asked for: never for "who" (a person or nothing)
        // nor, for "when", a fact that holds no time ("Twelve, usually." is who comes, not when)
        (ask.kind === 'who'
          ? null
          : bestKnown(
              voice,
              situation.filter(
                (k) => ask.kind !== 'when' || k.source !== 'fact' || TIME.test(k.text),
              ),
              ask,
              3,
              `${ask.kind}.about`,
            ));
      if (fact) return [fact];
      // "Who else needs to know?" once there is a plan: the people in it ("I'll tell the team why")
      if (ask.kind === 'who' && state.revealed.includes('action')) {
        const plan = [
          ...layerLines(card, 'elaborate', 'action'),
          ...layerLines(card, 'disclose', 'action'),
        ].filter((l) => hasShape('who', l.text, voice.people));
        const line = voice.pick([plan], 'who.plan', 2);
        if (line) return [line];
      }
      return [voice.pick([voice.own('notSure')], `${ask.kind}.unsure`) ?? unsure(voice)];
    }
    case 'why':
    case 'how':
    case 'what': {
      // a time fact answers when, not what or why ("Thursdays at two." is no step to take)
      known = known.filter((k) => !timeFactOffQuestion(ask, k));
      const intent = ask.intent;
      // "What would you want Jo to understand?" is about what they want, not about Jo.
      // A why or how asks for a reason: one shared word is not enough to make a fact the answer.
      const min = ask.kind === 'what' ? 2 : 3;
      // A reason is not found by a name alone ("What got in the way of handing it to Chloe?" is not about who Chloe is).
      const named = new Set(ask.names.map((n) => n.toLowerCase()));
      const about =
        ask.kind === 'why'
          ? { ...ask, names: [], words: ask.words.filter((w) => !named.has(w)) }
          : ask;
      // "Is it the people or the setting?": one side (or both), from what they know.
      if (ask.choice) return choiceAnswer(voice, card, state, known, ask);
      // "How are you sleeping?": about them, not the situation
      if (ask.wellbeing && ask.kind !== 'why') return [wellbeingLine(voice, known, ask, open(d))];
      // "Who do you think could help?" read as a what or how ("What support could you get?")
      if (ask.helpers && ask.kind !== 'why') {
        const helper = helperLine(voice, card, state, known, ask);
        if (helper) return [helper];
      }
      // Asked about something the partner is holding back, they hold back: never a weaker fact in its place.
      if (heldBack(card, state, about, known)) {
        const line = voice.pick([voice.own('guarded'), voice.own('notSure')], 'held-back', 1);
        if (line) return [line];
      }
      // "Why do you think the written reviews feel easier?" asks for a reason, not a feeling;
      // "Is it the outage or the review that weighs on you more?" for one of the two
      const feels = intent === 'feels' && ask.kind !== 'why' && !ask.choice;
      // A reason is a line that gives one: a fact that only states a number or a time
      // ("Twelve, usually.") is not why, whatever words it shares with the question.
      const reasons =
        ask.kind === 'why'
          ? known.filter((k) => k.source !== 'fact' || GIVES_REASON.test(k.text))
          : ask.choice
            ? known.filter((k) => k.source !== 'goal')
            : known;
      // "What would make it an eight?": their own step or want once said; before that, guarded,
      // their hesitation (what holds a number where it is waits for something to say)
      // (once they have a step or a want, a spent pool leaves the usual words, never a "not yet")
      if (ask.scaleStep) {
        const steps = scaleStepPools(card, state).map(scriptLines);
        const reserve =
          steps.length === 0 && ask.scaleStep === 'up'
            ? [voice.own('hesitant'), voice.own('notSure')]
            : [];
        const line = voice.pick([...steps, ...reserve], 'scale-step', short ? 1 : 2);
        if (line) return [line];
      }
      // "What happens for you just before you speak?": what goes on in them, never a fact
      if (ask.inner) {
        const pools = experiencePools(known, (k) => relevance(about, k, voice.people), open(d)).map(
          scriptLines,
        );
        // their own reserve when it says something of what goes on in them ("I haven't thought about it")
        const reserve = [voice.own('notSure'), voice.own('guarded')].map((lines) =>
          lines.filter((l) => voicesExperience(l.text)),
        );
        const line = voice.pick([...pools, ...reserve], 'inner', short ? 1 : 2);
        if (line) return [line];
      }
      // "What do you want it to be like in six months?": an outcome, from what they want.
      if (ask.future && ask.kind !== 'why' && !feels) {
        const line = voice.pick(goalPools(voice, card, state, ask), 'future', short ? 1 : 2);
        return line
          ? [line]
          : [voice.neutral('pictured', 'future.pictured'), voice.neutral('hope', 'future.hope')];
      }
      // "What do you think you should do?": the partner's own next step once they have one,
      // else they are not ready to say (never a fact that happens to share a word).
      if (intent === 'acts') {
        const acts = state.revealed.includes('action')
          ? layerLines(card, 'elaborate', 'action')
          : [];
        const line = voice.pick(
          [acts, voice.own('hesitant'), voice.own('notSure')],
          'acts',
          short ? 1 : 2,
        );
        if (line) return [line];
      }
      if (intent === 'tried') return [triedLine(voice, known, about, short)];
      if (feels) {
        const felt = feelingLine(voice, known, about, open(d));
        if (felt) return [felt];
      }
      const fact =
        intent === 'wants' || feels
          ? null
          : bestKnown(voice, reasons, about, ask.choice ? 1 : min, `${ask.kind}.fact`);
      if (fact) return [fact];
      // Asked why with nothing near a reason to give yet, a guarded partner says so, not something else.
      if (
        ask.kind === 'why' &&
        !stageAtLeast(d.stage, 'opening_up') &&
        !d.newlyRevealed &&
        !reasons.some((k) => k.source !== 'goal' && relevance(about, k, voice.people) >= 1)
      ) {
        const line = voice.pick([voice.own('notSure'), voice.own('hesitant')], 'why.unsure', 2);
        if (line) return [line];
      }
      // A choice nothing they know decides: both, and honestly not sure which weighs more.
      if (ask.choice) {
        const unsure = voice.pick([voice.own('notSure'), voice.own('hesitant')], 'choice', 2);
        return [voice.neutral('both', 'choice'), unsure].filter(isLine);
      }
      // Asked about someone the partner has nothing to say about: honestly not sure, not a change of subject.
      if (ask.names.length > 0 && !intent)
        return [
          voice.pick([voice.own('notSure')], 'names.unsure') ??
            voice.neutral('maybe', 'names.unsure'),
        ];
      if (intent === 'wants') {
        const line = voice.pick(goalPools(voice, card, state, ask), 'wants', short ? 1 : 2);
        if (line) return [line];
      }
      if (feels && !stageAtLeast(d.stage, 'opening_up') && !d.newlyRevealed) {
        // a guarded feeling, or reserve, not "I'm not ready for a plan": nobody asked for one
        const line = voice.pick(
          [voice.ownSayable('feeling'), voice.own('guarded'), voice.own('notSure')],
          'feels',
          1,
        );
        if (line) return [line];
      }
      return null;
    }
    case 'none':
      return null;
  }
}

/** Words that say how much of one side a partner means ("the people, mostly"). */
const PICKED = [', I think.', ', mostly.', ", if I'm honest."];

/**
 * "Is it the people or the setting?": the side what the partner knows leans to (their own words
 * count double, what they keep back once: they know it, they need not say it), said as the coach
 * put it ("The people, I think.") and followed by a line about it; both when the two weigh the
 * same; not knowing when nothing they know is about either. A fact that only shares a question's
 * cue ("Twelve, usually." for "people") is not about either side: only a line's own words count.
 */
function choiceAnswer(
  voice: ReplyPicker,
  card: PartnerCard,
  state: PartnerState,
  known: Known[],
  ask: CoachAsk,
): Line[] {
  const sayable = known.filter((k) => k.source !== 'goal');
  const kept = HIDDEN_LAYERS.filter((l) => !state.revealed.includes(l)).map((l) =>
    [card.hidden[l], ...(card.script?.disclose[l] ?? [])].join(' '),
  );
  const sides = (ask.options ?? []).map((option) => {
    // "...or about you?": the side of them, which a line where they say how they feel is about
    const self = /^(you|yourself)$/i.test(option.trim());
    const words = [...stemsOf(option)];
    const hits = (stems: ReadonlySet<string>) => words.filter((w) => stems.has(w)).length;
    const about = (text: string) =>
      self ? Number(FEELING.test(text) && /\b(I|I'm|myself)\b/.test(text)) : hits(stemsOf(text));
    const lines = sayable
      .map((k) => ({ k, score: about(k.text) }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score)
      .map((x) => toLine(x.k.text));
    const weight =
      2 * Math.max(0, ...sayable.map((k) => about(k.text))) +
      Math.max(0, ...kept.map((k) => (self ? Number(/\bmyself\b/i.test(k)) : about(k))));
    return { option, lines, weight };
  });
  const [a, b] = sides;
  if (a && b && a.weight !== b.weight) {
    const side = a.weight > b.weight ? a : b;
    const said = ownWords(side.option);
    const lead = voice.pick(
      [PICKED.map((end) => toLine(`${said.charAt(0).toUpperCase()}${said.slice(1)}${end}`))],
      'choice.side',
    );
    const line = voice.pick([side.lines], 'choice.line', 2);
    if (lead || line) return [lead, line].filter(isLine);
  }
  const either = voice.pick([[...(a?.lines ?? []), ...(b?.lines ?? [])]], 'choice.both', 2);
  if (either && a && b && a.weight > 0) return [voice.neutral('both', 'choice'), either];
  const unsure = voice.pick([voice.own('notSure'), voice.own('guarded')], 'choice', 2);
  return [voice.neutral('both', 'choice'), unsure].filter(isLine);
}

/** The coach's words as the partner says them back: "your team" is "my team", "you" is "me". */
function ownWords(phrase: string): string {
  const swap: Record<string, string> = {
    you: 'me',
    your: 'my',
    yours: 'mine',
    yourself: 'myself',
    "you're": "I'm",
  };
  return phrase
    .split(/\s+/)
    .map((w) => swap[w.toLowerCase()] ?? w)
    .join(' ');
}

/** A line that gives a reason ("because", "so", "I'd rather"), not just a number or a time. */
const GIVES_REASON =
  /\b(because|'cause|so that|so I|that's why|which is why|since|I think|I suppose|I'd rather|worried|scared|afraid|easier|quicker|faster|trust|hint|suggested)\b/i;

/** A question about the partnership as a whole, not just today ("What would you like to get out of our sessions?"). */
const WHOLE_PARTNERSHIP = /\b(partnership|sessions|together|long|months|year|overall|over time)\b/;
/** A line that says what the partner wants ("I'd like...", "I want..."), not an agenda ("Some ground rules"). */
const VOICES_WANT =
  /\b(I'd like|I would like|I want|I'd love|I need|I hope|I'm hoping|I wish|I'd rather|I'd use it)\b/i;

/** A goal that is about this session or these sessions, not about their situation. */
const AGENDA = /\b(today|session|sessions|ground rules|agenda|this hour|start with)\b/i;

/** A goal as an aim ("I'd like to get clearer..." as "to get clearer..."). */
function asAim(text: string): string {
  const aim = text.replace(
    /^(I'd like to|I would like to|I want to|I'd love to|I need to)\s+/i,
    'to ',
  );
  return aim === text ? lowerFirst(text) : aim;
}

/**
 * The lines that say what the partner wants, ordered for the question, the hidden want's own
 * lines first once it is said. Asked what they want from the partnership as a whole, the partner
 * says what they want, or that they do not know yet; an agenda for today ("Some ground rules, I
 * suppose") answers only a question about today. Asked how things should be later on, any goal
 * of theirs, then honestly not having pictured it. "As I said, ..." only when the same question
 * comes again: a new question about the future is not met by a repeat.
 */
function goalPools(
  voice: ReplyPicker,
  card: PartnerCard,
  state: PartnerState,
  ask: CoachAsk | undefined,
): Line[][] {
  const goals = scriptLines(card.script?.sessionGoal);
  const wanted = state.revealed.includes('want')
    ? [...layerLines(card, 'elaborate', 'want'), ...layerLines(card, 'disclose', 'want')]
    : [];
  const words = ask?.words.join(' ') ?? '';
  const whole = !ask?.future && WHOLE_PARTNERSHIP.test(words) && !/\b(today|now)\b/.test(words);
  if (!ask?.future && !whole) return [[...wanted.slice(0, 2), ...goals]];
  // once the wants are said, a person asked the same again says them again ("As I said, I'd like...")
  const wants = goals.filter((l) => VOICES_WANT.test(l.text));
  const again =
    whole || voice.askedBefore
      ? [...wants, ...wanted]
          .filter((l) => voice.hasSaid(l.text))
          .map((l) => toLine(`As I said, ${lowerFirst(sentencesOf(l.text)[0] ?? l.text)}`))
      : [];
  // today's agenda ("work out what these sessions are for") is not how things should be later
  if (ask?.future) {
    // a goal already said answers a new question about later on in other words, not as a repeat
    const outcomes = goals.filter((l) => !AGENDA.test(l.text));
    const restated = outcomes
      .filter((l) => voice.hasSaid(l.text) && sentenceCount(l.text) === 1)
      .flatMap((l) => {
        const aim = asAim(l.text);
        return [
          toLine(`Much the same thing, really: ${aim}`),
          toLine(`Ideally? ${aim.charAt(0).toUpperCase()}${aim.slice(1)}`),
        ];
      });
    return [wanted, outcomes, again, restated];
  }
  return [[...wanted.slice(0, 2), ...wants], again, voice.own('notSure')];
}

/** A goodbye that says the session helped ("That helped more than I thought it would"). */
const CREDITS_SESSION =
  /\b(help(ed|s|ful)|useful|better than|clearer than|lovely|less (painful|awful)|more like myself|that was good|for not (just )?(telling|lecturing|marking)|on the hook)\b/i;
/** A goodbye that names what comes next ("Chloe on Monday", "I've got a note to write"). */
const NAMES_NEXT_STEP =
  /\b(I'll (send|write|tell|ask|book|put|block|talk)|(I've got|I have|given me) an? [\w-]+ to|going to (go and )?(write|ask|talk)|know what I'm going to|(tuesday|monday|wednesday|thursday|friday|three weeks), then|on (monday|tuesday|wednesday|thursday|friday)\.)/i;

/**
 * The goodbyes that fit where the session got to. A line naming what comes next waits until the
 * partner has settled on an action (and never words a layer not yet revealed); a line saying the
 * session helped waits until the partner has opened up at all. A partner who never opened leaves
 * politely, without a verdict.
 */
function goodbyePools(voice: ReplyPicker, card: PartnerCard, state: PartnerState): Line[][] {
  const lines = voice.own('goodbye').filter((l) => !lockedBy(card, state.revealed, l.text));
  const acted = state.revealed.includes('action');
  const opened = state.revealed.length > 0;
  return [
    lines.filter(
      (l) => (acted || !NAMES_NEXT_STEP.test(l.text)) && (opened || !CREDITS_SESSION.test(l.text)),
    ),
  ];
}

const open = (d: PartnerDirective) => stageAtLeast(d.stage, 'opening_up');

/**
 * Whether the question is about something the partner knows and is holding back: a fact withheld
 * with its locked layer is what the question is most about, more than anything they may say.
 */
function heldBack(card: PartnerCard, state: PartnerState, ask: CoachAsk, known: Known[]): boolean {
  const { hidden, sayable } = heldBackScores(card, state, ask, known);
  return hidden >= 3 && hidden > sayable + 1;
}

/** How well the best withheld fact and the best sayable line answer the question. */
function heldBackScores(
  card: PartnerCard,
  state: PartnerState,
  ask: CoachAsk,
  known: Known[],
): { hidden: number; sayable: number } {
  const people = peopleOf(card);
  const sayable = Math.max(0, ...known.map((k) => relevance(ask, k, people)));
  const said = new Set(known.map((k) => k.text));
  const withheld = (card.facts ?? []).filter((f) => !said.has(f.answer));
  const hidden = Math.max(
    0,
    ...withheld.map((f) => relevance(ask, { text: f.answer, source: 'fact', fact: f }, people)),
  );
  return { hidden, sayable };
}

/** Everyday things outside work a colleague might be asked about in passing. */
const SMALL_TALK = stemsOf(
  'lunch breakfast dinner supper sandwich coffee football match cricket rugby telly tv film movie holiday holidays weekend',
);

/**
 * Whether the coach asks about something away from the session ("What did you have for
 * lunch?", "Did you catch the match?"): an everyday word, and nothing the partner could say
 * about it on their card.
 */
function smallTalk(card: PartnerCard, state: PartnerState, ask: CoachAsk): boolean {
  if (ask.summary || ['goodbye', 'none'].includes(ask.kind) || ask.personal) return false;
  if (!ask.words.some((w) => SMALL_TALK.has(w))) return false;
  // "last night", "this weekend": when, not what about, so no match with a line of theirs
  const about = { ...ask, words: ask.words.filter((w) => !TIME.test(w)) };
  const { hidden, sayable } = heldBackScores(card, state, about, knownNow(card, state));
  // one shared word ("nice") is no topic of theirs
  return hidden < 2 && sayable < 2;
}

/** Words a line says how the partner feels with. */
const FEELING =
  /\b(feel|feels|felt|feeling|stomach|sleep|sleeping|awful|tired|exhausted|guilty|guilt|scared|scary|afraid|worried|worry|anxious|dread\w*|sick|stung|angry|fuming|furious|frustrat\w*|embarrass\w*|ashamed|proud|relieved|glad|lonely|overwhelmed|stuck|panic\w*|nervous|hate|hard|heavy|silly|guest|hovering|smile|cried|shaking|freez\w*|freeze|mortif\w*|gutted|fed up|annoy\w*|hurt|love|enjoy\w*|excit\w*|pleased|happy|weird|odd|uneasy|drowning|frantic|bother\w*|rattled|unsettl\w*|fraud|miserable|flat|numb|irritat\w*|nerves|doubts?|uncomfortable|lovely|loved|worse)\b/i;

/**
 * How the partner feels about what was asked: a line voicing a feeling and about the question,
 * then any line of theirs voicing a feeling (the situation's surface, or their own reserve when
 * guarded; deeper lines once open); null leaves the reaction's usual words. A fact ("Six
 * analysts") or a line that only shares a name with the question never answers how they feel.
 */
function feelingLine(
  voice: ReplyPicker,
  known: Known[],
  ask: CoachAsk,
  opened: boolean,
): Line | null {
  const people = voice.people;
  const feeling = known.filter(
    (k) => k.source !== 'goal' && FEELING.test(k.text) && (opened || k.source !== 'elaborate'),
  );
  // their own feeling ("I was angry"), not someone else's ("The board loved it")
  const near = feeling
    .filter((k) => FIRST_PERSON.test(k.text))
    .map((k) => ({ k, score: relevance(ask, k, people) }))
    .filter((x) => x.score >= 1)
    .sort((a, b) => b.score - a.score)
    .map((x) => toLine(x.k.text));
  // a line strongly about the question ("Leo covered my role... He did a great job, honestly."
  // asked how they feel about Leo): what a guarded colleague says instead of naming the feeling
  const strongly = known
    .filter((k) => k.source !== 'fact' && k.source !== 'goal' && relevance(ask, k, people) >= 3)
    .map((k) => toLine(k.text));
  const felt = (lines: Line[]) => lines.filter((l) => FEELING.test(l.text));
  const said = feeling.filter((k) => k.source !== 'fact').map((k) => toLine(k.text));
  // guarded, the feeling comes from what they would say anyway, said briefly
  const reserve = opened ? [] : felt([...voice.own('guarded'), ...voice.own('notSure')]);
  // the card's guarded-but-real feelings ("Uneasy. Not alarmed, but uneasy."): first while
  // guarded, after their deeper lines once they have opened up
  const own = voice.ownSayable('feeling');
  // asked about someone ("How do you feel about Leo?"), a line about them comes before a general feeling
  if (!opened) {
    // "How do you feel about Leo?", not "How did you feel when Gareth put your name forward?"
    const aboutSomeone =
      ask.names.length > 0 && !ask.names.some((n) => ask.setting?.includes(n.toLowerCase()));
    const pools = aboutSomeone
      ? [near, strongly, own, said, reserve]
      : [near, own, felt(strongly), said, reserve];
    return voice.pick(pools, 'feels.line', 2);
  }
  return voice.pick([near, strongly, own, said], 'feels.line', 2);
}

/**
 * "Who could help?": the helper their plan names once it is said ("As I said, ..." when every
 * such line is spent), else the person they trust or lean on; null when the card has nobody.
 */
function helperLine(
  voice: ReplyPicker,
  card: PartnerCard,
  state: PartnerState,
  known: Known[],
  ask: CoachAsk,
): Line | null {
  const pools = helperPools(card, state, known, voice.people);
  const scored = pools.map((pool) =>
    pool
      .map((text) => ({ text, score: relevance(ask, { text, source: 'surface' }, voice.people) }))
      .sort((a, b) => b.score - a.score)
      .map((x) => toLine(x.text)),
  );
  const line = voice.pick(scored, 'who.helper', 2);
  if (line) return line;
  const plan = pools.flat()[0];
  if (!plan) return null;
  const first = sentencesOf(plan)[0] ?? plan;
  return voice.pick([[toLine(`As I said, ${lowerFirst(first)}`)]], 'who.helper.again');
}

/**
 * "How are you sleeping?": what the card says of their nights, evenings and home life, else
 * how they are (their own feeling line), else their own honest not knowing.
 */
function wellbeingLine(voice: ReplyPicker, known: Known[], ask: CoachAsk, opened: boolean): Line {
  const people = voice.people;
  const pools = wellbeingPools(known, (k) => relevance(ask, k, people), opened).map(scriptLines);
  const felt = voice.ownSayable('feeling');
  return (
    voice.pick([...pools, felt.filter((l) => saysHowTheyAre(l.text)), felt], 'wellbeing', 2) ??
    voice.pick([voice.own('notSure')], 'wellbeing.unsure') ??
    voice.neutral('maybe', 'wellbeing')
  );
}

/** A line in which the partner speaks of themselves. */
const FIRST_PERSON = /\b(I|I'm|I've|I'd|me|my|myself)\b/;

/** A line where the partner did something about it ("I asked for a sounding board"). */
const DID_SOMETHING =
  /\bI(?:'ve| have)? (tried|asked|started|stopped|kept|put|told|said|booked|moved|blocked|dropped|raised|emailed|rang|wrote|did|cancelled|turned|hand(ed)?)\b/i;

/** What the partner has tried: a line where they did something about it, else "Not much, honestly." */
function triedLine(voice: ReplyPicker, known: Known[], ask: CoachAsk, short: boolean): Line {
  const people = voice.people;
  const did = known
    .filter((k) => DID_SOMETHING.test(k.text) && relevance(ask, k, people) >= 1)
    .map((k) => toLine(k.text));
  return voice.pick([did], 'tried', short ? 1 : 2) ?? voice.neutral('tried', 'tried');
}

/** yes, maybe or no, from where the partner is: guarded partners hedge, committed ones say yes. */
function polarityFor(d: PartnerDirective, state: PartnerState): NeutralKey {
  if (d.reaction === 'defensive' || state.defensiveness > 0) return 'no';
  if (stageAtLeast(d.stage, 'insight')) return 'yes';
  if (stageIndex(d.stage) >= stageIndex('exploring') && state.trust >= 0.6) return 'yes';
  return 'maybe';
}

/**
 * A scale answer holding a number: the card's own answer when the question is about what the
 * card's scale measures, the same number in neutral words otherwise, higher once the partner
 * has moved on.
 */
function scaleLine(
  voice: ReplyPicker,
  card: PartnerCard,
  stage: PartnerStage,
  ask: CoachAsk,
): Line {
  const scale = card.scale;
  const base = Math.min(10, Math.max(1, Math.round(scale?.value ?? 4)));
  const moved = Math.min(10, base + Math.max(0, stageIndex(stage) - 1));
  const about = stemsOf(scale?.about ?? '');
  const asked = [...stemsOf(ask.words.join(' '))].filter((w) => !SCALE_WORDS.has(w));
  const sameThing = asked.length === 0 || asked.some((w) => about.has(w));
  if (scale && moved === base && sameThing) {
    const own = voice.pick([scriptLines([scale.answer])], 'scale.own');
    if (own) return own;
  }
  const fill = (t: string) => withNumber(t, moved);
  // asked again about the same thing: "Still about a four." for the number said before, "Higher
  // now." only after a lower one; a question about something else is a first answer
  const said = (n: number) =>
    voice.hasSaidAny(
      [...NEUTRAL_LINES.scale, ...NEUTRAL_LINES.scaleSame, ...NEUTRAL_LINES.scaleHigher].map((t) =>
        withNumber(t, n),
      ),
    ) ||
    (scale !== undefined && n === base && voice.hasSaid(scale.answer));
  const lower = Array.from({ length: moved - 1 }, (_, i) => i + 1).some(said);
  const key: NeutralKey = !sameThing
    ? 'scale'
    : said(moved)
      ? 'scaleSame'
      : lower
        ? 'scaleHigher'
        : 'scale';
  return voice.neutral(key, 'scale', fill);
}

/** Words of the scale itself ("on a scale of one to ten"), not of what it measures. */
const SCALE_WORDS = stemsOf('scale ten 10 1 out');

/**
 * "Not quite." and what is so, when a summary or reflection gets a fact wrong: the line that
 * holds the right person, number or feeling, nearest what the summary was about; null when the
 * summary gets no fact wrong, or nothing they may say yet puts it right.
 */
function correction(
  voice: ReplyPicker,
  card: PartnerCard,
  state: PartnerState,
  ask: CoachAsk,
): Line[] | null {
  const wrong = mismatchOf(card, state, ask);
  if (!wrong) return null;
  // "Not quite." and the line where they said they are not it ("I'm not a shy person.")
  const denial = wrong === 'denied' ? deniedBy(card, state, ask) : null;
  if (denial) return [voice.neutral('wrong', 'correct.wrong'), toLine(denial)];
  const people = voice.people;
  const shape: Record<Mismatch, (text: string) => boolean> = {
    denied: () => false,
    person: (t) => hasShape('who', t, people),
    number: (t) => hasShape('how_many', t, people),
    feeling: (t) => FEELING.test(t),
  };
  // weighed without the wrong words' help: "Sam" in a summary about Leo does not point at Sam
  const about = { ...ask, names: [] };
  const disclosed = state.revealed.flatMap((layer) =>
    (card.script?.disclose[layer] ?? []).map((text): Known => ({
      text,
      source: 'elaborate',
      layer,
    })),
  );
  const known = [...knownNow(card, state), ...disclosed].filter(
    (k) =>
      k.source !== 'goal' && shape[wrong](k.text) && (wrong !== 'feeling' || k.source !== 'fact'),
  );
  // a feeling is put right with one they voice ("I feel like a guest"), not any line with a feeling word
  const voiced = (t: string) =>
    wrong === 'feeling' && /\b(I feel|I felt|I'm|it feels)\b/.test(t) ? 2 : 0;
  const scored = known
    .map((k) => ({ k, score: relevance(about, k, people) + voiced(k.text) }))
    .filter((x) => x.score >= 1)
    .sort((a, b) => b.score - a.score)
    .map((x) => toLine(x.k.text));
  // someone they do not know, when nothing else points at the right one: the person most involved
  const other = card.script?.other;
  const theirs =
    wrong === 'person' && other
      ? known.filter((k) => new RegExp(`\\b${other}\\b`).test(k.text)).map((k) => toLine(k.text))
      : [];
  // a feeling they never voiced, when nothing nearer puts it right: how they do feel
  const felt =
    wrong === 'feeling'
      ? [
          ...voice.ownSayable('feeling'),
          ...known.filter((k) => FIRST_PERSON.test(k.text)).map((k) => toLine(k.text)),
        ]
      : [];
  const right = voice.pick([scored, theirs, felt], 'correct.right', 2);
  // "Not quite." even with nothing more to say about it: a wrong fact is never agreed with
  return [voice.neutral('wrong', 'correct.wrong'), right].filter(isLine);
}

/**
 * The unused line that best answers the question, when it scores at least `min`; for a factual
 * question, only a line with the shape asked for. A fact already given is given again once, as
 * "As I said", rather than replaced by something off the point.
 */
function bestKnown(
  voice: ReplyPicker,
  known: Known[],
  ask: CoachAsk,
  min: number,
  salt: string,
  shaped = false,
): Line | null {
  const people = voice.people;
  const scored = known
    .map((k) => ({ k, score: relevance(ask, k, people) }))
    .filter((x) => x.score >= min && (!shaped || hasShape(ask.kind, x.k.text, people)))
    .sort((a, b) => b.score - a.score);
  if (scored.length === 0) return null;
  const top = scored[0].score;
  const best = scored.filter((x) => x.score === top).map((x) => toLine(x.k.text));
  const fresh = voice.pick(
    [best, scored.filter((x) => x.score < top).map((x) => toLine(x.k.text))],
    salt,
    3,
  );
  if (fresh) return fresh;
  // Only a question after the same fact (how many, when, who, yes or no) gets it again.
  if (!AGAIN.has(ask.kind)) return null;
  const fact = scored.find((x) => x.k.source === 'fact');
  if (!fact || fact.score < top) return null;
  const first = sentencesOf(fact.k.text)[0] ?? fact.k.text;
  const word = first.split(/[\s,.']/)[0];
  const keepCapital = word === 'I' || people.has(word) || /^[A-Z]{2,}/.test(word);
  const again = keepCapital ? first : `${first.charAt(0).toLowerCase()}${first.slice(1)}`;
  return voice.pick([[toLine(`As I said, ${again}`)]], salt);
}

/** A line's first word in lower case, unless it is "I" or a name ("As I said, I'd like..."). */
function lowerFirst(text: string): string {
  return /^(I\b|I'|[A-Z][a-z]+'s\b)/.test(text)
    ? text
    : `${text.charAt(0).toLowerCase()}${text.slice(1)}`;
}

/** Questions whose answer is a fact worth giving again when asked again. */
const AGAIN = new Set<CoachAsk['kind']>(['how_many', 'when', 'who', 'where', 'yes_no']);

/** The partner's next words about their situation, the lines nearest the question first. */
function rankedContent(
  voice: ReplyPicker,
  card: PartnerCard,
  state: PartnerState,
  ask: CoachAsk | undefined,
): Line[][] {
  const pools = contentPools(voice, card, state.stage, state.revealed);
  if (!ask || ask.words.length === 0) return pools;
  // asked how they feel, the partner's next words are not a fact ("Six analysts")
  // each line weighed once, not again at every comparison of the sort
  const near = knownNow(card, state)
    .filter(
      (k) =>
        k.source !== 'goal' &&
        (ask.intent !== 'feels' ||
          ask.kind === 'why' ||
          (k.source !== 'fact' && FEELING.test(k.text))) &&
        (ask.kind !== 'why' || k.source !== 'fact' || GIVES_REASON.test(k.text)),
    )
    .map((k) => ({ k, score: relevance(ask, k) }))
    // a time fact ("Thursdays at two.") is the next thing said only when asked about it, not
    // because the question shares a word with its topic ("What happens before you speak?")
    .filter((x) => x.score >= 1 && !timeFactOffQuestion(ask, x.k))
    .sort((a, b) => b.score - a.score)
    .map((x) => toLine(x.k.text));
  return near.length ? [near, ...pools] : pools;
}

/** One line, or nothing when every fitting line is spent: a reply is never repeated. */
function single(voice: ReplyPicker, maxSentences: number, pools: Line[][], salt: string): Line[] {
  const line = voice.pick(pools, salt, maxSentences);
  return line ? [line] : [];
}

/** What the partner talks about, deepest revealed layer first; hidden layers not yet revealed never appear. */
function contentPools(
  voice: ReplyPicker,
  card: PartnerCard,
  stage: PartnerStage,
  revealed: HiddenLayer[],
): Line[][] {
  const surface = scriptLines(card.script?.surface);
  const facts = scriptLines(
    knownNow(card, { revealed })
      .filter((k) => k.source === 'fact' && !isBareTimeFact(k))
      .map((k) => k.text),
  );
  const deeper = [...revealed].reverse().map((layer) => layerLines(card, 'elaborate', layer));
  if (stage === 'guarded') return [surface, facts, voice.bank('content_surface')];
  if (stage === 'opening_up')
    return [...deeper, surface, facts, voice.bank('content_surface'), voice.bank('content_deeper')];
  return [...deeper, voice.bank('content_deeper'), surface, facts, voice.bank('content_surface')];
}

/** The card's own words for a layer; the generic lead-ins only for a card that has none. */
function disclosure(card: PartnerCard, layer: HiddenLayer): Line[][] {
  const own = layerLines(card, 'disclose', layer);
  if (own.length > 0) return [own];
  return [GENERIC_DISCLOSURE[layer].map((t) => toLine(t.replace('{text}', card.hidden[layer])))];
}

function layerLines(
  card: PartnerCard,
  field: 'disclose' | 'elaborate',
  layer: HiddenLayer,
): Line[] {
  return scriptLines(card.script?.[field][layer]);
}

function scriptLines(texts: readonly string[] | undefined): Line[] {
  return (texts ?? []).map(toLine);
}

function toLine(text: string): Line {
  return { id: textId(text), text };
}

/** FNV-1a of the text: stable across versions of the bank as long as the words stay the same. */
function textId(text: string): string {
  return ids(text, () => fnv1a(text));
}
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** Sentences as a reader counts them: a full stop followed by a capital starts a new one. */
export function sentenceCount(text: string): number {
  return text.split(/(?<=[.!?])\s+(?=[A-Z"'(])/).filter((x) => x.trim()).length;
}

/** Ids of the non-neutral sentences of a line with more than one sentence. */
function sentenceIds(text: string): string[] {
  const sentences = sentencesOf(text);
  if (sentences.length < 2)
    return [textId(text)].filter(() => !isNeutralLine(text)).map((id) => `s${id}`);
  return sentences.filter((x) => !isNeutralLine(x)).map((x) => `s${textId(x)}`);
}

function isLine(x: Line | null | undefined): x is Line {
  return x !== null && x !== undefined;
}

/** Picks unused lines for one turn and records them. */
class ReplyPicker {
  /** what the session has said so far, then this reply's lines as they are taken */
  private readonly used: Set<string>;
  private readonly fill: (t: string) => string;
  /** the card has its own voice: no generic bank line is ever used */
  readonly voiced: boolean;
  /** the people the card names, so a "who" answer can be told by its names */
  readonly people: ReadonlySet<string>;

  /** the coach asked this very question before in the session (same kind, same words) */
  readonly askedBefore: boolean;

  constructor(
    private readonly card: PartnerCard,
    private readonly state: PartnerState,
    ask?: CoachAsk,
  ) {
    this.used = new Set(state.usedReplies);
    // a question is remembered with the lines, by a hash of its kind and words
    const asked =
      ask && ask.words.length
        ? `q${textId(`${ask.kind}:${[...stemsOf(ask.words.join(' '))].sort().join(' ')}`)}`
        : null;
    this.askedBefore = asked !== null && this.used.has(asked);
    if (asked) this.used.add(asked);
    const topic = card.script?.topic ?? 'this';
    const other = card.script?.other ?? 'them';
    this.fill = (t) => t.replaceAll('{topic}', topic).replaceAll('{other}', other);
    this.voiced = card.voice !== undefined;
    this.people = peopleOf(card);
  }

  /** A generic bank: only for a card without its own voice. */
  bank(key: ReplyBankKey): Line[] {
    if (this.voiced) return [];
    return REPLY_BANK[key].map((t) => toLine(this.fill(t)));
  }

  /** The character's own lines for a moment (the generic voice for a card without one). */
  own(key: VoiceKey): Line[] {
    const generic: Partial<Record<VoiceKey, readonly string[]>> = GENERIC_VOICE;
    const lines = this.card.voice ? this.card.voice[key] : generic[key];
    return (lines ?? []).map((t) => toLine(this.fill(t)));
  }

  /** The character's own lines that word no layer still locked (an author's slip is not said). */
  ownSayable(key: VoiceKey): Line[] {
    return this.own(key).filter((l) => !lockedBy(this.card, this.state.revealed, l.text));
  }

  /** A neutral line: an unused one when there is one, else one said before (neutral lines may recur). */
  neutral(key: NeutralKey, salt: string, fill: (t: string) => string = (t) => t): Line {
    const lines = NEUTRAL_LINES[key].map((t) => toLine(fill(t)));
    const rnd = randomFor(this.state.seed, this.state.turns, `neutral.${salt}`);
    const free = lines.filter((l) => !this.used.has(l.id));
    return this.take(
      (free.length ? free : lines)[Math.floor(rnd() * (free.length || lines.length))],
    );
  }

  hasSaid(text: string): boolean {
    return this.used.has(textId(text));
  }

  hasSaidAny(texts: readonly string[]): boolean {
    return texts.some((t) => this.hasSaid(t));
  }

  chance(salt: string, p: number): boolean {
    return randomFor(this.state.seed, this.state.turns, salt)() < p;
  }

  /**
   * A random unused line from the first pool that still has one, preferring lines within
   * `maxSentences`; when nothing fits, a longer unused line rather than nothing.
   */
  pick(pools: Line[][], salt: string, maxSentences = Infinity, strict = false): Line | null {
    const rnd = randomFor(this.state.seed, this.state.turns, salt);
    const fitting = (l: Line) => sentenceCount(l.text) <= maxSentences;
    for (const fits of strict ? [fitting] : [fitting, () => true]) {
      for (const pool of pools) {
        const free = pool.filter((l) => this.isFree(l) && fits(l));
        if (free.length > 0) return this.take(free[Math.floor(rnd() * free.length)]);
      }
    }
    return null;
  }

  /** Unused, and none of its sentences said before (neutral ones aside): no line is said twice. */
  private isFree(line: Line): boolean {
    return !this.used.has(line.id) && sentenceIds(line.text).every((id) => !this.used.has(id));
  }

  /** Records the line and its sentences as said; an id already recorded (a neutral line said again) is not added twice. */
  private take(line: Line): Line {
    for (const id of [line.id, ...sentenceIds(line.text)]) this.used.add(id);
    return line;
  }

  finish(parts: Line[]): { state: PartnerState; text: string } {
    const seen = new Set<string>();
    const unique = parts.filter((p) => !seen.has(p.id) && seen.add(p.id));
    return {
      // each id once, in the order first said: the list is bounded by the card's lines, however
      // long the session (neutral lines recur; recording them again would grow it every turn)
      state: { ...this.state, usedReplies: [...this.used] },
      text: unique.map((p) => p.text).join(' '),
    };
  }
}
