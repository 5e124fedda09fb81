/** <clr-session-picker> (§6.5) on the mocks: the La Poste sessions to come with a free seat. */
import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../define/clr-session-picker.js';

const meta: Meta<{ needed: number }> = {
  title: 'Éléments/<clr-session-picker>',
  component: 'clr-session-picker',
  render: (args) => html`<clr-session-picker needed=${args.needed ?? 1}></clr-session-picker>`,
  argTypes: { needed: { control: 'number', description: 'Places nécessaires' } },
  parameters: { clr: { state: 'demo' } },
};
export default meta;

type Story = StoryObj<{ needed: number }>;

/** « Ville » → « Centre d'examen » → « Date et horaire de passage » with the remaining seats. */
export const French: Story = { parameters: { clr: { state: 'demo', locale: 'fr' } } };

/** The same under `lang="en"`. */
export const English: Story = { parameters: { clr: { state: 'demo', locale: 'en' } } };

/** A full session for the seats needed: listed, not selectable. */
export const FullSession: Story = {
  args: { needed: 3 },
  parameters: {
    msw: {
      handlers: {
        overrides: [
          http.get('/api/v1/exam-sessions', () =>
            HttpResponse.json({
              data: [
                { id: 's1', examType: 'official-laposte', city: 'Grenoble', postcode: '38000', centreName: 'Centre La Poste - Grenoble', address: '11, boulevard Maréchal Lyautey', startsAt: '2030-04-16T07:00:00.000Z', seats: 6, seatsTaken: 4 },
                { id: 's2', examType: 'official-laposte', city: 'Grenoble', postcode: '38000', centreName: 'Centre La Poste - Grenoble', address: '11, boulevard Maréchal Lyautey', startsAt: '2030-04-17T12:30:00.000Z', seats: 8, seatsTaken: 1 },
              ],
              nextCursor: null,
              total: 2,
            }),
          ),
        ],
      },
    },
  },
};

/** No session to come has a free seat. */
export const NoSession: Story = {
  parameters: { msw: { handlers: { overrides: [http.get('/api/v1/exam-sessions', () => HttpResponse.json({ data: [], nextCursor: null, total: 0 }))] } } },
};

/** « Chargement… » while the sessions come. */
export const Loading: Story = { parameters: { msw: { handlers: { overrides: [http.get('/api/v1/exam-sessions', () => delay('infinite'))] } } } };
