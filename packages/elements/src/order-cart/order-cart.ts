import { html, noChange, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import {
  DEFAULT_VAT_RATE_BP,
  LABELS,
  MAX_ORDER_QUANTITY,
  examTypeLabel,
  formatMoney,
  lineTotals,
  orderTotals,
  type Order,
  type Product,
} from '@clr/domain';
import { newIdempotencyKey } from '@clr/sdk';
import { ClrElement } from '../shared/clr-element.js';
import { tokens } from '../shared/tokens.styles.js';
import { format } from '../translations/index.js';
import { ClrCartBackEvent, ClrCheckoutEvent, ClrOrderCreatedEvent } from './order-cart.events.js';
import { styles } from './order-cart.styles.js';

/** A typed quantity: a whole number from 0 to the domain's maximum, or what the administrator typed that is not one. */
type Quantity = { valid: true; value: number } | { valid: false };

/** Reads what a quantity field holds: empty is 0, anything but a whole number in bounds is invalid (R1). */
export function parseQuantity(text: string): Quantity {
  const trimmed = text.trim();
  if (trimmed === '') return { valid: true, value: 0 };
  if (!/^\d+$/.test(trimmed)) return { valid: false };
  const value = Number(trimmed);
  return value <= MAX_ORDER_QUANTITY ? { valid: true, value } : { valid: false };
}

/** What « Valider le panier » sends for the products of the cart whose quantity is above 0, in the table's order. */
export interface CartLine {
  product: Product;
  quantity: number;
}

const NOT_A_NUMBER = '\u0000';

/**
 * The order form of the manual's §4.3 « Passer une nouvelle commande »: the
 * space's products with « + » and « - » buttons and a typed quantity each, the
 * live « Sous-total (H.T.) », « T.V.A. » and « Total (T.T.C.) » computed by the
 * domain's rules (R2), and « Valider le panier », which creates the order once
 * (a double click sends one request; the SDK's `Idempotency-Key` is reused if
 * the same cart is sent again after a failure). Then the « Validation de
 * commande » step: the order's number, lines and totals as the server counted
 * them, and « Poursuivre ma commande → », which asks for the payment URL and
 * opens it (see `clr-checkout`).
 *
 * @summary The §4.3 order cart: products, quantities, totals, order creation and payment.
 *
 * @fires clr-order-created - The order was created; `detail` is the `Order` (pending, « En cours »).
 * @fires clr-checkout - Cancelable request: `detail.url` is the payment centre's address for `detail.order`; unless prevented the element calls `window.location.assign(url)`.
 * @fires clr-cart-back - « Retour » was pressed on the cart (or on the validation step of an order reopened with `showValidation`): the page closes the window the cart is in.
 *
 * @csspart title - The heading of each step.
 * @csspart table - The products table, and the order's lines table in the validation step.
 * @csspart row - A product's row.
 * @csspart stepper - The « - », quantity and « + » group of a row.
 * @csspart decrease - The « - » button.
 * @csspart increase - The « + » button.
 * @csspart quantity - The quantity field.
 * @csspart field-error - A message under a row's quantity.
 * @csspart totals - The table footer: sub-total, VAT, total.
 * @csspart actions - The buttons under the table.
 * @csspart submit - « Valider le panier ».
 * @csspart reason - Why « Valider le panier » is disabled.
 * @csspart error - An error message not tied to a row (role alert).
 * @csspart status - Loading and empty messages.
 * @csspart validation - The « Validation de commande » step.
 * @csspart checkout - « Poursuivre ma commande → ».
 * @csspart back - « Retour ».
 */
export class ClrOrderCart extends ClrElement {
  static override styles = [tokens, styles];

  /**
   * The space's VAT rate in basis points (2000 = 20 %), for the live totals of
   * the cart. The server applies the space's own rate when it creates the order;
   * the validation step shows its figures.
   */
  @property({ type: Number, attribute: 'vat-rate' })
  vatRate: number = DEFAULT_VAT_RATE_BP;

  /** The order created by « Valider le panier », while the validation step shows; null on the cart. */
  @state()
  protected order: Order | null = null;

  /** What each quantity field holds, by product id (absent: 0). */
  @state()
  protected quantities: ReadonlyMap<string, string> = new Map();

  /** Messages the server gave about a row (its quantity or its product), by product id. */
  @state()
  protected lineErrors: ReadonlyMap<string, string> = new Map();

  @state()
  protected alertMessage: string | null = null;

  @state()
  protected busy: 'submitting' | 'checkout' | null = null;

  @query('#validation-title')
  private validationTitle?: HTMLElement;

  /** The key of the cart being sent: reused while the cart is unchanged, so a resent cart never orders twice. */
  #idempotencyKey: string | undefined;
  /** Set synchronously on the first click, before Lit re-renders the disabled button. */
  #inFlight = false;
  #focusValidation = false;
  /** The validation step shows an order passed earlier (`showValidation`), not one this cart created. */
  #reopened = false;

  #products = new Task(this, {
    task: async ([api], { signal }) => {
      if (!api) return undefined;
      const page = await api.products.list({ signal });
      return page.data;
    },
    args: () => [this.api] as const,
  });

  /** The rows of the cart whose quantity is above 0 (invalid quantities excluded). */
  get lines(): CartLine[] {
    const products = this.#products.value ?? [];
    return products.flatMap((product) => {
      const q = this.#quantityOf(product.id);
      return q.valid && q.value > 0 ? [{ product, quantity: q.value }] : [];
    });
  }

  /** Sets a product's quantity, as typing it would (a whole number from 0 to 10 000). */
  setQuantity(productId: string, quantity: number): void {
    this.#setText(productId, String(quantity));
  }

  /**
   * « Valider et régler une commande » (§4.4): the « Validation de commande »
   * step for an order passed earlier and not yet paid, with its « Poursuivre
   * ma commande → ». « Retour » then fires `clr-cart-back` (the page closes the window).
   */
  showValidation(order: Order): void {
    this.reset();
    this.order = order;
    this.#reopened = true;
    this.#focusValidation = true;
  }

  /** Back to an empty cart (the validation step closes). */
  reset(): void {
    this.order = null;
    this.quantities = new Map();
    this.lineErrors = new Map();
    this.alertMessage = null;
    this.#idempotencyKey = undefined;
    this.#reopened = false;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusValidation && this.validationTitle) {
      this.#focusValidation = false;
      this.validationTitle.focus();
    }
  }

  get #vatRateBp(): number {
    return Number.isSafeInteger(this.vatRate) && this.vatRate >= 0 ? this.vatRate : DEFAULT_VAT_RATE_BP;
  }

  #quantityOf(productId: string): Quantity {
    const text = this.quantities.get(productId) ?? '';
    return text === NOT_A_NUMBER ? { valid: false } : parseQuantity(text);
  }

  #setText(productId: string, text: string): void {
    const next = new Map(this.quantities);
    next.set(productId, text);
    this.quantities = next;
    // Another cart: another key (the same key with another body is a conflict).
    this.#idempotencyKey = undefined;
    if (this.lineErrors.has(productId)) {
      const errors = new Map(this.lineErrors);
      errors.delete(productId);
      this.lineErrors = errors;
    }
    this.alertMessage = null;
  }

  #step(productId: string, delta: 1 | -1): void {
    const q = this.#quantityOf(productId);
    const current = q.valid ? q.value : 0;
    const next = Math.min(MAX_ORDER_QUANTITY, Math.max(0, current + delta));
    if (q.valid && next === current) return;
    this.#setText(productId, String(next));
  }

  #onInput(productId: string, event: Event): void {
    const input = event.target as HTMLInputElement;
    this.#setText(productId, input.validity.badInput ? NOT_A_NUMBER : input.value);
  }

  /** Why « Valider le panier » cannot be pressed, or null. */
  #blockedReason(): string | null {
    const products = this.#products.value ?? [];
    if (products.some((p) => !this.#quantityOf(p.id).valid)) return this.t.orderCart.fixQuantities;
    if (this.lines.length === 0) return this.t.orderCart.emptyCart;
    return null;
  }

  async #submit(): Promise<void> {
    const api = this.api;
    if (!api || this.#inFlight || this.#blockedReason() !== null) return;
    const lines = this.lines;
    this.#inFlight = true;
    this.busy = 'submitting';
    this.alertMessage = null;
    this.lineErrors = new Map();
    this.#idempotencyKey ??= newIdempotencyKey();
    try {
      const order = await api.orders.create(
        { lines: lines.map((l) => ({ productId: l.product.id, quantity: l.quantity })) },
        { idempotencyKey: this.#idempotencyKey },
      );
      this.#idempotencyKey = undefined;
      this.order = order;
      this.#focusValidation = true;
      this.dispatchEvent(new ClrOrderCreatedEvent(order));
    } catch (error) {
      if (!this.isAbort(error)) this.#showError(error, lines);
    } finally {
      this.#inFlight = false;
      this.busy = null;
    }
  }

  /** Field errors `lines.<i>.…` go under the row of the i-th line sent; the rest in the alert. */
  #showError(error: unknown, sent: CartLine[]): void {
    const shown = this.describeError(error);
    const byProduct = new Map<string, string>();
    const elsewhere: string[] = [];
    for (const field of shown.fields) {
      const index = /^lines\.(\d+)\./.exec(field.path)?.[1];
      const line = index === undefined ? undefined : sent[Number(index)];
      if (line) {
        const before = byProduct.get(line.product.id);
        byProduct.set(line.product.id, before ? `${before} ${field.message}` : field.message);
      } else {
        elsewhere.push(field.message);
      }
    }
    this.lineErrors = byProduct;
    if (byProduct.size === 0 || elsewhere.length > 0) {
      this.alertMessage = elsewhere.length > 0 && shown.fields.length > 0 ? elsewhere.join(' ') : shown.message;
    }
  }

  async #checkout(): Promise<void> {
    const api = this.api;
    const order = this.order;
    if (!api || !order || this.busy !== null) return;
    this.busy = 'checkout';
    this.alertMessage = null;
    try {
      const { url } = await api.orders.checkout(order.id);
      const request = new ClrCheckoutEvent({ order, url });
      this.dispatchEvent(request);
      if (!request.defaultPrevented) window.location.assign(url);
    } catch (error) {
      if (!this.isAbort(error)) this.alertMessage = this.describeError(error).message;
    } finally {
      this.busy = null;
    }
  }

  #back(): void {
    if (this.order && !this.#reopened) {
      this.reset();
      return;
    }
    this.dispatchEvent(new ClrCartBackEvent());
  }

  protected override render(): TemplateResult {
    if (!this.api) return html`<p part="status" class="status" role="status">${this.t.common.noClient}</p>`;
    if (this.order) return this.#renderValidation(this.order);
    return html`
      <h2 part="title" id="title">${this.t.orderCart.title}</h2>
      ${this.#products.render({
        initial: () => this.#renderLoading(),
        pending: () => (this.#products.value ? this.#renderCart(this.#products.value) : this.#renderLoading()),
        complete: (products) => (products ? this.#renderCart(products) : nothing),
        error: (error) => html`
          <div part="error" class="alert" role="alert">
            <p>${this.describeError(error).message}</p>
          </div>
          <div part="actions" class="actions">
            <button type="button" @click=${() => this.#products.run()}>${this.t.common.retry}</button>
          </div>
        `,
      })}
    `;
  }

  #renderLoading(): TemplateResult {
    return html`<p part="status" class="status" role="status">${this.t.common.loading}</p>`;
  }

  #renderCart(products: Product[]): TemplateResult {
    const t = this.t.orderCart;
    if (products.length === 0) return html`<p part="status" class="status" role="status">${t.noProducts}</p>`;
    const locale = this.locale;
    const totals = orderTotals(
      this.lines.map((l) => ({ quantity: l.quantity, unitPriceHt: l.product.unitPriceHt })),
      this.#vatRateBp,
    );
    const reason = this.#blockedReason();
    const submitting = this.busy === 'submitting';
    return html`
      <div class="scroll">
        <table part="table" aria-labelledby="title">
          <thead>
            <tr>
              <th scope="col">${t.name}</th>
              <th scope="col">${t.type}</th>
              <th scope="col">${t.reference}</th>
              <th scope="col" class="num">${t.unitPriceHt}</th>
              <th scope="col">${t.quantity}</th>
              <th scope="col" class="num">${t.amount}</th>
            </tr>
          </thead>
          <tbody>
            ${products.map((product, index) => this.#renderRow(product, index))}
          </tbody>
          <tfoot part="totals">
            <tr>
              <th scope="row" colspan="5">${t.subtotalHt}</th>
              <td class="num" data-total="ht">${formatMoney(totals.ht, locale)}</td>
            </tr>
            <tr>
              <th scope="row" colspan="5">${t.vat}</th>
              <td class="num" data-total="vat">${formatMoney(totals.vat, locale)}</td>
            </tr>
            <tr class="total">
              <th scope="row" colspan="5">${t.totalTtc}</th>
              <td class="num" data-total="ttc">${formatMoney(totals.ttc, locale)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p class="visually-hidden" aria-live="polite">${format(t.totalAnnounce, { total: formatMoney(totals.ttc, locale) })}</p>
      ${this.alertMessage ? html`<div part="error" class="alert" role="alert"><p>${this.alertMessage}</p></div>` : nothing}
      <div part="actions" class="actions">
        ${reason ? html`<p part="reason" class="reason" id="reason">${reason}</p>` : nothing}
        <button type="button" part="back" @click=${() => this.#back()}>${t.back}</button>
        <button
          type="button"
          part="submit"
          class="primary"
          ?disabled=${reason !== null || submitting}
          aria-describedby=${reason ? 'reason' : nothing}
          @click=${() => void this.#submit()}
        >
          ${submitting ? t.submitting : t.submit}
        </button>
      </div>
    `;
  }

  #renderRow(product: Product, index: number): TemplateResult {
    const t = this.t.orderCart;
    const locale = this.locale;
    const q = this.#quantityOf(product.id);
    const text = this.quantities.get(product.id);
    const amount = q.valid ? lineTotals(q.value, product.unitPriceHt, this.#vatRateBp).ht : 0;
    const localError = q.valid ? null : format(t.quantityInvalid, { max: formatQuantity(MAX_ORDER_QUANTITY, locale) });
    const error = localError ?? this.lineErrors.get(product.id) ?? null;
    const errorId = `error-${index}`;
    const name = product.name;
    return html`
      <tr part="row" data-product-id=${product.id}>
        <th scope="row">${name}</th>
        <td data-label=${t.type}>${examTypeLabel(product.examType, undefined, this.locale)}</td>
        <td data-label=${t.reference}>${product.reference}</td>
        <td class="num" data-label=${t.unitPriceHt}>${formatMoney(product.unitPriceHt, locale)}</td>
        <td class="quantity-cell" data-label=${t.quantity}>
          <span part="stepper" class="stepper">
            <button
              type="button"
              part="decrease"
              aria-label=${format(t.decrease, { name })}
              aria-disabled=${q.valid && q.value === 0 ? 'true' : 'false'}
              @click=${() => this.#step(product.id, -1)}
            >
              −
            </button>
            <input
              part="quantity"
              type="number"
              inputmode="numeric"
              min="0"
              max=${MAX_ORDER_QUANTITY}
              step="1"
              aria-label=${format(t.quantityOf, { name })}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${error ? errorId : nothing}
              .value=${text === NOT_A_NUMBER ? noChange : (text ?? '0')}
              @input=${(e: Event) => this.#onInput(product.id, e)}
            />
            <button
              type="button"
              part="increase"
              aria-label=${format(t.increase, { name })}
              aria-disabled=${q.valid && q.value === MAX_ORDER_QUANTITY ? 'true' : 'false'}
              @click=${() => this.#step(product.id, 1)}
            >
              +
            </button>
          </span>
          ${error ? html`<span part="field-error" class="field-error" id=${errorId}>${error}</span>` : nothing}
        </td>
        <td class="num" data-label=${t.amount}>${formatMoney(amount, locale)}</td>
      </tr>
    `;
  }

  #renderValidation(order: Order): TemplateResult {
    const t = this.t.orderCart;
    const locale = this.locale;
    const names = new Map((this.#products.value ?? []).map((p) => [p.id, p.name]));
    const checkingOut = this.busy === 'checkout';
    return html`
      <section part="validation" class="validation" aria-labelledby="validation-title">
        <h2 part="title" id="validation-title" tabindex="-1">${t.validationTitle}</h2>
        <p>${t.validationIntro}</p>
        <p><strong>${format(t.orderNumber, { number: order.number })}</strong></p>
        <p>${format(t.orderStatus, { status: LABELS[locale].orderStatus[order.status] })}</p>
        <div class="scroll">
          <table part="table">
            <caption>${format(t.linesCaption, { number: order.number })}</caption>
            <thead>
              <tr>
                <th scope="col">${t.name}</th>
                <th scope="col">${t.type}</th>
                <th scope="col" class="num">${t.quantity}</th>
                <th scope="col" class="num">${t.unitPriceHt}</th>
                <th scope="col" class="num">${t.priceHt}</th>
                <th scope="col" class="num">${t.priceTtc}</th>
              </tr>
            </thead>
            <tbody>
              ${order.lines.map(
                (line) => html`
                  <tr>
                    <th scope="row">${names.get(line.productId) ?? examTypeLabel(line.examType, undefined, this.locale)}</th>
                    <td data-label=${t.type}>${examTypeLabel(line.examType, undefined, this.locale)}</td>
                    <td class="num" data-label=${t.quantity}>${formatQuantity(line.quantity, locale)}</td>
                    <td class="num" data-label=${t.unitPriceHt}>${formatMoney(line.unitPriceHt, locale)}</td>
                    <td class="num" data-label=${t.priceHt}>${formatMoney(line.ht, locale)}</td>
                    <td class="num" data-label=${t.priceTtc}>${formatMoney(line.ttc, locale)}</td>
                  </tr>
                `,
              )}
            </tbody>
            <tfoot part="totals">
              <tr>
                <th scope="row" colspan="5">${t.subtotalHt}</th>
                <td class="num" data-total="ht">${formatMoney(order.totals.ht, locale)}</td>
              </tr>
              <tr>
                <th scope="row" colspan="5">${t.vat}</th>
                <td class="num" data-total="vat">${formatMoney(order.totals.vat, locale)}</td>
              </tr>
              <tr class="total">
                <th scope="row" colspan="5">${t.totalTtc}</th>
                <td class="num" data-total="ttc">${formatMoney(order.totals.ttc, locale)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        <p>${t.nextStep}</p>
        ${this.alertMessage ? html`<div part="error" class="alert" role="alert"><p>${this.alertMessage}</p></div>` : nothing}
        <div part="actions" class="actions">
          <button type="button" part="back" @click=${() => this.#back()}>${t.back}</button>
          <button type="button" part="checkout" class="primary" ?disabled=${checkingOut} @click=${() => void this.#checkout()}>
            ${checkingOut ? t.checkingOut : t.checkout}
          </button>
        </div>
      </section>
    `;
  }
}

/** `10 000` / `10,000`: a count, grouped as the page's language groups it. */
function formatQuantity(n: number, locale: 'fr' | 'en'): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB').format(n).replace(/\u202f/g, '\u00a0');
}
