/**
 * <clr-orders-table> (§4.1, §4.2, §4.4) on the mocks: the decorator of
 * `.storybook/preview.ts` logs in to « Démo » and provides the client;
 * `parameters.clr` picks the data and the language, `parameters.msw` forces
 * errors and slowness.
 */
import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../define/clr-orders-table.js';
import type { ClrOrderPayEvent } from './orders-table.events.js';

const meta: Meta = {
  title: 'Éléments/<clr-orders-table>',
  component: 'clr-orders-table',
  render: () =>
    html`<clr-orders-table @clr-order-pay=${(e: ClrOrderPayEvent) => console.info('clr-order-pay', e.detail.order.number)}></clr-orders-table>`,
  parameters: { clr: { state: 'demo' } },
};
export default meta;

type Story = StoryObj;

/** The demo's orders in the three sections « À valider », « À consommer », « Historique », with the footer totals. */
export const French: Story = { parameters: { clr: { state: 'demo', locale: 'fr' } } };

/** The same under `lang="en"`. */
export const English: Story = { parameters: { clr: { state: 'demo', locale: 'en' } } };

/** Skeleton rows while the first page comes. */
export const Loading: Story = {
  parameters: { msw: { handlers: { overrides: [http.get('/api/v1/orders', () => delay('infinite'))] } } },
};

/** A space that has never ordered: what to do next. */
export const Empty: Story = {
  parameters: {
    msw: { handlers: { overrides: [http.get('/api/v1/orders', () => HttpResponse.json({ data: [], nextCursor: null, total: 0, totals: { ht: 0, vat: 0, ttc: 0 } }))] } },
  },
};

/** The orders cannot be loaded: the message and « Réessayer ». */
export const LoadError: Story = {
  parameters: { msw: { handlers: { overrides: [http.get('/api/v1/orders', () => HttpResponse.error())] } } },
};
