import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { http, HttpResponse } from 'msw';
import { addDays, formatDayInput, parisDay } from '@clr/domain';
import type { ClrClient } from '@clr/sdk';
import '../define/clr-assign-dialog.js';
import { addCredits, newCandidate, stockOf } from '../../test/assignments.js';
import { startMocks, stopMocks } from '../../test/mocks.js';
import { waitUntil } from '../../test/wait.js';
import type { ClrSessionPicker } from '../session-picker/session-picker.js';
import { assignModeOf, type ClrAssignDialog } from './assign-dialog.js';

/** « Démo »: Zoé Perrin has an « Examen blanc - sur site » scheduled (with a code); Élodie Lefèvre took a La Poste exam. */
const PERRIN = 'cand_00000013';
const LEFEVRE = 'cand_00000001';

interface Page {
  opener: HTMLButtonElement;
  el: ClrAssignDialog;
}

async function page(client: ClrClient, candidateId: string, options: { lang?: string; threshold?: number } = {}): Promise<Page> {
  const wrapper = await fixture<HTMLDivElement>(html`
    <div lang=${options.lang ?? 'fr'}>
      <button id="opener" @click=${() => wrapper.querySelector('clr-assign-dialog')!.show()}>Attribuer une certification</button>
      <clr-assign-dialog .client=${client} candidate-id=${candidateId} low-stock-threshold=${ifDefined(options.threshold)}></clr-assign-dialog>
    </div>
  `);
  return { opener: wrapper.querySelector<HTMLButtonElement>('#opener')!, el: wrapper.querySelector('clr-assign-dialog')! };
}

const root = (el: ClrAssignDialog) => el.shadowRoot!;
const part = <T extends HTMLElement = HTMLElement>(el: ClrAssignDialog, name: string) => root(el).querySelector<T>(`[part~="${name}"]`);
const title = (el: ClrAssignDialog) => part(el, 'title')!.textContent!.trim();
const text = (el: ClrAssignDialog) => root(el).textContent!.replace(/\s+/g, ' ');

/** Opens from the button, as an administrator would, and waits for the exam types. */
async function open(p: Page): Promise<void> {
  p.opener.focus();
  p.opener.click();
  await waitUntil(() => root(p.el).querySelector('[part~="types"], [part~="notice"].out, [part~="notice"]'), 'the exam types are shown');
}

/** The radio button of an exam type, by its label. */
function typeRadio(el: ClrAssignDialog, label: string): HTMLInputElement {
  const row = [...root(el).querySelectorAll('label.type')].find((l) => l.textContent!.includes(label));
  if (!row) throw new Error(`No exam type « ${label} » in the dialog`);
  return row.querySelector('input')!;
}

function typeRow(el: ClrAssignDialog, label: string): string {
  return typeRadio(el, label).closest('label')!.textContent!.replace(/\s+/g, ' ').trim();
}

async function chooseType(el: ClrAssignDialog, label: string): Promise<void> {
  typeRadio(el, label).click();
  await el.updateComplete;
}

async function typeDate(el: ClrAssignDialog, value: string): Promise<void> {
  const input = part<HTMLInputElement>(el, 'date')!;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

function submit(el: ClrAssignDialog): void {
  part<HTMLButtonElement>(el, 'submit')!.click();
}

async function alertShown(el: ClrAssignDialog): Promise<string> {
  await waitUntil(() => part(el, 'error'), 'the message is shown');
  return part(el, 'error')!.textContent!.replace(/\s+/g, ' ').trim();
}

describe('<clr-assign-dialog>', () => {
  before(async () => {
    await expect(await fixture(html`<p>Chargement…</p>`)).to.be.accessible();
  });
  afterEach(() => stopMocks());

  describe('accessibility', () => {
    it('is accessible closed, then open on the exam types, with the date of a dated type', async () => {
      const { client } = await startMocks();
      const p = await page(client, await newCandidate(client));
      await expect(p.el).to.be.accessible();
      await open(p);
      await expect(p.el).to.be.accessible();
      await chooseType(p.el, 'Examen blanc - sur site');
      submit(p.el);
      await alertShown(p.el);
      await expect(p.el).to.be.accessible();
    });

    it('is accessible on « Modifier ou supprimer une attribution de certifications »', async () => {
      const { client } = await startMocks();
      const p = await page(client, PERRIN);
      await open(p);
      await expect(p.el).to.be.accessible();
    });

    it('is accessible on the La Poste session step', async () => {
      const { client } = await startMocks();
      await addCredits(client, 'PART-LAPOSTE-EXAMEN', 2);
      const p = await page(client, await newCandidate(client));
      await open(p);
      await chooseType(p.el, 'Examen officiel - en centre La Poste');
      part(p.el, 'choose-session')!.click();
      await waitUntil(() => root(p.el).querySelector('clr-session-picker')?.shadowRoot?.querySelector('[part~="city"]'), 'the sessions are listed');
      await expect(p.el).to.be.accessible();
    });

    it('is accessible when the space has no credit at all', async () => {
      const { client } = await startMocks({ state: 'empty' });
      const p = await page(client, await newCandidate(client));
      await open(p);
      expect(text(p.el)).to.contain('Vous n’avez aucune certification disponible dans votre espace');
      await expect(p.el).to.be.accessible();
    });
  });

  describe('properties', () => {
    it('« Attribuer une certification »: each type with « (N restantes) », a type at 0 not selectable', async () => {
      const { client } = await startMocks();
      const p = await page(client, await newCandidate(client));
      await open(p);
      expect(title(p.el)).to.equal('Attribuer une certification');
      expect(root(p.el).querySelector('legend')!.textContent).to.equal('Sélectionner le type de certification à attribuer :');
      expect(typeRow(p.el, 'Examen blanc - à distance')).to.contain('Examen blanc - à distance (200 restantes)');
      expect(typeRow(p.el, 'Examen démo - à distance')).to.contain('(480 restantes)');
      expect(typeRadio(p.el, 'Examen officiel - sur site').disabled).to.equal(true);
      expect(typeRow(p.el, 'Examen officiel - sur site')).to.contain('(0 restante)');
      expect(typeRow(p.el, 'Examen officiel - sur site')).to.contain('Épuisé');
      expect(part(p.el, 'submit')!.textContent!.trim()).to.equal('Attribuer la certification');
      expect(text(p.el)).to.contain('Envoyer un courriel au candidat pour l’informer de son inscription');
    });

    it('« Nouvelle attribution » after a taken exam', async () => {
      const { client } = await startMocks();
      const p = await page(client, LEFEVRE);
      await open(p);
      expect(title(p.el)).to.equal('Nouvelle attribution');
    });

    it('assignModeOf: modify while an exam is scheduled, new after a taken or expired one, assign otherwise', () => {
      const a = (state: 'scheduled' | 'expired' | 'taken') => ({ state }) as never;
      expect(assignModeOf({ assignment: a('scheduled'), attempts: [] })).to.equal('modify');
      expect(assignModeOf({ assignment: a('expired'), attempts: [] })).to.equal('new');
      expect(assignModeOf({ assignment: a('taken'), attempts: [{}] as never })).to.equal('new');
      expect(assignModeOf({ assignment: null, attempts: [] })).to.equal('assign');
    });

    it('flags a type at or under the threshold « Stock faible » with « Commander » (5 by default, low-stock-threshold otherwise)', async () => {
      const { client } = await startMocks();
      await addCredits(client, 'PART-SITE-EXAMEN', 3);
      const id = await newCandidate(client);
      const p = await page(client, id);
      await open(p);
      expect(typeRow(p.el, 'Examen officiel - sur site')).to.contain('(3 restantes) Stock faible');
      expect(typeRow(p.el, 'Examen blanc - à distance')).not.to.contain('Stock faible');
      await chooseType(p.el, 'Examen officiel - sur site');
      expect(part(p.el, 'notice')!.textContent).to.contain('Il ne reste plus que 3 certifications « Examen officiel - sur site ».');
      expect(part(p.el, 'order')!.textContent!.trim()).to.equal('Commander');

      const q = await page(client, id, { threshold: 2 });
      await open(q);
      expect(typeRow(q.el, 'Examen officiel - sur site')).not.to.contain('Stock faible');
    });

    it('a dated type asks « Date de passage souhaitée », today or later (R5), before asking the server', async () => {
      const { client } = await startMocks();
      const id = await newCandidate(client);
      const before = await stockOf(client, 'blank-onsite');
      const p = await page(client, id);
      await open(p);
      await chooseType(p.el, 'Examen blanc - sur site');
      expect(root(p.el).querySelector('label[for="scheduled-at"]')!.textContent).to.equal('Date de passage souhaitée :');
      submit(p.el);
      await alertShown(p.el);
      expect(text(p.el)).to.contain('Choisissez une date de passage.');
      expect(part(p.el, 'date')!.getAttribute('aria-invalid')).to.equal('true');
      await typeDate(p.el, formatDayInput(addDays(parisDay(new Date()), -1)));
      expect(text(p.el)).to.contain("La date de passage doit être aujourd'hui ou une date à venir.");
      expect(await stockOf(client, 'blank-onsite')).to.equal(before);

      const day = addDays(parisDay(new Date()), 7);
      await typeDate(p.el, formatDayInput(day));
      setTimeout(() => submit(p.el));
      const change = await oneEvent(p.el, 'clr-assignment-change');
      expect(change.detail).to.include({ action: 'assign', examType: 'blank-onsite' });
      expect(change.detail.message).to.equal('La certification « Examen blanc - sur site » est attribuée à AUBRY Louise.');
      expect(p.el.open).to.equal(false);
      const candidate = await client.candidates.retrieve(id);
      expect(candidate.status).to.equal('scheduled');
      expect(candidate.assignment?.scheduledAt).to.equal(day);
      expect(await stockOf(client, 'blank-onsite')).to.equal(before - 1);
    });

    it('a La Poste type opens the session picker; « Sélectionner la session » then « Attribuer la certification » takes a seat and a credit', async () => {
      const { client } = await startMocks();
      await addCredits(client, 'PART-LAPOSTE-EXAMEN', 2);
      const id = await newCandidate(client);
      const p = await page(client, id);
      await open(p);
      await chooseType(p.el, 'Examen officiel - en centre La Poste');
      expect(root(p.el).querySelector('[part~="date"]')).to.equal(null);
      part(p.el, 'choose-session')!.click();
      await p.el.updateComplete;
      expect(title(p.el)).to.equal('Sélection d’une session de passage dans un centre La Poste');
      const picker = root(p.el).querySelector<ClrSessionPicker>('clr-session-picker')!;
      await picker.loaded;
      await picker.updateComplete;
      const pick = async (name: string) => {
        const list = picker.shadowRoot!.querySelector<HTMLSelectElement>(`[part~="${name}"]`)!;
        if (list.selectedIndex < 1) {
          list.selectedIndex = 1;
          list.dispatchEvent(new Event('change'));
        }
        await picker.updateComplete;
      };
      await pick('city');
      await pick('centre');
      await pick('time');
      const sessionId = picker.shadowRoot!.querySelector<HTMLSelectElement>('[part~="time"]')!.value;
      const seatsBefore = (await client.examSessions.list({ limit: 200 })).data.find((s) => s.id === sessionId)!.seatsTaken;
      picker.shadowRoot!.querySelector<HTMLButtonElement>('[part~="select"]')!.click();
      await p.el.updateComplete;
      expect(title(p.el)).to.equal('Attribuer une certification');
      expect(part(p.el, 'session')!.textContent).to.match(/\(\d{5}\)/);
      expect(root(p.el).activeElement === part(p.el, 'choose-session'), 'where the focus is').to.equal(true);
      setTimeout(() => submit(p.el));
      await oneEvent(p.el, 'clr-assignment-change');
      const candidate = await client.candidates.retrieve(id);
      expect(candidate.assignment?.sessionId).to.equal(sessionId);
      expect(await stockOf(client, 'official-laposte')).to.equal(1);
      const seatsAfter = (await client.examSessions.list({ limit: 200 })).data.find((s) => s.id === sessionId)?.seatsTaken;
      expect(seatsAfter ?? Infinity).to.be.greaterThan(seatsBefore);
    });

    it('« Modifier l’attribution »: « Supprimer l’attribution » returns the credit to the stock (with the cancellation e-mail)', async () => {
      const { client } = await startMocks();
      const before = await stockOf(client, 'blank-onsite');
      const p = await page(client, PERRIN);
      await open(p);
      expect(title(p.el)).to.equal('Modifier ou supprimer une attribution de certifications');
      expect(text(p.el)).to.contain('Supprimer l’attribution de certifications');
      expect(text(p.el)).to.contain('Envoyer un courriel au candidat pour l’informer de l’annulation');
      expect(text(p.el)).to.contain('Sélectionner la certification à attribuer');
      expect(part(p.el, 'submit')!.textContent!.trim()).to.equal('Modifier l’attribution');
      // The credit of the current exam comes back first: its own type counts one more.
      expect(typeRow(p.el, 'Examen blanc - sur site')).to.contain(`(${before + 1} restantes)`);
      (root(p.el).querySelector('.remove input[type="checkbox"]') as HTMLInputElement).click();
      setTimeout(() => part(p.el, 'remove')!.click());
      const change = await oneEvent(p.el, 'clr-assignment-change');
      expect(change.detail).to.include({ action: 'remove' });
      expect(change.detail.message).to.contain('la certification est reversée dans le stock');
      expect((await client.candidates.retrieve(PERRIN)).assignment?.state ?? null).not.to.equal('scheduled');
      expect(await stockOf(client, 'blank-onsite')).to.equal(before + 1);
    });

    it('« Modifier l’attribution » to another type: the old credit returns, the new type consumes one', async () => {
      const { client } = await startMocks();
      const onsite = await stockOf(client, 'blank-onsite');
      const remote = await stockOf(client, 'blank-remote');
      const p = await page(client, PERRIN);
      await open(p);
      await chooseType(p.el, 'Examen blanc - à distance');
      setTimeout(() => submit(p.el));
      const change = await oneEvent(p.el, 'clr-assignment-change');
      expect(change.detail).to.include({ action: 'modify', examType: 'blank-remote' });
      expect((await client.candidates.retrieve(PERRIN)).assignment?.examType).to.equal('blank-remote');
      expect(await stockOf(client, 'blank-onsite')).to.equal(onsite + 1);
      expect(await stockOf(client, 'blank-remote')).to.equal(remote - 1);
    });

    it('the last credit taken meanwhile by another administrator: « plus assez de certifications » with the count now, nothing assigned', async () => {
      const { client } = await startMocks();
      await addCredits(client, 'PART-SITE-EXAMEN', 1);
      const mine = await newCandidate(client, 'Aubry');
      const theirs = await newCandidate(client, 'Blanc');
      const p = await page(client, mine);
      await open(p);
      await chooseType(p.el, 'Examen officiel - sur site');
      await typeDate(p.el, formatDayInput(addDays(parisDay(new Date()), 3)));
      // The other administrator is quicker.
      await client.assignments.assign(theirs, { examType: 'official-onsite', scheduledAt: addDays(parisDay(new Date()), 3) });
      submit(p.el);
      const message = await alertShown(p.el);
      expect(message).to.equal('Il n’y a plus assez de certifications « Examen officiel - sur site » : il en reste 0. Un autre administrateur vient peut-être d’en attribuer.');
      await waitUntil(() => typeRadio(p.el, 'Examen officiel - sur site').disabled, 'the stock shown follows');
      expect(typeRow(p.el, 'Examen officiel - sur site')).to.contain('(0 restante)');
      expect(p.el.open).to.equal(true);
      expect((await client.candidates.retrieve(mine)).status).to.equal('to_assign');
    });

    it('a session filled meanwhile: the server’s message, and another session to choose', async () => {
      const { client, mock } = await startMocks();
      await addCredits(client, 'PART-LAPOSTE-EXAMEN', 1);
      const id = await newCandidate(client);
      mock.worker.use(
        http.post('/api/v1/candidates/:id/assignment', () =>
          HttpResponse.json(
            { type: 'about:blank', title: 'Conflit', status: 409, code: 'conflict', detail: 'Plus aucune place dans la session du 16/04/2030 à Grenoble : choisissez une autre session.', sessionId: 'ses_1', needed: 1, available: 0 },
            { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        ),
      );
      const p = await page(client, id);
      await open(p);
      await chooseType(p.el, 'Examen officiel - en centre La Poste');
      part(p.el, 'choose-session')!.click();
      await p.el.updateComplete;
      const picker = root(p.el).querySelector<ClrSessionPicker>('clr-session-picker')!;
      await picker.loaded;
      await picker.updateComplete;
      for (const name of ['city', 'centre', 'time']) {
        const list = picker.shadowRoot!.querySelector<HTMLSelectElement>(`[part~="${name}"]`)!;
        if (list.selectedIndex < 1) {
          list.selectedIndex = 1;
          list.dispatchEvent(new Event('change'));
        }
        await picker.updateComplete;
      }
      picker.shadowRoot!.querySelector<HTMLButtonElement>('[part~="select"]')!.click();
      await p.el.updateComplete;
      submit(p.el);
      expect(await alertShown(p.el)).to.contain('Plus aucune place dans la session du 16/04/2030 à Grenoble');
      expect(part(p.el, 'choose-session')!.textContent!.trim()).to.equal('Choisir une session');
      expect(await stockOf(client, 'official-laposte')).to.equal(1);
    });

    it('a candidate deleted in another tab: the server’s message, nothing else changes', async () => {
      const { client } = await startMocks();
      const id = await newCandidate(client);
      const before = await stockOf(client, 'blank-remote');
      const p = await page(client, id);
      await open(p);
      await client.candidates.delete(id);
      await chooseType(p.el, 'Examen blanc - à distance');
      submit(p.el);
      expect(await alertShown(p.el)).to.match(/candidat/i);
      expect(await stockOf(client, 'blank-remote')).to.equal(before);
    });

    it('speaks English under lang="en"', async () => {
      const { client } = await startMocks();
      const p = await page(client, await newCandidate(client), { lang: 'en' });
      await open(p);
      expect(title(p.el)).to.equal('Assign a certification');
      expect(typeRow(p.el, 'Practice exam - remote')).to.contain('(200 left)');
      expect(part(p.el, 'submit')!.textContent!.trim()).to.equal('Assign the certification');
      await chooseType(p.el, 'Practice exam - on site');
      submit(p.el);
      await alertShown(p.el);
      expect(text(p.el)).to.contain('Preferred exam date:');
      expect(text(p.el)).not.to.contain('Choisissez');
    });
  });

  describe('events', () => {
    it('« Commander » fires clr-order-request with the type and closes', async () => {
      const { client } = await startMocks();
      await addCredits(client, 'PART-SITE-EXAMEN', 2);
      const p = await page(client, await newCandidate(client));
      await open(p);
      await chooseType(p.el, 'Examen officiel - sur site');
      setTimeout(() => part(p.el, 'order')!.click());
      const order = await oneEvent(p.el, 'clr-order-request');
      expect(order.detail.examType).to.equal('official-onsite');
      await waitUntil(() => !p.el.open);
    });

    it('by keyboard: arrows choose a type, Enter assigns; Escape closes and the focus goes back to the opener', async () => {
      const { client } = await startMocks();
      const id = await newCandidate(client);
      const p = await page(client, id);
      await open(p);
      typeRadio(p.el, 'Examen blanc - à distance').focus();
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'ArrowDown' });
      await p.el.updateComplete;
      expect(typeRadio(p.el, 'Examen blanc - sur site').checked).to.equal(true);
      await sendKeys({ press: 'ArrowUp' });
      await p.el.updateComplete;
      expect(typeRadio(p.el, 'Examen blanc - à distance').checked).to.equal(true);
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      await oneEvent(p.el, 'clr-assignment-change');
      expect(document.activeElement === p.opener, 'where the focus is').to.equal(true);

      const q = await page(client, PERRIN);
      await open(q);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !q.el.open);
      expect(document.activeElement === q.opener, 'where the focus is').to.equal(true);
    });
  });
});
