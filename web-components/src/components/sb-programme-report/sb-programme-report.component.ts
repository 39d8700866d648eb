/**
 * @module components/sb-programme-report/component
 * The measurable returns of Learning Partnerships over a period, for an admin (the organisation) or
 * a facilitator (their cohorts): headline numbers, the departments the pairs connected as a picture
 * with the same numbers as a table, skill levels before pairing and now, the partners' own rating
 * of the value, and the CSV.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import { departmentsSvg } from '../../../../api/partnerships/report.js';
import type { ApiJson, ProgrammeReport } from '../../core/api-types.js';
import { renderFailure } from '../../core/failure-view.js';
import { skillLabel } from '../../core/labels.js';
import { SbElement } from '../../core/sb-element.js';
import { themeStyles } from '../../core/theme.styles.js';
import { toolbarStyles } from '../../core/records.styles.js';
import { reportStyles } from './sb-programme-report.styles.js';

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * @summary Learning Partnerships: what they returned over a period.
 *
 * @attr api-base - the server's origin
 * @attr token - bearer token for an admin or facilitator
 * @attr from - first day (YYYY-MM-DD; default a year ago)
 * @attr to - last day (default today)
 * @attr theme - `light`, `dark` or `auto`
 *
 * @fires sb-error - a request failed
 * @fires sb-auth-expired - the token was rejected
 *
 * @csspart numbers - the headline numbers
 * @csspart network - the departments picture and its table
 * @csspart csv-button - "Download CSV"
 * @csspart error - the failure message
 */
export class SbProgrammeReport extends SbElement {
  static styles = [themeStyles, toolbarStyles, reportStyles];

  @property() from = day(new Date(Date.now() - 365 * 86_400_000));
  @property() to = day(new Date());
  @state() private data: ProgrammeReport | null = null;
  @state() private csvUrl = '';

  protected willUpdate(changed: PropertyValues<this>): void {
    if (
      this.token &&
      (changed.has('token') || changed.has('apiBase') || changed.has('from') || changed.has('to'))
    )
      void this.load();
  }

  async load(): Promise<void> {
    this.clearFailure();
    try {
      this.data = await this.api.json<ApiJson<'/programme/report', 'get'>>(
        'GET',
        `/api/programme/report?from=${encodeURIComponent(this.from)}&to=${encodeURIComponent(this.to)}`,
      );
    } catch (err) {
      this.fail(err, () => void this.load());
    }
  }

  private async downloadCsv(): Promise<void> {
    try {
      const res = await fetch(
        `${this.apiBase.replace(/\/+$/, '')}/api/programme/report.csv?from=${this.from}&to=${this.to}`,
        { headers: { authorization: `Bearer ${this.token}` }, credentials: 'omit' },
      );
      if (!res.ok) throw new Error(`The CSV could not be made (${res.status}).`);
      if (this.csvUrl) URL.revokeObjectURL(this.csvUrl);
      this.csvUrl = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = this.csvUrl;
      a.download = `learning-partnerships-${this.from}-${this.to}.csv`;
      a.click();
    } catch (err) {
      this.fail(err);
    }
  }

  private period(e: SubmitEvent) {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    this.from = String(f.get('from'));
    this.to = String(f.get('to'));
  }

  render() {
    const r = this.data;
    return html`<h2>Learning Partnerships: the returns</h2>
      ${renderFailure(this.failure)}
      <form class="toolbar" @submit=${this.period}>
        <div class="field"><label for="from">From</label><input id="from" name="from" type="date" .value=${this.from} required /></div>
        <div class="field"><label for="to">To</label><input id="to" name="to" type="date" .value=${this.to} required /></div>
        <button class="btn" type="submit">Show</button>
        <button class="btn" type="button" part="csv-button" @click=${() => this.downloadCsv()}>Download CSV</button>
      </form>
      ${
        r
          ? html`<dl class="tiles" part="numbers">
              <div><dt>Partnerships formed</dt><dd>${r.partnerships.formed}</dd></div>
              <div><dt>Active</dt><dd>${r.partnerships.active}</dd></div>
              <div><dt>Sessions held</dt><dd>${r.sessions.held}</dd></div>
              <div><dt>Actions agreed</dt><dd>${r.actions.agreed}</dd></div>
              <div><dt>Actions completed</dt><dd>${r.actions.completed}</dd></div>
              <div><dt>Value to partners (1-5)</dt><dd>${r.ratings.mean ?? '–'}</dd></div>
            </dl>
            <h3>Departments connected</h3>
            <div class="network" part="network">
              ${unsafeSVG(departmentsSvg(r, 360))}
              <table>
                <caption class="sr-only">Pairs across each pair of departments</caption>
                <thead><tr><th scope="col">Departments</th><th scope="col">Pairs</th></tr></thead>
                <tbody>${r.departments.links.length ? r.departments.links.map((l) => html`<tr><td>${l.a} and ${l.b}</td><td>${l.pairs}</td></tr>`) : html`<tr><td colspan="2">None in this period</td></tr>`}</tbody>
              </table>
            </div>
            <h3>Skills before pairing and now</h3>
            <table>
              <caption class="sr-only">Average skill score of the partners (0 to 100), before pairing and now</caption>
              <thead><tr><th scope="col">Skill</th><th scope="col">Before pairing</th><th scope="col">Now</th></tr></thead>
              <tbody>${r.skills.map((s) => html`<tr><th scope="row">${skillLabel(s.skill)}</th><td>${s.before ?? '–'}</td><td>${s.now ?? '–'}</td></tr>`)}</tbody>
            </table>
            <p class="muted">${r.ratings.count} partner${r.ratings.count === 1 ? '' : 's'} rated their partnership’s value.</p>`
          : this.failure
            ? nothing
            : html`<p class="loading" role="status">Loading the report…</p>`
      }`;
  }
}
