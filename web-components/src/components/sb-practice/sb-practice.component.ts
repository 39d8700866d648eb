/**
 * @module components/sb-practice/component
 * A whole practice session in one element: choose a scenario (or open a drill), read the
 * partner brief, talk with the partner, see each turn's move and a nudge (the full feedback on
 * demand), end the session and see the scorecard. The session's state lives in one
 * `PracticeController`; the screens are drawn by `scenario-views` and `conversation-view` into
 * this element's one shadow root (so labels, live regions and focus stay in one tree).
 */
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DrillSummary } from '../../core/api-types.js';
import { renderFailure } from '../../core/failure-view.js';
import { SbElement } from '../../core/sb-element.js';
import { codeChipStyles } from '../../core/code-chips.styles.js';
import { themeStyles } from '../../core/theme.styles.js';
import '../sb-scorecard/sb-scorecard.js';
import { renderConversation, type FeedbackMode } from './conversation-view.js';
import { PracticeController } from './practice-controller.js';
import { renderBrief, renderScenarioList } from './scenario-views.js';
import { practiceStyles } from './sb-practice.styles.js';

/** Width (px) from which a turn's full feedback opens in a side panel rather than under the turn. */
const PANEL_FROM = 760;

/**
 * @summary A role-play practice session with an AI learning partner.
 * @tagname sb-practice
 *
 * @attr api-base - the server's origin
 * @attr token - bearer token for the learner
 * @attr scenario - open this scenario's brief directly instead of the list
 * @attr drill - open this drill (a session is started when the learner presses Start)
 * @attr session - resume this session (or show its scorecard when it has ended)
 * @attr feedback - `nudge` (default: each turn's move and one short nudge, the full feedback on demand),
 *   `live` (the full feedback under each turn) or `end` (held until the scorecard)
 * @attr transport - `stream` (default; partner replies stream in) or `json`
 * @attr slow-after - milliseconds before "your partner is taking a while" is shown (default 8000)
 * @attr timeout - milliseconds of silence before a turn fails with a retry (default 45000)
 * @attr theme - `light`, `dark` or `auto`
 * @prop sessionId - (read-only) the id of the session in view
 *
 * @fires sb-session-started - detail: { session }
 * @fires sb-turn-coded - the coach turn is stored; detail: { sessionId, turn }
 * @fires sb-partner-replied - detail: { sessionId, reply }
 * @fires sb-feedback - detail: { sessionId, turnIndex, feedback } (fired in both feedback modes)
 * @fires sb-session-ended - detail: { sessionId, scorecard }
 * (the scorecard's `sb-drill-requested` opens that drill here, and bubbles on)
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
 * @csspart nudge - a coach turn's one-line nudge
 * @csspart feedback-toggle - "More feedback" under a turn
 * @csspart feedback-panel - the side panel with a turn's full feedback (wide screens)
 * @csspart rules - a drill's rules
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
  @property() feedback: FeedbackMode = 'nudge';
  @property() transport: 'stream' | 'json' = 'stream';
  @property({ attribute: 'slow-after', type: Number }) slowAfter = 8000;
  @property({ type: Number }) timeout = 45000;
  /** what is known of the `drill` before it starts (title, description), shown on its start screen */
  @property({ attribute: false }) drillInfo: DrillSummary | null = null;

  /** the coach turn whose full feedback is open */
  @state() private openTurn: number | null = null;
  @state() private wide = false;

  private readonly practice = new PracticeController(this, {
    api: () => this.api,
    emit: (name, detail) => void this.emit(name, detail),
    report: (err, retry) => this.report(err, retry),
    drillInfo: () => this.drillInfo,
    options: () => ({
      scenario: this.scenario,
      drill: this.drill,
      session: this.session,
      transport: this.transport,
      slowAfter: this.slowAfter,
      timeout: this.timeout,
    }),
    focus: (selector) => (this.focusAfterRender = selector),
  });
  private focusAfterRender: string | null = null;
  private followed = '';
  private resize?: ResizeObserver;

  connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver !== 'undefined') {
      this.resize = new ResizeObserver((entries) => {
        const wide = (entries[0]?.contentRect.width ?? 0) >= PANEL_FROM;
        if (wide !== this.wide) this.wide = wide;
      });
      this.resize.observe(this);
    }
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    const c = this.practice;
    // hosts often set the token a moment after the element appears: open once it is there, and
    // again when a fresh token replaces one that was refused while opening
    if (
      changed.has('token') &&
      this.token &&
      c.busy === null &&
      (!c.opened || (c.phase === 'loading' && c.failure))
    ) {
      void c.open();
      return;
    }
    if (!c.opened) return;
    // a host swapping the scenario, drill or session re-opens the component
    const reopen = ['scenario', 'drill', 'session'].some(
      (k) => changed.has(k as keyof SbPractice) && changed.get(k as keyof SbPractice) !== undefined,
    );
    if (reopen && this.isConnected && c.busy === null && c.phase !== 'loading') void c.open();
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
    // follow the conversation as it grows, but not when the learner opens feedback on an older turn
    const c = this.practice;
    const grown = `${c.turns.length}:${c.busy}:${c.streamingText?.length ?? 0}`;
    const conv = this.renderRoot.querySelector('.conversation');
    if (conv && grown !== this.followed) conv.scrollTop = conv.scrollHeight;
    this.followed = grown;
  }

  /** The id of the session in view (empty before one starts): a host may keep it to resume later. */
  get sessionId(): string {
    return this.practice.current?.id ?? '';
  }

  /** Sends the draft as a coach turn (a double click sends once; a retry reuses the turn's id). */
  send(): Promise<void> {
    return this.practice.send();
  }

  /** Ends the session (asks again first when an unsent reply is in the box). */
  end(): Promise<void> {
    return this.practice.end();
  }

  private restart(): void {
    this.practice.reset();
    this.openTurn = null;
    this.session = '';
    this.drill = '';
    this.scenario = '';
    this.focusAfterRender = '#view-heading';
    void this.practice.open();
  }

  /** "Practise it" / "Try the drill again" on the scorecard: open that drill here. */
  private openDrill = (e: CustomEvent<{ drillId: string; drill: DrillSummary | null }>): void => {
    this.practice.reset();
    this.openTurn = null;
    this.drillInfo = e.detail.drill;
    this.session = '';
    this.scenario = '';
    this.drill = e.detail.drillId;
    this.focusAfterRender = '#view-heading';
    void this.practice.open();
  };

  private toggleFeedback = (index: number): void => {
    this.openTurn = this.openTurn === index ? null : index;
  };

  private onKeydown = (e: KeyboardEvent): void => {
    // Enter sends, Shift+Enter is a new line; IME composition keeps its own Enter
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      void this.practice.send();
    }
  };

  private onInput = (e: Event): void => {
    this.practice.setDraft((e.target as HTMLTextAreaElement).value);
  };

  render() {
    const c = this.practice;
    const status = html`<div class="sr-only" role="status" aria-live="polite">${c.statusText}</div>`;
    switch (c.phase) {
      case 'loading':
        return html`${renderFailure(c.failure)}${c.failure ? nothing : html`<p class="loading" role="status">${this.token ? 'Loading…' : 'Waiting for sign-in…'}</p>`}`;
      case 'choose':
        return html`${renderFailure(c.failure)}${renderScenarioList(c.scenarios, (s) => c.choose(s))}`;
      case 'brief':
        return html`${renderBrief({
          scenario: c.chosen,
          drill: this.drillInfo,
          starting: c.busy === 'starting',
          canGoBack: c.scenarios.length > 1,
          start: () => void c.start(),
          back: () => c.backToList(),
        })}${renderFailure(c.failure)}`;
      case 'chat':
        return html`${renderConversation(c, {
          mode: this.feedback === 'live' || this.feedback === 'end' ? this.feedback : 'nudge',
          wide: this.wide,
          openTurn: this.openTurn,
          toggle: this.toggleFeedback,
          onInput: this.onInput,
          onKeydown: this.onKeydown,
        })}${status}`;
      case 'ended':
        return this.renderEnded();
    }
  }

  private renderEnded() {
    const id = this.practice.current!.id;
    return html`<sb-scorecard
        part="scorecard"
        tabindex="-1"
        session=${id}
        api-base=${this.apiBase}
        token=${this.token}
        theme=${this.theme}
        @sb-drill-requested=${this.openDrill}
        exportparts="heading,summary,skill,level,check,transcript,turn"
      ></sb-scorecard>
      <slot name="ended"></slot>
      <div class="actions">
        <button type="button" class="btn" @click=${() => this.restart()}>Practise again</button>
      </div>`;
  }
}
