import { describe, expect, it } from 'vitest';
import { planAssign, type AssignInput } from './assign.js';
import { caught } from './errors.test-helpers.js';
import { aLot, aSession, anAssignment, examType, sequentialCodes } from './fixtures.js';

const now = new Date('2024-07-10T10:00:00Z'); // 12:00 in Paris
const lotExpiry = '2025-01-31T22:59:59.999Z';
const lots = [
  'blank-remote',
  'blank-onsite',
  'blank-manual',
  'demo-remote',
  'demo-onsite',
  'demo-manual',
  'official-onsite',
  'official-laposte',
  'official-approved',
].map((type) => aLot({ id: `lot-${type}`, examType: type, remaining: 5, expiresAt: lotExpiry }));
const grenoble = aSession({ id: 's-gre', startsAt: '2024-09-17T07:00:00.000Z', seats: 10, seatsTaken: 3 });

function input(type: string, extra: Partial<AssignInput> = {}): AssignInput {
  return { candidateId: 'cand-1', current: null, examType: examType(type), lots, now, newActivationCode: sequentialCodes(), ...extra };
}

describe('R5 assign an exam to a candidate (§6.5)', () => {
  it.each([
    // type, scheduledAt, session, deadline, activation code, seat
    ['blank-remote', null, null, lotExpiry, null, null],
    ['blank-manual', null, null, lotExpiry, null, null],
    ['demo-remote', null, null, lotExpiry, null, null],
    ['demo-manual', null, null, lotExpiry, null, null],
    ['blank-onsite', '2024-07-20', null, '2024-07-20T21:59:59.999Z', 'CODE0001', null],
    ['demo-onsite', '2024-07-20', null, '2024-07-20T21:59:59.999Z', 'CODE0001', null],
    ['official-onsite', '2024-12-20', null, '2024-12-20T22:59:59.999Z', 'CODE0001', null],
    ['official-approved', '2024-07-10', null, '2024-07-10T21:59:59.999Z', 'CODE0001', null],
    ['official-laposte', null, grenoble, '2024-09-17T21:59:59.999Z', null, 's-gre'],
  ] as const)(
    'R5 %s (date %s): deadline %s, activation code %s, seat %s',
    (type, scheduledAt, session, deadline, code, seat) => {
      const plan = planAssign(input(type, { scheduledAt, session }));
      expect(plan).toEqual({
        consume: { lotId: `lot-${type}` },
        takeSeat: seat,
        assignment: {
          candidateId: 'cand-1',
          examType: type,
          lotId: `lot-${type}`,
          scheduledAt: type === 'official-laposte' ? '2024-09-17' : scheduledAt,
          sessionId: seat,
          deadline,
          activationCode: code,
          takenAt: null,
          attemptId: null,
          createdAt: now.toISOString(),
        },
      });
    },
  );

  it('R5 draws an activation code only for exams the partner supervises', () => {
    let calls = 0;
    const count = () => `C${++calls}`;
    planAssign(input('blank-remote', { newActivationCode: count }));
    planAssign(input('official-laposte', { session: grenoble, newActivationCode: count }));
    expect(calls).toBe(0);
    planAssign(input('official-onsite', { scheduledAt: '2024-07-11', newActivationCode: count }));
    expect(calls).toBe(1);
  });

  it('R5 R4 consumes the soonest-expiring lot of the type', () => {
    const plan = planAssign(
      input('blank-remote', {
        lots: [
          aLot({ id: 'late', expiresAt: '2025-06-30T21:59:59.999Z' }),
          aLot({ id: 'soon', expiresAt: '2024-08-31T21:59:59.999Z' }),
        ],
      }),
    );
    expect(plan.consume).toEqual({ lotId: 'soon' });
    expect(plan.assignment.deadline).toBe('2024-08-31T21:59:59.999Z');
  });

  it('R5 refuses when the type has no credit left (out_of_stock)', () => {
    const error = caught(() => planAssign(input('blank-remote', { lots: [aLot({ id: 'x', remaining: 0 })] })));
    expect(error.code).toBe('out_of_stock');
    expect(error.details).toMatchObject({ needed: 1, available: 0 });
  });

  it('R5 refuses a candidate who already has an exam not yet taken (assignment_exists)', () => {
    const current = anAssignment({ id: 'a-1', deadline: '2024-07-31T21:59:59.999Z' });
    const error = caught(() => planAssign(input('blank-remote', { current })));
    expect(error.code).toBe('assignment_exists');
    expect(error.details).toMatchObject({ candidateIds: ['cand-1'], assignmentId: 'a-1' });
  });

  it.each([
    ['whose exam expired untaken (R19)', anAssignment({ id: 'a-1', deadline: '2024-07-09T21:59:59.999Z' })],
    ['who has taken their exam (« Nouvelle attribution »)', anAssignment({ id: 'a-1', takenAt: '2024-07-01T08:00:00.000Z' })],
    ['whose exam has an attempt started', anAssignment({ id: 'a-1', attemptId: 'att-1' })],
  ])('R5 R19 assigns a new exam to a candidate %s', (_case, current) => {
    expect(planAssign(input('blank-remote', { current })).consume).toEqual({ lotId: 'lot-blank-remote' });
  });

  it.each([
    ['no date for a dated type', 'official-onsite', undefined, 'scheduledAt', 'Choisissez une date de passage.'],
    ['an empty date', 'official-onsite', '', 'scheduledAt', 'Choisissez une date de passage.'],
    ['a date that does not exist', 'official-onsite', '2024-02-30', 'scheduledAt', "La date de passage n'est pas une date valide."],
    ['a date in another format', 'official-onsite', '20/07/2024', 'scheduledAt', "La date de passage n'est pas une date valide."],
    ['yesterday', 'official-onsite', '2024-07-09', 'scheduledAt', "La date de passage doit être aujourd'hui ou une date à venir."],
    ['a date for a type that has none', 'blank-remote', '2024-07-20', 'scheduledAt', "Ce type d'examen ne se programme pas à une date : il est disponible dès l'attribution."],
  ])('R5 refuses %s (validation_failed on scheduledAt)', (_case, type, scheduledAt, path, message) => {
    const error = caught(() => planAssign(input(type, { scheduledAt })));
    expect(error.code).toBe('validation_failed');
    expect(error.details.errors).toEqual([{ path, message }]);
  });

  it.each([
    // now (UTC), scheduledAt, accepted
    ['2024-07-10T23:30:00Z', '2024-07-10', false], // 01:30 on 11 July in Paris (summer, UTC+2)
    ['2024-07-10T23:30:00Z', '2024-07-11', true],
    ['2024-07-10T21:59:59Z', '2024-07-10', true], // 23:59:59 on 10 July in Paris
    ['2024-07-10T22:00:00Z', '2024-07-10', false], // midnight in Paris
    ['2024-01-10T22:59:59Z', '2024-01-10', true], // winter, UTC+1
    ['2024-01-10T23:00:00Z', '2024-01-10', false],
  ])("R5 at %s, the date %s is today or later in Paris: %s", (at, scheduledAt, accepted) => {
    const run = () => planAssign(input('official-onsite', { now: new Date(at), scheduledAt }));
    if (accepted) expect(run().assignment.scheduledAt).toBe(scheduledAt);
    else expect(caught(run).details.errors?.[0]?.path).toBe('scheduledAt');
  });

  it('R5 a dated exam scheduled today ends at midnight in Paris', () => {
    const plan = planAssign(input('official-onsite', { now: new Date('2024-07-10T23:30:00Z'), scheduledAt: '2024-07-11' }));
    expect(plan.assignment.deadline).toBe('2024-07-11T21:59:59.999Z');
  });

  it.each([
    ['no session for La Poste', 'official-laposte', {}, 'sessionId', 'Choisissez une session dans un centre La Poste.'],
    ['a session that has started', 'official-laposte', { session: aSession({ id: 's', startsAt: '2024-07-10T09:00:00.000Z' }) }, 'sessionId', 'Cette session a déjà commencé : choisissez une session à venir.'],
    ['a session that starts right now', 'official-laposte', { session: aSession({ id: 's', startsAt: now.toISOString() }) }, 'sessionId', 'Cette session a déjà commencé : choisissez une session à venir.'],
    ['a session of another exam type', 'official-laposte', { session: aSession({ id: 's', examType: 'official-approved' }) }, 'sessionId', "Cette session n'est pas proposée pour ce type d'examen."],
    ['a date other than the session day', 'official-laposte', { session: grenoble, scheduledAt: '2024-09-18' }, 'scheduledAt', 'La date de passage est celle de la session choisie : le 17/09/2024.'],
    ['a session for a type not taken in a centre', 'official-onsite', { scheduledAt: '2024-07-20', session: grenoble }, 'sessionId', "Ce type d'examen ne se passe pas dans un centre La Poste."],
  ] as const)('R5 refuses %s (validation_failed)', (_case, type, extra, path, message) => {
    const error = caught(() => planAssign(input(type, extra)));
    expect(error.code).toBe('validation_failed');
    expect(error.details.errors).toEqual([{ path, message }]);
  });

  it('R5 takes an empty date field for no date on a type without one', () => {
    expect(planAssign(input('blank-remote', { scheduledAt: '' })).assignment.scheduledAt).toBeNull();
  });

  it('R5 accepts the session day given as the date', () => {
    expect(planAssign(input('official-laposte', { session: grenoble, scheduledAt: '2024-09-17' })).takeSeat).toBe('s-gre');
  });

  it.each([
    [10, 9, true],
    [10, 10, false],
    [1, 0, true],
    [0, 0, false],
    [5, 7, false],
  ])('R5 a La Poste session of %i seats with %i taken has a free seat: %s', (seats, seatsTaken, free) => {
    const session = aSession({ id: 's', startsAt: '2024-09-17T07:00:00.000Z', seats, seatsTaken });
    const run = () => planAssign(input('official-laposte', { session }));
    if (free) {
      expect(run().takeSeat).toBe('s');
    } else {
      const error = caught(run);
      expect(error.code).toBe('conflict');
      expect(error.details).toMatchObject({ sessionId: 's', needed: 1, available: 0 });
      expect(error.message).toBe('Plus aucune place dans la session du 17/09/2024 à GRENOBLE : choisissez une autre session.');
    }
  });

  it('R5 checks in order: the existing exam, then the form, then the stock, then the seat', () => {
    const current = anAssignment({ id: 'a-1' });
    const full = aSession({ id: 's', seats: 1, seatsTaken: 1 });
    const noStock = [aLot({ id: 'x', examType: 'official-laposte', remaining: 0 })];
    expect(caught(() => planAssign(input('official-laposte', { current, lots: noStock }))).code).toBe('assignment_exists');
    expect(caught(() => planAssign(input('official-laposte', { lots: noStock }))).code).toBe('validation_failed');
    expect(caught(() => planAssign(input('official-laposte', { lots: noStock, session: full }))).code).toBe('out_of_stock');
    expect(caught(() => planAssign(input('official-laposte', { session: full }))).code).toBe('conflict');
  });
});
