import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  nav {
    margin-block-end: calc(var(--_space) * 3);
  }
  .steps {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(5, minmax(0, 1fr));
    gap: var(--_space);
    counter-reset: step;
  }
  .step .step-button {
    display: flex;
    align-items: flex-start;
    gap: var(--_space);
    width: 100%;
    height: 100%;
    min-height: 2.75rem;
    text-align: start;
    padding: var(--_space);
    border: 0;
    border-block-end: 4px solid var(--_border);
    border-radius: 0;
    background: transparent;
    color: var(--_muted);
  }
  button.step-button:hover {
    background: var(--_surface-alt);
  }
  .step.done .step-button {
    border-block-end-color: var(--_success);
    color: var(--_text);
  }
  .step.current .step-button {
    border-block-end-color: var(--_primary);
    color: var(--_text);
    font-weight: 600;
  }
  .step-number {
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 1.75rem;
    height: 1.75rem;
    border-radius: 50%;
    border: 2px solid currentColor;
    font-weight: 700;
  }
  .step.current .step-number {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
  .step.done .step-number {
    border-color: var(--_success);
    color: var(--_success);
  }
  .step-text {
    display: flex;
    flex-direction: column;
  }
  .step-kind {
    font-size: 0.85em;
    font-weight: normal;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  .page-title {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space);
    font-size: 1.3em;
    margin: 0 0 var(--_space);
  }
  .page-kind {
    font-size: 0.75em;
    font-weight: normal;
    color: var(--_muted);
  }
  .page-count {
    margin-inline-start: auto;
    font-size: 0.7em;
    font-weight: normal;
    color: var(--_muted);
  }
  .required-note {
    margin: 0 0 calc(var(--_space) * 2);
    color: var(--_muted);
    font-size: 0.9em;
  }
  fieldset > .hint {
    margin-block-end: calc(var(--_space) * 2);
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    border-inline-start: 4px solid var(--_primary);
    background: var(--_surface-alt);
    padding: var(--_space) calc(var(--_space) * 1.5);
    margin-block-end: calc(var(--_space) * 2);
  }
  .notice p {
    margin: 0;
    flex: 1 1 18rem;
  }
  .created {
    border-inline-start: 4px solid var(--_success);
    background: var(--_surface-alt);
    padding: calc(var(--_space) * 2);
  }
  .created h2 {
    margin: 0 0 var(--_space);
    font-size: 1.3em;
  }
  @media (max-width: 640px) {
    .steps {
      grid-template-columns: 1fr;
      gap: 0;
    }
    .step .step-button {
      border-block-end-width: 0;
      border-inline-start: 4px solid var(--_border);
    }
    .step.done .step-button {
      border-inline-start-color: var(--_success);
    }
    .step.current .step-button {
      border-inline-start-color: var(--_primary);
    }
    .step-text {
      flex-direction: row;
      flex-wrap: wrap;
      gap: 0.25em;
    }
    .actions .end {
      margin-inline-start: 0;
    }
  }
`;
