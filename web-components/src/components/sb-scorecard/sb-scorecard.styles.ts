/**
 * @module components/sb-scorecard/styles
 * A result read top-down: the headline large, two highlight cards side by side (stacked in a
 * narrow column), one bar per skill with threshold ticks and last time's mark, checks folded,
 * the transcript as a readable list. Marks carry a symbol and a word as well as a colour. Prints
 * on white with the buttons left out.
 */
import { css } from 'lit';

export const scorecardStyles = css`
  :host {
    padding: var(--_space);
  }
  h2 {
    font-size: var(--_text-2xl);
  }
  .headline {
    font-size: var(--_text-xl);
    font-weight: 700;
    margin: 0 0 var(--_space-1);
  }
  h3.section {
    margin-top: var(--_space-5);
  }
  .highlights {
    display: grid;
    gap: var(--_space-4);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 18rem), 1fr));
    margin: var(--_space-4) 0;
  }
  .highlights .card {
    display: flex;
    flex-direction: column;
    gap: var(--_space-2);
    align-items: flex-start;
  }
  .highlights .card h3,
  .highlights .card p {
    margin: 0;
  }
  .best {
    border-top: 4px solid var(--_good);
  }
  .next {
    border-top: 4px solid var(--_accent);
  }
  blockquote {
    margin: 0;
    font-size: var(--_text-lg);
    font-style: italic;
  }
  .skills {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-3);
  }
  .skill {
    padding-bottom: var(--_space-3);
    border-bottom: 1px solid var(--_surface);
  }
  .skill-row {
    display: grid;
    grid-template-columns: minmax(7rem, 10rem) minmax(6rem, 1fr) 8.5rem;
    align-items: center;
    gap: var(--_space-3);
  }
  .skill-row h4 {
    margin: 0;
  }
  .bar {
    width: 100%;
    height: 0.9rem;
    display: block;
    overflow: visible;
  }
  .bar .track {
    fill: var(--_surface);
    stroke: var(--_border);
    stroke-width: 0.3;
  }
  .bar .fill {
    fill: var(--_accent);
  }
  .bar .tick {
    fill: var(--_text);
    opacity: 0.6;
  }
  .bar .last {
    fill: var(--_bg);
    stroke: var(--_text);
    stroke-width: 0.5;
  }
  .result {
    text-align: right;
  }
  .result .level.none {
    white-space: normal;
  }
  .score {
    color: var(--_muted);
    font-size: var(--_text-sm);
    display: inline-block;
    min-width: 2ch;
  }
  .reason {
    margin: var(--_space-1) 0 0;
    font-size: var(--_text-sm);
  }
  .legend {
    font-size: var(--_text-sm);
  }
  details > summary {
    cursor: pointer;
    color: var(--_accent);
    font-size: var(--_text-sm);
    margin-top: var(--_space-1);
  }
  .checks {
    list-style: none;
    margin: var(--_space-2) 0 0;
    padding: 0;
    display: grid;
    gap: var(--_space-2);
  }
  .check,
  .rules-result li {
    display: grid;
    grid-template-columns: 1.5em 1fr;
    gap: var(--_space-1);
  }
  .rules-result {
    list-style: none;
    margin: var(--_space-2) 0 var(--_space-3);
    padding: 0;
    display: grid;
    gap: var(--_space-2);
  }
  .rule-turns {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-2);
  }
  .rule-turns .miss {
    color: var(--_danger);
  }
  .drill-result {
    margin: var(--_space-4) 0;
    border-left: 4px solid var(--_not-yet);
  }
  .drill-result.passed {
    border-left-color: var(--_good);
  }
  .drill-result h3 {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-2);
  }
  .mark {
    font-weight: 700;
  }
  .mark.pass {
    color: var(--_good);
  }
  .mark.fail {
    color: var(--_not-yet);
  }
  .detail {
    display: block;
    color: var(--_muted);
    font-size: var(--_text-sm);
  }
  .evidence {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1);
    margin-top: var(--_space-1);
    font-size: var(--_text-sm);
  }
  .link {
    min-height: 1.5rem;
  }
  .transcript {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-3);
  }
  .turn {
    padding: 0.6em 0.8em;
    border-radius: var(--_radius);
    background: var(--_partner-bubble);
    max-width: 46rem;
  }
  .turn.coach {
    background: var(--_coach-bubble);
    justify-self: end;
  }
  .turn:target,
  .turn.highlight {
    outline: 3px solid var(--_focus);
  }
  .who {
    font-weight: 600;
    font-size: var(--_text-sm);
    color: var(--_muted);
  }
  .feedback {
    margin: var(--_space-2) 0 0;
    display: grid;
    gap: var(--_space-1);
    font-size: var(--_text-sm);
  }
  .feedback dt {
    font-weight: 600;
  }
  .feedback dd {
    margin: 0 0 var(--_space-1);
  }
  @container (max-width: 30rem) {
    .skill-row {
      grid-template-columns: 1fr auto;
    }
    .skill-row .bar {
      grid-column: 1 / -1;
      grid-row: 2;
    }
  }
  @media print {
    :host {
      color: #000;
      background: #fff;
    }
    .print-hide,
    .btn,
    details > summary {
      display: none;
    }
    .skill,
    .turn,
    .highlights .card {
      break-inside: avoid;
    }
  }
`;
