/**
 * @module components/sb-programme-report/styles
 * Headline numbers as tiles, the departments picture beside its table where there is room.
 */
import { css } from 'lit';

export const reportStyles = css`
  :host {
    padding: var(--_space);
  }
  .tiles {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
    gap: 0.5em;
    margin: 0 0 var(--_space);
  }
  .tiles div {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em;
  }
  .tiles dt {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .tiles dd {
    margin: 0;
    font-size: 1.5em;
    font-weight: 700;
  }
  .network {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: start;
  }
  .network svg {
    max-width: 100%;
    height: auto;
    color: var(--_accent);
  }
  .network svg text {
    fill: var(--_text);
  }
  table {
    border-collapse: collapse;
    font-size: 0.925em;
  }
  th,
  td {
    text-align: left;
    padding: 0.3em 0.5em;
    border-bottom: 1px solid var(--_border);
  }
`;
