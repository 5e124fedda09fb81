import { css } from 'lit';

export const styles = css`
  :host {
    display: contents;
  }
  .categories {
    margin: 0;
    padding-inline-start: 1.2rem;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .categories li {
    margin-bottom: calc(var(--_space) * 0.5);
  }
  .categories li[aria-current='true'] {
    color: var(--_text);
  }
  .categories strong {
    color: var(--_text);
  }
  .success p {
    margin: 0;
  }
`;
