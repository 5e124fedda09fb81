import type { CandidateDetail } from '@clr/domain';
import { ClrEvent } from '../shared/events.js';

/** A candidate's file as the server holds it after the action. */
export interface CandidateSavedDetail {
  candidate: CandidateDetail;
}

/** §6.3 « Le compte du candidat et son dossier sont aussitôt créés »: after page 3 « Informations ». */
export class ClrCandidateCreatedEvent extends ClrEvent<CandidateSavedDetail> {
  static readonly type = 'clr-candidate-created';
  constructor(detail: CandidateSavedDetail) {
    super(ClrCandidateCreatedEvent.type, detail);
  }
}

/** The file was saved: the form's last page « Enregistrer », or the file's « Enregistrer » (§6.4). */
export class ClrCandidateSavedEvent extends ClrEvent<CandidateSavedDetail> {
  static readonly type = 'clr-candidate-saved';
  constructor(detail: CandidateSavedDetail) {
    super(ClrCandidateSavedEvent.type, detail);
  }
}

/**
 * « Retourner au tableau » (form) or « Retour au tableau des candidats » (file):
 * the page shows the candidates table. `candidateId`: the candidate concerned, if any.
 */
export class ClrBackToTableEvent extends ClrEvent<{ candidateId: string | null }> {
  static readonly type = 'clr-back-to-table';
  constructor(detail: { candidateId: string | null }) {
    super(ClrBackToTableEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'clr-candidate-created': ClrCandidateCreatedEvent;
    'clr-candidate-saved': ClrCandidateSavedEvent;
    'clr-back-to-table': ClrBackToTableEvent;
  }
}
