/**
 * <clr-codes-dialog> (§6.7) on the mocks: the decorator of `.storybook/preview.ts`
 * logs in to « Démo » and provides the client; `parameters.clr` picks the data
 * and the language, `parameters.msw` forces errors and slowness. Every story
 * renders the dialog open, with a button that opens it again once closed.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { until } from 'lit/directives/until.js';
import { delay, http, HttpResponse } from 'msw';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { ClrClient } from '@clr/sdk';
import '../define/clr-codes-dialog.js';
import type { ClrCodesDialog } from './codes-dialog.js';

interface Args {
  candidateId?: string;
  candidateIds?: string[];
}

/** The dialog, open, after a button that opens it again once closed. */
function dialogOf(args: Args): TemplateResult {
  return html`
    <button
      type="button"
      @click=${(e: Event) => ((e.target as HTMLElement).nextElementSibling as ClrCodesDialog).show()}
    >
      Afficher les codes
    </button>
    <clr-codes-dialog open candidate-id=${ifDefined(args.candidateId)} .candidateIds=${args.candidateIds ?? []}></clr-codes-dialog>
  `;
}

const meta: Meta<Args> = {
  title: 'Éléments/<clr-codes-dialog>',
  component: 'clr-codes-dialog',
  render: (args) => dialogOf(args),
  argTypes: {
    candidateId: { control: 'text', description: 'Identifiant du candidat (vide : la liste des candidats)' },
    candidateIds: { control: 'object', description: 'Candidats sélectionnés (propriété) : leurs codes directement ; passe avant candidate-id' },
  },
  parameters: { clr: { state: 'demo' } },
};
export default meta;

type Story = StoryObj<Args>;

/** « Afficher les codes » from the candidates table: the candidates holding a code, search, filters, « Tout sélectionner ». */
export const French: Story = { parameters: { clr: { state: 'demo', locale: 'fr' } } };

/** The same under `lang="en"`. */
export const English: Story = { parameters: { clr: { state: 'demo', locale: 'en' } } };

/** « Afficher le code » from a candidate's file: Zoé Perrin's code, exam type, date and deadline. */
export const OneCandidate: Story = { args: { candidateId: 'cand_00000013' } };

/** A candidate whose exam has no activation code: the manual's wording (La Poste exams never show one). */
export const CandidateWithoutCode: Story = { args: { candidateId: 'cand_00000012' } };

/** Many candidates with a code (from 5 000 generated): paged by 50, « Tout sélectionner » loads them all. */
export const ManyRows: Story = { parameters: { clr: { state: { candidates: 5000 } } } };

/** The codes of a selection: three candidates ticked, « Afficher les codes » pressed. */
export const CodesOfSelection: Story = {
  parameters: { clr: { state: { candidates: 500 } } },
  play: async ({ canvasElement }) => {
    const dialog = canvasElement.querySelector<ClrCodesDialog>('clr-codes-dialog');
    const root = dialog?.shadowRoot;
    if (!dialog || !root) return;
    for (let i = 0; i < 200 && !root.querySelector('tbody tr'); i += 1) await new Promise(requestAnimationFrame);
    for (const box of [...root.querySelectorAll<HTMLInputElement>('tbody input[type="checkbox"]')].slice(0, 3)) box.click();
    await dialog.updateComplete;
    root.querySelector<HTMLButtonElement>('[part~="show-codes"]')?.click();
  },
};

/**
 * `candidateIds`: the selection of the candidates table, straight on its codes — the first five candidates holding a
 * code among 500 generated ones, « Exporter » exports exactly them.
 */
export const Selection: Story = {
  parameters: { clr: { state: { candidates: 500 } } },
  render: (args, context) => {
    const client = (context.loaded['clr'] as { client: ClrClient } | undefined)?.client;
    if (!client) return dialogOf(args);
    const ids = client.codes.candidates({ limit: 5 }).then(
      (page) => dialogOf({ ...args, candidateIds: page.data.map((row) => row.id) }),
      () => dialogOf(args),
    );
    return html`${until(ids, html`<p>Chargement…</p>`)}`;
  },
};

/** The same in English. */
export const SelectionEnglish: Story = { ...Selection, parameters: { clr: { state: { candidates: 500 }, locale: 'en' } } };

/** A selection with a candidate without a code (« Démo »: Zoé Perrin and Raphaël Bernard-Sauvage): her code, and a word about him. */
export const SelectionWithoutCode: Story = { args: { candidateIds: ['cand_00000013', 'cand_00000012'] } };

/** No candidate of the space holds a code. */
export const Empty: Story = { parameters: { clr: { state: 'empty' } } };

/** « Chargement… » while the list comes. */
export const Loading: Story = {
  parameters: { msw: { handlers: { overrides: [http.get('/api/v1/activation-codes/candidates', () => delay('infinite'))] } } },
};

/** The list cannot be loaded: the message and « Réessayer ». */
export const LoadError: Story = {
  parameters: { msw: { handlers: { overrides: [http.get('/api/v1/activation-codes/candidates', () => HttpResponse.error())] } } },
};
