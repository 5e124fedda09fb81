import { DomainError } from '../shared/errors.js';
import type { Locale } from '../i18n/labels.js';
import { formatMessage, fr } from '../i18n/messages.js';
import { ALLOWED, type Decision } from './decision.js';

/** What R11 needs to know of a candidate. */
export interface EditingFacts {
  /** Has the candidate ever taken an exam (any attempt, whatever its result)? */
  hasAttempt: boolean;
}

/**
 * R11 — « dès lors qu'un candidat aura passé un examen, son dossier ne pourra
 * plus être modifié » (§6.4). Assigning a new exam is not editing the file.
 */
export function candidateEditability(facts: EditingFacts, locale: Locale = 'fr'): Decision {
  if (!facts.hasAttempt) return ALLOWED;
  return { allowed: false, reason: formatMessage('candidate.locked', locale), reasonId: 'candidate.locked' };
}

/** R11 Throws `candidate_locked` once the candidate has taken an exam. */
export function assertCandidateEditable(facts: EditingFacts): void {
  if (facts.hasAttempt) throw new DomainError('candidate_locked', fr('candidate.locked'));
}
