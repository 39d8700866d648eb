/**
 * @module components/sb-progress/styles
 * Small multiples, one chart per skill, that reflow from one column (360 px) to three.
 */
import { css } from 'lit';

export const progressStyles = css`
  :host {
    padding: var(--_space);
  }
  .next {
    border-left: 4px solid var(--_accent);
    margin-bottom: var(--_space);
  }
  .next h3 {
    margin-bottom: 0.25em;
  }
  .skills {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
  }
  .skill header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.25em 0.75em;
  }
  .skill h3 {
    margin: 0;
  }
  svg {
    display: block;
    width: 100%;
    height: auto;
    margin-top: 0.5em;
    overflow: visible;
  }
  .filter {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    border: none;
    padding: 0;
    margin: 0 0 var(--_space-3);
  }
  .filter legend {
    font-weight: 600;
    margin-bottom: var(--_space-1);
    padding: 0;
  }
  .seg {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    min-height: 2.25rem;
    padding: 0.2em 0.8em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    cursor: pointer;
    font-size: var(--_text-sm);
  }
  .seg.on {
    background: var(--_accent-soft);
    border-color: var(--_accent);
    font-weight: 600;
  }
  .seg input {
    width: auto;
    margin: 0;
    accent-color: var(--_accent);
  }
  .seg:focus-within {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .empty {
    border-left: 4px solid var(--_accent);
    margin-bottom: var(--_space);
  }
  .band {
    opacity: 0.35;
  }
  .band.good {
    fill: var(--_good-bg);
  }
  .band.fair {
    fill: var(--_fair-bg);
  }
  .band.not_yet {
    fill: var(--_not-yet-bg);
  }
  .threshold {
    stroke-width: 1.5;
    stroke-dasharray: 5 3;
  }
  .threshold.good {
    stroke: var(--_good);
  }
  .threshold.fair {
    stroke: var(--_fair);
  }
  .legend {
    font-size: var(--_text-sm);
    margin-top: var(--_space-2);
  }
  .grid-line {
    stroke: var(--_border);
    stroke-width: 1;
    stroke-dasharray: 2 3;
  }
  .axis-label {
    fill: var(--_muted);
    font-size: 12px;
  }
  .band-label {
    font-weight: 600;
    fill: var(--_text);
  }
  .line {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 2.5;
  }
  .point {
    stroke: var(--_bg);
    stroke-width: 1.5;
  }
  .point.good {
    fill: var(--_good);
  }
  .point.fair {
    fill: var(--_fair);
  }
  .point.not_yet {
    fill: var(--_not-yet);
  }
  .chart-text {
    font-size: 0.875em;
    color: var(--_muted);
    margin: 0.25em 0 0;
  }
  details {
    margin-top: var(--_space);
  }
  summary {
    cursor: pointer;
    font-weight: 600;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9em;
  }
  th,
  td {
    text-align: left;
    padding: 0.3em 0.5em;
    border-bottom: 1px solid var(--_border);
  }
`;
