import { z } from 'zod';
import { isCalendarDate, parisDay } from '../shared/dates.js';
import { fr, type MessageId } from '../i18n/messages.js';
import { LIMIT_DEFAULT, LIMIT_MAX, SELECTION_MAX } from '../shared/limits.js';

/**
 * Field builders shared by the request schemas: each raises the catalogue's
 * French message naming its field (see `i18n/messages.ts`).
 */

/** Control characters (tab, newline, NUL, …) have no place in a name or a town. */
export function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

export const NAME_MAX_LENGTH = 100;
export const EMAIL_MAX_LENGTH = 254;
export const SEARCH_MAX_LENGTH = 200;
export const ID_MAX_LENGTH = 64;
export { LIMIT_DEFAULT, LIMIT_MAX, SELECTION_MAX };

interface TextMessages {
  required: MessageId;
  tooLong: MessageId;
  invalid: MessageId;
}

/** A required one-line text: trimmed, 1–`max` characters, no control characters. */
export function requiredText(messages: TextMessages, max = NAME_MAX_LENGTH) {
  return z
    .string({ error: fr(messages.required) })
    .trim()
    .min(1, { error: fr(messages.required) })
    .max(max, { error: fr(messages.tooLong, { max }) })
    .refine((s) => !hasControlCharacter(s), { error: fr(messages.invalid) });
}

/**
 * An optional one-line text: absent stays absent, `null` or blank means « cleared »
 * (`null`), anything else is trimmed and checked like {@link requiredText}.
 */
export function optionalText(messages: Omit<TextMessages, 'required'>, max = NAME_MAX_LENGTH) {
  return z
    .union([z.string({ error: fr(messages.invalid) }), z.null()], { error: fr(messages.invalid) })
    .optional()
    .transform((s) => (typeof s === 'string' ? s.trim() || null : s))
    .pipe(
      z
        .string()
        .max(max, { error: fr(messages.tooLong, { max }) })
        .refine((s) => !hasControlCharacter(s), { error: fr(messages.invalid) })
        .nullable()
        .optional(),
    );
}

/** An e-mail address, trimmed and normalised to lower case (logins are case-insensitive). */
export function emailField() {
  return z
    .string({ error: fr('email.required') })
    .trim()
    .toLowerCase()
    .min(1, { error: fr('email.required') })
    .max(EMAIL_MAX_LENGTH, { error: fr('email.tooLong', { max: EMAIL_MAX_LENGTH }) })
    .pipe(z.email({ error: fr('email.invalid') }));
}

/** A required choice among an enumeration, with one message for « missing » and « unknown ». */
export function choice<const T extends readonly string[]>(values: T, message: MessageId) {
  return z.enum(values, { error: fr(message) });
}

/** An identifier (`cuid`, `uuid`, …): a non-empty token without spaces. */
export function idField(message: MessageId) {
  return z
    .string({ error: fr(message) })
    .trim()
    .min(1, { error: fr(message) })
    .max(ID_MAX_LENGTH, { error: fr(message) })
    .regex(/^[A-Za-z0-9_-]+$/, { error: fr(message) });
}

/** A real calendar date `YYYY-MM-DD` (no 31/02). */
export function calendarDate(message: MessageId) {
  return z.string({ error: fr(message) }).refine(isCalendarDate, { error: fr(message) });
}

/** An ISO 8601 instant with its offset (`2026-05-04T09:30:00Z`, `…+02:00`). */
export function instant(message: MessageId) {
  return z.iso.datetime({ offset: true, error: fr(message) });
}

/**
 * A boolean as JSON bodies send it (`true`) or as query strings do (`'true'`,
 * `'false'`, `'1'`, `'0'`). `z.coerce.boolean()` would read `'false'` as true.
 */
export function flag(message: MessageId) {
  return z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0'])], { error: fr(message) })
    .transform((v) => v === true || v === 'true' || v === '1');
}

/**
 * Query strings send `q=` for an empty input and JSON bodies may send `null`:
 * read a blank or null value as absent.
 */
export function blankAsAbsent<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v), schema.optional());
}

/**
 * An optional choice of a facultative page: absent stays absent, `null` or `''`
 * clears it (`null`), anything else must be one of `values`.
 */
export function optionalChoice<const T extends readonly string[]>(values: T, message: MessageId) {
  return z.preprocess((v) => (v === '' ? null : v), z.enum(values, { error: fr(message) }).nullable().optional());
}

/**
 * A refinement that two fields of an object are equal, raising `message` on the
 * second; it runs whenever both are strings, even if other fields failed, so a
 * form shows every problem at once.
 */
export function sameAs<K extends string>(first: K, second: K, message: MessageId) {
  return [
    (value: Record<K, unknown>) => value[first] === value[second],
    {
      error: fr(message),
      path: [second] as PropertyKey[],
      when: (payload: { value: unknown }) => {
        const v = payload.value as Record<string, unknown> | null | undefined;
        return typeof v?.[first] === 'string' && typeof v?.[second] === 'string';
      },
    },
  ] as const;
}

/**
 * A selection of candidates: non-empty, at most {@link SELECTION_MAX}, no id twice.
 * Accepts an array (JSON bodies) or a comma-separated list (query strings:
 * `candidateIds=a,b,c`, or the parameter repeated).
 */
export function candidateIdsField({ fromQuery = false }: { fromQuery?: boolean } = {}) {
  const list = z
    .array(idField('candidateId.invalid'), { error: fr('candidateIds.required') })
    .min(1, { error: fr('candidateIds.required') })
    .max(SELECTION_MAX, { error: fr('candidateIds.tooMany', { max: SELECTION_MAX }) })
    .refine((ids) => new Set(ids).size === ids.length, { error: fr('candidateIds.duplicate') });
  if (!fromQuery) return list;
  return z.preprocess((v) => {
    const parts = typeof v === 'string' ? [v] : Array.isArray(v) ? v : undefined;
    if (!parts) return v;
    return parts.flatMap((p) => (typeof p === 'string' ? p.split(',') : [p])).filter((p) => p !== '');
  }, list);
}

/** `from`/`to` calendar dates, inclusive, `to` not before `from` (message on `to`). */
export const periodShape = {
  from: blankAsAbsent(calendarDate('from.invalid')),
  to: blankAsAbsent(calendarDate('to.invalid')),
};

/** The refinement `to >= from` of a period, raising « La date de fin doit être postérieure… » on `to`. */
export const orderedPeriod = [
  (value: { from?: string | undefined; to?: string | undefined }) =>
    value.from === undefined || value.to === undefined || value.from <= value.to,
  {
    error: fr('period.reversed'),
    path: ['to'] as PropertyKey[],
    when: (payload: { value: unknown }) => {
      const v = payload.value as { from?: unknown; to?: unknown } | null | undefined;
      return typeof v?.from === 'string' && typeof v?.to === 'string';
    },
  },
] as const;

/** `cursor` (opaque) and `limit` (1–200, default 50) of every list. */
export const pageShape = {
  cursor: blankAsAbsent(z.string({ error: fr('cursor.invalid') }).max(500, { error: fr('cursor.invalid') })),
  limit: z.preprocess(
    (v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? LIMIT_DEFAULT : typeof v === 'string' ? Number(v) : v),
    z
      .number({ error: fr('limit.invalid', { max: LIMIT_MAX }) })
      .int({ error: fr('limit.invalid', { max: LIMIT_MAX }) })
      .min(1, { error: fr('limit.invalid', { max: LIMIT_MAX }) })
      .max(LIMIT_MAX, { error: fr('limit.invalid', { max: LIMIT_MAX }) }),
  ),
};

/** The free-text search box (« Rechercher un nom, un courriel »): one line, like the names it looks for (no NUL, tab or newline). */
export const searchField = blankAsAbsent(
  z
    .string({ error: fr('q.tooLong', { max: SEARCH_MAX_LENGTH }) })
    .trim()
    .max(SEARCH_MAX_LENGTH, { error: fr('q.tooLong', { max: SEARCH_MAX_LENGTH }) })
    .refine((s) => !hasControlCharacter(s), { error: fr('q.invalid') }),
);

/** An exam type id of the catalogue's form (`official-laposte`); whether the space sells it is a rule's business. */
export function examTypeField(required: MessageId = 'examType.required') {
  return z
    .string({ error: fr(required) })
    .trim()
    .min(1, { error: fr(required) })
    .max(ID_MAX_LENGTH, { error: fr('examType.invalid') })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: fr('examType.invalid') });
}

/** Is `day` (`YYYY-MM-DD`) strictly before the Paris calendar day of `now`? */
export function isBeforeParisToday(day: string, now: Date): boolean {
  return day < parisDay(now);
}
