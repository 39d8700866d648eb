/**
 * @module core/sb-element
 * The base of every Sounding Board component: the common `api-base` and `token` attributes, an
 * API client rebuilt when either changes, a typed `emit()` (bubbles + composed) and the shared
 * failure handling (message, retry, `sb-auth-expired`).
 */
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiClient } from './api-client.js';
import type { SbEventMap, SbEventName } from './events.js';
import { ApiProblem, describeFailure } from './problem.js';

/** What a component shows after a failed request. */
export interface FailureView {
  message: string;
  retryable: boolean;
  /** re-runs what failed */
  retry?: () => void;
}

export class SbElement extends LitElement {
  /** The server's origin, e.g. `https://sb.example.org`. Empty: the page's own origin. */
  @property({ attribute: 'api-base' }) apiBase = '';
  /** A bearer token (an embed token minted for this learner). Set a new one after `sb-auth-expired`. */
  @property() token = '';
  /** `light`, `dark` or `auto` (follows the system). Reflected so the styles can see it. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  @state() protected failure: FailureView | null = null;

  private client: ApiClient | null = null;

  /** The API client for the current `api-base` and `token`. */
  protected get api(): ApiClient {
    if (
      !this.client ||
      this.client.apiBase !== this.apiBase.replace(/\/+$/, '') ||
      this.client.token !== (this.token || null)
    ) {
      this.client = new ApiClient({ apiBase: this.apiBase, token: this.token });
    }
    return this.client;
  }

  /**
   * Fires a typed `sb-` event that bubbles out of the shadow root.
   * @returns false when a listener called `preventDefault()` on a cancelable event
   */
  emit<K extends SbEventName>(
    name: K,
    detail: SbEventMap[K],
    options: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(
      new CustomEvent(name, {
        detail,
        bubbles: true,
        composed: true,
        cancelable: options.cancelable ?? false,
      }),
    );
  }

  /** Shows a failure with a retry and tells the host page about it. */
  protected fail(err: unknown, retry?: () => void): void {
    this.failure = this.report(err, retry);
  }

  /**
   * Tells the host page about a failure (`sb-error`, and `sb-auth-expired` on a 401) and returns
   * what to show, for a component that shows it somewhere other than its main failure slot.
   */
  protected report(err: unknown, retry?: () => void): FailureView {
    const f = describeFailure(err);
    this.emit('sb-error', {
      message: f.message,
      status: err instanceof ApiProblem ? err.status : undefined,
      retryable: f.retryable,
    });
    if (f.auth) this.emit('sb-auth-expired', { status: 401 });
    return { message: f.message, retryable: f.retryable, retry: f.retryable ? retry : undefined };
  }

  protected clearFailure(): void {
    this.failure = null;
  }
}
