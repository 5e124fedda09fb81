import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_card-background: var(--clr-result-card-background, color-mix(in srgb, var(--_primary) 8%, var(--_surface)));
  }
  .card {
    background: var(--_card-background);
    border: 1px solid color-mix(in srgb, var(--_primary) 25%, var(--_surface));
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2) calc(var(--_space) * 3);
  }
  .exam-type {
    margin: 0 0 var(--_space);
    font-size: 1.3em;
    font-weight: 700;
    color: var(--_primary);
  }
  .score {
    margin: 0 0 calc(var(--_space) * 1.5);
    font-size: 1.1em;
  }
  .score strong {
    font-size: 1.4em;
    color: var(--_primary);
  }
  .facts {
    margin: 0 0 calc(var(--_space) * 1.5);
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .facts div {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  .facts dt {
    color: var(--_muted);
  }
  .facts dd {
    margin: 0;
    font-weight: 600;
  }
  .code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace;
    letter-spacing: 0.05em;
  }
  .links {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  button.link {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    min-height: 2.75rem;
    padding: 0 calc(var(--_space) * 0.5);
    margin-inline-start: calc(var(--_space) * -0.5);
    border: 0;
    background: transparent;
    color: var(--_primary);
    text-decoration: underline;
    text-underline-offset: 0.2em;
    text-align: start;
  }
  button.link[part='generate'] {
    border: 1px solid var(--_primary);
    text-decoration: none;
    padding-inline: calc(var(--_space) * 1.5);
    margin-inline-start: 0;
  }
  button.link[aria-busy='true'] {
    cursor: progress;
  }
  .none {
    margin: 0;
    color: var(--_muted);
  }
  .error p {
    margin: 0 0 var(--_space);
  }
`;
