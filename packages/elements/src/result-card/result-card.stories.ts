/**
 * <clr-result-card> (§6.9–6.12) on the mocks (« Démo »): the three documents of
 * a La Poste exam, the report only, a registered candidate, English.
 */
import { html } from 'lit';
import { until } from 'lit/directives/until.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { ClrClient } from '@clr/sdk';
import '../define/clr-result-card.js';

interface Args {
  candidateId: string;
}

const meta: Meta<Args> = {
  title: 'Éléments/<clr-result-card>',
  component: 'clr-result-card',
  render: (args) => html`<clr-result-card candidate-id=${args.candidateId} style="max-width: 28rem"></clr-result-card>`,
  args: { candidateId: 'cand_00000001' },
  argTypes: { candidateId: { control: 'text', description: 'Identifiant du candidat' } },
  parameters: { clr: { state: 'demo' } },
};
export default meta;

type Story = StoryObj<Args>;

/** « Examen officiel - en centre La Poste », 942/1000: the report and both certificates. */
export const AllDocuments: Story = {};

/** The same in English. */
export const English: Story = { parameters: { clr: { state: 'demo', locale: 'en' } } };

/** A practice exam: « Accéder au bilan détaillé » only (R18). */
export const ReportOnly: Story = { args: { candidateId: 'cand_00000008' } };

/** A result waiting for an examiner (« Examen blanc - validation manuelle »): no report yet. */
export const PendingValidation: Story = { args: { candidateId: 'cand_00000009' } };

/** Registered for an approved-centre exam, not taken yet: « Générer l’attestation » (§6.11). */
export const Registered: Story = {
  render: (_args, context) => {
    const client = (context.loaded['clr'] as { client: ClrClient } | undefined)?.client;
    if (!client) return html``;
    const card = client.candidates.retrieve('cand_00000005').then(
      (file) => html`<clr-result-card style="max-width: 28rem" .candidate=${{ ...file, attempts: [], documents: { report: false, registration: true, attendance: false } }}></clr-result-card>`,
      () => html``,
    );
    return html`${until(card, html`<p>Chargement…</p>`)}`;
  },
};
