/**
 * @module components/sb-scorecard/component
 * A finished session's scorecard: each skill's level with the atomic checks behind it and the
 * turns that are the evidence, then the transcript with every coach turn's codes and feedback.
 * Atomic checks are shown (not only a level) because learners trust a score they can trace.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Session, SessionTurn, SkillResult } from '../../core/api-types.js';
import { renderFailure } from '../../core/failure-view.js';
import { CAUTION_CODES, codeLabel, levelLabel, skillLabel } from '../../core/labels.js';
import { SbElement } from '../../core/sb-element.js';
import { codeChipStyles } from '../../core/code-chips.styles.js';
import { themeStyles } from '../../core/theme.styles.js';
import { scorecardStyles } from './sb-scorecard.styles.js';

/**
 * @summary Per-skill levels, the checks and evidence behind them, and the coded transcript.
 *
 * @attr session - the session id to load (`GET /api/sessions/{id}`)
 * @attr api-base - the server's origin
 * @attr token - bearer token
 * @attr theme - `light`, `dark` or `auto`
 * @prop data - a session object to show without fetching (must include `scorecard`)
 *
 * @fires sb-error - a load failed (detail: message, status, retryable)
 * @fires sb-auth-expired - the token was rejected
 *
 * @slot - shown under the summary (for example a "continue the lesson" link)
 *
 * @csspart heading - the scorecard heading
 * @csspart summary - the summary paragraph
 * @csspart skill - one skill card
 * @csspart level - a level badge
 * @csspart check - one check line
 * @csspart transcript - the transcript list
 * @csspart turn - one transcript turn
 * @csspart codes - a coach turn's code list
 * @csspart feedback - a coach turn's feedback
 * @csspart error - the failure message
 * @csspart retry-button - its Retry button
 *
 * @cssprop --sb-color-bg, --sb-color-surface, --sb-color-text, --sb-color-muted, --sb-color-accent, --sb-color-good, --sb-color-fair, --sb-color-not-yet - see docs/embedding.md
 */
export class SbScorecard extends SbElement {
  static styles = [themeStyles, codeChipStyles, scorecardStyles];

  @property() session = '';
  @property({ attribute: false }) data: Session | null = null;

  @state() private loading = false;
  /** which session id `data` was fetched for, so a new `session` attribute refetches */
  private loadedFor = '';

  protected willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('session') || changed.has('token') || changed.has('apiBase')) && this.token && this.session && this.session !== this.loadedFor) {
      if (!this.data || this.data.id !== this.session) void this.load();
    }
  }

  /** Reloads the session from the server. */
  async load(): Promise<void> {
    if (!this.session) return;
    const id = this.session;
    this.loading = true;
    this.clearFailure();
    try {
      const data = await this.api.getSession(id);
      if (id !== this.session) return;
      this.data = data;
      this.loadedFor = id;
    } catch (err) {
      this.fail(err, () => void this.load());
    } finally {
      this.loading = false;
    }
  }

  /** Moves focus to a transcript turn (evidence links). */
  private showTurn(index: number): void {
    const el = this.renderRoot.querySelector<HTMLElement>(`#turn-${index}`);
    if (!el) return;
    this.renderRoot.querySelectorAll('.turn.highlight').forEach((t) => t.classList.remove('highlight'));
    el.classList.add('highlight');
    el.scrollIntoView?.({ block: 'center' });
    el.focus();
  }

  render() {
    if (this.failure) return renderFailure(this.failure);
    const d = this.data;
    if (!d || this.loading) return html`<p class="loading" role="status">Loading the scorecard…</p>`;
    const card = d.scorecard;
    return html`
      <h2 part="heading" tabindex="-1">Scorecard: ${d.scenario?.title ?? 'practice session'}</h2>
      ${card
        ? html`<p class="summary" part="summary">${card.summary}</p>
            <slot></slot>
            <ul class="skills" aria-label="Skills">
              ${card.skills.map((s) => this.renderSkill(s))}
            </ul>`
        : html`<p class="muted">This session has not ended yet, so there is no scorecard.</p>`}
      <h3>Transcript</h3>
      <ol class="transcript" part="transcript">
        ${d.turns.map((t) => this.renderTurn(t, d))}
      </ol>
    `;
  }

  private renderSkill(s: SkillResult) {
    return html`<li class="skill card" part="skill" aria-labelledby="skill-${s.skill}">
      <header>
        <h3 id="skill-${s.skill}">${skillLabel(s.skill)}</h3>
        <span><span class="level ${s.level}" part="level">${levelLabel(s.level)}</span> <span class="score">${Math.round(s.score)} / 100</span></span>
      </header>
      <ul class="checks">
        ${s.checks.map(
          (c) => html`<li class="check" part="check">
            <span class="mark ${c.passed ? 'pass' : 'fail'}" aria-hidden="true">${c.passed ? '✓' : '✗'}</span>
            <span>
              <span class="sr-only">${c.passed ? 'Met:' : 'Not yet met:'}</span>
              ${c.label}
              ${c.detail ? html`<span class="detail">${c.detail}</span>` : nothing}
              ${c.evidence?.length ? this.renderEvidence(c.evidence, c.label) : nothing}
            </span>
          </li>`,
        )}
      </ul>
    </li>`;
  }

  private renderEvidence(turns: number[], about: string) {
    return html`<span class="evidence"
      ><span class="muted">Evidence:</span>
      ${turns.map((i) => html`<button type="button" class="link" aria-label="Turn ${i + 1}, evidence for ${about}" @click=${() => this.showTurn(i)}>turn ${i + 1}</button>`)}</span
    >`;
  }

  private renderTurn(t: SessionTurn, d: Session) {
    const who = t.role === 'coach' ? 'You (coach)' : (d.scenario?.partner?.name ?? 'Partner');
    return html`<li class="turn ${t.role}" id="turn-${t.index}" tabindex="-1" part="turn">
      <div class="who">Turn ${t.index + 1} · ${who}</div>
      <div>${t.text}</div>
      ${t.role === 'coach' && t.codes?.length
        ? html`<ul class="codes" part="codes" aria-label="Codes">
            ${t.codes.map((c) => html`<li class="code ${CAUTION_CODES.has(c) ? 'caution' : ''}">${codeLabel(c)}</li>`)}
          </ul>`
        : nothing}
      ${t.role === 'coach' && t.feedback ? renderFeedback(t.feedback) : nothing}
    </li>`;
  }
}

/** Per-turn feedback in the CARE shape; shared with `<sb-practice>` for live feedback. */
export function renderFeedback(f: { worked: string; improve: string; suggestion: string; alternative: string }) {
  return html`<dl class="feedback" part="feedback">
    ${f.worked ? html`<dt>What worked</dt><dd>${f.worked}</dd>` : nothing}
    ${f.improve ? html`<dt>To improve</dt><dd>${f.improve}</dd>` : nothing}
    ${f.suggestion ? html`<dt>Try next</dt><dd>${f.suggestion}</dd>` : nothing}
    ${f.alternative ? html`<dt>You could have said</dt><dd>“${f.alternative}”</dd>` : nothing}
  </dl>`;
}
