/**
 * Base of the library's domain events: `clr-…` names, `bubbles` and
 * `composed` so they leave every shadow root. Only request events (the
 * element asks the page before doing something) are cancelable; the element
 * honours `defaultPrevented`.
 *
 *   export class ClrCandidateOpenEvent extends ClrEvent<{ candidateId: string }> {
 *     static readonly type = 'clr-candidate-open';
 *     constructor(detail: { candidateId: string }) { super(ClrCandidateOpenEvent.type, detail); }
 *   }
 *   declare global { interface GlobalEventHandlersEventMap { 'clr-candidate-open': ClrCandidateOpenEvent } }
 */
export class ClrEvent<Detail> extends Event {
  readonly detail: Detail;

  constructor(type: `clr-${string}`, detail: Detail, options: { cancelable?: boolean } = {}) {
    super(type, { bubbles: true, composed: true, cancelable: options.cancelable ?? false });
    this.detail = detail;
  }
}

/** Any of the library's windows closed (close button, Escape, `close()` or `open = false`); focus is back on what opened it. */
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
