/**
 * @module components/sb-facilitator/component
 * A facilitator's view of one cohort: learners x skills (level, with readiness to partner),
 * drill completion, and a form to assign a drill to the cohort. Tolerates a server without the
 * facilitator API yet (404): it says so instead of showing an empty table.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { SKILLS } from '../../../../api/practice/types.js';
import type { Cohort, CohortLearner, DrillSummary } from '../../core/api-types.js';
import { renderFailure } from '../../core/failure-view.js';
import { STATUS_LABELS, levelLabel, skillLabel } from '../../core/labels.js';
import { ApiProblem } from '../../core/problem.js';
import { SbElement } from '../../core/sb-element.js';
import { themeStyles } from '../../core/theme.styles.js';
import { facilitatorStyles } from './sb-facilitator.styles.js';

/** How a skill's trend is shown: a mark for the eye, words for a screen reader. */
const TREND: Record<string, { mark: string; words: string }> = {
  improving: { mark: '↑', words: 'improving' },
  declining: { mark: '↓', words: 'declining' },
  steady: { mark: '→', words: 'steady' },
};

/**
 * @summary Cohort overview (learners x skills), drill completion, and assigning drills.
 *
 * @attr api-base - the server's origin
 * @attr token - bearer token for a facilitator
 * @attr cohort - the cohort to show first (otherwise the first one)
 * @attr theme - `light`, `dark` or `auto`
 *
 * @fires sb-assignment-created - detail: { drillId, cohortId, dueAt }
 * @fires sb-error - a request failed
 * @fires sb-auth-expired - the token was rejected
 *
 * @csspart overview - the learners x skills table
 * @csspart level - a level badge
 * @csspart completion - the drill completion list
 * @csspart assign-form - the assignment form
 * @csspart assign-button - its submit button
 * @csspart error - the failure message
 * @csspart retry-button - its Retry
 */
export class SbFacilitator extends SbElement {
  static styles = [themeStyles, facilitatorStyles];

  @property() cohort = '';

  @state() private cohorts: Cohort[] | null = null;
  @state() private learners: CohortLearner[] | null = null;
  @state() private drills: DrillSummary[] = [];
  @state() private unavailable = false;
  @state() private assigning = false;
  @state() private notice = '';

  protected willUpdate(changed: PropertyValues<this>): void {
    // nothing to ask before there is a token; a new token or server means asking again
    if (this.token && (changed.has('token') || changed.has('apiBase'))) void this.load();
  }

  async load(): Promise<void> {
    this.clearFailure();
    try {
      const [{ cohorts }, drills] = await Promise.all([this.api.listCohorts(), this.api.listDrills().catch(() => ({ drills: [] as DrillSummary[] }))]);
      this.cohorts = cohorts;
      this.drills = drills.drills;
      if (!cohorts.some((c) => c.id === this.cohort)) this.cohort = cohorts[0]?.id ?? '';
      await this.loadCohort();
    } catch (err) {
      if (err instanceof ApiProblem && err.status === 404) this.unavailable = true;
      else this.fail(err, () => void this.load());
    }
  }

  private async loadCohort(): Promise<void> {
    if (!this.cohort) {
      this.learners = [];
      return;
    }
    const id = this.cohort;
    this.learners = null;
    try {
      const { learners } = await this.api.getCohortProgress(id);
      if (id === this.cohort) this.learners = learners;
    } catch (err) {
      this.fail(err, () => void this.loadCohort());
    }
  }

  private async assign(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.assigning) return;
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const drillId = String(data.get('drill') || '');
    const due = String(data.get('due') || '');
    if (!drillId || !due) {
      this.notice = 'Choose a drill and a due date.';
      return;
    }
    // the due date is the end of that day in the facilitator's time zone
    const dueAt = new Date(`${due}T23:59:00`).toISOString();
    this.assigning = true;
    this.notice = '';
    this.clearFailure();
    try {
      await this.api.assignDrill({ drillId, cohortId: this.cohort, dueAt });
      const title = this.drills.find((d) => d.id === drillId)?.title ?? 'The drill';
      this.notice = `${title} was assigned to ${this.cohortName()}, due ${due}.`;
      this.emit('sb-assignment-created', { drillId, cohortId: this.cohort, dueAt });
      await this.loadCohort();
    } catch (err) {
      this.fail(err, () => form.requestSubmit());
    } finally {
      this.assigning = false;
    }
  }

  private cohortName(): string {
    return this.cohorts?.find((c) => c.id === this.cohort)?.name ?? 'the cohort';
  }

  render() {
    if (this.unavailable) return html`<h2>Cohort overview</h2><p>The facilitator features are not available on this server yet.</p>`;
    if (!this.cohorts) return html`${renderFailure(this.failure)}${this.failure ? nothing : html`<p class="loading" role="status">Loading cohorts…</p>`}`;
    return html`<h2>Cohort overview</h2>
      ${renderFailure(this.failure)}
      <div class="toolbar">
        <div class="field">
          <label for="cohort">Cohort</label>
          <select
            id="cohort"
            .value=${this.cohort}
            @change=${(e: Event) => {
              this.cohort = (e.target as HTMLSelectElement).value;
              void this.loadCohort();
            }}
          >
            ${this.cohorts.map((c) => html`<option value=${c.id} ?selected=${c.id === this.cohort}>${c.name}</option>`)}
          </select>
        </div>
      </div>
      ${this.cohorts.length === 0 ? html`<p>You have no cohorts yet.</p>` : this.renderOverview()}
      ${this.cohorts.length ? this.renderCompletion() : nothing} ${this.cohorts.length ? this.renderAssign() : nothing}`;
  }

  private renderOverview() {
    if (!this.learners) return html`<p class="loading" role="status">Loading the cohort…</p>`;
    if (this.learners.length === 0) return html`<p>No learners in this cohort yet.</p>`;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label="Learners and skills">
    <table part="overview" role="table">
      <caption class="sr-only">Skill levels of each learner in ${this.cohortName()}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">Learner</th>
          ${SKILLS.map((s) => html`<th scope="col" role="columnheader">${skillLabel(s)}</th>`)}
          <th scope="col" role="columnheader">Ready to partner</th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        ${this.learners.map(
          (l) => html`<tr role="row">
            <th scope="row" role="rowheader">${l.name}</th>
            ${SKILLS.map((s) => {
              const cell = l.skills?.[s];
              const level = cell?.level ?? null;
              const trend = TREND[String(cell?.trend ?? '')];
              return html`<td role="cell" data-label=${skillLabel(s)}>
                <span class="level ${level ?? 'none'} ${cell?.confidence === 'low' ? 'tentative' : ''}" part="level">${levelLabel(level)}</span>
                ${trend ? html`<span class="trend" aria-hidden="true">${trend.mark}</span><span class="sr-only">, ${trend.words}</span>` : nothing}
                ${cell?.confidence === 'low' ? html`<span class="sr-only">, few sessions so far</span>` : nothing}
              </td>`;
            })}
            <td role="cell" data-label="Ready to partner">
              ${l.readyToPartner
                ? html`<span class="ready">Yes</span>`
                : l.reasons?.length
                  ? html`<details class="reasons">
                      <summary><span class="not-ready">Not yet</span><span class="sr-only">: why</span></summary>
                      <ul>
                        ${l.reasons.map((r) => html`<li>${r}</li>`)}
                      </ul>
                    </details>`
                  : html`<span class="not-ready">Not yet</span>`}
            </td>
          </tr>`,
        )}
      </tbody>
    </table>
    </div>
    <p class="legend muted"><span class="level none tentative" aria-hidden="true">Dashed</span> a level from few sessions so far; ↑ improving, → steady, ↓ declining.</p>`;
  }

  /** Per drill: how many learners passed it out of those assigned. */
  private renderCompletion() {
    if (!this.learners?.length) return nothing;
    const byDrill = new Map<string, { title: string; passed: number; total: number; overdue: number }>();
    for (const l of this.learners) {
      for (const a of l.assignments ?? []) {
        const key = a.drillId ?? a.title ?? '?';
        const row = byDrill.get(key) ?? { title: a.title ?? this.drills.find((d) => d.id === a.drillId)?.title ?? key, passed: 0, total: 0, overdue: 0 };
        row.total++;
        if (a.status === 'passed') row.passed++;
        if (a.status === 'overdue') row.overdue++;
        byDrill.set(key, row);
      }
    }
    return html`<section aria-labelledby="completion-heading">
      <h3 id="completion-heading">Drill completion</h3>
      ${byDrill.size === 0
        ? html`<p>No drills assigned in this cohort yet.</p>`
        : html`<ul class="completion" part="completion">
            ${[...byDrill.values()].map(
              (d) => html`<li>
                <strong>${d.title}</strong>: ${d.passed} of ${d.total} passed${d.overdue ? html`, ${d.overdue} ${STATUS_LABELS.overdue.toLowerCase()}` : nothing}
                <meter min="0" max=${d.total} value=${d.passed} aria-label="${d.title}: ${d.passed} of ${d.total} passed"></meter>
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private renderAssign() {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    return html`<section aria-labelledby="assign-heading">
      <h3 id="assign-heading">Assign a drill to ${this.cohortName()}</h3>
      ${this.drills.length === 0
        ? html`<p>No drills are available to assign.</p>`
        : html`<form class="assign" part="assign-form" @submit=${this.assign}>
            <div class="field drill">
              <label for="drill">Drill</label>
              <select id="drill" name="drill" required>
                ${this.drills.map((d) => html`<option value=${d.id}>${d.title}</option>`)}
              </select>
            </div>
            <div class="field">
              <label for="due">Due date</label>
              <input id="due" name="due" type="date" required min=${new Date().toISOString().slice(0, 10)} .value=${tomorrow} />
            </div>
            <button type="submit" class="btn primary" part="assign-button" aria-disabled=${this.assigning ? 'true' : 'false'}>
              ${this.assigning ? 'Assigning…' : 'Assign drill'}
            </button>
          </form>`}
      <p class="notice" role="status">${this.notice}</p>
    </section>`;
  }
}
