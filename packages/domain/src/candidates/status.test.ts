import { describe, expect, it } from 'vitest';
import { anAssignment } from '../assignments/fixtures.js';
import type { AssignmentSnapshot } from '../assignments/types.js';
import {
  candidateRowSummary,
  candidateStage,
  candidateStatus,
  hasCurrentAssignment,
  latestAttempt,
  statusFromStage,
  type AttemptSnapshot,
} from './status.js';

const now = new Date('2024-07-10T10:00:00Z');
const future = '2024-07-20T21:59:59.999Z';
const past = '2024-07-09T21:59:59.999Z';

const scheduled = anAssignment({ id: 'a2', examType: 'official-onsite', scheduledAt: '2024-07-20', deadline: future, createdAt: '2024-07-01T09:00:00.000Z' });
const expired = anAssignment({ id: 'a2', examType: 'official-onsite', scheduledAt: '2024-07-09', deadline: past, createdAt: '2024-07-01T09:00:00.000Z' });
const taken = anAssignment({ id: 'a1', examType: 'official-approved', scheduledAt: '2019-11-18', deadline: '2019-11-18T22:59:59.999Z', takenAt: '2019-11-18T09:12:00.000Z', createdAt: '2019-11-01T09:00:00.000Z' });
const attempt: AttemptSnapshot = { id: 't1', assignmentId: 'a1', examType: 'official-approved', score: 490, takenAt: '2019-11-18T09:12:00.000Z', validation: 'validated' };

describe('candidate status (§6.1)', () => {
  it.each<[string, AssignmentSnapshot[], AttemptSnapshot[], string]>([
    ['« à attribuer » with no exam at all', [], [], 'to_assign'],
    ['« prévue » with an exam not yet taken', [scheduled], [], 'scheduled'],
    ['R19 « expirée » once the deadline passed untaken', [expired], [], 'expired'],
    ['« passée » once the exam is taken', [taken], [attempt], 'taken'],
    ['« passée » when an attempt was started on the latest exam', [anAssignment({ id: 'a1', deadline: past })], [{ ...attempt, takenAt: null, score: null, validation: 'pending' }], 'taken'],
    ['« passée » with attempts but no assignment on record', [], [attempt], 'taken'],
    ['« prévue » for a new exam after a taken one (« Nouvelle attribution »)', [taken, scheduled], [attempt], 'scheduled'],
    ['R19 « expirée » for a new exam that expired after a taken one', [expired, taken], [attempt], 'expired'],
  ])('shows %s', (_case, assignments, attempts, status) => {
    expect(candidateStatus({ assignments, attempts }, now)).toBe(status);
    expect(hasCurrentAssignment({ assignments, attempts }, now)).toBe(status === 'scheduled');
  });

  it('R19 the stored stage turns « prévue » into « expirée » at the deadline, without any timer', () => {
    const stage = candidateStage({ assignments: [scheduled], attempts: [] });
    expect(stage).toEqual({ stage: 'assigned', deadline: future });
    expect(statusFromStage(stage, new Date(future))).toBe('scheduled');
    expect(statusFromStage(stage, new Date(Date.parse(future) + 1))).toBe('expired');
    expect(statusFromStage({ stage: 'none', deadline: null }, now)).toBe('to_assign');
    expect(statusFromStage({ stage: 'taken', deadline: null }, now)).toBe('taken');
  });

  it("fills the row of the manual's table: « Passée • Validé • 490/1000 Examen officiel - en centre agréé • 18/11/2019 »", () => {
    expect(candidateRowSummary({ assignments: [taken], attempts: [attempt] }, now)).toEqual({
      status: 'taken',
      validation: 'validated',
      score: 490,
      examType: 'official-approved',
      date: '2019-11-18T09:12:00.000Z',
    });
  });

  it('shows the scheduled date of an exam to come, and nothing in the result columns', () => {
    expect(candidateRowSummary({ assignments: [scheduled], attempts: [] }, now)).toEqual({
      status: 'scheduled',
      validation: null,
      score: null,
      examType: 'official-onsite',
      date: '2024-07-20',
    });
  });

  it('R19 shows the scheduled date of an expired exam, as the bulk-delete list does', () => {
    expect(candidateRowSummary({ assignments: [expired], attempts: [] }, now).date).toBe('2024-07-09');
  });

  it('keeps the last score with its exam type when a new exam is scheduled, and shows the new date', () => {
    expect(candidateRowSummary({ assignments: [taken, scheduled], attempts: [attempt] }, now)).toEqual({
      status: 'scheduled',
      validation: 'validated',
      score: 490,
      examType: 'official-approved',
      date: '2024-07-20',
    });
  });

  it('leaves every column empty for a candidate to assign', () => {
    expect(candidateRowSummary({ assignments: [], attempts: [] }, now)).toEqual({
      status: 'to_assign',
      validation: null,
      score: null,
      examType: null,
      date: null,
    });
  });

  it('the latest result is the attempt taken last; one in progress counts only when none is taken', () => {
    const first: AttemptSnapshot = { ...attempt, id: 'first', takenAt: '2019-01-01T09:00:00.000Z', score: 300 };
    const second: AttemptSnapshot = { ...attempt, id: 'second', takenAt: '2020-01-01T09:00:00.000Z', score: 700 };
    const running: AttemptSnapshot = { ...attempt, id: 'running', takenAt: null, score: null, validation: 'pending' };
    expect(latestAttempt([second, running, first])?.id).toBe('second');
    expect(latestAttempt([running])?.id).toBe('running');
    expect(latestAttempt([])).toBeNull();
  });
});
