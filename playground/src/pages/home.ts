import { GroupCategory, LABELS, LOW_STOCK_THRESHOLD, examTypeLabel, stockLevel } from '@clr/domain';
import { h } from '../dom.js';
import { SITE_LOCALE } from '../locale.js';
import { TEXT } from '../text.js';
import type { PageContext } from './page.js';

/**
 * §3.1 Accueil: three boxes — « Certifications restantes » (total, then per
 * exam type), « Candidats » (total; to assign, waiting, taken) and « Groupes »
 * (total; per category) — with the buttons that lead to the other pages.
 */
export async function homePage(context: PageContext): Promise<Node> {
  const heading = h('h1', { tabindex: '-1' }, TEXT.home.title);
  if (!context.session?.space) return h('div', null, heading, h('p', { class: 'notice' }, TEXT.home.operator));

  const { stock, candidates, groups } = await context.client.dashboard.get({ signal: context.signal });
  const labels = LABELS[SITE_LOCALE];
  return h(
    'div',
    null,
    heading,
    h(
      'div',
      { class: 'boxes' },
      box(
        'encadre-stock',
        TEXT.home.stock,
        stock.total,
        stock.byType.length === 0
          ? h('p', null, TEXT.home.noStock)
          : [figures(stock.byType.map((line) => [line.remaining, examTypeLabel(line.examType, undefined, SITE_LOCALE)])), lowStock(stock.byType)],
        [h('a', { class: 'button primary', href: '/commandes' }, TEXT.home.order)],
      ),
      box(
        'encadre-candidats',
        TEXT.home.candidates,
        candidates.total,
        figures([
          [candidates.toAssign, TEXT.home.toAssign],
          [candidates.scheduled, TEXT.home.scheduled],
          [candidates.taken, TEXT.home.taken],
        ]),
        [
          h('a', { class: 'button', href: '/candidats/nouveau' }, TEXT.home.createCandidate),
          h('a', { class: 'button', href: '/candidats?codes=1' }, TEXT.home.showCodes),
        ],
      ),
      box(
        'encadre-groupes',
        TEXT.home.groups,
        groups.total,
        figures(GroupCategory.options.map((category) => [groups.byCategory[category], labels.groupCategory[category]])),
        [h('a', { class: 'button', href: '/groupes?nouveau=1' }, TEXT.home.createGroup)],
      ),
    ),
  );
}

/** The types with few credits left (at most LOW_STOCK_THRESHOLD, the elements' default), with « Commander » opening the cart. */
function lowStock(byType: { examType: string; remaining: number }[]): Node | null {
  const low = byType.filter((line) => stockLevel(line.remaining, LOW_STOCK_THRESHOLD) !== 'enough');
  if (low.length === 0) return null;
  return h(
    'div',
    { class: 'notice low-stock' },
    h('p', null, TEXT.home.lowStock, ' ', low.map((line) => TEXT.home.lowStockType(examTypeLabel(line.examType, undefined, SITE_LOCALE), line.remaining)).join(' ; '), '.'),
    h('a', { class: 'button', href: '/commandes?panier=1' }, TEXT.home.order),
  );
}

function box(id: string, title: string, total: number, body: Node | (Node | null)[], actions: Node[]): Node {
  return h(
    'section',
    { class: 'panel box', 'aria-labelledby': id },
    h('h2', { id }, h('span', null, title), ' ', h('span', { class: 'total' }, String(total))),
    body,
    h('div', { class: 'actions' }, actions),
  );
}

function figures(entries: [number, string][]): Node {
  return h(
    'ul',
    { class: 'figures' },
    entries.map(([value, label]) => h('li', null, h('span', { class: 'figure' }, String(value)), h('span', { class: 'label' }, label))),
  );
}
