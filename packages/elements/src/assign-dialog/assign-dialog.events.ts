import { ClrEvent } from '../shared/events.js';

/** What an assignment dialog did: assigned, changed or removed the exam of these candidates. */
export interface AssignmentChangeDetail {
  action: 'assign' | 'modify' | 'remove';
  candidateIds: string[];
  /** The exam type assigned (absent for a removal). */
  examType?: string;
  /** What was done, in the page's language, for the page's toast (« La certification … est attribuée à … »). */
  message: string;
}

/** The dialog's action succeeded: the candidates' status and the stock changed (refresh what shows them). */
export class ClrAssignmentChangeEvent extends ClrEvent<AssignmentChangeDetail> {
  static readonly type = 'clr-assignment-change';
  constructor(detail: AssignmentChangeDetail) {
    super(ClrAssignmentChangeEvent.type, detail);
  }
}

/** « Commander »: the administrator wants more credits (of `examType`, or any); the page opens its cart. */
export class ClrOrderRequestEvent extends ClrEvent<{ examType: string | null }> {
  static readonly type = 'clr-order-request';
  constructor(detail: { examType: string | null }) {
    super(ClrOrderRequestEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'clr-assignment-change': ClrAssignmentChangeEvent;
    'clr-order-request': ClrOrderRequestEvent;
  }
}
