import { ClrGroupDialog } from '../group-dialog/group-dialog.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-group-dialog', ClrGroupDialog);

declare global {
  interface HTMLElementTagNameMap {
    'clr-group-dialog': ClrGroupDialog;
  }
}
