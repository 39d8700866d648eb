/**
 * @module components/sb-pairing/component
 * The facilitator's pairing desk for one cohort: propose pairs (optionally with learners not yet
 * ready), read why each pair fits and why anyone was left out, swap two people between pairs, and
 * confirm a pair (the server checks the rules again: a swap that puts two people of one department
 * together is refused with the reason). Below it, the series: every partnership of the cohort with
 * its agreement, sessions, reciprocity and what needs attention, in plain words.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type {
  ApiJson,
  Cohort,
  PairingProposal,
  PartnershipSeriesEntry,
} from '../../core/api-types.js';
import { renderFailure } from '../../core/failure-view.js';
import { SbElement } from '../../core/sb-element.js';
import { themeStyles } from '../../core/theme.styles.js';
import { recordTableStyles, toolbarStyles } from '../../core/records.styles.js';
import { pairingStyles } from './sb-pairing.styles.js';

type Pair = PairingProposal['pairs'][number] & {
  /** set once confirmed: the partnership made from it */
  partnershipId?: string;
  /** changed by hand: the reasons no longer apply */
  swapped?: boolean;
};
type SeriesRow = PartnershipSeriesEntry;

const PHASE = {
  none: 'No agreement yet',
  awaiting: 'Waiting for confirmation',
  agreed: 'Agreed',
} as Record<string, string>;

/**
 * @summary Propose, swap and confirm Learning Partnership pairs; follow the series.
 *
 * @attr api-base - the server's origin
 * @attr token - bearer token for a facilitator or admin
 * @attr cohort - the cohort (otherwise the first one)
 * @attr theme - `light`, `dark` or `auto`
 *
 * @fires sb-pair-confirmed - detail: { partnershipId, learnerIds }
 * @fires sb-error - a request failed
 * @fires sb-auth-expired - the token was rejected
 *
 * @csspart propose-button - "Propose pairs"
 * @csspart pairs - the proposed pairs
 * @csspart confirm-button - a pair's "Confirm pair"
 * @csspart series - the table of partnerships
 * @csspart error - the failure message
 */
export class SbPairing extends SbElement {
  static styles = [themeStyles, toolbarStyles, recordTableStyles, pairingStyles];

  @property() cohort = '';
  @state() private cohorts: Cohort[] = [];
  @state() private names = new Map<string, { name: string; department: string | null }>();
  @state() private pairs: Pair[] | null = null;
  @state() private unpaired: { learnerId: string; reason: string }[] = [];
  @state() private series: SeriesRow[] = [];
  @state() private includeNotReady = false;
  @state() private busy = false;
  @state() private announcement = '';

  protected willUpdate(changed: PropertyValues<this>): void {
    if (this.token && (changed.has('token') || changed.has('apiBase'))) void this.load();
  }

  async load(): Promise<void> {
    this.clearFailure();
    try {
      const { cohorts } = await this.api.json<ApiJson<'/cohorts', 'get'>>('GET', '/api/cohorts');
      this.cohorts = cohorts;
      if (!cohorts.some((c) => c.id === this.cohort)) this.cohort = cohorts[0]?.id ?? '';
      await this.loadCohort();
    } catch (err) {
      this.fail(err, () => void this.load());
    }
  }

  private async loadCohort(): Promise<void> {
    if (!this.cohort) return;
    const id = encodeURIComponent(this.cohort);
    const [progress, series] = await Promise.all([
      this.api.json<ApiJson<'/cohorts/{id}/progress', 'get'>>('GET', `/api/cohorts/${id}/progress`),
      this.api.json<ApiJson<'/cohorts/{id}/partnerships', 'get'>>(
        'GET',
        `/api/cohorts/${id}/partnerships`,
      ),
    ]);
    this.names = new Map(progress.learners.map((l) => [l.id, { name: l.name, department: null }]));
    for (const p of series.partnerships)
      for (const x of p.partners)
        if (x.id) this.names.set(x.id, { name: x.name, department: x.department });
    this.series = series.partnerships;
  }

  private async propose(): Promise<void> {
    this.busy = true;
    this.clearFailure();
    try {
      const r = await this.api.json<ApiJson<'/cohorts/{id}/pairings/proposals', 'post'>>(
        'POST',
        `/api/cohorts/${encodeURIComponent(this.cohort)}/pairings/proposals`,
        { allowNotReady: this.includeNotReady },
      );
      this.pairs = r.pairs;
      this.unpaired = r.unpaired;
      this.announcement = `${r.pairs.length} pair${r.pairs.length === 1 ? '' : 's'} proposed; ${r.unpaired.length} left out.`;
    } catch (err) {
      this.fail(err, () => void this.propose());
    } finally {
      this.busy = false;
    }
  }

  /** Swaps person `who` of pair `i` with `other` (in another pair): both pairs change. */
  private swap(i: number, who: string, other: string): void {
    if (!this.pairs || !other) return;
    const pairs = this.pairs.map((p) => ({
      ...p,
      learnerIds: [...p.learnerIds] as [string, string],
    }));
    const j = pairs.findIndex((p) => p.learnerIds.includes(other));
    if (j < 0 || j === i) return;
    pairs[i].learnerIds[pairs[i].learnerIds.indexOf(who)] = other;
    pairs[j].learnerIds[pairs[j].learnerIds.indexOf(other)] = who;
    for (const k of [i, j])
      pairs[k] = {
        ...pairs[k],
        swapped: true,
        reasons: ['Changed by hand: the rules are checked again when you confirm.'],
      };
    this.pairs = pairs;
    this.announcement = `Swapped ${this.nameOf(who)} and ${this.nameOf(other)}.`;
  }

  private async confirm(i: number): Promise<void> {
    const pair = this.pairs?.[i];
    if (!pair || this.busy) return;
    this.busy = true;
    this.clearFailure();
    try {
      const r = await this.api.json<ApiJson<'/partnerships', 'post'>>('POST', '/api/partnerships', {
        learnerIds: pair.learnerIds,
        cohortId: this.cohort,
      });
      this.pairs = this.pairs!.map((p, k) => (k === i ? { ...p, partnershipId: r.id } : p));
      this.announcement = `${this.nameOf(pair.learnerIds[0])} and ${this.nameOf(pair.learnerIds[1])} are now Learning Partners.`;
      this.dispatchEvent(
        new CustomEvent('sb-pair-confirmed', {
          detail: { partnershipId: r.id, learnerIds: pair.learnerIds },
          bubbles: true,
          composed: true,
        }),
      );
      await this.loadCohort();
    } catch (err) {
      this.fail(err);
    } finally {
      this.busy = false;
    }
  }

  private nameOf(id: string) {
    return this.names.get(id)?.name ?? 'A learner';
  }

  private renderPairs() {
    if (!this.pairs) return nothing;
    const everyone = this.pairs.flatMap((p) => (p.partnershipId ? [] : p.learnerIds));
    return html`<h3>Proposed pairs</h3>
      ${this.pairs.length === 0 ? html`<p>No pairs could be proposed; the reasons are below.</p>` : nothing}
      <ul class="pairs" part="pairs">
        ${this.pairs.map(
          (p, i) => html`<li>
            <p><strong>${this.nameOf(p.learnerIds[0])}</strong> and <strong>${this.nameOf(p.learnerIds[1])}</strong>${p.swapped ? nothing : html` <span class="muted">(fit ${p.score}/100)</span>`}</p>
            <ul>${p.reasons.map((r) => html`<li>${r}</li>`)}</ul>
            ${
              p.partnershipId
                ? html`<p class="status">Confirmed.</p>`
                : html`${p.learnerIds.map(
                    (who) => html`<div class="field">
                      <label for="swap-${i}-${who}">Swap ${this.nameOf(who)} with</label>
                      <select id="swap-${i}-${who}" @change=${(e: Event) => this.swap(i, who, (e.target as HTMLSelectElement).value)}>
                        <option value="">Keep</option>
                        ${everyone.filter((x) => !p.learnerIds.includes(x)).map((x) => html`<option value=${x}>${this.nameOf(x)}</option>`)}
                      </select>
                    </div>`,
                  )}
                  <button class="btn primary" type="button" part="confirm-button" ?disabled=${this.busy} @click=${() => this.confirm(i)}>Confirm pair</button>`
            }
          </li>`,
        )}
      </ul>
      ${
        this.unpaired.length
          ? html`<h3>Not paired</h3>
            <ul>${this.unpaired.map((u) => html`<li><strong>${this.nameOf(u.learnerId)}</strong>: ${u.reason}</li>`)}</ul>`
          : nothing
      }`;
  }

  private renderSeries() {
    return html`<h3>Partnerships in this cohort</h3>
      ${
        this.series.length === 0
          ? html`<p class="muted">No partnerships yet.</p>`
          : html`<table part="series">
            <caption class="sr-only">Partnerships, their state and what needs attention</caption>
            <thead><tr><th scope="col">Partners</th><th scope="col">Agreement</th><th scope="col">Sessions</th><th scope="col">Actions done</th><th scope="col">Needs attention</th></tr></thead>
            <tbody>
              ${this.series.map(
                (s) => html`<tr>
                  <th scope="row">${s.partners.map((p) => p.name).join(' and ')}<br /><span class="muted">${s.status}</span></th>
                  <td>${PHASE[s.agreement.phase] ?? s.agreement.phase}${s.agreement.cadence ? html`, ${s.agreement.cadence}` : nothing}</td>
                  <td>${s.sessions.held}${s.sessions.expected ? html` of ${s.sessions.expected} expected` : nothing}${s.daysSinceLastSession !== null ? html`<br /><span class="muted">last ${s.daysSinceLastSession} days ago</span>` : nothing}</td>
                  <td>${s.actions.completed} of ${s.actions.agreed}</td>
                  <td>${s.attention.length ? html`<ul class="attention">${s.attention.map((a) => html`<li>${a}</li>`)}</ul>` : 'Nothing'}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
      }`;
  }

  render() {
    return html`<h2>Learning Partnership pairing</h2>
      ${renderFailure(this.failure)}
      <p class="sr-only" role="status">${this.announcement}</p>
      <div class="toolbar">
        <div class="field">
          <label for="cohort">Cohort</label>
          <select id="cohort" @change=${(e: Event) => {
            this.cohort = (e.target as HTMLSelectElement).value;
            this.pairs = null;
            void this.loadCohort().catch((err) => this.fail(err));
          }}>
            ${this.cohorts.map((c) => html`<option value=${c.id} ?selected=${c.id === this.cohort}>${c.name}</option>`)}
          </select>
        </div>
        <label><input type="checkbox" .checked=${this.includeNotReady} @change=${(e: Event) => (this.includeNotReady = (e.target as HTMLInputElement).checked)} /> Include learners not ready yet</label>
        <button class="btn primary" type="button" part="propose-button" ?disabled=${this.busy || !this.cohort} @click=${() => this.propose()}>Propose pairs</button>
      </div>
      ${this.renderPairs()} ${this.renderSeries()}`;
  }
}
