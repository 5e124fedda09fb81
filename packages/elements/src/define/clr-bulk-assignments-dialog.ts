// First: no schema of the domain or the SDK is built before zod is told not to compile (a portal's CSP).
import '../shared/no-eval.js';
import { ClrBulkAssignmentsDialog } from '../bulk-assignments-dialog/bulk-assignments-dialog.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-bulk-assignments-dialog', ClrBulkAssignmentsDialog);

declare global {
  interface HTMLElementTagNameMap {
    'clr-bulk-assignments-dialog': ClrBulkAssignmentsDialog;
  }
}
