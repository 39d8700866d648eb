/**
 * @module components/sb-practice/practice-controller
 * The one owner of a practice session's state: which screen is showing, the scenarios, the
 * session and its turns, the draft, the coach turn on its way to the server and its feedback.
 * The element and its views only read this and call its actions, so a turn's life (draft →
 * sent → stored → partner reply → feedback) is written in one place. What the learner typed
 * stays in the box (and in sessionStorage) until the server has stored it; a retry reuses the
 * turn's `clientTurnId`, so nothing is sent twice.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../../core/api-client.js';
import type {
  CoachTurn,
  DrillSummary,
  ScenarioBrief,
  Session,
  SessionTurn,
  TurnFeedback,
} from '../../core/api-types.js';
import { newClientTurnId } from '../../core/client-turn-id.js';
import type { SbEventMap, SbEventName } from '../../core/events.js';
import type { FailureView } from '../../core/sb-element.js';

export type Phase = 'loading' | 'choose' | 'brief' | 'chat' | 'ended';

/** A coach turn on its way to the server; kept until the server confirms it. */
export interface PendingTurn {
  clientTurnId: string;
  text: string;
  /** the server has stored and coded it (the `turn` event arrived) */
  stored: boolean;
  /** the transcript index the server gave it, once stored */
  index?: number;
}

/** What the controller needs from the element it serves. */
export interface PracticeHostDeps {
  api(): ApiClient;
  emit<K extends SbEventName>(name: K, detail: SbEventMap[K]): void;
  report(err: unknown, retry?: () => void): FailureView;
  /** the element's attributes, read when (re)opening */
  /** what the host already knows of the drill (from an assignment or a scorecard) */
  drillInfo(): DrillSummary | null;
  options(): {
    scenario: string;
    drill: string;
    session: string;
    transport: 'stream' | 'json';
    slowAfter: number;
    timeout: number;
  };
  /** asks the element to focus this selector after the next render */
  focus(selector: string): void;
}

export class PracticeController implements ReactiveController {
  phase: Phase = 'loading';
  scenarios: ScenarioBrief[] = [];
  chosen: ScenarioBrief | null = null;
  current: Session | null = null;
  turns: SessionTurn[] = [];
  /** feedback by coach turn index (kept even when held until the end) */
  feedbackByTurn = new Map<number, TurnFeedback>();
  draft = '';
  busy: 'starting' | 'sending' | 'ending' | null = null;
  streamingText: string | null = null;
  slow = false;
  /** announced once per change in the polite status region (not the transcript) */
  statusText = '';
  /** End was pressed with an unsent reply in the box: the next press ends anyway */
  confirmEnd = false;
  failure: FailureView | null = null;
  pending: PendingTurn | null = null;
  opened = false;

  private slowTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly deps: PracticeHostDeps,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.slowTimer);
  }

  private changed(): void {
    this.host.requestUpdate();
  }

  private fail(err: unknown, retry: () => void): void {
    this.failure = this.deps.report(err, retry);
    this.changed();
  }

  /** Decides the first view from the attributes. */
  async open(): Promise<void> {
    const o = this.deps.options();
    this.opened = true;
    this.failure = null;
    this.phase = 'loading';
    this.changed();
    try {
      if (o.session) {
        this.adopt(await this.deps.api().getSession(o.session));
      } else if (o.drill) {
        this.chosen = null;
        this.current = null;
        this.phase = 'brief';
      } else {
        const { scenarios } = await this.deps.api().listScenarios();
        this.scenarios = scenarios;
        const wanted = o.scenario ? scenarios.find((s) => s.id === o.scenario) : undefined;
        if (wanted) this.choose(wanted);
        else this.phase = 'choose';
      }
    } catch (err) {
      this.fail(err, () => void this.open());
    }
    this.changed();
  }

  choose(s: ScenarioBrief): void {
    this.chosen = s;
    this.current = null;
    this.phase = 'brief';
    this.deps.focus('#view-heading');
    this.changed();
  }

  backToList(): void {
    this.chosen = null;
    this.phase = 'choose';
    this.deps.focus('#view-heading');
    this.changed();
  }

  async start(): Promise<void> {
    if (this.busy) return;
    const { drill } = this.deps.options();
    this.busy = 'starting';
    this.failure = null;
    this.changed();
    try {
      const session = await this.deps
        .api()
        .startSession(drill && !this.chosen ? { drillId: drill } : { scenarioId: this.chosen!.id });
      this.deps.emit('sb-session-started', { session });
      this.adopt(session);
      this.deps.focus('textarea');
    } catch (err) {
      this.fail(err, () => void this.start());
    } finally {
      this.busy = null;
      this.changed();
    }
  }

  /** Takes over a session from the server (new, resumed or ended). */
  adopt(session: Session): void {
    const known = this.deps.drillInfo();
    this.current =
      session.drillId && known?.id === session.drillId ? { ...session, drill: known } : session;
    // the API names the drill only by id: read its rules, so they stay in view during the drill
    if (session.drillId && !this.current.drill) void this.readDrill(session.id, session.drillId);
    this.chosen = session.scenario;
    this.turns = [...session.turns].sort((a, b) => a.index - b.index);
    this.feedbackByTurn = new Map(
      session.turns.filter((t) => t.feedback).map((t) => [t.index, t.feedback!]),
    );
    this.draft = readDraft(session.id);
    this.phase = session.status === 'ended' ? 'ended' : 'chat';
    this.changed();
  }

  private async readDrill(sessionId: string, drillId: string): Promise<void> {
    try {
      const drill = await this.deps.api().getDrill(drillId);
      if (this.current?.id === sessionId) {
        this.current = { ...this.current, drill };
        this.changed();
      }
    } catch {
      /* the drill's rules are a help, not a need: the conversation goes on without them */
    }
  }

  setDraft(text: string): void {
    this.draft = text;
    this.confirmEnd = false;
    if (this.current) writeDraft(this.current.id, text);
    this.changed();
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
        this.changed();
        return;
      }
      this.pending = { clientTurnId: newClientTurnId(), text, stored: false };
    }
    const pending = this.pending;
    const sessionId = this.current.id;
    const o = this.deps.options();
    this.busy = 'sending';
    this.failure = null;
    this.slow = false;
    this.statusText = '';
    clearTimeout(this.slowTimer);
    this.slowTimer = setTimeout(() => {
      this.slow = true;
      this.changed();
    }, o.slowAfter);
    this.changed();
    try {
      const result = await this.deps.api().sendTurn(
        sessionId,
        { clientTurnId: pending.clientTurnId, text: pending.text },
        {
          stream: o.transport !== 'json',
          timeoutMs: o.timeout,
          onTurn: (turn) => this.acceptCoachTurn(sessionId, pending, turn),
          onToken: (delta) => {
            this.streamingText = (this.streamingText ?? '') + delta;
            this.changed();
          },
          onReply: (reply) => this.acceptReply(sessionId, reply),
          onFeedback: (fb) => this.acceptFeedback(sessionId, pending, fb),
        },
      );
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
      if (!this.failure) this.deps.focus('textarea');
      this.changed();
    }
  }

  private acceptCoachTurn(sessionId: string, pending: PendingTurn, turn: CoachTurn): void {
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
    this.deps.emit('sb-turn-coded', { sessionId, turn });
    this.changed();
  }

  private acceptReply(sessionId: string, reply: { index: number; text: string }): void {
    this.streamingText = null;
    if (this.turns.some((t) => t.index === reply.index)) return;
    this.turns = [...this.turns, { index: reply.index, role: 'partner', text: reply.text }];
    this.statusText = '';
    this.deps.emit('sb-partner-replied', { sessionId, reply });
    this.changed();
  }

  private acceptFeedback(sessionId: string, pending: PendingTurn, fb: TurnFeedback): void {
    const index = pending.index;
    if (index === undefined || this.feedbackByTurn.has(index)) return;
    this.feedbackByTurn = new Map(this.feedbackByTurn).set(index, fb);
    this.deps.emit('sb-feedback', { sessionId, turnIndex: index, feedback: fb });
    this.changed();
  }

  async end(): Promise<void> {
    if (this.busy || !this.current) return;
    // an unsent reply is never dropped silently: the first press says so, a second one ends
    if (this.draft.trim() && !this.confirmEnd) {
      this.confirmEnd = true;
      this.statusText = '';
      this.changed();
      return;
    }
    this.confirmEnd = false;
    const sessionId = this.current.id;
    this.busy = 'ending';
    this.failure = null;
    this.changed();
    try {
      const { scorecard } = await this.deps.api().endSession(sessionId);
      this.current = { ...this.current, status: 'ended', scorecard };
      this.phase = 'ended';
      this.deps.focus('sb-scorecard');
      this.deps.emit('sb-session-ended', { sessionId, scorecard });
    } catch (err) {
      this.fail(err, () => void this.end());
    } finally {
      this.busy = null;
      this.changed();
    }
  }

  /** Forgets the session (the element clears its attributes and opens again). */
  reset(): void {
    this.current = null;
    this.turns = [];
    this.feedbackByTurn = new Map();
    this.pending = null;
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
