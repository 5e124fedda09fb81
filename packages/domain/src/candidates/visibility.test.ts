import { describe, expect, it } from 'vitest';
import { isHiddenCandidate, visibleToTable } from './visibility.js';

const visible = { hidden: false };
const hidden = { hidden: true };

describe('R12 hidden groups hide their candidates (§5.4)', () => {
  it.each([
    ['no group', [], false, true, true],
    ['one visible group', [visible], false, true, true],
    ['one hidden group', [hidden], true, false, true],
    ['a visible and a hidden group', [visible, hidden], true, false, true],
    ['two visible groups', [visible, visible], false, true, true],
  ])('R12 a candidate in %s: hidden = %s, in the table = %s, with includeHidden = %s', (_case, groups, isHidden, shown, shownWithHidden) => {
    expect(isHiddenCandidate(groups)).toBe(isHidden);
    expect(visibleToTable(groups)).toBe(shown);
    expect(visibleToTable(groups, false)).toBe(shown);
    expect(visibleToTable(groups, true)).toBe(shownWithHidden);
  });
});
