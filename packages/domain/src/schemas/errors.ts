import type { z } from 'zod';
import { DomainError, type FieldError } from '../shared/errors.js';
import type { Locale } from '../i18n/labels.js';
import { formatMessage, messageIdOf, translateMessage } from '../i18n/messages.js';

/** What {@link toFieldErrors} reads from a `ZodError` (or any `{ issues }`). */
export interface IssueSource {
  issues: readonly z.core.$ZodIssue[];
}

/** `['identity', 'email']` → `identity.email`; `['lines', 0, 'quantity']` → `lines.0.quantity`; the root is `''`. */
export function dottedPath(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'symbol' ? (key.description ?? '') : String(key))).join('.');
}

/** The message of an issue in `locale`; zod's own English defaults become the catalogue's generic messages. */
function issueMessage(issue: z.core.$ZodIssue, locale: Locale): string {
  if (messageIdOf(issue.message)) return translateMessage(issue.message, locale);
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return formatMessage('field.required', locale);
  }
  if (issue.code === 'unrecognized_keys') return formatMessage('field.unexpected', locale);
  return formatMessage('field.invalid', locale);
}

/**
 * The field errors of a failed parse, as problem+json `errors` carries them and
 * the elements show them beside each field: `[{ path: 'identity.email', message }]`,
 * one per field (the first problem found, the one to fix first), in the order
 * of the form, `message` in `locale` (French by default).
 */
export function toFieldErrors(error: IssueSource, locale: Locale = 'fr'): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  const push = (path: string, message: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    errors.push({ path, message });
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) push(dottedPath([...issue.path, key]), issueMessage(issue, locale));
      continue;
    }
    push(dottedPath(issue.path), issueMessage(issue, locale));
  }
  return errors;
}

/** The `validation_failed` error of a failed parse: « Certains champs ne sont pas valides. » with `details.errors`. */
export function validationError(error: IssueSource, locale: Locale = 'fr'): DomainError {
  return new DomainError('validation_failed', formatMessage('validation.summary', locale), {
    errors: toFieldErrors(error, locale),
  });
}

/** Parses `input` or throws {@link validationError}: the one-liner of the server's and the mocks' edges. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, locale: Locale = 'fr'): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(result.error, locale);
  return result.data;
}
