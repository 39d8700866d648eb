/**
 * @module components/sb-drills/component
 * The learner's assigned drills with due dates and status. Opening one fires a cancelable
 * `sb-drill-open`; if the host page does not take over, the drill opens here in an
 * `<sb-practice>`, and the list is refreshed when that session ends (status and attempts change).
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Assignment } from '../../core/api-types.js';
import { renderFailure } from '../../core/failure-view.js';
import { STATUS_LABELS, formatDate, levelLabel, skillLabel } from '../../core/labels.js';
import { ApiProblem } from '../../core/problem.js';
import { SbElement } from '../../core/sb-element.js';
import { themeStyles } from '../../core/theme.styles.js';
import '../sb-practice/sb-practice.js';
import { drillsStyles } from './sb-drills.styles.js';

/**
 * @summary Assigned drills, due dates and status; opens a drill in `<sb-practice>`.
 * @tagname sb-drills
 *
 * @attr api-base - the server's origin
 * @attr token - bearer token for the learner
 * @attr feedback - passed to the `<sb-practice>` a drill opens in (`nudge`, `live` or `end`)
 * @attr theme - `light`, `dark` or `auto`
 *
 * @fires sb-drill-open - cancelable; detail: { assignment, drillId }. Call preventDefault() to open the drill yourself.
 * @fires sb-error - a load failed
 * @fires sb-auth-expired - the token was rejected
 * (events of the inner `<sb-practice>`, such as `sb-session-ended`, bubble out too)
 *
 * @slot empty - shown when no drill is assigned
 *
 * @csspart list - the list
 * @csspart drill - one drill
 * @csspart status - a status label
 * @csspart open-button - a drill's Open button
 * @csspart practice - the inner `<sb-practice>`
 * @csspart error - the failure message
 * @csspart retry-button - its Retry
 */
export class SbDrills extends SbElement {
  static styles = [themeStyles, drillsStyles];

  @property() feedback: 'nudge' | 'live' | 'end' = 'nudge';
  @state() private assignments: Assignment[] | null = null;
  @state() private opened: Assignment | null = null;
  /** the server has no assignments API (404): say so rather than show an error */
  @state() private unavailable = false;

  protected willUpdate(changed: PropertyValues<this>): void {
    // nothing to ask before there is a token; a new token or server means asking again
    if (this.token && (changed.has('token') || changed.has('apiBase'))) void this.load();
  }

  /** Fetches the assignments again. */
  async load(): Promise<void> {
    this.clearFailure();
    try {
      const { assignments } = await this.api.getAssignments();
      this.assignments = [...assignments].sort((a, b) => dueOrder(a) - dueOrder(b));
      this.unavailable = false;
    } catch (err) {
      if (err instanceof ApiProblem && err.status === 404) this.unavailable = true;
      else this.fail(err, () => void this.load());
    }
  }

  private open(a: Assignment): void {
    if (!this.emit('sb-drill-open', { assignment: a, drillId: a.drillId }, { cancelable: true }))
      return;
    this.opened = a;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('.back')?.focus(),
    );
  }

  private close(): void {
    const id = this.opened?.id;
    this.opened = null;
    void this.load();
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-assignment="${id}"]`)?.focus(),
    );
  }

  render() {
    if (this.opened) {
      return html`<button type="button" class="btn back" @click=${() => this.close()}>← Back to my drills</button>
        <sb-practice
          part="practice"
          api-base=${this.apiBase}
          token=${this.token}
          theme=${this.theme}
          drill=${this.opened.drillId}
          .drillInfo=${this.opened.drill ?? null}
          feedback=${this.feedback}
          @sb-session-ended=${() => void this.load()}
        ></sb-practice>`;
    }
    if (this.unavailable)
      return html`<h2>My drills</h2><p>Assigned drills are not available on this server yet.</p>`;
    return html`<h2>My drills</h2>
      ${renderFailure(this.failure)}
      ${this.assignments === null && !this.failure ? html`<p class="loading" role="status">Loading your drills…</p>` : nothing}
      ${this.assignments?.length === 0 ? html`<slot name="empty"><p>No drills are assigned to you right now.</p></slot>` : nothing}
      ${
        this.assignments?.length
          ? html`<ul class="drills" part="list">
            ${this.assignments.map((a) => this.renderAssignment(a))}
          </ul>`
          : nothing
      }`;
  }

  private renderAssignment(a: Assignment) {
    const title = a.drill?.title ?? 'Drill';
    const action =
      a.status === 'not_started' ? 'Start' : a.status === 'passed' ? 'Practise again' : 'Continue';
    return html`<li class="drill card" part="drill">
      <div class="info">
        <h3>${title}</h3>
        ${a.drill?.description ? html`<p>${a.drill.description}</p>` : nothing}
        <div class="meta">
          <span class="status ${a.status}" part="status">${STATUS_LABELS[a.status] ?? a.status}</span>
          ${a.dueAt ? html`<span>Due ${formatDate(a.dueAt)}</span>` : html`<span>No due date</span>`}
          <span>${a.attempts} ${a.attempts === 1 ? 'attempt' : 'attempts'}</span>
          ${a.bestLevel ? html`<span>Best: ${levelLabel(a.bestLevel)}</span>` : nothing}
          ${a.drill?.focus?.length ? html`<span>Focus: ${a.drill.focus.map(skillLabel).join(', ')}</span>` : nothing}
        </div>
      </div>
      <button type="button" class="btn primary" part="open-button" data-assignment=${a.id} aria-label="${action}: ${title}" @click=${() => this.open(a)}>${action}</button>
    </li>`;
  }
}

/** Overdue and soonest due first; undated last. */
function dueOrder(a: Assignment): number {
  if (a.status === 'passed') return Number.MAX_SAFE_INTEGER;
  return a.dueAt ? Date.parse(a.dueAt) || Number.MAX_SAFE_INTEGER - 1 : Number.MAX_SAFE_INTEGER - 1;
}
