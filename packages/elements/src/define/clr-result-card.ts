import { ClrResultCard } from '../result-card/result-card.js';
import { defineElement } from '../shared/define.js';

defineElement('clr-result-card', ClrResultCard);

declare global {
  interface HTMLElementTagNameMap {
    'clr-result-card': ClrResultCard;
  }
}
