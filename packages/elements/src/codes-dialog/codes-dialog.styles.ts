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
    min-width: 16rem;
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
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  thead th {
    background: var(--_surface-alt);
    position: sticky;
    top: 0;
  }
  .check {
    width: 2.5rem;
  }
  .code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
    font-size: 1.1em;
    letter-spacing: 0.08em;
  }
  .select-all {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
  }
  .summary {
    margin: 0;
    margin-inline-end: auto;
    color: var(--_muted);
  }
  .notice {
    border-inline-start: 4px solid var(--_warning);
    padding: var(--_space);
    background: var(--_surface-alt);
  }
  .notice p {
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  .notice + table {
    margin-top: var(--_space);
  }
  .more {
    margin-top: var(--_space);
    display: flex;
    gap: var(--_space);
    align-items: center;
  }
  @media (max-width: 640px) {
    th,
    td {
      padding: calc(var(--_space) * 0.5);
    }
  }
`;
