import { ClrCodesDialog } from '../codes-dialog/codes-dialog.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-codes-dialog', ClrCodesDialog);

declare global {
  interface HTMLElementTagNameMap {
    'clr-codes-dialog': ClrCodesDialog;
  }
}
