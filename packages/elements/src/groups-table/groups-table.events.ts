import type { GroupWithCount } from '@clr/domain';
import { ClrEvent } from '../shared/events.js';

export interface GroupEventDetail {
  groupId: string;
  group: GroupWithCount;
}

/** « Afficher les candidats du groupe » (§5.6): the name or the icon was clicked (or Enter pressed on it). */
export class ClrGroupOpenEvent extends ClrEvent<GroupEventDetail> {
  static readonly type = 'clr-group-open';
  constructor(detail: GroupEventDetail) {
    super(ClrGroupOpenEvent.type, detail);
  }
}

/**
 * The delete icon was pressed (§5.5). Cancelable: unless prevented, the table
 * asks for the manual's confirmation itself, then deletes.
 */
export class ClrGroupDeleteEvent extends ClrEvent<GroupEventDetail> {
  static readonly type = 'clr-group-delete';
  constructor(detail: GroupEventDetail) {
    super(ClrGroupDeleteEvent.type, detail, { cancelable: true });
  }
}

export interface GroupChangeDetail {
  /** What happened to the group: created (§5.3), hidden or shown again (§5.4), deleted (§5.5). */
  change: 'created' | 'updated' | 'hidden' | 'shown' | 'deleted';
  group: GroupWithCount;
}

/** A group of the table changed on the server (the page's counts, Accueil's, may follow). */
export class ClrGroupChangeEvent extends ClrEvent<GroupChangeDetail> {
  static readonly type = 'clr-group-change';
  constructor(detail: GroupChangeDetail) {
    super(ClrGroupChangeEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'clr-group-open': ClrGroupOpenEvent;
    'clr-group-delete': ClrGroupDeleteEvent;
    'clr-group-change': ClrGroupChangeEvent;
  }
}
