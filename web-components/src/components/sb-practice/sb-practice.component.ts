/**
 * @module components/sb-practice/component
 * A whole practice session in one element: choose a scenario (or open a drill), read the
 * partner brief, talk with the partner, see per-turn feedback live or at the end, end the session
 * and see the scorecard. What the learner typed stays in the box (and in sessionStorage) until the
 * server has stored it; a retry reuses the turn's `clientTurnId`, so nothing is sent twice.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { DrillSummary, ScenarioBrief, Session, SessionTurn, TurnFeedback } from '../../core/api-types.js';
import { newClientTurnId } from '../../core/client-turn-id.js';
import { renderFailure } from '../../core/failure-view.js';
import { CAUTION_CODES, codeLabel, skillLabel } from '../../core/labels.js';
import { SbElement } from '../../core/sb-element.js';
import { codeChipStyles } from '../../core/code-chips.styles.js';
import { themeStyles } from '../../core/theme.styles.js';
import { renderFeedback } from '../sb-scorecard/sb-scorecard.component.js';
import '../sb-scorecard/sb-scorecard.js';
import { practiceStyles } from './sb-practice.styles.js';

type Phase = 'loading' | 'choose' | 'brief' | 'chat' | 'ended';

/** A coach turn on its way to the server; kept until the server confirms it. */
interface PendingTurn {
  clientTurnId: string;
  text: string;
  /** the server has stored and coded it (the `turn` event arrived) */
  stored: boolean;
  /** the transcript index the server gave it, once stored */
  index?: number;
}

/**
 * @summary A role-play practice session with an AI learning partner.
 *
 * @attr api-base - the server's origin
 * @attr token - bearer token for the learner
 * @attr scenario - open this scenario's brief directly instead of the list
 * @attr drill - open this drill (a session is started when the learner presses Start)
 * @attr session - resume this session (or show its scorecard when it has ended)
 * @attr feedback - `live` (after each turn, default) or `end` (held until the scorecard)
 * @attr transport - `stream` (default; partner replies stream in) or `json`
 * @attr slow-after - milliseconds before "your partner is taking a while" is shown (default 8000)
 * @attr timeout - milliseconds of silence before a turn fails with a retry (default 45000)
 * @attr theme - `light`, `dark` or `auto`
 *
 * @fires sb-session-started - detail: { session }
 * @fires sb-turn-coded - the coach turn is stored; detail: { sessionId, turn }
 * @fires sb-partner-replied - detail: { sessionId, reply }
 * @fires sb-feedback - detail: { sessionId, turnIndex, feedback } (fired in both feedback modes)
 * @fires sb-session-ended - detail: { sessionId, scorecard }
 * @fires sb-error - detail: { message, status, retryable }
 * @fires sb-auth-expired - the token was rejected; set a fresh `token` and the learner can retry
 *
 * @slot - an introduction shown above the scenario list
 * @slot ended - shown under the scorecard (for example "Continue to the next lesson")
 *
 * @csspart scenario-list - the list of scenarios
 * @csspart scenario - one scenario card
 * @csspart brief - the partner brief
 * @csspart start-button - starts the session
 * @csspart header - the chat header
 * @csspart transcript - the conversation (a live region)
 * @csspart message - one message; also `coach-message` / `partner-message`
 * @csspart codes - a coach turn's codes
 * @csspart feedback - per-turn feedback
 * @csspart composer - the reply form
 * @csspart input - the reply box
 * @csspart send-button - Send
 * @csspart end-button - End session
 * @csspart error - a failure message
 * @csspart retry-button - its Retry
 * @csspart scorecard - the embedded `<sb-scorecard>`
 *
 * @cssprop --sb-transcript-max-height - height before the conversation scrolls (default 28rem)
 * @cssprop --sb-color-coach-bubble, --sb-color-partner-bubble - message backgrounds
 */
export class SbPractice extends SbElement {
  static styles = [themeStyles, codeChipStyles, practiceStyles];

  @property() scenario = '';
  @property() drill = '';
  @property() session = '';
  @property() feedback: 'live' | 'end' = 'live';
  @property() transport: 'stream' | 'json' = 'stream';
  @property({ attribute: 'slow-after', type: Number }) slowAfter = 8000;
  @property({ type: Number }) timeout = 45000;
  /** what is known of the `drill` before it starts (title, description), shown on its start screen */
  @property({ attribute: false }) drillInfo: DrillSummary | null = null;

  @state() private phase: Phase = 'loading';
  @state() private scenarios: ScenarioBrief[] = [];
  @state() private chosen: ScenarioBrief | null = null;
  @state() private current: Session | null = null;
  @state() private turns: SessionTurn[] = [];
  /** feedback by coach turn index (kept even when held until the end) */
  @state() private feedbackByTurn = new Map<number, TurnFeedback>();
  @state() private draft = '';
  @state() private busy: 'starting' | 'sending' | 'ending' | null = null;
  @state() private streamingText: string | null = null;
  @state() private slow = false;
  /** announced once per change in the polite status region (not the transcript) */
  @state() private statusText = '';
  /** End was pressed with an unsent reply in the box: the next press ends anyway */
  @state() private confirmEnd = false;

  @query('textarea') private input?: HTMLTextAreaElement;

  private pending: PendingTurn | null = null;
  private opened = false;
  private slowTimer: ReturnType<typeof setTimeout> | undefined;
  private focusAfterRender: string | null = null;

  disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.slowTimer);
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    // hosts often set the token a moment after the element appears: open once it is there, and
    // again when a fresh token replaces one that was refused while opening
    if (changed.has('token') && this.token && this.busy === null && (!this.opened || (this.phase === 'loading' && this.failure))) {
      void this.open();
      return;
    }
    if (!this.opened) return;
    // a host swapping the scenario, drill or session re-opens the component
    const reopen = ['scenario', 'drill', 'session'].some((k) => changed.has(k as keyof SbPractice) && changed.get(k as keyof SbPractice) !== undefined);
    if (reopen && this.isConnected && this.busy === null && this.phase !== 'loading') void this.open();
  }

  protected updated(): void {
    if (this.focusAfterRender) {
      // the target may only appear after a later render (the list after loading)
      const el = this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
      if (el) {
        this.focusAfterRender = null;
        el.focus();
      }
    }
    const conv = this.renderRoot.querySelector('.conversation');
    if (conv) conv.scrollTop = conv.scrollHeight;
  }

  /** Decides the first view from the attributes. */
  private async open(): Promise<void> {
    this.opened = true;
    this.clearFailure();
    this.phase = 'loading';
    try {
      if (this.session) {
        this.adopt(await this.api.getSession(this.session));
      } else if (this.drill) {
        this.chosen = null;
        this.current = null;
        this.phase = 'brief';
      } else {
        const { scenarios } = await this.api.listScenarios();
        this.scenarios = scenarios;
        const wanted = this.scenario ? scenarios.find((s) => s.id === this.scenario) : undefined;
        if (wanted) this.choose(wanted);
        else this.phase = 'choose';
      }
    } catch (err) {
      this.fail(err, () => void this.open());
    }
  }

  private choose(s: ScenarioBrief): void {
    this.chosen = s;
    this.current = null;
    this.phase = 'brief';
    this.focusAfterRender = '#view-heading';
  }

  private async start(): Promise<void> {
    if (this.busy) return;
    this.busy = 'starting';
    this.clearFailure();
    try {
      const session = await this.api.startSession(this.drill && !this.chosen ? { drillId: this.drill } : { scenarioId: this.chosen!.id });
      this.emit('sb-session-started', { session });
      this.adopt(session);
      this.focusAfterRender = 'textarea';
    } catch (err) {
      this.fail(err, () => void this.start());
    } finally {
      this.busy = null;
    }
  }

  /** Takes over a session from the server (new, resumed or ended). */
  private adopt(session: Session): void {
    this.current = session;
    this.chosen = session.scenario;
    this.turns = [...session.turns].sort((a, b) => a.index - b.index);
    this.feedbackByTurn = new Map(session.turns.filter((t) => t.feedback).map((t) => [t.index, t.feedback!]));
    this.draft = readDraft(session.id);
    this.phase = session.status === 'ended' ? 'ended' : 'chat';
  }

  private onKeydown(e: KeyboardEvent): void {
    // Enter sends, Shift+Enter is a new line; IME composition keeps its own Enter
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      void this.send();
    }
  }

  private onInput(e: Event): void {
    this.draft = (e.target as HTMLTextAreaElement).value;
    this.confirmEnd = false;
    if (this.current) writeDraft(this.current.id, this.draft);
  }

  /**
   * Sends the draft as a coach turn. Re-entrant calls while one is in flight are ignored (a
   * double click sends once); a retry of the same text reuses the same clientTurnId.
   */
  async send(): Promise<void> {
    if (this.busy || !this.current) return;
    const text = this.draft.trim();
    if (!this.pending || (!this.pending.stored && this.pending.text !== text)) {
      if (!text) {
        this.statusText = 'Type a reply before sending.';
        return;
      }
      this.pending = { clientTurnId: newClientTurnId(), text, stored: false };
    }
    const pending = this.pending;
    const sessionId = this.current.id;
    this.busy = 'sending';
    this.clearFailure();
    this.slow = false;
    this.statusText = '';
    clearTimeout(this.slowTimer);
    this.slowTimer = setTimeout(() => (this.slow = true), this.slowAfter);
    try {
      const result = await this.api.sendTurn(sessionId, { clientTurnId: pending.clientTurnId, text: pending.text }, {
        stream: this.transport !== 'json',
        timeoutMs: this.timeout,
        onTurn: (turn) => this.acceptCoachTurn(sessionId, pending, turn),
        onToken: (delta) => (this.streamingText = (this.streamingText ?? '') + delta),
        onReply: (reply) => this.acceptReply(sessionId, reply),
        onFeedback: (fb) => this.acceptFeedback(sessionId, pending, fb),
      });
      // a JSON answer, or a stream whose feedback came inside the turn
      this.acceptCoachTurn(sessionId, pending, result.turn);
      this.acceptReply(sessionId, result.reply);
      if (result.turn.feedback) this.acceptFeedback(sessionId, pending, result.turn.feedback);
      this.pending = null;
    } catch (err) {
      this.streamingText = null;
      this.fail(err, () => void this.send());
    } finally {
      clearTimeout(this.slowTimer);
      this.slow = false;
      this.busy = null;
      if (!this.failure) this.focusAfterRender = 'textarea';
    }
  }

  private acceptCoachTurn(sessionId: string, pending: PendingTurn, turn: SessionTurn): void {
    if (this.turns.some((t) => t.index === turn.index)) return;
    pending.stored = true;
    pending.index = turn.index;
    this.turns = [...this.turns, { ...turn, role: 'coach', feedback: undefined }];
    // the server has it now: the draft can go
    if (this.draft.trim() === pending.text) {
      this.draft = '';
      writeDraft(sessionId, '');
    }
    this.statusText = 'Sent.';
    this.emit('sb-turn-coded', { sessionId, turn });
  }

  private acceptReply(sessionId: string, reply: { index: number; text: string }): void {
    this.streamingText = null;
    if (this.turns.some((t) => t.index === reply.index)) return;
    this.turns = [...this.turns, { index: reply.index, role: 'partner', text: reply.text }];
    this.statusText = '';
    this.emit('sb-partner-replied', { sessionId, reply });
  }

  private acceptFeedback(sessionId: string, pending: PendingTurn, fb: TurnFeedback): void {
    const index = pending.index;
    if (index === undefined || this.feedbackByTurn.has(index)) return;
    this.feedbackByTurn = new Map(this.feedbackByTurn).set(index, fb);
    this.emit('sb-feedback', { sessionId, turnIndex: index, feedback: fb });
  }

  async end(): Promise<void> {
    if (this.busy || !this.current) return;
    // an unsent reply is never dropped silently: the first press says so, a second one ends
    if (this.draft.trim() && !this.confirmEnd) {
      this.confirmEnd = true;
      this.statusText = '';
      return;
    }
    this.confirmEnd = false;
    const sessionId = this.current.id;
    this.busy = 'ending';
    this.clearFailure();
    try {
      const { scorecard } = await this.api.endSession(sessionId);
      this.current = { ...this.current, status: 'ended', scorecard };
      this.phase = 'ended';
      this.focusAfterRender = 'sb-scorecard';
      this.emit('sb-session-ended', { sessionId, scorecard });
    } catch (err) {
      this.fail(err, () => void this.end());
    } finally {
      this.busy = null;
    }
  }

  private restart(): void {
    this.current = null;
    this.turns = [];
    this.feedbackByTurn = new Map();
    this.pending = null;
    this.session = '';
    this.drill = '';
    this.scenario = '';
    this.focusAfterRender = '#view-heading';
    void this.open();
  }

  render() {
    const status = html`<div class="sr-only" role="status" aria-live="polite">${this.statusText}</div>`;
    switch (this.phase) {
      case 'loading':
        return html`${renderFailure(this.failure)}${this.failure ? nothing : html`<p class="loading" role="status">${this.token ? 'Loading…' : 'Waiting for sign-in…'}</p>`}`;
      case 'choose':
        return html`${renderFailure(this.failure)}${this.renderChoose()}`;
      case 'brief':
        return html`${this.renderBrief()}${renderFailure(this.failure)}`;
      case 'chat':
        return html`${this.renderChat()}${status}`;
      case 'ended':
        return this.renderEnded();
    }
  }

  private renderChoose() {
    return html`<h2 id="view-heading" tabindex="-1">Choose a practice conversation</h2>
      <slot></slot>
      <ul class="scenarios" part="scenario-list">
        ${this.scenarios.map(
          (s) => html`<li class="scenario card" part="scenario">
            <h3>${s.title}</h3>
            <div class="meta">
              <span>${s.partner.name}, ${s.partner.role}</span>
              <span>Difficulty: ${s.difficulty}</span>
            </div>
            <p>${s.brief}</p>
            ${s.focus?.length ? html`<p class="meta">Stretches: ${s.focus.map(skillLabel).join(', ')}</p>` : nothing}
            <button type="button" class="btn primary" aria-label="Practise this: ${s.title}" @click=${() => this.choose(s)}>Practise this</button>
          </li>`,
        )}
      </ul>`;
  }

  private renderBrief() {
    const s = this.chosen;
    const starting = this.busy === 'starting';
    if (!s) {
      // a drill: the scenario is only known once the session starts
      const d = this.drillInfo;
      return html`<h2 id="view-heading" tabindex="-1">${d?.title ? `Drill: ${d.title}` : 'Your assigned drill'}</h2>
        ${d?.description ? html`<p>${d.description}</p>` : nothing}
        ${d?.focus?.length ? html`<p class="meta">Focus: ${d.focus.map(skillLabel).join(', ')}</p>` : nothing}
        <p>When you start, you will meet your learning partner; their brief is at the top of the conversation.</p>
        <div class="actions">
          <button type="button" class="btn primary" part="start-button" aria-disabled=${starting ? 'true' : 'false'} @click=${() => this.start()}>
            ${starting ? 'Starting…' : 'Start the drill'}
          </button>
        </div>`;
    }
    return html`<h2 id="view-heading" tabindex="-1">${s.title}</h2>
      <section class="card" part="brief" aria-labelledby="brief-heading">
        <h3 id="brief-heading">Partner brief</h3>
        <p class="meta"><span>${s.partner.name}</span><span>${s.partner.role}, ${s.partner.team}</span><span>Difficulty: ${s.difficulty}</span></p>
        <p>${s.brief}</p>
        ${s.focus?.length ? html`<p class="meta">This conversation stretches: ${s.focus.map(skillLabel).join(', ')}</p>` : nothing}
        <p class="muted">You are the coach. Listen, reflect back, ask open questions one at a time, and let ${s.partner.name} find their own way forward.</p>
      </section>
      <div class="actions">
        <button type="button" class="btn primary" part="start-button" aria-disabled=${starting ? 'true' : 'false'} @click=${() => this.start()}>
          ${starting ? 'Starting…' : 'Start the conversation'}
        </button>
        ${this.scenarios.length > 1 ? html`<button type="button" class="btn" @click=${() => this.backToList()}>Choose another</button>` : nothing}
      </div>`;
  }

  private backToList(): void {
    this.chosen = null;
    this.phase = 'choose';
    this.focusAfterRender = '#view-heading';
  }

  private renderChat() {
    const s = this.current!.scenario;
    const drill = this.current!.drill;
    const sending = this.busy === 'sending';
    const partner = s.partner.name;
    return html`<div class="chat-header" part="header">
        <h2 id="view-heading" tabindex="-1">${s.title}</h2>
        <span class="meta">with ${partner}, ${s.partner.role}</span>
      </div>
      <details class="brief" part="brief" ?open=${!this.turns.some((t) => t.role === 'coach')}>
        <summary>Partner brief${drill ? ' and drill' : ''}</summary>
        <p>${s.brief}</p>
        ${drill ? html`<p><strong>${drill.title}</strong>${drill.description ? html`: ${drill.description}` : nothing}</p>` : nothing}
        ${drill?.constraints?.reflectionsOnlyFirstTurns
          ? html`<p>For your first ${drill.constraints.reflectionsOnlyFirstTurns} turns, only reflect back what you hear: no questions, no advice.</p>`
          : nothing}
        ${drill?.constraints?.maxTurns ? html`<p>You have at most ${drill.constraints.maxTurns} turns.</p>` : nothing}
      </details>
      <div class="conversation" tabindex="0" role="region" aria-label="Conversation with ${partner}">
        <div role="log" aria-live="polite" aria-relevant="additions" aria-label="Transcript">
          <ol class="transcript" part="transcript">
            ${this.turns.map((t) => this.renderMessage(t, partner))}
          </ol>
        </div>
        <div class="pending" aria-hidden="true">
          ${this.pending && !this.pending.stored && sending
            ? html`<div class="message coach" part="message coach-message"><span class="who">You</span>${this.pending.text} <span class="typing">(sending…)</span></div>`
            : nothing}
          ${sending && this.pending?.stored
            ? html`<div class="message partner streaming" part="message partner-message">
                <span class="who">${partner}</span>${this.streamingText ? this.streamingText : html`<span class="typing">${partner} is thinking…</span>`}
              </div>`
            : nothing}
        </div>
      </div>
      <p class="status" aria-live="polite">${this.slow ? `${partner} is taking longer than usual. You can keep waiting; nothing is lost.` : ''}</p>
      ${renderFailure(this.failure)}
      ${this.confirmEnd
        ? html`<p class="notice" role="alert">You have a reply you have not sent. Send it first, or press End session again to end without it.</p>`
        : nothing}
      <form class="composer" part="composer" @submit=${(e: Event) => (e.preventDefault(), void this.send())}>
        <div class="field">
          <label for="reply">Your reply to ${partner}</label>
          <textarea
            id="reply"
            part="input"
            rows="3"
            aria-describedby="reply-hint"
            .value=${live(this.draft)}
            @input=${this.onInput}
            @keydown=${this.onKeydown}
          ></textarea>
        </div>
        <div class="composer-actions">
          <span class="hint" id="reply-hint">Enter sends, Shift+Enter adds a line.</span>
          <span class="actions inline">
            <button type="button" class="btn" part="end-button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.end()}>
              ${this.busy === 'ending' ? 'Ending…' : this.confirmEnd ? 'End session anyway' : 'End session'}
            </button>
            <button type="submit" class="btn primary" part="send-button" aria-disabled=${sending ? 'true' : 'false'}>${sending ? 'Sending…' : 'Send'}</button>
          </span>
        </div>
      </form>`;
  }

  private renderMessage(t: SessionTurn, partner: string) {
    const coach = t.role === 'coach';
    const fb = coach && this.feedback !== 'end' ? this.feedbackByTurn.get(t.index) : undefined;
    return html`<li class="message ${t.role}" part="message ${coach ? 'coach-message' : 'partner-message'}">
      <span class="who">${coach ? 'You' : partner}</span>
      ${t.text}
      ${coach && this.feedback !== 'end' && t.codes?.length
        ? html`<ul class="codes" part="codes" aria-label="Codes">
            ${t.codes.map((c) => html`<li class="code ${CAUTION_CODES.has(c) ? 'caution' : ''}">${codeLabel(c)}</li>`)}
          </ul>`
        : nothing}
      ${fb ? renderFeedback(fb) : nothing}
    </li>`;
  }

  private renderEnded() {
    const id = this.current!.id;
    return html`<sb-scorecard
        part="scorecard"
        tabindex="-1"
        session=${id}
        api-base=${this.apiBase}
        token=${this.token}
        theme=${this.theme}
        exportparts="heading,summary,skill,level,check,transcript,turn"
      ></sb-scorecard>
      <slot name="ended"></slot>
      <div class="actions">
        <button type="button" class="btn" @click=${() => this.restart()}>Practise again</button>
      </div>`;
  }
}

/** sessionStorage may be blocked in a third-party iframe: drafts are then kept in memory only. */
function readDraft(sessionId: string): string {
  try {
    return sessionStorage.getItem(`sb-draft:${sessionId}`) ?? '';
  } catch {
    return '';
  }
}

function writeDraft(sessionId: string, text: string): void {
  try {
    if (text) sessionStorage.setItem(`sb-draft:${sessionId}`, text);
    else sessionStorage.removeItem(`sb-draft:${sessionId}`);
  } catch {
    /* storage unavailable: the draft still lives in the text box */
  }
}
