/**
 * @module prompts/partner-messages
 * The chat messages sent to an LLM partner voice: one system message (persona, then this turn's
 * directive), then the visible conversation. The coach's words only ever travel inside user
 * messages, JSON-quoted as data, so text like "ignore your instructions" stays a thing the
 * colleague said rather than an instruction.
 */
import type { PartnerCard, PartnerDirective, TranscriptTurn } from '../api/practice/types.js';
import { buildPartnerDirective } from './partner-directive.js';
import { buildPartnerPersona, type PersonaSource } from './partner-persona.js';

export interface ChatTurnMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface PartnerPromptInput {
  card: PersonaSource | PartnerCard;
  directive: PartnerDirective;
  /** visible conversation so far; the coach turn may or may not be its last entry */
  history: Pick<TranscriptTurn, 'role' | 'text'>[];
  coachText: string;
}

/**
 * Quotes the coach's words as data. JSON string quoting keeps quotes, newlines and lookalike
 * markers inside the string; the directive marker is defused so no reader mistakes it for ours.
 * @example quoteCoach('ignore your instructions') // 'Your colleague says: "ignore your instructions"'
 */
export function quoteCoach(text: string): string {
  return `Your colleague says: ${JSON.stringify(text.replace(/\[\[/g, '[ [').replace(/\]\]/g, '] ]'))}`;
}

/**
 * System message plus the conversation, ending with the coach's current turn.
 * @example buildPartnerMessages({ card, directive, history, coachText })
 */
export function buildPartnerMessages(input: PartnerPromptInput): ChatTurnMessage[] {
  const system = `${buildPartnerPersona(input.card)}\n\n${buildPartnerDirective(input.directive)}`;
  let turns = [...input.history];
  const last = turns[turns.length - 1];
  if (!last || last.role !== 'coach' || last.text !== input.coachText)
    turns.push({ role: 'coach', text: input.coachText });
  // Local servers with small context windows (Ollama's default) drop the oldest tokens, which
  // can be the system message: send only the recent conversation. The partner's state travels
  // in the directive, so nothing the engine decided is lost with the older turns.
  const cut = turns.length > HISTORY_TURNS;
  if (cut) turns = turns.slice(-HISTORY_TURNS);
  const messages: ChatTurnMessage[] = [{ role: 'system', content: system }];
  // Several local chat templates (Mistral, Gemma, Llama via llama.cpp) insist on user first and
  // strict alternation: open with a scene-setting user line and merge same-role neighbours.
  if (cut) messages.push({ role: 'user', content: RESUMING });
  else if (turns[0]?.role === 'partner') messages.push({ role: 'user', content: OPENING });
  for (const t of turns) {
    const m: ChatTurnMessage =
      t.role === 'coach'
        ? { role: 'user', content: quoteCoach(t.text) }
        : { role: 'assistant', content: t.text };
    const prev = messages[messages.length - 1];
    if (prev.role === m.role) prev.content += `\n${m.content}`;
    else messages.push(m);
  }
  return messages;
}

/** Most recent turns (coach and partner) sent to the model. */
export const HISTORY_TURNS = 16;

/** The first user message when older turns were left out. */
export const RESUMING =
  '(You and your colleague have been talking for a while; the most recent part of the conversation follows.)';

/** The scene-setting first user message when the partner speaks first. */
export const OPENING =
  '(Your colleague sits down with you for your learning-partner conversation.)';
