import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  h2 {
    font-size: 1.25em;
    margin: 0 0 var(--_space);
  }
  .scroll {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    background: var(--_surface);
  }
  caption {
    text-align: start;
    color: var(--_muted);
    padding-block: calc(var(--_space) * 0.5);
  }
  th,
  td {
    text-align: start;
    padding: var(--_space);
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  thead th {
    background: var(--_surface-alt);
    font-weight: 600;
  }
  .num {
    text-align: end;
    white-space: nowrap;
  }
  tfoot th {
    text-align: end;
    font-weight: normal;
  }
  tfoot tr.total th,
  tfoot tr.total td {
    font-weight: 700;
  }
  .stepper {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
  }
  .stepper button {
    min-width: 2.25em;
    padding-inline: calc(var(--_space) * 0.75);
  }
  .stepper button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .stepper input {
    width: 6em;
    text-align: end;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field-error {
    display: block;
    margin-top: calc(var(--_space) * 0.5);
    color: var(--_danger);
    font-size: 0.9em;
    max-width: 18em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    align-items: center;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 2);
  }
  .reason {
    color: var(--_muted);
    margin: 0;
    flex: 1 1 100%;
    text-align: end;
  }
  .alert {
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-top: var(--_space);
  }
  .alert p {
    margin: 0;
  }
  .status {
    color: var(--_muted);
  }
  .validation h2:focus {
    outline: none;
  }
  .validation h2:focus-visible {
    outline: 2px solid var(--_primary);
  }
  /* Under 640 px each product (and each line of the order) is a card, label: value, its « - » and « + » in reach. */
  @media (max-width: 640px) {
    .scroll {
      overflow-x: visible;
    }
    table,
    tbody,
    tfoot,
    tr {
      display: block;
      width: 100%;
    }
    caption {
      display: block;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    tbody tr {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: calc(var(--_space) * 0.5) var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space);
      margin-bottom: var(--_space);
    }
    tbody th,
    tbody td,
    tbody td.num {
      display: block;
      border: none;
      padding: 0;
      text-align: start;
      white-space: normal;
    }
    tbody th {
      grid-column: 1 / -1;
    }
    tbody td.quantity-cell {
      grid-column: 1 / -1;
    }
    td[data-label]::before {
      content: attr(data-label);
      display: block;
      font-size: 0.8em;
      color: var(--_muted);
    }
    .stepper button {
      min-width: 2.75rem;
      min-height: 2.75rem;
    }
    tfoot tr {
      display: flex;
      justify-content: space-between;
      gap: var(--_space);
    }
    tfoot th,
    tfoot td {
      display: block;
      border: none;
      padding: calc(var(--_space) * 0.5) 0;
    }
  }
`;
