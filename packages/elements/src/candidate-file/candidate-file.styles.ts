import { css } from 'lit';

export const styles = css`
  :host {
    display: grid;
    gap: calc(var(--_space) * 3);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    align-items: flex-start;
    justify-content: space-between;
  }
  .who {
    min-width: 0;
  }
  h2 {
    margin: 0 0 calc(var(--_space) * 0.5);
    font-size: 1.4em;
    overflow-wrap: anywhere;
  }
  .login {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em;
  }
  .email {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .muted {
    color: var(--_muted);
  }
  .envelope {
    display: inline-flex;
    color: var(--_muted);
  }
  .envelope.awaiting {
    color: var(--clr-color-envelope-awaiting, #c25e00);
  }
  .envelope.acknowledged {
    color: var(--_success);
  }
  .status {
    margin: calc(var(--_space) * 0.5) 0 0;
  }
  .badge {
    display: inline-block;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    background: var(--_surface-alt);
    border: 1px solid var(--_border);
    font-size: 0.9em;
  }
  .badge.scheduled {
    border-color: var(--_primary);
    color: var(--_primary);
  }
  .badge.taken {
    border-color: var(--_success);
    color: var(--_success);
  }
  .badge.expired {
    border-color: var(--_warning);
    color: var(--_warning);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .actions button,
  .back button,
  .dialog-actions button {
    min-height: 2.75rem;
  }
  button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button.danger {
    color: var(--_danger);
    border-color: var(--_danger);
  }
  button.danger.primary {
    background: var(--_danger);
    color: var(--_on-primary);
  }
  .reason {
    flex-basis: 100%;
    margin: 0;
    color: var(--_muted);
  }
  .reason.locked {
    border-inline-start: 4px solid var(--_warning);
    padding-inline-start: var(--_space);
    color: var(--_text);
  }
  .side {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .side:empty {
    display: none;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    border-block-end: 1px solid var(--_border);
  }
  [role='tab'] {
    border: 0;
    border-block-end: 3px solid transparent;
    border-radius: 0;
    background: transparent;
    min-height: 2.75rem;
    padding: var(--_space) calc(var(--_space) * 1.5);
    color: var(--_muted);
  }
  [role='tab'][aria-selected='true'] {
    border-block-end-color: var(--_primary);
    color: var(--_text);
    font-weight: 600;
  }
  [role='tab'].has-error {
    color: var(--_danger);
  }
  [role='tab'] .kind {
    font-size: 0.85em;
    font-weight: normal;
  }
  [role='tabpanel'] {
    padding-block: calc(var(--_space) * 2);
  }
  .required-note {
    margin: 0 0 calc(var(--_space) * 2);
    color: var(--_muted);
  }
  .back {
    margin: 0;
  }
  .back button {
    border: 0;
    padding-inline: 0;
    background: transparent;
    color: var(--_primary);
    text-decoration: underline;
  }
  dialog {
    width: min(32rem, calc(100vw - 2rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 3);
    background: var(--_surface);
    color: var(--_text);
    font-family: var(--_font-family);
  }
  dialog::backdrop {
    background: rgb(15 20 30 / 0.45);
  }
  dialog h2 {
    font-size: 1.2em;
  }
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    justify-content: flex-end;
  }
  .done {
    margin: 0;
    font-weight: 600;
  }
  @media (max-width: 640px) {
    dialog {
      width: 100vw;
      max-width: 100vw;
      height: 100dvh;
      max-height: 100dvh;
      margin: 0;
      border-radius: 0;
    }
    [role='tab'] {
      flex: 1 1 45%;
      text-align: start;
    }
  }
`;
