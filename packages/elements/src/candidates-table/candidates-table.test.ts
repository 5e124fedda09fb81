import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';
import type { ClrClient } from '@clr/sdk';
import { generateCandidates, type MockWorker } from '@clr/mocks/browser';
import '../define/clr-candidates-table.js';
import type { ClrCandidatesTable } from './candidates-table.js';
import { waitUntil } from '../../test/wait.js';
import { moveCell } from './grid-keys.js';
import { startMocks, stopMocks } from '../../test/mocks.js';
import '../../test/virtualizer-noise.js';



// ---------------------------------------------------------------------------
// Helpers: what a user sees and what the page asked the API

const part = <T extends Element = HTMLElement>(el: ClrCandidatesTable, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
const parts = <T extends Element = HTMLElement>(el: ClrCandidatesTable, name: string) => [...el.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
const grid = (el: ClrCandidatesTable) => part(el, 'grid')!;
const names = (el: ClrCandidatesTable) => parts(el, 'name').map((n) => n.textContent!.trim());
const rowOf = (el: ClrCandidatesTable, name: string) => parts(el, 'row').find((r) => r.querySelector('[part~="name"]')!.textContent!.trim() === name)!;
const countOf = (el: ClrCandidatesTable, status: string) => part(el, 'count')!.parentElement!.querySelector(`[data-status="${status}"] strong`)!.textContent!.trim();
const notice = (el: ClrCandidatesTable) => part(el, 'notice')!.textContent!.trim();
const focused = (el: ClrCandidatesTable) => el.shadowRoot!.activeElement as HTMLElement | null;

/** Settled: no request running and the rows (or « Aucun candidat ») shown. */
async function settled(el: ClrCandidatesTable): Promise<void> {
  await waitUntil(() => grid(el).getAttribute('aria-busy') === 'false' && el.totalCount !== null, 'the table did not load');
  await el.updateComplete;
  await waitUntil(() => parts(el, 'row').length >= Math.min(el.loadedRows.length, 19), 'the rows were not rendered');
}

/** The query strings of the list requests sent from now on. */
function listRequests(mock: MockWorker, path = '/api/v1/candidates'): URLSearchParams[] {
  const seen: URLSearchParams[] = [];
  mock.worker.events.on('request:start', ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname === path) seen.push(url.searchParams);
  });
  return seen;
}

/** Tall enough for the 19 demo rows to be in the DOM at once. */
async function mount(client: ClrClient, template = html`<clr-candidates-table style="--clr-candidates-table-height: 80rem" .client=${client}></clr-candidates-table>`): Promise<ClrCandidatesTable> {
  const holder = await fixture<HTMLElement>(html`<div>${template}</div>`);
  const el = holder.querySelector('clr-candidates-table')!;
  if (el.client === undefined) el.client = client;
  await settled(el);
  return el;
}

function choose(el: ClrCandidatesTable, name: string, value: string): void {
  const select = el.shadowRoot!.querySelector<HTMLSelectElement | HTMLInputElement>(`[name="${name}"]`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function search(el: ClrCandidatesTable, text: string): void {
  const input = part<HTMLInputElement>(el, 'search-input')!;
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.form!.requestSubmit();
}

let seq = 0;
function candidateForm(lastName: string) {
  seq += 1;
  return {
    identity: {
      civility: 'mme' as const,
      lastName,
      firstName: 'Louise',
      email: `louise.${lastName.toLowerCase()}.${seq}@exemple.fr`,
      birthDate: '1994-03-17',
      birthPostcode: '69003',
      birthTown: 'Lyon',
      birthCountry: 'France',
    },
    password: { value: 'secret-123', confirmation: 'secret-123', sendToCandidate: false, requestAcknowledgment: false, sendToAdmin: false },
    information: { status: 'employee' as const, funding: 'cpf' as const },
  };
}

const problem = (status: number, code: string, detail: string) =>
  HttpResponse.json({ type: `https://clr.example/problems/${code}`, title: detail, status, code, detail }, { status, headers: { 'Content-Type': 'application/problem+json' } });

describe('<clr-candidates-table>', () => {
  // The first start registers the service worker, the first accessibility check loads axe: neither is part of a test.
  before(async () => {
    await startMocks({ login: false });
    stopMocks();
    await expect(await fixture(html`<p>Candidats</p>`)).to.be.accessible();
  });
  afterEach(() => stopMocks());

  describe('accessibility', () => {
    it('is accessible with the demo candidates loaded', async () => {
      const { client } = await startMocks();
      const el = await mount(client);
      await expect(el).to.be.accessible();
    });

    it('is accessible and says « Aucun candidat » when the space has none', async () => {
      const { client } = await startMocks({ state: 'empty' });
      const el = await mount(client);
      expect(part(el, 'message-row')!.textContent!.trim()).to.equal('Aucun candidat');
      expect(notice(el)).to.equal('Aucun candidat');
      expect(grid(el).getAttribute('aria-rowcount')).to.equal('1');
      await expect(el).to.be.accessible();
    });

    it('announces « Chargement… » while the first page is on its way, and is accessible', async () => {
      const { client, mock } = await startMocks();
      mock.worker.use(http.get('/api/v1/candidates', () => delay('infinite')));
      const el = await fixture<ClrCandidatesTable>(html`<clr-candidates-table .client=${client}></clr-candidates-table>`);
      await waitUntil(() => grid(el).getAttribute('aria-busy') === 'true');
      expect(part(el, 'message-row')!.textContent!.trim()).to.equal('Chargement…');
      expect(notice(el)).to.equal('Chargement…');
      await expect(el).to.be.accessible();
    });

    it('shows the API’s French error with « Réessayer », accessible, and loads again when asked', async () => {
      const { client, mock } = await startMocks();
      mock.worker.use(http.get('/api/v1/candidates', () => problem(503, 'internal', 'Le service est momentanément indisponible.'), { once: true }));
      const el = await fixture<ClrCandidatesTable>(html`<clr-candidates-table .client=${client}></clr-candidates-table>`);
      await waitUntil(() => part(el, 'error') !== null, 'no error shown');
      const error = part(el, 'error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain('Le service est momentanément indisponible.');
      expect(part(el, 'retry-button')!.textContent!.trim()).to.equal('Réessayer');
      await expect(el).to.be.accessible();
      part(el, 'retry-button')!.click();
      await settled(el);
      expect(part(el, 'error')).to.equal(null);
      expect(parts(el, 'row')).to.have.length(19);
    });
  });

  describe('properties', () => {
    it('shows the 19 demo candidates and the counts by status: 0 to assign, 8 scheduled, 11 taken', async () => {
      const { client } = await startMocks();
      const el = await mount(client);
      expect(parts(el, 'row')).to.have.length(19);
      expect(grid(el).getAttribute('aria-rowcount')).to.equal('20');
      expect(part(el, 'total')!.textContent!.trim()).to.equal('19 candidats');
      expect([countOf(el, 'to_assign'), countOf(el, 'scheduled'), countOf(el, 'expired'), countOf(el, 'taken')]).to.deep.equal(['0', '8', '0', '11']);
      expect(parts(el, 'count').map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['À attribuer 0', 'Prévue 8', 'Expirée 0', 'Passée 11']);
    });

    it('shows the columns of §6.1: « NOM Prénom » with the groups under it, e-mail, status, validation, score /1000 with the exam type, date', async () => {
      const { client } = await startMocks();
      const el = await mount(client);
      expect(parts(el, 'columnheader').map((h) => h.textContent!.replace(/[▲▼↕]/g, '').trim())).to.deep.equal([
        '',
        'Nom',
        'Courriel',
        'Dernière connexion',
        'Statut',
        'Validation',
        'Score',
        'Date de passage',
        'Actions',
      ]);
      const row = rowOf(el, 'LEFÈVRE Élodie');
      const cells = [...row.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
      expect(cells[2]).to.equal('elodie.lefevre@exemple.fr');
      expect(cells[4]).to.equal('Passée');
      expect(cells[5]).to.equal('Validé');
      expect(cells[6]).to.match(/^942\/1000 ?Examen officiel/);
      expect(cells[7]).to.match(/^\d{2}\/\d{2}\/\d{4}$/);
      const grouped = rowOf(el, 'LE GALL Loïc');
      expect(grouped.querySelector('[part~="groups"]')!.textContent).to.equal('Session de septembre');
    });

    it('search « Rechercher un nom, un courriel » sends q and shows the matching candidates', async () => {
      const { client, mock } = await startMocks();
      const el = await mount(client);
      const sent = listRequests(mock);
      search(el, 'lefèvre');
      await waitUntil(() => parts(el, 'row').length === 1, 'the search did not narrow the rows');
      expect(sent.at(-1)!.get('q')).to.equal('lefèvre');
      expect(names(el)).to.deep.equal(['LEFÈVRE Élodie']);
      expect(grid(el).getAttribute('aria-rowcount')).to.equal('2');
    });

    it('typing waits a moment before searching; a filter chosen meanwhile keeps what was typed', async () => {
      const { client, mock } = await startMocks();
      const el = await mount(client);
      const sent = listRequests(mock);
      const input = part<HTMLInputElement>(el, 'search-input')!;
      input.value = 'fontaine';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await waitUntil(() => sent.length === 1, 'the search was not sent after the delay');
      expect(sent[0]!.get('q')).to.equal('fontaine');
      input.value = 'lef';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      choose(el, 'status', 'taken');
      await waitUntil(() => sent.length === 2 && grid(el).getAttribute('aria-busy') === 'false');
      expect(sent).to.have.length(2);
      expect([sent.at(-1)!.get('q'), sent.at(-1)!.get('status')]).to.deep.equal(['lef', 'taken']);
      expect(input.value).to.equal('lef');
      expect(names(el)).to.deep.equal(['LEFÈVRE Élodie']);
    });

    it('the status filter and the counts filter on a status; the counts stay those of every status', async () => {
      const { client, mock } = await startMocks();
      const el = await mount(client);
      const sent = listRequests(mock);
      choose(el, 'status', 'taken');
      await waitUntil(() => parts(el, 'row').length === 11);
      expect(sent.at(-1)!.get('status')).to.equal('taken');
      expect(countOf(el, 'scheduled')).to.equal('8');
      const scheduled = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="count"][data-status="scheduled"]')!;
      scheduled.click();
      await waitUntil(() => parts(el, 'row').length === 8);
      expect(sent.at(-1)!.get('status')).to.equal('scheduled');
      expect(scheduled.getAttribute('aria-pressed')).to.equal('true');
      expect(el.shadowRoot!.querySelector<HTMLSelectElement>('[name="status"]')!.value).to.equal('scheduled');
      expect(parts(el, 'status-badge').every((b) => b.textContent === 'Prévue')).to.equal(true);
    });

    it('under a status filter the count at the top and the one at the bottom agree: « 11 candidats »; one candidate is « 1 candidat »', async () => {
      const { client } = await startMocks();
      const el = await mount(client);
      choose(el, 'status', 'taken');
      await waitUntil(() => parts(el, 'row').length === 11);
      await settled(el);
      expect(part(el, 'total')!.textContent!.trim()).to.equal('11 candidats');
      expect(part(el, 'notice')!.textContent!.trim()).to.equal('11 candidats');
      const alone = el.loadedRows.find((row) => el.loadedRows.filter((r) => r.lastName === row.lastName).length === 1)!;
      search(el, alone.email);
      await waitUntil(() => el.totalCount === 1);
      await settled(el);
      expect(part(el, 'total')!.textContent!.trim()).to.equal('1 candidat');
      expect(part(el, 'notice')!.textContent!.trim()).to.equal('1 candidat');
    });

    it('a period whose « au » is before « du » is refused beside the field, and the table keeps its last result', async () => {
      const { client, mock } = await startMocks();
      const el = await mount(client);
      const sent = listRequests(mock);
      choose(el, 'from', '2020-06-01');
      await waitUntil(() => sent.length === 1);
      await settled(el);
      const shown = el.loadedRows.map((r) => r.id);
      choose(el, 'to', '2020-01-01');
      await el.updateComplete;
      const to = el.shadowRoot!.querySelector<HTMLInputElement>('[name="to"]')!;
      expect(to.getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.getElementById(to.getAttribute('aria-describedby')!)!.textContent).to.equal('La date « au » doit être le même jour que la date « du » ou après.');
      expect(sent).to.have.length(1);
      expect(el.loadedRows.map((r) => r.id)).to.deep.equal(shown);
      expect(el.filters.to).to.equal(undefined);
    });

    it('a long e-mail wraps between its parts, not in the middle of a word', async () => {
      const { client } = await startMocks();
      const el = await mount(client);
      const cell = el.shadowRoot!.querySelector('[part~="email-cell"]')!;
      expect(cell.querySelectorAll('wbr').length).to.be.greaterThan(1);
      expect(cell.textContent).to.match(/^[^\s]+@[^\s]+$/);
    });

    it('the validation, group and period filters send their query', async () => {
      const { client, mock } = await startMocks();
      const el = await mount(client);
      const sent = listRequests(mock);
      choose(el, 'validation', 'pending');
      await waitUntil(() => parts(el, 'row').length === 1);
      expect(sent.at(-1)!.get('validation')).to.equal('pending');
      expect(names(el)).to.deep.equal(['FONTAINE Maëlle']);
      choose(el, 'validation', '');
      await waitUntil(() => el.shadowRoot!.querySelectorAll('[name="groupId"] option').length > 1);
      const group = [...el.shadowRoot!.querySelectorAll<HTMLOptionElement>('[name="groupId"] option')].find((o) => o.textContent === 'Session de septembre')!;
      choose(el, 'groupId', group.value);
      await waitUntil(() => sent.at(-1)?.get('groupId') === group.value && grid(el).getAttribute('aria-busy') === 'false');
      await el.updateComplete;
      expect(parts(el, 'groups').every((g) => g.textContent!.includes('Session de septembre'))).to.equal(true);
      choose(el, 'from', '2020-01-01');
      choose(el, 'to', '2099-12-31');
      await waitUntil(() => sent.at(-1)?.get('to') === '2099-12-31');
      expect(sent.at(-1)!.get('from')).to.equal('2020-01-01');
      expect(sent.at(-1)!.get('groupId')).to.equal(group.value);
    });

    it('R12 hidden groups are not offered in the group filter unless include-hidden is set, which also asks for hidden candidates', async () => {
      const { client, mock } = await startMocks({ state: generateCandidates(60, { groups: 3 }) });
      const el = await mount(client);
      await waitUntil(() => el.shadowRoot!.querySelectorAll('[name="groupId"] option').length > 1);
      const options = () => [...el.shadowRoot!.querySelectorAll('[name="groupId"] option')].map((o) => o.textContent!.trim());
      expect(options()).to.deep.equal(['Tous les groupes', 'Classe 001', 'Client 002']);
      const sent = listRequests(mock);
      el.includeHidden = true;
      await waitUntil(() => options().length === 4);
      expect(options()[3]).to.equal('Session 003 (masqué)');
      await waitUntil(() => sent.length > 0);
      expect(sent.at(-1)!.get('includeHidden')).to.equal('true');
    });

    it('sorts on the server when a column name is clicked, with aria-sort, ascending then descending', async () => {
      const { client, mock } = await startMocks();
      const el = await mount(client);
      const sent = listRequests(mock);
      const header = () => parts(el, 'columnheader')[6]!;
      expect(parts(el, 'columnheader')[1]!.getAttribute('aria-sort')).to.equal('ascending');
      expect(header().getAttribute('aria-sort')).to.equal('none');
      header().querySelector('button')!.click();
      await waitUntil(() => sent.at(-1)?.get('sort') === 'score' && grid(el).getAttribute('aria-busy') === 'false');
      await el.updateComplete;
      expect(header().getAttribute('aria-sort')).to.equal('ascending');
      expect(el.getAttribute('sort')).to.equal('score');
      expect(rowOf(el, 'LEFÈVRE Élodie').getAttribute('aria-rowindex')).to.equal('12');
      header().querySelector('button')!.click();
      await waitUntil(() => sent.at(-1)?.get('sort') === '-score' && grid(el).getAttribute('aria-busy') === 'false');
      await el.updateComplete;
      expect(header().getAttribute('aria-sort')).to.equal('descending');
      expect(names(el)[0]).to.equal('LEFÈVRE Élodie');
    });

    it('« Réinitialiser les filtres » clears the search and every filter, and shows the whole table again', async () => {
      const { client, mock } = await startMocks();
      const el = await mount(client);
      search(el, 'dupont');
      choose(el, 'status', 'taken');
      await waitUntil(() => parts(el, 'row').length === 1);
      const sent = listRequests(mock);
      part(el, 'reset-button')!.click();
      await waitUntil(() => parts(el, 'row').length === 19);
      expect([...sent.at(-1)!.keys()].sort()).to.deep.equal(['limit', 'sort']);
      expect(part<HTMLInputElement>(el, 'search-input')!.value).to.equal('');
      expect(el.shadowRoot!.querySelector<HTMLSelectElement>('[name="status"]')!.value).to.equal('');
      expect(el.filters).to.deep.equal({});
    });

    it('« Exporter le tableau » downloads exactly what is displayed: the same search, filters and sort', async () => {
      const { client, mock } = await startMocks();
      const el = await mount(client);
      search(el, 'a');
      choose(el, 'status', 'taken');
      el.sort = '-date';
      await waitUntil(() => grid(el).getAttribute('aria-busy') === 'false' && el.filters.status === 'taken');
      await settled(el);
      const exports = listRequests(mock, '/api/v1/candidates/export.csv');
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
      expect(Object.fromEntries(exports[0]!)).to.deep.equal({ q: 'a', status: 'taken', sort: '-date' });
      expect(downloads[0]).to.match(/\.csv$/);
    });

    it('group-id shows the group view of §5.6: the group’s candidates, search, status and period, its own export', async () => {
      const { client, mock } = await startMocks();
      const groups = await client.groups.list();
      const session = groups.data.find((g) => g.name === 'Session de septembre')!;
      const sent = listRequests(mock, `/api/v1/groups/${session.id}/candidates`);
      const el = await mount(client, html`<clr-candidates-table .client=${client} group-id=${session.id}></clr-candidates-table>`);
      expect(sent).to.have.length(1);
      expect(parts(el, 'row').length).to.be.greaterThan(0);
      expect(parts(el, 'groups').every((g) => g.textContent!.includes('Session de septembre'))).to.equal(true);
      expect(grid(el).getAttribute('aria-label')).to.equal('Candidats du groupe');
      expect(el.shadowRoot!.querySelector('[name="validation"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[name="groupId"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[name="status"]')).not.to.equal(null);
      const exports = listRequests(mock, `/api/v1/groups/${session.id}/candidates/export.csv`);
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = () => undefined;
      try {
        part<HTMLButtonElement>(el, 'export-button')!.click();
        await waitUntil(() => exports.length === 1 && !part<HTMLButtonElement>(el, 'export-button')!.disabled);
      } finally {
        HTMLAnchorElement.prototype.click = click;
      }
      await expect(el).to.be.accessible();
    });

    it('5,000 candidates: only a window of rows is in the DOM, with their true aria-rowindex, and scrolling loads the next page', async () => {
      const { client, mock } = await startMocks({ state: generateCandidates(5000) });
      const sent = listRequests(mock);
      const el = await mount(client);
      expect(grid(el).getAttribute('aria-rowcount')).to.equal(String(el.totalCount! + 1));
      expect(el.totalCount).to.be.greaterThan(4000);
      expect(parts(el, 'row').length).to.be.lessThan(60);
      expect(el.loadedRows).to.have.length(100);
      const body = part(el, 'body')!;
      // The user scrolls down to the end (again, while the virtualizer is still measuring rows and correcting the scroll position).
      await waitUntil(() => {
        body.scrollTop = body.scrollHeight;
        return el.loadedRows.length > 100;
      }, 'scrolling to the end did not load the next page');
      expect(sent.find((q) => q.has('cursor'))!.get('limit')).to.equal('200');
      expect(sent.some((q) => q.has('cursor'))).to.equal(true);
      await waitUntil(() => grid(el).getAttribute('aria-busy') === 'false');
      await waitUntil(() => Number(parts(el, 'row').at(-1)?.getAttribute('aria-rowindex')) > 80);
      const indexes = parts(el, 'row').map((r) => Number(r.getAttribute('aria-rowindex')));
      expect(Math.min(...indexes)).to.be.greaterThan(2);
      expect(parts(el, 'row').length).to.be.lessThan(80);
    });

    it('scrolling to the end page after page leaves in the rows’ box only the rows shown, not the ones scrolled past', async () => {
      const { client } = await startMocks({ state: generateCandidates(5000) });
      const el = await mount(client);
      const body = part(el, 'body')!;
      await waitUntil(() => {
        body.scrollTop = body.scrollHeight;
        return el.loadedRows.length >= 900;
      }, 'scrolling to the end did not load five pages');
      await waitUntil(() => grid(el).getAttribute('aria-busy') === 'false');
      await waitUntil(() => Number(parts(el, 'row').at(-1)?.getAttribute('aria-rowindex')) > 800);
      // Each row shown, its two markers, the virtualizer's sizer and a few more; not one node per row scrolled past.
      const rows = parts(el, 'row').length;
      expect(rows).to.be.lessThan(80);
      expect(body.childNodes.length).to.be.lessThan(3 * rows + 10);
    });

    it('a new filter aborts the request still running for the previous one (its AbortSignal reaches the SDK)', async () => {
      const { client, mock } = await startMocks();
      const el = await mount(client);
      const signals: AbortSignal[] = [];
      const list = client.candidates.list.bind(client.candidates);
      client.candidates.list = ((params, options) => {
        if (options?.signal) signals.push(options.signal);
        return list(params, options);
      }) as typeof client.candidates.list;
      mock.worker.use(http.get('/api/v1/candidates', () => delay('infinite'), { once: true }));
      choose(el, 'status', 'taken');
      await waitUntil(() => signals.length === 1);
      choose(el, 'status', 'scheduled');
      await waitUntil(() => signals.length === 2);
      expect(signals[0]!.aborted).to.equal(true);
      await waitUntil(() => el.loadedRows.length === 8 && grid(el).getAttribute('aria-busy') === 'false');
      expect(el.loadedRows.every((r) => r.status === 'scheduled')).to.equal(true);
    });

    it('a next page that fails says so in French with « Réessayer », which loads it', async () => {
      const { client, mock } = await startMocks({ state: generateCandidates(500) });
      const el = await mount(client);
      mock.worker.use(
        http.get('/api/v1/candidates', ({ request }) =>
          new URL(request.url).searchParams.has('cursor') ? problem(503, 'internal', 'Le service est momentanément indisponible.') : undefined,
        ),
      );
      parts(el, 'columnheader')[1]!.focus();
      await sendKeys({ press: 'Control+End' });
      await waitUntil(() => part(el, 'footer')!.querySelector('[role="alert"]') !== null, 'no error for the next page');
      const alert = part(el, 'footer')!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('Le service est momentanément indisponible.');
      expect(el.loadedRows).to.have.length(100);
      mock.worker.resetHandlers();
      alert.querySelector('button')!.click();
      await waitUntil(() => el.loadedRows.length === 300, 'the next page did not load');
      expect(part(el, 'footer')!.querySelector('[role="alert"]')).to.equal(null);
    });

    it('speaks English under lang="en": headers, counts, filters, statuses, exam types', async () => {
      const { client } = await startMocks();
      const holder = await fixture<HTMLElement>(html`<div lang="en"><clr-candidates-table .client=${client}></clr-candidates-table></div>`);
      const el = holder.querySelector('clr-candidates-table')!;
      await settled(el);
      expect(parts(el, 'columnheader')[2]!.textContent!.replace(/[▲▼↕]/g, '').trim()).to.equal('E-mail');
      expect(part(el, 'total')!.textContent!.trim()).to.equal('19 candidates');
      expect(parts(el, 'count').map((b) => b.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['To assign 0', 'Scheduled 8', 'Expired 0', 'Taken 11']);
      expect(part(el, 'reset-button')!.textContent!.trim()).to.equal('Reset filters');
      expect(el.shadowRoot!.querySelector('[part~="search"] span')!.textContent).to.equal('Search a name, an e-mail');
      expect(rowOf(el, 'LEFÈVRE Élodie').querySelector('[part~="status-badge"]')!.textContent).to.equal('Taken');
      expect(rowOf(el, 'LEFÈVRE Élodie').querySelector('[part~="exam-type"]')!.textContent).to.match(/^Official exam - /);
      await expect(el).to.be.accessible();
    });
  });

  describe('events', () => {
    it('clr-selection-change: a row’s checkbox, then « select all » of the loaded rows; kept across sorting, cleared by a filter', async () => {
      const { client } = await startMocks();
      const el = await mount(client);
      const row = rowOf(el, 'LEFÈVRE Élodie');
      let event = oneEvent(el, 'clr-selection-change');
      row.querySelector<HTMLInputElement>('[part~="checkbox"]')!.click();
      const first = await event;
      expect(first.detail.candidateIds).to.have.length(1);
      expect(first.detail.candidates[0]!.lastName).to.equal('Lefèvre');
      await el.updateComplete;
      expect(row.getAttribute('aria-selected')).to.equal('true');
      expect(part<HTMLInputElement>(el, 'select-all')!.indeterminate).to.equal(true);
      event = oneEvent(el, 'clr-selection-change');
      part<HTMLInputElement>(el, 'select-all')!.click();
      expect((await event).detail.candidateIds).to.have.length(19);
      expect(part(el, 'selection')!.textContent!.trim()).to.equal('19 candidats sélectionnés');
      el.sort = '-email';
      await settled(el);
      await waitUntil(() => grid(el).getAttribute('aria-busy') === 'false');
      expect(el.selectedIds).to.have.length(19);
      event = oneEvent(el, 'clr-selection-change');
      choose(el, 'status', 'taken');
      expect((await event).detail.candidateIds).to.deep.equal([]);
    });

    it('clr-candidate-open: clicking a name asks the page to open the file', async () => {
      const { client } = await startMocks();
      const el = await mount(client);
      const event = oneEvent(el, 'clr-candidate-open');
      rowOf(el, 'NGUYEN François').querySelector<HTMLButtonElement>('[part~="name"]')!.click();
      const { detail, bubbles, composed } = await event;
      expect([bubbles, composed]).to.deep.equal([true, true]);
      expect(detail.candidate.email).to.equal('francois.nguyen@exemple.fr');
      expect(detail.candidateId).to.equal(detail.candidate.id);
    });

    it('R10 the delete button of a candidate who has already taken an exam is disabled and says why; nothing is asked', async () => {
      const { client } = await startMocks();
      const el = await mount(client);
      const button = rowOf(el, 'LEFÈVRE Élodie').querySelector<HTMLButtonElement>('[part~="delete-button"]')!;
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(button.title).to.contain('Ce candidat a déjà passé un examen');
      const scheduled = rowOf(el, 'PERRIN Zoé').querySelector<HTMLButtonElement>('[part~="delete-button"]')!;
      expect(scheduled.title).to.contain('Un examen est attribué à ce candidat');
      let asked = false;
      el.addEventListener('clr-candidate-delete', () => (asked = true));
      button.click();
      await el.updateComplete;
      expect(asked).to.equal(false);
      expect(notice(el)).to.contain('Ce candidat a déjà passé un examen');
    });

    it('clr-candidate-delete prevented: nothing is deleted', async () => {
      const { client } = await startMocks();
      const created = await client.candidates.create(candidateForm('Aubry'));
      const el = await mount(client);
      expect(parts(el, 'row')).to.have.length(20);
      el.addEventListener('clr-candidate-delete', (e) => e.preventDefault());
      const event = oneEvent(el, 'clr-candidate-delete');
      const button = rowOf(el, 'AUBRY Louise').querySelector<HTMLButtonElement>('[part~="delete-button"]')!;
      expect(button.getAttribute('aria-disabled')).to.equal('false');
      button.click();
      const asked = await event;
      expect(asked.cancelable).to.equal(true);
      expect(asked.detail.candidateId).to.equal(created.id);
      await el.updateComplete;
      expect((await client.candidates.retrieve(created.id)).id).to.equal(created.id);
      expect(parts(el, 'row')).to.have.length(20);
    });

    it('clr-candidate-delete not prevented: the table deletes the candidate and refreshes', async () => {
      const { client } = await startMocks();
      await client.candidates.create(candidateForm('Aubry'));
      const el = await mount(client);
      rowOf(el, 'AUBRY Louise').querySelector<HTMLButtonElement>('[part~="delete-button"]')!.click();
      await waitUntil(() => parts(el, 'row').length === 19, 'the row stayed');
      expect(notice(el)).to.equal('AUBRY Louise a été supprimé.');
      expect(part(el, 'total')!.textContent!.trim()).to.equal('19 candidats');
    });

    it('R10 a deletion the server refuses shows its French message (« Un examen est attribué à ce candidat »)', async () => {
      const { client } = await startMocks();
      const created = await client.candidates.create(candidateForm('Aubry'));
      const el = await mount(client);
      // Assigned behind the table's back: the row still says « À attribuer », the server knows better.
      await client.assignments.assign(created.id, { examType: 'blank-remote' });
      rowOf(el, 'AUBRY Louise').querySelector<HTMLButtonElement>('[part~="delete-button"]')!.click();
      await waitUntil(() => part(el, 'action-error') !== null, 'no message');
      expect(part(el, 'action-error')!.getAttribute('role')).to.equal('alert');
      expect(part(el, 'action-error')!.textContent).to.contain('Un examen est attribué à ce candidat');
      expect((await client.candidates.retrieve(created.id)).id).to.equal(created.id);
    });
  });

  describe('keyboard', () => {
    it('the grid is one tab stop; arrow keys move between cells, Home/End along the row, Ctrl+End to the last cell', async () => {
      const { client } = await startMocks();
      const el = await mount(client);
      const stops = () => [...el.shadowRoot!.querySelectorAll('[part~="grid"] [tabindex="0"]')];
      expect(stops()).to.have.length(1);
      (stops()[0] as HTMLElement).focus();
      expect(focused(el)!.textContent!.trim()).to.match(/^Nom/);
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => focused(el)?.getAttribute('role') === 'gridcell');
      expect(focused(el)!.textContent!.trim()).to.equal(names(el)[0]);
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => focused(el)?.dataset['col'] === '2');
      expect(focused(el)!.textContent!.trim()).to.contain('@exemple.fr');
      await sendKeys({ press: 'End' });
      await waitUntil(() => focused(el)?.dataset['col'] === '8');
      await sendKeys({ press: 'Home' });
      await waitUntil(() => focused(el)?.dataset['col'] === '0');
      await sendKeys({ press: 'PageDown' });
      await waitUntil(() => Number(focused(el)?.dataset['row']) > 0);
      await sendKeys({ press: 'Control+End' });
      await waitUntil(() => focused(el)?.dataset['row'] === '18' && focused(el)?.dataset['col'] === '8');
      expect(stops()).to.have.length(1);
      await sendKeys({ press: 'ArrowUp' });
      await waitUntil(() => focused(el)?.dataset['row'] === '17');
    });

    it('Enter on a name opens the file; Space toggles the row’s selection', async () => {
      const { client } = await startMocks();
      const el = await mount(client);
      parts(el, 'columnheader')[1]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => focused(el)?.dataset['row'] === '0');
      const opened = oneEvent(el, 'clr-candidate-open');
      await sendKeys({ press: 'Enter' });
      expect((await opened).detail.candidate.id).to.equal(el.loadedRows[0]!.id);
      const selected = oneEvent(el, 'clr-selection-change');
      await sendKeys({ press: 'Space' });
      expect((await selected).detail.candidateIds).to.deep.equal([el.loadedRows[0]!.id]);
      const unselected = oneEvent(el, 'clr-selection-change');
      await sendKeys({ press: 'Space' });
      expect((await unselected).detail.candidateIds).to.deep.equal([]);
    });

    it('Enter on a column header sorts on it', async () => {
      const { client, mock } = await startMocks();
      const el = await mount(client);
      const sent = listRequests(mock);
      parts(el, 'columnheader')[7]!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => sent.at(-1)?.get('sort') === 'date');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => sent.at(-1)?.get('sort') === '-date');
    });

    it('ArrowDown past the loaded rows of 5,000 candidates scrolls and loads the next page', async () => {
      const { client } = await startMocks({ state: generateCandidates(5000) });
      const el = await mount(client);
      parts(el, 'columnheader')[1]!.focus();
      await sendKeys({ press: 'Control+End' });
      await waitUntil(() => focused(el)?.dataset['row'] === '99', 'the last loaded row was not focused');
      await waitUntil(() => el.loadedRows.length > 100, 'the next page did not load');
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => focused(el)?.dataset['row'] === '100');
      expect(focused(el)!.closest('[role="row"]')!.getAttribute('aria-rowindex')).to.equal('102');
    });

    it('when the focused row scrolls out of the DOM, its column header keeps the one tab stop', async () => {
      const { client } = await startMocks({ state: generateCandidates(500) });
      const el = await mount(client, html`<clr-candidates-table .client=${client}></clr-candidates-table>`);
      parts(el, 'columnheader')[2]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await waitUntil(() => focused(el)?.dataset['row'] === '0');
      const body = part(el, 'body')!;
      await waitUntil(() => {
        body.scrollTop = body.scrollHeight;
        return el.shadowRoot!.querySelector('[data-row="0"]') === null;
      }, 'the first row stayed in the DOM');
      await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="grid"] [tabindex="0"]').length === 1);
      const stop = el.shadowRoot!.querySelector<HTMLElement>('[part~="grid"] [tabindex="0"]')!;
      expect(stop.getAttribute('role')).to.equal('columnheader');
      expect(stop.dataset['col']).to.equal('2');
    });

    it('moveCell: the keys of the APG data grid, clamped to the grid', () => {
      const size = { rows: 19, cols: 9, page: 10 };
      expect(moveCell({ row: -1, col: 1 }, 'ArrowUp', size)).to.deep.equal({ row: -1, col: 1 });
      expect(moveCell({ row: 18, col: 8 }, 'ArrowRight', size)).to.deep.equal({ row: 18, col: 8 });
      expect(moveCell({ row: 3, col: 4 }, 'PageDown', size)).to.deep.equal({ row: 13, col: 4 });
      expect(moveCell({ row: 13, col: 4 }, 'PageDown', size)).to.deep.equal({ row: 18, col: 4 });
      expect(moveCell({ row: 3, col: 4 }, 'PageUp', size)).to.deep.equal({ row: 0, col: 4 });
      expect(moveCell({ row: 3, col: 4 }, 'Home', size, true)).to.deep.equal({ row: 0, col: 0 });
      expect(moveCell({ row: 3, col: 4 }, 'End', size, true)).to.deep.equal({ row: 18, col: 8 });
      expect(moveCell({ row: 3, col: 4 }, 'a', size)).to.equal(null);
    });
  });
});
