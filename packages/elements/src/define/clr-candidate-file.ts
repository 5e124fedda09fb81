import { ClrCandidateFile } from '../candidate-file/candidate-file.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-candidate-file', ClrCandidateFile);

declare global {
  interface HTMLElementTagNameMap {
    'clr-candidate-file': ClrCandidateFile;
  }
}
