// First: no schema of the domain or the SDK is built before zod is told not to compile (a portal's CSP).
import '../shared/no-eval.js';
import { ClrAssignDialog } from '../assign-dialog/assign-dialog.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-assign-dialog', ClrAssignDialog);

declare global {
  interface HTMLElementTagNameMap {
    'clr-assign-dialog': ClrAssignDialog;
  }
}
