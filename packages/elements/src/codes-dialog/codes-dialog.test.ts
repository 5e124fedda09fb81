import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../test/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { delay, http, HttpResponse } from 'msw';
import { formatDate, SELECTION_MAX } from '@clr/domain';
import type { ClrClient } from '@clr/sdk';
import { generateCandidates } from '@clr/mocks/browser';
import '../define/clr-codes-dialog.js';
import { startMocks, stopMocks } from '../../test/mocks.js';
import { CODES_PAGE_SIZE, type ClrCodesDialog } from './codes-dialog.js';

/** The demo's one candidate holding an activation code (an « Examen blanc - sur site »). */
const PERRIN = 'cand_00000013';
/** A demo candidate with an exam that needs no code (« Examen blanc - à distance »). */
const NO_CODE = 'cand_00000012';

interface Page {
  wrapper: HTMLDivElement;
  opener: HTMLButtonElement;
  el: ClrCodesDialog;
}

/** An « Afficher les codes » button that opens the dialog, as a page would have it. */
async function page(client: ClrClient, options: { candidateId?: string; candidateIds?: string[]; lang?: string } = {}): Promise<Page> {
  const wrapper = await fixture<HTMLDivElement>(html`
    <div lang=${options.lang ?? 'fr'}>
      <button id="opener" @click=${() => (wrapper.querySelector('clr-codes-dialog') as ClrCodesDialog).show()}>Afficher les codes</button>
      <clr-codes-dialog
        .client=${client}
        candidate-id=${ifDefined(options.candidateId)}
        .candidateIds=${options.candidateIds ?? []}
      ></clr-codes-dialog>
    </div>
  `);
  const el = wrapper.querySelector('clr-codes-dialog')!;
  await el.updateComplete;
  return { wrapper, opener: wrapper.querySelector<HTMLButtonElement>('#opener')!, el };
}

async function openFromButton(p: Page): Promise<void> {
  p.opener.focus();
  p.opener.click();
  await p.el.updateComplete;
}

function root(el: ClrCodesDialog): ShadowRoot {
  return el.shadowRoot!;
}

function dialog(el: ClrCodesDialog): HTMLDialogElement {
  return root(el).querySelector('dialog')!;
}

function bodyRows(el: ClrCodesDialog): HTMLTableRowElement[] {
  return [...root(el).querySelectorAll<HTMLTableRowElement>('tbody tr')];
}

async function listShown(el: ClrCodesDialog): Promise<void> {
  await waitUntil(() => root(el).querySelector('[part~="select-all"]'), 'the candidates are listed');
}

function button(el: ClrCodesDialog, part: string): HTMLButtonElement {
  return root(el).querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;
}

/** `n` candidates of the space holding an activation code. */
async function codeHolders(client: ClrClient, n: number): Promise<string[]> {
  const ids = (await client.codes.candidates({ limit: 200 })).data.map((row) => row.id);
  expect(ids.length).to.be.at.least(n);
  return ids.slice(0, n);
}

async function codesShown(el: ClrCodesDialog): Promise<void> {
  await waitUntil(() => root(el).querySelector('[part~="code"], [part~="notice"]'), 'the codes are shown');
}

function shownCodes(el: ClrCodesDialog): string[] {
  return [...root(el).querySelectorAll('[part~="code"]')].map((c) => c.textContent!.trim());
}

/** The lines of a downloaded CSV, without the BOM. */
async function csvLines(blob: Blob): Promise<string[]> {
  return (await blob.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
}

function checkboxOf(row: HTMLTableRowElement): HTMLInputElement {
  return row.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
}

/** Captures what « Exporter » hands to the browser: the Blob and the file name. */
function captureDownload(): { done: Promise<{ blob: Blob; name: string }>; restore: () => void } {
  const createObjectURL = URL.createObjectURL;
  const click = HTMLAnchorElement.prototype.click;
  let blob: Blob | undefined;
  let resolve!: (value: { blob: Blob; name: string }) => void;
  const done = new Promise<{ blob: Blob; name: string }>((r) => (resolve = r));
  URL.createObjectURL = (object: Blob | MediaSource) => {
    blob = object as Blob;
    return createObjectURL.call(URL, object);
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download && blob) resolve({ blob, name: this.download });
  };
  return {
    done,
    restore: () => {
      URL.createObjectURL = createObjectURL;
      HTMLAnchorElement.prototype.click = click;
    },
  };
}

describe('<clr-codes-dialog>', () => {
  // axe-core is fetched by the first accessibility check (seconds on a loaded machine): fetched once here,
  // so no test's own budget pays for it (the shared limit, 60 s, leaves room for that cold load).
  before(async () => {
    await expect(await fixture(html`<p>Chargement…</p>`)).to.be.accessible();
  });
  afterEach(() => stopMocks());

  describe('accessibility', () => {
    it('is accessible closed, and shows nothing', async () => {
      const { client } = await startMocks();
      const { el } = await page(client);
      expect(dialog(el).open).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('is accessible open on a candidate\'s code', async () => {
      const { client } = await startMocks();
      const p = await page(client, { candidateId: PERRIN });
      await openFromButton(p);
      await waitUntil(() => root(p.el).querySelector('[part~="code"]'), 'the code is shown');
      await expect(p.el).to.be.accessible();
    });

    it('is accessible open on the list of candidates, and on the codes of the selection', async () => {
      const { client } = await startMocks({ state: generateCandidates(300) });
      const p = await page(client);
      await openFromButton(p);
      await listShown(p.el);
      await expect(p.el).to.be.accessible();
      checkboxOf(bodyRows(p.el)[0]!).click();
      await p.el.updateComplete;
      button(p.el, 'show-codes').click();
      await waitUntil(() => root(p.el).querySelector('[part~="code"]'), 'the codes are shown');
      await expect(p.el).to.be.accessible();
    });

    it('is accessible open on the codes of a given selection (candidateIds), one of them without a code', async () => {
      const { client } = await startMocks();
      const p = await page(client, { candidateIds: [PERRIN, NO_CODE] });
      await openFromButton(p);
      await waitUntil(() => root(p.el).querySelector('[part~="code"]'), 'the code is shown');
      await expect(p.el).to.be.accessible();
    });

    it('is accessible while the list loads', async () => {
      const { client, mock } = await startMocks();
      mock.worker.use(http.get('/api/v1/activation-codes/candidates', () => delay('infinite')));
      const p = await page(client);
      await openFromButton(p);
      expect(root(p.el).querySelector('[role="status"]')!.textContent).to.contain('Chargement…');
      await expect(p.el).to.be.accessible();
    });

    it('is accessible when the list cannot be loaded, and « Réessayer » loads it', async () => {
      const { client, mock } = await startMocks();
      mock.worker.use(http.get('/api/v1/activation-codes/candidates', () => HttpResponse.error(), { once: true }));
      const p = await page(client);
      await openFromButton(p);
      await waitUntil(() => root(p.el).querySelector('[role="alert"]'), 'the error is shown');
      expect(root(p.el).querySelector('[role="alert"]')!.textContent).to.contain('Le serveur ne répond pas');
      await expect(p.el).to.be.accessible();
      root(p.el).querySelector<HTMLButtonElement>('[role="alert"] + button')!.click();
      await listShown(p.el);
    });

    it('is accessible when no candidate has a code', async () => {
      const { client } = await startMocks({ state: 'empty' });
      const p = await page(client);
      await openFromButton(p);
      await waitUntil(() => root(p.el).textContent!.includes('Aucun candidat n’a d’examen attribué avec un code d’activation.'), 'the empty message is shown');
      expect(root(p.el).querySelector('[part~="show-codes"]')!.hasAttribute('disabled')).to.equal(true);
      await expect(p.el).to.be.accessible();
    });
  });

  describe('properties', () => {
    it('is a modal dialog labelled by its title, opened by open, show() and closed by close()', async () => {
      const { client } = await startMocks();
      const { el } = await page(client, { candidateId: PERRIN });
      el.open = true;
      await el.updateComplete;
      expect(dialog(el).open).to.equal(true);
      expect(dialog(el).matches(':modal')).to.equal(true);
      expect(el.hasAttribute('open')).to.equal(true);
      const title = root(el).getElementById(dialog(el).getAttribute('aria-labelledby')!)!;
      expect(title.textContent).to.equal('Afficher le code d’activation');
      el.close();
      await el.updateComplete;
      expect(dialog(el).open).to.equal(false);
      expect(el.hasAttribute('open')).to.equal(false);
      el.setAttribute('open', '');
      await el.updateComplete;
      expect(dialog(el).open).to.equal(true);
    });

    it('R15 shows a candidate\'s code with the exam type, the exam date and the deadline', async () => {
      const { client } = await startMocks();
      const [row] = (await client.codes.list({ candidateIds: [PERRIN] })).data;
      const candidate = await client.candidates.retrieve(PERRIN);
      const p = await page(client, { candidateId: PERRIN });
      await openFromButton(p);
      await waitUntil(() => root(p.el).querySelector('[part~="code"]'), 'the code is shown');
      const cells = [...bodyRows(p.el)[0]!.children].map((c) => c.textContent!.trim());
      expect(cells).to.deep.equal([
        'PERRIN Zoé',
        row!.email,
        'Prévue',
        'Examen blanc - sur site',
        formatDate(row!.date),
        formatDate(candidate.assignment!.deadline),
        row!.code,
      ]);
    });

    it('R15 says in the manual\'s words that a candidate without a code has none (La Poste exams never show one)', async () => {
      const { client } = await startMocks();
      const p = await page(client, { candidateId: NO_CODE });
      await openFromButton(p);
      await waitUntil(() => root(p.el).querySelector('[part~="notice"]'), 'the notice is shown');
      const text = root(p.el).querySelector('[part~="notice"]')!.textContent!;
      expect(text).to.contain('Ce candidat n’a pas d’examen attribué avec un code d’activation.');
      expect(text).to.contain('c’est-à-dire ceux qui ne se déroulent pas dans un centre La Poste');
      expect(root(p.el).querySelector('[part~="export"]')).to.equal(null);
    });

    it('lists only the candidates with an activation code, and searches them by name', async () => {
      const { client } = await startMocks({ state: generateCandidates(300) });
      const expected = await client.codes.candidates({ limit: 200 });
      const p = await page(client);
      await openFromButton(p);
      await listShown(p.el);
      expect(bodyRows(p.el).length).to.equal(expected.total);
      const target = expected.data[2]!;
      const search = root(p.el).querySelector<HTMLInputElement>('[part~="search"]')!;
      search.value = target.email;
      search.dispatchEvent(new Event('input'));
      await waitUntil(() => bodyRows(p.el).length === 1, 'the search keeps one candidate');
      expect(bodyRows(p.el)[0]!.dataset['candidateId']).to.equal(target.id);
      button(p.el, 'reset').click();
      await waitUntil(() => bodyRows(p.el).length === expected.total, '« Réinitialiser les filtres » shows them all again');
      expect(search.value).to.equal('');
    });

    it('pages a long list: « Afficher les candidats suivants », and « Tout sélectionner » takes every filtered candidate', async () => {
      const { client } = await startMocks({ state: generateCandidates(1500) });
      const p = await page(client);
      await openFromButton(p);
      await listShown(p.el);
      const total = (await client.codes.candidates({ limit: 1 })).total;
      expect(total).to.be.greaterThan(CODES_PAGE_SIZE);
      expect(bodyRows(p.el).length).to.equal(CODES_PAGE_SIZE);
      const shown = () => root(p.el).querySelector('.more .status')!.textContent!.trim();
      expect(shown()).to.equal(`${CODES_PAGE_SIZE} candidats affichés sur ${total}`);
      button(p.el, 'more').click();
      await waitUntil(() => bodyRows(p.el).length > CODES_PAGE_SIZE, 'the next page is shown');
      expect(bodyRows(p.el).length).to.equal(Math.min(total, 2 * CODES_PAGE_SIZE));
      root(p.el).querySelector<HTMLInputElement>('[part~="select-all"]')!.click();
      await waitUntil(() => bodyRows(p.el).length === total, 'every candidate is loaded and selected');
      await p.el.updateComplete;
      expect(shown(), 'every row shown: the count alone').to.equal(`${total} candidats`);
      expect(bodyRows(p.el).every((r) => checkboxOf(r).checked)).to.equal(true);
      expect(root(p.el).querySelector('#selection-summary')!.textContent).to.contain(`${total} candidats sélectionnés`);
      root(p.el).querySelector<HTMLInputElement>('[part~="select-all"]')!.click();
      await p.el.updateComplete;
      expect(bodyRows(p.el).some((r) => checkboxOf(r).checked)).to.equal(false);
    });

    it('labels each selection checkbox with the candidate\'s name, and « Afficher les codes » waits for a choice', async () => {
      const { client } = await startMocks();
      const p = await page(client);
      await openFromButton(p);
      await listShown(p.el);
      expect(checkboxOf(bodyRows(p.el)[0]!).getAttribute('aria-label')).to.equal('Sélectionner PERRIN Zoé');
      expect(root(p.el).querySelector('.more .status')!.textContent!.trim(), 'one candidate, in the singular').to.equal('1 candidat');
      expect(button(p.el, 'show-codes').disabled).to.equal(true);
      expect(root(p.el).querySelector('#selection-summary')!.textContent).to.contain('Aucun candidat sélectionné');
    });

    it('R15 candidateIds: opens straight on the codes of exactly the selected candidates, no list to choose from', async () => {
      const { client } = await startMocks({ state: generateCandidates(300) });
      const ids = await codeHolders(client, 3);
      const expected = (await client.codes.list({ candidateIds: ids })).data;
      const p = await page(client, { candidateIds: ids });
      await openFromButton(p);
      await codesShown(p.el);
      expect(root(p.el).querySelector('h2')!.textContent).to.equal('Afficher les codes d’activation');
      expect(root(p.el).querySelector('[part~="search"], [part~="select-all"], [part~="show-codes"]')).to.equal(null);
      expect(bodyRows(p.el).map((r) => r.dataset['candidateId']).sort()).to.deep.equal([...ids].sort());
      expect(shownCodes(p.el).sort()).to.deep.equal(expected.map((r) => r.code).sort());
      expect(root(p.el).querySelector('[part~="notice"]')).to.equal(null);
      expect(button(p.el, 'back').textContent!.trim()).to.equal('Fermer');
    });

    it('R15 candidateIds: a selected candidate without a code is left out and counted; with none holding a code, the manual’s words', async () => {
      const { client } = await startMocks();
      const p = await page(client, { candidateIds: [PERRIN, NO_CODE] });
      await openFromButton(p);
      await waitUntil(() => root(p.el).querySelector('[part~="code"]'), 'the code is shown');
      expect(bodyRows(p.el).map((r) => r.dataset['candidateId'])).to.deep.equal([PERRIN]);
      expect(root(p.el).querySelector('[part~="notice"]')!.textContent).to.contain(
        'Un des candidats sélectionnés n’a pas d’examen attribué avec un code d’activation',
      );

      p.el.candidateIds = [NO_CODE, 'cand_00000001'];
      await waitUntil(() => root(p.el).querySelector('[part~="notice"]') && !root(p.el).querySelector('[part~="code"]'), 'the notice is shown');
      const text = root(p.el).querySelector('[part~="notice"]')!.textContent!;
      expect(text).to.contain('Aucun des candidats sélectionnés n’a d’examen attribué avec un code d’activation.');
      expect(text).to.contain('c’est-à-dire ceux qui ne se déroulent pas dans un centre La Poste');
      expect(button(p.el, 'export').disabled).to.equal(true);
    });

    it('candidateIds wins over candidate-id; emptied, candidate-id shows its one code again', async () => {
      const { client } = await startMocks({ state: generateCandidates(300) });
      const [one, ...others] = await codeHolders(client, 3);
      const p = await page(client, { candidateId: one!, candidateIds: others });
      await openFromButton(p);
      await codesShown(p.el);
      expect(bodyRows(p.el).map((r) => r.dataset['candidateId']).sort()).to.deep.equal([...others].sort());
      p.el.candidateIds = [];
      await waitUntil(() => root(p.el).querySelector('h2')!.textContent === 'Afficher le code d’activation', 'the one candidate\'s view');
      await waitUntil(() => shownCodes(p.el).length === 1, 'the one code is shown');
      const [own] = (await client.codes.list({ candidateIds: [one!] })).data;
      expect(shownCodes(p.el)).to.deep.equal([own!.code]);
    });

    it(`candidateIds refuses more than ${SELECTION_MAX} candidates, asking for none`, async () => {
      const { client, mock } = await startMocks();
      let asked = 0;
      mock.worker.use(http.get('/api/v1/activation-codes', () => void (asked += 1)));
      const ids = Array.from({ length: SELECTION_MAX + 1 }, (_, i) => `cand_${String(i + 1).padStart(8, '0')}`);
      const p = await page(client, { candidateIds: ids });
      await openFromButton(p);
      await waitUntil(() => root(p.el).querySelector('[role="alert"]'), 'the refusal is shown');
      expect(root(p.el).querySelector('[role="alert"]')!.textContent).to.contain(`Sélectionnez au plus ${SELECTION_MAX} candidats.`);
      expect(button(p.el, 'export').disabled).to.equal(true);
      expect(asked).to.equal(0);
    });

    it('speaks English under lang="en"', async () => {
      const { client } = await startMocks();
      const p = await page(client, { lang: 'en' });
      await openFromButton(p);
      await listShown(p.el);
      expect(root(p.el).querySelector('h2')!.textContent).to.equal('Show the activation codes');
      expect([...root(p.el).querySelectorAll('thead th')].map((th) => th.textContent!.trim())).to.deep.equal([
        'Select all',
        'Name',
        'E-mail',
        'Status',
        'Exam date',
      ]);
      expect(bodyRows(p.el)[0]!.textContent).to.contain('Scheduled');
    });
  });

  describe('events', () => {
    it('fires clr-dialog-close when closed with its button, and gives the focus back to the opener', async () => {
      const { client } = await startMocks();
      const p = await page(client, { candidateId: PERRIN });
      await openFromButton(p);
      const closed = oneEvent(p.el, 'clr-dialog-close');
      button(p.el, 'close').click();
      const event = await closed;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(p.el.open).to.equal(false);
      expect(document.activeElement).to.equal(p.opener);
    });

    it('R15 bulk: the selected candidates → « Afficher les codes » → their codes → « Exporter » downloads exactly those codes', async () => {
      const { client } = await startMocks({ state: generateCandidates(300) });
      const p = await page(client);
      await openFromButton(p);
      await listShown(p.el);
      const chosen = bodyRows(p.el).slice(1, 4);
      const ids = chosen.map((r) => r.dataset['candidateId']!);
      for (const row of chosen) checkboxOf(row).click();
      await p.el.updateComplete;
      expect(root(p.el).querySelector('#selection-summary')!.textContent).to.contain('3 candidats sélectionnés');
      button(p.el, 'show-codes').click();
      await waitUntil(() => root(p.el).querySelector('[part~="code"]'), 'the codes are shown');
      const expected = (await client.codes.list({ candidateIds: ids })).data;
      expect(bodyRows(p.el).map((r) => r.dataset['candidateId']).sort()).to.deep.equal([...ids].sort());
      const shownCodes = [...root(p.el).querySelectorAll('[part~="code"]')].map((c) => c.textContent!.trim());
      expect(shownCodes.sort()).to.deep.equal(expected.map((r) => r.code).sort());

      const capture = captureDownload();
      try {
        button(p.el, 'export').click();
        const { blob, name } = await capture.done;
        const text = await blob.text();
        expect(name).to.match(/\.csv$/);
        const lines = text.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
        expect(lines.length).to.equal(1 + ids.length);
        for (const code of shownCodes) expect(text).to.contain(code);
        const others = (await client.codes.list({ limit: 200 })).data.filter((r) => !ids.includes(r.candidateId));
        for (const other of others) expect(text).not.to.contain(other.code);
      } finally {
        capture.restore();
      }
      await waitUntil(() => root(p.el).textContent!.includes('a été généré'), 'the export is announced');
      button(p.el, 'back').click();
      await p.el.updateComplete;
      expect(bodyRows(p.el).filter((r) => checkboxOf(r).checked).length).to.equal(3);
    });

    it('R15 candidateIds: « Exporter » downloads exactly the selection’s codes', async () => {
      const { client } = await startMocks({ state: generateCandidates(300) });
      const ids = await codeHolders(client, 4);
      const p = await page(client, { candidateIds: ids });
      await openFromButton(p);
      await codesShown(p.el);
      const codes = shownCodes(p.el);
      expect(codes.length).to.equal(ids.length);
      const capture = captureDownload();
      try {
        button(p.el, 'export').click();
        const { blob, name } = await capture.done;
        expect(name).to.match(/\.csv$/);
        const lines = await csvLines(blob);
        expect(lines.length).to.equal(1 + ids.length);
        for (const code of codes) expect(lines.filter((line) => line.split(';').includes(code)).length).to.equal(1);
        const others = (await client.codes.list({ limit: 200 })).data.filter((r) => !ids.includes(r.candidateId));
        expect(others.length).to.be.greaterThan(0);
        for (const other of others) expect(lines.join('\n')).not.to.contain(other.code);
      } finally {
        capture.restore();
      }
      await waitUntil(() => root(p.el).textContent!.includes('a été généré'), 'the export is announced');
    });

    it('R15 candidateIds: « Exporter » leaves out the selected candidate without a code', async () => {
      const { client } = await startMocks();
      const p = await page(client, { candidateIds: [PERRIN, NO_CODE] });
      await openFromButton(p);
      await waitUntil(() => root(p.el).querySelector('[part~="code"]'), 'the code is shown');
      const [code] = shownCodes(p.el);
      const capture = captureDownload();
      try {
        button(p.el, 'export').click();
        const lines = await csvLines((await capture.done).blob);
        expect(lines.length).to.equal(2);
        expect(lines[1]!.split(';')).to.include(code!);
      } finally {
        capture.restore();
      }
    });

    it('« Exporter » on one candidate downloads that candidate\'s code', async () => {
      const { client } = await startMocks();
      const p = await page(client, { candidateId: PERRIN });
      await openFromButton(p);
      await waitUntil(() => root(p.el).querySelector('[part~="export"]'), 'the export button is shown');
      const code = root(p.el).querySelector('[part~="code"]')!.textContent!.trim();
      const capture = captureDownload();
      try {
        button(p.el, 'export').click();
        const { blob } = await capture.done;
        const text = await blob.text();
        expect(text).to.contain(code);
        expect(text).to.contain('Perrin');
      } finally {
        capture.restore();
      }
    });
  });

  describe('keyboard', () => {
    it('focus moves into the dialog on open, Escape closes it and gives the focus back', async () => {
      const { client } = await startMocks();
      const p = await page(client);
      await openFromButton(p);
      expect(root(p.el).activeElement).to.equal(root(p.el).querySelector('[part~="search"]'));
      const closed = oneEvent(p.el, 'clr-dialog-close');
      await sendKeys({ press: 'Escape' });
      await closed;
      expect(dialog(p.el).open).to.equal(false);
      expect(p.el.open).to.equal(false);
      expect(document.activeElement).to.equal(p.opener);
    });

    it('Tab and Shift+Tab stay inside the dialog', async () => {
      const { client } = await startMocks();
      const p = await page(client, { candidateId: PERRIN });
      await openFromButton(p);
      await waitUntil(() => root(p.el).querySelector('[part~="export"]'), 'the export button is shown');
      const close = button(p.el, 'close');
      const last = button(p.el, 'back');
      last.focus();
      await sendKeys({ press: 'Tab' });
      expect(root(p.el).activeElement).to.equal(close);
      await sendKeys({ press: 'Shift+Tab' });
      expect(root(p.el).activeElement).to.equal(last);
      await sendKeys({ press: 'Shift+Tab' });
      expect(root(p.el).activeElement).to.equal(button(p.el, 'export'));
    });

    it('Space ticks a candidate, Enter presses « Afficher les codes »', async () => {
      const { client } = await startMocks();
      const p = await page(client);
      await openFromButton(p);
      await listShown(p.el);
      checkboxOf(bodyRows(p.el)[0]!).focus();
      await sendKeys({ press: 'Space' });
      await p.el.updateComplete;
      expect(checkboxOf(bodyRows(p.el)[0]!).checked).to.equal(true);
      button(p.el, 'show-codes').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => root(p.el).querySelector('[part~="code"]'), 'the codes are shown');
      expect(root(p.el).activeElement).to.equal(button(p.el, 'back'));
    });
  });
});
