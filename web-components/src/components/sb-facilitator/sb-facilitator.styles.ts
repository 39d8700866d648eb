/**
 * @module components/sb-facilitator/styles
 * A learners x skills table on wide screens; on a narrow column each learner becomes a card
 * (a container query, since the LMS decides our width, not the viewport).
 */
import { css } from 'lit';

export const facilitatorStyles = css`
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
  .toolbar .field {
    flex: 1 1 14rem;
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
  thead th {
    font-size: 0.875em;
  }
  .trend {
    margin-left: 0.25em;
    font-weight: 700;
  }
  .level.tentative {
    outline: 1.5px dashed currentColor;
    outline-offset: 1px;
  }
  .legend {
    font-size: 0.85em;
    margin-top: 0.5em;
  }
  .ready {
    font-weight: 600;
    color: var(--_good);
  }
  .not-ready {
    color: var(--_muted);
  }
  .assignments {
    list-style: none;
    margin: 0;
    padding: 0;
    font-size: 0.875em;
  }
  section {
    margin-top: calc(var(--_space) * 1.5);
  }
  form.assign {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: end;
  }
  form.assign .field {
    flex: 1 1 12rem;
  }
  form.assign .field.drill {
    flex: 2 1 18rem;
  }
  .table-wrap {
    overflow-x: auto;
  }
  tbody th {
    min-width: 8em;
  }
  thead th {
    overflow-wrap: normal;
    word-break: normal;
    hyphens: auto;
  }
  .reasons summary {
    cursor: pointer;
  }
  .reasons ul {
    margin: 0.25em 0 0;
    padding-left: 1.1em;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .notice {
    margin-top: 0.5em;
  }
  .completion {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  meter {
    width: 8rem;
    max-width: 100%;
  }
  .people {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .person {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
  }
  .person-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
  }
  .person h4 {
    margin: 0;
  }
  .drill-list {
    list-style: none;
    margin: 0.5em 0 0;
    padding: 0;
    display: grid;
    gap: 0.4em;
  }
  .drill-list li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
  }
  .drill-list .drill-title {
    font-weight: 600;
  }
  .drill-list .btn {
    margin-left: auto;
  }
  .person > p {
    margin: 0.4em 0 0;
  }
  .btn.small {
    min-height: 2.25rem;
    padding: 0.25em 0.75em;
    font-size: 0.875em;
  }
  .btn.danger {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  .btn.danger-solid {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_bg);
  }
  .btn.danger-solid:hover {
    filter: brightness(1.08);
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
  }
  dialog {
    max-width: min(34rem, calc(100vw - 2rem));
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog ul {
    margin: 0 0 0.75em;
    padding-left: 1.25em;
  }
  dialog .alert {
    margin-bottom: 0.75em;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5em;
  }
  @container (max-width: 48rem) {
    table,
    thead,
    tbody,
    tr,
    th,
    td {
      display: block;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    tr {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin-bottom: 0.75em;
      padding: 0.25em 0.5em;
    }
    td {
      border: none;
      padding: 0.2em 0;
    }
    td[data-label]::before {
      content: attr(data-label) ': ';
      font-weight: 600;
    }
    tbody th {
      border: none;
      font-size: 1.05em;
    }
  }
`;
