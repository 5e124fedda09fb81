import { expect, fixture, html } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { LitElement, html as litHtml } from 'lit';
import { ClrElement } from '../src/shared/clr-element.js';
import { clrClientContext } from '../src/shared/context.js';
import { defineElement } from '../src/shared/define.js';
import { ClrEvent } from '../src/shared/events.js';
import { startMocks, stopMocks } from './mocks.js';

class ProbeElement extends ClrElement {
  override render() {
    return litHtml`<p>${this.t.common.loading}</p>`;
  }
  get shownLocale() {
    return this.locale;
  }
  get usedClient() {
    return this.api;
  }
}
defineElement('clr-test-probe', ProbeElement);

class Outer extends LitElement {
  override render() {
    return litHtml`<clr-test-probe></clr-test-probe>`;
  }
}
defineElement('clr-test-outer', Outer);

describe('library foundations', () => {
  afterEach(() => stopMocks());

  it('a second definition of a tag warns and keeps the first', () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      defineElement('clr-test-probe', class extends ProbeElement {});
    } finally {
      console.warn = original;
    }
    expect(customElements.get('clr-test-probe')).to.equal(ProbeElement);
    expect(String(warnings[0])).to.contain('<clr-test-probe> est déjà défini');
  });

  it('speaks the language of the nearest lang attribute, across shadow roots, and follows its changes', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><clr-test-outer></clr-test-outer></div>`);
    const outer = wrapper.querySelector('clr-test-outer') as Outer;
    await outer.updateComplete;
    const probe = outer.shadowRoot!.querySelector('clr-test-probe') as ProbeElement;
    await probe.updateComplete;
    expect(probe.shownLocale).to.equal('en');
    expect(probe.shadowRoot!.textContent).to.contain('Loading…');
    wrapper.setAttribute('lang', 'fr-FR');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await probe.updateComplete;
    expect(probe.shownLocale).to.equal('fr');
    expect(probe.shadowRoot!.textContent).to.contain('Chargement…');
  });

  it('takes the SDK client from the context, and prefers its own .client property', async () => {
    const { client } = await startMocks({ login: false });
    const host = await fixture<HTMLDivElement>(html`<div><clr-test-probe></clr-test-probe></div>`);
    new ContextProvider(host, { context: clrClientContext, initialValue: client });
    const probe = document.createElement('clr-test-probe') as ProbeElement;
    host.append(probe);
    await probe.updateComplete;
    expect(probe.usedClient).to.equal(client);
    const own = { own: true } as unknown as typeof client;
    probe.client = own;
    expect(probe.usedClient).to.equal(own);
  });

  it('domain events bubble out of shadow roots and only request events can be cancelled', () => {
    const plain = new ClrEvent('clr-test', { id: 'x' });
    const request = new ClrEvent('clr-test-request', { id: 'x' }, { cancelable: true });
    expect([plain.bubbles, plain.composed, plain.cancelable]).to.deep.equal([true, true, false]);
    expect(request.cancelable).to.equal(true);
    expect(plain.detail).to.deep.equal({ id: 'x' });
  });

  it('the mocks answer the SDK in the page as the server would', async () => {
    const { client } = await startMocks();
    const stock = await client.stock.get();
    expect(JSON.stringify(stock)).to.contain('1079');
  });
});
