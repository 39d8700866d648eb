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
  .toolbar .field {
    flex: 1 1 14rem;
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

/** The attention list, the cohort picture and the read-only learner view. */
export const cohortViewStyles = css`
  .attention {
    border-left: 4px solid var(--_fair);
    background: var(--_surface);
    border-radius: 0 var(--_radius) var(--_radius) 0;
    padding: var(--_space-3) var(--_space-4);
  }
  .attention h3 {
    margin-top: 0;
  }
  .all-clear {
    margin: 0;
  }
  .attention-list,
  .why,
  .picture,
  .session-list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .attention-list {
    display: grid;
    gap: var(--_space-3);
  }
  .attention-item {
    display: flex;
    justify-content: space-between;
    align-items: flex-start;
    gap: var(--_space-3);
  }
  .why li {
    margin-top: var(--_space-1);
  }
  .kind {
    display: inline-block;
    font-size: var(--_text-xs);
    font-weight: 700;
    padding: 0.05em 0.5em;
    border-radius: 999px;
    margin-right: var(--_space-1);
    color: var(--_fair);
    background: var(--_fair-bg);
  }
  .kind.overdue {
    color: var(--_not-yet);
    background: var(--_not-yet-bg);
  }
  .picture {
    display: grid;
    gap: var(--_space-3) var(--_space-5);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
  }
  .picture-item {
    display: grid;
    gap: var(--_space-1);
  }
  .picture-name {
    font-weight: 600;
  }
  .picture svg {
    width: 100%;
    height: 0.9rem;
    display: block;
    background: var(--_surface);
    border-radius: 3px;
  }
  .seg.good,
  .key.good {
    fill: var(--_good);
    background: var(--_good);
  }
  .seg.fair,
  .key.fair {
    fill: var(--_fair);
    background: var(--_fair);
  }
  .seg.not_yet,
  .key.not_yet {
    fill: var(--_not-yet);
    background: var(--_not-yet);
  }
  .seg.none,
  .key.none {
    fill: var(--_border);
    background: var(--_border);
  }
  .picture-counts {
    font-size: var(--_text-sm);
    color: var(--_muted);
  }
  .key {
    display: inline-block;
    width: 0.8em;
    height: 0.8em;
    border-radius: 2px;
    margin: 0 0.2em 0 0.6em;
    vertical-align: middle;
  }
  .no-sessions {
    color: var(--_muted);
    font-style: italic;
  }
  .learner-name {
    margin-right: var(--_space-2);
  }
  .learner-view .back {
    margin-bottom: var(--_space-3);
  }
  .session-list {
    display: grid;
    gap: var(--_space-2);
    margin-bottom: var(--_space-4);
  }
  .session-pick {
    display: grid;
    width: 100%;
    text-align: left;
    gap: 0.1em;
    padding: var(--_space-2) var(--_space-3);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    cursor: pointer;
  }
  .session-pick.on {
    border-color: var(--_accent);
    background: var(--_accent-soft);
  }
  .session-title {
    font-weight: 600;
  }
  sb-scorecard {
    border: 1px solid var(--_border);
  }
`;
