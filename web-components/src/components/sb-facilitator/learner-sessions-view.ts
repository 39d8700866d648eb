/**
 * @module components/sb-facilitator/learner-sessions-view
 * One learner's sessions for their facilitator, read-only: the list (date, scenario, how many
 * skills at Good, a drill's result) and the chosen session's scorecard and transcript in a
 * read-only `<sb-scorecard>`. Nothing here changes data.
 */
import { html, nothing } from 'lit';
import type { SessionListItem } from '../../core/api-types.js';
import { formatDate } from '../../core/labels.js';
import '../sb-scorecard/sb-scorecard.js';

export interface LearnerSessionsState {
  learnerName: string;
  sessions: SessionListItem[] | null;
  titles: Record<string, string>;
  selected: string | null;
  apiBase: string;
  token: string;
  theme: string;
  select(id: string): void;
  back(): void;
}

function summary(s: SessionListItem): string {
  if (s.status !== 'ended' || !s.levels) return 'Not finished';
  const levels = Object.values(s.levels);
  const good = levels.filter((l) => l === 'good').length;
  const drill =
    s.drillPassed === true ? ', drill passed' : s.drillPassed === false ? ', drill not passed' : '';
  return `${good} of ${levels.length} skills at Good${drill}`;
}

export function renderLearnerSessions(v: LearnerSessionsState) {
  return html`<section class="learner-view" part="learner-sessions" aria-labelledby="learner-heading">
    <button type="button" class="btn small back" @click=${v.back}>← Back to the cohort</button>
    <h3 id="learner-heading" tabindex="-1">${v.learnerName}: sessions</h3>
    <p class="muted">Read-only: you see what ${v.learnerName} saw, and nothing here changes their record.</p>
    ${
      v.sessions === null
        ? html`<p class="loading" role="status">Loading sessions…</p>`
        : v.sessions.length === 0
          ? html`<p>No sessions yet.</p>`
          : html`<ul class="session-list">
            ${v.sessions.map(
              (s) => html`<li>
                <button type="button" class="session-pick ${v.selected === s.id ? 'on' : ''}" aria-pressed=${v.selected === s.id ? 'true' : 'false'} @click=${() => v.select(s.id)}>
                  <span class="session-title">${v.titles[s.scenarioId ?? ''] ?? s.scenario?.title ?? 'Practice session'}</span>
                  <span class="muted">${formatDate(s.startedAt, true)} · ${summary(s)}</span>
                </button>
              </li>`,
            )}
          </ul>`
    }
    ${
      v.selected
        ? html`<sb-scorecard read-only session=${v.selected} api-base=${v.apiBase} token=${v.token} theme=${v.theme}></sb-scorecard>`
        : nothing
    }
  </section>`;
}
