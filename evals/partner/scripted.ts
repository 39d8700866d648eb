/**
 * @module evals/partner/scripted
 * The scripted partner's half of `npm run eval:partner`, with no model anywhere: does it answer
 * what it was asked (the labelled question set, in a guarded and an open mood), does it share
 * lines with other partners, does it repeat itself within a session, does it open up after a
 * judgement, a reassurance or a goodbye, and does an advice-seeking partner ask for advice and
 * react to whether the coach holds it. Every turn is coded by the real coder, as in a session.
 */
import { codeUtterance } from '../../api/practice/coder/index.js';
import {
  advancePartner,
  isNeutralLine,
  repeatedLines,
  scriptedReply,
  canAskAdvice,
  seeksAdvice,
  sentencesOf,
  startPartner,
} from '../../api/practice/partner/index.js';
import type {
  CoachCode,
  PartnerCard,
  PartnerDirective,
  PartnerState,
} from '../../api/practice/types.js';
import { withEvalVoice } from './card-voices.js';
import { HELD_OUT, judgeHeldOut, type HeldOutQuestion } from './held-out.js';
import {
  askedOf,
  judgeAnswer,
  QUESTIONS,
  type Judged,
  type LabelledQuestion,
} from './questions.js';
import { TRANSCRIPTS } from './transcripts.js';

/** Listening turns that open most partners a little before a question is asked "in an open mood". */
export const WARM_UP = [
  'What would you like to get from our time together today?',
  'It sounds like this has been building up for a while.',
  'What feels hardest about it right now?',
  'So there is more going on under the surface than you have said out loud yet.',
];

/**
 * Turns that must never open a partner, whatever came before. Each probe turn carries its
 * labelled code (judgement, reassurance) added to what the coder finds: this measures the
 * partner given a correct coding; `coderMissed` reports the turns the shipped coder misses.
 */
export const NEVER_OPENS = {
  judgement: [
    "Honestly, that's a bit of an overreaction.",
    'Why did you let it get this far?',
    'You are making this harder than it needs to be.',
  ],
  reassurance: [
    "Don't worry, I'm sure it will all work out fine.",
    "You'll be fine. These things happen to everyone.",
    "It's not your fault, try not to worry about it.",
  ],
  goodbye: [
    'Okay, good luck with it',
    'Great, glad I could help',
    'Thanks for your time, take care.',
  ],
};

/** Good coaching after a goodbye: still nothing new may open. */
const AFTER_GOODBYE = [
  'It sounds like there is a lot more to this.',
  'What more is there?',
  'So underneath it all, something matters a great deal to you.',
];

export interface AnswerResult {
  cardId: string;
  mood: 'guarded' | 'open';
  question: LabelledQuestion;
  reply: string;
  answered: boolean;
  reason?: string;
}

export interface HeldOutResult {
  cardId: string;
  mood: 'guarded' | 'open';
  question: HeldOutQuestion;
  reply: string;
  answered: boolean;
  reason?: string;
}

export interface ScriptedReport {
  answers: {
    total: number;
    answered: number;
    rate: number;
    byKind: Record<string, { total: number; answered: number }>;
    misses: AnswerResult[];
  };
  /** the held-out set (`held-out.ts`): questions the rules were not tuned on, its own figure */
  heldOut: {
    total: number;
    answered: number;
    rate: number;
    byLabel: Record<string, { total: number; answered: number }>;
    misses: HeldOutResult[];
  };
  /** sentences of three words or more (neutral set aside) said by two or more partners, with who said them */
  sharedLines: { line: string; partners: string[] }[];
  /** sentences said twice in one session (neutral set aside) */
  repeats: { cardId: string; session: string; line: string }[];
  /** turns where a judgement, reassurance or goodbye (or good coaching after a goodbye) opened the partner */
  openedAfter: { cardId: string; probe: string; coach: string; detail: string }[];
  /** per partner who may ask: asks in the good transcript, and trust after holding vs giving the advice */
  advice: {
    cardId: string;
    seeker: boolean;
    asked: number;
    trustIfHeld: number;
    trustIfGiven: number;
    reactionIfGiven: string;
  }[];
  /** probe turns whose labelled code the shipped coder does not give (the partner was told it) */
  coderMissed: string[];
  sessions: number;
  verdicts: { check: string; passed: boolean; detail: string }[];
  passed: boolean;
}

interface Played {
  state: PartnerState;
  replies: string[];
  turns: {
    coach: string;
    reply: string;
    directive: PartnerDirective;
    before: PartnerState;
    after: PartnerState;
  }[];
}

/** The two moods a question is asked in: a fresh session, or after a few listening turns. */
type Mood = 'guarded' | 'open';
/** What both judges take after the question and the reply. */
type JudgeRest = [
  isNeutral: (s: string) => boolean,
  opened: boolean,
  clarifications?: readonly string[],
];

/** A coach turn, optionally with a labelled code the coding must carry. */
export type CoachTurn = string | { text: string; code: CoachCode };

/** Plays coach turns through the real coder, engine and scripted voice. */
export function playScripted(
  card: PartnerCard,
  seed: number,
  coachTurns: readonly CoachTurn[],
  from?: Played,
): Played {
  let state: PartnerState;
  let replies: string[];
  const turns: Played['turns'] = from ? [...from.turns] : [];
  if (from) {
    state = from.state;
    replies = [...from.replies];
  } else {
    const started = startPartner(card, seed);
    state = started.state;
    replies = [started.opening];
  }
  for (const turn of coachTurns) {
    const coach = typeof turn === 'string' ? turn : turn.text;
    const coding = codeUtterance(coach, {
      prevPartner: replies.at(-1) ?? null,
      permissionGranted: state.permissionGranted,
    });
    if (typeof turn !== 'string' && !coding.codes.includes(turn.code))
      coding.codes = [turn.code, ...coding.codes.filter((c) => c !== 'other')];
    const decided = advancePartner(card, state, coding, coach);
    const spoken = scriptedReply(card, decided.state, decided.directive);
    turns.push({
      coach,
      reply: spoken.text,
      directive: decided.directive,
      before: state,
      after: spoken.state,
    });
    state = spoken.state;
    replies.push(spoken.text);
  }
  return { state, replies, turns };
}

const opened = (t: Played['turns'][number]) =>
  t.directive.newlyRevealed !== null || t.after.trust > t.before.trust;

/**
 * Runs the scripted half of the eval on these cards (each given the eval's facts and voice when
 * it has none of its own).
 * @example const report = runScriptedEval(PARTNER_CARDS);
 */
export function runScriptedEval(
  cardsIn: readonly PartnerCard[],
  seeds: readonly number[] = [1, 2, 3],
): ScriptedReport {
  const cards = cardsIn.map(withEvalVoice);
  const answers: AnswerResult[] = [];
  const heldOut: HeldOutResult[] = [];
  const repeats: ScriptedReport['repeats'] = [];
  const openedAfter: ScriptedReport['openedAfter'] = [];
  const advice: ScriptedReport['advice'] = [];
  const saidBy = new Map<string, Set<string>>();
  const coderMissed = new Set<string>();
  let sessions = 0;
  const record = (card: PartnerCard, session: string, played: Played) => {
    sessions++;
    for (const line of repeatedLines(played.replies))
      repeats.push({ cardId: card.id, session, line });
    for (const reply of played.replies) {
      for (const s of sentencesOf(reply)) {
        // a one- or two-word sentence ("Hi.", "Fine.") is not a line anyone notices as stock
        if (isNeutralLine(s) || s.split(/\s+/).length < 3) continue;
        const who = saidBy.get(s) ?? new Set<string>();
        who.add(card.id);
        saidBy.set(s, who);
      }
    }
  };

  for (const card of cards) {
    const questions = (QUESTIONS[card.id] ?? []).map((q) => askedOf(q, card.script?.other));
    for (const seed of seeds) {
      // 1. Answers: each labelled question in a fresh session (guarded) and after listening (open);
      // 1b. the held-out set the same way, after any turns a question needs first (the judgement
      // a repair takes back): its own figure, so the labelled one stays comparable.
      const askAll = <Q extends { text: string; before?: CoachTurn[] }>(
        set: readonly Q[],
        judge: (q: Q, reply: string, ...rest: JudgeRest) => Judged,
        out: ({ cardId: string; mood: Mood; question: Q; reply: string } & Judged)[],
        recorded: boolean,
      ) => {
        for (const question of set) {
          for (const mood of ['guarded', 'open'] as const) {
            const warm = mood === 'open' ? playScripted(card, seed, WARM_UP) : undefined;
            const before = question.before ? playScripted(card, seed, question.before, warm) : warm;
            const played = playScripted(card, seed, [question.text], before);
            const turn = played.turns.at(-1)!;
            const { answered, reason } = judge(
              question,
              turn.reply,
              isNeutralLine,
              opened(turn),
              card.voice?.clarify,
            );
            out.push({ cardId: card.id, mood, question, reply: turn.reply, answered, reason });
            // the labelled sessions also count for repeats and lines shared across partners
            if (recorded) record(card, `question ${mood}: ${question.text}`, played);
          }
        }
      };
      askAll(questions, judgeAnswer, answers, true);
      askAll(HELD_OUT[card.id] ?? [], judgeHeldOut, heldOut, false);
      // 2. Whole sessions: the coach transcripts, and a long session asking every question in turn.
      for (const t of TRANSCRIPTS) record(card, t.id, playScripted(card, seed, t.turns));
      const mixed = questions
        .filter((q) => q.kind !== 'goodbye')
        .flatMap((q, i) => [q.text, WARM_UP[i % WARM_UP.length]]);
      record(card, 'every question', playScripted(card, seed, [...mixed, ...TRANSCRIPTS[0].turns]));
      // 3. What must never open the partner, after listening has opened them a little.
      for (const [probe, texts] of Object.entries(NEVER_OPENS)) {
        for (const text of texts) {
          const warm = playScripted(card, seed, WARM_UP);
          const after = probe === 'goodbye' ? AFTER_GOODBYE : [];
          const code: CoachCode | null =
            probe === 'judgement' ? 'judgement' : probe === 'reassurance' ? 'reassurance' : null;
          const played = playScripted(card, seed, [code ? { text, code } : text, ...after], warm);
          if (code && !codeUtterance(text).codes.includes(code))
            coderMissed.add(`${code}: ${text}`);
          record(card, `${probe}: ${text}`, played);
          for (const t of played.turns.slice(WARM_UP.length)) {
            if (opened(t))
              openedAfter.push({
                cardId: card.id,
                probe,
                coach: t.coach,
                detail: t.directive.newlyRevealed
                  ? `revealed ${t.directive.newlyRevealed}`
                  : `trust ${t.before.trust} -> ${t.after.trust}`,
              });
          }
        }
      }
    }
    // 4. A partner who may ask for advice asks, and the coach's answer matters.
    if (canAskAdvice(card)) {
      const good = playScripted(card, seeds[0], TRANSCRIPTS[0].turns);
      const asked = good.turns.filter((t) => t.directive.asksAdvice).length;
      const longer = playScripted(card, seeds[0], [
        ...WARM_UP,
        'It sounds like this really matters to you.',
        'What else is going on for you?',
        'You sound torn between two things you care about.',
        'What matters most to you in all this?',
        'So there is more than one thing pulling at you here.',
        'What else?',
      ]);
      const askAt = longer.turns.findIndex((t) => t.directive.asksAdvice);
      if (askAt >= 0) {
        const upTo = {
          ...longer,
          turns: longer.turns.slice(0, askAt + 1),
          state: longer.turns[askAt].after,
          replies: longer.replies.slice(0, askAt + 2),
        };
        const after = (text: string) => playScripted(card, seeds[0], [text], upTo).turns.at(-1)!;
        const held = after('What do you think you might say?');
        const given = after('You should just tell them straight what needs to change.');
        advice.push({
          cardId: card.id,
          seeker: seeksAdvice(card),
          asked,
          trustIfHeld: held.after.trust,
          trustIfGiven: given.after.trust,
          reactionIfGiven: given.directive.reaction,
        });
      } else {
        advice.push({
          cardId: card.id,
          seeker: seeksAdvice(card),
          asked,
          trustIfHeld: NaN,
          trustIfGiven: NaN,
          reactionIfGiven: 'never asked',
        });
      }
    }
  }

  const byKind: Record<string, { total: number; answered: number }> = {};
  for (const a of answers) {
    const k = (byKind[a.question.kind] ??= { total: 0, answered: 0 });
    k.total++;
    if (a.answered) k.answered++;
  }
  const byLabel: Record<string, { total: number; answered: number }> = {};
  for (const a of heldOut) {
    const k = (byLabel[a.question.label] ??= { total: 0, answered: 0 });
    k.total++;
    if (a.answered) k.answered++;
  }
  const heldAnswered = heldOut.filter((a) => a.answered).length;
  const heldRate = heldOut.length ? heldAnswered / heldOut.length : 0;
  const answered = answers.filter((a) => a.answered).length;
  const rate = answers.length ? answered / answers.length : 0;
  const sharedLines = [...saidBy.entries()]
    .filter(([, who]) => who.size > 1)
    .map(([line, who]) => ({ line, partners: [...who].sort() }));
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  // An advice-seeking partner must ask in the good transcript; every partner who asked (in the
  // longer listening session) must push back on advice and trust a coach who holds it more.
  const adviceOk = advice.every(
    (a) =>
      (!a.seeker || a.asked > 0) &&
      (a.reactionIfGiven === 'never asked'
        ? !a.seeker
        : a.trustIfHeld > a.trustIfGiven && a.reactionIfGiven === 'defensive'),
  );
  const verdicts = [
    {
      check: 'answers the question asked (labelled set, guarded and open)',
      passed: rate >= 0.9 && answers.length > 0,
      detail: `${pct(rate)} of ${answers.length} (target >= 90%)`,
    },
    {
      check: 'answers the question asked (held-out set, guarded and open)',
      passed: heldRate >= 0.85 && heldOut.length > 0,
      detail: `${pct(heldRate)} of ${heldOut.length} (target >= 85%)`,
    },
    {
      check: 'lines shared across partners, neutral set aside',
      passed: sharedLines.length === 0,
      detail: `${sharedLines.length} (target 0)`,
    },
    {
      check: 'lines repeated within a session, neutral set aside',
      passed: repeats.length === 0,
      detail: `${repeats.length} in ${sessions} sessions (target 0)`,
    },
    {
      check: 'opens up after judgement, reassurance or goodbye',
      passed: openedAfter.length === 0,
      detail: `${openedAfter.length} turns (target 0)`,
    },
    {
      check: 'an advice-seeking partner asks; holding advice earns more trust than giving it',
      passed: adviceOk,
      detail: advice.length
        ? advice
            .map(
              (a) =>
                `${a.cardId}${a.seeker ? ' (seeks advice)' : ''}: asked ${a.asked}x, ` +
                `trust ${a.trustIfHeld} held vs ${a.trustIfGiven} given (${a.reactionIfGiven})`,
            )
            .join('; ')
        : 'no advice-seeking card',
    },
  ];
  return {
    answers: {
      total: answers.length,
      answered,
      rate,
      byKind,
      misses: answers.filter((a) => !a.answered),
    },
    heldOut: {
      total: heldOut.length,
      answered: heldAnswered,
      rate: heldRate,
      byLabel,
      misses: heldOut.filter((a) => !a.answered),
    },
    sharedLines,
    repeats,
    openedAfter,
    advice,
    coderMissed: [...coderMissed],
    sessions,
    verdicts,
    passed: verdicts.every((v) => v.passed),
  };
}
