/**
 * @module core/code-chips.styles
 * The coded-move chips shown under a coach turn (open question, complex reflection, advice...),
 * shared by the live practice transcript and the scorecard transcript so both read the same.
 * Cautionary codes (advice, judgement) carry a border and colour, and their label says it too.
 */
import { css } from 'lit';

export const codeChipStyles = css`
  .codes {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    list-style: none;
    margin: 0.4em 0 0;
    padding: 0;
  }
  .code {
    font-size: 0.8em;
    padding: 0.05em 0.5em;
    border-radius: 999px;
    border: 1px solid var(--_border);
    background: var(--_bg);
  }
  .code.caution {
    border-color: var(--_danger);
    color: var(--_danger);
  }
`;
