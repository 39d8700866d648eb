/**
 * @module components/sb-facilitator/component
 * A facilitator's view of one cohort: who needs attention and why first, the cohort's picture
 * per skill, learners x skills (level, with readiness to partner; "No sessions yet" for those who
 * have not practised), a learner's sessions read-only, drill completion, a form to assign a drill
 * to the cohort, and each learner's drills with
 * "Cancel assignment" and "Remove from cohort" (each confirmed in a modal dialog that says what
 * goes and what stays). With `read-only` the same view has nothing that changes data. Tolerates a
 * server without the facilitator API yet (404): it says so instead of showing an empty table.
 * What the server knows lives in `CohortController`; the screens are drawn by `cohort-views` and
 * `learner-sessions-view`; this element keeps the actions (assign, CSV, remove, cancel).
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Cohort, SessionListItem } from '../../core/api-types.js';
import { renderFailure } from '../../core/failure-view.js';
import { LMS_COHORT_NOTE } from '../../core/labels.js';
import { ApiProblem } from '../../core/problem.js';
import { SbElement, type FailureView } from '../../core/sb-element.js';
import { themeStyles } from '../../core/theme.styles.js';
import { recordTableStyles, toolbarStyles } from '../../core/records.styles.js';
import { CohortController } from './cohort-controller.js';
import {
  cancelWords,
  drillTitle,
  removalWords,
  renderManage,
  type PendingAction,
} from './manage-view.js';
import {
  renderAttention,
  renderCompletion,
  renderOverview,
  renderSkillPicture,
} from './cohort-views.js';
import { renderLearnerSessions } from './learner-sessions-view.js';
import { cohortViewStyles, facilitatorStyles } from './sb-facilitator.styles.js';

/**
 * @summary Who needs attention and why, the cohort by skill, learners x skills, drills, and assigning them.
 * @tagname sb-facilitator
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
 * @csspart attention - "Needs your attention": learners and why
 * @csspart skill-picture - the cohort's levels per skill, one small chart each
 * @csspart learner-sessions - a learner's sessions, read-only
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
  static styles = [
    themeStyles,
    toolbarStyles,
    recordTableStyles,
    facilitatorStyles,
    cohortViewStyles,
  ];

  @property() cohort = '';
  /**
   * The facilitator view for a host that only wants to show it: no assign form, no "Remove from
   * cohort" or "Cancel assignment", so nothing in it changes data. Everything else is as usual.
   */
  @property({ type: Boolean, reflect: true, attribute: 'read-only' }) readOnly = false;

  private readonly data = new CohortController(this, {
    api: () => this.api,
    report: (err, retry) => this.report(err, retry),
    wanted: () => this.cohort,
  });
  /** the learner whose sessions are open (read-only), their sessions and the one shown */
  @state() private viewing: { id: string; name: string } | null = null;
  @state() private viewingSessions: SessionListItem[] | null = null;
  @state() private viewingSession: string | null = null;
  private scenarioTitles: Record<string, string> = {};
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
    // a host choosing another cohort
    if (
      changed.has('cohort') &&
      this.data.cohorts &&
      this.cohort &&
      this.cohort !== this.data.cohort
    )
      this.data.select(this.cohort);
    // turned read-only while a change was being confirmed: drop it (one already sent still settles)
    if (changed.has('readOnly') && this.readOnly && !this.busy) this.dialog?.close();
  }

  /** Reads the cohorts and the one in view again. */
  async load(): Promise<void> {
    this.clearFailure();
    await this.data.load();
  }

  private async loadCohort(): Promise<void> {
    this.announcement = '';
    await this.data.loadCohort();
  }

  /** Opens a learner's sessions, read-only, newest first with the newest shown. */
  private openLearner = async (id: string): Promise<void> => {
    const l =
      this.data.learners?.find((x) => x.id === id) ?? this.data.attention.find((x) => x.id === id);
    if (!l) return;
    this.viewing = { id, name: l.name };
    this.viewingSessions = null;
    this.viewingSession = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#learner-heading')?.focus();
    try {
      const [{ sessions }, scenarios] = await Promise.all([
        this.api.learnerSessions(this.data.cohort, id),
        this.api.listScenarios().catch(() => ({ scenarios: [] })),
      ]);
      if (this.viewing?.id !== id) return;
      this.scenarioTitles = Object.fromEntries(scenarios.scenarios.map((x) => [x.id, x.title]));
      this.viewingSessions = sessions;
      this.viewingSession = sessions.find((x) => x.status === 'ended')?.id ?? null;
    } catch (err) {
      this.viewing = null;
      this.fail(err, () => void this.openLearner(id));
    }
  };

  private closeLearner = async (): Promise<void> => {
    this.viewing = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#attention-heading')?.focus();
  };

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
      await this.api.assignDrill({ drillId, cohortId: this.data.cohort, dueAt });
      const title = this.data.drills.find((d) => d.id === drillId)?.title ?? 'The drill';
      this.notice = `${title} was assigned to ${this.cohortName()}, due ${due}.`;
      this.emit('sb-assignment-created', { drillId, cohortId: this.data.cohort, dueAt });
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
    if (this.downloading || !this.data.cohort) return;
    this.downloading = true;
    this.clearFailure();
    try {
      const url = URL.createObjectURL(await this.api.cohortProgressCsv(this.data.cohort));
      const a = document.createElement('a');
      a.href = url;
      // the name the server gives it in content-disposition (not readable cross-origin)
      a.download = `${
        this.cohortName()
          .replace(/[^A-Za-z0-9._-]+/g, '-')
          .replace(/^-+|-+$/g, '') || 'cohort'
      }-progress.csv`;
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
    return this.data.current();
  }

  private cohortName(): string {
    return this.data.cohortName();
  }

  render() {
    const d = this.data;
    if (d.unavailable)
      return html`<h2>Cohort overview</h2><p>The facilitator features are not available on this server yet.</p>`;
    const failure = this.failure ?? d.failure;
    if (!d.cohorts)
      return html`${renderFailure(failure)}${failure ? nothing : html`<p class="loading" role="status">Loading cohorts…</p>`}`;
    const has = d.cohorts.length > 0;
    return html`<h2>Cohort overview</h2>
      ${renderFailure(failure)}
      <div class="toolbar">
        <div class="field">
          <label for="cohort">Cohort</label>
          <select
            id="cohort"
            .value=${d.cohort}
            @change=${(e: Event) => {
              this.viewing = null;
              this.announcement = '';
              d.select((e.target as HTMLSelectElement).value);
            }}
          >
            ${d.cohorts.map((c) => html`<option value=${c.id} ?selected=${c.id === d.cohort}>${c.name}</option>`)}
          </select>
        </div>
        ${
          has
            ? html`<button type="button" class="btn" part="csv-button" aria-disabled=${this.downloading ? 'true' : 'false'} @click=${this.downloadCsv}>
              ${this.downloading ? 'Downloading…' : 'Download progress (CSV)'}
            </button>`
            : nothing
        }
      </div>
      ${this.current()?.lmsLinked ? html`<p class="muted" part="lms-note">${LMS_COHORT_NOTE}</p>` : nothing}
      ${!has ? html`<p>You have no cohorts yet.</p>` : this.viewing ? this.renderLearner() : this.renderCohort()}
      ${this.renderConfirm()}`;
  }

  private renderLearner() {
    return renderLearnerSessions({
      learnerName: this.viewing!.name,
      sessions: this.viewingSessions,
      titles: this.scenarioTitles,
      selected: this.viewingSession,
      apiBase: this.apiBase,
      token: this.token,
      theme: this.theme,
      select: (id) => (this.viewingSession = id),
      back: () => void this.closeLearner(),
    });
  }

  private renderCohort() {
    const learners = this.data.learners;
    if (!learners) return html`<p class="loading" role="status">Loading the cohort…</p>`;
    if (learners.length === 0)
      return html`<p>No learners in this cohort yet.</p>${this.readOnly ? nothing : this.renderAssign()}`;
    return html`${renderAttention(this.data.attention, (id) => void this.openLearner(id))}
      ${renderSkillPicture(learners)}
      <section aria-labelledby="overview-heading">
        <h3 id="overview-heading">Learners and skills</h3>
        ${renderOverview(learners, this.cohortName(), (id) => void this.openLearner(id))}
      </section>
      ${renderCompletion(learners, this.data.drills)} ${this.readOnly ? nothing : this.renderAssign()} ${renderManage({ learners: this.data.learners, announcement: this.announcement, readOnly: this.readOnly, cohortId: this.data.cohort, cohortName: this.cohortName(), lmsLinked: Boolean(this.current()?.lmsLinked), ask: (a) => void this.ask(a) })}`;
  }

  private renderAssign() {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    return html`<section aria-labelledby="assign-heading">
      <h3 id="assign-heading">Assign a drill to ${this.cohortName()}</h3>
      ${
        this.data.drills.length === 0
          ? html`<p>No drills are available to assign.</p>`
          : html`<form class="assign" part="assign-form" @submit=${this.assign}>
            <div class="field drill">
              <label for="drill">Drill</label>
              <select id="drill" name="drill" required>
                ${this.data.drills.map((d) => html`<option value=${d.id}>${d.title}</option>`)}
              </select>
            </div>
            <div class="field">
              <label for="due">Due date</label>
              <input id="due" name="due" type="date" required min=${new Date().toISOString().slice(0, 10)} .value=${tomorrow} />
            </div>
            <button type="submit" class="btn primary" part="assign-button" aria-disabled=${this.assigning ? 'true' : 'false'}>
              ${this.assigning ? 'Assigning…' : 'Assign drill'}
            </button>
          </form>`
      }
      <p class="notice" role="status">${this.notice}</p>
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
    const verb = remove
      ? this.busy
        ? 'Removing…'
        : 'Remove from cohort'
      : this.busy
        ? 'Cancelling…'
        : 'Cancel assignment';
    return html`<dialog part="confirm-dialog" aria-labelledby="confirm-heading" aria-describedby="confirm-body" @cancel=${(e: Event) => this.busy && e.preventDefault()} @close=${this.onDialogClose}>
      ${
        p
          ? html`<h3 id="confirm-heading">${p.kind === 'remove' ? `Remove ${p.learner.name} from ${p.cohortName}?` : `Cancel “${drillTitle(p.assignment)}” for ${p.learner.name}?`}</h3>
            <div id="confirm-body">${p.kind === 'remove' ? removalWords(p) : cancelWords(p)}</div>
            ${renderFailure(this.actionFailure)}
            <div class="dialog-actions">
              <button type="button" class="btn" part="keep-button" autofocus @click=${() => !this.busy && this.dialog?.close()} aria-disabled=${this.busy ? 'true' : 'false'}>
                ${this.actionFailure ? 'Close' : remove ? 'Keep in cohort' : 'Keep assignment'}
              </button>
              ${
                this.actionGone
                  ? html`<button type="button" class="btn" @click=${this.reloadAfterGone}>Reload the cohort</button>`
                  : this.actionFailure && !this.actionFailure.retryable
                    ? nothing
                    : html`<button type="button" class="btn danger-solid" part="confirm-button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.confirm}>${verb}</button>`
              }
            </div>`
          : nothing
      }
    </dialog>`;
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
      const lead =
        p.kind === 'remove'
          ? `${p.learner.name} was not removed`
          : `“${drillTitle(p.assignment)}” was not cancelled`;
      // a 404 means it is gone already: say that by name rather than with the server's wording
      const gone =
        p.kind === 'remove'
          ? `they are no longer in ${p.cohortName}`
          : `it is no longer on ${p.learner.name}’s list`;
      const message = this.actionGone
        ? `${lead}: ${gone}. It may have changed elsewhere (another tab, or a colleague): reload the cohort to see where things stand.`
        : `${lead}. ${shown.message}`;
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
    const here = p.cohortId === this.data.cohort && this.data.learners;
    let focusTarget = '#manage-heading';
    if (p.kind === 'remove') {
      if (here) {
        const list = this.data.learners!;
        const i = list.findIndex((l) => l.id === p.learner.id);
        const next = list[i + 1] ?? list[i - 1];
        if (next) focusTarget = `#l-${next.id}`;
        this.data.setLearners(list.filter((l) => l.id !== p.learner.id));
      }
      const cancelled = (p.learner.assignments ?? [])
        .filter((a) => a.cohortId === p.cohortId)
        .map((a) => a.id);
      const drills =
        cancelled.length === 1
          ? '1 drill assigned through it was'
          : `${cancelled.length} drills assigned through it were`;
      this.announcement = `${p.learner.name} was removed from ${p.cohortName}${cancelled.length ? `, and ${drills} cancelled` : ''}. Their sessions and progress stay.`;
      this.emit('sb-learner-removed', {
        cohortId: p.cohortId,
        learnerId: p.learner.id,
        cancelledAssignmentIds: cancelled,
      });
    } else {
      if (here) {
        const mine = p.learner.assignments ?? [];
        const j = mine.findIndex((a) => a.id === p.assignment.id);
        const next = mine[j + 1] ?? mine[j - 1];
        focusTarget = next ? `#a-${next.id}` : `#l-${p.learner.id}`;
        this.data.setLearners(
          this.data.learners!.map((l) =>
            l.id === p.learner.id
              ? { ...l, assignments: mine.filter((a) => a.id !== p.assignment.id) }
              : l,
          ),
        );
      }
      this.announcement = `“${drillTitle(p.assignment)}” was cancelled for ${p.learner.name}. Their sessions on it stay in their progress.`;
      this.emit('sb-assignment-cancelled', {
        assignmentId: p.assignment.id,
        learnerId: p.learner.id,
        drillId: p.assignment.drillId ?? null,
        cohortId: p.cohortId,
      });
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
