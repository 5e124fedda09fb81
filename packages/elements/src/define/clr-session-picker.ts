// First: no schema of the domain or the SDK is built before zod is told not to compile (a portal's CSP).
import '../shared/no-eval.js';
import { ClrSessionPicker } from '../session-picker/session-picker.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-session-picker', ClrSessionPicker);

declare global {
  interface HTMLElementTagNameMap {
    'clr-session-picker': ClrSessionPicker;
  }
}
