/**
 * <clr-candidates-table> (§6.1–6.2, §5.6–5.7) on the mocks: the decorator of
 * `.storybook/preview.ts` logs in to « Démo » and provides the client;
 * `parameters.clr` picks the data and the language, `parameters.msw` forces
 * errors and slowness. The row actions are logged instead of opening a file.
 */
import { html } from 'lit';
import { until } from 'lit/directives/until.js';
import { delay, http, HttpResponse } from 'msw';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { ClrClient } from '@clr/sdk';
import '../define/clr-candidates-table.js';
import type { ClrCandidateDeleteEvent, ClrCandidateOpenEvent, ClrSelectionChangeEvent } from './candidates-table.events.js';

const table = (attributes: { groupId?: string; includeHidden?: boolean } = {}) =>
  html`<clr-candidates-table
    group-id=${attributes.groupId ?? ''}
    ?include-hidden=${attributes.includeHidden ?? false}
    @clr-candidate-open=${(e: ClrCandidateOpenEvent) => console.info('clr-candidate-open', e.detail.candidateId)}
    @clr-candidate-delete=${(e: ClrCandidateDeleteEvent) => console.info('clr-candidate-delete', e.detail.candidateId)}
    @clr-selection-change=${(e: ClrSelectionChangeEvent) => console.info('clr-selection-change', e.detail.candidateIds)}
  ></clr-candidates-table>`;

const meta: Meta = {
  title: 'Éléments/<clr-candidates-table>',
  component: 'clr-candidates-table',
  render: (args) => table({ includeHidden: args['includeHidden'] as boolean }),
  args: { includeHidden: false },
  argTypes: { includeHidden: { control: 'boolean', description: 'Afficher aussi les candidats des groupes masqués (R12)' } },
  parameters: { clr: { state: 'demo' } },
};
export default meta;

type Story = StoryObj;

/** The 19 candidates of « Démo »: 0 à attribuer, 8 prévues, 11 passées. */
export const Demo: Story = { parameters: { clr: { state: 'demo', locale: 'fr' } } };

/** The same under `lang="en"`. */
export const English: Story = { parameters: { clr: { state: 'demo', locale: 'en' } } };

/** A space without candidates: « Aucun candidat ». */
export const Empty: Story = { parameters: { clr: { state: 'empty' } } };

/** « Chargement… » while the first page is on its way. */
export const Loading: Story = {
  parameters: { msw: { handlers: { overrides: [http.get('/api/v1/candidates', () => delay('infinite'))] } } },
};

/** The API refuses: its French message and « Réessayer ». */
export const Failure: Story = {
  name: 'Error',
  parameters: {
    msw: {
      handlers: {
        overrides: [
          http.get('/api/v1/candidates', () =>
            HttpResponse.json(
              { type: 'about:blank', title: 'Service indisponible', status: 503, code: 'internal', detail: 'Le service est momentanément indisponible.' },
              { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
            ),
          ),
        ],
      },
    },
  },
};

/** 100,000 candidates: pages of 100 load as the rows scroll; only a window of rows is in the DOM. (The mocks take a while to build this state.) */
export const ManyRows: Story = { parameters: { clr: { state: { candidates: 100_000 } } } };

/** 10,000 candidates: the same, on a state the mocks build in a few seconds. */
export const TenThousandRows: Story = { parameters: { clr: { state: { candidates: 10_000 } } } };

/** The group view of §5.6: the candidates of « Session de septembre », its own export (§5.7). */
export const GroupView: Story = {
  render: (_args, context) => {
    const client = (context.loaded['clr'] as { client: ClrClient } | undefined)?.client;
    if (!client) return table();
    const group = client.groups.list().then((page) => page.data.find((g) => g.name === 'Session de septembre')?.id);
    return html`${until(group.then((id) => table({ groupId: id ?? '' })), '')}`;
  },
};
