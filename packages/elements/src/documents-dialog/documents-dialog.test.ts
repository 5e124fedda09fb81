import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http } from 'msw';
import type { ClrClient } from '@clr/sdk';
import type { MockWorker } from '@clr/mocks/browser';
import '../define/clr-documents-dialog.js';
import { startMocks, stopMocks } from '../../test/mocks.js';
import { waitUntil } from '../../test/wait.js';
import type { ClrDocumentsDialog } from './documents-dialog.js';

let client: ClrClient;
let mock: MockWorker;

interface FakeTab {
  location: { href: string };
  closed: boolean;
  document: { title: string; body: { textContent: string } };
  close(): void;
}
let tabs: FakeTab[] = [];
const realOpen = window.open;

interface Page {
  opener: HTMLButtonElement;
  el: ClrDocumentsDialog;
}

async function page(lang = 'fr'): Promise<Page> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}>
    <button id="opener" @click=${() => wrapper.querySelector('clr-documents-dialog')!.show()}>Générer des documents</button>
    <clr-documents-dialog .client=${client}></clr-documents-dialog>
  </div>`);
  const el = wrapper.querySelector('clr-documents-dialog')!;
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  opener.click();
  await el.updateComplete;
  return { opener, el };
}

const root = (el: ClrDocumentsDialog) => el.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const part = <T extends Element = HTMLButtonElement>(el: ClrDocumentsDialog, name: string) => root(el).querySelector<T>(`[part~="${name}"]`);
const rows = (el: ClrDocumentsDialog) => [...root(el).querySelectorAll<HTMLTableRowElement>('tbody tr')];

async function choose(el: ClrDocumentsDialog, label: string): Promise<void> {
  const radio = [...root(el).querySelectorAll<HTMLLabelElement>('[part~="kinds"] label')].find((l) => text(l) === label)!.querySelector('input')!;
  radio.click();
  await el.updateComplete;
  part(el, 'select')!.click();
  await el.updateComplete;
  await waitUntil(() => rows(el).length > 0 || root(el).querySelector('.empty'), 'the eligible candidates are listed');
}

function check(el: ClrDocumentsDialog, name: string): void {
  const box = root(el).querySelector<HTMLInputElement>(`input[aria-label="Sélectionner ${name}"]`)!;
  box.click();
}

describe('<clr-documents-dialog>', () => {
  beforeEach(async () => {
    ({ client, mock } = await startMocks());
    tabs = [];
    window.open = (() => {
      const tab: FakeTab = { location: { href: '' }, closed: false, document: { title: '', body: { textContent: '' } }, close: () => void (tab.closed = true) };
      tabs.push(tab);
      return tab as unknown as Window;
    }) as typeof window.open;
  });
  afterEach(() => {
    window.open = realOpen;
    stopMocks();
  });

  describe('accessibility', () => {
    it('passes axe on the choice of document, on the list, and while generating', async () => {
      const { el } = await page();
      await expect(el).to.be.accessible();
      await choose(el, 'Bilan détaillé');
      await expect(el).to.be.accessible();
      mock.worker.use(http.get('/api/v1/documents/:kind', () => delay('infinite')));
      check(el, 'LEFÈVRE Élodie');
      part(el, 'generate')!.click();
      await waitUntil(() => part(el, 'progress'), 'the progress bar is shown');
      await expect(el).to.be.accessible();
    });

    it('passes axe in English', async () => {
      const { el } = await page('en');
      expect(text(part(el, 'title'))).to.equal('Generate documents');
      await expect(el).to.be.accessible();
    });
  });

  describe('properties', () => {
    it('§6.10 « Sélectionner le type de document », then the candidates whose document is available (R18)', async () => {
      const { el } = await page();
      expect(text(part(el, 'kinds'))).to.contain('Sélectionner le type de document à générer :');
      expect([...root(el).querySelectorAll('[part~="kinds"] label')].map(text)).to.deep.equal(['Bilan détaillé', 'Attestation d’inscription', 'Attestation de passage']);
      await choose(el, 'Attestation de passage');
      const eligible = await client.documents.eligible('attendance', { limit: 200 });
      expect(rows(el)).to.have.length(eligible.total);
      expect(text(part(el, 'title'))).to.equal('Générer les documents — Attestation de passage');
    });

    it('the search and the group filter narrow the list; « Tout sélectionner » takes every candidate kept', async () => {
      const { el } = await page();
      await choose(el, 'Bilan détaillé');
      const search = part<HTMLInputElement>(el, 'search')!;
      search.value = 'lefèvre';
      search.dispatchEvent(new Event('input'));
      await waitUntil(() => rows(el).length === 1, 'one candidate left');
      expect(text(rows(el)[0])).to.contain('LEFÈVRE Élodie');
      part(el, 'select-all')!.click();
      await waitUntil(() => text(part(el, 'status')) === '1 candidat sélectionné', 'selected');
      search.value = '';
      search.dispatchEvent(new Event('input'));
      await waitUntil(() => rows(el).length > 1, 'every candidate back');
      expect(text(part(el, 'status'))).to.equal('Aucun candidat sélectionné');
      part(el, 'select-all')!.click();
      const total = (await client.documents.eligible('report', { limit: 1 })).total;
      await waitUntil(() => text(part(el, 'status')) === `${total} candidats sélectionnés`, 'all selected');
      expect(el.selectedIds).to.have.length(total);
    });

    it('« Générer » without a selection says what to do', async () => {
      const { el } = await page();
      await choose(el, 'Bilan détaillé');
      part(el, 'generate')!.click();
      await el.updateComplete;
      expect(text(part(el, 'error'))).to.equal('Sélectionnez au moins un candidat.');
    });
  });

  describe('events', () => {
    it('« Générer » opens one merged PDF of the chosen candidates in a new tab', async () => {
      const { el } = await page();
      await choose(el, 'Bilan détaillé');
      check(el, 'LEFÈVRE Élodie');
      check(el, 'DUPONT-MOREAU Jean-Baptiste');
      await el.updateComplete;
      const opened = oneEvent(el, 'clr-document-open');
      part(el, 'generate')!.click();
      const { detail } = await opened;
      expect(detail.kind).to.equal('report');
      expect(detail.candidateIds).to.deep.equal(['cand_00000001', 'cand_00000002']);
      expect(detail.shown).to.equal('tab');
      const bytes = new Uint8Array(await (await fetch(tabs[0]!.location.href)).arrayBuffer());
      expect(new TextDecoder('latin1').decode(bytes.slice(0, 5))).to.equal('%PDF-');
    });

    it('or a ZIP of one PDF each, downloaded', async () => {
      const { el } = await page();
      await choose(el, 'Bilan détaillé');
      check(el, 'LEFÈVRE Élodie');
      check(el, 'DUPONT-MOREAU Jean-Baptiste');
      root(el).querySelector<HTMLInputElement>('input[name="format"][value="zip"]')!.click();
      await el.updateComplete;
      const opened = oneEvent(el, 'clr-document-open');
      part(el, 'generate')!.click();
      expect((await opened).detail.shown).to.equal('download');
      expect(tabs).to.have.length(0);
      await el.updateComplete;
      expect(text(root(el).querySelector('.done'))).to.equal('Le fichier ZIP est téléchargé.');
    });

    it('a long generation shows progress and « Annuler la génération » stops it', async () => {
      mock.worker.use(http.get('/api/v1/documents/:kind', () => delay('infinite')));
      const { el } = await page();
      await choose(el, 'Bilan détaillé');
      part(el, 'select-all')!.click();
      await waitUntil(() => el.selectedIds.length > 1, 'all selected');
      part(el, 'generate')!.click();
      await waitUntil(() => part(el, 'progress'), 'the progress bar is shown');
      expect(text(part(el, 'footer'))).to.contain(`Génération du document pour ${el.selectedIds.length} candidat(s)…`);
      part(el, 'cancel')!.click();
      await waitUntil(() => !part(el, 'progress'), 'the generation stops');
      expect(text(root(el).querySelector('.done'))).to.equal('La génération est annulée.');
      expect(tabs[0]!.closed).to.equal(true);
    });
  });

  describe('keyboard', () => {
    it('focus moves in on opening, Escape closes and gives the focus back to the opener', async () => {
      const { el, opener } = await page();
      expect(root(el).activeElement?.getAttribute('name')).to.equal('kind');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => rows(el).length > 0, 'the list is shown');
      expect(text(part(el, 'title'))).to.contain('Attestation d’inscription');
      const closed = oneEvent(el, 'clr-dialog-close');
      await sendKeys({ press: 'Escape' });
      await closed;
      expect(document.activeElement).to.equal(opener);
    });
  });
});
