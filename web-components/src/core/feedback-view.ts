/**
 * @module core/feedback-view
 * How a coach turn's coding and feedback are drawn, shared by the practice conversation, the
 * scorecard transcript and the facilitator's read-only session: the move as chips, one short
 * nudge, and the full feedback for whoever opens it. One place, so every screen says it alike.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CoachCode, TurnFeedback } from './api-types.js';
import { CAUTION_CODES, codeLabel } from './labels.js';

/** The coded moves of a coach turn as chips; cautionary moves (advice, judgement) are marked. */
export function renderMoveChips(
  codes: readonly CoachCode[] | undefined,
): TemplateResult | typeof nothing {
  if (!codes?.length) return nothing;
  return html`<ul class="codes" part="codes" aria-label="Your move">
    ${codes.map((c) => html`<li class="code ${CAUTION_CODES.has(c) ? 'caution' : ''}">${codeLabel(c)}</li>`)}
  </ul>`;
}

/** Per-turn feedback in the CARE shape (what worked, to improve, try next, a model reply). */
export function renderFeedback(f: TurnFeedback): TemplateResult {
  return html`<dl class="feedback" part="feedback">
    ${f.worked ? html`<dt>What worked</dt><dd>${f.worked}</dd>` : nothing}
    ${f.improve ? html`<dt>To improve</dt><dd>${f.improve}</dd>` : nothing}
    ${f.suggestion ? html`<dt>Try next</dt><dd>${f.suggestion}</dd>` : nothing}
    ${f.alternative ? html`<dt>You could have said</dt><dd>“${f.alternative}”</dd>` : nothing}
  </dl>`;
}

/**
 * The one short nudge shown under a turn during practice: the first sentence of what to improve;
 * when there is nothing to improve (or it was said already this session), of what worked; failing
 * both (honest feedback leaves praise of a poor move empty), of what to try next. So every coded
 * turn with any feedback gets one short line. Empty only when the feedback says nothing at all.
 */
export function nudgeOf(f: TurnFeedback | undefined | null): string {
  const source = nudgeSource(f);
  if (!source) return '';
  const m = /^.+?[.!?](?=\s|$)/.exec(source);
  return (m ? m[0] : source).trim();
}

/** What a nudge is: advice to change something, praise (marked differently) or the next thing to try. */
export function nudgeTone(f: TurnFeedback | undefined | null): 'improve' | 'worked' | 'next' {
  if (f?.improve?.trim()) return 'improve';
  return f?.worked?.trim() ? 'worked' : 'next';
}

function nudgeSource(f: TurnFeedback | undefined | null): string {
  if (!f) return '';
  return (f.improve?.trim() || f.worked?.trim() || f.suggestion?.trim() || '').trim();
}

/** Up to two initials for a partner's avatar ("Priya Shah" → "PS"). */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = parts[0][0] ?? '';
  const last = parts.length > 1 ? (parts[parts.length - 1][0] ?? '') : '';
  return (first + last).toUpperCase();
}

/** A round avatar with initials; decorative (the name is always written beside it). */
export function renderAvatar(name: string, kind: 'partner' | 'coach' = 'partner'): TemplateResult {
  return html`<span class="avatar ${kind}" aria-hidden="true">${kind === 'coach' ? 'You' : initials(name)}</span>`;
}
