import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { ClrClient } from '@clr/sdk';
import type { MockWorker } from '@clr/mocks/browser';
import '../define/clr-candidate-form.js';
import { startMocks, stopMocks } from '../../test/mocks.js';
import { waitUntil } from '../../test/wait.js';
import type { ClrCandidateForm } from './candidate-form.js';

let client: ClrClient;
let mock: MockWorker;
let draftKey = 0;

async function form(options: { lang?: string; minPasswordLength?: number; key?: string; with?: ClrClient } = {}): Promise<ClrCandidateForm> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${options.lang ?? 'fr'}>
    <clr-candidate-form
      .client=${options.with ?? client}
      draft-key=${options.key ?? `test-${(draftKey += 1)}`}
      min-password-length=${options.minPasswordLength ?? 6}
    ></clr-candidate-form>
  </div>`);
  const el = wrapper.querySelector('clr-candidate-form')!;
  await waitUntil(() => el.shadowRoot!.querySelector('form, [part~="created"]'), 'the form is shown');
  return el;
}

const root = (el: ClrCandidateForm) => el.shadowRoot!;

function field(el: ClrCandidateForm, path: string): HTMLInputElement | HTMLSelectElement {
  const control = root(el).querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${path}"]`);
  if (!control) throw new Error(`no field ${path}`);
  return control;
}

async function type(el: ClrCandidateForm, path: string, value: string | boolean): Promise<void> {
  const control = field(el, path);
  if (typeof value === 'boolean') {
    (control as HTMLInputElement).checked = value;
    control.dispatchEvent(new Event('change'));
  } else if (control instanceof HTMLSelectElement) {
    control.value = value;
    control.dispatchEvent(new Event('change'));
  } else {
    control.value = value;
    control.dispatchEvent(new Event('input'));
  }
  await el.updateComplete;
}

/** The message shown beside a field (linked to it by aria-describedby), or ''. */
function messageOf(el: ClrCandidateForm, path: string): string {
  const control = root(el).querySelector(`[name="${path}"]`);
  if (!control) return '';
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  const error = ids.map((id) => root(el).getElementById(id)).find((node) => node?.getAttribute('part') === 'field-error');
  return error?.textContent?.trim() ?? '';
}

function button(el: ClrCandidateForm, part: string): HTMLButtonElement {
  return root(el).querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;
}

async function next(el: ClrCandidateForm): Promise<void> {
  button(el, 'next').click();
  await el.updateComplete;
}

function pageTitle(el: ClrCandidateForm): string {
  return root(el).querySelector('.page-title')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

const uniqueEmail = () => `nouveau.${Date.now()}.${Math.floor(Math.random() * 1e6)}@exemple.fr`;

async function fillIdentity(el: ClrCandidateForm, email = uniqueEmail()): Promise<void> {
  await type(el, 'identity.civility', 'mme');
  await type(el, 'identity.lastName', 'Durand');
  await type(el, 'identity.firstName', 'Léa');
  await type(el, 'identity.email', email);
  await type(el, 'identity.birthDate', '07/06/1990');
  await type(el, 'identity.birthPostcode', '38000');
  await type(el, 'identity.birthTown', 'Grenoble');
  await type(el, 'identity.birthCountry', 'France');
}

async function fillPassword(el: ClrCandidateForm): Promise<void> {
  await type(el, 'password.value', 'secret-42');
  await type(el, 'password.confirmation', 'secret-42');
}

async function fillInformation(el: ClrCandidateForm): Promise<void> {
  await type(el, 'information.status', 'employee');
  await type(el, 'information.funding', 'cpf');
}

/** Through the three required pages: the candidate is created. */
async function create(el: ClrCandidateForm, email = uniqueEmail()) {
  await fillIdentity(el, email);
  await next(el);
  await fillPassword(el);
  await next(el);
  await fillInformation(el);
  const created = oneEvent(el, 'clr-candidate-created');
  await next(el);
  return (await created).detail.candidate;
}

async function total(): Promise<number> {
  return (await client.candidates.list({ limit: 1 })).total;
}

describe('<clr-candidate-form>', () => {
  beforeEach(async () => {
    ({ client, mock } = await startMocks());
  });
  afterEach(() => stopMocks());

  describe('accessibility', () => {
    it('passes axe on the first page, with the stepper « Identité (Obligatoire) … Divers (Facultatif) »', async () => {
      const el = await form();
      const steps = [...root(el).querySelectorAll('[part~="step"]')].map((s) => s.textContent!.replace(/\s+/g, ' ').trim());
      expect(steps[0]).to.contain('Identité (Obligatoire)');
      expect(steps[2]).to.contain('Informations (Obligatoire)');
      expect(steps[3]).to.contain('Coordonnées (Facultatif)');
      expect(steps[4]).to.contain('Divers (Facultatif)');
      expect(root(el).querySelector('[aria-current="step"]')!.textContent).to.contain('Identité');
      expect(root(el).textContent).to.contain('* Champs requis');
      await expect(el).to.be.accessible();
    });

    it('passes axe with every message shown, and on the confirmation once created', async () => {
      const el = await form();
      await next(el);
      expect(root(el).querySelector('[part~="error-summary"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
      await create(el);
      await expect(el).to.be.accessible();
    });

    it('passes axe in English', async () => {
      const el = await form({ lang: 'en' });
      await next(el);
      await expect(el).to.be.accessible();
    });
  });

  describe('Étape suivante: each page is checked by the domain and each message shown beside its field', () => {
    it('refuses an empty « Identité » in French, beside each required field, and creates nothing', async () => {
      const before = await total();
      const el = await form();
      await next(el);
      expect(messageOf(el, 'identity.civility')).to.equal('La civilité est obligatoire.');
      expect(messageOf(el, 'identity.lastName')).to.equal('Le nom est obligatoire.');
      expect(messageOf(el, 'identity.firstName')).to.equal('Le prénom est obligatoire.');
      expect(messageOf(el, 'identity.email')).to.equal('Le courriel est obligatoire.');
      expect(messageOf(el, 'identity.birthDate')).to.equal('La date de naissance est obligatoire.');
      expect(messageOf(el, 'identity.birthName')).to.equal('');
      expect(field(el, 'identity.lastName').getAttribute('aria-invalid')).to.equal('true');
      expect(pageTitle(el)).to.contain('Identité');
      const summary = root(el).querySelector('[part~="error-summary"]')!;
      expect(summary.textContent).to.contain('Il y a un problème');
      expect(summary.textContent).to.contain('Nom : Le nom est obligatoire.');
      expect(await total()).to.equal(before);
    });

    it('refuses a bad e-mail and a birth date in the future; reads jj/mm/aaaa whatever the browser’s locale', async () => {
      const el = await form();
      await fillIdentity(el, 'pas-un-courriel');
      await type(el, 'identity.birthDate', '01/01/2999');
      await next(el);
      expect(messageOf(el, 'identity.email')).to.equal("Le courriel n'est pas valide.");
      expect(messageOf(el, 'identity.birthDate')).to.equal('La date de naissance doit être dans le passé.');
      await type(el, 'identity.birthDate', '31/02/1990');
      await type(el, 'identity.email', uniqueEmail());
      await next(el);
      expect(messageOf(el, 'identity.birthDate')).to.equal("La date de naissance n'est pas valide.");
      await type(el, 'identity.birthDate', '7/6/1990');
      await next(el);
      expect(pageTitle(el)).to.contain('Mot de passe');
    });

    it('refuses a password under 6 characters, or not confirmed', async () => {
      const el = await form();
      await fillIdentity(el);
      await next(el);
      await type(el, 'password.value', 'ab1');
      await next(el);
      expect(messageOf(el, 'password.value')).to.equal('Le mot de passe doit contenir au moins 6 caractères.');
      expect(messageOf(el, 'password.confirmation')).to.equal('La confirmation du mot de passe est obligatoire.');
      await type(el, 'password.value', 'secret-42');
      await type(el, 'password.confirmation', 'secret-43');
      await next(el);
      expect(messageOf(el, 'password.confirmation')).to.equal('Les mots de passe ne correspondent pas.');
    });

    it('min-password-length: a space asking for 8 characters refuses 7', async () => {
      const el = await form({ minPasswordLength: 8 });
      await fillIdentity(el);
      await next(el);
      expect(root(el).textContent).to.contain('Au moins 8 caractères.');
      await type(el, 'password.value', 'secret7');
      await type(el, 'password.confirmation', 'secret7');
      await next(el);
      expect(messageOf(el, 'password.value')).to.equal('Le mot de passe doit contenir au moins 8 caractères.');
    });

    it('the acknowledgment link is only offered with the e-mail that carries it', async () => {
      const el = await form();
      await fillIdentity(el);
      await next(el);
      expect((field(el, 'password.requestAcknowledgment') as HTMLInputElement).disabled).to.equal(true);
      await type(el, 'password.sendToCandidate', true);
      expect((field(el, 'password.requestAcknowledgment') as HTMLInputElement).disabled).to.equal(false);
      await type(el, 'password.requestAcknowledgment', true);
      await type(el, 'password.sendToCandidate', false);
      expect((field(el, 'password.requestAcknowledgment') as HTMLInputElement).checked).to.equal(false);
    });

    it('speaks English under lang="en"', async () => {
      const el = await form({ lang: 'en' });
      expect(button(el, 'next').textContent!.trim()).to.equal('Next step');
      await next(el);
      expect(messageOf(el, 'identity.lastName')).to.equal('The last name is required.');
      expect(root(el).textContent).to.contain('Identity (Required)');
    });
  });

  describe('events: the candidate is created after « Informations », then « Continuer » or « Retourner au tableau »', () => {
    it('creates the candidate with the password page’s options, and says so', async () => {
      const before = await total();
      const el = await form();
      await fillIdentity(el);
      await next(el);
      await fillPassword(el);
      await type(el, 'password.sendToCandidate', true);
      await type(el, 'password.requestAcknowledgment', true);
      await next(el);
      await fillInformation(el);
      const created = oneEvent(el, 'clr-candidate-created');
      await next(el);
      const { candidate } = (await created).detail;
      expect(candidate.lastName).to.equal('Durand');
      expect(candidate.identity.birthDate).to.equal('1990-06-07');
      expect(candidate.credentials.sentToCandidate).to.equal(true);
      expect(candidate.credentials.acknowledgmentRequested).to.equal(true);
      expect(await total()).to.equal(before + 1);
      await el.updateComplete;
      expect(root(el).querySelector('[part~="created"]')!.textContent).to.contain('Le compte de DURAND Léa et son dossier sont créés.');
      expect(button(el, 'continue').textContent!.trim()).to.equal('Continuer');
      expect(button(el, 'back').textContent!.trim()).to.equal('Retourner au tableau');
    });

    it('« Continuer » leads to « Coordonnées » and « Divers », each saved; « Enregistrer » ends', async () => {
      const el = await form();
      const candidate = await create(el);
      await el.updateComplete;
      button(el, 'continue').click();
      await el.updateComplete;
      expect(pageTitle(el)).to.contain('Coordonnées');
      await type(el, 'contact.phone', '06 12 34 56 78');
      await type(el, 'contact.town', 'Grenoble');
      await next(el);
      await waitUntil(() => pageTitle(el).includes('Divers'), 'on « Divers »');
      await type(el, 'misc.educationLevel', 'bac5');
      expect(button(el, 'next').textContent!.trim()).to.equal('Enregistrer');
      const saved = oneEvent(el, 'clr-candidate-saved');
      await next(el);
      expect((await saved).detail.candidate.misc.educationLevel).to.equal('bac5');
      const file = await client.candidates.retrieve(candidate.id);
      expect(file.contact.phone).to.equal('06 12 34 56 78');
      expect(file.contact.town).to.equal('Grenoble');
      expect(file.misc.educationLevel).to.equal('bac5');
    });

    it('« Retourner au tableau » asks the page to show the table', async () => {
      const el = await form();
      const candidate = await create(el);
      await el.updateComplete;
      const back = oneEvent(el, 'clr-back-to-table');
      button(el, 'back').click();
      expect((await back).detail.candidateId).to.equal(candidate.id);
    });
  });

  describe('server refusals and lost connections', () => {
    it('a duplicate e-mail (409) is shown on the e-mail field, back on « Identité », nothing created', async () => {
      const taken = (await client.candidates.list({ limit: 1 })).data[0]!.email;
      const before = await total();
      const el = await form();
      await fillIdentity(el, taken);
      await next(el);
      await fillPassword(el);
      await next(el);
      await fillInformation(el);
      await next(el);
      await waitUntil(() => messageOf(el, 'identity.email') !== '', 'the e-mail is refused');
      expect(pageTitle(el)).to.contain('Identité');
      expect(messageOf(el, 'identity.email')).to.equal('Ce courriel est déjà utilisé par un autre candidat.');
      expect(await total()).to.equal(before);
    });

    it('a server 422 naming a field shows its message there', async () => {
      mock.worker.use(
        http.post('/api/v1/candidates', () =>
          HttpResponse.json(
            { type: 'about:blank', title: 'Requête invalide', status: 422, code: 'validation_failed', detail: 'Données invalides.', errors: [{ path: 'information.funding', message: 'Le mode de financement est obligatoire.' }] },
            { status: 422, headers: { 'content-type': 'application/problem+json' } },
          ),
        ),
      );
      const el = await form();
      await fillIdentity(el);
      await next(el);
      await fillPassword(el);
      await next(el);
      await fillInformation(el);
      await next(el);
      await waitUntil(() => root(el).querySelector('[part~="error-summary"]'), 'the refusal is shown');
      expect(messageOf(el, 'information.funding')).to.equal('Le mode de financement est obligatoire.');
    });

    it('a lost connection keeps what was typed and offers « Réessayer »', async () => {
      mock.worker.use(http.post('/api/v1/candidates', () => HttpResponse.error(), { once: true }));
      const el = await form();
      await fillIdentity(el);
      await next(el);
      await fillPassword(el);
      await next(el);
      await fillInformation(el);
      await next(el);
      await waitUntil(() => root(el).querySelector('[part~="error"]'), 'the failure is shown');
      const alert = root(el).querySelector('[part~="error"]')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.textContent).to.contain('Le serveur ne répond pas');
      expect(alert.textContent).to.contain('Ce que vous avez saisi est conservé.');
      expect(field(el, 'information.funding').value).to.equal('cpf');
      const created = oneEvent(el, 'clr-candidate-created');
      alert.querySelector('button')!.click();
      expect((await created).detail.candidate.firstName).to.equal('Léa');
    });
  });

  describe('draft', () => {
    it('comes back in a new form (a reload) without the password, and is cleared once created', async () => {
      const key = `draft-${Date.now()}`;
      const first = await form({ key });
      await fillIdentity(first);
      await next(first);
      await fillPassword(first);
      await waitUntil(async () => (await client.drafts.load(key)) !== undefined, 'the draft is saved');
      await waitUntil(async () => ((await client.drafts.load<{ step: number }>(key))?.step ?? 0) === 1, 'the draft is on page 2');
      const stored = await client.drafts.load<{ password: Record<string, unknown> }>(key);
      expect(stored!.password['value']).to.equal(undefined);

      const second = await form({ key });
      expect(root(second).querySelector('[part~="draft"]')!.textContent).to.contain('Le mot de passe n’est jamais conservé');
      expect(pageTitle(second)).to.contain('Mot de passe');
      expect(field(second, 'password.value').value).to.equal('');
      root(second).querySelector<HTMLButtonElement>('[part~="step"] button')!.click(); // back to « Identité »
      await second.updateComplete;
      await waitUntil(() => pageTitle(second).includes('Identité'), 'back on page 1');
      expect(field(second, 'identity.lastName').value).to.equal('Durand');
      expect(field(second, 'identity.birthDate').value).to.equal('07/06/1990');
      await next(second);
      await fillPassword(second);
      await next(second);
      await fillInformation(second);
      const created = oneEvent(second, 'clr-candidate-created');
      await next(second);
      await created;
      await waitUntil(async () => (await client.drafts.load(key)) === undefined, 'the draft is cleared');
    });
  });

  describe('keyboard', () => {
    it('Enter in a field is « Étape suivante »; focus goes to the summary, whose link focuses the field', async () => {
      const el = await form();
      field(el, 'identity.lastName').focus();
      await sendKeys({ type: 'Dupont' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await waitUntil(() => root(el).activeElement?.classList.contains('error-summary'), 'the summary has focus');
      root(el).querySelector<HTMLAnchorElement>('.error-summary a')!.click();
      expect(root(el).activeElement).to.equal(field(el, 'identity.civility'));
    });
  });
});
