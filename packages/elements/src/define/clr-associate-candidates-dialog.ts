// First: no schema of the domain or the SDK is built before zod is told not to compile (a portal's CSP).
import '../shared/no-eval.js';
import { ClrAssociateCandidatesDialog } from '../associate-candidates-dialog/associate-candidates-dialog.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-associate-candidates-dialog', ClrAssociateCandidatesDialog);

declare global {
  interface HTMLElementTagNameMap {
    'clr-associate-candidates-dialog': ClrAssociateCandidatesDialog;
  }
}
