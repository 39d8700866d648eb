/**
 * @module components/sb-practice/styles
 * A chat that reads well from a 360 px LMS column to a full page: bubbles that wrap any word,
 * a composer that stacks on narrow widths, the transcript scrolling inside itself.
 */
import { css } from 'lit';

export const practiceStyles = css`
  :host {
    padding: var(--_space);
  }
  sb-scorecard {
    padding: 0;
  }
  .scenarios {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
  }
  .scenario {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  .scenario h3 {
    margin: 0;
  }
  .scenario .btn {
    margin-top: auto;
    align-self: flex-start;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-top: var(--_space);
  }
  .chat-header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.25em 1em;
    margin-bottom: 0.5em;
  }
  .chat-header h2 {
    margin: 0;
  }
  details.brief {
    margin-bottom: var(--_space);
  }
  details.brief summary {
    cursor: pointer;
    font-weight: 600;
  }
  .conversation {
    max-height: var(--sb-transcript-max-height, 28rem);
    overflow-y: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em;
    background: var(--_bg);
  }
  .transcript {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .message {
    max-width: min(100%, 40rem);
    padding: 0.6em 0.8em;
    border-radius: var(--_radius);
    background: var(--_partner-bubble);
    justify-self: start;
  }
  .message.coach {
    background: var(--_coach-bubble);
    justify-self: end;
  }
  .who {
    display: block;
    font-size: 0.8em;
    font-weight: 600;
    color: var(--_muted);
  }
  .pending {
    margin-top: 0.75em;
    display: grid;
    gap: 0.75em;
  }
  .typing {
    color: var(--_muted);
    font-style: italic;
  }
  .feedback {
    margin: 0.5em 0 0;
    padding: 0.5em 0.75em;
    border-left: 3px solid var(--_accent);
    background: var(--_bg);
    font-size: 0.925em;
  }
  .feedback dt {
    font-weight: 600;
  }
  .feedback dd {
    margin: 0 0 0.25em;
  }
  .status {
    min-height: 1.5em;
    margin: 0.5em 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .notice {
    margin: 0.5em 0;
    padding: 0.5em 0.75em;
    border-left: 3px solid var(--_fair);
    background: var(--_fair-bg);
  }
  form.composer {
    display: grid;
    gap: 0.5em;
    margin-top: 0.5em;
  }
  form.composer textarea {
    min-height: 4.5em;
    resize: vertical;
  }
  .composer-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    justify-content: space-between;
    align-items: center;
  }
  .actions.inline {
    margin: 0;
  }
  .hint {
    font-size: 0.8em;
    color: var(--_muted);
  }
  .alert {
    margin: 0.5em 0;
  }
  @container (max-width: 30rem) {
    .composer-actions .btn {
      flex: 1 1 auto;
    }
  }
`;
