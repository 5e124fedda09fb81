import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ClrClient } from '@clr/sdk';
import '../define/clr-assignment-actions.js';
import { newCandidate } from '../../test/assignments.js';
import { startMocks, stopMocks } from '../../test/mocks.js';
import { waitUntil } from '../../test/wait.js';
import type { ClrAssignDialog } from '../assign-dialog/assign-dialog.js';
import type { ClrCodesDialog } from '../codes-dialog/codes-dialog.js';
import type { ClrAssignmentActions } from './assignment-actions.js';

/** « Démo »: Zoé Perrin (« Examen blanc - sur site », with a code), Raphaël Bernard-Sauvage (« Examen blanc - à distance », none), Élodie Lefèvre (taken). */
const PERRIN = 'cand_00000013';
const BERNARD = 'cand_00000012';
const LEFEVRE = 'cand_00000001';

async function actions(client: ClrClient, candidateId: string, lang = 'fr'): Promise<ClrAssignmentActions> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><clr-assignment-actions .client=${client} candidate-id=${candidateId}></clr-assignment-actions></div>`);
  const el = wrapper.querySelector('clr-assignment-actions')!;
  await el.loaded;
  await el.updateComplete;
  return el;
}

const part = (el: ClrAssignmentActions, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const assignDialog = (el: ClrAssignmentActions) => el.shadowRoot!.querySelector<ClrAssignDialog>('clr-assign-dialog')!;
const codesDialog = (el: ClrAssignmentActions) => el.shadowRoot!.querySelector<ClrCodesDialog>('clr-codes-dialog')!;

describe('<clr-assignment-actions>', () => {
  before(async () => {
    await expect(await fixture(html`<p>Chargement…</p>`)).to.be.accessible();
  });
  afterEach(() => stopMocks());

  describe('accessibility', () => {
    it('is accessible for a candidate without an exam, and for one with an exam scheduled and its code', async () => {
      const { client } = await startMocks();
      await expect(await actions(client, await newCandidate(client))).to.be.accessible();
      await expect(await actions(client, PERRIN)).to.be.accessible();
    });
  });

  describe('properties', () => {
    it('« Attribuer une certification » for a candidate without an exam, « Nouvelle attribution » after a taken one', async () => {
      const { client } = await startMocks();
      const fresh = await actions(client, await newCandidate(client));
      expect(part(fresh, 'assign')!.textContent!.trim()).to.equal('Attribuer une certification');
      expect(part(fresh, 'summary')!.textContent).to.contain('Aucun examen attribué.');
      expect(part(fresh, 'show-code')).to.equal(null);
      const taken = await actions(client, LEFEVRE);
      expect(part(taken, 'assign')!.textContent!.trim()).to.equal('Nouvelle attribution');
    });

    it('« Modifier l’attribution » and « Afficher le code » while an exam with a code is scheduled; no code for an exam without one', async () => {
      const { client } = await startMocks();
      const perrin = await actions(client, PERRIN);
      expect(part(perrin, 'assign')!.textContent!.trim()).to.equal('Modifier l’attribution');
      expect(part(perrin, 'summary')!.textContent).to.match(/Examen blanc - sur site — Prévue, le \d{2}\/\d{2}\/\d{4}/);
      expect(part(perrin, 'show-code')!.textContent!.trim()).to.equal('Afficher le code');
      const bernard = await actions(client, BERNARD);
      expect(part(bernard, 'assign')!.textContent!.trim()).to.equal('Modifier l’attribution');
      expect(part(bernard, 'show-code')).to.equal(null);
    });

    it('speaks English under lang="en"', async () => {
      const { client } = await startMocks();
      const el = await actions(client, PERRIN, 'en');
      expect(part(el, 'assign')!.textContent!.trim()).to.equal('Change the assignment');
      expect(part(el, 'show-code')!.textContent!.trim()).to.equal('Show the code');
      expect(part(el, 'summary')!.textContent).to.contain('Practice exam - on site — Scheduled');
    });
  });

  describe('events', () => {
    it('« Attribuer une certification » opens the dialog; after it, the file shows « Prévue », says what was done, and the page hears clr-assignment-change', async () => {
      const { client } = await startMocks();
      const id = await newCandidate(client);
      const el = await actions(client, id);
      part(el, 'assign')!.focus();
      part(el, 'assign')!.click();
      const dialog = assignDialog(el);
      await waitUntil(() => dialog.shadowRoot!.querySelector('label.type'), 'the dialog shows the types');
      expect(dialog.open).to.equal(true);
      dialog.shadowRoot!.querySelector<HTMLInputElement>('label.type input')!.click();
      await dialog.updateComplete;
      setTimeout(() => dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!.click());
      const change = await oneEvent(el, 'clr-assignment-change');
      expect(change.detail.candidateIds).to.deep.equal([id]);
      await waitUntil(() => part(el, 'summary')!.textContent!.includes('Prévue'), 'the file shows « Prévue »');
      expect(part(el, 'message')!.textContent).to.equal('La certification « Examen blanc - à distance » est attribuée à AUBRY Louise.');
      expect(part(el, 'assign')!.textContent!.trim()).to.equal('Modifier l’attribution');
      expect(el.shadowRoot!.activeElement === part(el, 'assign'), 'where the focus is').to.equal(true);
    });

    it('« Afficher le code » opens <clr-codes-dialog> on that candidate’s code; Escape closes it', async () => {
      const { client } = await startMocks();
      const el = await actions(client, PERRIN);
      part(el, 'show-code')!.focus();
      await sendKeys({ press: 'Enter' });
      const codes = codesDialog(el);
      await waitUntil(() => codes.shadowRoot!.querySelector('[part~="code"]'), 'the code is shown');
      expect(codes.candidateId).to.equal(PERRIN);
      expect(codes.shadowRoot!.querySelector('[part~="code"]')!.textContent!.trim()).to.match(/^[BCDFGHJKMPQRTVWXY2346789]{8}$/);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !codes.open);
      expect(el.shadowRoot!.activeElement === part(el, 'show-code'), 'where the focus is').to.equal(true);
    });
  });
});
