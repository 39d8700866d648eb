/**
 * @module components/sb-scorecard/component
 * A finished session's result, read in five seconds: a headline ("3 of 6 skills at Good, up
 * from 1 last time"), one bar per skill with last time's mark and the Fair/Good thresholds, the
 * learner's best moment quoted, and the one thing to try next time with the drill that trains it.
 * The atomic checks and their evidence are one disclosure away (learners trust a score they can
 * trace); the transcript follows with each turn's feedback folded. Prints cleanly.
 */
import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type {
  DrillSummary,
  Session,
  SessionTurn,
  SkillId,
  SkillProgress,
} from '../../core/api-types.js';
import { renderFailure } from '../../core/failure-view.js';
import { renderFeedback, renderMoveChips } from '../../core/feedback-view.js';
import { levelLabel, skillLabel } from '../../core/labels.js';
import { thresholdsOf } from '../../core/levels.js';
import { SbElement } from '../../core/sb-element.js';
import { codeChipStyles } from '../../core/code-chips.styles.js';
import { themeStyles } from '../../core/theme.styles.js';
import { renderDrillResult } from './drill-result-view.js';
import {
  bestMoment,
  headline,
  lastMarks,
  nextThing,
  skillViews,
  type LastMark,
  type SkillView,
} from './scorecard-summary.js';
import { scorecardStyles } from './sb-scorecard.styles.js';

/**
 * @summary The result of a session at a glance, the checks behind it, and the coded transcript.
 * @tagname sb-scorecard
 *
 * @attr session - the session id to load (`GET /api/sessions/{id}`)
 * @attr api-base - the server's origin
 * @attr token - bearer token
 * @attr theme - `light`, `dark` or `auto`
 * @attr read-only - a facilitator reading a learner's session: no comparison with the reader's own
 *   history and no "Practise it" buttons
 * @prop data - a session object to show without fetching (must include `scorecard`)
 *
 * @fires sb-drill-requested - "Practise it" or "Try the drill again" (detail: drillId, drill)
 * @fires sb-error - a load failed (detail: message, status, retryable)
 * @fires sb-auth-expired - the token was rejected
 *
 * @slot - shown under the headline (for example a "continue the lesson" link)
 *
 * @csspart heading - the scorecard heading
 * @csspart summary - the headline
 * @csspart highlights - "Your best moment" and "One thing to try next time"
 * @csspart next-drill-button - the button that opens the drill for the thing to try next
 * @csspart drill-result - a drill session's result
 * @csspart skill - one skill row
 * @csspart level - a level badge
 * @csspart bar - a skill's score bar
 * @csspart check - one check line
 * @csspart transcript - the transcript list
 * @csspart turn - one transcript turn
 * @csspart codes - a coach turn's code list
 * @csspart feedback - a coach turn's feedback
 * @csspart error - the failure message
 * @csspart retry-button - its Retry button
 *
 * @cssprop --sb-color-accent - the score bars
 * @cssprop --sb-color-good, --sb-color-fair, --sb-color-not-yet - level badges and threshold marks
 */
export class SbScorecard extends SbElement {
  static styles = [themeStyles, codeChipStyles, scorecardStyles];

  @property() session = '';
  @property({ attribute: false }) data: Session | null = null;
  @property({ type: Boolean, attribute: 'read-only' }) readOnly = false;

  @state() private loading = false;
  @state() private progress: SkillProgress[] = [];
  @state() private drills: DrillSummary[] = [];
  /** which session id `data` was fetched for, so a new `session` attribute refetches */
  private loadedFor = '';

  connectedCallback(): void {
    super.connectedCallback();
    // a printed scorecard shows everything: open the disclosures for the print, then restore them
    window.addEventListener('beforeprint', this.openForPrint);
    window.addEventListener('afterprint', this.restoreAfterPrint);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.openForPrint);
    window.removeEventListener('afterprint', this.restoreAfterPrint);
  }

  private openedForPrint: HTMLDetailsElement[] = [];
  private openForPrint = (): void => {
    this.openedForPrint = [...this.renderRoot.querySelectorAll('details')].filter((d) => !d.open);
    this.openedForPrint.forEach((d) => (d.open = true));
  };
  private restoreAfterPrint = (): void => {
    this.openedForPrint.forEach((d) => (d.open = false));
    this.openedForPrint = [];
  };

  protected willUpdate(changed: PropertyValues<this>): void {
    if (
      (changed.has('session') || changed.has('token') || changed.has('apiBase')) &&
      this.token &&
      this.session &&
      this.session !== this.loadedFor
    ) {
      if (!this.data || this.data.id !== this.session) void this.load();
    }
  }

  /** Reloads the session from the server (and, for the learner, their history and the drills). */
  async load(): Promise<void> {
    if (!this.session) return;
    const id = this.session;
    this.loading = true;
    this.clearFailure();
    try {
      const [data, progress, drills] = await Promise.all([
        this.api.getSession(id),
        // the comparison and the drill suggestion are extras: the scorecard stands without them
        this.readOnly
          ? Promise.resolve({ skills: [] as SkillProgress[] })
          : this.api.getProgress().catch(() => ({ skills: [] as SkillProgress[] })),
        this.api.listDrills().catch(() => ({ drills: [] as DrillSummary[] })),
      ]);
      if (id !== this.session) return;
      this.data = data;
      this.progress = progress.skills;
      this.drills = drills.drills;
      this.loadedFor = id;
    } catch (err) {
      this.fail(err, () => void this.load());
    } finally {
      this.loading = false;
    }
  }

  /** Moves focus to a transcript turn (evidence links, the best moment). */
  private showTurn(index: number): void {
    const el = this.renderRoot.querySelector<HTMLElement>(`#turn-${index}`);
    if (!el) return;
    this.renderRoot
      .querySelectorAll('.turn.highlight')
      .forEach((t) => t.classList.remove('highlight'));
    el.classList.add('highlight');
    el.scrollIntoView?.({ block: 'center' });
    el.focus();
  }

  private requestDrill(drill: DrillSummary | null, drillId: string): void {
    this.emit('sb-drill-requested', { drillId, drill });
  }

  render() {
    if (this.failure) return renderFailure(this.failure);
    const d = this.data;
    if (!d || this.loading)
      return html`<p class="loading" role="status">Loading the scorecard…</p>`;
    const card = d.scorecard;
    const skills = skillViews(d);
    const last = lastMarks(this.progress, d.id);
    const drill = d.drill ?? (d.drillId ? this.drills.find((x) => x.id === d.drillId) : undefined);
    return html`
      <p class="eyebrow">Your result</p>
      <h2 part="heading" tabindex="-1">Scorecard: ${d.scenario?.title ?? 'practice session'}</h2>
      ${
        card
          ? html`<p class="headline" part="summary">${headline(skills, last)}</p>
            <p class="muted">${card.summary}</p>
            <slot></slot>
            ${
              drill && d.drillResult
                ? renderDrillResult({
                    drill,
                    result: d.drillResult,
                    turns: d.turns,
                    showTurn: (i) => this.showTurn(i),
                    retry: () => this.requestDrill(drill, drill.id),
                    readOnly: this.readOnly,
                  })
                : nothing
            }
            ${this.renderHighlights(d, skills)}
            <h3 class="section">Skills</h3>
            <p class="legend muted" aria-hidden="true">
              The two ticks on each bar mark Fair and Good${last.size ? html`; the open mark is where you were last time` : nothing}.
            </p>
            <ul class="skills" aria-label="Skills">
              ${skills.map((s) => this.renderSkill(s, last.get(s.skill)))}
            </ul>
            <div class="actions print-hide">
              <button type="button" class="btn" @click=${() => window.print()}>Print or save as PDF</button>
            </div>`
          : html`<p class="muted">This session has not ended yet, so there is no scorecard.</p>`
      }
      <h3 class="section">Transcript</h3>
      <ol class="transcript" part="transcript">
        ${d.turns.map((t) => this.renderTurn(t, d))}
      </ol>
    `;
  }

  private renderHighlights(d: Session, skills: SkillView[]) {
    const best = bestMoment(d.turns);
    const next = nextThing(skills);
    const drill =
      next && !this.readOnly
        ? this.drills.find((x) => x.focus?.includes(next.skill as SkillId))
        : undefined;
    if (!best && !next) return nothing;
    return html`<div class="highlights" part="highlights">
      ${
        best
          ? html`<section class="card best" aria-labelledby="best-heading">
            <h3 id="best-heading">Your best moment</h3>
            <blockquote>“${best.turn.text}”</blockquote>
            <p>${best.why}</p>
            <button type="button" class="link" @click=${() => this.showTurn(best.turn.index)}>See turn ${best.turn.index + 1} in the transcript</button>
          </section>`
          : nothing
      }
      ${
        next
          ? html`<section class="card next" aria-labelledby="next-heading">
            <h3 id="next-heading">One thing to try next time</h3>
            <p>${next.advice}</p>
            ${
              drill
                ? html`<button type="button" class="btn primary print-hide" part="next-drill-button" @click=${() => this.requestDrill(drill, drill.id)}>
                  Practise it: ${drill.title}
                </button>`
                : nothing
            }
          </section>`
          : nothing
      }
    </div>`;
  }

  private renderSkill(s: SkillView, last: LastMark | undefined) {
    const t = thresholdsOf(s.skill);
    const judged = Boolean(s.level);
    const score = judged && typeof s.score === 'number' ? Math.round(s.score) : null;
    const lastWords = last
      ? ` Last time ${Math.round(last.score)} (${levelLabel(last.level)}).`
      : '';
    return html`<li class="skill" part="skill" aria-labelledby="skill-${s.skill}">
      <div class="skill-row">
        <h4 id="skill-${s.skill}">${skillLabel(s.skill)}</h4>
        ${renderBar(score, t, last)}
        <span class="result">
          ${
            judged
              ? html`<span class="level ${s.level}" part="level">${levelLabel(s.level)}</span> <span class="score">${score}</span>`
              : html`<span class="level none" part="level">Not enough evidence yet</span>`
          }
        </span>
      </div>
      <p class="sr-only">
        ${judged ? `Score ${score} of 100. Fair from ${t.fair}, Good from ${t.good}.${lastWords}` : `Not enough evidence yet.`}
      </p>
      ${!judged && s.reason ? html`<p class="muted reason">${s.reason}</p>` : nothing}
      ${
        s.checks?.length
          ? html`<details class="checks-box">
            <summary>What this is based on<span class="sr-only">: ${skillLabel(s.skill)}</span></summary>
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
          </details>`
          : nothing
      }
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
      ${t.role === 'coach' ? renderMoveChips(t.codes) : nothing}
      ${
        t.role === 'coach' && t.feedback
          ? html`<details class="turn-feedback">
            <summary>Feedback<span class="sr-only"> on turn ${t.index + 1}</span></summary>
            ${renderFeedback(t.feedback)}
          </details>`
          : nothing
      }
    </li>`;
  }
}

/**
 * A skill's score bar: the score, ticks at the Fair and Good thresholds, a diamond at last time's
 * score. SVG rather than styled boxes: positions are attributes, which a strict CSP (no inline
 * style attributes in LMS pages) allows. Hidden from screen readers; a sentence says the same.
 */
function renderBar(
  score: number | null,
  t: { fair: number; good: number },
  last: LastMark | undefined,
) {
  return html`<svg class="bar" part="bar" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
    ${svg`<rect class="track" x="0" y="3" width="100" height="6" rx="3"></rect>
      ${score !== null ? svg`<rect class="fill" x="0" y="3" width=${Math.max(score, 1)} height="6" rx="3"></rect>` : nothing}
      <rect class="tick" x=${t.fair - 0.4} y="0" width="0.8" height="12"></rect>
      <rect class="tick" x=${t.good - 0.4} y="0" width="0.8" height="12"></rect>
      ${last ? svg`<rect class="last" x=${Math.round(last.score) - 1} y="1" width="2" height="10"></rect>` : nothing}`}
  </svg>`;
}
