import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { CandidateDetail } from '@clr/domain';
import type { ClrClient } from '@clr/sdk';
import type { MockWorker } from '@clr/mocks/browser';
import '../define/clr-result-card.js';
import { startMocks, stopMocks } from '../../test/mocks.js';
import { waitUntil } from '../../test/wait.js';
import type { ClrResultCard } from './result-card.js';

/** Élodie Lefèvre: « Examen officiel - en centre La Poste », 942/1000, validated: the three documents. */
const LEFEVRE = 'cand_00000001';
/** Loïc Le Gall: « Examen blanc - à distance », 645/1000: the detailed report only. */
const LE_GALL = 'cand_00000008';

let client: ClrClient;
let mock: MockWorker;

/** A tab the card opens: what it was sent to (the browser's real tabs are out of a test's reach). */
interface FakeTab {
  location: { href: string };
  closed: boolean;
  document: { title: string; body: { textContent: string } };
  close(): void;
}
let tabs: FakeTab[] = [];
const realOpen = window.open;

async function card(options: { candidateId?: string; candidate?: CandidateDetail; lang?: string }): Promise<ClrResultCard> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${options.lang ?? 'fr'}>
    <clr-result-card .client=${client} .candidate=${options.candidate ?? null} candidate-id=${options.candidateId ?? ''}></clr-result-card>
  </div>`);
  const el = wrapper.querySelector('clr-result-card')!;
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="card"], .none, [part~="error"]'), 'the card is shown');
  return el;
}

const root = (el: ClrResultCard) => el.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const links = (el: ClrResultCard) => [...root(el).querySelectorAll<HTMLButtonElement>('[part~="link"], [part~="generate"]')];

async function pdfText(url: string): Promise<string> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  return new TextDecoder('latin1').decode(bytes);
}

describe('<clr-result-card>', () => {
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
    it('passes axe with a result and its three links, and for a registered candidate', async () => {
      await expect(await card({ candidateId: LEFEVRE })).to.be.accessible();
      const file = await client.candidates.retrieve(LEFEVRE);
      const registered: CandidateDetail = { ...file, attempts: [], documents: { report: false, registration: true, attendance: false } };
      await expect(await card({ candidate: registered })).to.be.accessible();
    });

    it('passes axe in English', async () => {
      await expect(await card({ candidateId: LE_GALL, lang: 'en' })).to.be.accessible();
    });
  });

  describe('properties', () => {
    it('§6.9 shows the exam type, « Score obtenu », « Effectuée le », « Valide jusqu’au » (R16) and « Code public »', async () => {
      const file = await client.candidates.retrieve(LEFEVRE);
      const attempt = file.attempts[0]!;
      const el = await card({ candidate: { ...file, attempts: [{ ...attempt, takenAt: '2019-06-07T08:00:00.000Z', validUntil: '2022-06-06', publicCode: 'WXBH7K3M9P' }] } });
      expect(text(root(el).querySelector('[part~="exam-type"]'))).to.equal('Examen officiel - en centre La Poste');
      expect(text(root(el).querySelector('[part~="score"]'))).to.equal('Score obtenu : 942/1000');
      const facts = text(root(el).querySelector('[part~="facts"]'));
      expect(facts).to.contain('Effectuée le : 07/06/2019');
      expect(facts).to.contain('Valide jusqu’au : 06/06/2022');
      expect(facts).to.contain('Code public : WXBH7K3M9P');
    });

    it('R18 shows a link only for the documents that exist', async () => {
      const all = await card({ candidateId: LEFEVRE });
      expect(links(all).map(text)).to.deep.equal([
        'Accéder au bilan détaillé (s’ouvre dans un nouvel onglet)',
        'Accéder à l’attestation d’inscription (s’ouvre dans un nouvel onglet)',
        'Accéder à l’attestation de passage (s’ouvre dans un nouvel onglet)',
      ]);
      const reportOnly = await card({ candidateId: LE_GALL });
      expect(links(reportOnly).map(text)).to.deep.equal(['Accéder au bilan détaillé (s’ouvre dans un nouvel onglet)']);
    });

    it('§6.11 a registered candidate who has not taken the exam gets « Générer l’attestation »', async () => {
      const file = await client.candidates.retrieve(LEFEVRE);
      const el = await card({ candidate: { ...file, attempts: [], documents: { report: false, registration: true, attendance: false } } });
      expect(links(el).map(text)).to.deep.equal(['Générer l’attestation (s’ouvre dans un nouvel onglet)']);
      expect(root(el).querySelector('[part~="score"]')).to.equal(null);
    });

    it('a candidate without a result says so', async () => {
      const file = await client.candidates.retrieve(LEFEVRE);
      const el = await card({ candidate: { ...file, attempts: [], documents: { report: false, registration: false, attendance: false } } });
      expect(text(root(el).querySelector('.none'))).to.equal('Ce candidat n’a pas encore passé d’examen.');
    });

    it('speaks English under lang="en"', async () => {
      const el = await card({ candidateId: LE_GALL, lang: 'en' });
      expect(text(root(el).querySelector('[part~="exam-type"]'))).to.equal('Practice exam - remote');
      expect(text(root(el).querySelector('[part~="score"]'))).to.equal('Score: 645/1000');
      expect(text(links(el)[0])).to.contain('Open the detailed report');
    });
  });

  describe('events', () => {
    it('« Accéder au bilan détaillé » opens the candidate’s PDF in a new tab and fires clr-document-open', async () => {
      const el = await card({ candidateId: LEFEVRE });
      const opened = oneEvent(el, 'clr-document-open');
      links(el)[0]!.click();
      const { detail } = await opened;
      expect(detail).to.deep.equal({ kind: 'report', candidateIds: [LEFEVRE], shown: 'tab' });
      expect(tabs).to.have.length(1);
      expect(tabs[0]!.location.href).to.match(/^blob:/);
      const pdf = await pdfText(tabs[0]!.location.href);
      expect(pdf.startsWith('%PDF-')).to.equal(true);
      await el.updateComplete;
      expect(text(root(el).querySelector('[part~="status"]'))).to.equal('Le document est ouvert dans un nouvel onglet.');
    });

    it('each certificate is fetched for its kind', async () => {
      const asked: string[] = [];
      mock.worker.events.on('request:start', ({ request }) => {
        if (request.url.includes('/documents/')) asked.push(new URL(request.url).pathname);
      });
      const el = await card({ candidateId: LEFEVRE });
      for (const index of [1, 2]) {
        const opened = oneEvent(el, 'clr-document-open');
        links(el)[index]!.click();
        await opened;
        await el.updateComplete;
      }
      expect(asked).to.deep.equal(['/api/v1/documents/registration', '/api/v1/documents/attendance']);
      mock.worker.events.removeAllListeners();
    });

    it('a refusal is shown, and the waiting tab closed', async () => {
      mock.worker.use(
        http.get('/api/v1/documents/:kind', () =>
          HttpResponse.json(
            { type: 'about:blank', title: 'Non éligible', status: 409, code: 'not_eligible', detail: "Certains candidats sélectionnés n'ont pas de bilan détaillé disponible.", candidateIds: [LEFEVRE] },
            { status: 409, headers: { 'content-type': 'application/problem+json' } },
          ),
        ),
      );
      const el = await card({ candidateId: LEFEVRE });
      links(el)[0]!.click();
      await waitUntil(() => root(el).querySelector('[part~="error"]'), 'the refusal is shown');
      expect(text(root(el).querySelector('[part~="error"]'))).to.equal("Certains candidats sélectionnés n'ont pas de bilan détaillé disponible.");
      expect(tabs[0]!.closed).to.equal(true);
    });
  });

  describe('keyboard', () => {
    it('the links are buttons reached by Tab and pressed with Enter', async () => {
      const el = await card({ candidateId: LE_GALL });
      links(el)[0]!.focus();
      const opened = oneEvent(el, 'clr-document-open');
      await sendKeys({ press: 'Enter' });
      expect((await opened).detail.kind).to.equal('report');
    });
  });
});
