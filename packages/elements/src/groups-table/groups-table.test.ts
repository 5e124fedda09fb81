import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';
import type { ClrClient } from '@clr/sdk';
import { generateCandidates, type MockWorker } from '@clr/mocks/browser';
import '../define/clr-groups-table.js';
import type { ClrGroupsTable } from './groups-table.js';
import type { ClrGroupDialog } from '../group-dialog/group-dialog.js';
import { waitUntil } from '../../test/wait.js';
import { startMocks, stopMocks } from '../../test/mocks.js';

const part = <T extends Element = HTMLElement>(el: ClrGroupsTable, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const parts = <T extends Element = HTMLElement>(el: ClrGroupsTable, name: string) => [...el.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
const grid = (el: ClrGroupsTable) => part(el, 'grid')!;
const names = (el: ClrGroupsTable) => parts(el, 'name').map((n) => n.textContent!.trim());
const rowOf = (el: ClrGroupsTable, name: string) => parts(el, 'row').find((r) => r.querySelector('[part~="name"]')!.textContent!.trim() === name)!;
const focused = (el: ClrGroupsTable) => el.shadowRoot!.activeElement as HTMLElement | null;

async function settled(el: ClrGroupsTable): Promise<void> {
  await waitUntil(() => grid(el).getAttribute('aria-busy') === 'false' && el.totalCount !== null, 'the table did not load');
  await el.updateComplete;
}

async function mount(client: ClrClient, template = html`<clr-groups-table .client=${client}></clr-groups-table>`): Promise<ClrGroupsTable> {
  const holder = await fixture<HTMLElement>(html`<div>${template}</div>`);
  const el = holder.querySelector('clr-groups-table')!;
  await settled(el);
  return el;
}

function listRequests(mock: MockWorker, path = '/api/v1/groups'): URLSearchParams[] {
  const seen: URLSearchParams[] = [];
  mock.worker.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname === path && request.method === 'GET') seen.push(url.searchParams);
  });
  return seen;
}

function choose(el: ClrGroupsTable, name: string, value: string): void {
  const control = el.shadowRoot!.querySelector<HTMLSelectElement | HTMLInputElement>(`[name="${name}"]`)!;
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The demo space plus a hidden « Anciens clients » group (§5.4). */
async function withHiddenGroup(): Promise<{ client: ClrClient; mock: MockWorker }> {
  const started = await startMocks();
  const group = await started.client.groups.create({ name: 'Anciens clients', category: 'client' });
  await started.client.groups.update(group.id, { hidden: true });
  return started;
}

describe('<clr-groups-table>', () => {
  before(async () => {
    await startMocks();
    await expect(await fixture(html`<p>Chargement…</p>`)).to.be.accessible();
  });
  afterEach(() => stopMocks());

  describe('accessibility', () => {
    it('is accessible loaded, with a hidden group', async () => {
      const { client } = await withHiddenGroup();
      const el = await mount(client);
      expect(names(el)).to.deep.equal(['Session de septembre', 'Anciens clients']);
      await expect(el).to.be.accessible();
    });

    it('is accessible empty, loading and in error', async () => {
      const { client } = await startMocks({ state: 'empty' });
      const el = await mount(client);
      expect(part(el, 'message-row')!.textContent).to.contain('Aucun groupe');
      await expect(el).to.be.accessible();

      const { client: slow, mock } = await startMocks();
      mock.worker.use(http.get('/api/v1/groups', () => delay('infinite')));
      const holder = await fixture<HTMLElement>(html`<div><clr-groups-table .client=${slow}></clr-groups-table></div>`);
      const loading = holder.querySelector('clr-groups-table')!;
      await waitUntil(() => grid(loading).getAttribute('aria-busy') === 'true');
      expect(part(loading, 'message-row')!.textContent).to.contain('Chargement');
      await expect(loading).to.be.accessible();

      mock.worker.resetHandlers(http.get('/api/v1/groups', () => HttpResponse.error()));
      loading.refresh();
      await waitUntil(() => part(loading, 'error'), 'the error is shown');
      expect(part(loading, 'retry-button')!.textContent).to.contain('Réessayer');
      await expect(loading).to.be.accessible();
    });

    it('speaks English under lang="en"', async () => {
      const { client } = await withHiddenGroup();
      const el = await mount(client, html`<div lang="en"><clr-groups-table .client=${client}></clr-groups-table></div>`);
      expect(part(el, 'total')!.textContent).to.contain('2 groups');
      expect(part(el, 'export-button')!.textContent!.trim()).to.equal('Export the table');
      expect(part(el, 'hide-button')!.getAttribute('aria-label')).to.equal('Hide the group Session de septembre');
      await expect(el).to.be.accessible();
    });
  });

  describe('properties', () => {
    it('§5.1 shows the name, the category, the creation date (dd/mm/yyyy) and the actions; hidden groups greyed and last', async () => {
      const { client } = await withHiddenGroup();
      const el = await mount(client);
      expect(part(el, 'total')!.textContent).to.contain('2 groupes');
      const row = rowOf(el, 'Session de septembre');
      const cells = [...row.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent!.trim());
      expect(cells[1]).to.equal("Session d'examen");
      expect(cells[2]).to.match(/^\d{2}\/\d{2}\/\d{4}$/);
      const hidden = rowOf(el, 'Anciens clients');
      expect(hidden.hasAttribute('data-hidden')).to.equal(true);
      expect(hidden.querySelector('[part~="hidden-badge"]')!.textContent).to.equal('masqué');
      expect(hidden.querySelector('[part~="hide-button"]')!.getAttribute('aria-label')).to.equal('Réafficher le groupe Anciens clients');
      expect(row.querySelector('[part~="delete-button"]')!.getAttribute('aria-label')).to.equal('Supprimer le groupe Session de septembre');
    });

    it('§5.1 searches, filters by category and period, sorts on the column headers (the server sorts), and resets the filters', async () => {
      const { client, mock } = await startMocks({ state: generateCandidates(20) });
      const sent = listRequests(mock);
      const el = await mount(client);
      expect(el.totalCount).to.equal(40);
      choose(el, 'category', 'class');
      await waitUntil(() => sent.at(-1)?.get('category') === 'class');
      await settled(el);
      expect(el.totalCount).to.equal(10);
      expect(names(el).every((n) => n.startsWith('Classe'))).to.equal(true);

      const input = part<HTMLInputElement>(el, 'search-input')!;
      input.value = 'Classe 00';
      input.dispatchEvent(new Event('input'));
      input.form!.requestSubmit();
      await waitUntil(() => sent.at(-1)?.get('q') === 'Classe 00');
      await settled(el);
      expect(names(el)).to.deep.equal(['Classe 001', 'Classe 005', 'Classe 009']);

      parts(el, 'sort-button')[0]!.click();
      await waitUntil(() => sent.at(-1)?.get('sort') === '-name');
      await settled(el);
      expect(names(el)).to.deep.equal(['Classe 009', 'Classe 005', 'Classe 001']);
      expect(parts(el, 'columnheader')[0]!.getAttribute('aria-sort')).to.equal('descending');

      choose(el, 'from', '2000-01-01');
      await waitUntil(() => sent.at(-1)?.get('from') === '2000-01-01');
      part(el, 'reset-button')!.click();
      await waitUntil(() => sent.at(-1) && !sent.at(-1)!.has('category') && !sent.at(-1)!.has('q') && !sent.at(-1)!.has('from'));
      await settled(el);
      expect(el.totalCount).to.equal(40);
      expect(input.value).to.equal('');
      expect(el.sort).to.equal('-name');
    });

    it('§5.1 the period is typed jj/mm/aaaa whatever the browser\'s language, with a calendar button; text that is not a date is refused beside the field', async () => {
      const { client, mock } = await startMocks({ state: generateCandidates(20) });
      const sent = listRequests(mock);
      const el = await mount(client);
      const from = el.shadowRoot!.querySelector<HTMLInputElement>('[name="from"]')!;
      expect(from.type).to.equal('text');
      expect(from.placeholder).to.equal('jj/mm/aaaa');
      expect(from.getAttribute('aria-label')).to.equal('Créé du');
      expect(el.shadowRoot!.querySelector('[part~="calendar"]')!.getAttribute('aria-label')).to.equal('Choisir la date dans le calendrier : Créé du');

      from.value = '7/6/2000';
      from.dispatchEvent(new Event('change', { bubbles: true }));
      await waitUntil(() => sent.at(-1)?.get('from') === '2000-06-07', 'the typed day is sent as YYYY-MM-DD');
      await settled(el);
      expect(from.value, 'shown back as jj/mm/aaaa').to.equal('07/06/2000');

      const requests = sent.length;
      from.value = '31/02/2020';
      from.dispatchEvent(new Event('change', { bubbles: true }));
      await el.updateComplete;
      expect(part(el, 'field-error')!.textContent).to.equal('Saisissez une date au format jj/mm/aaaa.');
      expect(from.getAttribute('aria-invalid')).to.equal('true');
      expect(sent.length, 'nothing is sent for a day that does not exist').to.equal(requests);

      part(el, 'reset-button')!.click();
      await waitUntil(() => sent.at(-1) && !sent.at(-1)!.has('from'));
      await el.updateComplete;
      expect(part(el, 'field-error')).to.equal(null);
      expect(from.getAttribute('aria-invalid')).to.equal('false');
    });

    it('§5.1 in English the period fields read dd/mm/yyyy', async () => {
      const { client } = await startMocks();
      const el = await mount(client, html`<clr-groups-table lang="en" .client=${client}></clr-groups-table>`);
      const to = el.shadowRoot!.querySelector<HTMLInputElement>('[name="to"]')!;
      expect(to.placeholder).to.equal('dd/mm/yyyy');
      expect(el.shadowRoot!.querySelectorAll('[part~="calendar"]')[1]!.getAttribute('aria-label')).to.match(/^Pick the date in the calendar: /);
    });

    it('many groups: pages of page-size, « Afficher les groupes suivants » loads the next', async () => {
      const { client } = await startMocks({ state: generateCandidates(20) });
      const el = await mount(client, html`<clr-groups-table .client=${client} page-size="15"></clr-groups-table>`);
      expect(parts(el, 'row')).to.have.length(15);
      expect(part(el, 'total')!.textContent).to.contain('15 groupes affichés sur 40');
      part(el, 'more-button')!.click();
      await waitUntil(() => parts(el, 'row').length === 30);
      expect(names(el).at(-1)).not.to.equal(names(el)[0]);
    });

    it('§5.2 « Exporter le tableau » exports exactly what is shown: the search, filters and sort', async () => {
      const { client, mock } = await startMocks({ state: generateCandidates(20) });
      const exports = listRequests(mock, '/api/v1/groups/export.csv');
      const el = await mount(client);
      choose(el, 'category', 'client');
      await settled(el);
      const click = HTMLAnchorElement.prototype.click;
      let name = '';
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        name = this.download;
      };
      try {
        part(el, 'export-button')!.click();
        await waitUntil(() => name !== '');
      } finally {
        HTMLAnchorElement.prototype.click = click;
      }
      expect(Object.fromEntries(exports[0]!)).to.deep.equal({ category: 'client', sort: 'name' });
      expect(name).to.match(/\.csv$/);
      expect(part(el, 'notice')!.textContent).to.contain('Le tableau a été exporté.');
    });
  });

  describe('events', () => {
    it('§5.6 the name and the icon raise clr-group-open', async () => {
      const { client } = await startMocks();
      const el = await mount(client);
      const opened = oneEvent(el, 'clr-group-open');
      rowOf(el, 'Session de septembre').querySelector<HTMLElement>('[part~="show-button"]')!.click();
      const event = await opened;
      expect(event.detail.group.name).to.equal('Session de septembre');
    });

    it('§5.4 hides a group: it goes last, greyed; shown again, it comes back', async () => {
      const { client } = await startMocks();
      const el = await mount(client);
      const changed = oneEvent(el, 'clr-group-change');
      rowOf(el, 'Session de septembre').querySelector<HTMLElement>('[part~="hide-button"]')!.click();
      expect((await changed).detail.change).to.equal('hidden');
      await waitUntil(() => rowOf(el, 'Session de septembre')?.hasAttribute('data-hidden'));
      expect(part(el, 'notice')!.textContent).to.contain('ses candidats ne s’affichent plus');
      const candidates = await client.candidates.list({ limit: 200 });
      expect(candidates.data.some((c) => c.groups.some((g) => g.name === 'Session de septembre'))).to.equal(false);
      rowOf(el, 'Session de septembre').querySelector<HTMLElement>('[part~="hide-button"]')!.click();
      await waitUntil(() => !rowOf(el, 'Session de septembre')?.hasAttribute('data-hidden'));
      expect(names(el)[0]).to.equal('Session de septembre');
    });

    it('§5.5 asks « Supprimer le groupe … ? » and deletes on « Supprimer »; « Annuler » keeps it', async () => {
      const { client } = await withHiddenGroup();
      const el = await mount(client);
      const opener = rowOf(el, 'Anciens clients').querySelector<HTMLElement>('[part~="delete-button"]')!;
      opener.click();
      const confirm = part<HTMLDialogElement>(el, 'confirm')!;
      await waitUntil(() => confirm.open);
      expect(confirm.textContent).to.contain('Supprimer le groupe « Anciens clients » ?');
      await expect(el).to.be.accessible();
      part(el, 'cancel-button')!.click();
      await waitUntil(() => !confirm.open);
      expect(names(el)).to.contain('Anciens clients');

      rowOf(el, 'Anciens clients').querySelector<HTMLElement>('[part~="delete-button"]')!.click();
      await waitUntil(() => confirm.open);
      const changed = oneEvent(el, 'clr-group-change');
      part(el, 'confirm-button')!.click();
      expect((await changed).detail.change).to.equal('deleted');
      await waitUntil(() => !names(el).includes('Anciens clients'));
      expect(part(el, 'notice')!.textContent).to.contain('Le groupe « Anciens clients » a été supprimé.');
    });

    it('a page that prevents clr-group-delete asks itself; deleteGroup() of a group deleted elsewhere says so', async () => {
      const { client } = await withHiddenGroup();
      const el = await mount(client);
      el.addEventListener('clr-group-delete', (e) => e.preventDefault());
      rowOf(el, 'Anciens clients').querySelector<HTMLElement>('[part~="delete-button"]')!.click();
      await el.updateComplete;
      expect(part<HTMLDialogElement>(el, 'confirm')!.open).to.equal(false);
      const group = el.loadedGroups.find((g) => g.name === 'Anciens clients')!;
      await client.groups.delete(group.id);
      expect(await el.deleteGroup(group.id)).to.equal(false);
      expect(part(el, 'action-error')!.textContent).to.contain("Ce groupe n'existe pas.");
      await waitUntil(() => !names(el).includes('Anciens clients'));
    });

    it('§5.3 « Créer un groupe » opens the dialog; the new group appears in the table', async () => {
      const { client } = await startMocks();
      const el = await mount(client);
      part(el, 'create-button')!.click();
      const dialog = el.shadowRoot!.querySelector<ClrGroupDialog>('clr-group-dialog')!;
      await waitUntil(() => dialog.open);
      const root = dialog.shadowRoot!;
      const name = root.querySelector<HTMLInputElement>('[part~="name-input"]')!;
      name.value = 'Classe de 3e B';
      name.dispatchEvent(new Event('input'));
      const select = root.querySelector<HTMLSelectElement>('[part~="category-select"]')!;
      select.value = 'class';
      select.dispatchEvent(new Event('change'));
      await dialog.updateComplete;
      const changed = oneEvent(el, 'clr-group-change');
      root.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
      expect((await changed).detail.change).to.equal('created');
      await waitUntil(() => names(el).includes('Classe de 3e B'));
    });
  });

  describe('keyboard', () => {
    it('one tab stop; arrows, Home/End between cells; Enter on an action cell presses its button', async () => {
      const { client } = await startMocks();
      const el = await mount(client);
      expect(el.shadowRoot!.querySelectorAll('[role="grid"] [tabindex="0"]')).to.have.length(1);
      part(el, 'columnheader')!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(focused(el)!.dataset['row']).to.equal('0');
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(focused(el)!.dataset['col']).to.equal('5');
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(focused(el)!.textContent!.trim()).to.equal('Actions');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(focused(el)!.dataset['col']).to.equal('0');
      const opened = oneEvent(el, 'clr-group-open');
      await sendKeys({ press: 'Enter' });
      expect((await opened).detail.group.name).to.equal('Session de septembre');
      await sendKeys({ press: 'End' });
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(focused(el)!.dataset['col']).to.equal('4');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => rowOf(el, 'Session de septembre')?.hasAttribute('data-hidden'));
    });
  });
});
