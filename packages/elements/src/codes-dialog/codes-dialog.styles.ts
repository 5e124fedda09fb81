import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  dialog {
    width: min(56rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
  }
  dialog::backdrop {
    background: rgb(15 20 30 / 0.45);
  }
  .frame {
    display: flex;
    flex-direction: column;
    max-height: calc(100vh - 2rem);
  }
  header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 2);
    border-bottom: 1px solid var(--_border);
  }
  h2 {
    font-size: 1.2em;
    margin: 0;
  }
  .body {
    padding: calc(var(--_space) * 2);
    overflow: auto;
    flex: 1 1 auto;
  }
  footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 2);
    border-top: 1px solid var(--_border);
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
  .alert {
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-bottom: var(--_space);
  }
  .alert p {
    margin: 0;
  }
  .more {
    margin-top: var(--_space);
    display: flex;
    gap: var(--_space);
    align-items: center;
  }
  .status {
    color: var(--_muted);
  }
`;
