import { ClrEvent } from '../shared/events.js';

/** « Supprimer » confirmed (§6.8): the candidate, their account and file are gone. The page shows the table. */
export class ClrCandidateDeletedEvent extends ClrEvent<{ candidateId: string }> {
  static readonly type = 'clr-candidate-deleted';
  constructor(detail: { candidateId: string }) {
    super(ClrCandidateDeletedEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'clr-candidate-deleted': ClrCandidateDeletedEvent;
  }
}
