import { expect, fixture, html } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { LitElement, html as litHtml } from 'lit';
import { createClient } from '@clr/sdk';
import { ClrElement } from './clr-element.js';
import { defineElement } from './define.js';
import { provideClient } from './provide.js';

class ProvideProbe extends ClrElement {
  override render() {
    return litHtml`<p>${this.t.common.loading}</p>`;
  }
  get usedClient() {
    return this.api;
  }
}
defineElement('clr-test-provide-probe', ProvideProbe);

/** An element whose shadow root holds the probe, as a portal's own component would. */
class ProvideOuter extends LitElement {
  override render() {
    return litHtml`<clr-test-provide-probe></clr-test-provide-probe>`;
  }
}
defineElement('clr-test-provide-outer', ProvideOuter);

const newClient = () => createClient({ baseUrl: '', auth: { kind: 'session' } });

async function probeIn(host: HTMLElement): Promise<ProvideProbe> {
  const outer = document.createElement('clr-test-provide-outer') as ProvideOuter;
  host.append(outer);
  await outer.updateComplete;
  const probe = outer.shadowRoot!.querySelector('clr-test-provide-probe') as ProvideProbe;
  await probe.updateComplete;
  return probe;
}

describe('provideClient', () => {
  it('gives the client to every element below the host, across shadow roots, and returns @lit/context’s provider', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const client = newClient();
    const provider = provideClient(host, client);
    expect(provider).to.be.instanceOf(ContextProvider);
    expect(provider.value).to.equal(client);
    const first = await probeIn(host);
    const second = await probeIn(host);
    expect(first.usedClient).to.equal(client);
    expect(second.usedClient).to.equal(client);
  });

  it('reaches elements that connected before the client was provided', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const early = await probeIn(host);
    expect(early.usedClient).to.equal(undefined);
    const client = newClient();
    provideClient(host, client);
    await early.updateComplete;
    expect(early.usedClient).to.equal(client);
  });

  it('leaves the elements outside the host without a client', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><section id="provided"></section><section id="other"></section></div>`);
    provideClient(wrapper.querySelector<HTMLElement>('#provided')!, newClient());
    const outside = await probeIn(wrapper.querySelector<HTMLElement>('#other')!);
    expect(outside.usedClient).to.equal(undefined);
  });

  it('setValue on the returned provider hands the elements another client', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const provider = provideClient(host, newClient());
    const probe = await probeIn(host);
    const next = newClient();
    provider.setValue(next);
    await probe.updateComplete;
    expect(probe.usedClient).to.equal(next);
  });

  it('an element’s own .client wins over the provided one', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    provideClient(host, newClient());
    const probe = await probeIn(host);
    const own = newClient();
    probe.client = own;
    await probe.updateComplete;
    expect(probe.usedClient).to.equal(own);
  });
});
