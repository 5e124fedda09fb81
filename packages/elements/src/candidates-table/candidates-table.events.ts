import type { CandidateRow } from '@clr/domain';
import { ClrEvent } from '../shared/events.js';

/** Which candidate an action is about: its id and the row as the table shows it. */
export interface CandidateEventDetail {
  candidateId: string;
  candidate: CandidateRow;
}

/** « Ouvrir le dossier »: the administrator clicked a name, or pressed Enter on it (§6.4). The page shows the file. */
export class ClrCandidateOpenEvent extends ClrEvent<CandidateEventDetail> {
  static readonly type = 'clr-candidate-open';
  constructor(detail: CandidateEventDetail) {
    super(ClrCandidateOpenEvent.type, detail);
  }
}

/**
 * « Supprimer un candidat » (§6.8), a request: cancel it (`preventDefault()`)
 * to confirm first, then call the table's `deleteCandidate(id)`; left alone,
 * the table deletes through the SDK and refreshes.
 */
export class ClrCandidateDeleteEvent extends ClrEvent<CandidateEventDetail> {
  static readonly type = 'clr-candidate-delete';
  constructor(detail: CandidateEventDetail) {
    super(ClrCandidateDeleteEvent.type, detail, { cancelable: true });
  }
}

/**
 * « Dissocier un candidat d'un groupe » (§5.10), in the group view, a request:
 * cancel it (`preventDefault()`) to confirm first, then call the table's
 * `dissociateCandidate(id)`; left alone, the table dissociates through the SDK
 * and refreshes. The candidate stays in the space and in its other groups.
 */
export class ClrCandidateDissociateEvent extends ClrEvent<CandidateEventDetail & { groupId: string }> {
  static readonly type = 'clr-candidate-dissociate';
  constructor(detail: CandidateEventDetail & { groupId: string }) {
    super(ClrCandidateDissociateEvent.type, detail, { cancelable: true });
  }
}

/** The selected candidates changed: every id, and the rows as they were when selected. */
export interface SelectionDetail {
  candidateIds: string[];
  candidates: CandidateRow[];
}

export class ClrSelectionChangeEvent extends ClrEvent<SelectionDetail> {
  static readonly type = 'clr-selection-change';
  constructor(detail: SelectionDetail) {
    super(ClrSelectionChangeEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'clr-candidate-open': ClrCandidateOpenEvent;
    'clr-candidate-delete': ClrCandidateDeleteEvent;
    'clr-candidate-dissociate': ClrCandidateDissociateEvent;
    'clr-selection-change': ClrSelectionChangeEvent;
  }
}
