/**
 * <clr-groups-table> (§5.1–5.5) on the mocks: the decorator of `.storybook/preview.ts`
 * logs in to « Démo » and provides the client; `parameters.clr` picks the data and the
 * language, `parameters.msw` forces errors and slowness.
 */
import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../define/clr-groups-table.js';
import type { ClrGroupsTable } from './groups-table.js';

interface Args {
  sort: string;
  pageSize: number;
}

const meta: Meta<Args> = {
  title: 'Éléments/<clr-groups-table>',
  component: 'clr-groups-table',
  args: { sort: 'name', pageSize: 50 },
  argTypes: {
    sort: { control: 'select', options: ['name', '-name', 'category', '-category', 'createdAt', '-createdAt'], description: 'Colonne triée' },
    pageSize: { control: { type: 'number', min: 1, max: 200 }, description: 'Groupes par page' },
  },
  render: (args) => html`<clr-groups-table sort=${args.sort} page-size=${args.pageSize}></clr-groups-table>`,
  parameters: { clr: { state: 'demo' } },
};
export default meta;

type Story = StoryObj<Args>;

/** The demo space: « Session de septembre ». */
export const French: Story = { parameters: { clr: { state: 'demo', locale: 'fr' } } };

/** The same under `lang="en"`. */
export const English: Story = { parameters: { clr: { state: 'demo', locale: 'en' } } };

/** Forty groups of every category, the last one hidden (greyed, last): paged by 15. */
export const ManyRows: Story = { args: { pageSize: 15 }, parameters: { clr: { state: { candidates: 200 } } } };

/** Hidden groups (§5.4): three more hidden, greyed and listed last, with « Réafficher ». */
export const HiddenGroups: Story = {
  parameters: { clr: { state: { candidates: 20 } } },
  play: async ({ canvasElement }) => {
    const table = canvasElement.querySelector<ClrGroupsTable>('clr-groups-table');
    if (!table) return;
    for (let i = 0; i < 200 && table.totalCount === null; i += 1) await new Promise(requestAnimationFrame);
    for (const group of table.loadedGroups.slice(0, 3)) await table.setHidden(group.id, true);
  },
};

/** A space without any group: what to do next. */
export const Empty: Story = { parameters: { clr: { state: 'empty' } } };

/** « Chargement… » while the first page comes. */
export const Loading: Story = {
  parameters: { msw: { handlers: { overrides: [http.get('/api/v1/groups', () => delay('infinite'))] } } },
};

/** The list cannot be loaded: the message and « Réessayer ». */
export const LoadError: Story = {
  parameters: { msw: { handlers: { overrides: [http.get('/api/v1/groups', () => HttpResponse.error())] } } },
};
