import { ClrDocumentsDialog } from '../documents-dialog/documents-dialog.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-documents-dialog', ClrDocumentsDialog);

declare global {
  interface HTMLElementTagNameMap {
    'clr-documents-dialog': ClrDocumentsDialog;
  }
}
