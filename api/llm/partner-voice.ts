/**
 * @module llm/partner-voice
 * The learning partner voiced by an OpenAI-compatible model. The engine has already decided the
 * partner's state and directive; this only words the reply: persona and directive in the system
 * message, the coach's words quoted as data, tokens streamed as they arrive. Each reply passes
 * the fidelity guard; on failure it is regenerated once, then the scripted reply is used.
 * A reply never throws: every fault ends in the scripted reply with a `fallbackReason`.
 */
import { buildPartnerMessages } from '../../prompts/partner-messages.js';
import { LlmCallError, startBudget, streamChat, type LlmContext } from './chat-stream.js';
import {
  checkPartnerReply,
  cleanPartnerReply,
  guardContextFor,
  trimToCompleteSentences,
  type GuardVerdict,
} from './partner-guard.js';
import type { PartnerVoice, PartnerVoiceInput, PartnerVoiceResult, VoiceOptions } from './types.js';

/** What the eval harness may watch: each raw attempt and the guard's verdict on it. */
export interface PartnerAttempt {
  attempt: number;
  text: string;
  verdict: GuardVerdict;
  finishReason: string;
}

export interface PartnerVoiceOptions {
  model: string;
  /** tokens per reply: room for about 5 spoken sentences */
  maxTokens?: number;
  temperature?: number;
  observe?: (a: PartnerAttempt) => void;
}

/** Attempts per reply: the first, and one regeneration after a guard failure. */
const ATTEMPTS = 2;

/**
 * @example
 * const voice = createOpenAiPartnerVoice(ctx, { model: 'gpt-4o-mini' });
 * const { text, source } = await voice.reply(input, { signal, onToken });
 */
export function createOpenAiPartnerVoice(ctx: LlmContext, opts: PartnerVoiceOptions): PartnerVoice {
  return {
    kind: 'openai',
    async reply(
      input: PartnerVoiceInput,
      voiceOpts: VoiceOptions = {},
    ): Promise<PartnerVoiceResult> {
      const budget = startBudget(ctx.timeoutMs, voiceOpts.signal);
      const guard = guardContextFor(input);
      const messages = buildPartnerMessages(input);
      const fallback = (reason: string): PartnerVoiceResult => {
        if (reason !== 'client_aborted')
          ctx.logger.warn('llm partner fell back to scripted reply', { model: opts.model, reason });
        return { text: input.fallbackText, source: 'scripted', fallbackReason: reason };
      };
      // Tokens stream to the learner only until something has been shown; a regenerated reply
      // arrives whole in the final `reply`, which is always authoritative over streamed tokens.
      let shownAny = false;
      let lastReason = 'guard';
      try {
        for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
          const streamThis = Boolean(voiceOpts.onToken) && !shownAny;
          let early: GuardVerdict = { ok: true };
          const res = await streamChat(
            ctx,
            {
              model: opts.model,
              messages,
              maxTokens: opts.maxTokens ?? 220,
              temperature: opts.temperature ?? 0.8,
            },
            budget,
            (delta, soFar) => {
              early = checkPartnerReply(soFar, guard, false);
              if (!early.ok) return 'stop';
              if (streamThis) {
                shownAny = true;
                voiceOpts.onToken!(delta);
              }
            },
          );
          let text = cleanPartnerReply(res.text, guard.partnerName);
          // cut off at max_tokens (or ended without saying why): keep the complete sentences,
          // if any, rather than a torn one
          const cut = res.finishReason === 'length' || res.finishReason === 'unknown';
          if (cut) text = trimToCompleteSentences(text);
          const verdict: GuardVerdict = !early.ok
            ? early
            : cut && !text
              ? { ok: false, reason: 'truncated' }
              : checkPartnerReply(text, guard, true);
          opts.observe?.({ attempt, text: res.text, verdict, finishReason: res.finishReason });
          if (verdict.ok) return { text, source: 'llm' };
          lastReason = `guard_${verdict.reason}`;
          ctx.logger.warn('llm partner reply failed the guard', {
            model: opts.model,
            attempt,
            reason: verdict.reason,
          });
        }
        return fallback(lastReason);
      } catch (err) {
        return fallback(err instanceof LlmCallError ? err.reason : 'error');
      } finally {
        budget.dispose();
      }
    },
  };
}
