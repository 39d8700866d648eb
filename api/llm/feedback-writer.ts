/**
 * @module llm/feedback-writer
 * Per-turn feedback worded by an OpenAI-compatible model with structured output (zod schema in
 * prompts/feedback.ts), grounded on the rule feedback. The model's alternative reply must itself
 * code as a good move under the server's coder, or the rule feedback is used; so is it on any
 * fault (timeout, 5xx, invalid or truncated JSON). The model never scores: scores come from code.
 */
import { zodResponseFormat } from 'openai/helpers/zod';
import {
  buildFeedbackMessages,
  FEEDBACK_SCHEMA_NAME,
  parseFeedback,
  TurnFeedbackSchema,
} from '../../prompts/feedback.js';
import { isGoodAlternative } from '../practice/feedback/good-alternative.js';
import { LlmCallError, startBudget, streamChat, type LlmContext } from './chat-stream.js';
import type { FeedbackInput, FeedbackWriter, VoiceOptions } from './types.js';

export interface FeedbackWriterOptions {
  model: string;
  maxTokens?: number;
}

const responseFormat = zodResponseFormat(TurnFeedbackSchema, FEEDBACK_SCHEMA_NAME);

/**
 * @example
 * const writer = createOpenAiFeedbackWriter(ctx, { model: 'gpt-4o-mini' });
 * const feedback = await writer.write(input, { signal });
 */
export function createOpenAiFeedbackWriter(
  ctx: LlmContext,
  opts: FeedbackWriterOptions,
): FeedbackWriter {
  return {
    kind: 'openai',
    async write(input: FeedbackInput, voiceOpts: VoiceOptions = {}) {
      const budget = startBudget(ctx.timeoutMs, voiceOpts.signal);
      const rules = (reason: string) => {
        if (reason !== 'client_aborted')
          ctx.logger.warn('llm feedback fell back to rule feedback', { model: opts.model, reason });
        return { ...input.ruleFeedback, source: 'rules' as const };
      };
      try {
        const res = await streamChat(
          ctx,
          {
            model: opts.model,
            messages: buildFeedbackMessages(input),
            maxTokens: opts.maxTokens ?? 600,
            temperature: 0.3,
            responseFormat,
          },
          budget,
        );
        if (res.finishReason === 'length') return rules('truncated');
        const parsed = parseFeedback(res.text);
        if (!parsed.ok) return rules(parsed.reason);
        if (!isGoodAlternative(parsed.feedback.alternative, input.previousPartnerText))
          return rules('alternative_not_good');
        // The model rewords; it never decides what counts as praise. Where the rules found nothing
        // that worked (a judgement, unasked advice, reassurance, a content-free turn), nothing
        // the model says can praise the move.
        const worked = input.ruleFeedback.worked.trim() ? parsed.feedback.worked : '';
        return { ...parsed.feedback, worked, source: 'llm' as const };
      } catch (err) {
        return rules(err instanceof LlmCallError ? err.reason : 'error');
      } finally {
        budget.dispose();
      }
    },
  };
}
