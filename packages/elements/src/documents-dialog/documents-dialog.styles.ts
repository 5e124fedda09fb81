import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  fieldset {
    border: 0;
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
  }
  legend {
    font-weight: 600;
    margin-bottom: var(--_space);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-height: 2.75rem;
  }
  .choice input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
  }
  .intro {
    margin-top: 0;
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
  .filters input,
  .filters select,
  .filters button {
    min-height: 2.75rem;
  }
  .filters input[type='search'] {
    min-width: min(16rem, 100%);
  }
  .selection-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    margin-bottom: var(--_space);
  }
  .selection-bar button {
    min-height: 2.75rem;
  }
  .scroll {
    overflow-x: auto;
    max-height: 22rem;
    overflow-y: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
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
  td input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
  }
  .email {
    overflow-wrap: anywhere;
  }
  .shown {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    color: var(--_muted);
  }
  .empty {
    color: var(--_muted);
  }
  .format {
    margin-top: calc(var(--_space) * 2);
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 2);
    border-top: 1px solid var(--_border);
  }
  .footer button {
    min-height: 2.75rem;
  }
  .progress-bar {
    justify-content: space-between;
  }
  .progress-label {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
    flex: 1 1 16rem;
  }
  progress {
    width: 100%;
    height: 0.75rem;
    accent-color: var(--_primary);
  }
  .done {
    color: var(--_success);
    font-weight: 600;
  }
  .error p {
    margin: 0 0 var(--_space);
  }
  @media (max-width: 640px) {
    .scroll {
      max-height: none;
    }
    th:nth-child(4),
    td:nth-child(4),
    th:nth-child(5),
    td:nth-child(5) {
      display: none;
    }
  }
`;
