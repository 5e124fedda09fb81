import type { GroupWithCount } from '@clr/domain';
import { ClrEvent } from '../shared/events.js';

export interface CandidatesAssociateDetail {
  groupId: string;
  /** The group as the server has it now (its new `memberCount`). */
  group: GroupWithCount;
  /** The candidates added to the group. */
  added: string[];
  /** Those asked for that already were members (nothing was done for them). */
  alreadyMembers: string[];
}

/** « Associer les candidats » (§5.9) succeeded: the candidates are in the group. */
export class ClrCandidatesAssociateEvent extends ClrEvent<CandidatesAssociateDetail> {
  static readonly type = 'clr-candidates-associate';
  constructor(detail: CandidatesAssociateDetail) {
    super(ClrCandidatesAssociateEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'clr-candidates-associate': ClrCandidatesAssociateEvent;
  }
}
