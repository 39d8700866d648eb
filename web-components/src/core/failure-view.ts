/**
 * @module core/failure-view
 * The one way a failure is shown: a `role="alert"` message (read at once by screen readers)
 * and, when trying again can help, a Retry button that re-runs exactly what failed.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FailureView } from './sb-element.js';

export function renderFailure(failure: FailureView | null): TemplateResult | typeof nothing {
  if (!failure) return nothing;
  return html`<div class="alert" role="alert" part="error">
    <p>${failure.message}</p>
    ${failure.retry ? html`<button class="btn" type="button" part="retry-button" @click=${failure.retry}>Retry</button>` : nothing}
  </div>`;
}
