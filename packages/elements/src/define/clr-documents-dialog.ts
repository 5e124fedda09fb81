// First: no schema of the domain or the SDK is built before zod is told not to compile (a portal's CSP).
import '../shared/no-eval.js';
import { ClrDocumentsDialog } from '../documents-dialog/documents-dialog.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-documents-dialog', ClrDocumentsDialog);

declare global {
  interface HTMLElementTagNameMap {
    'clr-documents-dialog': ClrDocumentsDialog;
  }
}
