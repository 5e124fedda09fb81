/**
 * <clr-assign-dialog> (§6.5, §6.6 one candidate) on the mocks (« Démo »). Each
 * story opens the dialog; a button opens it again once closed. Data the demo
 * lacks (La Poste credits, a candidate with nothing assigned) is made through
 * the SDK before rendering, as a space would make it; refusals come from
 * `parameters.msw` overrides.
 */
import { html, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import { delay, http, HttpResponse } from 'msw';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { ClrClient } from '@clr/sdk';
import '../define/clr-assign-dialog.js';
import { addCredits, newCandidate } from '../../test/assignments.js';
import type { ClrAssignDialog } from './assign-dialog.js';

interface Args {
  candidateId?: string;
  lowStockThreshold?: number;
}

function dialogOf(args: Args): TemplateResult {
  return html`
    <button type="button" @click=${(e: Event) => ((e.target as HTMLElement).nextElementSibling as ClrAssignDialog).show()}>Attribuer une certification</button>
    <clr-assign-dialog open candidate-id=${args.candidateId ?? ''} low-stock-threshold=${args.lowStockThreshold ?? 5}></clr-assign-dialog>
  `;
}

/** Renders once `setup` made its data with the story's client (a new candidate's id, credits…). */
function withSetup(setup: (client: ClrClient) => Promise<Args>) {
  return (args: Args, context: { loaded: Record<string, unknown> }) => {
    const client = (context.loaded['clr'] as { client: ClrClient } | undefined)?.client;
    if (!client) return dialogOf(args);
    return html`${until(setup(client).then((extra) => dialogOf({ ...args, ...extra }), () => dialogOf(args)), html`<p>Chargement…</p>`)}`;
  };
}

/** Chooses the type `label` in the open dialog once it is listed (for the stories that show a later state). */
async function choose(canvas: HTMLElement, label: string, then?: (root: ShadowRoot) => void): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    const root = canvas.querySelector('clr-assign-dialog')?.shadowRoot;
    const row = root && [...root.querySelectorAll('label.type')].find((l) => l.textContent!.includes(label));
    if (root && row) {
      row.querySelector('input')!.click();
      await new Promise(requestAnimationFrame);
      then?.(root);
      return;
    }
    await new Promise(requestAnimationFrame);
  }
}

const problem = (status: number, body: Record<string, unknown>) =>
  HttpResponse.json({ type: 'about:blank', title: 'Refus', status, ...body }, { status, headers: { 'Content-Type': 'application/problem+json' } });

const meta: Meta<Args> = {
  title: 'Éléments/<clr-assign-dialog>',
  component: 'clr-assign-dialog',
  render: withSetup(async (client) => ({ candidateId: await newCandidate(client) })),
  argTypes: {
    candidateId: { control: 'text', description: 'Identifiant du candidat' },
    lowStockThreshold: { control: 'number', description: 'Seuil de stock faible (5 par défaut)' },
  },
  parameters: { clr: { state: 'demo' } },
};
export default meta;

type Story = StoryObj<Args>;

/** « Attribuer une certification » for a candidate with nothing assigned: the types with « (N restantes) », those at 0 not selectable. */
export const French: Story = { parameters: { clr: { state: 'demo', locale: 'fr' } } };

/** The same under `lang="en"`. */
export const English: Story = { parameters: { clr: { state: 'demo', locale: 'en' } } };

/** A dated type chosen: « Date de passage souhaitée » (jj/mm/aaaa, calendar button), the e-mail option. */
export const DatedType: Story = { play: ({ canvasElement }) => choose(canvasElement, 'Examen blanc - sur site') };

/** A date in the past: the message beside the field, before anything is sent (R5). */
export const DateInThePast: Story = {
  play: ({ canvasElement }) =>
    choose(canvasElement, 'Examen blanc - sur site', (root) => {
      const input = root.querySelector<HTMLInputElement>('[part~="date"]')!;
      input.value = '01/01/2020';
      input.dispatchEvent(new Event('input'));
      root.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    }),
};

/** La Poste: two credits (« Stock faible »), then « Choisir une session » opens the city → centre → time picker. */
export const LaPosteSession: Story = {
  render: withSetup(async (client) => {
    await addCredits(client, 'PART-LAPOSTE-EXAMEN', 2);
    return { candidateId: await newCandidate(client) };
  }),
  play: ({ canvasElement }) =>
    choose(canvasElement, 'Examen officiel - en centre La Poste', (root) => root.querySelector<HTMLButtonElement>('[part~="choose-session"]')!.click()),
};

/** The session filled meanwhile: « Plus aucune place dans la session … : choisissez une autre session. » */
export const LaPosteSessionFull: Story = {
  render: withSetup(async (client) => {
    await addCredits(client, 'PART-LAPOSTE-EXAMEN', 1);
    return { candidateId: await newCandidate(client) };
  }),
  parameters: {
    msw: {
      handlers: {
        overrides: [
          http.post('/api/v1/candidates/:id/assignment', () =>
            problem(409, { code: 'conflict', detail: 'Plus aucune place dans la session du 16/04/2030 à Grenoble : choisissez une autre session.', sessionId: 'ses_x', needed: 1, available: 0 }),
          ),
        ],
      },
    },
  },
  play: async ({ canvasElement }) => {
    await choose(canvasElement, 'Examen officiel - en centre La Poste', (root) => root.querySelector<HTMLButtonElement>('[part~="choose-session"]')!.click());
    const root = canvasElement.querySelector('clr-assign-dialog')!.shadowRoot!;
    for (let i = 0; i < 400; i += 1) {
      const picker = root.querySelector('clr-session-picker')?.shadowRoot;
      const city = picker?.querySelector<HTMLSelectElement>('[part~="city"]');
      if (picker && city) {
        for (const name of ['city', 'centre', 'time']) {
          const list = picker.querySelector<HTMLSelectElement>(`[part~="${name}"]`)!;
          if (list.selectedIndex < 1) {
            list.selectedIndex = 1;
            list.dispatchEvent(new Event('change'));
          }
          await new Promise(requestAnimationFrame);
        }
        picker.querySelector<HTMLButtonElement>('[part~="select"]')!.click();
        await new Promise(requestAnimationFrame);
        root.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
        return;
      }
      await new Promise(requestAnimationFrame);
    }
  },
};

/** No credit at all in the space (stock 0): the manual's condition, and « Commander ». */
export const NoStock: Story = { parameters: { clr: { state: 'empty' } } };

/** A race lost to another administrator: the last credit went meanwhile — « plus assez de certifications », 0 left. */
export const RaceLost: Story = {
  parameters: {
    msw: {
      handlers: {
        overrides: [
          http.post('/api/v1/candidates/:id/assignment', () =>
            problem(409, { code: 'out_of_stock', detail: 'Plus aucune certification « Examen blanc - à distance » en stock : passez une commande pour en obtenir.', needed: 1, available: 0 }),
          ),
        ],
      },
    },
  },
  play: ({ canvasElement }) =>
    choose(canvasElement, 'Examen blanc - à distance', (root) => root.querySelector<HTMLButtonElement>('[part~="submit"]')!.click()),
};

/** « Modifier ou supprimer une attribution de certifications » (Zoé Perrin): « Supprimer l'attribution », or another type. */
export const Modify: Story = { render: (args) => dialogOf({ ...args, candidateId: 'cand_00000013' }) };

/** « Nouvelle attribution » after a taken exam (Élodie Lefèvre). */
export const NewAssignment: Story = { render: (args) => dialogOf({ ...args, candidateId: 'cand_00000001' }) };

/** « Chargement… » while the candidate comes. */
export const Loading: Story = {
  render: (args) => dialogOf({ ...args, candidateId: 'cand_00000013' }),
  parameters: { msw: { handlers: { overrides: [http.get('/api/v1/candidates/:id', () => delay('infinite'))] } } },
};

/** The candidate cannot be loaded: the message and « Réessayer ». */
export const LoadError: Story = {
  render: (args) => dialogOf({ ...args, candidateId: 'cand_00000013' }),
  parameters: { msw: { handlers: { overrides: [http.get('/api/v1/candidates/:id', () => HttpResponse.error())] } } },
};
