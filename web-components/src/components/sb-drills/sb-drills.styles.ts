/**
 * @module components/sb-drills/styles
 */
import { css } from 'lit';

export const drillsStyles = css`
  :host {
    padding: var(--_space);
  }
  .drills {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .drill {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
  }
  .drill h3 {
    margin: 0 0 0.25em;
  }
  .drill .info {
    flex: 1 1 14rem;
    min-width: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.75em;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .status {
    font-weight: 600;
  }
  .status.passed {
    color: var(--_good);
  }
  .status.overdue,
  .status.not_passed {
    color: var(--_not-yet);
  }
  .back {
    margin-bottom: 0.5em;
  }
`;
