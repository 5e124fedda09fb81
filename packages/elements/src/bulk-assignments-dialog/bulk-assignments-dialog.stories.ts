/**
 * <clr-bulk-assignments-dialog> (§6.6 many candidates) on the mocks
 * (« Démo »). Each story opens the dialog; `play` walks to the later steps.
 */
import { html } from 'lit';
import { until } from 'lit/directives/until.js';
import { http, HttpResponse } from 'msw';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { ClrClient } from '@clr/sdk';
import '../define/clr-bulk-assignments-dialog.js';
import { addCredits } from '../../test/assignments.js';
import type { ClrBulkAssignmentsDialog } from './bulk-assignments-dialog.js';

const dialog = () => html`
  <button type="button" @click=${(e: Event) => ((e.target as HTMLElement).nextElementSibling as ClrBulkAssignmentsDialog).show()}>Gérer les certifications</button>
  <clr-bulk-assignments-dialog open></clr-bulk-assignments-dialog>
`;

async function frames(test: () => unknown): Promise<void> {
  for (let i = 0; i < 400 && !test(); i += 1) await new Promise(requestAnimationFrame);
}

const rootOf = (canvas: HTMLElement) => canvas.querySelector('clr-bulk-assignments-dialog')!.shadowRoot!;

/** Chooses a type, types a date when it needs one, and goes to the candidates; ticks `tick` of them. */
async function toAssignList(canvas: HTMLElement, label: string, tick = 0): Promise<void> {
  // The dialog comes once the credits are delivered.
  await frames(() => canvas.querySelector('clr-bulk-assignments-dialog')?.shadowRoot);
  const root = rootOf(canvas);
  await frames(() => root.querySelector('label.type'));
  [...root.querySelectorAll('label.type')].find((l) => l.textContent!.includes(label))?.querySelector('input')?.click();
  await new Promise(requestAnimationFrame);
  const date = root.querySelector<HTMLInputElement>('[part~="date"]');
  if (date) {
    const day = new Date(Date.now() + 7 * 86_400_000);
    date.value = `${String(day.getDate()).padStart(2, '0')}/${String(day.getMonth() + 1).padStart(2, '0')}/${day.getFullYear()}`;
    date.dispatchEvent(new Event('input'));
    await new Promise(requestAnimationFrame);
  }
  root.querySelector<HTMLButtonElement>('[part~="assign-choice"]')!.click();
  await frames(() => root.querySelector('tbody tr'));
  for (const box of [...root.querySelectorAll<HTMLInputElement>('tbody input[type="checkbox"]')].slice(0, tick)) box.click();
}

const withCredits = (reference: string, quantity: number) => (_args: unknown, context: { loaded: Record<string, unknown> }) => {
  const client = (context.loaded['clr'] as { client: ClrClient } | undefined)?.client;
  if (!client) return dialog();
  return html`${until(addCredits(client, reference, quantity).then(dialog, dialog), html`<p>Chargement…</p>`)}`;
};

const meta: Meta = {
  title: 'Éléments/<clr-bulk-assignments-dialog>',
  component: 'clr-bulk-assignments-dialog',
  render: dialog,
  parameters: { clr: { state: 'demo' } },
};
export default meta;

type Story = StoryObj;

/** « Gérer les attributions de certifications »: « Supprimer des attributions », or a type to assign. */
export const French: Story = { parameters: { clr: { state: 'demo', locale: 'fr' } } };

/** The same under `lang="en"`. */
export const English: Story = { parameters: { clr: { state: 'demo', locale: 'en' } } };

/** « Supprimer des attributions » → the candidates whose exam can be removed, two ticked. */
export const RemoveList: Story = {
  play: async ({ canvasElement }) => {
    const root = rootOf(canvasElement);
    await frames(() => root.querySelector('[part~="remove-choice"]'));
    root.querySelector<HTMLButtonElement>('[part~="remove-choice"]')!.click();
    await frames(() => root.querySelector('tbody tr'));
    for (const box of [...root.querySelectorAll<HTMLInputElement>('tbody input[type="checkbox"]')].slice(0, 2)) box.click();
  },
};

/** A type with 3 credits (« Stock faible ») → the candidates it can go to; 3 ticked: « 3 sélectionnés / 3 restantes », the others locked. */
export const AssignWithinStock: Story = {
  render: withCredits('PART-SITE-EXAMEN', 3),
  play: ({ canvasElement }) => toAssignList(canvasElement, 'Examen officiel - sur site', 5),
};

/** The shortage: another administrator took credits meanwhile — « 2 nécessaires, 1 restantes », nobody assigned. */
export const Shortage: Story = {
  render: withCredits('PART-SITE-EXAMEN', 2),
  parameters: {
    msw: {
      handlers: {
        overrides: [
          http.post('/api/v1/assignments/bulk', () =>
            HttpResponse.json(
              { type: 'about:blank', title: 'Refus', status: 409, code: 'out_of_stock', detail: '2 certifications nécessaires, 1 disponible (« Examen officiel - sur site »).', needed: 2, available: 1 },
              { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
            ),
          ),
        ],
      },
    },
  },
  play: async ({ canvasElement }) => {
    await toAssignList(canvasElement, 'Examen officiel - sur site', 2);
    await new Promise(requestAnimationFrame);
    rootOf(canvasElement).querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
  },
};

/** No credit at all (stock 0): « Commander ». */
export const NoStock: Story = { parameters: { clr: { state: 'empty' } } };
