import { describe, expect, it } from 'vitest';
import { formatDayInput, parseDayInput } from './day-input.js';

describe('dates typed jj/mm/aaaa (UI: whatever the browser’s locale)', () => {
  it.each([
    ['07/06/2019', '2019-06-07'],
    ['7/6/2019', '2019-06-07'],
    [' 29/02/2024 ', '2024-02-29'],
    ['07.06.2019', '2019-06-07'],
    ['07-06-2019', '2019-06-07'],
    ['2019-06-07', '2019-06-07'],
    ['31/02/2019', '31/02/2019'],
    ['29/02/2023', '29/02/2023'],
    ['06/07/19', '06/07/19'],
    ['13/13/2019', '13/13/2019'],
    ['', ''],
    ['demain', 'demain'],
  ])('%j is sent as %j', (typed, sent) => {
    expect(parseDayInput(typed)).toBe(sent);
  });

  it.each([
    ['2019-06-07', '07/06/2019'],
    [null, ''],
    ['', ''],
    ['31/02/2019', '31/02/2019'],
  ])('%j is shown in the field as %j', (day, shown) => {
    expect(formatDayInput(day)).toBe(shown);
  });
});
