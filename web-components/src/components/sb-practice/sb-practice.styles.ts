/**
 * @module components/sb-practice/styles
 * A chat that reads well from a 360 px LMS column to a full page: bubbles that wrap any word,
 * the partner's initials beside their words, a "thinking" state, one-line nudges, the full
 * feedback in a side panel on wide screens, a composer that stacks on narrow widths.
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
  .person {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    font-size: var(--_text-sm);
  }
  .situation {
    margin: 0;
  }
  .rules {
    margin: 0 0 var(--_space-3);
    padding: var(--_space-2) var(--_space-3) var(--_space-2) var(--_space-6);
    border-left: 3px solid var(--_accent);
    background: var(--_surface);
    border-radius: 0 var(--_radius) var(--_radius) 0;
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
  .chat-header {
    justify-content: flex-start;
    align-items: center;
  }
  .chat-layout {
    display: grid;
    gap: var(--_space-3);
  }
  .chat-layout.with-panel {
    grid-template-columns: minmax(0, 1fr) minmax(16rem, 22rem);
    align-items: start;
  }
  .feedback-panel {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-3);
    background: var(--_surface);
    position: sticky;
    top: var(--_space-2);
  }
  .feedback-panel .panel-head {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: var(--_space-2);
  }
  .feedback-panel h3 {
    margin: 0;
  }
  .feedback-panel blockquote {
    margin: var(--_space-2) 0;
    font-style: italic;
  }
  .feedback-panel .feedback {
    background: transparent;
  }
  .nudge {
    margin: var(--_space-1) 0 0;
    font-size: var(--_text-sm);
    color: var(--_muted);
  }
  .nudge::before {
    content: '→ ';
    font-weight: 700;
  }
  .nudge.worked::before {
    content: '✓ ';
  }
  .more {
    padding-left: 0;
    font-size: var(--_text-sm);
  }
  .who .avatar {
    width: 1.75rem;
    height: 1.75rem;
    margin-right: var(--_space-2);
    font-size: var(--_text-xs);
  }
  .message.partner .who {
    display: flex;
    align-items: center;
    margin-bottom: var(--_space-1);
  }
  .dots {
    display: inline-flex;
    gap: 3px;
    vertical-align: middle;
  }
  .dots i {
    width: 6px;
    height: 6px;
    border-radius: 50%;
    background: var(--_muted);
    display: block;
  }
  @media (prefers-reduced-motion: no-preference) {
    .dots i {
      animation: sb-blink 1.2s infinite ease-in-out;
    }
    .dots i:nth-child(2) {
      animation-delay: 0.2s;
    }
    .dots i:nth-child(3) {
      animation-delay: 0.4s;
    }
  }
  @keyframes sb-blink {
    0%,
    80%,
    100% {
      opacity: 0.3;
    }
    40% {
      opacity: 1;
    }
  }
  details.brief {
    margin-bottom: var(--_space);
  }
  details.brief summary {
    cursor: pointer;
    font-weight: 600;
  }
  .conversation {
    min-width: 0;
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
    .conversation {
      /* a narrow column: the page scrolls, not a box inside it */
      max-height: none;
      padding: var(--_space-2);
    }
    .composer-actions .btn {
      flex: 1 1 auto;
    }
  }
`;
