import { css } from 'lit';

/**
 * @cssproperty --clr-groups-table-columns - The rows' `grid-template-columns` (6 columns: name, category, date, three actions).
 * @cssproperty --clr-groups-table-min-width - Width under which the table scrolls sideways inside its box (default `36rem`).
 */
export const styles = css`
  :host {
    display: block;
    --_columns: var(--clr-groups-table-columns, minmax(12rem, 3fr) minmax(8rem, 1.5fr) 7.5rem 3rem 3rem 3rem);
    --_min-width: var(--clr-groups-table-min-width, 36rem);
  }
  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
    margin-block-end: var(--_space);
  }
  [part~='filters'] {
    display: contents;
  }
  label.field {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    font-size: 0.85em;
    color: var(--_muted);
  }
  [part~='search-input'] {
    min-width: min(16rem, 100%);
  }
  .spacer {
    flex: 1 1 auto;
  }
  [part~='total'] {
    font-weight: 600;
    margin: 0 0 var(--_space);
  }
  .scroll-x {
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [part~='grid'] {
    min-width: var(--_min-width);
  }
  [part~='header-row'],
  [part~='row'],
  [part~='message-row'] {
    display: grid;
    grid-template-columns: var(--_columns);
    align-items: center;
  }
  [part~='header'] {
    background: var(--_surface-alt);
    border-block-end: 1px solid var(--_border);
  }
  [part~='row'],
  [part~='message-row'] {
    min-height: 3rem;
    border-block-end: 1px solid var(--_border);
  }
  [part~='row']:last-child {
    border-block-end: none;
  }
  [part~='row']:hover {
    background: var(--_surface-alt);
  }
  [part~='row'][data-hidden] {
    color: var(--_muted);
    background: var(--_surface-alt);
  }
  [part~='columnheader'],
  [part~='cell'] {
    padding: calc(var(--_space) * 0.5) var(--_space);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  [part~='columnheader'] {
    font-weight: 600;
    font-size: 0.9em;
  }
  .actions-header {
    grid-column: span 3;
  }
  [part~='message-row'] > [role='gridcell'] {
    grid-column: 1 / -1;
    padding: calc(var(--_space) * 2) var(--_space);
    color: var(--_muted);
  }
  [part~='cell']:focus-visible,
  [part~='columnheader']:focus-visible {
    outline-offset: -2px;
  }
  [part~='sort-button'],
  [part~='name'] {
    border: none;
    background: none;
    padding: 0;
    font: inherit;
    color: inherit;
    text-align: start;
  }
  [part~='name'] {
    color: var(--_primary);
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  [part~='row'][data-hidden] [part~='name'] {
    color: var(--_muted);
  }
  .sort-indicator {
    margin-inline-start: 0.35em;
    font-size: 0.8em;
  }
  [part~='hidden-badge'] {
    margin-inline-start: var(--_space);
    font-size: 0.8em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0 0.5em;
  }
  .icon-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2.75rem;
    min-height: 2.75rem;
    padding: 0;
    border-color: transparent;
    background: none;
    color: var(--_primary);
  }
  .icon-button:hover {
    border-color: var(--_border);
    background: var(--_surface);
  }
  [part~='delete-button'] {
    color: var(--_danger);
  }
  [part~='footer'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    margin-block-start: var(--_space);
    min-height: 2rem;
  }
  [part~='notice'] {
    color: var(--_muted);
  }
  [part~='error'],
  [part~='action-error'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-block-end: var(--_space);
  }
  .skeleton {
    display: block;
    height: 0.9em;
    border-radius: 4px;
    background: var(--_surface-alt);
    width: 70%;
  }
`;
