import { describe, expect, it } from 'vitest';
import { anAssignment } from './fixtures.js';
import {
  assignmentState,
  isCurrentAssignment,
  isEligibleForAssignment,
  isEligibleForRemoval,
  latestAssignment,
  presentAssignment,
} from './state.js';

const deadline = '2024-07-20T21:59:59.999Z';

describe('R19 assignment state', () => {
  it.each([
    ['untaken before its deadline', {}, '2024-07-20T21:59:59.999Z', 'scheduled'],
    ['untaken past its deadline', {}, '2024-07-20T22:00:00.000Z', 'expired'],
    ['taken', { takenAt: '2024-07-20T08:00:00.000Z' }, '2024-07-21T10:00:00Z', 'taken'],
    ['with an attempt started, past its deadline', { attemptId: 'att-1' }, '2024-07-21T10:00:00Z', 'taken'],
  ])('R19 an assignment %s is %s', (_case, fields, at, state) => {
    const a = anAssignment({ id: 'a', deadline, ...fields });
    expect(assignmentState(a, new Date(at))).toBe(state);
    expect(isCurrentAssignment(a, new Date(at))).toBe(state === 'scheduled');
    expect(isEligibleForAssignment(a, new Date(at))).toBe(state !== 'scheduled');
    expect(isEligibleForRemoval(a, new Date(at))).toBe(state !== 'taken');
  });

  it('R19 no assignment is neither current nor removable, and leaves the candidate free for one', () => {
    const now = new Date();
    expect(isCurrentAssignment(null, now)).toBe(false);
    expect(isEligibleForRemoval(null, now)).toBe(false);
    expect(isEligibleForAssignment(undefined, now)).toBe(true);
  });

  it("R19 the candidate's latest assignment is the last created", () => {
    const a = anAssignment({ id: 'a', createdAt: '2024-01-01T00:00:00.000Z' });
    const b = anAssignment({ id: 'b', createdAt: '2024-03-01T00:00:00.000Z' });
    const c = anAssignment({ id: 'c', createdAt: '2024-02-01T00:00:00.000Z' });
    expect(latestAssignment([a, b, c])?.id).toBe('b');
    expect(latestAssignment([])).toBeNull();
  });

  it('R19 the candidate file shows the assignment with its state', () => {
    const a = anAssignment({ id: 'a', deadline, activationCode: 'BCDF2346' });
    expect(presentAssignment(a, new Date('2024-08-01T00:00:00Z'))).toEqual({
      id: 'a',
      examType: 'blank-remote',
      scheduledAt: null,
      sessionId: null,
      deadline,
      activationCode: 'BCDF2346',
      takenAt: null,
      createdAt: a.createdAt,
      state: 'expired',
    });
  });
});
