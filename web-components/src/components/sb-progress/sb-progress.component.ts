/**
 * @module components/sb-progress/component
 * The learner's per-skill progress over time: one small SVG chart per skill (a `role="img"` with
 * a sentence saying what the picture shows), the full numbers as a table for anyone who prefers
 * them, the current level, and the one skill to practise next.
 */
import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SkillProgress } from '../../core/api-types.js';
import { renderFailure } from '../../core/failure-view.js';
import { formatDate, levelLabel, skillLabel } from '../../core/labels.js';
import { SbElement } from '../../core/sb-element.js';
import { themeStyles } from '../../core/theme.styles.js';
import { DEFAULT_BOX, chartGeometry, describeProgress, practiseNext } from './progress-chart.js';
import { progressStyles } from './sb-progress.styles.js';

/**
 * @summary Per-skill progress charts, current levels and what to practise next.
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
 * @csspart error - the failure message
 * @csspart retry-button - its Retry
 *
 * @cssprop --sb-color-accent - the chart line
 * @cssprop --sb-color-good, --sb-color-fair, --sb-color-not-yet - the points, by level
 */
export class SbProgress extends SbElement {
  static styles = [themeStyles, progressStyles];

  @property({ attribute: false }) skills: SkillProgress[] | null = null;
  @state() private loading = false;

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
      this.skills = (await this.api.getProgress()).skills;
    } catch (err) {
      this.fail(err, () => void this.load());
    } finally {
      this.loading = false;
    }
  }

  render() {
    if (this.failure) return renderFailure(this.failure);
    if (!this.skills) return html`<p class="loading" role="status">Loading your progress…</p>`;
    const practised = this.skills.some((s) => s.history.length > 0);
    const next = practiseNext(this.skills);
    return html`
      <h2>Your progress</h2>
      ${!practised ? html`<p>You have no finished sessions yet. Finish a practice conversation and your progress appears here.</p>` : nothing}
      ${next
        ? html`<section class="next card" part="next" aria-labelledby="next-heading">
            <h3 id="next-heading">Practise next: ${skillLabel(next.skill)}</h3>
            <p>${next.reason} ${next.advice}</p>
          </section>`
        : nothing}
      ${practised
        ? html`<ul class="skills" aria-label="Skills">
            ${this.skills.map((s) => this.renderSkill(s))}
          </ul>`
        : nothing}
      ${practised ? this.renderTable() : nothing}
    `;
  }

  private renderSkill(p: SkillProgress) {
    const g = chartGeometry(p.history);
    // sessions on one day are told apart by their time
    const sameDay = g.points.length > 1 && formatDate(g.points[0].at) === formatDate(g.points[g.points.length - 1].at);
    const axisDate = (iso: string) => formatDate(iso, sameDay);
    const id = `chart-${p.skill}`;
    const hasData = p.history.length > 0;
    return html`<li class="skill card" part="skill">
      <header>
        <h3>${skillLabel(p.skill)}</h3>
        <span class="level ${hasData ? p.level : 'none'}" part="level">${hasData ? levelLabel(p.level) : 'Not practised'}</span>
      </header>
      <svg part="chart" viewBox="0 0 ${DEFAULT_BOX.width} ${DEFAULT_BOX.height}" role="img" aria-labelledby="${id}-title ${id}-desc" preserveAspectRatio="xMidYMid meet">
        <title id="${id}-title">${skillLabel(p.skill)} progress chart</title>
        <desc id="${id}-desc">${describeProgress(p, axisDate)}</desc>
        ${g.grid.map(
          (l) => svg`<line class="grid-line" x1=${DEFAULT_BOX.pad.left} x2=${DEFAULT_BOX.width - DEFAULT_BOX.pad.right} y1=${l.y} y2=${l.y}></line>
            <text class="axis-label" x=${DEFAULT_BOX.pad.left - 6} y=${l.y + 4} text-anchor="end">${l.score}</text>`,
        )}
        ${g.path ? svg`<path class="line" d=${g.path}></path>` : nothing}
        ${g.points.map((pt) => svg`<circle class="point ${pt.level}" cx=${pt.x} cy=${pt.y} r="5"></circle>`)}
        ${g.points.length
          ? svg`<text class="axis-label" x=${DEFAULT_BOX.pad.left} y=${DEFAULT_BOX.height - 4}>${axisDate(g.points[0].at)}</text>
              ${g.points.length > 1 ? svg`<text class="axis-label" x=${DEFAULT_BOX.width - DEFAULT_BOX.pad.right} y=${DEFAULT_BOX.height - 4} text-anchor="end">${axisDate(g.points[g.points.length - 1].at)}</text>` : nothing}`
          : svg`<text class="axis-label" x=${DEFAULT_BOX.width / 2} y=${DEFAULT_BOX.height / 2} text-anchor="middle">No sessions yet</text>`}
      </svg>
    </li>`;
  }

  private renderTable() {
    const rows = this.skills!.flatMap((s) => [...s.history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).map((h) => ({ skill: s.skill, ...h })));
    return html`<details>
      <summary>Show the numbers as a table</summary>
      <div class="table-wrap">
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
