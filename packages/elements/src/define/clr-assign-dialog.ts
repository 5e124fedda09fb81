import { ClrAssignDialog } from '../assign-dialog/assign-dialog.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-assign-dialog', ClrAssignDialog);

declare global {
  interface HTMLElementTagNameMap {
    'clr-assign-dialog': ClrAssignDialog;
  }
}
