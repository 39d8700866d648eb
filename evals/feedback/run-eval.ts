/**
 * @module evals/feedback/run-eval
 * The feedback eval: plays the scripted sessions through the real practice domain (the shipped
 * coder, the partner engine and its scripted voice, per-turn feedback, the rubric) and measures
 * what a learner would read: poor moves praised, alternatives that fail a grammar check (harper.js
 * in British English plus our own wording checks), alternatives that do not code as the move they
 * claim, feedback texts repeated within a session, how often feedback names the partner's words,
 * and per-skill scores of good against poor coaching (and what templates about nothing earn).
 */
import { codeUtterance } from '../../api/practice/coder/index.js';
import {
  feedbackForTurn,
  codesAsGoodMove,
  POOR_MOVES,
  wordingProblems,
  type TurnFeedbackDetail,
} from '../../api/practice/feedback/index.js';
import { advancePartner, scriptedReply, startPartner } from '../../api/practice/partner/index.js';
import { readinessToPartner } from '../../api/practice/progress/index.js';
import { scoreSession } from '../../api/practice/rubric/index.js';
import { getPartnerCard } from '../../api/practice/scenarios/index.js';
import {
  engagementEvidence,
  isScored,
  scenarioContext,
} from '../../api/practice/standing/index.js';
import {
  HIDDEN_LAYERS,
  SKILLS,
  type CoachTurnCoding,
  type CoderContext,
  type PartnerCard,
  type Scorecard,
  type SkillId,
  type TranscriptTurn,
  type TurnFeedback,
} from '../../api/practice/types.js';
import {
  scriptedSessions,
  SCRIPTED_SCENARIOS,
  type PoorKind,
  type ScriptedSession,
  type SessionKind,
} from './sessions.js';

/** A grammar checker: lint messages for a text, given the partner words it answers (harper.js in the CLI and the test). */
export type GrammarCheck = (
  text: string,
  partnerText?: string | null,
  names?: readonly string[],
) => Promise<string[]>;

export interface PlayedTurn {
  text: string;
  /**
   * things the line names that this partner says somewhere on the card (a hidden layer, an
   * authored line) but had not said yet in this session: a scripted line ahead of the partner (it
   * names what the coach could not have heard), so not a good move in this run
   */
  ahead: string[];
  poor?: PoorKind;
  prev: string | null;
  coding: CoachTurnCoding;
  feedback: TurnFeedbackDetail;
}

export interface PlayedSession extends ScriptedSession {
  /** the partner's first name, as feedback calls them */
  partnerName: string;
  turns: PlayedTurn[];
  transcript: TranscriptTurn[];
  scorecard: Scorecard;
}

export interface Finding {
  scenarioId: string;
  kind: SessionKind;
  turn: number;
  text: string;
  detail: string;
}

export interface FeedbackEvalReport {
  sessions: number;
  coachTurns: number;
  poorMoves: number;
  praisedPoor: Finding[];
  /** of those, moves the coder did code as poor: feedback's own honesty (must be 0) */
  praisedDespiteCoding: Finding[];
  alternativesShown: number;
  brokenAlternatives: Finding[];
  miscodedAlternatives: Finding[];
  repeatedTexts: Finding[];
  /** "You could have said" alternatives offered twice in one session */
  repeatedAlternatives: Finding[];
  /** the author's good lines (every unlabelled line of the good, mixed and coach-plan sessions) */
  goodMoves: number;
  /** good lines left out of the good-move measures: they name what the partner says on the card but had not said yet */
  goodAhead: Finding[];
  /** good lines whose feedback says they picked up nothing of the partner's */
  goodToldNothing: Finding[];
  /** good lines whose feedback faults them: a poor or weak move named, a “why” or a thing the partner never mentioned */
  goodCriticised: Finding[];
  /** good lines given no praise at all (faulted, or praise withheld for want of evidence) */
  goodUnpraised: Finding[];
  /** feedback texts (worked, improve, suggestion) that fail harper.js or read as broken */
  brokenFeedbackTexts: Finding[];
  feedbackTexts: number;
  /** share of feedback after a partner line whose improve or suggestion quotes that line */
  namesPartnerWords: number;
  /** mean score per skill and session kind, over sessions where the skill was scored */
  skillMeans: Record<SessionKind, Record<SkillId, number | null>>;
  templates: { bestLevel: string; readyAfterThree: boolean };
  targets: { name: string; value: string; met: boolean }[];
  /** every session as played, for reading the feedback itself */
  played: PlayedSession[];
}

const GOOD_CODES = new Set(['simple_reflection', 'complex_reflection', 'summary']);
/** How feedback names the good part of a poor turn (move-feedback `goodPartOf`). */
const GOOD_PART = /^(?:Before that, your reflection picked up|You started by saying back)/;
/** Moves feedback names as weak or poor: a good line talked about as one of these is criticised. */
const FAULTED_MOVES = new Set([
  ...POOR_MOVES,
  'closed_question',
  'information',
  'self_disclosure',
  'other',
]);
/** Sessions whose unlabelled lines the author wrote as good coaching. */
const GOOD_KINDS: SessionKind[] = ['good', 'mixed', 'coach_plan'];
/** Wordings that tell a learner their turn took up nothing of the partner's. */
const TOLD_NOTHING = /didn't pick up anything|none of \w+'s content|hasn't mentioned/;

function play(card: PartnerCard, session: ScriptedSession, seed: number): PlayedSession {
  const started = startPartner(card, seed);
  let state = started.state;
  const transcript: TranscriptTurn[] = [{ index: 0, role: 'partner', text: started.opening }];
  const turns: PlayedTurn[] = [];
  const given: TurnFeedback[] = [];
  let prev: string | null = started.opening;
  const context = scenarioContext(card);
  for (const [text, poor] of session.lines) {
    const said = transcript.filter((t) => t.role === 'partner').map((t) => t.text);
    // everything this partner can say on the card (hidden layers, authored lines)
    const unrevealed = [
      ...HIDDEN_LAYERS.map((l) => card.hidden[l]),
      ...(card.lines ?? []).map((l) => l.text),
    ];
    // things the line names that the partner had not raised, but says somewhere on the card
    const ahead = engagementEvidence(text, [...said, ...context]).foreignThings.filter(
      (thing) => engagementEvidence(thing, unrevealed).shared.length > 0,
    );
    // the partner's earlier words too, so a reflection of something said a few turns back counts as
    // engaged (read by coders that take `earlierPartner`; others ignore it)
    const earlierPartner = transcript
      .filter((t) => t.role === 'partner')
      .map((t) => t.text)
      .slice(0, -1);
    const coding = codeUtterance(text, {
      prevPartner: prev,
      permissionGranted: state.permissionGranted,
      earlierPartner,
    } as CoderContext);
    const decided = advancePartner(card, state, coding, text);
    const spoken = scriptedReply(card, decided.state, decided.directive);
    const feedback = feedbackForTurn({
      coding,
      coachText: text,
      previousPartnerText: prev,
      stage: decided.directive.stage,
      coachTurnNumber: turns.length + 1,
      priorCodings: turns.map((t) => t.coding),
      priorFeedback: given,
      partnerName: card.partner.name.split(' ')[0],
      // as a session gives them (practice/turn): the card's authored moves and the partner's words so far
      card,
      partnerHistory: transcript.filter((t) => t.role === 'partner').map((t) => t.text),
    });
    turns.push({ text, ahead, poor, prev, coding, feedback });
    given.push(feedback);
    transcript.push({ index: transcript.length, role: 'coach', text, coding });
    transcript.push({ index: transcript.length, role: 'partner', text: spoken.text });
    state = spoken.state;
    prev = spoken.text;
  }
  return {
    ...session,
    partnerName: card.partner.name.split(' ')[0],
    turns,
    transcript,
    scorecard: scoreSession(transcript, { context }),
  };
}

/** Two or more consecutive words of the partner's line appear in the text (their words, named). */
function quotesPartner(text: string, prev: string | null): boolean {
  if (!prev) return false;
  const words = (s: string): string[] =>
    s
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .match(/[a-z']+/g) ?? [];
  const p = words(prev);
  const t = ` ${words(text).join(' ')} `;
  for (let i = 0; i + 1 < p.length; i++) {
    const pair = `${p[i]} ${p[i + 1]}`;
    if (p[i].length + p[i + 1].length >= 7 && t.includes(` ${pair} `)) return true;
  }
  // a single distinctive word of theirs in quotation marks ("drowning")
  return (
    /“([^”]+)”/.test(text) &&
    [...text.matchAll(/“([^”]+)”/g)].some((m) => p.includes(m[1].toLowerCase().split(/\s+/)[0]))
  );
}

/**
 * What a learner would stumble on in a feedback box that harper.js does not flag: a doubled word,
 * an empty quotation, unmatched quotation marks or brackets, a box that does not end a sentence.
 */
function feedbackWordingProblems(text: string): string[] {
  const problems: string[] = [];
  if (/\b(\w+)\s+\1\b/i.test(text.replace(/\b(that|had)\s+\1\b/gi, '')))
    problems.push('a doubled word');
  if (/“\s*”/.test(text)) problems.push('an empty quotation');
  if ((text.match(/“/g) ?? []).length !== (text.match(/”/g) ?? []).length)
    problems.push('unmatched quotation marks');
  if ((text.match(/\(/g) ?? []).length !== (text.match(/\)/g) ?? []).length)
    problems.push('an unmatched bracket');
  if (!/[.?!…]["”)]?$/.test(text.trim())) problems.push('no end punctuation');
  if (/\s[,.;:]/.test(text)) problems.push('a space before punctuation');
  return problems;
}

const mean = (xs: number[]) =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null;

/**
 * Run the eval over every scripted scenario (or the ones given).
 * @example const report = await runFeedbackEval({ grammar: harperCheck }); report.praisedPoor.length // 0
 */
export async function runFeedbackEval(
  opts: { grammar?: GrammarCheck; scenarioIds?: string[] } = {},
): Promise<FeedbackEvalReport> {
  const ids = opts.scenarioIds ?? SCRIPTED_SCENARIOS;
  const played = scriptedSessions(ids).map((s, i) =>
    play(getPartnerCard(s.scenarioId)!, s, 1000 + i),
  );
  const praisedPoor: Finding[] = [];
  const praisedDespiteCoding: Finding[] = [];
  const brokenAlternatives: Finding[] = [];
  const miscodedAlternatives: Finding[] = [];
  const repeatedTexts: Finding[] = [];
  const repeatedAlternatives: Finding[] = [];
  const goodToldNothing: Finding[] = [];
  const goodCriticised: Finding[] = [];
  const goodUnpraised: Finding[] = [];
  const brokenFeedbackTexts: Finding[] = [];
  let goodMoves = 0;
  const goodAhead: Finding[] = [];
  let feedbackTexts = 0;
  let alternativesShown = 0;
  let withPrev = 0;
  let naming = 0;
  const grammarCache = new Map<string, string[]>();
  for (const s of played) {
    const seen = new Set<string>();
    const offered = new Set<string>();
    for (const [i, t] of s.turns.entries()) {
      const at = { scenarioId: s.scenarioId, kind: s.kind, turn: i + 1, text: t.text };
      const f = t.feedback;
      // honest: a poor move earns no praise; only a reflection the same turn also made may be named,
      // in the words that say it was the part before the poor move (a template's reflection is the
      // poor move itself)
      const goodPart =
        t.poor !== 'template' &&
        t.coding.codes.some((c) => GOOD_CODES.has(c)) &&
        GOOD_PART.test(f.worked);
      if (t.poor && f.worked && !goodPart) {
        praisedPoor.push({
          ...at,
          detail: `${t.poor}: “${f.worked}” (coded ${t.coding.codes.join('+')}${t.coding.engaged === false ? ', not engaged' : ''})`,
        });
        if (POOR_MOVES.has(f.move))
          praisedDespiteCoding.push({ ...at, detail: `${f.move}: “${f.worked}”` });
      }
      // good coaching told it picked up nothing, or otherwise faulted
      if (!t.poor && GOOD_KINDS.includes(s.kind) && t.ahead.length)
        goodAhead.push({ ...at, detail: t.ahead.join(', ') });
      if (!t.poor && GOOD_KINDS.includes(s.kind) && !t.ahead.length) {
        goodMoves++;
        const coded = `coded ${t.coding.codes.join('+')}${t.coding.engaged === false ? ', not engaged' : ''}`;
        if (f.move === 'unengaged' || TOLD_NOTHING.test(f.improve))
          goodToldNothing.push({ ...at, detail: `“${f.improve}” (${coded})` });
        const faulted =
          FAULTED_MOVES.has(f.move) ||
          f.withheld === 'why_question' ||
          f.withheld === 'coach_plan' ||
          f.withheld === 'interpretation' ||
          TOLD_NOTHING.test(f.improve);
        if (faulted)
          goodCriticised.push({
            ...at,
            detail: `${f.withheld ?? f.move}: “${f.improve}” (${coded})`,
          });
        if (faulted || f.withheld)
          goodUnpraised.push({
            ...at,
            detail: `${f.withheld ?? f.move}: “${f.improve}” (${coded})`,
          });
      }
      for (const box of [f.worked, f.improve, f.suggestion]) {
        if (!box) continue;
        if (seen.has(box)) repeatedTexts.push({ ...at, detail: box });
        seen.add(box);
        feedbackTexts++;
        const key = `${box}\u0000${t.prev}`;
        let problems = grammarCache.get(key);
        if (!problems) {
          problems = [
            ...feedbackWordingProblems(box),
            ...(opts.grammar ? await opts.grammar(box, t.prev, [s.partnerName]) : []),
          ];
          grammarCache.set(key, problems);
        }
        if (problems.length)
          brokenFeedbackTexts.push({ ...at, detail: `“${box}”: ${problems.join('; ')}` });
      }
      if (t.prev) {
        withPrev++;
        if (quotesPartner(`${f.improve} ${f.suggestion}`, t.prev)) naming++;
      }
      if (!f.alternative || !f.alternativeMove) continue;
      alternativesShown++;
      const alt = f.alternative
        .toLowerCase()
        .replace(/[^a-z]+/g, ' ')
        .trim();
      if (offered.has(alt)) repeatedAlternatives.push({ ...at, detail: f.alternative });
      offered.add(alt);
      let problems = grammarCache.get(`${f.alternative}\u0000${t.prev}`);
      if (!problems) {
        const reflection =
          f.alternativeMove === 'reflection' || f.alternativeMove === 'deeper_reflection';
        problems = [
          ...wordingProblems(f.alternative, t.prev, { reflection }),
          ...(opts.grammar ? await opts.grammar(f.alternative, t.prev) : []),
        ];
        grammarCache.set(`${f.alternative}\u0000${t.prev}`, problems);
      }
      if (problems.length)
        brokenAlternatives.push({ ...at, detail: `“${f.alternative}”: ${problems.join('; ')}` });
      if (!codesAsGoodMove(f.alternative, f.alternativeMove, t.prev)) {
        miscodedAlternatives.push({
          ...at,
          detail: `“${f.alternative}” claims ${f.alternativeMove}, codes ${codeUtterance(f.alternative, { prevPartner: t.prev }).codes.join('+')}`,
        });
      }
    }
  }
  const kinds: SessionKind[] = ['good', 'poor', 'mixed', 'coach_plan', 'template'];
  const skillMeans = Object.fromEntries(
    kinds.map((k) => [
      k,
      Object.fromEntries(
        SKILLS.map((skill) => {
          const scores = played
            .filter((s) => s.kind === k)
            .map((s) => s.scorecard.skills.find((r) => r.skill === skill))
            .filter(isScored)
            .map((r) => r!.score);
          return [skill, mean(scores)];
        }),
      ),
    ]),
  ) as FeedbackEvalReport['skillMeans'];
  const templateCards = played.filter((s) => s.kind === 'template').map((s) => s.scorecard);
  const rank = { not_yet: 0, fair: 1, good: 2 } as const;
  const bestLevel = templateCards
    .flatMap((c) => c.skills)
    .reduce<'not_yet' | 'fair' | 'good'>(
      (best, s) => (rank[s.level] > rank[best] ? s.level : best),
      'not_yet',
    );
  const readyAfterThree = readinessToPartner(
    templateCards.slice(0, 3).map((scorecard, i) => ({
      sessionId: `t${i}`,
      at: `2026-01-0${i + 1}T10:00:00Z`,
      scorecard,
    })),
  ).ready;

  const coachTurns = played.reduce((a, s) => a + s.turns.length, 0);
  const poorMoves = played.reduce((a, s) => a + s.turns.filter((t) => t.poor).length, 0);
  const miscodedShare = alternativesShown ? miscodedAlternatives.length / alternativesShown : 0;
  const goodBeatsPoor = SKILLS.filter((k) => (skillMeans.good[k] ?? 0) > (skillMeans.poor[k] ?? 0));
  const targets = [
    {
      name: 'poor moves praised',
      value: `${praisedPoor.length} of ${poorMoves}`,
      met: praisedPoor.length === 0,
    },
    {
      name: '  of which the coder had coded poor',
      value: String(praisedDespiteCoding.length),
      met: praisedDespiteCoding.length === 0,
    },
    {
      name: 'good moves told they picked up nothing',
      value: `${goodToldNothing.length} of ${goodMoves}`,
      met: goodToldNothing.length === 0,
    },
    {
      name: 'good moves criticised',
      value: `${goodCriticised.length} of ${goodMoves}`,
      met: goodCriticised.length === 0,
    },
    {
      name: '  good moves given no praise (not a target)',
      value: `${goodUnpraised.length} of ${goodMoves}`,
      met: true,
    },
    {
      name: 'feedback texts failing the grammar check',
      value: `${brokenFeedbackTexts.length} of ${feedbackTexts}`,
      met: brokenFeedbackTexts.length === 0,
    },
    {
      name: 'alternatives failing the grammar check',
      value: `${brokenAlternatives.length} of ${alternativesShown}`,
      met: brokenAlternatives.length === 0,
    },
    {
      name: 'alternatives not coding as the move they claim (< 5%)',
      value: `${(miscodedShare * 100).toFixed(1)}%`,
      met: miscodedShare < 0.05,
    },
    {
      name: 'feedback texts repeated within a session',
      value: String(repeatedTexts.length),
      met: repeatedTexts.length === 0,
    },
    {
      name: 'alternatives repeated within a session',
      value: String(repeatedAlternatives.length),
      met: repeatedAlternatives.length === 0,
    },
    {
      name: 'good beats poor on every skill',
      value: `${goodBeatsPoor.length} of ${SKILLS.length}`,
      met: goodBeatsPoor.length === SKILLS.length,
    },
    {
      name: 'templates about nothing reach no "good" skill',
      value: bestLevel,
      met: bestLevel !== 'good',
    },
    {
      name: 'templates never make a learner ready',
      value: readyAfterThree ? 'ready' : 'not ready',
      met: !readyAfterThree,
    },
  ];
  return {
    sessions: played.length,
    coachTurns,
    poorMoves,
    praisedPoor,
    praisedDespiteCoding,
    alternativesShown,
    brokenAlternatives,
    miscodedAlternatives,
    repeatedTexts,
    repeatedAlternatives,
    goodMoves,
    goodAhead,
    goodToldNothing,
    goodCriticised,
    goodUnpraised,
    brokenFeedbackTexts,
    feedbackTexts,
    namesPartnerWords: withPrev ? Math.round((naming / withPrev) * 1000) / 1000 : 0,
    skillMeans,
    templates: { bestLevel, readyAfterThree },
    targets,
    played,
  };
}
