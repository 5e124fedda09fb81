import { translateMessage } from '@clr/domain';
import { ClrApiError, ClrNetworkError } from '@clr/sdk';
import { h, uid } from './dom.js';
import { SITE_LOCALE } from './locale.js';
import { TEXT } from './text.js';

/** A labelled input with its own error line, wired with `aria-describedby` / `aria-invalid`. */
export interface Field {
  element: HTMLElement;
  input: HTMLInputElement;
  setError(message: string | null): void;
}

export function field(label: string, attrs: Record<string, string | boolean>): Field {
  const id = uid('champ');
  const errorId = `${id}-erreur`;
  const input = h('input', { id, 'aria-describedby': errorId, ...attrs });
  const error = h('p', { id: errorId, class: 'error' });
  return {
    element: h('div', { class: 'field' }, h('label', { for: id }, label), input, error),
    input,
    setError(message) {
      error.textContent = message ?? '';
      if (message) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    },
  };
}

/** A message of the API (French) in the page's language. */
export function apiText(text: string): string {
  return SITE_LOCALE === 'fr' ? text : translateMessage(text, SITE_LOCALE);
}

/** What a failed call says to the person: the API's message (in the page's language), or ours when there was no answer. */
export function messageOf(error: unknown): string {
  if (error instanceof ClrApiError) return apiText(error.detail);
  if (error instanceof ClrNetworkError) return TEXT.networkError;
  return TEXT.unexpectedError;
}

/**
 * Shows a failed call on a form: each field error beside its field (by its
 * API path), the message above the form. Returns the first field in error, to focus.
 */
export function showProblem(error: unknown, fields: Record<string, Field>, summary: HTMLElement): HTMLInputElement | null {
  let first: HTMLInputElement | null = null;
  if (error instanceof ClrApiError) {
    for (const { path, message } of error.errors) {
      const target = fields[path];
      if (!target) continue;
      target.setError(apiText(message));
      first ??= target.input;
    }
  }
  summary.textContent = messageOf(error);
  return first;
}

export function clearErrors(fields: Record<string, Field>, ...lines: HTMLElement[]): void {
  for (const f of Object.values(fields)) f.setError(null);
  for (const line of lines) line.textContent = '';
}

