/**
 * Dates as the UI shows them: `dd/mm/yyyy` and `dd/mm/yyyy hh:mm`, always in
 * Europe/Paris whatever the machine's zone (SPEC §1). Calendar dates on the wire
 * are `YYYY-MM-DD` strings; instants are ISO 8601 strings.
 */
export const PARIS = 'Europe/Paris';

export type DateInput = Date | string | number;

function toDate(value: DateInput): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // A calendar date: noon UTC is the same day in Paris whatever the season.
    return new Date(`${value}T12:00:00Z`);
  }
  return new Date(value);
}

const dayFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: PARIS,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface ParisParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function parisParts(date: Date): ParisParts {
  const parts: Record<string, number> = {};
  for (const p of partsFormat.formatToParts(date)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return parts as unknown as ParisParts;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `07/06/2019`; empty string for null/undefined (tables show nothing). */
export function formatDate(value: DateInput | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  return dayFormat.format(date);
}

/** `22/11/2019 04:44` in Paris time. */
export function formatDateTime(value: DateInput | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  const p = parisParts(date);
  return `${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** The Paris calendar day of an instant, as `YYYY-MM-DD`. */
export function parisDay(value: DateInput): string {
  const p = parisParts(toDate(value));
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Offset of Paris from UTC, in minutes, at a given instant. */
function parisOffsetMinutes(at: Date): number {
  const p = parisParts(at);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60000);
}

/** The instant at which a Paris wall-clock time occurs (`day` is `YYYY-MM-DD`). */
export function parisWallClock(day: string, hour = 0, minute = 0, second = 0, ms = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, hour, minute, second, ms);
  // Two passes settle the offset across DST changes.
  let offset = parisOffsetMinutes(new Date(guess));
  offset = parisOffsetMinutes(new Date(guess - offset * 60000));
  return new Date(guess - offset * 60000);
}

/** The last millisecond of a Paris calendar day: 23:59:59.999 Europe/Paris. */
export function endOfParisDay(day: string): Date {
  return parisWallClock(day, 23, 59, 59, 999);
}

/** The first millisecond of a Paris calendar day. */
export function startOfParisDay(day: string): Date {
  return parisWallClock(day, 0, 0, 0, 0);
}

/** Adds calendar days to a `YYYY-MM-DD` date. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/**
 * Adds calendar months to a `YYYY-MM-DD` date, clamping to the month's last day
 * (31/01 + 1 month → 28 or 29/02; 29/02 + 12 months → 28/02).
 */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const targetMonthIndex = m - 1 + months;
  const ty = y + Math.floor(targetMonthIndex / 12);
  const tm = ((targetMonthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${ty}-${pad(tm + 1)}-${pad(Math.min(d, lastDay))}`;
}

/** Is `YYYY-MM-DD` a real calendar date? */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
