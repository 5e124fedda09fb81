import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';
import type { ClrClient } from '@clr/sdk';
import { generateCandidates, type MockWorker } from '@clr/mocks/browser';
import '../define/clr-associate-candidates-dialog.js';
import type { ClrAssociateCandidatesDialog } from './associate-candidates-dialog.js';
import { waitUntil } from '../../test/wait.js';
import { startMocks, stopMocks } from '../../test/mocks.js';

const root = (el: ClrAssociateCandidatesDialog) => el.shadowRoot!;
const part = <T extends Element = HTMLElement>(el: ClrAssociateCandidatesDialog, name: string) => root(el).querySelector<T>(`[part~="${name}"]`);
const rows = (el: ClrAssociateCandidatesDialog) => [...root(el).querySelectorAll<HTMLTableRowElement>('[part~="row"]')];
const box = (row: HTMLTableRowElement) => row.querySelector<HTMLInputElement>('input[type="checkbox"]')!;

function requests(mock: MockWorker, path: string): URLSearchParams[] {
  const seen: URLSearchParams[] = [];
  mock.worker.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname === path) seen.push(url.searchParams);
  });
  return seen;
}

async function mount(client: ClrClient, groupId: string, lang = 'fr'): Promise<{ el: ClrAssociateCandidatesDialog; opener: HTMLButtonElement }> {
  const holder = await fixture<HTMLElement>(html`<div lang=${lang}>
    <button id="opener">Associer des candidats</button>
    <clr-associate-candidates-dialog .client=${client} group-id=${groupId}></clr-associate-candidates-dialog>
  </div>`);
  const el = holder.querySelector('clr-associate-candidates-dialog')!;
  const opener = holder.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  el.show();
  const status = () => part(el, 'status')?.textContent;
  await waitUntil(() => rows(el).length > 0 || part(el, 'error') || (status() !== undefined && status() !== 'Chargement…'), 'the list did not load');
  await el.updateComplete;
  return { el, opener };
}

async function septembre(client: ClrClient) {
  return (await client.groups.list()).data.find((g) => g.name === 'Session de septembre')!;
}

describe('<clr-associate-candidates-dialog>', () => {
  before(async () => {
    await startMocks();
    await expect(await fixture(html`<p>Chargement…</p>`)).to.be.accessible();
  });
  afterEach(() => stopMocks());

  describe('accessibility', () => {
    it('§5.9 lists every candidate not in the group, and is accessible', async () => {
      const { client } = await startMocks();
      const group = await septembre(client);
      const { el } = await mount(client, group.id);
      expect(part(el, 'title')!.textContent).to.equal('Associer un ou plusieurs candidats');
      const members = await client.groups.candidates(group.id, { limit: 200 });
      const all = await client.candidates.list({ limit: 200, includeHidden: true });
      expect(rows(el)).to.have.length(all.total - members.total);
      const memberIds = new Set(members.data.map((m) => m.id));
      expect(rows(el).every((r) => !memberIds.has(r.dataset['candidateId']!))).to.equal(true);
      expect(root(el).activeElement).to.equal(part(el, 'search'));
      await expect(el).to.be.accessible();
    });

    it('is accessible loading, empty, in error and in English', async () => {
      const { client, mock } = await startMocks();
      const group = await septembre(client);
      mock.worker.use(http.get(`/api/v1/groups/${group.id}/associable`, () => delay('infinite'), { once: true }));
      const holder = await fixture<HTMLElement>(html`<div><clr-associate-candidates-dialog .client=${client} group-id=${group.id} open></clr-associate-candidates-dialog></div>`);
      const loading = holder.querySelector('clr-associate-candidates-dialog')!;
      await waitUntil(() => part(loading, 'status'));
      expect(part(loading, 'status')!.textContent).to.equal('Chargement…');
      await expect(loading).to.be.accessible();
      loading.close();

      mock.worker.use(http.get(`/api/v1/groups/${group.id}/associable`, () => HttpResponse.error(), { once: true }));
      const { el: failed } = await mount(client, group.id);
      await waitUntil(() => part(failed, 'error'));
      expect(part(failed, 'error')!.textContent).to.contain('Le serveur ne répond pas');
      await expect(failed).to.be.accessible();
      failed.close();

      const { el: english } = await mount(client, group.id, 'en');
      expect(part(english, 'associate')!.textContent!.trim()).to.equal('Add the candidates');
      const search = part<HTMLInputElement>(english, 'search')!;
      search.value = 'zzzz-nobody';
      search.dispatchEvent(new Event('input'));
      search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      await waitUntil(() => part(english, 'status')?.textContent === 'No candidate matches the search and filters.');
      await expect(english).to.be.accessible();
    });
  });

  describe('properties', () => {
    it('searches and filters by status, group and period; « Réinitialiser les filtres » clears them and the ticks', async () => {
      const { client, mock } = await startMocks({ state: generateCandidates(120) });
      const groups = (await client.groups.list({ limit: 50 })).data;
      const target = groups[0]!;
      const other = groups[1]!;
      const sent = requests(mock, `/api/v1/groups/${target.id}/associable`);
      const { el } = await mount(client, target.id);
      box(rows(el)[0]!).click();
      await el.updateComplete;
      expect(el.selectedIds).to.have.length(1);
      const status = root(el).querySelector<HTMLSelectElement>('[name="status"]')!;
      status.value = 'taken';
      status.dispatchEvent(new Event('change'));
      await waitUntil(() => sent.at(-1)?.get('status') === 'taken');
      expect(el.selectedIds).to.have.length(0);
      await waitUntil(() => root(el).querySelector('[name="groupId"] option[value="' + other.id + '"]'));
      expect(root(el).querySelector('[name="groupId"] option[value="' + target.id + '"]')).to.equal(null);
      const group = root(el).querySelector<HTMLSelectElement>('[name="groupId"]')!;
      group.value = other.id;
      group.dispatchEvent(new Event('change'));
      await waitUntil(() => sent.at(-1)?.get('groupId') === other.id);
      const from = root(el).querySelector<HTMLInputElement>('[name="from"]')!;
      from.value = '2020-01-01';
      from.dispatchEvent(new Event('change'));
      await waitUntil(() => sent.at(-1)?.get('from') === '2020-01-01' && sent.at(-1)?.get('status') === 'taken');
      part(el, 'reset')!.click();
      await waitUntil(() => sent.at(-1) && ![...sent.at(-1)!.keys()].some((k) => ['status', 'groupId', 'from', 'q'].includes(k)));
    });

    it('ticks are kept across pages; the header box ticks the candidates displayed', async () => {
      const { client } = await startMocks({ state: generateCandidates(120) });
      const target = (await client.groups.list()).data[0]!;
      const { el } = await mount(client, target.id);
      expect(rows(el)).to.have.length(50);
      box(rows(el)[0]!).click();
      part(el, 'more')!.click();
      await waitUntil(() => rows(el).length === 100);
      expect(box(rows(el)[0]!).checked).to.equal(true);
      part<HTMLInputElement>(el, 'select-all')!.click();
      await el.updateComplete;
      expect(el.selectedIds).to.have.length(100);
      expect(part(el, 'summary')!.textContent).to.contain('100 candidats sélectionnés');
    });
  });

  describe('events', () => {
    it('« Associer les candidats » adds them at once; a candidate may belong to several groups', async () => {
      const { client } = await startMocks();
      const other = await client.groups.create({ name: 'Classe de 3e B', category: 'class' });
      const group = await septembre(client);
      const member = (await client.groups.candidates(group.id, { limit: 1 })).data[0]!;
      const { el, opener } = await mount(client, other.id);
      const row = rows(el).find((r) => r.dataset['candidateId'] === member.id)!;
      box(row).click();
      box(rows(el).find((r) => r !== row)!).click();
      await el.updateComplete;
      const associated = oneEvent(el, 'clr-candidates-associate');
      part(el, 'associate')!.click();
      const event = await associated;
      expect(event.detail.added).to.have.length(2);
      expect(event.detail.group.memberCount).to.equal(2);
      await waitUntil(() => !el.open);
      expect(document.activeElement).to.equal(opener);
      const file = await client.candidates.retrieve(member.id);
      expect(file.groups.map((g) => g.name).sort()).to.deep.equal(['Classe de 3e B', 'Session de septembre']);
    });

    it('« Retour » closes without associating; « Associer les candidats » waits for a tick', async () => {
      const { client } = await startMocks();
      const group = await septembre(client);
      const { el, opener } = await mount(client, group.id);
      expect(part<HTMLButtonElement>(el, 'associate')!.disabled).to.equal(true);
      expect(part(el, 'summary')!.textContent).to.contain('Aucun candidat sélectionné');
      const closed = oneEvent(el, 'clr-dialog-close');
      part(el, 'back')!.click();
      await closed;
      expect(document.activeElement).to.equal(opener);
    });
  });

  describe('keyboard', () => {
    it('Space ticks a box, Tab stays inside, Escape closes', async () => {
      const { client } = await startMocks();
      const group = await septembre(client);
      const { el, opener } = await mount(client, group.id);
      box(rows(el)[0]!).focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.selectedIds).to.have.length(1);
      for (let i = 0; i < 40; i += 1) await sendKeys({ press: 'Tab' });
      expect(part(el, 'dialog')!.contains(root(el).activeElement)).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !el.open);
      expect(document.activeElement).to.equal(opener);
    });
  });
});
