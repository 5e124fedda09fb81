import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  p {
    margin: 0 0 calc(var(--_space) * 0.5);
  }
  .summary {
    margin-bottom: var(--_space);
  }
  .muted,
  .status {
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .actions button {
    min-height: 44px;
  }
  .message:empty {
    display: none;
  }
  .message {
    margin-top: var(--_space);
    color: var(--_success);
  }
  .status-dot {
    display: inline-block;
    width: 0.6em;
    height: 0.6em;
    border-radius: 50%;
    margin-inline-end: 0.3em;
    background: var(--_muted);
  }
  .status-dot.scheduled {
    background: var(--_primary);
  }
  .status-dot.taken {
    background: var(--_success);
  }
  .status-dot.expired {
    background: var(--_warning);
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
`;
