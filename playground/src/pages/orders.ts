import '@clr/elements/define/clr-order-cart.js';
import { LABELS, OrderSection, examTypeLabel, formatDate, formatMoney, type Order, type OrderList } from '@clr/domain';
import { h } from '../dom.js';
import { messageOf } from '../forms.js';
import type { PageContext } from './page.js';

const T = {
  title: 'Mes commandes',
  order: 'Commander des certifications',
  refresh: 'Actualiser',
  cartTitle: 'Passer une nouvelle commande',
  close: 'Fermer',
  stock: 'Certifications en stock',
  noStock: 'Aucune certification en stock.',
  lastOrder: (date: string) => `Dernière commande passée le ${date}.`,
  noOrder: "Vous n'avez encore passé aucune commande.",
  table: 'Tableau des commandes',
  head: ['N° Commande', 'Commandé le', 'Type', 'Expire le', 'Prix unit. (H.T.)', 'Prix (H.T.)', 'Prix (T.T.C.)'],
  remaining: (n: number) => `${n} restante${n > 1 ? 's' : ''}`,
  total: 'Total des commandes affichées',
  created: (number: string) => `Commande ${number} créée : elle s'affiche « En cours » dans le tableau des commandes.`,
  more: 'Le tableau montre les 100 commandes les plus récentes de chaque section.',
} as const;

/**
 * §4 « Mes commandes »: the stock by exam type, the date of the last order, the
 * orders table in its three sections (§4.1), « Actualiser », and « Commander
 * des certifications », which opens `<clr-order-cart>` (§4.3) in a window.
 * Not yet on this page: the table's search, filters and CSV export (§4.2).
 */
export async function ordersPage(context: PageContext): Promise<Node> {
  const { client, signal } = context;
  const summary = h('section', { class: 'panel', 'aria-labelledby': 'titre-stock' });
  const orders = h('section', { 'aria-labelledby': 'titre-tableau' });
  const status = h('p', { class: 'form-status', role: 'status' });

  const load = async () => {
    const [stock, list] = await Promise.all([client.stock.get({ signal }), client.orders.list({ limit: 100 }, { signal })]);
    summary.replaceChildren(
      h('h2', { id: 'titre-stock' }, T.stock, ' ', h('span', { class: 'total' }, String(stock.total))),
      stock.byType.length === 0
        ? h('p', null, T.noStock)
        : h('ul', { class: 'figures' }, stock.byType.map((line) => h('li', null, h('span', { class: 'figure' }, String(line.remaining)), h('span', { class: 'label' }, examTypeLabel(line.examType))))),
      h('p', null, lastOrderText(list)),
    );
    orders.replaceChildren(h('h2', { id: 'titre-tableau', class: 'visually-hidden' }, T.table), ordersTable(list));
  };

  const refresh = h('button', { type: 'button' }, T.refresh);
  refresh.addEventListener('click', async () => {
    refresh.disabled = true;
    status.textContent = '';
    try {
      await load();
      status.textContent = '';
    } catch (error) {
      status.textContent = messageOf(error);
    } finally {
      refresh.disabled = false;
    }
  });

  const dialog = cartDialog(async (order) => {
    status.textContent = T.created(order.number);
    await load().catch((error: unknown) => (status.textContent = messageOf(error)));
  });
  const open = h('button', { type: 'button', class: 'primary' }, T.order);
  open.addEventListener('click', () => dialog.open());

  await load();
  // « Commander » from Accueil or an assignment dialog (?panier=1): the cart opens once the page is on screen.
  if (context.url.searchParams.has('panier')) requestAnimationFrame(() => dialog.open());
  return h(
    'div',
    null,
    h('div', { class: 'page-head' }, h('h1', { tabindex: '-1' }, T.title), h('div', { class: 'actions' }, open, refresh)),
    status,
    summary,
    orders,
    dialog.element,
  );
}

function lastOrderText(list: OrderList): string {
  const latest = list.data.reduce<Order | undefined>((a, b) => (!a || b.createdAt > a.createdAt ? b : a), undefined);
  return latest ? T.lastOrder(formatDate(latest.createdAt)) : T.noOrder;
}

/** §4.1: one row per order, its lines under it, grouped in the three sections; the listed orders' totals at the bottom. */
function ordersTable(list: OrderList): Node {
  const labels = LABELS.fr;
  const money = (cents: number) => formatMoney(cents, 'fr');
  const body: Node[] = [];
  for (const section of OrderSection.options) {
    const rows = list.data.filter((order) => order.section === section);
    if (rows.length === 0) continue;
    body.push(h('tbody', null, h('tr', { class: 'section' }, h('th', { colspan: 7, scope: 'colgroup' }, labels.orderSection[section])),
      rows.flatMap((order) => [
        h('tr', null,
          h('th', { scope: 'row' }, order.number),
          h('td', null, formatDate(order.createdAt)),
          h('td', null, labels.orderStatus[order.status]),
          h('td'), h('td'), h('td'),
          h('td', { class: 'num' }, money(order.totals.ttc)),
        ),
        ...order.lines.map((line) =>
          h('tr', null,
            h('td', { class: 'num' }, String(line.quantity), order.status === 'delivered' ? h('br') : null, order.status === 'delivered' ? T.remaining(line.remaining) : null),
            h('td'),
            h('td', null, examTypeLabel(line.examType)),
            h('td', null, line.expiresAt ? formatDate(line.expiresAt) : ''),
            h('td', { class: 'num' }, money(line.unitPriceHt)),
            h('td', { class: 'num' }, money(line.ht)),
            h('td', { class: 'num' }, money(line.ttc)),
          ),
        ),
      ]),
    ));
  }
  if (body.length === 0) return h('p', { class: 'panel' }, T.noOrder);
  return h(
    'div',
    { class: 'panel' },
    h('table', { class: 'simple' },
      h('caption', { class: 'visually-hidden' }, T.table),
      h('thead', null, h('tr', null, T.head.map((label, i) => h('th', { scope: 'col', class: i >= 4 ? 'num' : null }, label)))),
      body,
      h('tfoot', null, h('tr', null, h('th', { scope: 'row', colspan: 5 }, T.total), h('td', { class: 'num' }, money(list.totals.ht)), h('td', { class: 'num' }, money(list.totals.ttc)))),
    ),
    list.nextCursor ? h('p', null, T.more) : null,
  );
}

/**
 * « Une fenêtre s'ouvre » (§4.3): `<clr-order-cart>` in a modal `<dialog>`
 * (the browser traps the focus, Escape closes, the focus returns to the
 * button). « Retour » on the cart closes it; « Poursuivre ma commande → »
 * leaves for the payment centre (the element's default).
 */
function cartDialog(onCreated: (order: Order) => void | Promise<void>) {
  const cart = h('clr-order-cart');
  const close = h('button', { type: 'button', class: 'dialog-close', 'aria-label': T.close }, '×');
  // The cart shows its own heading (« Passer une nouvelle commande »), inside its shadow root: the window is labelled with the same words.
  const element = h('dialog', { class: 'cart-dialog', 'aria-label': T.cartTitle }, close, cart);
  close.addEventListener('click', () => element.close());
  cart.addEventListener('clr-cart-back', () => element.close());
  cart.addEventListener('clr-order-created', (event) => void onCreated(event.detail));
  element.addEventListener('close', () => cart.reset());
  return {
    element,
    open() {
      if (!element.open) element.showModal();
    },
  };
}

