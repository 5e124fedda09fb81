import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ClrClient } from '@clr/sdk';
import '../define/clr-candidate-file.js';
import { startMocks, stopMocks } from '../../test/mocks.js';
import { waitUntil } from '../../test/wait.js';
import type { ClrCandidateFile } from './candidate-file.js';

/** Élodie Lefèvre: a La Poste exam taken and validated, the acknowledgment link clicked. */
const LEFEVRE = 'cand_00000001';
/** Raphaël Bernard-Sauvage: an exam scheduled, the credentials e-mail not acknowledged yet. */
const BERNARD = 'cand_00000012';

let client: ClrClient;

async function file(candidateId: string, lang = 'fr'): Promise<ClrCandidateFile> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}>
    <clr-candidate-file .client=${client} candidate-id=${candidateId}><button slot="assignment">Attribuer un examen</button></clr-candidate-file>
  </div>`);
  const el = wrapper.querySelector('clr-candidate-file')!;
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="header"], [part~="error"]'), 'the file is shown');
  return el;
}

const root = (el: ClrCandidateFile) => el.shadowRoot!;
const part = <T extends Element = HTMLButtonElement>(el: ClrCandidateFile, name: string) => root(el).querySelector<T>(`[part~="${name}"]`);
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function tab(el: ClrCandidateFile, name: string): HTMLButtonElement {
  return [...root(el).querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((t) => text(t).startsWith(name))!;
}

/** The read-only value of a field: its `<dd>` under the `<dt>` of that label. */
function valueOf(el: ClrCandidateFile, label: string): string {
  const dt = [...root(el).querySelectorAll('dt')].find((d) => text(d) === label);
  return text(dt?.nextElementSibling);
}

async function newCandidate(): Promise<string> {
  const candidate = await client.candidates.create({
    identity: {
      civility: 'm',
      lastName: 'Petit',
      firstName: 'Hugo',
      email: `hugo.${Date.now()}.${Math.floor(Math.random() * 1e6)}@exemple.fr`,
      birthDate: '1991-04-02',
      birthPostcode: '69001',
      birthTown: 'Lyon',
      birthCountry: 'France',
    },
    password: { value: 'secret-42', confirmation: 'secret-42', sendToCandidate: false, requestAcknowledgment: false, sendToAdmin: false },
    information: { status: 'student', funding: 'cpf' },
  });
  return candidate.id;
}

describe('<clr-candidate-file>', () => {
  beforeEach(async () => {
    ({ client } = await startMocks());
  });
  afterEach(() => stopMocks());

  describe('accessibility', () => {
    it('passes axe on a locked file with its result, on a file in edit mode, and in the confirmation', async () => {
      const locked = await file(LEFEVRE);
      await expect(locked).to.be.accessible();
      const id = await newCandidate();
      const open = await file(id);
      part(open, 'edit')!.click();
      await open.updateComplete;
      await expect(open).to.be.accessible();
      part(open, 'cancel')!.click();
      await open.updateComplete;
      part(open, 'delete')!.click();
      await open.updateComplete;
      expect(part<HTMLDialogElement>(open, 'dialog')!.open).to.equal(true);
      await expect(open).to.be.accessible();
    });

    it('passes axe in English', async () => {
      const el = await file(BERNARD, 'en');
      await expect(el).to.be.accessible();
    });
  });

  describe('properties', () => {
    it('shows the five pages read-only, as tabs, and the login with its envelope', async () => {
      const el = await file(LEFEVRE);
      expect(text(part(el, 'title'))).to.equal('LEFÈVRE Élodie');
      expect(text(part(el, 'login'))).to.contain('Identifiant : elodie.lefevre@exemple.fr');
      const envelope = part(el, 'envelope')!;
      expect(envelope.getAttribute('part')).to.contain('acknowledged');
      expect(envelope.getAttribute('aria-label')).to.contain('Le candidat a accusé réception');
      expect([...root(el).querySelectorAll('[role="tab"]')].map(text)).to.deep.equal([
        'Identité (Obligatoire)',
        'Mot de passe (Obligatoire)',
        'Informations (Obligatoire)',
        'Coordonnées (Facultatif)',
        'Divers (Facultatif)',
      ]);
      expect(valueOf(el, 'Nom')).to.equal('Lefèvre');
      expect(valueOf(el, 'Date de naissance')).to.equal('12/03/1994');
      expect(valueOf(el, 'Civilité')).to.equal('Madame');
      tab(el, 'Informations').click();
      await el.updateComplete;
      expect(valueOf(el, 'Statut du candidat')).to.equal('Salarié');
      expect(valueOf(el, 'Mode de financement de l’examen')).to.equal('Compte personnel de formation (CPF)');
      tab(el, 'Coordonnées').click();
      await el.updateComplete;
      expect(valueOf(el, 'Commune')).to.equal('Grenoble');
      expect(valueOf(el, 'Pays de résidence')).to.equal('France');
      const bare = await file(BERNARD);
      tab(bare, 'Coordonnées').click();
      await bare.updateComplete;
      expect(valueOf(bare, 'Téléphone (mobile de préférence)')).to.equal('Non renseigné');
    });

    it('the envelope is orange (« awaiting ») until the acknowledgment link is clicked', async () => {
      const el = await file(BERNARD);
      const envelope = part(el, 'envelope')!;
      expect(envelope.getAttribute('part')).to.contain('awaiting');
      expect(getComputedStyle(envelope).color).to.equal('rgb(194, 94, 0)');
      const green = await file(LEFEVRE);
      expect(getComputedStyle(part(green, 'envelope')!).color).to.equal('rgb(30, 123, 52)');
    });

    it('R11 a candidate who took an exam: « Modifier » is locked and the file says why', async () => {
      const el = await file(LEFEVRE);
      const edit = part(el, 'edit')!;
      expect(edit.getAttribute('aria-disabled')).to.equal('true');
      expect(text(part(el, 'locked'))).to.equal('Ce candidat a déjà passé un examen : son dossier ne peut plus être modifié.');
      expect(edit.getAttribute('aria-describedby')).to.equal('locked-reason');
      edit.click();
      await el.updateComplete;
      expect(root(el).querySelector('form')).to.equal(null);
      expect(root(el).querySelector('clr-result-card')).to.not.equal(null);
    });

    it('R10 « Supprimer » is refused, with the reason, to a candidate with an exam scheduled', async () => {
      const el = await file(BERNARD);
      expect(part(el, 'delete')!.getAttribute('aria-disabled')).to.equal('true');
      expect(text(part(el, 'delete-reason'))).to.contain('Un examen est attribué à ce candidat : il ne peut pas être supprimé.');
      part(el, 'delete')!.click();
      await el.updateComplete;
      expect(part<HTMLDialogElement>(el, 'dialog')!.open).to.equal(false);
    });

    it('keeps a named slot « assignment » for the assignment actions', async () => {
      const el = await file(BERNARD);
      const slot = root(el).querySelector<HTMLSlotElement>('slot[name="assignment"]')!;
      expect(slot.assignedElements().map(text)).to.deep.equal(['Attribuer un examen']);
    });

    it('speaks English under lang="en"', async () => {
      const el = await file(LEFEVRE, 'en');
      expect(text(part(el, 'edit'))).to.equal('Edit');
      expect(text(part(el, 'locked'))).to.equal('This candidate has already taken an exam: their file can no longer be edited.');
      expect(text(part(el, 'back'))).to.contain('Back to the candidates table');
    });
  });

  describe('events', () => {
    it('« Modifier » → edit → « Enregistrer » saves the file and fires clr-candidate-saved', async () => {
      const id = await newCandidate();
      const el = await file(id);
      part(el, 'edit')!.click();
      await el.updateComplete;
      const lastName = root(el).querySelector<HTMLInputElement>('[name="identity.lastName"]')!;
      lastName.value = 'Petit-Durand';
      lastName.dispatchEvent(new Event('input'));
      tab(el, 'Coordonnées').click();
      await el.updateComplete;
      const phone = root(el).querySelector<HTMLInputElement>('[name="contact.phone"]')!;
      phone.value = '06 98 76 54 32';
      phone.dispatchEvent(new Event('input'));
      await el.updateComplete;
      const saved = oneEvent(el, 'clr-candidate-saved');
      part(el, 'save')!.click();
      const { candidate } = (await saved).detail;
      expect(candidate.lastName).to.equal('Petit-Durand');
      expect(candidate.contact.phone).to.equal('06 98 76 54 32');
      await el.updateComplete;
      expect(root(el).querySelector('form')).to.equal(null);
      expect(valueOf(el, 'Téléphone (mobile de préférence)')).to.equal('06 98 76 54 32');
      expect((await client.candidates.retrieve(id)).lastName).to.equal('Petit-Durand');
    });

    it('« Annuler » puts back what was there; an invalid field is refused beside it, in French', async () => {
      const id = await newCandidate();
      const el = await file(id);
      part(el, 'edit')!.click();
      await el.updateComplete;
      const email = root(el).querySelector<HTMLInputElement>('[name="identity.email"]')!;
      email.value = 'pas-un-courriel';
      email.dispatchEvent(new Event('input'));
      part(el, 'save')!.click();
      await el.updateComplete;
      expect(text(root(el).getElementById('field-identity-email-error'))).to.equal("Le courriel n'est pas valide.");
      part(el, 'cancel')!.click();
      await el.updateComplete;
      expect(valueOf(el, 'Courriel')).to.match(/^hugo\./);
    });

    it('a duplicate e-mail (409) is shown on the e-mail field', async () => {
      const id = await newCandidate();
      const el = await file(id);
      part(el, 'edit')!.click();
      await el.updateComplete;
      const email = root(el).querySelector<HTMLInputElement>('[name="identity.email"]')!;
      email.value = 'elodie.lefevre@exemple.fr';
      email.dispatchEvent(new Event('input'));
      part(el, 'save')!.click();
      await waitUntil(() => root(el).getElementById('field-identity-email-error'), 'the refusal is shown');
      expect(text(root(el).getElementById('field-identity-email-error'))).to.equal('Ce courriel est déjà utilisé par un autre candidat.');
    });

    it('§6.8 « Supprimer » asks in a dialog naming the candidate; « Supprimer » there deletes and fires clr-candidate-deleted', async () => {
      const id = await newCandidate();
      const el = await file(id);
      const opener = part(el, 'delete')!;
      opener.focus();
      opener.click();
      await el.updateComplete;
      const dialog = part<HTMLDialogElement>(el, 'dialog')!;
      expect(dialog.open).to.equal(true);
      expect(text(dialog)).to.contain('Supprimer le candidat « PETIT Hugo » ?');
      expect(root(el).activeElement).to.equal(part(el, 'cancel-delete'));
      const deleted = oneEvent(el, 'clr-candidate-deleted');
      part(el, 'confirm')!.click();
      expect((await deleted).detail.candidateId).to.equal(id);
      await el.updateComplete;
      expect(text(root(el).querySelector('.done'))).to.equal('Le candidat « PETIT Hugo » a été supprimé.');
      let gone = false;
      await client.candidates.retrieve(id).catch(() => (gone = true));
      expect(gone).to.equal(true);
    });

    it('« Retour au tableau des candidats » fires clr-back-to-table', async () => {
      const el = await file(LEFEVRE);
      const back = oneEvent(el, 'clr-back-to-table');
      part(el, 'back')!.click();
      expect((await back).detail.candidateId).to.equal(LEFEVRE);
    });

    it('an unknown candidate is said so', async () => {
      const el = await file('cand_99999999');
      expect(text(part(el, 'error'))).to.equal('Ce candidat n’existe pas, ou plus.');
    });
  });

  describe('keyboard', () => {
    it('arrows move between the pages’ tabs; Escape cancels the deletion and gives the focus back', async () => {
      const el = await file(LEFEVRE);
      tab(el, 'Identité').focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(tab(el, 'Mot de passe'));
      expect(tab(el, 'Mot de passe').getAttribute('aria-selected')).to.equal('true');
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(root(el).activeElement).to.equal(tab(el, 'Divers'));

      const id = await newCandidate();
      const other = await file(id);
      part(other, 'delete')!.focus();
      await sendKeys({ press: 'Enter' });
      await other.updateComplete;
      expect(part<HTMLDialogElement>(other, 'dialog')!.open).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !part<HTMLDialogElement>(other, 'dialog')!.open, 'the dialog closes');
      expect(root(other).activeElement).to.equal(part(other, 'delete'));
      expect((await client.candidates.retrieve(id)).id).to.equal(id);
    });
  });
});
