/**
 * @module core/records.styles
 * What the staff screens (facilitator, pairing, programme report) share: a toolbar of controls
 * that wraps in a narrow LMS frame, and a table of records that fills the width with each cell's
 * text at the top. One place, so the three screens read alike.
 */
import { css } from 'lit';

/** `.toolbar`: the controls above a screen's records (cohort picker, period, actions). */
export const toolbarStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: end;
    margin-bottom: var(--_space);
  }
`;

/** A full-width table of records (learners by skill, a series of pairs). */
export const recordTableStyles = css`
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
`;
