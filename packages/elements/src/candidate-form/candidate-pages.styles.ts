import { css } from 'lit';

/** The fields and read-only values of a candidate's pages, in the form and the file. */
export const pageStyles = css`
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
    gap: calc(var(--_space) * 2) calc(var(--_space) * 3);
    align-items: start;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
    min-width: 0;
  }
  .field label {
    font-weight: 600;
  }
  .field.checkbox {
    grid-column: 1 / -1;
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: var(--_space);
    align-items: center;
  }
  .field.checkbox label {
    font-weight: normal;
  }
  .field.checkbox input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
  }
  .field.checkbox .hint,
  .field.checkbox .field-error {
    grid-column: 2;
  }
  .field input:not([type='checkbox']),
  .field select {
    width: 100%;
    min-height: 2.75rem;
  }
  .field.invalid input:not([type='checkbox']),
  .field.invalid select {
    border: 2px solid var(--_danger);
  }
  .field.invalid {
    border-inline-start: 4px solid var(--_danger);
    padding-inline-start: var(--_space);
  }
  .required {
    color: var(--_danger);
  }
  .hint {
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .field-error {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }
  .date {
    position: relative;
    display: flex;
    gap: calc(var(--_space) * 0.5);
  }
  .date input[type='text'] {
    flex: 1;
    min-width: 0;
  }
  button.icon {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2.75rem;
    min-height: 2.75rem;
    padding: 0;
  }
  .date .picker {
    position: absolute;
    inset-inline-end: 0;
    bottom: 0;
    width: 1px;
    height: 1px;
    opacity: 0;
    pointer-events: none;
    border: 0;
    padding: 0;
  }
  dl.values {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
    gap: calc(var(--_space) * 2) calc(var(--_space) * 3);
    margin: 0;
  }
  dl.values dt {
    color: var(--_muted);
    font-size: 0.9em;
  }
  dl.values dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  dl.values dd.empty {
    font-weight: normal;
    color: var(--_muted);
    font-style: italic;
  }
  .error-summary {
    border: 3px solid var(--_danger);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    margin-block-end: calc(var(--_space) * 2);
    color: var(--_text);
  }
  .error-summary h2,
  .error-summary h3 {
    margin: 0 0 var(--_space);
    font-size: 1.1em;
  }
  .error-summary p {
    margin: 0 0 var(--_space);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .error-summary a {
    color: var(--_danger);
    font-weight: 600;
  }
  .alert {
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 1.5);
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    color: var(--_danger);
  }
  .alert p {
    margin: 0;
    flex: 1 1 16rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin-block-start: calc(var(--_space) * 3);
  }
  .actions button {
    min-height: 2.75rem;
  }
  .actions .end {
    margin-inline-start: auto;
  }
`;
