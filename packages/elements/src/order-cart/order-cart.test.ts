import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../test/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { delay, http, HttpResponse } from 'msw';
import type { ClrClient } from '@clr/sdk';
import '../define/clr-order-cart.js';
import { startMocks, stopMocks } from '../../test/mocks.js';
import type { ClrOrderCart } from './order-cart.js';
import type { ClrCheckoutEvent, ClrOrderCreatedEvent } from './order-cart.events.js';

/** « Partenaire - examen officiel - en centre agréé », 71,00 € H.T. in the demo (the manual's §4.1 line). */
const APPROVED = 'PART-CLR-EXAMEN';
const NBSP = '\u00a0';

async function cart(client: ClrClient, lang = 'fr'): Promise<ClrOrderCart> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><clr-order-cart .client=${client}></clr-order-cart></div>`);
  const el = wrapper.querySelector('clr-order-cart')!;
  await waitUntil(() => el.shadowRoot!.querySelector('tbody tr'), 'the products are shown');
  return el;
}

function root(el: ClrOrderCart): ShadowRoot {
  return el.shadowRoot!;
}

function row(el: ClrOrderCart, reference: string): HTMLTableRowElement {
  const found = [...root(el).querySelectorAll<HTMLTableRowElement>('tbody tr')].find((tr) => tr.textContent!.includes(reference));
  if (!found) throw new Error(`no row for ${reference}`);
  return found;
}

function quantityInput(el: ClrOrderCart, reference: string): HTMLInputElement {
  return row(el, reference).querySelector('input')!;
}

async function type(el: ClrOrderCart, reference: string, text: string): Promise<void> {
  const input = quantityInput(el, reference);
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

function total(el: ClrOrderCart, which: 'ht' | 'vat' | 'ttc'): string {
  return root(el).querySelector(`[data-total="${which}"]`)!.textContent!.trim();
}

function submitButton(el: ClrOrderCart): HTMLButtonElement {
  return root(el).querySelector<HTMLButtonElement>('[part="submit"]')!;
}

async function validate(el: ClrOrderCart): Promise<ClrOrderCreatedEvent> {
  const created = oneEvent(el, 'clr-order-created') as Promise<ClrOrderCreatedEvent>;
  submitButton(el).click();
  const event = await created;
  await el.updateComplete;
  return event;
}

describe('<clr-order-cart>', () => {
  // axe-core is fetched by the first accessibility check (seconds on a loaded machine): fetched once here,
  // so no test's own budget pays for it (the shared limit, 60 s, leaves room for that cold load).
  before(async () => {
    await expect(await fixture(html`<p>Chargement…</p>`)).to.be.accessible();
  });
  afterEach(() => stopMocks());

  describe('accessibility', () => {
    it('is accessible while the products load', async () => {
      const { client, mock } = await startMocks();
      mock.worker.use(http.get('/api/v1/products', () => delay('infinite')));
      const el = await fixture<ClrOrderCart>(html`<clr-order-cart .client=${client}></clr-order-cart>`);
      await el.updateComplete;
      expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('Chargement…');
      await expect(el).to.be.accessible();
    });

    it('is accessible with the products of the space, an empty cart and its disabled button', async () => {
      const { client } = await startMocks();
      const el = await cart(client);
      expect(root(el).querySelectorAll('tbody tr').length).to.equal(9);
      await expect(el).to.be.accessible();
    });

    it('is accessible with a quantity refused beside its line', async () => {
      const { client } = await startMocks();
      const el = await cart(client);
      await type(el, APPROVED, '20000');
      await expect(el).to.be.accessible();
    });

    it('is accessible when the products cannot be loaded, and « Réessayer » loads them', async () => {
      const { client, mock } = await startMocks();
      mock.worker.use(http.get('/api/v1/products', () => HttpResponse.error(), { once: true }));
      const el = await fixture<ClrOrderCart>(html`<clr-order-cart .client=${client}></clr-order-cart>`);
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'the error is shown');
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('Le serveur ne répond pas');
      await expect(el).to.be.accessible();
      root(el).querySelector<HTMLButtonElement>('[part="actions"] button')!.click();
      await waitUntil(() => root(el).querySelector('tbody tr'), 'the products are shown after « Réessayer »');
    });

    it('is accessible when the space has no product to order', async () => {
      const { client, mock } = await startMocks();
      mock.worker.use(http.get('/api/v1/products', () => HttpResponse.json({ data: [], nextCursor: null, total: 0 })));
      const el = await fixture<ClrOrderCart>(html`<clr-order-cart .client=${client}></clr-order-cart>`);
      await waitUntil(() => root(el).textContent!.includes('Aucun produit'), 'the empty message is shown');
      await expect(el).to.be.accessible();
    });

    it('is accessible on the « Validation de commande » step', async () => {
      const { client } = await startMocks();
      const el = await cart(client);
      await type(el, APPROVED, '4');
      await validate(el);
      expect(root(el).querySelector('h2')!.textContent).to.contain('Validation de commande');
      await expect(el).to.be.accessible();
    });
  });

  describe('properties', () => {
    it('R2 computes the manual\'s example live: 4 × 71,00 € → 284,00 € H.T., 56,80 € T.V.A., 340,80 € T.T.C.', async () => {
      const { client } = await startMocks();
      const el = await cart(client);
      expect(total(el, 'ttc')).to.equal(`0,00${NBSP}€`);
      await type(el, APPROVED, '4');
      expect(row(el, APPROVED).lastElementChild!.textContent!.trim()).to.equal(`284,00${NBSP}€`);
      expect(total(el, 'ht')).to.equal(`284,00${NBSP}€`);
      expect(total(el, 'vat')).to.equal(`56,80${NBSP}€`);
      expect(total(el, 'ttc')).to.equal(`340,80${NBSP}€`);
    });

    it('R2 sums the lines, each rounded to the cent, at the rate given by vat-rate', async () => {
      const { client } = await startMocks();
      const el = await cart(client);
      el.setAttribute('vat-rate', '550');
      await type(el, APPROVED, '4');
      await type(el, 'PART-BLANC-MANUEL', '3');
      // 28 400 × 1,055 = 29 962 ; 4 500 × 1,055 = 4 747,5 → 4 748.
      expect(total(el, 'ht')).to.equal(`329,00${NBSP}€`);
      expect(total(el, 'ttc')).to.equal(`347,10${NBSP}€`);
      const lines = el.lines.map((l) => `${l.quantity} × ${l.product.reference}`).sort();
      expect(lines).to.deep.equal(['3 × PART-BLANC-MANUEL', `4 × ${APPROVED}`]);
    });

    it('R1 refuses a quantity above 10 000, in French under its line, and the cart cannot be validated', async () => {
      const { client } = await startMocks();
      const el = await cart(client);
      await type(el, APPROVED, '10001');
      const message = row(el, APPROVED).querySelector('[part="field-error"]')!;
      expect(message.textContent).to.equal(`La quantité doit être un nombre entier de 0 à 10${NBSP}000.`);
      expect(quantityInput(el, APPROVED).getAttribute('aria-invalid')).to.equal('true');
      expect(quantityInput(el, APPROVED).getAttribute('aria-describedby')).to.equal(message.id);
      expect(submitButton(el).disabled).to.equal(true);
      await type(el, APPROVED, '10000');
      expect(row(el, APPROVED).querySelector('[part="field-error"]')).to.equal(null);
      expect(submitButton(el).disabled).to.equal(false);
    });

    it('an empty cart cannot be validated, and says why', async () => {
      const { client } = await startMocks();
      const el = await cart(client);
      const button = submitButton(el);
      expect(button.disabled).to.equal(true);
      const reason = root(el).getElementById(button.getAttribute('aria-describedby')!)!;
      expect(reason.textContent).to.equal('Ajoutez au moins un produit à votre commande.');
      await type(el, APPROVED, '1');
      expect(button.disabled).to.equal(false);
      expect(button.hasAttribute('aria-describedby')).to.equal(false);
    });

    it('speaks English under lang="en", money included', async () => {
      const { client } = await startMocks();
      const el = await cart(client, 'en');
      await type(el, APPROVED, '4');
      expect(root(el).querySelector('h2')!.textContent).to.equal('Place a new order');
      expect(total(el, 'ttc')).to.equal('€340.80');
      expect(submitButton(el).textContent!.trim()).to.equal('Confirm the cart');
    });

    it('shows the order as the server counted it on the validation step: number, lines and totals', async () => {
      const { client } = await startMocks();
      const el = await cart(client);
      await type(el, APPROVED, '4');
      const { detail: order } = await validate(el);
      const text = root(el).textContent!;
      expect(text).to.contain(`Commande n° ${order.number}`);
      expect(text).to.contain('« En cours »');
      expect(text).to.contain('Examen officiel - en centre agréé');
      expect(total(el, 'ttc')).to.equal(`340,80${NBSP}€`);
      expect(root(el).activeElement).to.equal(root(el).querySelector('h2'));
    });
  });

  describe('events', () => {
    it('§4.4 showValidation(order) reopens « Validation de commande » for an order passed earlier; « Retour » asks the page to close', async () => {
      const { client } = await startMocks();
      const el = await cart(client);
      const pending = (await client.orders.list({ section: 'to_validate' })).data[0]!;
      el.showValidation(pending);
      await el.updateComplete;
      expect(root(el).querySelector('h2')!.textContent).to.equal('Validation de commande');
      expect(total(el, 'ttc')).to.equal(`340,80${NBSP}€`);
      expect(root(el).querySelector('[part="checkout"]')!.textContent!.trim()).to.equal('Poursuivre ma commande →');
      const back = oneEvent(el, 'clr-cart-back');
      root(el).querySelector<HTMLButtonElement>('[part="back"]')!.click();
      await back;
    });

    it('« Valider le panier » creates the order and fires clr-order-created with it', async () => {
      const { client, mock } = await startMocks();
      const before = mock.store.state.orders.length;
      const el = await cart(client);
      await type(el, APPROVED, '4');
      const { detail: order } = await validate(el);
      expect(order.status).to.equal('pending');
      expect(order.totals).to.deep.equal({ ht: 28400, vat: 5680, ttc: 34080 });
      expect(order.lines.map((l) => l.quantity)).to.deep.equal([4]);
      expect(mock.store.state.orders.length).to.equal(before + 1);
    });

    it('a double click on « Valider le panier » sends one order', async () => {
      const { client, mock } = await startMocks();
      const before = mock.store.state.orders.length;
      const sent: string[] = [];
      mock.worker.events.on('request:start', ({ request }) => {
        if (request.method === 'POST' && new URL(request.url).pathname === '/api/v1/orders') sent.push(request.headers.get('idempotency-key') ?? '');
      });
      const el = await cart(client);
      await type(el, APPROVED, '4');
      const created = oneEvent(el, 'clr-order-created');
      submitButton(el).click();
      submitButton(el).click();
      await created;
      await el.updateComplete;
      expect(sent.length).to.equal(1);
      expect(mock.store.state.orders.length).to.equal(before + 1);
    });

    it('sends the same cart again with the same Idempotency-Key after a failure, so it is ordered once', async () => {
      const { client, mock } = await startMocks();
      const before = mock.store.state.orders.length;
      const sent: string[] = [];
      mock.worker.events.on('request:start', ({ request }) => {
        if (request.method === 'POST' && new URL(request.url).pathname === '/api/v1/orders') sent.push(request.headers.get('idempotency-key') ?? '');
      });
      mock.worker.use(http.post('/api/v1/orders', () => HttpResponse.error(), { once: true }));
      const el = await cart(client);
      await type(el, APPROVED, '4');
      submitButton(el).click();
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'the failure is shown');
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('Le serveur ne répond pas');
      await validate(el);
      expect(sent.length).to.equal(2);
      expect(sent[1]).to.equal(sent[0]);
      expect(mock.store.state.orders.length).to.equal(before + 1);
    });

    it('shows the server\'s message on a line\'s quantity under that line, in French', async () => {
      const { client, mock } = await startMocks();
      const problem = {
        type: 'https://clr.test/problems/validation_failed',
        title: 'Requête invalide',
        status: 400,
        code: 'validation_failed',
        detail: 'La quantité doit être un nombre entier de 1 à 10 000.',
        errors: [{ path: 'lines.1.quantity', message: 'La quantité doit être un nombre entier de 1 à 10 000.' }],
      };
      mock.worker.use(
        http.post('/api/v1/orders', () => HttpResponse.json(problem, { status: 400, headers: { 'content-type': 'application/problem+json' } }), { once: true }),
      );
      const el = await cart(client);
      await type(el, 'PART-BLANC-EXAMEN', '2');
      await type(el, APPROVED, '4');
      submitButton(el).click();
      await waitUntil(() => root(el).querySelector('[part="field-error"]'), 'the line error is shown');
      // lines.1 is the second line sent: the approved exam, listed after the blank one.
      expect(row(el, APPROVED).querySelector('[part="field-error"]')!.textContent).to.equal(problem.errors[0]!.message);
      expect(row(el, 'PART-BLANC-EXAMEN').querySelector('[part="field-error"]')).to.equal(null);
      expect(root(el).querySelector('[role="alert"]')).to.equal(null);
    });

    it('shows an error that is not about a line in an alert', async () => {
      const { client, mock } = await startMocks();
      mock.worker.use(
        http.post('/api/v1/orders', () =>
          HttpResponse.json(
            { type: 'about:blank', title: 'Conflit', status: 409, code: 'conflict', detail: 'Cette clé a déjà servi pour une autre commande.' },
            { status: 409, headers: { 'content-type': 'application/problem+json' } },
          ),
        ),
      );
      const el = await cart(client);
      await type(el, APPROVED, '4');
      submitButton(el).click();
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'the alert is shown');
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('Cette clé a déjà servi pour une autre commande.');
    });

    it('« Poursuivre ma commande → » fires clr-checkout with the payment URL, and honours preventDefault', async () => {
      const { client } = await startMocks();
      const el = await cart(client);
      await type(el, APPROVED, '4');
      const { detail: order } = await validate(el);
      el.addEventListener('clr-checkout', (e) => e.preventDefault(), { once: true });
      const requested = oneEvent(el, 'clr-checkout') as Promise<ClrCheckoutEvent>;
      root(el).querySelector<HTMLButtonElement>('[part="checkout"]')!.click();
      const event = await requested;
      expect(event.cancelable).to.equal(true);
      expect(event.detail.order.id).to.equal(order.id);
      const url = new URL(event.detail.url);
      expect(url.pathname).to.equal('/paiement');
      expect(url.searchParams.get('commande')).to.equal(order.number);
      expect(window.location.pathname).not.to.equal('/paiement');
    });

    it('« Retour » on the cart fires clr-cart-back; on the validation step it comes back to an empty cart', async () => {
      const { client } = await startMocks();
      const el = await cart(client);
      const back = oneEvent(el, 'clr-cart-back');
      root(el).querySelector<HTMLButtonElement>('[part="back"]')!.click();
      expect((await back).composed).to.equal(true);
      await type(el, APPROVED, '4');
      await validate(el);
      root(el).querySelector<HTMLButtonElement>('[part="back"]')!.click();
      await el.updateComplete;
      expect(root(el).querySelector('h2')!.textContent).to.equal('Passer une nouvelle commande');
      expect(total(el, 'ttc')).to.equal(`0,00${NBSP}€`);
    });
  });

  describe('keyboard', () => {
    it('« + » and « - » answer Enter and Space, and every control is reached with Tab', async () => {
      const { client } = await startMocks();
      const el = await cart(client);
      const plus = row(el, APPROVED).querySelector<HTMLButtonElement>('[part="increase"]')!;
      const minus = row(el, APPROVED).querySelector<HTMLButtonElement>('[part="decrease"]')!;
      expect(plus.getAttribute('aria-label')).to.equal('Ajouter un « Partenaire - examen officiel - en centre agréé »');
      plus.focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Space' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(quantityInput(el, APPROVED).value).to.equal('3');
      minus.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(quantityInput(el, APPROVED).value).to.equal('2');
      // From « - », Tab goes to the quantity, then to « + ».
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).to.equal(quantityInput(el, APPROVED));
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).to.equal(plus);
    });

    it('the quantity field takes ArrowUp and ArrowDown, and the totals follow', async () => {
      const { client } = await startMocks();
      const el = await cart(client);
      quantityInput(el, APPROVED).focus();
      for (let i = 0; i < 5; i += 1) await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(quantityInput(el, APPROVED).value).to.equal('4');
      expect(total(el, 'ttc')).to.equal(`340,80${NBSP}€`);
    });

    it('« - » does not go below 0', async () => {
      const { client } = await startMocks();
      const el = await cart(client);
      const minus = row(el, APPROVED).querySelector<HTMLButtonElement>('[part="decrease"]')!;
      expect(minus.getAttribute('aria-disabled')).to.equal('true');
      minus.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(quantityInput(el, APPROVED).value).to.equal('0');
      expect(root(el).activeElement).to.equal(minus);
    });
  });
});
