/**
 * @module core/theme.styles
 * The design tokens (from ./tokens.ts) and shared pieces every component uses. Hosts theme through the public
 * `--sb-*` custom properties (read once here into private `--_*` ones, so a component never has to
 * repeat fallbacks) and through `::part`. Colours are chosen for WCAG AA contrast in both the
 * light and the dark palette; the font is the host page's unless `--sb-font-family` says otherwise.
 */
import { css, unsafeCSS } from 'lit';
import { paletteCss, scaleCss } from './tokens.js';

// built from the token data in ./tokens.ts (constants, never user input)
const light = unsafeCSS(paletteCss('light'));
const dark = unsafeCSS(paletteCss('dark'));
const scales = unsafeCSS(scaleCss());

export const themeStyles = css`
  :host {
    ${light}
    ${scales}
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
    font-size: var(--_text-xl);
  }
  h3 {
    font-size: var(--_text-lg);
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
  .btn.small {
    min-height: 2.25rem;
    padding: 0.25em 0.75em;
    font-size: var(--_text-sm);
  }
  .link {
    background: none;
    border: none;
    padding: 0.1em 0.2em;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
    font-size: inherit;
  }
  .avatar {
    display: inline-grid;
    place-items: center;
    flex: none;
    width: 2.25rem;
    height: 2.25rem;
    border-radius: 50%;
    background: var(--_accent-soft);
    color: var(--_text);
    font-size: var(--_text-sm);
    font-weight: 700;
    letter-spacing: 0.02em;
  }
  .avatar.coach {
    font-size: var(--_text-xs);
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-2);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .fact {
    font-size: var(--_text-xs);
    padding: 0.1em 0.6em;
    border-radius: 999px;
    border: 1px solid var(--_border);
    background: var(--_bg);
    color: var(--_text);
  }
  .fact.difficulty {
    font-weight: 600;
  }
  .eyebrow {
    font-size: var(--_text-xs);
    font-weight: 700;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--_muted);
    margin: 0 0 var(--_space-1);
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
