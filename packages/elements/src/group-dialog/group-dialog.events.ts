import type { GroupWithCount } from '@clr/domain';
import { ClrEvent } from '../shared/events.js';

export interface GroupSaveDetail {
  group: GroupWithCount;
  /** True for « Créer le groupe », false for « Sauvegarder ». */
  created: boolean;
}

/** The group was created (§5.3) or edited (§5.8) and saved by the server; `detail.group` is the server's answer. */
export class ClrGroupSaveEvent extends ClrEvent<GroupSaveDetail> {
  static readonly type = 'clr-group-save';
  constructor(detail: GroupSaveDetail) {
    super(ClrGroupSaveEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'clr-group-save': ClrGroupSaveEvent;
  }
}
