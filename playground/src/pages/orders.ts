import '@clr/elements/define/clr-order-cart.js';
import '@clr/elements/define/clr-orders-table.js';
import { OrderSection, examTypeLabel, formatDate, type Order } from '@clr/domain';
import type { ClrClient } from '@clr/sdk';
import { h } from '../dom.js';
import { messageOf } from '../forms.js';
import { SITE_LOCALE } from '../locale.js';
import { toast } from '../shell.js';
import { TEXT } from '../text.js';
import type { PageContext } from './page.js';

/**
 * §4 « Mes commandes »: the certifications in stock by exam type, the date of
 * the last order, the orders table (`<clr-orders-table>`: §4.1 sections,
 * search, filters, totals; §4.2 export; « Actualiser »), « Commander des
 * certifications », which opens `<clr-order-cart>` (§4.3) in a window, and
 * the pay icon of a pending order, which opens the same window on its «
 * Validation de commande » step (§4.4).
 */
export async function ordersPage(context: PageContext): Promise<Node> {
  const { client, signal } = context;
  const summary = h('section', { class: 'panel', 'aria-labelledby': 'titre-stock' }, summarySkeleton());
  const table = h('clr-orders-table');

  const loadSummary = async () => {
    try {
      const [stock, lastOrder] = await Promise.all([client.stock.get({ signal }), latestOrder(client, signal)]);
      summary.replaceChildren(
        h('div', { class: 'stock-line' }, h('h2', { id: 'titre-stock' }, TEXT.orders.stock, ' ', h('span', { class: 'total' }, String(stock.total)))),
        stock.byType.length === 0
          ? h('p', null, TEXT.orders.noStock)
          : h(
              'ul',
              { class: 'figures' },
              stock.byType.map((line) =>
                h('li', null, h('span', { class: 'figure' }, String(line.remaining)), h('span', { class: 'label' }, examTypeLabel(line.examType, undefined, SITE_LOCALE))),
              ),
            ),
        h('p', { class: 'last-order' }, lastOrder ? TEXT.orders.lastOrder(formatDate(lastOrder.createdAt)) : TEXT.orders.noOrder),
      );
    } catch (error) {
      if (signal.aborted) return;
      summary.replaceChildren(h('h2', { id: 'titre-stock' }, TEXT.orders.stock), h('p', { class: 'error', role: 'alert' }, messageOf(error)));
    }
  };
  // « Actualiser » of the table (and its first load): the stock and the last order follow.
  table.addEventListener('clr-orders-loaded', () => void loadSummary());

  const dialog = cartDialog((order) => {
    toast(TEXT.orders.created(order.number));
    table.refresh();
  });
  const open = h('button', { type: 'button', class: 'primary' }, TEXT.orders.order);
  open.addEventListener('click', () => dialog.open());
  table.addEventListener('clr-order-pay', (event) => dialog.pay(event.detail.order));
  // « Commander » from Accueil or an assignment dialog (?panier=1): the cart opens once the page is on screen.
  if (context.url.searchParams.has('panier')) requestAnimationFrame(() => dialog.open());

  return h(
    'div',
    null,
    h('div', { class: 'page-head' }, h('h1', { tabindex: '-1' }, TEXT.orders.title), h('div', { class: 'actions' }, open)),
    summary,
    table,
    dialog.element,
  );
}

/** « La date de la dernière commande passée » (§4): the newest order of any section. */
async function latestOrder(client: ClrClient, signal: AbortSignal): Promise<Order | undefined> {
  const firsts = await Promise.all(OrderSection.options.map((section) => client.orders.list({ section, limit: 1 }, { signal })));
  return firsts.flatMap((page) => page.data).reduce<Order | undefined>((a, b) => (!a || b.createdAt > a.createdAt ? b : a), undefined);
}

function summarySkeleton(): Node[] {
  return [h('span', { class: 'skeleton title', 'aria-hidden': 'true' }), h('span', { class: 'skeleton block', 'aria-hidden': 'true' }), h('p', { class: 'visually-hidden' }, TEXT.loading)];
}

/**
 * « Une fenêtre s'ouvre » (§4.3): `<clr-order-cart>` in a modal `<dialog>`
 * (the browser traps the focus, Escape closes, the focus returns to the
 * button). « Retour » on the cart closes it; « Poursuivre ma commande → »
 * leaves for the payment centre (the element's default). `pay(order)` opens it
 * on the « Validation de commande » step of an order not yet paid (§4.4).
 */
function cartDialog(onCreated: (order: Order) => void | Promise<void>) {
  const cart = h('clr-order-cart');
  const close = h('button', { type: 'button', class: 'dialog-close', 'aria-label': TEXT.orders.close }, '×');
  // The cart shows its own heading, inside its shadow root: the window is labelled with the same words.
  const element = h('dialog', { class: 'cart-dialog', 'aria-label': TEXT.orders.cartTitle }, close, cart);
  close.addEventListener('click', () => element.close());
  cart.addEventListener('clr-cart-back', () => element.close());
  cart.addEventListener('clr-order-created', (event) => void onCreated(event.detail));
  element.addEventListener('close', () => cart.reset());
  const show = (label: string) => {
    element.setAttribute('aria-label', label);
    if (!element.open) element.showModal();
  };
  return {
    element,
    open() {
      cart.reset();
      show(TEXT.orders.cartTitle);
    },
    pay(order: Order) {
      cart.showValidation(order);
      show(TEXT.orders.validationTitle);
    },
  };
}
