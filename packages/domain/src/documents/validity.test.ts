import { describe, expect, it } from 'vitest';
import { isResultValid, validUntil } from './validity.js';

describe('R16 validity of a result (§6.9)', () => {
  it.each([
    ['2019-06-07T08:00:00Z', '2022-06-06', 'the manual: taken 07/06/2019, valid until 06/06/2022'],
    ['2019-11-18T09:00:00Z', '2022-11-17', 'the manual: taken 18/11/2019, valid until 17/11/2022'],
    ['2020-02-29T10:00:00Z', '2023-02-28', 'taken on a 29 February: the third anniversary is the 1 March'],
    ['2021-03-01T10:00:00Z', '2024-02-29', 'taken on 1 March 2021: valid until the 29 February of the leap year'],
    ['2020-01-01T10:00:00Z', '2022-12-31', 'taken on 1 January: valid until 31 December'],
    ['2019-06-06T22:30:00Z', '2022-06-06', 'taken at 00:30 Paris time on 7 June (22:30 UTC on the 6th)'],
    ['2019-12-31T23:30:00Z', '2022-12-31', 'taken at 00:30 Paris time on 1 January 2020'],
    ['2019-06-07', '2022-06-06', 'a calendar date'],
  ])('R16 taken %s → valid until %s (%s)', (takenAt, until) => {
    expect(validUntil(takenAt)).toBe(until);
  });

  it.each([
    ['2022-06-06T21:00:00Z', true, 'the last day, 23:00 in Paris'],
    ['2022-06-06T22:30:00Z', false, 'the next day in Paris'],
    ['2021-01-01T00:00:00Z', true, 'well within'],
  ])('R16 a result taken on 07/06/2019 is valid at %s = %s (%s)', (now, valid) => {
    expect(isResultValid('2019-06-07T08:00:00Z', new Date(now))).toBe(valid);
  });
});
