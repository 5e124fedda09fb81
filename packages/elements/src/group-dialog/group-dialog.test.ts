import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { ClrClient } from '@clr/sdk';
import type { GroupWithCount } from '@clr/domain';
import '../define/clr-group-dialog.js';
import type { ClrGroupDialog } from './group-dialog.js';
import { waitUntil } from '../../test/wait.js';
import { startMocks, stopMocks } from '../../test/mocks.js';

const root = (el: ClrGroupDialog) => el.shadowRoot!;
const part = <T extends Element = HTMLElement>(el: ClrGroupDialog, name: string) => root(el).querySelector<T>(`[part~="${name}"]`);
const dialog = (el: ClrGroupDialog) => part<HTMLDialogElement>(el, 'dialog')!;
const fieldErrors = (el: ClrGroupDialog) => [...root(el).querySelectorAll('[part~="field-error"]')].map((e) => e.textContent!.trim());

async function mount(client: ClrClient, group: GroupWithCount | null = null, lang = 'fr'): Promise<{ el: ClrGroupDialog; opener: HTMLButtonElement }> {
  const holder = await fixture<HTMLElement>(html`<div lang=${lang}>
    <button id="opener">Créer un groupe</button>
    <clr-group-dialog .client=${client} .group=${group}></clr-group-dialog>
  </div>`);
  const el = holder.querySelector('clr-group-dialog')!;
  const opener = holder.querySelector<HTMLButtonElement>('#opener')!;
  opener.focus();
  el.show();
  await el.updateComplete;
  await waitUntil(() => dialog(el).open);
  return { el, opener };
}

function type(el: ClrGroupDialog, name: string, category: string): void {
  const input = part<HTMLInputElement>(el, 'name-input')!;
  input.value = name;
  input.dispatchEvent(new Event('input'));
  const select = part<HTMLSelectElement>(el, 'category-select')!;
  select.value = category;
  select.dispatchEvent(new Event('change'));
}

describe('<clr-group-dialog>', () => {
  before(async () => {
    await startMocks();
    await expect(await fixture(html`<p>Chargement…</p>`)).to.be.accessible();
  });
  afterEach(() => stopMocks());

  describe('accessibility', () => {
    it('§5.3 « Création d\'un groupe »: name and category required, the four categories explained, focus on the name', async () => {
      const { client } = await startMocks();
      const { el } = await mount(client);
      expect(part(el, 'title')!.textContent).to.equal("Création d'un groupe");
      expect(root(el).activeElement).to.equal(part(el, 'name-input'));
      const options = [...part<HTMLSelectElement>(el, 'category-select')!.options].map((o) => o.textContent!.trim());
      expect(options).to.deep.equal(['-- Sélectionnez une catégorie --', 'Client', 'Classe', "Session d'examen", 'Autre']);
      expect(part(el, 'categories')!.textContent).to.contain('regrouper les candidats qui passent leur examen durant la même session');
      expect(part(el, 'submit')!.textContent!.trim()).to.equal('Créer le groupe');
      await expect(el).to.be.accessible();
    });

    it('is accessible with its errors beside the fields, and in English', async () => {
      const { client } = await startMocks();
      const { el } = await mount(client, null, 'en');
      expect(part(el, 'title')!.textContent).to.equal('Create a group');
      part(el, 'submit')!.click();
      await waitUntil(() => fieldErrors(el).length === 2);
      expect(fieldErrors(el)).to.deep.equal(['The group name is required.', 'The group category is required.']);
      expect(part(el, 'name-input')!.getAttribute('aria-describedby')).to.equal('name-error');
      await expect(el).to.be.accessible();
    });
  });

  describe('properties', () => {
    it('§5.8 with `group`: « Editer le groupe » on its name and category, « Sauvegarder »', async () => {
      const { client } = await startMocks();
      const group = (await client.groups.list()).data.find((g) => g.name === 'Session de septembre')!;
      const { el } = await mount(client, group);
      expect(part(el, 'title')!.textContent).to.equal('Editer le groupe');
      expect(part<HTMLInputElement>(el, 'name-input')!.value).to.equal('Session de septembre');
      expect(part<HTMLSelectElement>(el, 'category-select')!.value).to.equal('exam_session');
      expect(part(el, 'submit')!.textContent!.trim()).to.equal('Sauvegarder');
      await expect(el).to.be.accessible();
    });
  });

  describe('events', () => {
    it('§5.3 « Créer le groupe » creates it, then « Continuer » goes back to the table and the focus to the opener', async () => {
      const { client } = await startMocks();
      const { el, opener } = await mount(client);
      type(el, 'Classe de 3e B', 'class');
      const saved = oneEvent(el, 'clr-group-save');
      part(el, 'submit')!.click();
      const event = await saved;
      expect(event.detail.created).to.equal(true);
      expect(event.detail.group).to.include({ name: 'Classe de 3e B', category: 'class', hidden: false });
      await waitUntil(() => part(el, 'continue'));
      expect(part(el, 'done')!.textContent).to.contain('Le groupe « Classe de 3e B » a bien été créé');
      expect(root(el).activeElement).to.equal(part(el, 'continue'));
      await expect(el).to.be.accessible();
      const closed = oneEvent(el, 'clr-dialog-close');
      part(el, 'continue')!.click();
      await closed;
      expect(document.activeElement).to.equal(opener);
      expect((await client.groups.list({ q: 'Classe de 3e B' })).total).to.equal(1);
    });

    it('refuses a duplicate name beside the field, whatever its case, and keeps what was typed', async () => {
      const { client } = await startMocks();
      const { el } = await mount(client);
      type(el, 'session DE septembre', 'other');
      part(el, 'submit')!.click();
      await waitUntil(() => fieldErrors(el).length === 1);
      expect(fieldErrors(el)[0]).to.equal('Ce nom de groupe est déjà utilisé.');
      expect(part(el, 'name-input')!.getAttribute('aria-invalid')).to.equal('true');
      expect(part<HTMLInputElement>(el, 'name-input')!.value).to.equal('session DE septembre');
      expect(root(el).activeElement).to.equal(part(el, 'name-input'));
      expect(dialog(el).open).to.equal(true);
    });

    it('§5.8 « Sauvegarder » saves and closes; a group deleted in another tab is said at the top', async () => {
      const { client } = await startMocks();
      const group = (await client.groups.list()).data.find((g) => g.name === 'Session de septembre')!;
      const { el } = await mount(client, group);
      type(el, 'Session de septembre 2026', 'exam_session');
      const saved = oneEvent(el, 'clr-group-save');
      part(el, 'submit')!.click();
      expect((await saved).detail).to.deep.include({ created: false });
      await waitUntil(() => !dialog(el).open);
      expect((await client.groups.retrieve(group.id)).name).to.equal('Session de septembre 2026');

      await client.groups.delete(group.id);
      el.show();
      await waitUntil(() => dialog(el).open);
      part(el, 'submit')!.click();
      await waitUntil(() => part(el, 'error'));
      expect(part(el, 'error')!.textContent).to.contain("Ce groupe n'existe pas.");
      await expect(el).to.be.accessible();
    });

    it('a network failure is said at the top, what was typed stays, and « Créer le groupe » tries again', async () => {
      const { client, mock } = await startMocks();
      const { el } = await mount(client);
      mock.worker.use(http.post('/api/v1/groups', () => HttpResponse.error(), { once: true }));
      type(el, 'Client Dupont', 'client');
      part(el, 'submit')!.click();
      await waitUntil(() => part(el, 'error'));
      expect(part(el, 'error')!.textContent).to.contain('Le serveur ne répond pas');
      expect(part<HTMLInputElement>(el, 'name-input')!.value).to.equal('Client Dupont');
      const saved = oneEvent(el, 'clr-group-save');
      part(el, 'submit')!.click();
      expect((await saved).detail.group.name).to.equal('Client Dupont');
    });
  });

  describe('keyboard', () => {
    it('Tab stays inside; Escape closes and gives the focus back', async () => {
      const { client } = await startMocks();
      const { el, opener } = await mount(client);
      for (let i = 0; i < 6; i += 1) await sendKeys({ press: 'Tab' });
      expect(dialog(el).contains(root(el).activeElement)).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog(el).open);
      expect(el.open).to.equal(false);
      expect(document.activeElement).to.equal(opener);
    });
  });
});
