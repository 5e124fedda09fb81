// First: no schema of the domain or the SDK is built before zod is told not to compile (a portal's CSP).
import '../shared/no-eval.js';
import { ClrCodesDialog } from '../codes-dialog/codes-dialog.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-codes-dialog', ClrCodesDialog);

declare global {
  interface HTMLElementTagNameMap {
    'clr-codes-dialog': ClrCodesDialog;
  }
}
