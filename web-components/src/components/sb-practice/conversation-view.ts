/**
 * @module components/sb-practice/conversation-view
 * The conversation screen: the partner with their initials, the transcript (a live region that
 * only ever receives complete messages), a visible "thinking" state while the partner replies,
 * and the composer. Each coach turn shows its move as chips and, in `nudge` mode, one short
 * nudge; the full feedback opens on demand, in a side panel on wide screens and under the turn
 * on narrow ones.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { SessionTurn } from '../../core/api-types.js';
import { renderFailure } from '../../core/failure-view.js';
import {
  nudgeOf,
  nudgeTone,
  renderAvatar,
  renderFeedback,
  renderMoveChips,
} from '../../core/feedback-view.js';
import type { PracticeController } from './practice-controller.js';
import { renderDrillRules } from './scenario-views.js';

export type FeedbackMode = 'live' | 'nudge' | 'end';

export interface ConversationViewState {
  mode: FeedbackMode;
  /** the host is wide enough for a side panel */
  wide: boolean;
  /** the coach turn whose full feedback is open, if any */
  openTurn: number | null;
  toggle(index: number): void;
  onInput(e: Event): void;
  onKeydown(e: KeyboardEvent): void;
}

export function renderConversation(c: PracticeController, v: ConversationViewState) {
  const s = c.current!.scenario;
  const drill = c.current!.drill;
  const sending = c.busy === 'sending';
  const partner = s.partner.name;
  const panelTurn =
    v.mode === 'nudge' && v.wide && v.openTurn !== null
      ? c.turns.find((t) => t.index === v.openTurn)
      : undefined;
  const panelFeedback = panelTurn ? c.feedbackByTurn.get(panelTurn.index) : undefined;
  return html`<div class="chat-header" part="header">
      ${renderAvatar(partner)}
      <div>
        <h2 id="view-heading" tabindex="-1">${s.title}</h2>
        <span class="meta">with ${partner}, ${s.partner.role}</span>
      </div>
    </div>
    <details class="brief" part="brief" ?open=${!c.turns.some((t) => t.role === 'coach')}>
      <summary>Partner brief${drill ? ' and drill rules' : ''}</summary>
      <p>${s.brief}</p>
      ${drill ? html`<p><strong>${drill.title}</strong>${drill.description ? html`: ${drill.description}` : nothing}</p>` : nothing}
    </details>
    ${drill ? renderDrillRules(drill) : nothing}
    <div class="chat-layout ${panelFeedback ? 'with-panel' : ''}">
      <div class="conversation" tabindex="0" role="region" aria-label="Conversation with ${partner}">
        <div role="log" aria-live="polite" aria-relevant="additions" aria-label="Transcript">
          <ol class="transcript" part="transcript">
            ${c.turns.map((t) => renderMessage(c, v, t, partner))}
          </ol>
        </div>
        <div class="pending" aria-hidden="true">
          ${
            c.pending && !c.pending.stored && sending
              ? html`<div class="message coach" part="message coach-message"><span class="who">You</span>${c.pending.text} <span class="typing">(sending…)</span></div>`
              : nothing
          }
          ${
            sending && c.pending?.stored
              ? html`<div class="message partner streaming" part="message partner-message thinking">
                <span class="who">${renderAvatar(partner)} ${partner}</span>
                ${
                  c.streamingText
                    ? c.streamingText
                    : html`<span class="typing"><span class="dots"><i></i><i></i><i></i></span> ${partner} is thinking…</span>`
                }
              </div>`
              : nothing
          }
        </div>
      </div>
      ${
        panelTurn && panelFeedback
          ? html`<aside class="feedback-panel" part="feedback-panel" aria-labelledby="panel-heading">
            <div class="panel-head">
              <h3 id="panel-heading">Feedback on your turn ${panelTurn.index + 1}</h3>
              <button type="button" class="btn small" @click=${() => v.toggle(panelTurn.index)}>Close</button>
            </div>
            <blockquote>“${panelTurn.text}”</blockquote>
            ${renderMoveChips(panelTurn.codes)} ${renderFeedback(panelFeedback)}
          </aside>`
          : nothing
      }
    </div>
    <p class="status" aria-live="polite">${c.slow ? `${partner} is taking longer than usual. You can keep waiting; nothing is lost.` : ''}</p>
    ${renderFailure(c.failure)}
    ${
      c.confirmEnd
        ? html`<p class="notice" role="alert">You have a reply you have not sent. Send it first, or press End session again to end without it.</p>`
        : nothing
    }
    <form class="composer" part="composer" @submit=${(e: Event) => (e.preventDefault(), void c.send())}>
      <div class="field">
        <label for="reply">Your reply to ${partner}</label>
        <textarea id="reply" part="input" rows="3" aria-describedby="reply-hint" .value=${live(c.draft)} @input=${v.onInput} @keydown=${v.onKeydown}></textarea>
      </div>
      <div class="composer-actions">
        <span class="hint" id="reply-hint">Enter sends, Shift+Enter adds a line.</span>
        <span class="actions inline">
          <button type="button" class="btn" part="end-button" aria-disabled=${c.busy ? 'true' : 'false'} @click=${() => c.end()}>
            ${c.busy === 'ending' ? 'Ending…' : c.confirmEnd ? 'End session anyway' : 'End session'}
          </button>
          <button type="submit" class="btn primary" part="send-button" aria-disabled=${sending ? 'true' : 'false'}>${sending ? 'Sending…' : 'Send'}</button>
        </span>
      </div>
    </form>`;
}

function renderMessage(
  c: PracticeController,
  v: ConversationViewState,
  t: SessionTurn,
  partner: string,
) {
  const coach = t.role === 'coach';
  if (!coach) {
    return html`<li class="message partner" part="message partner-message">
      <span class="who">${renderAvatar(partner)} ${partner}</span>
      ${t.text}
    </li>`;
  }
  const fb = v.mode !== 'end' ? c.feedbackByTurn.get(t.index) : undefined;
  const nudge = v.mode === 'nudge' ? nudgeOf(fb) : '';
  const open = v.openTurn === t.index;
  return html`<li class="message coach" part="message coach-message">
    <span class="who">You</span>
    ${t.text}
    ${v.mode !== 'end' ? renderMoveChips(t.codes) : nothing}
    ${v.mode === 'live' && fb ? renderFeedback(fb) : nothing}
    ${nudge ? html`<p class="nudge ${nudgeTone(fb)}" part="nudge">${nudge}</p>` : nothing}
    ${
      v.mode === 'nudge' && fb
        ? html`<button type="button" class="link more" part="feedback-toggle" aria-expanded=${open ? 'true' : 'false'} @click=${() => v.toggle(t.index)}>
            ${open ? 'Hide feedback' : 'More feedback'}
          </button>
          ${open && !v.wide ? renderFeedback(fb) : nothing}`
        : nothing
    }
  </li>`;
}
