// First: no schema of the domain or the SDK is built before zod is told not to compile (a portal's CSP).
import '../shared/no-eval.js';
import { ClrAssignmentActions } from '../assignment-actions/assignment-actions.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-assignment-actions', ClrAssignmentActions);

declare global {
  interface HTMLElementTagNameMap {
    'clr-assignment-actions': ClrAssignmentActions;
  }
}
