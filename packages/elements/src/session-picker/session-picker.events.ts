import type { ExamSession } from '@clr/domain';
import { ClrEvent } from '../shared/events.js';

/** « Sélectionner la session »: the session chosen (city, centre, date and time), with its free seats. */
export class ClrSessionSelectEvent extends ClrEvent<{ session: ExamSession }> {
  static readonly type = 'clr-session-select';
  constructor(detail: { session: ExamSession }) {
    super(ClrSessionSelectEvent.type, detail);
  }
}

/** « Retour »: back to the assignment without choosing a session. */
export class ClrSessionBackEvent extends ClrEvent<Record<string, never>> {
  static readonly type = 'clr-session-back';
  constructor() {
    super(ClrSessionBackEvent.type, {});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'clr-session-select': ClrSessionSelectEvent;
    'clr-session-back': ClrSessionBackEvent;
  }
}
