import { describe, expect, it } from 'vitest';
import { assertCandidateEditable, candidateEditability } from './editing.js';

describe('R11 editing a candidate’s file (§6.4)', () => {
  it.each([
    [false, true],
    [true, false],
  ])('R11 a candidate with an attempt = %s may be edited = %s', (hasAttempt, allowed) => {
    expect(candidateEditability({ hasAttempt }).allowed).toBe(allowed);
    if (allowed) expect(() => assertCandidateEditable({ hasAttempt })).not.toThrow();
    else expect(() => assertCandidateEditable({ hasAttempt })).toThrow(expect.objectContaining({ code: 'candidate_locked' }));
  });

  it('R11 « dès lors qu’un candidat aura passé un examen, son dossier ne pourra plus être modifié »', () => {
    expect(candidateEditability({ hasAttempt: true })).toEqual({
      allowed: false,
      reasonId: 'candidate.locked',
      reason: 'Ce candidat a déjà passé un examen : son dossier ne peut plus être modifié.',
    });
    expect(() => assertCandidateEditable({ hasAttempt: true })).toThrow(
      'Ce candidat a déjà passé un examen : son dossier ne peut plus être modifié.',
    );
  });
});
