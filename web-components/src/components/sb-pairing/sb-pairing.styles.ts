/**
 * @module components/sb-pairing/styles
 * Proposed pairs as cards that wrap to the width the LMS gives; the series as a table (the
 * toolbar and the table are the staff screens' own: core/records.styles).
 */
import { css } from 'lit';

export const pairingStyles = css`
  :host {
    padding: var(--_space);
  }
  .pairs {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.75em;
    grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
  }
  .pairs > li {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em;
  }
  /* font, background and border come from the theme's fields */
  select {
    color: var(--_text);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.3em;
  }
  .attention {
    color: var(--_danger);
  }
`;
