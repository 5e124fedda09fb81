import { addDays, parisDay, type DateInput } from '../shared/dates.js';

/**
 * R16 — validity of a result (§6.9): « Effectuée le : 07/06/2019 — Valide
 * jusqu'au : 06/06/2022 ». The Paris calendar day of the exam, plus 3 years,
 * minus 1 day, as `YYYY-MM-DD`. The third anniversary of a 29 February is the
 * 1 March (no 29 February three years later), so the result is valid until the
 * 28 February; taken on 1 March 2021, it is valid until 29 February 2024.
 */
export function validUntil(takenAt: DateInput): string {
  const [year, month, day] = parisDay(takenAt).split('-') as [string, string, string];
  // addDays normalises the overflow: 2023-02-29 − 1 day is 2023-02-28.
  return addDays(`${Number(year) + 3}-${month}-${day}`, -1);
}

/** R16 Is a result taken at `takenAt` still valid on the Paris day of `now` (the last day included)? */
export function isResultValid(takenAt: DateInput, now: Date): boolean {
  return parisDay(now) <= validUntil(takenAt);
}
