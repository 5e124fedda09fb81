/**
 * <clr-order-cart> (§4.3) on the mocks: the decorator of `.storybook/preview.ts`
 * logs in to « Démo » and provides the client; `parameters.clr` picks the data
 * and the language, `parameters.msw` forces errors and slowness.
 */
import { html } from 'lit';
import { delay, http, HttpResponse } from 'msw';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../define/clr-order-cart.js';
import type { ClrOrderCart } from './order-cart.js';
import type { ClrCheckoutEvent } from './order-cart.events.js';

const meta: Meta = {
  title: 'Éléments/<clr-order-cart>',
  component: 'clr-order-cart',
  // The payment centre is not part of Storybook: the story shows the URL instead of leaving the page.
  render: (args) =>
    html`<clr-order-cart
      vat-rate=${args['vatRate'] as number}
      @clr-checkout=${(e: ClrCheckoutEvent) => {
        e.preventDefault();
        console.info('clr-checkout', e.detail.url);
      }}
    ></clr-order-cart>`,
  args: { vatRate: 2000 },
  argTypes: { vatRate: { control: { type: 'number', min: 0, step: 50 }, description: 'Taux de T.V.A. en points de base (2000 = 20 %)' } },
  parameters: { clr: { state: 'demo' } },
};
export default meta;

type Story = StoryObj;

/** The space's products, an empty cart: « Valider le panier » is disabled and says why. */
export const French: Story = { parameters: { clr: { state: 'demo', locale: 'fr' } } };

/** The same under `lang="en"`. */
export const English: Story = { parameters: { clr: { state: 'demo', locale: 'en' } } };

async function rendered(canvas: HTMLElement): Promise<ClrOrderCart | null> {
  const cart = canvas.querySelector<ClrOrderCart>('clr-order-cart');
  for (let i = 0; i < 200 && cart && !cart.shadowRoot?.querySelector('tbody tr'); i += 1) await new Promise(requestAnimationFrame);
  return cart;
}

/** Puts `quantity` of the product whose reference is `reference` in the cart. */
function fill(cart: ClrOrderCart, reference: string, quantity: number): void {
  const row = [...(cart.shadowRoot?.querySelectorAll<HTMLTableRowElement>('tr[data-product-id]') ?? [])].find((tr) => tr.textContent?.includes(reference));
  const id = row?.dataset['productId'];
  if (id) cart.setQuantity(id, quantity);
}

/** The manual's example filled in: 4 × 71,00 € → 284,00 € H.T., 340,80 € T.T.C. */
export const ManualExample: Story = {
  play: async ({ canvasElement }) => {
    const cart = await rendered(canvasElement);
    if (cart) fill(cart, 'PART-CLR-EXAMEN', 4);
  },
};

/** « Validation de commande »: the order created from the manual's example, « Poursuivre ma commande → ». */
export const ValidationStep: Story = {
  play: async ({ canvasElement }) => {
    const cart = await rendered(canvasElement);
    if (!cart) return;
    fill(cart, 'PART-CLR-EXAMEN', 4);
    await cart.updateComplete;
    cart.shadowRoot?.querySelector<HTMLButtonElement>('[part="submit"]')?.click();
  },
};

/** « Chargement… » while the products come. */
export const Loading: Story = {
  parameters: { msw: { handlers: { overrides: [http.get('/api/v1/products', () => delay('infinite'))] } } },
};

/** A space whose catalogue is empty. */
export const Empty: Story = {
  parameters: { msw: { handlers: { overrides: [http.get('/api/v1/products', () => HttpResponse.json({ data: [], nextCursor: null, total: 0 }))] } } },
};

/** The products cannot be loaded: the message and « Réessayer ». */
export const LoadError: Story = {
  parameters: { msw: { handlers: { overrides: [http.get('/api/v1/products', () => HttpResponse.error())] } } },
};

/** « Valider le panier » refused on a line: the server's message under that line's quantity. */
export const LineError: Story = {
  parameters: {
    msw: {
      handlers: {
        overrides: [
          http.post('/api/v1/orders', () =>
            HttpResponse.json(
              {
                type: 'about:blank',
                title: 'Requête invalide',
                status: 400,
                code: 'validation_failed',
                detail: 'La quantité doit être un nombre entier de 1 à 10 000.',
                errors: [{ path: 'lines.0.quantity', message: 'La quantité doit être un nombre entier de 1 à 10 000.' }],
              },
              { status: 400, headers: { 'content-type': 'application/problem+json' } },
            ),
          ),
        ],
      },
    },
  },
};

/** Many products (60): the table grows, the totals stay below it. */
export const ManyRows: Story = {
  parameters: {
    msw: {
      handlers: {
        overrides: [
          http.get('/api/v1/products', () =>
            HttpResponse.json({
              data: Array.from({ length: 60 }, (_, i) => ({
                id: `prod_${i + 1}`,
                name: `Partenaire - examen blanc - lot ${i + 1}`,
                reference: `PART-BLANC-${String(i + 1).padStart(3, '0')}`,
                examType: 'blank-remote',
                unitPriceHt: 1000 + i * 25,
              })),
              nextCursor: null,
              total: 60,
            }),
          ),
        ],
      },
    },
  },
};
