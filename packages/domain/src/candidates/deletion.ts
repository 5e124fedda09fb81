import { DomainError } from '../shared/errors.js';
import type { Locale } from '../i18n/labels.js';
import { formatMessage, fr, type MessageId } from '../i18n/messages.js';
import { ALLOWED, type Decision } from './decision.js';

/** What R10 needs to know of a candidate. */
export interface DeletionFacts {
  /** Has the candidate ever taken an exam (any attempt, whatever its result)? */
  hasAttempt: boolean;
  /** Is an exam currently assigned (untaken and not expired)? */
  hasCurrentAssignment: boolean;
}

function refusal(facts: DeletionFacts): MessageId | null {
  if (facts.hasAttempt) return 'candidate.notDeletable.attempt';
  if (facts.hasCurrentAssignment) return 'candidate.notDeletable.assignment';
  return null;
}

/**
 * R10 — « Seuls les candidats qui n'ont jamais passé d'examen et auxquels aucun
 * examen n'est actuellement attribué peuvent être supprimés » (§6.8). The reason
 * says what to do instead: hide them through a hidden group. An expired
 * assignment is not a current one (its credit is consumed, R19), so it does not
 * prevent deletion.
 */
export function candidateDeletability(facts: DeletionFacts, locale: Locale = 'fr'): Decision {
  const id = refusal(facts);
  return id === null ? ALLOWED : { allowed: false, reason: formatMessage(id, locale), reasonId: id };
}

/** R10 Throws `candidate_not_deletable` with the manual's reason unless the candidate may be deleted. */
export function assertCandidateDeletable(facts: DeletionFacts): void {
  const id = refusal(facts);
  if (id !== null) throw new DomainError('candidate_not_deletable', fr(id));
}
