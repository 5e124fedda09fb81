import { ClrCandidateForm } from '../candidate-form/candidate-form.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-candidate-form', ClrCandidateForm);

declare global {
  interface HTMLElementTagNameMap {
    'clr-candidate-form': ClrCandidateForm;
  }
}
