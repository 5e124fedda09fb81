import { ClrSessionPicker } from '../session-picker/session-picker.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-session-picker', ClrSessionPicker);

declare global {
  interface HTMLElementTagNameMap {
    'clr-session-picker': ClrSessionPicker;
  }
}
