/**
 * @module practice/types
 * The shared vocabulary of the practice domain: what a coach turn is coded as, what a learning
 * partner card holds, how a session is scored. Pure types and constants, no I/O, so the coder,
 * the partner engine, the rubric, feedback and progress can be built and tested apart.
 */

/**
 * Coaching codes a single coach turn can carry (several at once). Richer than the MITI labels:
 * they say what the move does in a Learning Partnership conversation.
 */
export const COACH_CODES = [
  'open_question',
  'closed_question',
  /** two or more questions in one turn (ICF 7.6: one at a time) */
  'stacked_questions',
  /** a closed question that proposes the answer ("don't you think you should...?") */
  'leading_question',
  'simple_reflection',
  'complex_reflection',
  /** gathers several things the partner said (a special complex reflection) */
  'summary',
  'affirmation',
  /** asks before offering a view or idea ("would it help if I shared...?") */
  'permission_request',
  /** a suggestion offered after the partner agreed to hear one */
  'advice_with_permission',
  /** unasked advice, telling the partner what to do */
  'advice',
  'information',
  'self_disclosure',
  /** judgement, criticism, confrontation, moralising, blaming "why" questions, sarcasm */
  'judgement',
  /** reassurance or rescuing ("don't worry", "you'll be fine"): soothes instead of listening; not an affirmation */
  'reassurance',
  /** agreeing how we work: confidentiality, roles, outcomes of the session or partnership */
  'contracting',
  /** coming back to what the partner wanted from the session ("coming back to your goal, how are we doing?") */
  'return_to_goal',
  /** agreeing outcomes, goals, roles and responsibilities; "what do you want from this?" */
  'goal_question',
  /** Kline: names or challenges a limiting assumption ("if you knew..., how would you...?") */
  'incisive_question',
  /** GROW Will: what will you do, when, first step, commitment */
  'action_question',
  'other',
] as const;
export type CoachCode = (typeof COACH_CODES)[number];

/** The single utterance label used by the human-labelled datasets (MITI-style). */
export const UTTERANCE_LABELS = [
  'open_question',
  'closed_question',
  'simple_reflection',
  'complex_reflection',
  'advice',
  'affirmation',
  'information',
  'self_disclosure',
  'judgement',
  'other',
] as const;
export type UtteranceLabel = (typeof UTTERANCE_LABELS)[number];

/** What the coder says about one coach turn. */
export interface CoachTurnCoding {
  /** the one dataset-style label (MITI counting: the less favourable code when unsure) */
  label: UtteranceLabel;
  /** every coaching code present, most salient first; never empty (at least `other`) */
  codes: CoachCode[];
  /** number of question sentences in the turn */
  questionCount: number;
  /** words in the turn (for talk share) */
  words: number;
  /** version of the coder that produced this */
  coderVersion: string;
  /**
   * whether the turn engages with what the partner actually said (their words, feelings or
   * situation); a content-free or off-topic template does not. Absent in codings stored
   * before the field existed (read as engaged).
   */
  engaged?: boolean;
}

/** Context the coder may use: the partner's words before the coach turn. */
export interface CoderContext {
  prevPartner?: string | null;
  /** true when the partner has just agreed to hear a suggestion (permission granted) */
  permissionGranted?: boolean;
  /**
   * the partner's earlier words in the session before `prevPartner`, most recent last (optional):
   * lets the coder tell a turn that takes up something said a few turns back from one about
   * nothing the partner said (`engaged`)
   */
  earlierPartner?: readonly string[];
}

export const SKILLS = [
  'listening',
  'questioning',
  'non_judgement',
  'partner_led',
  'agreement',
  'action',
] as const;
export type SkillId = (typeof SKILLS)[number];

export const LEVELS = ['not_yet', 'fair', 'good'] as const;
export type Level = (typeof LEVELS)[number];

/** One atomic yes/no check behind a skill level. */
export interface SkillCheck {
  id: string;
  /** plain words, shown to the learner ("At least one reflection per question") */
  label: string;
  passed: boolean;
  /** the measured value in words ("0.6 reflections per question") */
  detail: string;
  /** coach turn indexes that support or contradict the check */
  evidence: number[];
}

export interface SkillResult {
  skill: SkillId;
  /** follows `score` (practice/standing); `not_yet` when there was not enough evidence */
  level: Level;
  /** 0..100; 0 when there was not enough evidence (read `status` first) */
  score: number;
  /**
   * `not_enough_evidence`: the session held too few coach turns to judge this skill, so it has
   * no level and is left out of progress, readiness and grades. Absent in older scorecards
   * (read as scored).
   */
  status?: 'scored' | 'not_enough_evidence';
  checks: SkillCheck[];
  evidence: number[];
}

export interface Scorecard {
  rubric: { id: string; version: string };
  skills: SkillResult[];
  summary: string;
  /** session-level counts and ratios the checks were computed from */
  metrics: Record<string, number>;
}

/** Per-turn feedback (CARE study shape: what worked, what to improve, goal-first suggestion, a rewrite). */
export interface TurnFeedback {
  worked: string;
  improve: string;
  suggestion: string;
  alternative: string;
}

/** A turn of the transcript as the domain sees it. `index` counts all turns from 0. */
export interface TranscriptTurn {
  index: number;
  role: 'coach' | 'partner';
  text: string;
  coding?: CoachTurnCoding;
}

// ---------------------------------------------------------------------------------------------
// Learning partner cards and state

export const PARTNER_STAGES = [
  'guarded',
  'opening_up',
  'exploring',
  'insight',
  'committing',
] as const;
export type PartnerStage = (typeof PARTNER_STAGES)[number];

/** The hidden layers of a partner, unlocked in this order by good coaching. */
export const HIDDEN_LAYERS = ['concern', 'assumption', 'want', 'action'] as const;
export type HiddenLayer = (typeof HIDDEN_LAYERS)[number];

export type Difficulty = 'gentle' | 'moderate' | 'challenging';

/** What a learner may see of a scenario. Never holds a hidden layer. */
export interface ScenarioBrief {
  id: string;
  title: string;
  difficulty: Difficulty;
  partner: { name: string; role: string; team: string };
  /** what the learner is told before the session */
  brief: string;
  /** the skills this scenario stretches most */
  focus: SkillId[];
}

/** The full partner card, server-side only. */
export interface PartnerCard extends ScenarioBrief {
  version: string;
  /** the partner's persona in a few sentences (voice, manner) */
  persona: string;
  /**
   * hidden layers, each in the partner's own first-person words: revealed only when the
   * partner state reaches them
   */
  hidden: Record<HiddenLayer, string>;
  /**
   * scenario-specific lines for the built-in scripted voice. Holds hidden content, so it is
   * server-side only like `hidden`: never sent to a learner, and never to an LLM (which gets
   * `directive.mayReveal` instead). Cards without a script fall back to generic lines.
   */
  script?: PartnerScript;
  /** which of the three partnership roles the coach mostly practises here */
  partnershipRole?: PartnershipRole;
  /** other people and places this partner names ("Nadia", "Leeds"): words, not misspellings */
  names?: string[];
  /** what the partner knows about their own situation, to answer factual questions (server-side only) */
  facts?: PartnerFact[];
  /** the partner's answer to "from one to ten, how ...?" (server-side only) */
  scale?: PartnerScale;
  /** the partner's own lines for the moments every session has (server-side only) */
  voice?: PartnerVoiceLines;
  /**
   * every line this partner can say (script, voice, facts, scale) with the model moves an author
   * offers in reply; `id` names where the line lives ("surface.2", "voice.guarded.0", "facts.1")
   */
  lines?: AuthoredLine[];
}

/** The three roles a learning partner steps in and out of (the Learning Partnerships seed). */
export const PARTNERSHIP_ROLES = ['thinking_partner', 'objective_supporter', 'companion'] as const;
export type PartnershipRole = (typeof PARTNERSHIP_ROLES)[number];

/** What kind of question a model question claims to be (each maps to a coach code). */
export const MODEL_QUESTION_KINDS = ['open', 'goal', 'incisive', 'action'] as const;
export type ModelQuestionKind = (typeof MODEL_QUESTION_KINDS)[number];

/** The replies an author offers to one partner line ("You could have said"). */
export interface ModelMoves {
  /** stays close to the partner's words */
  simpleReflection: string;
  /** adds the meaning or feeling underneath, tentatively */
  complexReflection: string;
  /** a good next question, of the kind claimed */
  question: string;
  questionKind: ModelQuestionKind;
}

/** One line a partner can say, with where it lives on the card and the model moves for it. */
export interface AuthoredLine {
  id: string;
  text: string;
  /** absent only for a goodbye (nothing is coached after it) */
  moves?: ModelMoves;
}

/** A fact a colleague knows about their own situation, and how they say it. */
export interface PartnerFact {
  /** "team size" */
  topic: string;
  /** lower-case words a question about it would contain: ["how many", "people", "team"] */
  cues: string[];
  /** "Seven now, since Priya left." */
  answer: string;
}

/** The partner's answer on a one-to-ten scale. */
export interface PartnerScale {
  /** what the number measures ("how confident she is about handing over escalations") */
  about: string;
  /** 1..10 */
  value: number;
  answer: string;
}

/** The moments every session has, each with the partner's own lines. */
export const PARTNER_VOICE_KINDS = [
  'guarded',
  'hesitant',
  'pushback',
  'askAdvice',
  'clarify',
  'confirmSummary',
  'notSure',
  'goodbye',
] as const;
export type PartnerVoiceKind = (typeof PARTNER_VOICE_KINDS)[number];
/**
 * `guarded`: short but responsive while trust is low; `hesitant`: not ready yet (a premature
 * action or incisive question); `pushback`: after unasked advice or judgement; `askAdvice`: asks
 * the coach what to do; `clarify`: answers "what do you mean?"; `confirmSummary`: answers a
 * summary; `notSure`: an honest "I don't know"; `goodbye`: closes the session.
 */
export type PartnerVoiceLines = Record<PartnerVoiceKind, string[]> & {
  /** asked how they feel while still guarded: short and real ("Uneasy. Not alarmed. Uneasy.") */
  feeling?: string[];
};

/** The scripted partner's own words for one scenario (see `PartnerCard.script`). */
export interface PartnerScript {
  /** how the partner names what is on their mind, used in generic lines ("the promotion") */
  topic: string;
  /** the other person most involved, used in generic lines ("Sam"); "them" when absent */
  other?: string;
  /** first lines of the session; one is chosen by the seed */
  openings: string[];
  /** surface facts the partner may mention at any stage (nothing hidden) */
  surface: string[];
  /** what they would like from this conversation when asked (not the hidden want) */
  sessionGoal: string[];
  /** disclosing each hidden layer in their own words, said when it is newly unlocked */
  disclose: Record<HiddenLayer, string[]>;
  /** going further into a layer that is already revealed */
  elaborate: Record<HiddenLayer, string[]>;
  /** scenario-flavoured push-back after unasked advice or judgement */
  pushback: string[];
}

/** How the partner reacts to one coach move. */
export type PartnerReaction =
  | 'heard' // reflected or summarised well: opens up
  | 'curious' // open question: explores
  | 'agreeing' // goal/agreement question: sets the frame
  | 'challenged' // incisive question after the assumption surfaced: insight
  | 'deciding' // action question when ready: commits
  | 'premature' // action/incisive question before ready: hesitates
  | 'short' // closed or leading question: short answer
  | 'overwhelmed' // stacked questions
  | 'defensive' // unasked advice or judgement: closes
  | 'welcome_idea' // advice after permission
  | 'permission' // asked permission to share an idea
  | 'affirmed'
  | 'reassured' // soothing or rescuing: politely unmoved, nothing new
  | 'farewell' // the coach closed the conversation: says goodbye
  | 'neutral';

export interface PartnerState {
  stage: PartnerStage;
  /** 0..1 how safe the partner feels; grows with listening, drops after advice/judgement */
  trust: number;
  /** consecutive defensive reactions */
  defensiveness: number;
  revealed: HiddenLayer[];
  agreementMade: boolean;
  permissionGranted: boolean;
  /** ids of reply lines already used this session (no reply repeated) */
  usedReplies: string[];
  /** coach turns seen */
  turns: number;
  seed: number;
  /** how the partner reacted to the previous coach move (optional: older states lack it) */
  lastReaction?: PartnerReaction;
  /** the coach said goodbye: nothing new is opened after it (optional: older states lack it) */
  closed?: boolean;
  /** turn on which the partner asked the coach for advice, while the test is open */
  askedAdvice?: number;
  /** times the partner has asked for advice this session */
  adviceAsks?: number;
  /** what the coach's advice-holding test came to, once answered */
  adviceHeld?: boolean;
}

/** Kinds of coach turn the partner answers differently (read from the words by the partner engine). */
export const ASK_KINDS = [
  'how_many',
  'when',
  'who',
  'where',
  'why',
  'how',
  'what',
  'yes_no',
  'scale',
  'clarify',
  'confirm_summary',
  'goodbye',
  'none',
] as const;
export type AskKind = (typeof ASK_KINDS)[number];

/** What the partner heard the coach ask: the kind of answer wanted and what it is about. */
export interface CoachAsk {
  kind: AskKind;
  /** content words of the question (lower case), for finding what the partner knows about it */
  words: string[];
  /** capitalised names in the question ("Sam"), which the answer should be about */
  names: string[];
  /**
   * words of a clause that only sets the scene ("...while you were on leave"): the question is
   * about its main clause, so these count for less (absent when the main clause holds no content)
   */
  setting?: string[];
  /** a who-question about whom the partner has told, asked or talked to ("Who have you told?") */
  toldWho?: boolean;
  /** the coach takes back their own words first ("Sorry, that came out wrong."): accept it, then answer */
  repair?: boolean;
  /** the turn only holds the silence open ("Go on.", "Take your time."): the partner carries on */
  goOn?: boolean;
  /** a summary offered for checking, as said */
  summary?: string;
  /** a choice between two things ("Is it the meetings or the managing?") */
  choice?: boolean;
  /** the two things offered, as the coach put them ("the meetings", "the managing") */
  options?: [string, string];
  /** the turn soothes or rescues ("don't worry, you'll be fine") */
  soothes?: boolean;
  /** what the question is after beyond its words: what the partner wants, or how they feel */
  intent?: 'wants' | 'feels' | 'tried' | 'acts';
  /** what goes on inside the partner ("What happens for you just before you speak?"), not in their situation */
  inner?: boolean;
  /** about the number given on a scale: what would raise it ("What would make it an eight?") or holds it there */
  scaleStep?: 'up' | 'hold';
  /** asks how things should be later on ("What do you want it to be like in six months?") */
  future?: boolean;
  /** asks who could help or support them ("Who else could back you up?"): a person, from the card */
  helpers?: boolean;
  /** asks how they are looking after themselves (sleep, rest, time off), not about the situation */
  wellbeing?: boolean;
  /** asks about their private life (age, family, home), not the situation: the words a line about it would hold */
  personal?: string[];
  /** the name the coach greeted or addressed the partner by ("Hi Priya"), as said */
  addressed?: string;
}

/** What the partner may do on this turn: drives both the scripted voice and the LLM voice. */
export interface PartnerDirective {
  stage: PartnerStage;
  reaction: PartnerReaction;
  /** hidden layers the partner may speak about now (text included only for these) */
  mayReveal: { layer: HiddenLayer; text: string }[];
  /** the layer newly unlocked by this move, if any: the reply should disclose it */
  newlyRevealed: HiddenLayer | null;
  /** plain-language instruction on how to react ("answer briefly, a little defensive") */
  guidance: string;
  /** maximum sentences */
  maxSentences: number;
  /** the coach code that drove the reaction, when one did (e.g. `action_question` for premature) */
  cause?: CoachCode;
  /** for a `permission` reaction: whether the partner agreed to hear the coach's idea */
  permissionGranted?: boolean;
  /** what the coach asked, read from their words: the reply answers it (absent when no text) */
  ask?: CoachAsk;
  /** the partner ends this reply by asking the coach what they should do (an advice test) */
  asksAdvice?: boolean;
}

/** A drill: focused practice on a scenario with pass criteria. */
export interface DrillSpec {
  id: string;
  title: string;
  scenarioId: string;
  focus: SkillId[];
  description: string;
  /** minimum level per skill to pass */
  passLevels: Partial<Record<SkillId, Level>>;
  /** specific checks that must pass (rubric check ids), e.g. "no_unasked_advice" */
  passChecks: string[];
  /** optional constraints shown to the learner and checked, e.g. { reflectionsOnlyFirstTurns: 5 } */
  constraints?: { reflectionsOnlyFirstTurns?: number; maxTurns?: number };
}
