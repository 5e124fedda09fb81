import { html, type TemplateResult } from 'lit';

/**
 * An e-mail that wraps between its parts (before « @ » and each « . »), not in
 * the middle of a word: « anais.benoit / @exemple / .fr ». Every list cell of
 * an e-mail uses it, so a narrow screen never cuts « exe / mple ».
 */
export function breakableEmail(email: string): TemplateResult {
  const parts = email.split(/(?=[@.])/);
  return html`${parts.map((part, i) => (i === 0 ? part : html`<wbr />${part}`))}`;
}
