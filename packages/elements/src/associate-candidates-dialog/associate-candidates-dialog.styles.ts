import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
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
  }
  .filters input[type='search'] {
    min-width: min(16rem, 100%);
  }
  .table-box {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  caption {
    text-align: start;
    color: var(--_muted);
    padding-block: calc(var(--_space) * 0.5);
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--_space) * 0.6) var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  thead th {
    background: var(--_surface-alt);
    position: sticky;
    top: 0;
  }
  .check {
    width: 2.75rem;
  }
  .check input {
    width: 1.25rem;
    height: 1.25rem;
  }
  tr[aria-selected='true'] {
    background: color-mix(in srgb, var(--_primary) 10%, var(--_surface));
  }
  .more {
    margin-top: var(--_space);
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .summary {
    margin: 0;
    margin-inline-end: auto;
    color: var(--_muted);
  }
`;
