/**
 * @module components/sb-facilitator/component
 * A facilitator's view of one cohort: learners x skills (level, with readiness to partner),
 * drill completion, a form to assign a drill to the cohort, and each learner's drills with
 * "Cancel assignment" and "Remove from cohort" (each confirmed in a modal dialog that says what
 * goes and what stays). With `read-only` the same view has nothing that changes data. Tolerates a
 * server without the facilitator API yet (404): it says so instead of showing an empty table.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { SKILLS } from '../../../../api/practice/types.js';
import type { Cohort, CohortAssignment, CohortLearner, DrillSummary } from '../../core/api-types.js';
import { renderFailure } from '../../core/failure-view.js';
import { LMS_COHORT_NOTE, STATUS_LABELS, formatDate, levelLabel, lmsRemovalNote, skillLabel } from '../../core/labels.js';
import { ApiProblem } from '../../core/problem.js';
import { SbElement, type FailureView } from '../../core/sb-element.js';
import { themeStyles } from '../../core/theme.styles.js';
import { facilitatorStyles } from './sb-facilitator.styles.js';

/** How a skill's trend is shown: a mark for the eye, words for a screen reader. */
const TREND: Record<string, { mark: string; words: string }> = {
  improving: { mark: '↑', words: 'improving' },
  declining: { mark: '↓', words: 'declining' },
  steady: { mark: '→', words: 'steady' },
};

/** A change the facilitator asked for and is confirming (or waiting on). */
type PendingAction =
  | { kind: 'remove'; cohortId: string; cohortName: string; lmsLinked: boolean; learner: CohortLearner }
  | { kind: 'cancel'; cohortId: string; learner: CohortLearner; assignment: CohortAssignment };

const drillTitle = (a: CohortAssignment) => a.title || 'this drill';

/**
 * @summary Cohort overview (learners x skills), drill completion, and assigning drills.
 *
 * @attr api-base - the server's origin
 * @attr token - bearer token for a facilitator
 * @attr cohort - the cohort to show first (otherwise the first one)
 * @attr read-only - show the view without the assign form and the remove and cancel buttons
 * @attr theme - `light`, `dark` or `auto`
 *
 * @fires sb-assignment-created - detail: { drillId, cohortId, dueAt }
 * @fires sb-learner-removed - detail: { cohortId, learnerId, cancelledAssignmentIds }
 * @fires sb-assignment-cancelled - detail: { assignmentId, learnerId, drillId, cohortId }
 * @fires sb-error - a request failed
 * @fires sb-auth-expired - the token was rejected
 *
 * @csspart overview - the learners x skills table
 * @csspart level - a level badge
 * @csspart completion - the drill completion list
 * @csspart assign-form - the assignment form
 * @csspart assign-button - its submit button
 * @csspart csv-button - "Download progress (CSV)"
 * @csspart lms-note - the line saying an LMS course feeds the cohort
 * @csspart learners - the list of learners with their drills and actions
 * @csspart learner - one learner in it
 * @csspart remove-button - a learner's "Remove from cohort"
 * @csspart cancel-button - an assignment's "Cancel assignment"
 * @csspart confirm-dialog - the confirmation dialog
 * @csspart confirm-button - its button that goes ahead
 * @csspart keep-button - its button that changes nothing
 * @csspart announcement - the status line saying what was just done
 * @csspart error - the failure message
 * @csspart retry-button - its Retry
 */
export class SbFacilitator extends SbElement {
  static styles = [themeStyles, facilitatorStyles];

  @property() cohort = '';
  /**
   * The facilitator view for a host that only wants to show it: no assign form, no "Remove from
   * cohort" or "Cancel assignment", so nothing in it changes data. Everything else is as usual.
   */
  @property({ type: Boolean, reflect: true, attribute: 'read-only' }) readOnly = false;

  @state() private cohorts: Cohort[] | null = null;
  @state() private learners: CohortLearner[] | null = null;
  @state() private drills: DrillSummary[] = [];
  @state() private unavailable = false;
  @state() private assigning = false;
  @state() private downloading = false;
  @state() private notice = '';
  /** the removal or cancellation being confirmed, or in flight */
  @state() private pending: PendingAction | null = null;
  @state() private busy = false;
  /** why the pending change failed, shown in the dialog */
  @state() private actionFailure: FailureView | null = null;
  @state() private actionGone = false;
  /** the result of the last change, for the live region */
  @state() private announcement = '';

  @query('dialog') private dialog!: HTMLDialogElement | null;

  protected willUpdate(changed: PropertyValues<this>): void {
    // nothing to ask before there is a token; a new token or server means asking again
    if (this.token && (changed.has('token') || changed.has('apiBase'))) void this.load();
    // turned read-only while a change was being confirmed: drop it (one already sent still settles)
    if (changed.has('readOnly') && this.readOnly && !this.busy) this.dialog?.close();
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
    this.announcement = '';
    try {
      const { cohort, learners } = await this.api.getCohortProgress(id);
      if (id !== this.cohort) return;
      // the progress answer is the newest word on the cohort (renamed, or linked to a course, since the list was read)
      if (cohort && this.cohorts) this.cohorts = this.cohorts.map((c) => (c.id === cohort.id ? { ...c, ...cohort } : c));
      this.learners = learners;
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

  /**
   * Saves the cohort's progress as the API's CSV. Fetched with the token and handed to the browser
   * as a file, since a plain link to the CSV route could not carry the bearer token.
   */
  private downloadCsv = async (): Promise<void> => {
    if (this.downloading || !this.cohort) return;
    this.downloading = true;
    this.clearFailure();
    try {
      const url = URL.createObjectURL(await this.api.cohortProgressCsv(this.cohort));
      const a = document.createElement('a');
      a.href = url;
      // the name the server gives it in content-disposition (not readable cross-origin)
      a.download = `${this.cohortName().replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'cohort'}-progress.csv`;
      a.click();
      // the download has its own copy once it has started
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      this.fail(err, () => void this.downloadCsv());
    } finally {
      this.downloading = false;
    }
  };

  private current(): Cohort | undefined {
    return this.cohorts?.find((c) => c.id === this.cohort);
  }

  private cohortName(): string {
    return this.current()?.name ?? 'the cohort';
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
        ${this.cohorts.length
          ? html`<button type="button" class="btn" part="csv-button" aria-disabled=${this.downloading ? 'true' : 'false'} @click=${this.downloadCsv}>
              ${this.downloading ? 'Downloading…' : 'Download progress (CSV)'}
            </button>`
          : nothing}
      </div>
      ${this.current()?.lmsLinked ? html`<p class="muted" part="lms-note">${LMS_COHORT_NOTE}</p>` : nothing}
      ${this.cohorts.length === 0 ? html`<p>You have no cohorts yet.</p>` : this.renderOverview()}
      ${this.cohorts.length ? this.renderCompletion() : nothing} ${this.cohorts.length && !this.readOnly ? this.renderAssign() : nothing}
      ${this.cohorts.length ? this.renderManage() : nothing} ${this.renderConfirm()}`;
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

  /** Per learner: their drills with "Cancel assignment", and "Remove from cohort". */
  private renderManage() {
    if (!this.learners) return nothing;
    return html`<section aria-labelledby="manage-heading">
      <h3 id="manage-heading" tabindex="-1">Learners and their drills</h3>
      <p class="notice" role="status" part="announcement">${this.announcement}</p>
      ${this.learners.length === 0
        ? nothing /* the overview above already says the cohort is empty; the heading stays as the focus target after the last removal */
        : html`<ul class="people" part="learners">
            ${repeat(
              this.learners,
              (l) => l.id,
              (l) => html`<li class="person" part="learner">
                <div class="person-head">
                  <h4 id="l-${l.id}" tabindex="-1">${l.name}</h4>
                  ${this.readOnly
                    ? nothing
                    : html`<button type="button" class="btn danger" part="remove-button" aria-label="Remove from cohort: ${l.name}" @click=${() => this.ask({ kind: 'remove', cohortId: this.cohort, cohortName: this.cohortName(), lmsLinked: Boolean(this.current()?.lmsLinked), learner: l })}>
                        Remove from cohort
                      </button>`}
                </div>
                ${l.assignments?.length
                  ? html`<ul class="drill-list">
                      ${repeat(
                        l.assignments,
                        (a) => a.id,
                        (a) => html`<li>
                          <span class="drill-title">${drillTitle(a)}</span>
                          <span class="muted">${STATUS_LABELS[a.status] ?? a.status}${a.dueAt ? `, due ${formatDate(a.dueAt)}` : ''}${a.cohortId === null ? ', assigned directly' : a.cohortId && a.cohortId !== this.cohort ? ', through another cohort' : ''}</span>
                          ${this.readOnly
                            ? nothing
                            : html`<button type="button" id="a-${a.id}" class="btn small" part="cancel-button" aria-label="Cancel assignment: ${drillTitle(a)} for ${l.name}" @click=${() => this.ask({ kind: 'cancel', cohortId: this.cohort, learner: l, assignment: a })}>
                                Cancel assignment
                              </button>`}
                        </li>`,
                      )}
                    </ul>`
                  : html`<p class="muted">No drills assigned.</p>`}
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private async ask(action: PendingAction): Promise<void> {
    if (this.busy || this.readOnly) return;
    this.pending = action;
    this.actionFailure = null;
    this.actionGone = false;
    await this.updateComplete;
    if (!this.dialog?.open) this.dialog?.showModal();
  }

  /** What the dialog says: plainly what goes and what stays. */
  private renderConfirm() {
    const p = this.pending;
    const remove = p?.kind === 'remove';
    const verb = remove ? (this.busy ? 'Removing…' : 'Remove from cohort') : this.busy ? 'Cancelling…' : 'Cancel assignment';
    return html`<dialog part="confirm-dialog" aria-labelledby="confirm-heading" aria-describedby="confirm-body" @cancel=${(e: Event) => this.busy && e.preventDefault()} @close=${this.onDialogClose}>
      ${p
        ? html`<h3 id="confirm-heading">${p.kind === 'remove' ? `Remove ${p.learner.name} from ${p.cohortName}?` : `Cancel “${drillTitle(p.assignment)}” for ${p.learner.name}?`}</h3>
            <div id="confirm-body">${p.kind === 'remove' ? this.removalWords(p) : this.cancelWords(p)}</div>
            ${renderFailure(this.actionFailure)}
            <div class="dialog-actions">
              <button type="button" class="btn" part="keep-button" autofocus @click=${() => !this.busy && this.dialog?.close()} aria-disabled=${this.busy ? 'true' : 'false'}>
                ${this.actionFailure ? 'Close' : remove ? 'Keep in cohort' : 'Keep assignment'}
              </button>
              ${this.actionGone
                ? html`<button type="button" class="btn" @click=${this.reloadAfterGone}>Reload the cohort</button>`
                : this.actionFailure && !this.actionFailure.retryable
                  ? nothing
                  : html`<button type="button" class="btn danger-solid" part="confirm-button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.confirm}>${verb}</button>`}
            </div>`
        : nothing}
    </dialog>`;
  }

  private removalWords(p: Extract<PendingAction, { kind: 'remove' }>) {
    const all = p.learner.assignments ?? [];
    const going = all.filter((a) => a.cohortId === p.cohortId);
    const staying = all.filter((a) => a.cohortId !== p.cohortId);
    return html`<p>${p.learner.name} leaves this cohort and its overview. Their sessions and progress stay theirs.</p>
      ${going.length
        ? html`<p>These drills were assigned through ${p.cohortName} and will be cancelled:</p>
            <ul>
              ${going.map((a) => html`<li>${drillTitle(a)}</li>`)}
            </ul>`
        : html`<p>No drills were assigned to them through this cohort.</p>`}
      ${staying.length ? html`<p>Drills assigned to them in other ways stay: ${staying.map(drillTitle).join(', ')}.</p>` : nothing}
      ${p.lmsLinked ? html`<p class="muted">${lmsRemovalNote(p.learner.name)}</p>` : nothing}`;
  }

  private cancelWords(p: Extract<PendingAction, { kind: 'cancel' }>) {
    const n = p.assignment.attempts ?? 0;
    return html`<p>
        The drill leaves ${p.learner.name}'s list and this overview. The sessions they practised on it stay in their progress${n ? ` (${n} ${n === 1 ? 'attempt' : 'attempts'} so far)` : ''}.
      </p>
      <p>Assigning it again later starts a fresh attempt count.</p>`;
  }

  private onDialogClose = (): void => {
    if (this.busy) return;
    this.pending = null;
    this.actionFailure = null;
    this.actionGone = false;
  };

  /** Sends the confirmed change once; on success updates the list as the server did, moves focus and announces it. */
  private confirm = async (): Promise<void> => {
    const p = this.pending;
    if (!p || this.busy || this.readOnly) return;
    this.busy = true;
    this.actionFailure = null;
    try {
      if (p.kind === 'remove') await this.api.removeFromCohort(p.cohortId, p.learner.id);
      else await this.api.cancelAssignment(p.assignment.id);
    } catch (err) {
      // nothing on screen changes: the dialog says what the server answered
      // (the confirm button stays as the retry when trying again can help)
      const shown = this.report(err);
      this.actionGone = err instanceof ApiProblem && err.status === 404;
      const lead = p.kind === 'remove' ? `${p.learner.name} was not removed` : `“${drillTitle(p.assignment)}” was not cancelled`;
      // a 404 means it is gone already: say that by name rather than with the server's wording
      const gone = p.kind === 'remove' ? `they are no longer in ${p.cohortName}` : `it is no longer on ${p.learner.name}’s list`;
      const message = this.actionGone ? `${lead}: ${gone}. It may have changed elsewhere (another tab, or a colleague): reload the cohort to see where things stand.` : `${lead}. ${shown.message}`;
      this.actionFailure = { ...shown, message };
      this.busy = false;
      if (!this.dialog?.open) {
        // the dialog was closed meanwhile (a browser may let a second Escape through): say it in the usual place
        this.failure = this.actionFailure;
        this.pending = null;
        this.actionFailure = null;
        return;
      }
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="keep-button"]')?.focus();
      return;
    }
    this.busy = false;
    const here = p.cohortId === this.cohort && this.learners;
    let focusTarget = '#manage-heading';
    if (p.kind === 'remove') {
      if (here) {
        const list = this.learners!;
        const i = list.findIndex((l) => l.id === p.learner.id);
        const next = list[i + 1] ?? list[i - 1];
        if (next) focusTarget = `#l-${next.id}`;
        this.learners = list.filter((l) => l.id !== p.learner.id);
      }
      const cancelled = (p.learner.assignments ?? []).filter((a) => a.cohortId === p.cohortId).map((a) => a.id);
      const drills = cancelled.length === 1 ? '1 drill assigned through it was' : `${cancelled.length} drills assigned through it were`;
      this.announcement = `${p.learner.name} was removed from ${p.cohortName}${cancelled.length ? `, and ${drills} cancelled` : ''}. Their sessions and progress stay.`;
      this.emit('sb-learner-removed', { cohortId: p.cohortId, learnerId: p.learner.id, cancelledAssignmentIds: cancelled });
    } else {
      if (here) {
        const mine = p.learner.assignments ?? [];
        const j = mine.findIndex((a) => a.id === p.assignment.id);
        const next = mine[j + 1] ?? mine[j - 1];
        focusTarget = next ? `#a-${next.id}` : `#l-${p.learner.id}`;
        this.learners = this.learners!.map((l) => (l.id === p.learner.id ? { ...l, assignments: mine.filter((a) => a.id !== p.assignment.id) } : l));
      }
      this.announcement = `“${drillTitle(p.assignment)}” was cancelled for ${p.learner.name}. Their sessions on it stay in their progress.`;
      this.emit('sb-assignment-cancelled', { assignmentId: p.assignment.id, learnerId: p.learner.id, drillId: p.assignment.drillId ?? null, cohortId: p.cohortId });
    }
    this.dialog?.close();
    this.pending = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(focusTarget)?.focus();
  };

  /** After a 404 (changed elsewhere): read the cohort again, so the list shows what the server has. */
  private reloadAfterGone = async (): Promise<void> => {
    this.dialog?.close();
    await this.loadCohort();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#manage-heading')?.focus();
  };
}
