/**
 * @module llm/types
 * The seams between the practice loop and whoever voices the partner or writes feedback:
 * the built-in scripted voice by default, an OpenAI-compatible LLM when one is configured.
 * The server always decides (state, directive, codes, scores); a voice only words the reply.
 */
import type {
  CoachTurnCoding,
  PartnerCard,
  PartnerDirective,
  TranscriptTurn,
  TurnFeedback,
} from '../practice/types.js';
import type { FeedbackPromptInput } from '../../prompts/feedback.js';

export interface VoiceOptions {
  /** aborted when the learner's client disconnects: cancel the upstream call */
  signal?: AbortSignal;
  /** partner tokens as they arrive (streaming); never called by the scripted voice more than once */
  onToken?: (delta: string) => void;
}

export interface PartnerVoiceInput {
  card: PartnerCard;
  /** what the partner may reveal now and how they react (already decided by the engine) */
  directive: PartnerDirective;
  /** the visible conversation so far, coach turn included; role and text only matter */
  history: Pick<TranscriptTurn, 'role' | 'text'>[];
  coachText: string;
  /** the scripted engine's reply for this state: the fallback when the LLM fails its guard */
  fallbackText: string;
}

export interface PartnerVoiceResult {
  text: string;
  source: 'llm' | 'scripted';
  /** why the scripted fallback was used, when it was (timeout, guard, breaker_open ...) */
  fallbackReason?: string;
}

export interface PartnerVoice {
  readonly kind: 'scripted' | 'openai';
  reply(input: PartnerVoiceInput, opts?: VoiceOptions): Promise<PartnerVoiceResult>;
}

/**
 * What feedback on one coach turn is written from: the feedback prompt's input (the rule-based
 * feedback in it is the fallback, and a grounding for the LLM).
 */
export type FeedbackInput = FeedbackPromptInput;

export interface FeedbackWriter {
  readonly kind: 'rules' | 'openai';
  write(
    input: FeedbackInput,
    opts?: VoiceOptions,
  ): Promise<TurnFeedback & { source: 'llm' | 'rules' }>;
}

/** What the app gets from the LLM layer (or the scripted defaults). */
export interface LlmServices {
  readonly mode: 'scripted' | 'openai';
  partner: PartnerVoice;
  feedback: FeedbackWriter;
  /** refines the offline coder's codes; absent when no LLM is configured */
  refineCoding?: (
    text: string,
    prevPartner: string | null,
    offline: CoachTurnCoding,
    opts?: VoiceOptions,
  ) => Promise<CoachTurnCoding>;
  /** prompt versions in use, stored on each session */
  versions: Record<string, string>;
  /** how the LLM is doing right now, for /api/health (absent: the scripted defaults) */
  status?: () => LlmStatus;
}

/**
 * The LLM's state as /api/health reports it: `healthy` (the last call went through),
 * `failing_over` (recent calls failed and the scripted partner answered), `breaker_open` (the
 * endpoint is skipped until a trial call after the cooldown), `not_configured` (scripted only).
 */
export interface LlmStatus {
  state: 'not_configured' | 'healthy' | 'failing_over' | 'breaker_open';
  consecutiveFailures: number;
}

/** The scripted defaults: the engine's reply and the rule-based feedback, as they are. */
export function scriptedServices(): LlmServices {
  return {
    mode: 'scripted',
    partner: {
      kind: 'scripted',
      async reply(input) {
        return { text: input.fallbackText, source: 'scripted' };
      },
    },
    feedback: {
      kind: 'rules',
      async write(input) {
        return { ...input.ruleFeedback, source: 'rules' };
      },
    },
    versions: {},
  };
}
