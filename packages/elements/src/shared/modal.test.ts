import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, type PropertyValues } from 'lit';
import { ModalController, deepActiveElement } from './modal.js';
import { waitUntil } from '../../test/wait.js';

class ModalHost extends LitElement {
  static override properties = { open: { type: Boolean }, busy: { type: Boolean } };
  open = false;
  busy = false;
  closed: string[] = [];
  modal = new ModalController(this, {
    dialog: () => this.shadowRoot?.querySelector('dialog'),
    canDismiss: () => !this.busy,
    onClose: (value) => {
      this.open = false;
      this.closed.push(value);
    },
  });

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open')) this.modal.toggle(this.open);
  }

  override render() {
    return html`<dialog aria-labelledby="t">
      <h2 id="t">Editer le groupe</h2>
      <label>Nom <input name="name" autofocus /></label>
      <button disabled>Désactivé</button>
      <button id="cancel" @click=${() => this.modal.close('cancel')}>Annuler</button>
      <button id="save">Sauvegarder</button>
    </dialog>`;
  }
}
customElements.define('test-modal-host', ModalHost);

async function mount(): Promise<{ el: ModalHost; opener: HTMLButtonElement }> {
  const holder = await fixture<HTMLElement>(html`<div><button id="opener">Ouvrir</button><test-modal-host></test-modal-host></div>`);
  const el = holder.querySelector<ModalHost>('test-modal-host')!;
  const opener = holder.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  el.open = true;
  await el.updateComplete;
  return { el, opener };
}

const activeId = () => {
  const active = deepActiveElement();
  return active?.id || active?.getAttribute('name') || active?.tagName;
};

describe('ModalController', () => {
  it('opens modally with the focus on the first field, and is accessible', async () => {
    const { el } = await mount();
    expect(el.modal.isOpen).to.equal(true);
    expect(el.shadowRoot!.querySelector('dialog')!.matches(':modal')).to.equal(true);
    expect(activeId()).to.equal('name');
    await expect(el).to.be.accessible();
  });

  it('loops Tab and Shift+Tab inside the dialog, skipping disabled controls', async () => {
    const { el } = await mount();
    await sendKeys({ press: 'Tab' });
    expect(activeId()).to.equal('cancel');
    await sendKeys({ press: 'Tab' });
    expect(activeId()).to.equal('save');
    await sendKeys({ press: 'Tab' });
    expect(activeId()).to.equal('name');
    await sendKeys({ press: 'Shift+Tab' });
    expect(activeId()).to.equal('save');
    expect(el.modal.isOpen).to.equal(true);
  });

  it('closes on Escape and gives the focus back to the opener', async () => {
    const { el } = await mount();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.modal.isOpen, 'Escape did not close');
    expect(el.open).to.equal(false);
    expect(activeId()).to.equal('opener');
    expect(el.closed).to.have.length(1);
  });

  it('does not close on Escape while it may not be dismissed, and close() gives its value', async () => {
    const { el } = await mount();
    el.busy = true;
    await sendKeys({ press: 'Escape' });
    expect(el.modal.isOpen).to.equal(true);
    el.busy = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('#cancel')!.click();
    await waitUntil(() => el.closed.length === 1);
    expect(el.closed).to.deep.equal(['cancel']);
    expect(activeId()).to.equal('opener');
  });

  it('closes when the host sets open to false', async () => {
    const { el } = await mount();
    el.open = false;
    await el.updateComplete;
    expect(el.modal.isOpen).to.equal(false);
    expect(activeId()).to.equal('opener');
  });
});
