/** <clr-assignment-actions> (§6.5–6.7) on the mocks (« Démo »): what the candidate file's assignment slot shows. */
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../define/clr-assignment-actions.js';

const meta: Meta<{ candidateId: string }> = {
  title: 'Éléments/<clr-assignment-actions>',
  component: 'clr-assignment-actions',
  render: (args) => html`<clr-assignment-actions candidate-id=${args.candidateId}></clr-assignment-actions>`,
  argTypes: { candidateId: { control: 'text', description: 'Identifiant du candidat' } },
  args: { candidateId: 'cand_00000013' },
  parameters: { clr: { state: 'demo' } },
};
export default meta;

type Story = StoryObj<{ candidateId: string }>;

/** An exam scheduled with an activation code (Zoé Perrin): « Modifier l'attribution », « Afficher le code ». */
export const Scheduled: Story = { parameters: { clr: { state: 'demo', locale: 'fr' } } };

/** The same under `lang="en"`. */
export const English: Story = { parameters: { clr: { state: 'demo', locale: 'en' } } };

/** An exam without a code (Raphaël Bernard-Sauvage, « à distance »). */
export const WithoutCode: Story = { args: { candidateId: 'cand_00000012' } };

/** After a taken exam (Élodie Lefèvre): « Nouvelle attribution ». */
export const AfterTakenExam: Story = { args: { candidateId: 'cand_00000001' } };
