/**
 * @module components/sb-pairing/styles
 * Proposed pairs as cards that wrap to the width the LMS gives; the series as a table.
 */
import { css } from 'lit';

export const pairingStyles = css`
  :host {
    padding: var(--_space);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: end;
    margin-bottom: var(--_space);
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
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.3em;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.925em;
  }
  th,
  td {
    text-align: left;
    padding: 0.4em 0.5em;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  .attention {
    color: var(--_danger);
  }
`;
