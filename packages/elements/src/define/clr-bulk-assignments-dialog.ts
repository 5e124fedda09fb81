import { ClrBulkAssignmentsDialog } from '../bulk-assignments-dialog/bulk-assignments-dialog.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-bulk-assignments-dialog', ClrBulkAssignmentsDialog);

declare global {
  interface HTMLElementTagNameMap {
    'clr-bulk-assignments-dialog': ClrBulkAssignmentsDialog;
  }
}
