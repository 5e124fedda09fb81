/**
 * Builders of ledger snapshots for tests (this package's and the server's,
 * the mocks'): plain data with sensible defaults, overridable field by field.
 */
import { EXAM_TYPES, type ExamType } from '../catalogue/exam-types.js';
import type { CreditLot } from '../stock/lots.js';
import type { AssignmentSnapshot, ExamSession } from './types.js';

export function examType(id: string): ExamType {
  const type = EXAM_TYPES.find((t) => t.id === id);
  if (!type) throw new Error(`unknown exam type ${id}`);
  return type;
}

export function aLot(fields: Partial<CreditLot> & { id: string }): CreditLot {
  return {
    orderId: `order-${fields.id}`,
    examType: 'blank-remote',
    quantity: 10,
    remaining: 10,
    expiresAt: '2031-01-31T22:59:59.999Z',
    ...fields,
  };
}

export function anAssignment(fields: Partial<AssignmentSnapshot> & { id: string }): AssignmentSnapshot {
  return {
    candidateId: 'cand-1',
    examType: 'blank-remote',
    lotId: 'lot-1',
    scheduledAt: null,
    sessionId: null,
    deadline: '2031-01-31T22:59:59.999Z',
    activationCode: null,
    takenAt: null,
    attemptId: null,
    createdAt: '2030-01-01T09:00:00.000Z',
    ...fields,
  };
}

export function aSession(fields: Partial<ExamSession> & { id: string }): ExamSession {
  return {
    examType: 'official-laposte',
    city: 'GRENOBLE',
    postcode: '38000',
    centreName: 'Centre La Poste - Grenoble',
    address: '11, boulevard Maréchal Lyautey',
    startsAt: '2030-04-17T07:00:00.000Z',
    seats: 10,
    seatsTaken: 0,
    ...fields,
  };
}

/** A predictable activation-code generator: `CODE0001`, `CODE0002`, … */
export function sequentialCodes(prefix = 'CODE'): () => string {
  let n = 0;
  return () => `${prefix}${String(++n).padStart(4, '0')}`;
}
