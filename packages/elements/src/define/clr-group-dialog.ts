// First: no schema of the domain or the SDK is built before zod is told not to compile (a portal's CSP).
import '../shared/no-eval.js';
import { ClrGroupDialog } from '../group-dialog/group-dialog.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-group-dialog', ClrGroupDialog);

declare global {
  interface HTMLElementTagNameMap {
    'clr-group-dialog': ClrGroupDialog;
  }
}
