/**
 * @module components/sb-facilitator/cohort-views
 * What a facilitator reads first about a cohort: who needs them and why (in plain words), the
 * cohort's picture per skill (a small chart each), the learners x skills table ("No sessions
 * yet" rather than a row of red badges) and how assigned drills are going.
 */
import { html, nothing, svg } from 'lit';
import { SKILLS } from '../../../../api/practice/types.js';
import type { AttentionLearner, CohortLearner, DrillSummary } from '../../core/api-types.js';
import { STATUS_LABELS, levelLabel, skillLabel } from '../../core/labels.js';

/** How a skill's trend is shown: a mark for the eye, words for a screen reader. */
const TREND: Record<string, { mark: string; words: string }> = {
  improving: { mark: '↑', words: 'improving' },
  declining: { mark: '↓', words: 'declining' },
  steady: { mark: '→', words: 'steady' },
};

const KIND_ORDER = { overdue: 0, stalled: 1, below_fair: 2, declining: 3 } as const;
const KIND_WORDS = {
  overdue: 'Overdue drill',
  stalled: 'Not practising',
  below_fair: 'Stuck below Fair',
  declining: 'Slipping',
} as const;

/** Whether a learner has any ended session on record. */
export function hasPractised(l: CohortLearner): boolean {
  if (typeof l.sessions === 'number') return l.sessions > 0;
  return Object.values(l.skills ?? {}).some((s) => s?.level);
}

function sentence(s: string): string {
  const t = s.trim();
  return t.charAt(0).toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.');
}

export function renderAttention(list: AttentionLearner[], open: (id: string) => void) {
  const sorted = [...list].sort(
    (a, b) =>
      Math.min(...a.items.map((i) => KIND_ORDER[i.kind] ?? 9)) -
      Math.min(...b.items.map((i) => KIND_ORDER[i.kind] ?? 9)),
  );
  return html`<section class="attention" part="attention" aria-labelledby="attention-heading">
    <h3 id="attention-heading">Needs your attention</h3>
    ${
      sorted.length === 0
        ? html`<p class="all-clear">Nobody needs you right now: no overdue drills, nobody stuck or out of practice.</p>`
        : html`<ul class="attention-list">
          ${sorted.map(
            (l) => html`<li class="attention-item">
              <div>
                <strong>${l.name}</strong>
                <ul class="why">
                  ${[...l.items]
                    .sort((a, b) => (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9))
                    .map(
                      (i) =>
                        html`<li><span class="kind ${i.kind}">${KIND_WORDS[i.kind] ?? i.kind}</span> ${sentence(i.detail)}</li>`,
                    )}
                </ul>
              </div>
              <button type="button" class="btn small" aria-label="Open ${l.name}’s sessions" @click=${() => open(l.id)}>Sessions</button>
            </li>`,
          )}
        </ul>`
    }
  </section>`;
}

/** Per skill, how many learners are at each level (a stacked bar), and how many have not practised. */
export function renderSkillPicture(learners: CohortLearner[]) {
  const practised = learners.filter(hasPractised);
  const waiting = learners.length - practised.length;
  return html`<section aria-labelledby="picture-heading">
    <h3 id="picture-heading">The cohort by skill</h3>
    <ul class="picture" part="skill-picture">
      ${SKILLS.map((skill) => {
        const counts = { good: 0, fair: 0, not_yet: 0 };
        for (const l of practised) {
          const level = l.skills?.[skill]?.level;
          if (level) counts[level]++;
        }
        const total = Math.max(learners.length, 1);
        let x = 0;
        const seg = (n: number, cls: string) => {
          const w = (n / total) * 100;
          const r = n
            ? svg`<rect class="seg ${cls}" x=${x} y="0" width=${w} height="14"></rect>`
            : nothing;
          x += w;
          return r;
        };
        const words = `${counts.good} Good, ${counts.fair} Fair, ${counts.not_yet} Not yet${waiting ? `, ${waiting} no sessions yet` : ''}`;
        return html`<li class="picture-item">
          <span class="picture-name">${skillLabel(skill)}</span>
          <svg viewBox="0 0 100 14" preserveAspectRatio="none" aria-hidden="true" focusable="false">
            ${seg(counts.good, 'good')}${seg(counts.fair, 'fair')}${seg(counts.not_yet, 'not_yet')}${seg(waiting, 'none')}
          </svg>
          <span class="picture-counts">${words}</span>
        </li>`;
      })}
    </ul>
    <p class="legend muted">
      <span class="key good" aria-hidden="true"></span> Good <span class="key fair" aria-hidden="true"></span> Fair
      <span class="key not_yet" aria-hidden="true"></span> Not yet <span class="key none" aria-hidden="true"></span> No sessions yet
    </p>
  </section>`;
}

export function renderOverview(
  learners: CohortLearner[],
  cohortName: string,
  open: (id: string) => void,
) {
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="Learners and skills">
      <table part="overview" role="table">
        <caption class="sr-only">Skill levels of each learner in ${cohortName}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">Learner</th>
            ${SKILLS.map((s) => html`<th scope="col" role="columnheader">${skillLabel(s)}</th>`)}
            <th scope="col" role="columnheader">Ready to partner</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${learners.map((l) => renderRow(l, open))}
        </tbody>
      </table>
    </div>
    <p class="legend muted"><span class="level none tentative" aria-hidden="true">Dashed</span> a level from few sessions so far; ↑ improving, → steady, ↓ declining.</p>`;
}

function renderRow(l: CohortLearner, open: (id: string) => void) {
  const practised = hasPractised(l);
  return html`<tr role="row">
    <th scope="row" role="rowheader">
      <span class="learner-name">${l.name}</span>
      ${
        practised
          ? html`<button type="button" class="link" aria-label="Open ${l.name}’s sessions" @click=${() => open(l.id)}>Sessions</button>`
          : nothing
      }
    </th>
    ${
      practised
        ? SKILLS.map((s) => {
            const cell = l.skills?.[s];
            const level = cell?.level ?? null;
            const trend = TREND[String(cell?.trend ?? '')];
            return html`<td role="cell" data-label=${skillLabel(s)}>
            <span class="level ${level ?? 'none'} ${cell?.confidence === 'low' ? 'tentative' : ''}" part="level">${levelLabel(level)}</span>
            ${trend ? html`<span class="trend" aria-hidden="true">${trend.mark}</span><span class="sr-only">, ${trend.words}</span>` : nothing}
            ${cell?.confidence === 'low' ? html`<span class="sr-only">, few sessions so far</span>` : nothing}
          </td>`;
          })
        : html`<td role="cell" class="no-sessions" colspan=${SKILLS.length} data-label="Skills">No sessions yet</td>`
    }
    <td role="cell" data-label="Ready to partner">
      ${
        l.readyToPartner
          ? html`<span class="ready">Yes</span>`
          : !practised
            ? html`<span class="muted">Not yet practised</span>`
            : l.reasons?.length
              ? html`<details class="reasons">
                <summary><span class="not-ready">Not yet</span><span class="sr-only">: why</span></summary>
                <ul>
                  ${l.reasons.map((r) => html`<li>${r}</li>`)}
                </ul>
              </details>`
              : html`<span class="not-ready">Not yet</span>`
      }
    </td>
  </tr>`;
}

/** Per drill: how many learners passed it out of those assigned. */
export function renderCompletion(learners: CohortLearner[], drills: DrillSummary[]) {
  if (!learners.length) return nothing;
  const byDrill = new Map<
    string,
    { title: string; passed: number; total: number; overdue: number }
  >();
  for (const l of learners) {
    for (const a of l.assignments ?? []) {
      const key = a.drillId ?? a.title ?? '?';
      const row = byDrill.get(key) ?? {
        title: a.title ?? drills.find((d) => d.id === a.drillId)?.title ?? key,
        passed: 0,
        total: 0,
        overdue: 0,
      };
      row.total++;
      if (a.status === 'passed') row.passed++;
      if (a.status === 'overdue') row.overdue++;
      byDrill.set(key, row);
    }
  }
  return html`<section aria-labelledby="completion-heading">
    <h3 id="completion-heading">Drill completion</h3>
    ${
      byDrill.size === 0
        ? html`<p>No drills assigned in this cohort yet.</p>`
        : html`<ul class="completion" part="completion">
          ${[...byDrill.values()].map(
            (d) => html`<li>
              <strong>${d.title}</strong>: ${d.passed} of ${d.total} passed${d.overdue ? html`, ${d.overdue} ${STATUS_LABELS.overdue.toLowerCase()}` : nothing}
              <meter min="0" max=${d.total} value=${d.passed} aria-label="${d.title}: ${d.passed} of ${d.total} passed"></meter>
            </li>`,
          )}
        </ul>`
    }
  </section>`;
}
