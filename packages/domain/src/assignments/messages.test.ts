import { describe, expect, it } from 'vitest';
import { EXAM_TYPES } from '../catalogue/exam-types.js';
import { DomainError } from '../shared/errors.js';
import { translateMessage } from '../i18n/messages.js';
import { assertSeats, scheduleErrors } from './schedule.js';
import { planBulkAssign } from './bulk.js';
import { aLot } from './fixtures.js';

const now = new Date('2030-04-10T10:00:00Z');
const type = (id: string) => EXAM_TYPES.find((t) => t.id === id)!;
const session = { id: 's', examType: 'official-laposte', city: 'Grenoble', postcode: '38000', centreName: 'C', address: 'A', startsAt: '2030-04-16T07:00:00.000Z', seats: 6, seatsTaken: 6 };

function english(run: () => void): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return translateMessage(error.message, 'en');
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the assignment rules’ messages speak English too (the dialogs and the API under lang="en")', () => {
  it.each([
    [{ examType: type('official-onsite'), now }, 'Choose an exam date.'],
    [{ examType: type('official-onsite'), scheduledAt: '2030-04-09', now }, 'The exam date must be today or a later date.'],
    [{ examType: type('official-onsite'), scheduledAt: '2030-02-31', now }, 'The exam date is not a valid date.'],
    [{ examType: type('blank-remote'), scheduledAt: '2030-04-12', now }, 'This type of exam is not scheduled on a date: it is available as soon as it is assigned.'],
    [{ examType: type('official-laposte'), now }, 'Choose a session at a La Poste centre.'],
    [{ examType: type('official-laposte'), scheduledAt: '2030-04-17', session, now }, 'The exam date is that of the session chosen: 16/04/2030.'],
  ])('%j → %s', (choice, message) => {
    expect(scheduleErrors(choice).map((e) => translateMessage(e.message, 'en'))).toEqual([message]);
  });

  it('a full session', () => {
    expect(english(() => assertSeats(session, 1))).toBe('No seat is left in the session of 16/04/2030 in Grenoble: choose another session.');
  });

  it('a bulk assignment naming candidates who already have an exam', () => {
    const current = { id: 'a', candidateId: 'c1', examType: 'blank-remote', lotId: 'l', scheduledAt: null, sessionId: null, deadline: '2031-01-01T00:00:00Z', activationCode: null, takenAt: null, createdAt: '2030-01-01T00:00:00Z' };
    const message = english(() =>
      planBulkAssign({ candidates: [{ id: 'c1', current }, { id: 'c2', current: { ...current, candidateId: 'c2' } }], examType: type('blank-remote'), lots: [aLot({ id: 'l', examType: 'blank-remote', remaining: 5 })], now, newActivationCode: () => 'BCDFGHJK' }),
    );
    expect(message).toBe('2 candidates already have an exam assigned and not yet taken.');
  });
});
