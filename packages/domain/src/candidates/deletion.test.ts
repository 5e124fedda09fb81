import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { assertCandidateDeletable, candidateDeletability } from './deletion.js';

const attemptReason =
  'Ce candidat a déjà passé un examen : il ne peut pas être supprimé, mais il peut être masqué (affectez-le à un groupe puis masquez le groupe).';
const assignmentReason =
  "Un examen est attribué à ce candidat : il ne peut pas être supprimé. Supprimez d'abord l'attribution, ou masquez-le (affectez-le à un groupe puis masquez le groupe).";

describe('R10 deleting a candidate (§6.8)', () => {
  it.each([
    ['a candidate who never took an exam and has none assigned', { hasAttempt: false, hasCurrentAssignment: false }, null],
    ['a candidate who has already taken an exam', { hasAttempt: true, hasCurrentAssignment: false }, attemptReason],
    ['a candidate who has an exam scheduled', { hasAttempt: false, hasCurrentAssignment: true }, assignmentReason],
    ['a candidate who took an exam and has a new one scheduled', { hasAttempt: true, hasCurrentAssignment: true }, attemptReason],
  ])('R10 %s: refusal reason %j', (_case, facts, reason) => {
    const decision = candidateDeletability(facts);
    expect(decision.allowed).toBe(reason === null);
    expect(decision.reason).toBe(reason);
    if (reason === null) {
      expect(() => assertCandidateDeletable(facts)).not.toThrow();
    } else {
      expect(() => assertCandidateDeletable(facts)).toThrow(
        expect.objectContaining({ code: 'candidate_not_deletable', message: reason, status: 409 }),
      );
    }
  });

  it('R10 throws a DomainError the server maps to 409', () => {
    let thrown: unknown;
    try {
      assertCandidateDeletable({ hasAttempt: true, hasCurrentAssignment: false });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DomainError);
  });

  it('R10 explains the refusal in English for the English UI', () => {
    expect(candidateDeletability({ hasAttempt: false, hasCurrentAssignment: true }, 'en')).toEqual({
      allowed: false,
      reasonId: 'candidate.notDeletable.assignment',
      reason:
        'An exam is assigned to this candidate: they cannot be deleted. Remove the assignment first, or hide them (add them to a group, then hide the group).',
    });
  });
});
