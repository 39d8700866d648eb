/**
 * @module components/sb-scorecard/styles
 * Skill cards in a responsive grid (one column in a narrow LMS column), checks with a symbol and
 * a word as well as a colour, the transcript as a readable list.
 */
import { css } from 'lit';

export const scorecardStyles = css`
  :host {
    padding: var(--_space);
  }
  .summary {
    font-size: 1.05em;
  }
  .skills {
    display: grid;
    gap: var(--_space);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr));
    list-style: none;
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: 0;
  }
  .skill header {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 0.25em 0.75em;
    margin-bottom: 0.5em;
  }
  .skill h3 {
    margin: 0;
  }
  .score {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .checks {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  .check {
    display: grid;
    grid-template-columns: 1.5em 1fr;
    gap: 0.25em;
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
    font-size: 0.9em;
  }
  .evidence {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    margin-top: 0.25em;
    font-size: 0.875em;
  }
  .link {
    background: none;
    border: none;
    padding: 0.1em 0.2em;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
    min-height: 1.5rem;
  }
  .transcript {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .turn {
    padding: 0.6em 0.8em;
    border-radius: var(--_radius);
    background: var(--_partner-bubble);
  }
  .turn.coach {
    background: var(--_coach-bubble);
  }
  .turn:target,
  .turn.highlight {
    outline: 3px solid var(--_focus);
  }
  .who {
    font-weight: 600;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .feedback {
    margin: 0.5em 0 0;
    display: grid;
    gap: 0.25em;
    font-size: 0.925em;
  }
  .feedback dt {
    font-weight: 600;
  }
  .feedback dd {
    margin: 0 0 0.25em;
  }
`;
