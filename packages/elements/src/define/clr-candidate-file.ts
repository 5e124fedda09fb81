// First: no schema of the domain or the SDK is built before zod is told not to compile (a portal's CSP).
import '../shared/no-eval.js';
import { ClrCandidateFile } from '../candidate-file/candidate-file.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-candidate-file', ClrCandidateFile);

declare global {
  interface HTMLElementTagNameMap {
    'clr-candidate-file': ClrCandidateFile;
  }
}
