import { ClrEvent } from '../shared/events.js';

/** The dialog closed (close button, Escape, `close()` or `open = false`); focus is back on what opened it. */
export class ClrDialogCloseEvent extends ClrEvent<Record<string, never>> {
  static readonly type = 'clr-dialog-close';
  constructor() {
    super(ClrDialogCloseEvent.type, {});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'clr-dialog-close': ClrDialogCloseEvent;
  }
}
