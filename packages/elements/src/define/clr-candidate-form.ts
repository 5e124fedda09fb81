// First: no schema of the domain or the SDK is built before zod is told not to compile (a portal's CSP).
import '../shared/no-eval.js';
import { ClrCandidateForm } from '../candidate-form/candidate-form.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-candidate-form', ClrCandidateForm);

declare global {
  interface HTMLElementTagNameMap {
    'clr-candidate-form': ClrCandidateForm;
  }
}
