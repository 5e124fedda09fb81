import { ClrCandidatesTable } from '../candidates-table/candidates-table.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-candidates-table', ClrCandidatesTable);

declare global {
  interface HTMLElementTagNameMap {
    'clr-candidates-table': ClrCandidatesTable;
  }
}
