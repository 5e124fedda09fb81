import { ClrAssociateCandidatesDialog } from '../associate-candidates-dialog/associate-candidates-dialog.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-associate-candidates-dialog', ClrAssociateCandidatesDialog);

declare global {
  interface HTMLElementTagNameMap {
    'clr-associate-candidates-dialog': ClrAssociateCandidatesDialog;
  }
}
