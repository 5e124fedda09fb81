/**
 * <clr-candidate-file> (§6.4, §6.8) on the mocks (« Démo »): a locked file with
 * its result, a file with an exam scheduled, edit mode, the deletion
 * confirmation, a missing candidate, and English.
 */
import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { ClrClient } from '@clr/sdk';
import '../define/clr-candidate-file.js';
import type { ClrCandidateFile } from './candidate-file.js';

interface Args {
  candidateId: string;
}

const meta: Meta<Args> = {
  title: 'Éléments/<clr-candidate-file>',
  component: 'clr-candidate-file',
  render: (args) => html`<clr-candidate-file candidate-id=${args.candidateId}><button slot="assignment" type="button">Attribuer un examen</button></clr-candidate-file>`,
  args: { candidateId: 'cand_00000001' },
  argTypes: { candidateId: { control: 'text', description: 'Identifiant du candidat' } },
  parameters: { clr: { state: 'demo' } },
};
export default meta;

type Story = StoryObj<Args>;

async function ready(canvas: HTMLElement): Promise<ClrCandidateFile | null> {
  const file = canvas.querySelector<ClrCandidateFile>('clr-candidate-file');
  for (let i = 0; i < 200 && file && !file.shadowRoot?.querySelector('[part~="header"]'); i += 1) await new Promise(requestAnimationFrame);
  return file;
}

/** Élodie Lefèvre took a La Poste exam: the file is locked and says why, the result card, the green envelope. */
export const Locked: Story = {};

/** The same in English. */
export const English: Story = { parameters: { clr: { state: 'demo', locale: 'en' } } };

/** Raphaël Bernard-Sauvage has an exam scheduled: « Supprimer » says why not, the envelope is orange. */
export const Scheduled: Story = { args: { candidateId: 'cand_00000012' } };

/** A candidate without exam (created for the story): « Modifier » → the five pages as fields. */
export const Editing: Story = {
  render: (args, context) => {
    const client = (context.loaded['clr'] as { client: ClrClient } | undefined)?.client;
    const element = document.createElement('clr-candidate-file');
    void client?.candidates
      .create({
        identity: { civility: 'm', lastName: 'Petit', firstName: 'Hugo', email: `hugo.petit.${Date.now()}@exemple.fr`, birthDate: '1991-04-02', birthPostcode: '69001', birthTown: 'Lyon', birthCountry: 'France' },
        password: { value: 'secret-42', confirmation: 'secret-42', sendToCandidate: false, requestAcknowledgment: false, sendToAdmin: false },
        information: { status: 'student', funding: 'cpf' },
      })
      .then((candidate) => element.setAttribute('candidate-id', candidate.id));
    return element;
  },
  play: async ({ canvasElement }) => {
    const file = await ready(canvasElement);
    file?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="edit"]')?.click();
  },
};

/** « Supprimer » on a candidate who may be deleted: the confirmation names them. */
export const DeleteConfirmation: Story = {
  render: Editing.render!,
  play: async ({ canvasElement }) => {
    const file = await ready(canvasElement);
    file?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="delete"]')?.click();
  },
};

/** « Chargement… » while the file comes. */
export const Loading: Story = {
  parameters: { msw: { handlers: { overrides: [http.get('/api/v1/candidates/:id', () => delay('infinite'))] } } },
};

/** A candidate that does not exist (any more). */
export const NotFound: Story = { args: { candidateId: 'cand_99999999' } };

/** The server cannot be reached: the message and « Réessayer ». */
export const LoadError: Story = {
  parameters: { msw: { handlers: { overrides: [http.get('/api/v1/candidates/:id', () => HttpResponse.error())] } } },
};
