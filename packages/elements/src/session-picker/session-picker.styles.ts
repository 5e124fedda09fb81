import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  h2,
  h3 {
    font-size: 1.1em;
    margin: 0 0 var(--_space);
  }
  p {
    margin: 0 0 var(--_space);
  }
  .fields {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
  }
  label {
    font-weight: 600;
  }
  select {
    font-weight: 400;
    width: 100%;
    min-height: 44px;
    max-width: 100%;
  }
  .hint {
    font-weight: 400;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .seats {
    margin-top: var(--_space);
    min-height: 1.4em;
    color: var(--_muted);
  }
  .seats.error {
    color: var(--_danger);
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    align-items: center;
    gap: var(--_space);
    margin-top: calc(var(--_space) * 2);
  }
  .footer .hint {
    margin: 0;
    margin-inline-end: auto;
  }
  button {
    min-height: 44px;
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
  .status {
    color: var(--_muted);
  }
`;
