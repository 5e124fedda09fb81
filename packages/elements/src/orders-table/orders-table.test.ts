import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { ClrClient } from '@clr/sdk';
import type { MockWorker } from '@clr/mocks/browser';
import '../define/clr-orders-table.js';
import { startMocks, stopMocks } from '../../test/mocks.js';
import { waitUntil } from '../../test/wait.js';
import type { ClrOrdersTable } from './orders-table.js';
import type { ClrOrderPayEvent } from './orders-table.events.js';

const NBSP = /[\u00a0\u202f]/g;

function part<T extends Element = HTMLElement>(el: ClrOrdersTable, name: string): T | null {
  return el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

function parts(el: ClrOrdersTable, name: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

function text(node: Element | null): string {
  return (node?.textContent ?? '').replace(NBSP, ' ').replace(/\s+/g, ' ').trim();
}

async function settled(el: ClrOrdersTable): Promise<void> {
  await waitUntil(() => part(el, 'table')?.getAttribute('aria-busy') === 'false' && el.totalCount !== null, 'the table did not load');
  await el.updateComplete;
}

async function mount(client: ClrClient, lang = 'fr'): Promise<ClrOrdersTable> {
  const holder = await fixture<HTMLElement>(html`<div lang=${lang}><clr-orders-table .client=${client}></clr-orders-table></div>`);
  const el = holder.querySelector('clr-orders-table')!;
  await settled(el);
  return el;
}

function choose(el: ClrOrdersTable, name: string, value: string): void {
  const control = el.shadowRoot!.querySelector<HTMLSelectElement | HTMLInputElement>(`[name="${name}"]`)!;
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

function search(el: ClrOrdersTable, value: string): void {
  const input = part<HTMLInputElement>(el, 'search-input')!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.form!.requestSubmit();
}

function requests(mock: MockWorker, path: string): URLSearchParams[] {
  const seen: URLSearchParams[] = [];
  mock.worker.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname === path) seen.push(url.searchParams);
  });
  return seen;
}

/** Euro amounts as the table writes them (« 340,80 € ») back to cents. */
function cents(value: string): number {
  return Math.round(Number(value.replace(NBSP, '').replace('€', '').replace(/\s/g, '').replace(',', '.')) * 100);
}

describe('<clr-orders-table>', () => {
  before(async () => {
    await startMocks({ login: false });
    stopMocks();
    await expect(await fixture(html`<p>Commandes</p>`)).to.be.accessible();
  });
  afterEach(() => stopMocks());

  describe('accessibility', () => {
    it('is accessible with the demo orders, in French and in English', async () => {
      const { client } = await startMocks();
      await expect(await mount(client)).to.be.accessible();
      await expect(await mount(client, 'en')).to.be.accessible();
    });

    it('shows skeleton rows while the first page is on its way, and announces « Chargement… »', async () => {
      const { client, mock } = await startMocks();
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      mock.worker.use(http.get('/api/v1/orders', async () => {
        await held;
        return undefined;
      }));
      const holder = await fixture<HTMLElement>(html`<div><clr-orders-table .client=${client}></clr-orders-table></div>`);
      const el = holder.querySelector('clr-orders-table')!;
      await waitUntil(() => part(el, 'skeleton'), 'no skeleton');
      expect(text(part(el, 'notice'))).to.equal('Chargement…');
      expect(part(el, 'skeleton')!.getAttribute('aria-hidden')).to.equal('true');
      release();
      mock.worker.resetHandlers();
    });
  });

  describe('properties', () => {
    it('§4.1 shows the three sections « À valider », « À consommer », « Historique », each order with its lines', async () => {
      const { client } = await startMocks();
      const el = await mount(client);
      expect(parts(el, 'section').map(text)).to.deep.equal(['À valider', 'À consommer', 'Historique']);
      const headers = [...el.shadowRoot!.querySelectorAll('thead th')].map(text);
      expect(headers).to.deep.equal(['N° Commande', 'Commandé le', 'Type', 'Expire le', 'Prix unit. (H.T.)', 'Prix (H.T.)', 'Prix (T.T.C.)', 'Actions']);
      const pending = el.shadowRoot!.querySelector('[data-section="to_validate"] [part~="order-row"]')!;
      expect(text(pending)).to.contain('En cours').and.to.contain('340,80 €');
      const line = pending.nextElementSibling!;
      expect(text(line)).to.contain('4').and.to.contain('71,00 €').and.to.contain('284,00 €').and.to.contain('340,80 €');
      const delivered = el.shadowRoot!.querySelector('[data-section="to_consume"] [part~="line-row"]')!;
      expect(text(delivered)).to.match(/\d+ restantes?/);
    });

    it('the footer totals H.T. and T.T.C. are those of every listed order but the cancelled ones', async () => {
      const { client } = await startMocks();
      const el = await mount(client);
      const counted = el.loadedOrders.filter((o) => o.status !== 'cancelled');
      expect(el.loadedOrders.some((o) => o.status === 'cancelled')).to.equal(true);
      const ttc = counted.reduce((sum, o) => sum + o.totals.ttc, 0);
      const ht = counted.reduce((sum, o) => sum + o.totals.ht, 0);
      expect(cents(text(el.shadowRoot!.querySelector('[data-total="ttc"]')))).to.equal(ttc);
      expect(cents(text(el.shadowRoot!.querySelector('[data-total="ht"]')))).to.equal(ht);
    });

    it('the search and the exam type filter send their query and show what the server finds', async () => {
      const { client, mock } = await startMocks();
      const el = await mount(client);
      const seen = requests(mock, '/api/v1/orders');
      choose(el, 'examType', 'official-laposte');
      await waitUntil(() => seen.length === 1);
      await settled(el);
      expect(seen[0]!.get('examType')).to.equal('official-laposte');
      expect(el.loadedOrders.every((o) => o.lines.some((l) => l.examType === 'official-laposte'))).to.equal(true);
      search(el, 'zzz-aucune');
      await waitUntil(() => seen.length === 2);
      await settled(el);
      expect(text(part(el, 'empty'))).to.contain('Aucune commande ne correspond à la recherche et aux filtres.');
    });

    it('« Réinitialiser les filtres » clears the search and the filters and shows the whole table again', async () => {
      const { client } = await startMocks();
      const el = await mount(client);
      const all = el.totalCount;
      search(el, 'zzz-aucune');
      await waitUntil(() => el.totalCount === 0);
      part<HTMLButtonElement>(el, 'reset-button')!.click();
      await waitUntil(() => el.totalCount === all);
      expect(part<HTMLInputElement>(el, 'search-input')!.value).to.equal('');
      expect(el.filters).to.deep.equal({});
    });

    it('a period whose « au » is before « du » is refused beside the field, and the table keeps its last result', async () => {
      const { client, mock } = await startMocks();
      const el = await mount(client);
      const before = el.loadedOrders.map((o) => o.id);
      const seen = requests(mock, '/api/v1/orders');
      choose(el, 'from', '2026-03-10');
      await waitUntil(() => seen.length === 1);
      await settled(el);
      const kept = el.loadedOrders.map((o) => o.id);
      choose(el, 'to', '2026-03-01');
      await el.updateComplete;
      const to = el.shadowRoot!.querySelector<HTMLInputElement>('[name="to"]')!;
      expect(to.getAttribute('aria-invalid')).to.equal('true');
      const error = el.shadowRoot!.getElementById(to.getAttribute('aria-describedby')!)!;
      expect(text(error)).to.equal('La date « au » doit être le même jour que la date « du » ou après.');
      expect(seen).to.have.length(1);
      expect(el.loadedOrders.map((o) => o.id)).to.deep.equal(kept);
      expect(before.length).to.be.greaterThan(0);
    });

    it('§4.2 « Exporter le tableau » downloads exactly what is displayed: the same search and filters', async () => {
      const { client, mock } = await startMocks();
      const el = await mount(client);
      choose(el, 'examType', 'official-laposte');
      await waitUntil(() => el.filters.examType === 'official-laposte');
      await settled(el);
      const exports = requests(mock, '/api/v1/orders/export.csv');
      const downloads: string[] = [];
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        downloads.push(this.download);
      };
      try {
        part<HTMLButtonElement>(el, 'export-button')!.click();
        await waitUntil(() => downloads.length === 1, 'nothing was downloaded');
      } finally {
        HTMLAnchorElement.prototype.click = click;
      }
      expect(Object.fromEntries(exports[0]!)).to.deep.equal({ examType: 'official-laposte' });
      expect(downloads[0]).to.match(/\.csv$/);
      expect(text(part(el, 'notice'))).to.equal('Le tableau des commandes est exporté.');
    });

    it('speaks English under lang="en"', async () => {
      const { client } = await startMocks();
      const el = await mount(client, 'en');
      expect(parts(el, 'section').map(text)).to.deep.equal(['To validate', 'To consume', 'History']);
      expect(text(part(el, 'export-button'))).to.equal('Export the table');
    });

    it('« Actualiser » asks for the first page again', async () => {
      const { client, mock } = await startMocks();
      const el = await mount(client);
      const seen = requests(mock, '/api/v1/orders');
      part<HTMLButtonElement>(el, 'refresh-button')!.click();
      await waitUntil(() => seen.length === 1);
      await settled(el);
      expect(parts(el, 'section')).to.have.length(3);
    });

    it('pages: « Afficher les commandes suivantes » appends the next page', async () => {
      const { client } = await startMocks();
      const holder = await fixture<HTMLElement>(html`<div><clr-orders-table page-size="2" .client=${client}></clr-orders-table></div>`);
      const el = holder.querySelector('clr-orders-table')!;
      await settled(el);
      expect(el.loadedOrders).to.have.length(2);
      part<HTMLButtonElement>(el, 'more-button')!.click();
      await waitUntil(() => el.loadedOrders.length === 4);
      expect(text(part(el, 'notice'))).to.equal(`4 commandes affichées sur ${el.totalCount}`);
    });
  });

  describe('events', () => {
    it('§4.4 the icon of a pending order fires clr-order-pay with the order', async () => {
      const { client } = await startMocks();
      const el = await mount(client);
      const buttons = parts(el, 'pay-button');
      expect(buttons).to.have.length(el.loadedOrders.filter((o) => o.status === 'pending').length);
      const pending = el.loadedOrders.find((o) => o.status === 'pending')!;
      expect(buttons[0]!.getAttribute('aria-label')).to.equal(`Valider et régler la commande n° ${pending.number}`);
      const fired = oneEvent(el, 'clr-order-pay') as Promise<ClrOrderPayEvent>;
      buttons[0]!.click();
      expect((await fired).detail.order.id).to.equal(pending.id);
    });

    it('shows the API’s error with « Réessayer »', async () => {
      const { client, mock } = await startMocks();
      mock.worker.use(
        http.get('/api/v1/orders', () =>
          HttpResponse.json({ type: 'about:blank', title: 'x', status: 403, code: 'forbidden', detail: 'Vous n’avez pas accès à ces commandes.' }, { status: 403, headers: { 'Content-Type': 'application/problem+json' } }),
        ),
      );
      const holder = await fixture<HTMLElement>(html`<div><clr-orders-table .client=${client}></clr-orders-table></div>`);
      const el = holder.querySelector('clr-orders-table')!;
      await waitUntil(() => part(el, 'error'), 'no error shown');
      expect(text(part(el, 'error'))).to.contain('Réessayer');
      await expect(el).to.be.accessible();
    });
  });
});
