/**
 * @module components/sb-partnership/component
 * A learner's Learning Partnership: the agreement builder (outcomes, each partner's own goal, the
 * three roles explained, responsibilities, confidentiality, how often to meet, who coaches first),
 * confirming the version both have read, the sessions log with the coachee's actions and how last
 * time's actions went, reciprocity (who coaches next, a nudge after three in a row), asking the
 * facilitator for help, and a drill suggested for the learner's weakest skill before the next session.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  ROLE_MEANINGS,
  PARTNER_ROLES,
  type PartnerRole,
} from '../../../../api/partnerships/agreement.js';
import type { ApiJson, PartnershipView } from '../../core/api-types.js';
import { renderFailure } from '../../core/failure-view.js';
import { formatDate } from '../../core/labels.js';
import { SbElement } from '../../core/sb-element.js';
import { themeStyles } from '../../core/theme.styles.js';
import { partnershipStyles } from './sb-partnership.styles.js';

type Person = PartnershipView['partners'][number];
type Action = PartnershipView['actions'][number];
type AgreementBody = NonNullable<PartnershipView['agreement']['body']>;
export type { PartnershipView };

const STATUS_WORDS = {
  proposed: 'Paired: agree how you will work together',
  active: 'Active',
  ended: 'Ended',
} as const;
const FOLLOW_UP = [
  ['done', 'Done'],
  ['partly', 'Partly'],
  ['not_yet', 'Not yet'],
  ['dropped', 'Dropped'],
] as const;
const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);
const today = () => new Date().toISOString().slice(0, 10);

/**
 * @summary A learner's Learning Partnership: agreement, sessions with actions, reciprocity.
 *
 * @attr api-base - the server's origin
 * @attr token - bearer token for the learner
 * @attr partnership - the partnership to show (otherwise the learner's current one)
 * @attr theme - `light`, `dark` or `auto`
 *
 * @fires sb-partnership-changed - detail: { partnership } after any change the learner made
 * @fires sb-practice-suggested - detail: { drillId, skill }: the learner chose the suggested drill
 * @fires sb-error - a request failed
 * @fires sb-auth-expired - the token was rejected
 *
 * @csspart agreement - the agreement section
 * @csspart confirm-button - "Confirm this agreement"
 * @csspart sessions - the sessions log
 * @csspart reciprocity - who coaches next
 * @csspart error - the failure message
 */
export class SbPartnership extends SbElement {
  static styles = [themeStyles, partnershipStyles];

  @property() partnership = '';
  @state() private view: PartnershipView | null = null;
  @state() private none = false;
  @state() private busy = false;
  @state() private announcement = '';

  protected willUpdate(changed: PropertyValues<this>): void {
    if (
      this.token &&
      (changed.has('token') || changed.has('apiBase') || changed.has('partnership'))
    )
      void this.load();
  }

  async load(): Promise<void> {
    this.clearFailure();
    try {
      if (this.partnership)
        this.view = await this.api.json<ApiJson<'/partnerships/{id}', 'get'>>(
          'GET',
          `/api/partnerships/${encodeURIComponent(this.partnership)}`,
        );
      else {
        const { partnerships } = await this.api.json<ApiJson<'/me/partnerships', 'get'>>(
          'GET',
          '/api/me/partnerships',
        );
        const current = partnerships.find((p) => p.status !== 'ended') ?? partnerships[0];
        this.none = !current;
        // the list view has no drill suggestion: read the one partnership for it
        this.view = current
          ? await this.api.json<ApiJson<'/partnerships/{id}', 'get'>>(
              'GET',
              `/api/partnerships/${encodeURIComponent(current.id)}`,
            )
          : null;
      }
    } catch (err) {
      this.fail(err, () => void this.load());
    }
  }

  private get me() {
    return this.view?.you ?? '';
  }
  private get partner(): Person | undefined {
    return this.view?.partners.find((p) => p.id !== this.me);
  }
  private nameOf(id: string | null) {
    if (id === this.me) return 'You';
    return this.view?.partners.find((p) => p.id === id)?.name ?? 'A former colleague';
  }

  private async change(
    method: string,
    path: string,
    body: unknown,
    said: string,
  ): Promise<boolean> {
    if (!this.view || this.busy) return false;
    this.busy = true;
    this.clearFailure();
    try {
      this.view = await this.api.json<PartnershipView>(
        method,
        `/api/partnerships/${encodeURIComponent(this.view.id)}${path}`,
        body,
      );
      this.announcement = said;
      this.dispatchEvent(
        new CustomEvent('sb-partnership-changed', {
          detail: { partnership: this.view },
          bubbles: true,
          composed: true,
        }),
      );
      return true;
    } catch (err) {
      this.fail(err);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async saveAgreement(e: SubmitEvent) {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const other = this.partner?.id;
    if (!other) return;
    const body: AgreementBody = {
      outcomes: lines(String(f.get('outcomes') ?? '')),
      goals: {
        [this.me]: String(f.get('goal-mine') ?? '').trim(),
        [other]: String(f.get('goal-theirs') ?? '').trim(),
      },
      roles: {
        [this.me]: f.getAll('roles-mine') as PartnerRole[],
        [other]: (this.view!.agreement.body?.roles[other] ?? []) as PartnerRole[],
      },
      responsibilities: lines(String(f.get('responsibilities') ?? '')),
      confidentiality: String(f.get('confidentiality') ?? '').trim(),
      cadence: String(f.get('cadence')) as AgreementBody['cadence'],
      ...(f.get('first') ? { firstCoachId: String(f.get('first')) } : {}),
    };
    // a partner who has not said which roles they want yet: ask for the Thinking Partner to begin with
    if (body.roles[other].length === 0) body.roles[other] = ['Thinking Partner'];
    await this.change(
      'PUT',
      '/agreement',
      body,
      `Agreement version ${this.view!.agreement.version + 1} saved. You and ${this.partner?.name} both confirm it next.`,
    );
  }

  private async logSession(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const followUp = (this.view?.toFollowUp ?? []).flatMap((a) =>
      f.get(`follow-${a.id}`) ? [{ actionId: a.id, status: String(f.get(`follow-${a.id}`)) }] : [],
    );
    const ok = await this.change(
      'POST',
      '/sessions',
      {
        heldOn: String(f.get('heldOn')),
        coachId: String(f.get('coach')),
        topic: String(f.get('topic') ?? '').trim(),
        learning: String(f.get('learning') ?? ''),
        actions: lines(String(f.get('actions') ?? '')).map((text) => ({ text })),
        followUp,
      },
      'Session logged.',
    );
    if (ok) form.reset();
  }

  private renderAgreement(v: PartnershipView): TemplateResult {
    const a = v.agreement;
    const body = a.body;
    const other = this.partner;
    const mine = new Set(body?.roles[this.me] ?? []);
    const confirmedByMe = a.confirmedBy.includes(this.me);
    const words =
      a.phase === 'none'
        ? 'No agreement yet. Learning Partnerships begin by agreeing outcomes, goals, roles and responsibilities.'
        : a.phase === 'agreed'
          ? `Agreed (version ${a.agreedVersion}): you both confirmed it.`
          : `Version ${a.version} is waiting for ${confirmedByMe ? other?.name : 'you'} to confirm it.`;
    return html`<section part="agreement" aria-labelledby="agreement-h">
      <h3 id="agreement-h">Your agreement</h3>
      <p class="status">${words}</p>
      ${
        a.phase === 'awaiting' && !confirmedByMe && v.status !== 'ended'
          ? html`<button class="btn primary" type="button" part="confirm-button" ?disabled=${this.busy} @click=${() => this.change('POST', '/agreement/confirm', { version: a.version }, `You confirmed version ${a.version}.`)}>Confirm version ${a.version}</button>`
          : nothing
      }
      ${
        v.status === 'ended'
          ? nothing
          : html`<details ?open=${a.phase === 'none'}>
            <summary>${a.phase === 'none' ? 'Write your agreement' : 'Change the agreement (you both confirm it again)'}</summary>
            <form @submit=${this.saveAgreement}>
              <div class="field"><label for="outcomes">Outcomes you both want (one per line)</label><textarea id="outcomes" name="outcomes" rows="2" required>${body?.outcomes.join('\n') ?? ''}</textarea></div>
              <div class="field"><label for="goal-mine">Your own goal</label><input id="goal-mine" name="goal-mine" required .value=${body?.goals[this.me] ?? ''} /></div>
              <div class="field"><label for="goal-theirs">${other?.name}’s goal (theirs to word: they confirm it too)</label><input id="goal-theirs" name="goal-theirs" required .value=${(other?.id && body?.goals[other.id]) || ''} /></div>
              <fieldset>
                <legend>The roles you ask of ${other?.name}</legend>
                ${PARTNER_ROLES.map(
                  (r, i) =>
                    html`<div class="role"><input type="checkbox" id="role-${i}" name="roles-mine" value=${r} .checked=${mine.has(r)} /><label for="role-${i}">${r}<small>${ROLE_MEANINGS[r]}</small></label></div>`,
                )}
              </fieldset>
              <div class="field"><label for="responsibilities">Responsibilities (one per line)</label><textarea id="responsibilities" name="responsibilities" rows="2" required>${body?.responsibilities.join('\n') ?? ''}</textarea></div>
              <div class="field"><label for="confidentiality">Confidentiality</label><textarea id="confidentiality" name="confidentiality" rows="2" required>${body?.confidentiality ?? 'What we say stays between us unless we both agree otherwise.'}</textarea></div>
              <div class="field">
                <label for="cadence">How often you meet</label>
                <select id="cadence" name="cadence">
                  ${(['weekly', 'fortnightly', 'monthly'] as const).map((c) => html`<option value=${c} ?selected=${(body?.cadence ?? 'fortnightly') === c}>${c[0].toUpperCase() + c.slice(1)}</option>`)}
                </select>
              </div>
              <div class="field">
                <label for="first">Who coaches first</label>
                <select id="first" name="first">
                  <option value="">Decide later</option>
                  ${v.partners.map((p) => html`<option value=${p.id ?? ''} ?selected=${body?.firstCoachId === p.id}>${this.nameOf(p.id)}</option>`)}
                </select>
              </div>
              <button class="btn primary" type="submit" ?disabled=${this.busy}>Save agreement</button>
            </form>
          </details>`
      }
    </section>`;
  }

  private renderReciprocity(v: PartnershipView): TemplateResult {
    const r = v.reciprocity;
    const counts = v.partners
      .map((p) => `${this.nameOf(p.id)} ${r.coached[p.id ?? ''] ?? 0}`)
      .join(', ');
    return html`<section part="reciprocity" aria-labelledby="recip-h">
      <h3 id="recip-h">Taking turns</h3>
      <p>${r.lastCoachId ? html`${this.nameOf(r.lastCoachId)} coached last. ` : 'No sessions yet. '}${r.nextCoachId ? html`Next time, <strong>${this.nameOf(r.nextCoachId)}</strong> coach${r.nextCoachId === this.me ? '' : 'es'}.` : nothing}</p>
      <p class="muted">Sessions coached: ${counts}.</p>
      ${r.nudge ? html`<p class="nudge" role="note">${r.nudge}</p>` : nothing}
      ${
        v.suggestedDrill
          ? html`<p>Before your next session: ${v.suggestedDrill.why}
            <button class="btn" type="button" @click=${() => this.dispatchEvent(new CustomEvent('sb-practice-suggested', { detail: { drillId: v.suggestedDrill!.drillId, skill: v.suggestedDrill!.skill }, bubbles: true, composed: true }))}>Practise “${v.suggestedDrill.title}”</button></p>`
          : nothing
      }
    </section>`;
  }

  private renderSessions(v: PartnershipView): TemplateResult {
    const actionsOf = (sid: string) =>
      v.actions.filter((a) => (a as Action & { sessionId?: string }).sessionId === sid);
    return html`<section part="sessions" aria-labelledby="sessions-h">
      <h3 id="sessions-h">Sessions</h3>
      ${v.sessions.length === 0 ? html`<p class="muted">No sessions logged yet.</p>` : nothing}
      <ol class="sessions">
        ${[...v.sessions].reverse().map(
          (s) => html`<li>
            <strong>${formatDate(s.heldOn)}</strong>: ${this.nameOf(s.coachId)} coached${s.topic ? html` on “${s.topic}”` : nothing}.
            ${
              actionsOf(s.id).length
                ? html`<ul>${actionsOf(s.id).map((a) => html`<li>${a.text} <span class="muted">(${this.nameOf(a.ownerId)}; ${FOLLOW_UP.find(([k]) => k === a.status)?.[1] ?? 'open'})</span></li>`)}</ul>`
                : nothing
            }
            ${s.learning ? html`<p class="muted">${s.learning}</p>` : nothing}
          </li>`,
        )}
      </ol>
      ${v.status === 'active' ? this.renderLogForm(v) : v.status === 'proposed' ? html`<p class="muted">Once you both confirm your agreement, log your sessions here.</p>` : nothing}
    </section>`;
  }

  private renderLogForm(v: PartnershipView): TemplateResult {
    return html`<details>
      <summary>Log a session</summary>
      <form @submit=${this.logSession}>
        ${
          v.toFollowUp.length
            ? html`<fieldset>
              <legend>How did last time’s actions go?</legend>
              ${v.toFollowUp.map(
                (a) => html`<div class="field">
                  <label for="follow-${a.id}">${a.text} (${this.nameOf(a.ownerId)})</label>
                  <select id="follow-${a.id}" name="follow-${a.id}"><option value="">Not discussed</option>${FOLLOW_UP.map(([k, w]) => html`<option value=${k}>${w}</option>`)}</select>
                </div>`,
              )}
            </fieldset>`
            : nothing
        }
        <div class="field"><label for="heldOn">Held on</label><input id="heldOn" name="heldOn" type="date" required .value=${today()} /></div>
        <div class="field">
          <label for="coach">Who coached</label>
          <select id="coach" name="coach">${v.partners.filter((p) => p.id).map((p) => html`<option value=${p.id!} ?selected=${p.id === v.reciprocity.nextCoachId}>${this.nameOf(p.id)}</option>`)}</select>
        </div>
        <div class="field"><label for="topic">Topic</label><input id="topic" name="topic" required /></div>
        <div class="field"><label for="actions">The coachee’s actions (one per line)</label><textarea id="actions" name="actions" rows="2"></textarea></div>
        <div class="field"><label for="learning">What you learned (private to the two of you)</label><textarea id="learning" name="learning" rows="2"></textarea></div>
        <button class="btn primary" type="submit" ?disabled=${this.busy}>Log session</button>
      </form>
    </details>`;
  }

  private async askForHelp(e: SubmitEvent) {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    await this.change(
      'POST',
      '/help',
      { message: String(f.get('help') ?? '').trim() },
      'Your facilitator has been asked to help.',
    );
  }

  render() {
    const v = this.view;
    if (this.failure && !v) return renderFailure(this.failure);
    if (this.none)
      return html`<p>You have no Learning Partnership yet. Your facilitator pairs you with a colleague from another part of the organisation once you are ready.</p>`;
    if (!v) return html`<p class="loading" role="status">Loading your partnership…</p>`;
    const other = this.partner;
    return html`<h2>Your Learning Partnership</h2>
      <p>With <strong>${other?.name}</strong>${other?.department ? html` (${other.department})` : nothing}. <span class="status">${STATUS_WORDS[v.status]}</span></p>
      ${renderFailure(this.failure)}
      <p class="sr-only" role="status">${this.announcement}</p>
      ${this.renderAgreement(v)} ${v.status !== 'proposed' ? this.renderReciprocity(v) : nothing} ${this.renderSessions(v)}
      ${
        v.status !== 'ended'
          ? html`<details>
            <summary>Ask your facilitator for help</summary>
            <form @submit=${this.askForHelp}>
              <div class="field"><label for="help">What would help?</label><textarea id="help" name="help" rows="2" required></textarea></div>
              <button class="btn" type="submit" ?disabled=${this.busy}>Ask for help</button>
            </form>
          </details>`
          : nothing
      }`;
  }
}
