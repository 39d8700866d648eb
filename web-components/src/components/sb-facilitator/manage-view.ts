/**
 * @module components/sb-facilitator/manage-view
 * Each learner's drills with "Cancel assignment" and "Remove from cohort", and the words the
 * confirmation dialog says: plainly what goes and what stays. The element owns the actions.
 */
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { CohortAssignment, CohortLearner } from '../../core/api-types.js';
import { STATUS_LABELS, formatDate, lmsRemovalNote } from '../../core/labels.js';

/** A change the facilitator asked for and is confirming (or waiting on). */
export type PendingAction =
  | {
      kind: 'remove';
      cohortId: string;
      cohortName: string;
      lmsLinked: boolean;
      learner: CohortLearner;
    }
  | { kind: 'cancel'; cohortId: string; learner: CohortLearner; assignment: CohortAssignment };

export const drillTitle = (a: CohortAssignment) => a.title || 'this drill';

export interface ManageView {
  learners: CohortLearner[] | null;
  announcement: string;
  readOnly: boolean;
  cohortId: string;
  cohortName: string;
  lmsLinked: boolean;
  ask(action: PendingAction): void;
}

/** Per learner: their drills with "Cancel assignment", and "Remove from cohort" (unless read-only). */
export function renderManage(v: ManageView) {
  if (!v.learners) return nothing;
  return html`<section aria-labelledby="manage-heading">
    <h3 id="manage-heading" tabindex="-1">Learners and their drills</h3>
    <p class="notice" role="status" part="announcement">${v.announcement}</p>
    ${
      v.learners.length === 0
        ? nothing /* the overview above already says the cohort is empty; the heading stays as the focus target after the last removal */
        : html`<ul class="people" part="learners">
          ${repeat(
            v.learners,
            (l) => l.id,
            (l) => html`<li class="person" part="learner">
              <div class="person-head">
                <h4 id="l-${l.id}" tabindex="-1">${l.name}</h4>
                ${
                  v.readOnly
                    ? nothing
                    : html`<button type="button" class="btn danger" part="remove-button" aria-label="Remove from cohort: ${l.name}" @click=${() => v.ask({ kind: 'remove', cohortId: v.cohortId, cohortName: v.cohortName, lmsLinked: v.lmsLinked, learner: l })}>
                      Remove from cohort
                    </button>`
                }
              </div>
              ${
                l.assignments?.length
                  ? html`<ul class="drill-list">
                    ${repeat(
                      l.assignments,
                      (a) => a.id,
                      (a) => html`<li>
                        <span class="drill-title">${drillTitle(a)}</span>
                        <span class="muted">${STATUS_LABELS[a.status] ?? a.status}${a.dueAt ? `, due ${formatDate(a.dueAt)}` : ''}${a.cohortId === null ? ', assigned directly' : a.cohortId && a.cohortId !== v.cohortId ? ', through another cohort' : ''}</span>
                        ${
                          v.readOnly
                            ? nothing
                            : html`<button type="button" id="a-${a.id}" class="btn small" part="cancel-button" aria-label="Cancel assignment: ${drillTitle(a)} for ${l.name}" @click=${() => v.ask({ kind: 'cancel', cohortId: v.cohortId, learner: l, assignment: a })}>
                              Cancel assignment
                            </button>`
                        }
                      </li>`,
                    )}
                  </ul>`
                  : html`<p class="muted">No drills assigned.</p>`
              }
            </li>`,
          )}
        </ul>`
    }
  </section>`;
}

/** What removing a learner takes away and leaves: said before it happens. */
export function removalWords(p: Extract<PendingAction, { kind: 'remove' }>) {
  const all = p.learner.assignments ?? [];
  const going = all.filter((a) => a.cohortId === p.cohortId);
  const staying = all.filter((a) => a.cohortId !== p.cohortId);
  return html`<p>${p.learner.name} leaves this cohort and its overview. Their sessions and progress stay theirs.</p>
    ${
      going.length
        ? html`<p>These drills were assigned through ${p.cohortName} and will be cancelled:</p>
          <ul>
            ${going.map((a) => html`<li>${drillTitle(a)}</li>`)}
          </ul>`
        : html`<p>No drills were assigned to them through this cohort.</p>`
    }
    ${staying.length ? html`<p>Drills assigned to them in other ways stay: ${staying.map(drillTitle).join(', ')}.</p>` : nothing}
    ${p.lmsLinked ? html`<p class="muted">${lmsRemovalNote(p.learner.name)}</p>` : nothing}`;
}

/** What cancelling an assignment takes away and leaves. */
export function cancelWords(p: Extract<PendingAction, { kind: 'cancel' }>) {
  const n = p.assignment.attempts ?? 0;
  return html`<p>
      The drill leaves ${p.learner.name}'s list and this overview. The sessions they practised on it stay in their progress${n ? ` (${n} ${n === 1 ? 'attempt' : 'attempts'} so far)` : ''}.
    </p>
    <p>Assigning it again later starts a fresh attempt count.</p>`;
}
