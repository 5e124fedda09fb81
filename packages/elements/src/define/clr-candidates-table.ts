// First: no schema of the domain or the SDK is built before zod is told not to compile (a portal's CSP).
import '../shared/no-eval.js';
import { ClrCandidatesTable } from '../candidates-table/candidates-table.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-candidates-table', ClrCandidatesTable);

declare global {
  interface HTMLElementTagNameMap {
    'clr-candidates-table': ClrCandidatesTable;
  }
}
