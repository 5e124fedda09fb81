/**
 * <clr-documents-dialog> (§6.10–6.12) on the mocks (« Démo »): every story
 * renders the dialog open, after a button that opens it again once closed.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { delay, http, HttpResponse } from 'msw';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { DocumentKind } from '@clr/domain';
import '../define/clr-documents-dialog.js';
import type { ClrDocumentsDialog } from './documents-dialog.js';

interface Args {
  kind?: DocumentKind;
}

function dialogOf(args: Args): TemplateResult {
  return html`
    <button type="button" @click=${(e: Event) => ((e.target as HTMLElement).nextElementSibling as ClrDocumentsDialog).show()}>Générer des documents</button>
    <clr-documents-dialog open kind=${ifDefined(args.kind)}></clr-documents-dialog>
  `;
}

const meta: Meta<Args> = {
  title: 'Éléments/<clr-documents-dialog>',
  component: 'clr-documents-dialog',
  render: (args) => dialogOf(args),
  argTypes: { kind: { control: 'select', options: ['report', 'registration', 'attendance'], description: 'Type de document (vide : le choix)' } },
  parameters: { clr: { state: 'demo' } },
};
export default meta;

type Story = StoryObj<Args>;

/** « Sélectionner le type de document à générer : ». */
export const ChooseKind: Story = {};

/** The same in English. */
export const English: Story = { parameters: { clr: { state: 'demo', locale: 'en' } } };

/** « Bilan détaillé »: the candidates whose report is available. */
export const Reports: Story = { args: { kind: 'report' } };

/** « Attestation de passage ». */
export const Attendance: Story = { args: { kind: 'attendance' } };

/** 500 candidates: pages of 50, « Afficher les candidats suivants », « Tout sélectionner ». */
export const Many: Story = { args: { kind: 'report' }, parameters: { clr: { state: { candidates: 500 } } } };

/** A space where nobody has the document yet. */
export const Empty: Story = { args: { kind: 'attendance' }, parameters: { clr: { state: 'empty' } } };

/** « Générer » while the server takes its time: the progress bar and « Annuler la génération ». */
export const Generating: Story = {
  args: { kind: 'report' },
  parameters: { msw: { handlers: { overrides: [http.get('/api/v1/documents/:kind', () => delay('infinite'))] } } },
  play: async ({ canvasElement }) => {
    const dialog = canvasElement.querySelector<ClrDocumentsDialog>('clr-documents-dialog');
    for (let i = 0; i < 200 && dialog && !dialog.shadowRoot?.querySelector('tbody input'); i += 1) await new Promise(requestAnimationFrame);
    dialog?.shadowRoot?.querySelector<HTMLInputElement>('tbody input')?.click();
    await dialog?.updateComplete;
    // A ZIP: no new tab in Storybook.
    dialog?.shadowRoot?.querySelector<HTMLInputElement>('input[name="format"][value="zip"]')?.click();
    await dialog?.updateComplete;
    dialog?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="generate"]')?.click();
  },
};

/** The list cannot be loaded: the message and « Réessayer ». */
export const LoadError: Story = {
  args: { kind: 'report' },
  parameters: { msw: { handlers: { overrides: [http.get('/api/v1/documents/:kind/eligible', () => HttpResponse.error())] } } },
};
