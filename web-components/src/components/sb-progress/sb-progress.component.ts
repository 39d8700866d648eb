/**
 * @module components/sb-progress/component
 * The learner's per-skill progress over time: one small chart per skill with the Fair and Good
 * thresholds and the level bands behind the line, filterable by scenario difficulty (scores move
 * with the scenario, so like is compared with like); sessions without enough evidence for a skill
 * are left out. Each chart is followed by its numbers as a table for screen readers (and all the
 * numbers in one table for anyone who opens it), the current level, and the skill to practise next.
 */
import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SkillProgress } from '../../core/api-types.js';
import { DIFFICULTY, difficultyLabel } from '../../core/labels.js';
import { thresholdsOf } from '../../core/levels.js';
import { renderFailure } from '../../core/failure-view.js';
import { formatDate, levelLabel, skillLabel } from '../../core/labels.js';
import { SbElement } from '../../core/sb-element.js';
import { themeStyles } from '../../core/theme.styles.js';
import {
  DEFAULT_BOX,
  chartGeometry,
  describeProgress,
  levelBands,
  plottable,
  practiseNext,
} from './progress-chart.js';
import { progressStyles } from './sb-progress.styles.js';

/**
 * @summary Per-skill progress charts, current levels and what to practise next.
 * @tagname sb-progress
 *
 * @attr api-base - the server's origin
 * @attr token - bearer token for the learner
 * @attr theme - `light`, `dark` or `auto`
 * @prop skills - progress to show without fetching (`GET /api/me/progress` shape)
 *
 * @fires sb-error - a load failed
 * @fires sb-auth-expired - the token was rejected
 *
 * @csspart next - the "practise next" card
 * @csspart skill - one skill card
 * @csspart chart - a skill's SVG chart
 * @csspart level - a level badge
 * @csspart table - the data table
 * @csspart filter - the difficulty filter
 * @csspart error - the failure message
 * @csspart retry-button - its Retry
 *
 * @cssprop --sb-color-accent - the chart line
 * @cssprop --sb-color-good, --sb-color-fair, --sb-color-not-yet - the points, by level
 */
export class SbProgress extends SbElement {
  static styles = [themeStyles, progressStyles];

  @property({ attribute: false }) skills: SkillProgress[] | null = null;
  /** scenario difficulty by session id, from the learner's session list */
  @property({ attribute: false }) difficulties: Record<string, string> = {};
  @state() private loading = false;
  @state() private difficulty = 'all';

  protected willUpdate(changed: PropertyValues<this>): void {
    // given data is shown as is; otherwise fetch on first render and whenever the credentials change
    const given = !this.hasUpdated && this.skills;
    if (!given && this.token && (changed.has('token') || changed.has('apiBase'))) void this.load();
  }

  /** Fetches the learner's progress again (for example after a session ended). */
  async load(): Promise<void> {
    this.loading = true;
    this.clearFailure();
    try {
      const [progress, list] = await Promise.all([
        this.api.getProgress(),
        // the filter is a help: without the session list, every session shows under "All"
        this.api.listSessions().catch(() => ({ sessions: [] })),
      ]);
      this.difficulties = Object.fromEntries(
        list.sessions
          .filter((x) => x.scenario?.difficulty)
          .map((x) => [x.id, x.scenario!.difficulty]),
      );
      this.skills = progress.skills;
    } catch (err) {
      this.fail(err, () => void this.load());
    } finally {
      this.loading = false;
    }
  }

  /** The skills with only the sessions to plot (evidence, difficulty). */
  private shown(): SkillProgress[] {
    const of = (id: string) => this.difficulties[id];
    return this.skills!.map((p) => ({ ...p, history: plottable(p.history, of, this.difficulty) }));
  }

  render() {
    if (this.failure) return renderFailure(this.failure);
    if (!this.skills) return html`<p class="loading" role="status">Loading your progress…</p>`;
    const practised = this.skills.some((s) => s.history.some((h) => h.level));
    const next = practiseNext(
      this.skills.map((p) => ({ ...p, history: plottable(p.history, () => undefined, 'all') })),
    );
    const shown = this.shown();
    const any = shown.some((s) => s.history.length > 0);
    return html`
      <h2>Your progress</h2>
      ${
        !practised
          ? html`<div class="empty card">
            <p><strong>No finished sessions yet.</strong></p>
            <p>Finish a practice conversation and each skill's trend appears here, with where Fair and Good begin.</p>
          </div>`
          : nothing
      }
      ${
        next
          ? html`<section class="next card" part="next" aria-labelledby="next-heading">
            <h3 id="next-heading">Practise next: ${skillLabel(next.skill)}</h3>
            <p>${next.reason} ${next.advice}</p>
          </section>`
          : nothing
      }
      ${practised ? this.renderFilter() : nothing}
      ${practised && !any ? html`<p class="muted" role="status">No sessions at this difficulty yet.</p>` : nothing}
      ${
        practised
          ? html`<ul class="skills" aria-label="Skills">
            ${shown.map((s) => this.renderSkill(s))}
          </ul>
          <p class="legend muted">Shaded bands: Not yet, Fair and Good for each skill. Sessions without enough evidence for a skill are left out.</p>`
          : nothing
      }
      ${practised ? this.renderTable(shown) : nothing}
    `;
  }

  private renderFilter() {
    const options = ['all', ...Object.keys(DIFFICULTY)];
    return html`<fieldset class="filter" part="filter">
      <legend>Scenario difficulty</legend>
      ${options.map(
        (d) => html`<label class="seg ${this.difficulty === d ? 'on' : ''}">
          <input type="radio" name="difficulty" value=${d} .checked=${this.difficulty === d} @change=${() => (this.difficulty = d)} />
          ${d === 'all' ? 'All' : difficultyLabel(d)}
        </label>`,
      )}
    </fieldset>`;
  }

  private renderSkill(p: SkillProgress) {
    const g = chartGeometry(p.history);
    const t = thresholdsOf(p.skill);
    const bands = levelBands(t);
    // sessions on one day are told apart by their time
    const sameDay =
      g.points.length > 1 &&
      formatDate(g.points[0].at) === formatDate(g.points[g.points.length - 1].at);
    const axisDate = (iso: string) => formatDate(iso, sameDay);
    const id = `chart-${p.skill}`;
    const hasData = p.history.length > 0;
    const left = DEFAULT_BOX.pad.left;
    const right = DEFAULT_BOX.width - DEFAULT_BOX.pad.right;
    return html`<li class="skill card" part="skill">
      <header>
        <h3 id="${id}-title">${skillLabel(p.skill)}</h3>
        <span class="level ${hasData ? p.level : 'none'}" part="level">${hasData ? levelLabel(p.level) : 'Not practised'}</span>
      </header>
      <svg part="chart" viewBox="0 0 ${DEFAULT_BOX.width} ${DEFAULT_BOX.height}" aria-hidden="true" focusable="false" preserveAspectRatio="xMidYMid meet">
        ${svg`<rect class="band good" x=${left} y=${bands.top} width=${right - left} height=${bands.good - bands.top}></rect>
          <rect class="band fair" x=${left} y=${bands.good} width=${right - left} height=${bands.fair - bands.good}></rect>
          <rect class="band not_yet" x=${left} y=${bands.fair} width=${right - left} height=${bands.bottom - bands.fair}></rect>
          <line class="threshold good" x1=${left} x2=${right} y1=${bands.good} y2=${bands.good}></line>
          <line class="threshold fair" x1=${left} x2=${right} y1=${bands.fair} y2=${bands.fair}></line>
          <text class="axis-label band-label" x=${right + 4} y=${bands.good + 4}>Good</text>
          <text class="axis-label band-label" x=${right + 4} y=${bands.fair + 4}>Fair</text>`}
        ${g.grid.map((l) => svg`<text class="axis-label" x=${left - 5} y=${l.y + 4} text-anchor="end">${l.score}</text>`)}
        ${g.path ? svg`<path class="line" d=${g.path}></path>` : nothing}
        ${g.points.map((pt) => svg`<circle class="point ${pt.level}" cx=${pt.x} cy=${pt.y} r="5"></circle>`)}
        ${
          g.points.length
            ? svg`<text class="axis-label" x=${left} y=${DEFAULT_BOX.height - 4}>${axisDate(g.points[0].at)}</text>
              ${g.points.length > 1 ? svg`<text class="axis-label" x=${right} y=${DEFAULT_BOX.height - 4} text-anchor="end">${axisDate(g.points[g.points.length - 1].at)}</text>` : nothing}`
            : svg`<text class="axis-label" x=${(left + right) / 2} y=${DEFAULT_BOX.height / 2} text-anchor="middle">No sessions here yet</text>`
        }
      </svg>
      <p class="sr-only" id="${id}-desc">${describeProgress(p, axisDate)} Fair from ${t.fair}, Good from ${t.good}.</p>
      ${
        hasData
          ? html`<table class="sr-only">
            <caption>${skillLabel(p.skill)}: score per session</caption>
            <thead><tr><th scope="col">Session date</th><th scope="col">Score</th><th scope="col">Level</th></tr></thead>
            <tbody>
              ${g.points.map((pt) => html`<tr><td>${formatDate(pt.at, true)}</td><td>${Math.round(pt.score)}</td><td>${levelLabel(pt.level)}</td></tr>`)}
            </tbody>
          </table>`
          : nothing
      }
    </li>`;
  }

  private renderTable(skills: SkillProgress[]) {
    const rows = skills.flatMap((s) =>
      [...s.history]
        .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
        .map((h) => ({ skill: s.skill, ...h })),
    );
    return html`<details>
      <summary>Show the numbers as a table</summary>
      <div class="table-wrap" tabindex="0" role="region" aria-label="All scores">
        <table part="table">
          <caption class="sr-only">Scores per skill and session</caption>
          <thead>
            <tr><th scope="col">Skill</th><th scope="col">Session date</th><th scope="col">Score</th><th scope="col">Level</th></tr>
          </thead>
          <tbody>
            ${rows.map((r) => html`<tr><td>${skillLabel(r.skill)}</td><td>${formatDate(r.at, true)}</td><td>${Math.round(r.score)}</td><td>${levelLabel(r.level)}</td></tr>`)}
          </tbody>
        </table>
      </div>
    </details>`;
  }
}
