// First: no schema of the domain or the SDK is built before zod is told not to compile (a portal's CSP).
import '../shared/no-eval.js';
import { ClrResultCard } from '../result-card/result-card.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-result-card', ClrResultCard);

declare global {
  interface HTMLElementTagNameMap {
    'clr-result-card': ClrResultCard;
  }
}
