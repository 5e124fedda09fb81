/**
 * <clr-candidate-form> (§6.3) on the mocks: the decorator of `.storybook/preview.ts`
 * logs in to « Démo » and provides the client; `parameters.clr` picks the data
 * and the language, `parameters.msw` forces refusals and lost connections.
 * Each story has its own draft key, so one story's draft never shows in another.
 */
import { html } from 'lit';
import { http, HttpResponse } from 'msw';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../define/clr-candidate-form.js';
import type { ClrCandidateForm } from './candidate-form.js';

const meta: Meta = {
  title: 'Éléments/<clr-candidate-form>',
  component: 'clr-candidate-form',
  render: (args, context) =>
    html`<clr-candidate-form min-password-length=${args['minPasswordLength'] as number} draft-key=${`story-${context.id}-${Date.now()}`}></clr-candidate-form>`,
  args: { minPasswordLength: 6 },
  argTypes: { minPasswordLength: { control: { type: 'number', min: 6 }, description: 'Longueur minimale du mot de passe de l’espace' } },
  parameters: { clr: { state: 'demo' } },
};
export default meta;

type Story = StoryObj;

async function ready(canvas: HTMLElement): Promise<ClrCandidateForm | null> {
  const form = canvas.querySelector<ClrCandidateForm>('clr-candidate-form');
  for (let i = 0; i < 200 && form && !form.shadowRoot?.querySelector('form'); i += 1) await new Promise(requestAnimationFrame);
  return form;
}

function set(form: ClrCandidateForm, values: Record<string, string | boolean>): void {
  for (const [name, value] of Object.entries(values)) {
    const control = form.shadowRoot?.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`);
    if (!control) continue;
    if (typeof value === 'boolean') {
      (control as HTMLInputElement).checked = value;
      control.dispatchEvent(new Event('change'));
    } else {
      control.value = value;
      control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input'));
    }
  }
}

async function next(form: ClrCandidateForm): Promise<void> {
  form.shadowRoot?.querySelector<HTMLButtonElement>('[part~="next"]')?.click();
  await form.updateComplete;
  for (let i = 0; i < 200 && form.shadowRoot?.querySelector('[part~="next"][aria-busy="true"]'); i += 1) await new Promise(requestAnimationFrame);
  await form.updateComplete;
}

const IDENTITY = {
  'identity.civility': 'mme',
  'identity.lastName': 'Durand',
  'identity.firstName': 'Léa',
  'identity.birthDate': '07/06/1990',
  'identity.birthPostcode': '38000',
  'identity.birthTown': 'Grenoble',
  'identity.birthCountry': 'France',
};
const email = () => `lea.durand.${Date.now()}@exemple.fr`;

/** « Identité (Obligatoire) », empty: the stepper of the five pages and « * Champs requis ». */
export const French: Story = {};

/** The same under `lang="en"`. */
export const English: Story = { parameters: { clr: { state: 'demo', locale: 'en' } } };

/** « Étape suivante » on an empty page: each message beside its field, the summary at the top. */
export const Errors: Story = {
  play: async ({ canvasElement }) => {
    const form = await ready(canvasElement);
    if (form) await next(form);
  },
};

/** A bad e-mail and a birth date in the future. */
export const InvalidFields: Story = {
  play: async ({ canvasElement }) => {
    const form = await ready(canvasElement);
    if (!form) return;
    set(form, { ...IDENTITY, 'identity.email': 'pas-un-courriel', 'identity.birthDate': '01/01/2999' });
    await next(form);
  },
};

/** « Mot de passe » with its options: the e-mail to the candidate with the acknowledgment link. */
export const PasswordPage: Story = {
  play: async ({ canvasElement }) => {
    const form = await ready(canvasElement);
    if (!form) return;
    set(form, { ...IDENTITY, 'identity.email': email() });
    await next(form);
    set(form, { 'password.value': 'secret-42', 'password.confirmation': 'secret-42', 'password.sendToCandidate': true });
    set(form, { 'password.requestAcknowledgment': true });
  },
};

/** After « Informations »: the candidate is created, « Continuer » or « Retourner au tableau ». */
export const Created: Story = {
  play: async ({ canvasElement }) => {
    const form = await ready(canvasElement);
    if (!form) return;
    set(form, { ...IDENTITY, 'identity.email': email() });
    await next(form);
    set(form, { 'password.value': 'secret-42', 'password.confirmation': 'secret-42' });
    await next(form);
    set(form, { 'information.status': 'employee', 'information.funding': 'cpf' });
    await next(form);
  },
};

/** The e-mail is already a candidate's login: the server's 409 on the e-mail field. */
export const DuplicateEmail: Story = {
  play: async ({ canvasElement }) => {
    const form = await ready(canvasElement);
    if (!form) return;
    set(form, { ...IDENTITY, 'identity.email': 'elodie.lefevre@exemple.fr' });
    await next(form);
    set(form, { 'password.value': 'secret-42', 'password.confirmation': 'secret-42' });
    await next(form);
    set(form, { 'information.status': 'employee', 'information.funding': 'cpf' });
    await next(form);
  },
};

/** The connection is lost on creation: the message, « Réessayer », and every field kept. */
export const NetworkError: Story = {
  parameters: { msw: { handlers: { overrides: [http.post('/api/v1/candidates', () => HttpResponse.error())] } } },
  play: Created.play!,
};
