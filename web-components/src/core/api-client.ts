/**
 * @module core/api-client
 * The components' only door to the server: fetch with the bearer token, problem+json turned into
 * {@link ApiProblem}, time limits turned into {@link TimeoutError}, and coach turns sent either as
 * plain JSON or as a Server-Sent Events stream read through fetch.
 */
import type {
  ApiBody,
  ApiJson,
  CoachTurn,
  ProblemBody,
  Session,
  SessionListItem,
  TurnFeedback,
  TurnResult,
} from './api-types.js';
import { ApiProblem, NetworkError, SbError, TimeoutError } from './problem.js';
import { readSse } from './sse-decoder.js';

export interface ApiClientOptions {
  /** the server's origin (or a path prefix); empty means the page's own origin */
  apiBase: string;
  token?: string | null;
  /** injectable for tests; defaults to the global fetch */
  fetch?: typeof fetch;
  /** give up on an ordinary request after this long */
  timeoutMs?: number;
}

/** What a streamed coach turn reports while it runs. */
export interface TurnStreamHandlers {
  /** the coach turn is stored and coded: the learner's text is safe */
  onTurn?(turn: CoachTurn): void;
  onToken?(delta: string): void;
  onReply?(reply: { index: number; text: string }): void;
  onFeedback?(feedback: TurnFeedback): void;
}

export interface SendTurnOptions extends TurnStreamHandlers {
  stream?: boolean;
  signal?: AbortSignal;
  /** abort when the server has sent nothing for this long (a stalled partner) */
  timeoutMs?: number;
}

/**
 * @example
 * const api = new ApiClient({ apiBase: 'https://sb.example.org', token });
 * const { scenarios } = await api.listScenarios();
 */
export class ApiClient {
  readonly apiBase: string;
  readonly token: string | null;
  private readonly fetchFn: typeof fetch;
  private readonly timeoutMs: number;

  constructor(opts: ApiClientOptions) {
    this.apiBase = (opts.apiBase || '').replace(/\/+$/, '');
    this.token = opts.token || null;
    this.fetchFn = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = opts.timeoutMs ?? 30_000;
  }

  listScenarios(): Promise<ApiJson<'/scenarios', 'get'>> {
    return this.json('GET', '/api/scenarios');
  }

  startSession(start: { scenarioId: string } | { drillId: string }): Promise<Session> {
    return this.json('POST', '/api/sessions', start);
  }

  getSession(id: string): Promise<Session> {
    return this.json('GET', `/api/sessions/${encodeURIComponent(id)}`);
  }

  endSession(id: string): Promise<ApiJson<'/sessions/{id}/end', 'post'>> {
    return this.json('POST', `/api/sessions/${encodeURIComponent(id)}/end`, {});
  }

  getProgress(): Promise<ApiJson<'/me/progress', 'get'>> {
    return this.json('GET', '/api/me/progress');
  }

  getAssignments(): Promise<ApiJson<'/me/assignments', 'get'>> {
    return this.json('GET', '/api/me/assignments');
  }

  listDrills(): Promise<ApiJson<'/drills', 'get'>> {
    return this.json('GET', '/api/drills');
  }

  /** Learners needing attention in a cohort, each with the reasons (`GET /api/cohorts/{id}/attention`). */
  cohortAttention(cohortId: string): Promise<ApiJson<'/cohorts/{id}/attention', 'get'>> {
    return this.json('GET', `/api/cohorts/${encodeURIComponent(cohortId)}/attention`);
  }

  /** The caller's sessions, newest first (`GET /api/sessions`). */
  listSessions(): Promise<{ sessions: SessionListItem[] }> {
    return this.json('GET', '/api/sessions');
  }

  /** A cohort learner's sessions, for their facilitator (`GET /api/cohorts/{id}/learners/{personId}/sessions`). */
  learnerSessions(cohortId: string, personId: string): Promise<{ sessions: SessionListItem[] }> {
    return this.json(
      'GET',
      `/api/cohorts/${encodeURIComponent(cohortId)}/learners/${encodeURIComponent(personId)}/sessions`,
    );
  }

  /** One drill with its rules (`GET /api/drills/{id}`). */
  getDrill(id: string): Promise<ApiJson<'/drills/{id}', 'get'>> {
    return this.json('GET', `/api/drills/${encodeURIComponent(id)}`);
  }

  listCohorts(): Promise<ApiJson<'/cohorts', 'get'>> {
    return this.json('GET', '/api/cohorts');
  }

  getCohortProgress(cohortId: string): Promise<ApiJson<'/cohorts/{id}/progress', 'get'>> {
    return this.json('GET', `/api/cohorts/${encodeURIComponent(cohortId)}/progress`);
  }

  /** The cohort's progress as the CSV file the API serves (one row per learner, a column per skill). */
  cohortProgressCsv(cohortId: string): Promise<Blob> {
    return this.request(
      'GET',
      `/api/cohorts/${encodeURIComponent(cohortId)}/progress.csv`,
      undefined,
      'text/csv',
      (res) => res.blob(),
    );
  }

  assignDrill(body: ApiBody<'/assignments', 'post'>): Promise<ApiJson<'/assignments', 'post'>> {
    return this.json('POST', '/api/assignments', body);
  }

  /** Takes a learner out of a cohort: the drills assigned through it go, their sessions and progress stay. */
  removeFromCohort(cohortId: string, personId: string): Promise<void> {
    return this.json(
      'DELETE',
      `/api/cohorts/${encodeURIComponent(cohortId)}/members/${encodeURIComponent(personId)}`,
    );
  }

  /** Cancels one assignment; the learner's sessions on the drill stay in their progress. */
  cancelAssignment(assignmentId: string): Promise<void> {
    return this.json('DELETE', `/api/assignments/${encodeURIComponent(assignmentId)}`);
  }

  /**
   * Sends one coach turn. The same `clientTurnId` may be sent again after any failure: the server
   * answers a repeat with the stored result, so a retry never doubles a turn.
   */
  async sendTurn(
    sessionId: string,
    turn: { clientTurnId: string; text: string },
    opts: SendTurnOptions = {},
  ): Promise<TurnResult> {
    const path = `/api/sessions/${encodeURIComponent(sessionId)}/turns`;
    const timeoutMs = opts.timeoutMs ?? this.timeoutMs;
    const guard = new StallGuard(timeoutMs, opts.signal);
    try {
      const res = await this.send(
        'POST',
        path,
        turn,
        guard.signal,
        opts.stream ? 'text/event-stream' : 'application/json',
      );
      guard.touch();
      const type = res.headers.get('content-type') || '';
      if (!type.includes('text/event-stream') || !res.body) {
        const result = (await res.json()) as TurnResult;
        opts.onTurn?.(result.turn);
        opts.onReply?.(result.reply);
        if (result.turn.feedback) opts.onFeedback?.(result.turn.feedback);
        return result;
      }
      return await readTurnStream(res.body, opts, guard);
    } catch (err) {
      throw guard.translate(err);
    } finally {
      guard.dispose();
    }
  }

  /** A JSON request with the time limit; the parsed body or a thrown {@link SbError}. */
  json<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.request(
      method,
      path,
      body,
      'application/json',
      async (res) => (res.status === 204 ? undefined : await res.json()) as T,
    );
  }

  /** A request with the time limit, its body read by `read` (also within the limit), or a thrown {@link SbError}. */
  private async request<T>(
    method: string,
    path: string,
    body: unknown,
    accept: string,
    read: (res: Response) => Promise<T>,
  ): Promise<T> {
    const guard = new StallGuard(this.timeoutMs);
    try {
      return await read(await this.send(method, path, body, guard.signal, accept));
    } catch (err) {
      throw guard.translate(err);
    } finally {
      guard.dispose();
    }
  }

  private async send(
    method: string,
    path: string,
    body: unknown,
    signal: AbortSignal,
    accept: string,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: `${accept}, application/problem+json` };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await this.fetchFn(this.apiBase + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
        credentials: 'omit',
      });
    } catch (err) {
      throw signal.aborted ? err : new NetworkError(err);
    }
    if (!res.ok) throw new ApiProblem(res.status, await problemBody(res));
    return res;
  }
}

async function problemBody(res: Response): Promise<ProblemBody> {
  try {
    const text = await res.text();
    const parsed = JSON.parse(text) as ProblemBody;
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return { status: res.status, title: res.statusText || undefined };
  }
}

async function readTurnStream(
  body: ReadableStream<Uint8Array>,
  opts: TurnStreamHandlers,
  guard: StallGuard,
): Promise<TurnResult> {
  let turn: CoachTurn | undefined;
  let reply: { index: number; text: string } | undefined;
  let feedback: TurnFeedback | undefined;
  for await (const ev of readSse(body)) {
    guard.touch();
    const data = ev.data ? JSON.parse(ev.data) : {};
    switch (ev.event) {
      case 'turn':
        turn = data as CoachTurn;
        opts.onTurn?.(turn);
        break;
      case 'token':
        opts.onToken?.(String(data.text ?? ''));
        break;
      case 'reply':
        reply = data;
        opts.onReply?.(data);
        break;
      case 'feedback':
        feedback = data as TurnFeedback;
        opts.onFeedback?.(feedback);
        break;
      case 'problem':
        throw new ApiProblem(Number(data.status) || 500, data as ProblemBody);
      case 'done':
        if (!turn || !reply) throw new SbError('The answer was incomplete. Try again.', true);
        return { turn: { ...turn, role: 'coach', feedback: feedback ?? turn.feedback }, reply };
    }
  }
  // the stream closed without `done`: treat like a dropped connection so a retry replays it
  throw new NetworkError();
}

/**
 * One AbortController that fires when the caller aborts or when nothing has arrived for
 * `timeoutMs`; it remembers which of the two happened so the error says the right thing.
 */
class StallGuard {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timedOut = false;
  private readonly onOuterAbort = () => this.controller.abort();

  constructor(
    private readonly timeoutMs: number,
    private readonly outer?: AbortSignal,
  ) {
    outer?.addEventListener('abort', this.onOuterAbort);
    if (outer?.aborted) this.controller.abort();
    this.touch();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  touch(): void {
    clearTimeout(this.timer);
    if (this.timeoutMs > 0 && this.timeoutMs < Infinity) {
      this.timer = setTimeout(() => {
        this.timedOut = true;
        this.controller.abort();
      }, this.timeoutMs);
    }
  }

  translate(err: unknown): unknown {
    if (err instanceof SbError) return err;
    if (this.timedOut) return new TimeoutError(this.timeoutMs);
    if (this.outer?.aborted) return err; // the caller cancelled: let them see their own abort
    if (err instanceof SyntaxError)
      return new SbError('The server sent an answer we could not read. Try again.', true);
    return new NetworkError(err);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onOuterAbort);
  }
}
