import { css } from 'lit';

/**
 * @cssproperty --clr-candidates-table-height - Height of the scrolling rows area (default `32rem`).
 * @cssproperty --clr-candidates-table-columns - The grid's `grid-template-columns` (9 columns).
 * @cssproperty --clr-candidates-table-min-width - Width under which the grid scrolls sideways (default `70rem`).
 */
export const styles = css`
  :host {
    display: block;
    --_height: var(--clr-candidates-table-height, 32rem);
    --_columns: var(
      --clr-candidates-table-columns,
      2.75rem minmax(11rem, 2fr) minmax(11rem, 2fr) 9.5rem 7.5rem 7.5rem minmax(9rem, 1.5fr) 7.5rem 8.5rem
    );
    --_min-width: var(--clr-candidates-table-min-width, 70rem);
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
  div.field {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    font-size: 0.85em;
    color: var(--_muted);
    max-width: 16rem;
  }
  .field-error {
    color: var(--_danger);
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
    outline: 1px solid var(--_danger);
  }
  label.field {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    font-size: 0.85em;
    color: var(--_muted);
  }
  [part~='search'] input {
    min-width: min(16rem, 100%);
  }
  .spacer {
    flex: 1 1 auto;
  }
  [part~='counts'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    margin-block-end: var(--_space);
  }
  [part~='total'] {
    font-weight: 600;
    margin-inline-end: var(--_space);
  }
  [part~='count'][aria-pressed='true'] {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
  [part~='count'] strong {
    margin-inline-start: 0.35em;
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
  [part~='row'] {
    display: grid;
    grid-template-columns: var(--_columns);
    align-items: center;
    width: 100%;
  }
  [part~='header'] {
    background: var(--_surface-alt);
    border-block-end: 1px solid var(--_border);
    scrollbar-gutter: stable;
    overflow-y: hidden;
  }
  [part~='body'] {
    display: block;
    height: var(--_height);
    overflow-y: auto;
    scrollbar-gutter: stable;
    contain: strict;
  }
  .body-area {
    position: relative;
  }
  .overlay {
    position: absolute;
    inset: 0;
  }
  [part~='row'] {
    min-height: 3.25rem;
    border-block-end: 1px solid var(--_border);
    background: var(--_surface);
  }
  [part~='row']:hover {
    background: var(--_surface-alt);
  }
  [part~='row'][aria-selected='true'] {
    background: color-mix(in srgb, var(--_primary) 10%, var(--_surface));
  }
  [part~='columnheader'],
  [part~='cell'] {
    padding: calc(var(--_space) * 0.6) var(--_space);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  [part~='columnheader'] {
    font-weight: 600;
    font-size: 0.9em;
  }
  [part~='cell']:focus-visible,
  [part~='columnheader']:focus-visible {
    outline-offset: -2px;
  }
  [part~='sort-button'] {
    all: unset;
    cursor: pointer;
    font: inherit;
    display: inline-flex;
    gap: 0.3em;
    align-items: center;
  }
  .sort-indicator {
    color: var(--_muted);
    font-size: 0.8em;
  }
  [part~='name'] {
    all: unset;
    cursor: pointer;
    color: var(--_primary);
    font-weight: 600;
  }
  [part~='name']:hover {
    text-decoration: underline;
  }
  [part~='groups'],
  [part~='exam-type'] {
    display: block;
    font-size: 0.85em;
    color: var(--_muted);
  }
  [part~='status-badge']::before,
  [part~='validation-badge']::before {
    content: '•';
    margin-inline-end: 0.3em;
  }
  [data-value='to_assign'],
  [data-value='expired'],
  [data-value='pending'] {
    color: var(--_warning);
  }
  [data-value='taken'],
  [data-value='validated'] {
    color: var(--_success);
  }
  [data-value='scheduled'] {
    color: var(--_primary);
  }
  [data-value='invalidated'] {
    color: var(--_danger);
  }
  [part~='delete-button'] {
    padding: 0.2rem 0.6rem;
    white-space: nowrap;
  }
  [part~='delete-button'][aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }
  [part~='message-row'] {
    display: block;
    padding: calc(var(--_space) * 2);
    text-align: center;
    color: var(--_muted);
  }
  [part~='error'] {
    display: flex;
    gap: var(--_space);
    align-items: center;
    padding: var(--_space);
  }
  [part~='footer'] {
    display: flex;
    gap: var(--_space);
    justify-content: space-between;
    padding-block: calc(var(--_space) * 0.5);
    color: var(--_muted);
    font-size: 0.85em;
    min-height: 1.5em;
  }
  [part~='notice'] {
    color: var(--_text);
  }
  button.link {
    border: none;
    background: none;
    padding: 0;
    color: var(--_primary);
    text-decoration: underline;
    cursor: pointer;
    font: inherit;
  }
`;
export const dissociateStyles = css`
  [part~='dissociate-button'] {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    min-height: 2.75rem;
  }
`;
