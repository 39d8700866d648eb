/**
 * @module components/sb-partnership/styles
 * The partnership page: stacked panels (agreement, reciprocity, sessions) that read as one column
 * in a narrow LMS frame; forms use the shared field and button styles.
 */
import { css } from 'lit';

export const partnershipStyles = css`
  :host {
    padding: var(--_space);
  }
  section {
    margin-block: 0 var(--_space);
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 0.75em;
    padding: 0.5em 0.75em;
  }
  legend {
    font-weight: 600;
  }
  textarea,
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.4em 0.5em;
    width: 100%;
    box-sizing: border-box;
  }
  .role {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25em 0.5em;
    align-items: start;
    margin-block: 0.25em;
  }
  .role small,
  .hint {
    color: var(--_muted);
    display: block;
  }
  .sessions {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .sessions li {
    border-top: 1px solid var(--_border);
    padding-block: 0.5em;
  }
  .status {
    font-weight: 600;
  }
  .nudge {
    border-left: 4px solid var(--_accent);
    padding-left: 0.75em;
  }
  .actions-row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-top: 0.5em;
  }
`;
