import { formatDate, type DateInput } from '@clr/domain';

/**
 * Money as French decimal text, the way Excel with a French locale reads a
 * number: integer cents `34080` → `340,80`, `-1250` → `-12,50`. No thousands
 * separator and no currency sign, so the cell stays a number in the sheet.
 */
export function formatCents(cents: number): string {
  if (!Number.isFinite(cents)) return '';
  const negative = cents < 0;
  const abs = Math.abs(Math.round(cents));
  const units = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${negative ? '-' : ''}${units},${rest < 10 ? '0' : ''}${rest}`;
}

/** A number cell: integers as they are, decimals with a French comma (`12,5`). */
export function formatNumberCell(value: number): string {
  if (!Number.isFinite(value)) return '';
  return Number.isInteger(value) ? String(value) : String(value).replace('.', ',');
}

const ISO_UTC_INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-]00:00)$/;
const HOUR = 3_600_000;
const CACHE_LIMIT = 20_000;

/**
 * The cache key of a UTC instant and an instant with that key. Paris is UTC+1
 * or UTC+2 and changes offset on a UTC hour, so an instant before 22:00 UTC is
 * on the Paris day of its UTC date (keyed by the date alone), and one at 22:xx
 * or 23:xx on the Paris day of its UTC hour (keyed by date and hour).
 */
function utcKey(day: string, hour: number): [key: string, representative: string] {
  return hour < 22 ? [day, `${day}T12:00:00Z`] : [`${day}T${hour}`, `${day}T${hour}:00:00Z`];
}

/**
 * The domain's {@link formatDate} behind a cache, for exports of many rows:
 * UTC instants share one entry per day (see {@link utcKey}), anything else is
 * keyed by itself. The formatting itself stays the domain's.
 */
export function cachedDateFormatter(): (value: DateInput | null | undefined) => string {
  const cache = new Map<string, string>();
  return (value) => {
    if (value === null || value === undefined || value === '') return '';
    let key: string;
    let input: DateInput = value;
    if (typeof value === 'string') {
      const instant = ISO_UTC_INSTANT.exec(value);
      if (instant) [key, input] = utcKey(instant[1] as string, Number(instant[2]));
      else key = value;
    } else {
      const time = value instanceof Date ? value.getTime() : value;
      if (!Number.isFinite(time)) return '';
      const hourStart = Math.floor(time / HOUR) * HOUR;
      const iso = new Date(hourStart).toISOString();
      if (iso.length !== 24) {
        key = `#${hourStart}`;
        input = hourStart;
      } else {
        [key, input] = utcKey(iso.slice(0, 10), Number(iso.slice(11, 13)));
      }
    }
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const formatted = formatDate(input);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, formatted);
    return formatted;
  };
}
