import { css } from 'lit';

/**
 * The `--clr-*` design tokens with their defaults on `:host`: a portal
 * restyles every element by setting them on any ancestor.
 *
 * @cssproperty --clr-font-family - Text font.
 * @cssproperty --clr-font-size - Base text size.
 * @cssproperty --clr-color-text - Text colour.
 * @cssproperty --clr-color-muted - Secondary text colour.
 * @cssproperty --clr-color-surface - Background of panels and rows.
 * @cssproperty --clr-color-surface-alt - Background of headers and hovered rows.
 * @cssproperty --clr-color-border - Borders and separators.
 * @cssproperty --clr-color-primary - Buttons, links, focus ring, selection.
 * @cssproperty --clr-color-on-primary - Text on the primary colour.
 * @cssproperty --clr-color-danger - Errors and destructive actions.
 * @cssproperty --clr-color-success - Success and « Validé ».
 * @cssproperty --clr-color-warning - Warnings and « À affecter ».
 * @cssproperty --clr-radius - Corner radius.
 * @cssproperty --clr-space - Base spacing unit.
 */
export const tokens = css`
  :host {
    --_font-family: var(--clr-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--clr-font-size, 0.9375rem);
    --_text: var(--clr-color-text, #1f2430);
    --_muted: var(--clr-color-muted, #5c6370);
    --_surface: var(--clr-color-surface, #ffffff);
    --_surface-alt: var(--clr-color-surface-alt, #f3f5f8);
    --_border: var(--clr-color-border, #d5dae1);
    --_primary: var(--clr-color-primary, #1b4f9c);
    --_on-primary: var(--clr-color-on-primary, #ffffff);
    --_danger: var(--clr-color-danger, #b3261e);
    --_success: var(--clr-color-success, #1e7b34);
    --_warning: var(--clr-color-warning, #9a5b00);
    --_radius: var(--clr-radius, 6px);
    --_space: var(--clr-space, 0.5rem);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    color: var(--_text);
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_primary);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
  }
  button.primary {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  input,
  select {
    font: inherit;
    color: inherit;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.6) var(--_space);
    background: var(--_surface);
  }
  [role='alert'],
  .error {
    color: var(--_danger);
  }
`;
