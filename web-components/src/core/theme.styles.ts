/**
 * @module core/theme.styles
 * The design tokens and shared pieces every component uses. Hosts theme through the public
 * `--sb-*` custom properties (read once here into private `--_*` ones, so a component never has to
 * repeat fallbacks) and through `::part`. Colours are chosen for WCAG AA contrast in both the
 * light and the dark palette; the font is the host page's unless `--sb-font-family` says otherwise.
 */
import { css } from 'lit';

const light = css`
  --_bg: var(--sb-color-bg, #ffffff);
  --_surface: var(--sb-color-surface, #f4f6f8);
  --_text: var(--sb-color-text, #1b1f24);
  --_muted: var(--sb-color-muted, #4a5360);
  --_border: var(--sb-color-border, #8a94a3);
  --_accent: var(--sb-color-accent, #1f5fbf);
  --_accent-text: var(--sb-color-accent-text, #ffffff);
  --_coach-bubble: var(--sb-color-coach-bubble, #e6eefb);
  --_partner-bubble: var(--sb-color-partner-bubble, #f4f6f8);
  --_danger: var(--sb-color-danger, #a3262a);
  --_danger-bg: var(--sb-color-danger-bg, #fbe9e9);
  --_good: var(--sb-color-good, #14532d);
  --_good-bg: var(--sb-color-good-bg, #e1f3e6);
  --_fair: var(--sb-color-fair, #6b4500);
  --_fair-bg: var(--sb-color-fair-bg, #fdf0d5);
  --_not-yet: var(--sb-color-not-yet, #8a1c1f);
  --_not-yet-bg: var(--sb-color-not-yet-bg, #fbe4e4);
  --_focus: var(--sb-focus-ring, #1f5fbf);
`;

const dark = css`
  --_bg: var(--sb-color-bg, #16191d);
  --_surface: var(--sb-color-surface, #21262d);
  --_text: var(--sb-color-text, #e8eaed);
  --_muted: var(--sb-color-muted, #b3bbc6);
  --_border: var(--sb-color-border, #6b7583);
  --_accent: var(--sb-color-accent, #8ab4f8);
  --_accent-text: var(--sb-color-accent-text, #0b1a33);
  --_coach-bubble: var(--sb-color-coach-bubble, #1d2b42);
  --_partner-bubble: var(--sb-color-partner-bubble, #262c34);
  --_danger: var(--sb-color-danger, #f4a3a3);
  --_danger-bg: var(--sb-color-danger-bg, #3d1a1b);
  --_good: var(--sb-color-good, #8fdca6);
  --_good-bg: var(--sb-color-good-bg, #17351f);
  --_fair: var(--sb-color-fair, #f3c56b);
  --_fair-bg: var(--sb-color-fair-bg, #3a2c0c);
  --_not-yet: var(--sb-color-not-yet, #f4a3a3);
  --_not-yet-bg: var(--sb-color-not-yet-bg, #3d1a1b);
  --_focus: var(--sb-focus-ring, #8ab4f8);
`;

export const themeStyles = css`
  :host {
    ${light}
    --_radius: var(--sb-radius, 0.5rem);
    --_space: var(--sb-space, 1rem);
    display: block;
    box-sizing: border-box;
    max-width: 100%;
    min-width: 0;
    container-type: inline-size;
    font-family: var(--sb-font-family, inherit);
    font-size: var(--sb-font-size, 1rem);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_bg);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  :host([theme='dark']) {
    ${dark}
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
      color-scheme: dark;
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2,
  h3,
  h4 {
    line-height: 1.25;
    margin: 0 0 0.5em;
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1.1em;
  }
  h4 {
    font-size: 1em;
  }
  p {
    margin: 0 0 0.75em;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button,
  select,
  textarea,
  input {
    font: inherit;
    color: inherit;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 2.5rem;
    padding: 0.4em 1em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
    cursor: pointer;
    text-align: center;
  }
  .btn:hover {
    background: var(--_surface);
  }
  .btn.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  .btn.primary:hover {
    filter: brightness(1.08);
  }
  .btn[disabled],
  .btn[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.7;
  }
  .field {
    display: grid;
    gap: 0.25em;
    min-width: 0;
  }
  .field label {
    font-weight: 600;
  }
  select,
  textarea,
  input {
    width: 100%;
    min-width: 0;
    padding: 0.5em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .muted {
    color: var(--_muted);
  }
  .card {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .alert {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    padding: 0.75em 1em;
    border-radius: var(--_radius);
    border: 1px solid var(--_danger);
    background: var(--_danger-bg);
    color: var(--_text);
  }
  .alert p {
    margin: 0;
    flex: 1 1 12em;
  }
  .level {
    display: inline-block;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    font-size: 0.875em;
    font-weight: 600;
    white-space: nowrap;
  }
  .level.good {
    color: var(--_good);
    background: var(--_good-bg);
  }
  .level.fair {
    color: var(--_fair);
    background: var(--_fair-bg);
  }
  .level.not_yet,
  .level.none {
    color: var(--_not-yet);
    background: var(--_not-yet-bg);
  }
  .level.none {
    color: var(--_muted);
    background: var(--_surface);
  }
  .loading {
    color: var(--_muted);
    font-style: italic;
  }
  @media (prefers-reduced-motion: no-preference) {
    .btn {
      transition: background-color 120ms ease;
    }
  }
`;
