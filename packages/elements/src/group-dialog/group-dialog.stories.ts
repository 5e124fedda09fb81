/**
 * <clr-group-dialog> (§5.3, §5.8) on the mocks. Every story renders the dialog open,
 * after a button that opens it again once closed.
 */
import { html, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import { delay, http, HttpResponse } from 'msw';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { GroupWithCount } from '@clr/domain';
import type { ClrClient } from '@clr/sdk';
import '../define/clr-group-dialog.js';
import type { ClrGroupDialog } from './group-dialog.js';

function dialogOf(group: GroupWithCount | null = null): TemplateResult {
  return html`
    <button type="button" @click=${(e: Event) => ((e.target as HTMLElement).nextElementSibling as ClrGroupDialog).show()}>
      ${group ? 'Editer le groupe' : 'Créer un groupe'}
    </button>
    <clr-group-dialog open .group=${group}></clr-group-dialog>
  `;
}

/** The demo's « Session de septembre », to edit. */
function withGroup(context: { loaded: Record<string, unknown> }): TemplateResult {
  const client = (context.loaded['clr'] as { client: ClrClient } | undefined)?.client;
  if (!client) return dialogOf();
  const group = client.groups.list().then(
    (page) => dialogOf(page.data[0] ?? null),
    () => dialogOf(),
  );
  return html`${until(group, html`<p>Chargement…</p>`)}`;
}

async function fill(canvas: HTMLElement, name: string, category: string): Promise<ClrGroupDialog | null> {
  const dialog = canvas.querySelector<ClrGroupDialog>('clr-group-dialog');
  const root = dialog?.shadowRoot;
  if (!dialog || !root) return null;
  await dialog.updateComplete;
  const input = root.querySelector<HTMLInputElement>('[part~="name-input"]');
  const select = root.querySelector<HTMLSelectElement>('[part~="category-select"]');
  if (!input || !select) return null;
  input.value = name;
  input.dispatchEvent(new Event('input'));
  select.value = category;
  select.dispatchEvent(new Event('change'));
  await dialog.updateComplete;
  root.querySelector<HTMLButtonElement>('[part~="submit"]')?.click();
  return dialog;
}

const meta: Meta = {
  title: 'Éléments/<clr-group-dialog>',
  component: 'clr-group-dialog',
  render: () => dialogOf(),
  parameters: { clr: { state: 'demo' } },
};
export default meta;

type Story = StoryObj;

/** « Création d'un groupe »: name, category and what each category is for. */
export const French: Story = { parameters: { clr: { state: 'demo', locale: 'fr' } } };

/** The same under `lang="en"`. */
export const English: Story = { parameters: { clr: { state: 'demo', locale: 'en' } } };

/** « Editer le groupe » (§5.8) on « Session de septembre », « Sauvegarder ». */
export const Edit: Story = { render: (_args, context) => withGroup(context) };

/** « Créer le groupe » with nothing typed: each message beside its field. */
export const EmptyFields: Story = { play: async ({ canvasElement }) => void (await fill(canvasElement, '', '')) };

/** A name already used in the space: refused beside the field. */
export const DuplicateName: Story = { play: async ({ canvasElement }) => void (await fill(canvasElement, 'Session de septembre', 'other')) };

/** Created: the « Continuer » step of §5.3. */
export const Created: Story = { play: async ({ canvasElement }) => void (await fill(canvasElement, 'Classe de 3e B', 'class')) };

/** « Enregistrement… » while the server answers. */
export const Loading: Story = {
  parameters: { msw: { handlers: { overrides: [http.post('/api/v1/groups', () => delay('infinite'))] } } },
  play: async ({ canvasElement }) => void (await fill(canvasElement, 'Classe de 3e B', 'class')),
};

/** The server cannot be reached: the message on top, what was typed kept. */
export const SaveError: Story = {
  parameters: { msw: { handlers: { overrides: [http.post('/api/v1/groups', () => HttpResponse.error())] } } },
  play: async ({ canvasElement }) => void (await fill(canvasElement, 'Classe de 3e B', 'class')),
};
