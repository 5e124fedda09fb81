import { isCalendarDate } from './dates.js';

/**
 * A date as an administrator types it, `jj/mm/aaaa` (the UI's format whatever
 * the browser's locale: SPEC §1), to the wire's `YYYY-MM-DD`. Days and months
 * may have one digit (`7/6/2019`), separators may be `/`, `.` or `-`, spaces
 * around are ignored; an ISO date passes through. Anything else is returned
 * trimmed as it was, so the schema's own date check refuses it with the
 * field's message (« La date de naissance n'est pas valide. »).
 */
export function parseDayInput(typed: string): string {
  const text = typed.trim();
  if (isCalendarDate(text)) return text;
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (!match) return text;
  const [, day, month, year] = match as unknown as [string, string, string, string];
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : text;
}

/** `YYYY-MM-DD` → `jj/mm/aaaa` for a text field; anything else unchanged (what was typed stays typed). */
export function formatDayInput(day: string | null | undefined): string {
  if (!day) return '';
  return isCalendarDate(day) ? `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}` : day;
}
