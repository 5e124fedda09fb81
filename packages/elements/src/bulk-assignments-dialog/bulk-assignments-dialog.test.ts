import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { addDays, formatDayInput, parisDay } from '@clr/domain';
import type { ClrClient } from '@clr/sdk';
import '../define/clr-bulk-assignments-dialog.js';
import { addCredits, newCandidate, stockOf } from '../../test/assignments.js';
import { startMocks, stopMocks } from '../../test/mocks.js';
import { waitUntil } from '../../test/wait.js';
import { selectionLimit, type ClrBulkAssignmentsDialog } from './bulk-assignments-dialog.js';

interface Page {
  opener: HTMLButtonElement;
  el: ClrBulkAssignmentsDialog;
}

async function page(client: ClrClient, lang = 'fr'): Promise<Page> {
  const wrapper = await fixture<HTMLDivElement>(html`
    <div lang=${lang}>
      <button id="opener" @click=${() => wrapper.querySelector('clr-bulk-assignments-dialog')!.show()}>Gérer les certifications</button>
      <clr-bulk-assignments-dialog .client=${client}></clr-bulk-assignments-dialog>
    </div>
  `);
  return { opener: wrapper.querySelector<HTMLButtonElement>('#opener')!, el: wrapper.querySelector('clr-bulk-assignments-dialog')! };
}

const root = (el: ClrBulkAssignmentsDialog) => el.shadowRoot!;
const part = <T extends HTMLElement = HTMLElement>(el: ClrBulkAssignmentsDialog, name: string) => root(el).querySelector<T>(`[part~="${name}"]`);
const title = (el: ClrBulkAssignmentsDialog) => part(el, 'title')!.textContent!.trim();
const counter = (el: ClrBulkAssignmentsDialog) => part(el, 'counter')!.textContent!.replace(/\s+/g, ' ').trim();
const rows = (el: ClrBulkAssignmentsDialog) => [...root(el).querySelectorAll<HTMLTableRowElement>('tbody tr')];
const box = (row: HTMLTableRowElement) => row.querySelector<HTMLInputElement>('input[type="checkbox"]')!;

async function open(p: Page): Promise<void> {
  p.opener.focus();
  p.opener.click();
  await waitUntil(() => part(p.el, 'types'), 'the exam types are shown');
}

async function chooseType(el: ClrBulkAssignmentsDialog, label: string): Promise<void> {
  const row = [...root(el).querySelectorAll('label.type')].find((l) => l.textContent!.includes(label))!;
  row.querySelector('input')!.click();
  await el.updateComplete;
}

async function typeDate(el: ClrBulkAssignmentsDialog, day: string): Promise<void> {
  const input = part<HTMLInputElement>(el, 'date')!;
  input.value = formatDayInput(day);
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function listed(el: ClrBulkAssignmentsDialog): Promise<void> {
  await waitUntil(() => rows(el).length > 0 || root(el).querySelector('[part~="status"]:not(:empty)')?.textContent?.includes('Aucun'), 'the candidates are listed');
}

describe('<clr-bulk-assignments-dialog>', () => {
  before(async () => {
    await expect(await fixture(html`<p>Chargement…</p>`)).to.be.accessible();
  });
  afterEach(() => stopMocks());

  describe('accessibility', () => {
    it('is accessible closed, on the two choices, and on both lists', async () => {
      const { client } = await startMocks();
      const p = await page(client);
      await expect(p.el).to.be.accessible();
      await open(p);
      await expect(p.el).to.be.accessible();
      part(p.el, 'remove-choice')!.click();
      await listed(p.el);
      box(rows(p.el)[0]!).click();
      await p.el.updateComplete;
      await expect(p.el).to.be.accessible();
      part(p.el, 'back')!.click();
      await p.el.updateComplete;
      await chooseType(p.el, 'Examen blanc - à distance');
      part(p.el, 'assign-choice')!.click();
      await listed(p.el);
      await expect(p.el).to.be.accessible();
    });
  });

  describe('properties', () => {
    it('selectionLimit: the stock, and the free seats of a La Poste session', () => {
      expect(selectionLimit(null, null)).to.equal(null);
      expect(selectionLimit(10, null)).to.equal(10);
      expect(selectionLimit(10, { seats: 8, seatsTaken: 5 })).to.equal(3);
      expect(selectionLimit(2, { seats: 8, seatsTaken: 5 })).to.equal(2);
    });

    it('« Gérer les attributions de certifications »: the manual’s two choices', async () => {
      const { client } = await startMocks();
      const p = await page(client);
      await open(p);
      expect(title(p.el)).to.equal('Gérer les attributions de certifications');
      const text = root(p.el).textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('Supprimer des attributions de certifications');
      expect(text).to.contain('Envoyer un courriel aux candidats pour les informer de l’annulation');
      expect(text).to.contain('Sélectionner la certification à attribuer');
      expect(text).to.contain('Examen blanc - à distance (200 restantes)');
      expect(part(p.el, 'remove-choice')!.textContent!.trim()).to.equal('Supprimer des attributions');
      expect(part(p.el, 'assign-choice')!.textContent!.trim()).to.equal('Sélectionner l’attribution');
    });

    it('« Supprimer des attributions » → the candidates whose exam can be removed → « Supprimer les attributions »: the credits return to the stock', async () => {
      const { client } = await startMocks();
      const before = await stockOf(client, 'blank-remote');
      const p = await page(client);
      await open(p);
      part(p.el, 'remove-choice')!.click();
      await listed(p.el);
      expect(title(p.el)).to.equal('Supprimer les attributions d’un ou plusieurs candidats');
      // « Démo »: 8 candidates have an exam scheduled.
      expect(rows(p.el)).to.have.length(8);
      expect(rows(p.el).every((r) => /Prévue|Expirée/.test(r.textContent!))).to.equal(true);
      const remote = rows(p.el).filter((r) => r.textContent!.includes('BERNARD-SAUVAGE') || r.textContent!.includes('GIRARD'));
      for (const r of remote) box(r).click();
      await p.el.updateComplete;
      expect(counter(p.el)).to.equal('2 candidats sélectionnés');
      const ids = remote.map((r) => r.dataset['candidateId']!);
      setTimeout(() => part(p.el, 'submit')!.click());
      const change = await oneEvent(p.el, 'clr-assignment-change');
      expect(change.detail.action).to.equal('remove');
      expect(change.detail.candidateIds).to.deep.equal(ids);
      expect(change.detail.message).to.equal('2 attributions supprimées : 2 certifications reversées dans le stock.');
      expect(await stockOf(client, 'blank-remote')).to.equal(before + 2);
      for (const id of ids) expect((await client.candidates.retrieve(id)).status).to.equal('to_assign');
    });

    it('a type → « Sélectionner l’attribution » → « N sélectionnés / M restantes », never more than the stock → « Attribuer les certifications »', async () => {
      const { client } = await startMocks();
      await addCredits(client, 'PART-SITE-EXAMEN', 3);
      const p = await page(client);
      await open(p);
      await chooseType(p.el, 'Examen officiel - sur site');
      part(p.el, 'assign-choice')!.click();
      await p.el.updateComplete;
      // A dated type: the date first.
      expect(root(p.el).querySelector('[part~="filters"]')).to.equal(null);
      expect(root(p.el).textContent).to.contain('Choisissez une date de passage.');
      const day = addDays(parisDay(new Date()), 5);
      await typeDate(p.el, day);
      part(p.el, 'assign-choice')!.click();
      await listed(p.el);
      expect(title(p.el)).to.equal('Attribuer « Examen officiel - sur site » à un ou plusieurs candidats');
      expect(counter(p.el)).to.equal('0 sélectionnés / 3 restantes');
      part(p.el, 'select-all')!.click();
      await p.el.updateComplete;
      expect(counter(p.el)).to.equal('3 sélectionnés / 3 restantes — Le stock est atteint : désélectionnez un candidat pour en choisir un autre.');
      const unchecked = rows(p.el).filter((r) => !box(r).checked);
      expect(unchecked.length).to.be.greaterThan(0);
      expect(unchecked.every((r) => box(r).disabled)).to.equal(true);
      const chosen = p.el.selectedIds;
      setTimeout(() => part(p.el, 'submit')!.click());
      const change = await oneEvent(p.el, 'clr-assignment-change');
      expect(change.detail).to.include({ action: 'assign', examType: 'official-onsite' });
      expect(change.detail.message).to.equal('3 certifications « Examen officiel - sur site » attribuées.');
      expect(await stockOf(client, 'official-onsite')).to.equal(0);
      for (const id of chosen) {
        const candidate = await client.candidates.retrieve(id);
        expect(candidate.status).to.equal('scheduled');
        expect(candidate.assignment?.scheduledAt).to.equal(day);
      }
    });

    it('all or nothing: credits taken meanwhile by another administrator — the shortage is named, nobody is assigned', async () => {
      const { client } = await startMocks();
      await addCredits(client, 'PART-SITE-EXAMEN', 2);
      const mine = [await newCandidate(client, 'Aubry'), await newCandidate(client, 'Blanc')];
      const theirs = await newCandidate(client, 'Colin');
      const p = await page(client);
      await open(p);
      await chooseType(p.el, 'Examen officiel - sur site');
      const day = addDays(parisDay(new Date()), 5);
      await typeDate(p.el, day);
      part(p.el, 'assign-choice')!.click();
      await listed(p.el);
      for (const r of rows(p.el).filter((row) => mine.includes(row.dataset['candidateId']!))) box(r).click();
      await p.el.updateComplete;
      expect(counter(p.el)).to.equal('2 sélectionnés / 2 restantes — Le stock est atteint : désélectionnez un candidat pour en choisir un autre.');
      await client.assignments.assign(theirs, { examType: 'official-onsite', scheduledAt: day });
      part(p.el, 'submit')!.click();
      await waitUntil(() => part(p.el, 'error'), 'the refusal is shown');
      expect(part(p.el, 'error')!.textContent!.trim()).to.equal(
        'Il n’y a plus assez de certifications « Examen officiel - sur site » : 2 nécessaires, 1 restantes. Aucune certification n’a été attribuée.',
      );
      for (const id of mine) expect((await client.candidates.retrieve(id)).status).to.equal('to_assign');
      await waitUntil(() => counter(p.el).startsWith('2 sélectionnés / 1 restantes'), 'the stock shown follows');
    });

    it('all or nothing: a candidate given an exam meanwhile is named and taken out of the selection', async () => {
      const { client } = await startMocks();
      const mine = [await newCandidate(client, 'Aubry', 'Louise'), await newCandidate(client, 'Blanc', 'Marc')];
      const p = await page(client);
      await open(p);
      await chooseType(p.el, 'Examen blanc - à distance');
      part(p.el, 'assign-choice')!.click();
      await listed(p.el);
      for (const r of rows(p.el).filter((row) => mine.includes(row.dataset['candidateId']!))) box(r).click();
      await p.el.updateComplete;
      await client.assignments.assign(mine[1]!, { examType: 'blank-remote' });
      const before = await stockOf(client, 'blank-remote');
      part(p.el, 'submit')!.click();
      await waitUntil(() => part(p.el, 'error'), 'the refusal is shown');
      expect(part(p.el, 'error')!.textContent!.trim()).to.equal(
        'Aucune attribution n’a été faite : BLANC Marc ne peut plus la recevoir (sa situation a changé entre-temps). Ce candidat a été retiré de la sélection.',
      );
      expect(p.el.selectedIds).to.deep.equal([mine[0]]);
      expect(await stockOf(client, 'blank-remote')).to.equal(before);
      expect((await client.candidates.retrieve(mine[0]!)).status).to.equal('to_assign');
    });

    it('the filters narrow the list: « Tous les statuts », search, « Réinitialiser les filtres »', async () => {
      const { client } = await startMocks();
      const p = await page(client);
      await open(p);
      part(p.el, 'remove-choice')!.click();
      await listed(p.el);
      const search = part<HTMLInputElement>(p.el, 'search')!;
      search.value = 'perrin';
      search.dispatchEvent(new Event('input'));
      search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      await waitUntil(() => rows(p.el).length === 1, 'one candidate');
      expect(rows(p.el)[0]!.textContent).to.contain('PERRIN Zoé');
      part(p.el, 'reset')!.click();
      await waitUntil(() => rows(p.el).length === 8, 'all again');
    });

    it('speaks English under lang="en"', async () => {
      const { client } = await startMocks();
      const p = await page(client, 'en');
      await open(p);
      expect(title(p.el)).to.equal('Manage certification assignments');
      await chooseType(p.el, 'Practice exam - remote');
      part(p.el, 'assign-choice')!.click();
      await listed(p.el);
      expect(title(p.el)).to.equal('Assign “Practice exam - remote” to one or more candidates');
      expect(counter(p.el)).to.equal('0 selected / 200 left');
    });
  });

  describe('events', () => {
    it('by keyboard: Space ticks a candidate, Escape closes, the focus goes back to the opener', async () => {
      const { client } = await startMocks();
      const p = await page(client);
      await open(p);
      part(p.el, 'remove-choice')!.focus();
      await sendKeys({ press: 'Enter' });
      await listed(p.el);
      expect(root(p.el).activeElement === part(p.el, 'search'), 'where the focus is').to.equal(true);
      box(rows(p.el)[0]!).focus();
      await sendKeys({ press: 'Space' });
      await p.el.updateComplete;
      expect(counter(p.el)).to.equal('1 candidat sélectionné');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !p.el.open);
      expect(document.activeElement === p.opener, 'where the focus is').to.equal(true);
    });
  });
});
