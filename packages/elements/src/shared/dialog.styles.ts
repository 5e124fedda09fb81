import { css } from 'lit';

/**
 * The look of every modal `<dialog>` of the library (title bar, scrolling
 * body, footer of buttons; a full-screen sheet under 640 px), and of the
 * fields inside (label above, « * » for required, message beside the field).
 */
export const dialogStyles = css`
  dialog {
    width: min(36rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    box-shadow: 0 12px 40px rgb(15 20 30 / 0.25);
  }
  dialog.wide {
    width: min(60rem, calc(100vw - 2rem));
  }
  dialog::backdrop {
    background: rgb(15 20 30 / 0.45);
  }
  .frame {
    display: flex;
    flex-direction: column;
    max-height: calc(100vh - 2rem);
  }
  .frame > header {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 2);
    border-bottom: 1px solid var(--_border);
  }
  .frame > header h2 {
    font-size: 1.2em;
    margin: 0;
  }
  .body {
    padding: calc(var(--_space) * 2);
    overflow: auto;
    flex: 1 1 auto;
  }
  .body > p:first-child {
    margin-top: 0;
  }
  .frame > footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space) calc(var(--_space) * 2);
    border-top: 1px solid var(--_border);
  }
  .close {
    border: none;
    background: none;
    font-size: 1.5em;
    line-height: 1;
    min-width: 2.75rem;
    min-height: 2.75rem;
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-primary);
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
    margin-bottom: calc(var(--_space) * 2);
  }
  .field label {
    font-weight: 600;
  }
  .field input,
  .field select {
    width: 100%;
  }
  .field [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .field-error {
    color: var(--_danger);
    margin: 0;
  }
  .hint {
    color: var(--_muted);
    margin: 0;
    font-size: 0.9em;
  }
  .required-note {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .alert {
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-bottom: calc(var(--_space) * 2);
  }
  .alert p {
    margin: 0;
  }
  .success {
    border-inline-start: 4px solid var(--_success);
    padding: var(--_space) calc(var(--_space) * 1.5);
    background: var(--_surface-alt);
  }
  .status {
    color: var(--_muted);
  }
  @media (max-width: 640px) {
    dialog,
    dialog.wide {
      width: 100vw;
      max-width: 100vw;
      height: 100dvh;
      max-height: 100dvh;
      margin: 0;
      border-radius: 0;
    }
    .frame {
      height: 100%;
      max-height: 100dvh;
    }
    .frame > footer button {
      min-height: 2.75rem;
    }
  }
`;
