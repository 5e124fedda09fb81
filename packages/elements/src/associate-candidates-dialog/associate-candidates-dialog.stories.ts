/**
 * <clr-associate-candidates-dialog> (§5.9) on the mocks: the dialog opens on the first
 * group of the space, after a button that opens it again once closed.
 */
import { html, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import { delay, http, HttpResponse } from 'msw';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { CandidateList } from '@clr/domain';
import type { ClrClient } from '@clr/sdk';
import '../define/clr-associate-candidates-dialog.js';
import type { ClrAssociateCandidatesDialog } from './associate-candidates-dialog.js';

function dialogOf(groupId: string): TemplateResult {
  return html`
    <button type="button" @click=${(e: Event) => ((e.target as HTMLElement).nextElementSibling as ClrAssociateCandidatesDialog).show()}>
      Associer des candidats
    </button>
    <clr-associate-candidates-dialog open group-id=${groupId}></clr-associate-candidates-dialog>
  `;
}

function firstGroup(context: { loaded: Record<string, unknown> }): TemplateResult {
  const client = (context.loaded['clr'] as { client: ClrClient } | undefined)?.client;
  if (!client) return html``;
  const shown = client.groups.list().then(
    (page) => (page.data[0] ? dialogOf(page.data[0].id) : html`<p>Aucun groupe.</p>`),
    () => html`<p>Aucun groupe.</p>`,
  );
  return html`${until(shown, html`<p>Chargement…</p>`)}`;
}

const nobody: CandidateList = { data: [], nextCursor: null, total: 0, counts: { to_assign: 0, scheduled: 0, expired: 0, taken: 0 } };

const meta: Meta = {
  title: 'Éléments/<clr-associate-candidates-dialog>',
  component: 'clr-associate-candidates-dialog',
  render: (_args, context) => firstGroup(context),
  parameters: { clr: { state: 'demo' } },
};
export default meta;

type Story = StoryObj;

/** « Session de septembre »: the demo's candidates who are not in it. */
export const French: Story = { parameters: { clr: { state: 'demo', locale: 'fr' } } };

/** The same under `lang="en"`. */
export const English: Story = { parameters: { clr: { state: 'demo', locale: 'en' } } };

/** Many candidates (from 2 000 generated): paged by 50, ticks kept across pages. */
export const ManyRows: Story = { parameters: { clr: { state: { candidates: 2000 } } } };

/** Every candidate already belongs to the group. */
export const Empty: Story = {
  parameters: { msw: { handlers: { overrides: [http.get('/api/v1/groups/:id/associable', () => HttpResponse.json(nobody))] } } },
};

/** « Chargement… » while the list comes. */
export const Loading: Story = {
  parameters: { msw: { handlers: { overrides: [http.get('/api/v1/groups/:id/associable', () => delay('infinite'))] } } },
};

/** The list cannot be loaded: the message and « Réessayer ». */
export const LoadError: Story = {
  parameters: { msw: { handlers: { overrides: [http.get('/api/v1/groups/:id/associable', () => HttpResponse.error())] } } },
};
