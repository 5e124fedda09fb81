import { ClrAssignmentActions } from '../assignment-actions/assignment-actions.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-assignment-actions', ClrAssignmentActions);

declare global {
  interface HTMLElementTagNameMap {
    'clr-assignment-actions': ClrAssignmentActions;
  }
}
