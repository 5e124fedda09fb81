import { css } from 'lit';
import { dialogStyles } from '../shared/dialog.styles.js';

/**
 * The modal frame of the assignment dialogs: the library's dialog chrome
 * (shared/dialog.styles.ts), a little wider, with 44 px targets for every
 * button and an outlined « danger » button.
 */
export const dialogFrame = css`
  ${dialogStyles}
  :host {
    display: contents;
  }
  dialog {
    width: min(44rem, calc(100vw - 2rem));
  }
  .frame {
    margin: 0;
  }
  h3 {
    font-size: 1.05em;
    margin: 0 0 var(--_space);
  }
  .close {
    padding: 0;
  }
  footer button,
  .body button {
    min-height: 44px;
  }
  button.danger {
    background: none;
    border-color: var(--_danger);
    color: var(--_danger);
  }
  button.link {
    border: none;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
    padding-inline: 0;
  }
  .alert {
    margin-bottom: calc(var(--_space) * 1.5);
  }
  .summary {
    margin: 0;
    margin-inline-end: auto;
    color: var(--_muted);
  }
  @media (max-width: 640px) {
    dialog {
      border: none;
    }
    .body {
      padding: calc(var(--_space) * 1.5);
    }
  }
`;

/** The exam choice (types, date, session, e-mail option) of both dialogs. */
export const choiceStyles = css`
  .types {
    border: none;
    margin: 0 0 calc(var(--_space) * 1.5);
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  legend {
    font-weight: 600;
    margin-bottom: var(--_space);
    padding: 0;
  }
  .type {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    min-height: 44px;
    padding: calc(var(--_space) * 0.5) var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .type:has(input:checked) {
    border-color: var(--_primary);
    background: var(--_surface-alt);
  }
  .type:has(input:disabled) {
    cursor: not-allowed;
    color: var(--_muted);
  }
  .type input {
    width: 1.1rem;
    height: 1.1rem;
    margin: 0;
  }
  .remaining {
    color: var(--_muted);
    white-space: nowrap;
  }
  .badge {
    font-size: 0.8em;
    font-weight: 600;
    border-radius: 999px;
    padding: 0.1em 0.6em;
    border: 1px solid currentColor;
  }
  .badge.low {
    color: var(--_warning);
  }
  .badge.out {
    color: var(--_muted);
  }
  .notice {
    border-inline-start: 4px solid var(--_warning);
    padding: var(--_space);
    background: var(--_surface-alt);
    margin-bottom: calc(var(--_space) * 1.5);
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .notice p {
    margin: 0;
    flex: 1 1 16rem;
  }
  .date-field,
  .session-field {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    margin-bottom: calc(var(--_space) * 1.5);
  }
  .date-field label,
  .session-field .label {
    font-weight: 600;
    margin: 0;
  }
  .date-row {
    display: flex;
    gap: calc(var(--_space) * 0.5);
    align-items: stretch;
    position: relative;
  }
  .date-row input[type='text'] {
    width: 11rem;
    min-height: 44px;
  }
  .calendar {
    min-width: 44px;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    padding: 0;
  }
  .native-date {
    position: absolute;
    inset-inline-start: 0;
    bottom: 0;
    width: 1px;
    height: 1px;
    opacity: 0;
    pointer-events: none;
    border: 0;
    padding: 0;
  }
  .session-summary {
    margin: 0;
  }
  .session-field button {
    justify-self: start;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.9em;
    margin: 0;
  }
  .field-error {
    color: var(--_danger);
    margin: 0;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
    min-height: 44px;
    padding-block: calc(var(--_space) * 0.5);
  }
  .check input {
    margin-top: 0.2em;
    width: 1.1rem;
    height: 1.1rem;
  }
`;

export const styles = css`
  ${dialogFrame}
  ${choiceStyles}
  .who {
    margin: 0 0 var(--_space);
    font-weight: 600;
  }
  .current {
    margin: 0 0 calc(var(--_space) * 1.5);
    color: var(--_muted);
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
`;
