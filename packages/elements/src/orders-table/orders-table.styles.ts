import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: calc(var(--_space) * 1.5);
    margin-bottom: calc(var(--_space) * 2);
  }
  .search {
    flex: 1 1 18rem;
    min-width: 0;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 1.5);
    align-items: flex-start;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
    min-width: 0;
  }
  .field > span,
  .field > label {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .search .field input {
    width: 100%;
  }
  input,
  select,
  button {
    font: inherit;
    min-height: 2.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.5) var(--_space);
    background: var(--_surface);
    color: var(--_text);
    max-width: 100%;
  }
  button {
    cursor: pointer;
    padding-inline: calc(var(--_space) * 1.5);
  }
  button:hover {
    background: var(--_surface-alt);
  }
  button[disabled] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .field-error {
    color: var(--_danger);
    font-size: 0.875em;
    max-width: 16rem;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    flex: 1 1 100%;
  }
  .spacer {
    flex: 1 1 auto;
  }
  .scroll {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  table {
    width: 100%;
    min-width: 56rem;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--_space) * 0.75) var(--_space);
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
  }
  thead th {
    background: var(--_surface-alt);
    font-weight: 600;
    font-size: 0.875em;
  }
  .num {
    text-align: end;
    white-space: nowrap;
  }
  tr.section th {
    background: var(--_surface-alt);
    color: var(--_primary);
    font-weight: 700;
    text-transform: none;
    padding-block: var(--_space);
  }
  tr.order th,
  tr.order td {
    font-weight: 600;
    border-bottom-style: dashed;
  }
  tr.line td {
    color: var(--_text);
  }
  tr.line td.qty {
    padding-inline-start: calc(var(--_space) * 3);
  }
  .remaining {
    display: block;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .status {
    display: inline-block;
    padding: 0 var(--_space);
    border-radius: 999px;
    font-size: 0.875em;
    background: #e7eefb;
    color: #1b4f9c;
  }
  .status[data-value='delivered'] {
    background: #e3f3e7;
    color: var(--_success);
  }
  .status[data-value='cancelled'] {
    background: #eceef1;
    color: var(--_muted);
  }
  button.icon {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2.75rem;
    min-height: 2.75rem;
    padding: 0;
    color: var(--_primary);
  }
  button.link {
    border: none;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
    padding: 0;
    min-height: auto;
  }
  tfoot th {
    text-align: end;
  }
  tfoot th,
  tfoot td {
    font-weight: 700;
  }
  tfoot td.note {
    font-weight: normal;
    color: var(--_muted);
    font-size: 0.875em;
    text-align: end;
    border-bottom: none;
  }
  .empty {
    padding: calc(var(--_space) * 3);
    text-align: center;
    color: var(--_muted);
  }
  .skeleton-row .bar {
    display: block;
    height: 0.875em;
    border-radius: 4px;
    background: linear-gradient(90deg, var(--_surface-alt), var(--_border), var(--_surface-alt));
    background-size: 200% 100%;
    animation: shimmer 1.4s ease-in-out infinite;
  }
  @keyframes shimmer {
    from {
      background-position: 100% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton-row .bar {
      animation: none;
    }
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin-top: var(--_space);
    color: var(--_muted);
  }
  .alert {
    border: 1px solid var(--_danger);
    color: var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-bottom: var(--_space);
    display: flex;
    gap: var(--_space);
    align-items: center;
    flex-wrap: wrap;
  }
  /* Under 640 px each order is a card (label: value) with its lines under it; the section names stay as bands. */
  @media (max-width: 640px) {
    .scroll {
      overflow-x: visible;
      border: none;
      background: none;
    }
    table {
      min-width: 0;
    }
    table,
    tbody,
    tfoot,
    tr {
      display: block;
      width: 100%;
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    tr.section th {
      display: block;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      margin-top: var(--_space);
    }
    tr.order,
    tr.line {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: calc(var(--_space) * 0.5) var(--_space);
      background: var(--_surface);
      border: 1px solid var(--_border);
      padding: var(--_space);
    }
    tr.order {
      margin-top: var(--_space);
      border-radius: var(--_radius) var(--_radius) 0 0;
      position: relative;
    }
    tr.order th {
      grid-column: 1 / -1;
      padding-inline-end: 3.5rem;
    }
    tr.line {
      border-top: none;
    }
    tr.order th,
    tr.order td,
    tr.line td,
    tr.line td.num,
    tr.order td.num {
      display: block;
      border: none;
      padding: 0;
      text-align: start;
      white-space: normal;
    }
    tr.order td:empty,
    tr.line td:empty {
      display: none;
    }
    tr.order td.actions {
      position: absolute;
      top: calc(var(--_space) * 0.5);
      right: calc(var(--_space) * 0.5);
    }
    tr.line td.qty {
      padding-inline-start: 0;
    }
    tr.line td.type {
      grid-column: 1 / -1;
    }
    td[data-label]::before {
      content: attr(data-label);
      display: block;
      font-size: 0.8em;
      font-weight: normal;
      color: var(--_muted);
    }
    tfoot {
      margin-top: var(--_space);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    tfoot tr {
      display: flex;
      justify-content: space-between;
      gap: var(--_space);
      padding-inline: var(--_space);
    }
    tfoot th,
    tfoot td {
      display: block;
      border: none;
      padding-inline: 0;
    }
    tfoot td:empty {
      display: none;
    }
  }
`;
