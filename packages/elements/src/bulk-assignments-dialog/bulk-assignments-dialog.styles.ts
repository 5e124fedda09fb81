import { css } from 'lit';
import { choiceStyles, dialogFrame } from '../assign-dialog/assign-dialog.styles.js';

export const styles = css`
  ${dialogFrame}
  ${choiceStyles}
  @media (min-width: 641px) {
    dialog {
      width: min(60rem, calc(100vw - 2rem));
    }
  }
  .remove {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.5);
  }
  .or {
    text-align: center;
    color: var(--_muted);
    margin: calc(var(--_space) * 1.5) 0;
  }
  .chosen {
    font-weight: 600;
  }
  button.danger-fill {
    background: var(--_danger);
    border-color: var(--_danger);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space);
    margin-bottom: var(--_space);
  }
  .filters label {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.25);
    font-size: 0.9em;
    color: var(--_muted);
    max-width: 100%;
  }
  .filters input,
  .filters select,
  .filters button {
    min-height: 44px;
    max-width: 100%;
  }
  .filters .search {
    flex: 1 1 14rem;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  thead th {
    background: var(--_surface-alt);
    position: sticky;
    top: 0;
  }
  tbody th {
    font-weight: 600;
  }
  tr.selected {
    background: var(--_surface-alt);
  }
  th.check,
  td.check {
    width: 2.75rem;
  }
  th.check input,
  td.check input {
    width: 1.2rem;
    height: 1.2rem;
  }
  .status-dot::before {
    content: '';
    display: inline-block;
    width: 0.55em;
    height: 0.55em;
    border-radius: 50%;
    margin-inline-end: 0.4em;
    background: var(--_muted);
  }
  .status-dot.scheduled::before {
    background: var(--_primary);
  }
  .status-dot.taken::before {
    background: var(--_success);
  }
  .status-dot.expired::before {
    background: var(--_warning);
  }
  .more {
    margin-top: var(--_space);
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  @media (max-width: 640px) {
    thead th:nth-child(3),
    tbody td:nth-child(3) {
      display: none;
    }
  }
`;
