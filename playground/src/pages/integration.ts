import type { ApiKey, ApiKeyCreated } from '@clr/sdk';
import { confirmDialog } from '../confirm.js';
import { h } from '../dom.js';
import { clearErrors, field, messageOf, showProblem } from '../forms.js';
import { SITE_LOCALE } from '../locale.js';
import { toast } from '../shell.js';
import { TEXT } from '../text.js';
import type { PageContext } from './page.js';

const dateTime = new Intl.DateTimeFormat(SITE_LOCALE === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });

/**
 * « Intégration »: what a partner's developers need to embed the elements in
 * their intranet — the origins allowed to embed them (`PUT /embed-origins`)
 * and the space's API keys (created with their secret shown once, revocable),
 * with which their back end mints embed tokens.
 */
export async function integrationPage(context: PageContext): Promise<Node> {
  const T = TEXT.integration;
  const [origins, keys] = await Promise.all([
    context.client.embedOrigins.list({ signal: context.signal }),
    context.client.apiKeys.list({ signal: context.signal }),
  ]);
  const removeOrigin = confirmDialog({ title: T.removeOriginTitle, yes: T.remove, no: T.cancel });
  const revokeKey = confirmDialog({ title: T.revokeTitle, yes: T.revoke, no: T.cancel });
  return h(
    'div',
    { class: 'narrow-wide' },
    h('h1', { tabindex: '-1' }, T.title),
    h('p', { class: 'lead' }, T.lead),
    originsPanel(context, origins.data, removeOrigin.ask),
    keysPanel(context, keys.data, revokeKey.ask),
    removeOrigin.element,
    revokeKey.element,
  );
}

function originsPanel(context: PageContext, initial: string[], confirm: (question: string) => Promise<boolean>): Node {
  const T = TEXT.integration;
  let origins = [...initial];
  const list = h('ul', { class: 'plain-list', 'aria-labelledby': 'titre-origines' });
  const origin = field(T.origin, { type: 'url', name: 'origin', placeholder: T.originPlaceholder, autocomplete: 'off', spellcheck: false });
  const problem = h('p', { class: 'form-error', role: 'alert' });
  const fields = { origin };

  /** Saves the whole list; the server normalises and checks each origin. */
  const save = async (next: string[], done: (saved: string[]) => string): Promise<boolean> => {
    clearErrors(fields, problem);
    try {
      origins = (await context.client.embedOrigins.replace(next, { signal: context.signal })).data;
      render();
      toast(done(origins));
      return true;
    } catch (error) {
      // The server names the origin by its place in the list (`origins.2`): the new one is the last.
      const index = next.length - 1;
      showProblem(error, { [`origins.${index}`]: origin, origins: origin }, problem);
      return false;
    }
  };
  const render = () => {
    list.replaceChildren(
      ...(origins.length === 0
        ? [h('li', { class: 'empty' }, T.noOrigin)]
        : origins.map((value) => {
            const remove = h('button', { type: 'button', class: 'link danger', 'aria-label': T.removeOrigin(value) }, T.remove);
            remove.addEventListener('click', async () => {
              if (!(await confirm(T.confirmRemoveOrigin(value)))) return;
              await save(
                origins.filter((o) => o !== value),
                () => T.originRemoved(value),
              );
            });
            return h('li', null, h('code', null, value), ' ', remove);
          })),
    );
  };
  const add = h('button', { type: 'submit', class: 'primary' }, T.addOrigin);
  const form = h('form', { novalidate: true, class: 'inline-form' }, problem, origin.element, add);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = origin.input.value.trim();
    if (value === '') {
      origin.setError(T.originMissing);
      origin.input.focus();
      return;
    }
    add.disabled = true;
    // The server normalises what was typed (« HTTPS://Intranet.fr/ » → « https://intranet.fr »): the toast says what was saved.
    if (await save([...origins, value], (saved) => T.originAdded(saved.at(-1) ?? value))) form.reset();
    else origin.input.focus();
    add.disabled = false;
  });
  render();
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'titre-origines' },
    h('h2', { id: 'titre-origines' }, T.originsTitle),
    h('p', null, T.originsHelp),
    list,
    form,
  );
}

function keysPanel(context: PageContext, initial: ApiKey[], confirm: (question: string) => Promise<boolean>): Node {
  const T = TEXT.integration;
  let keys = [...initial];
  const body = h('tbody');
  const secretBox = h('div', { class: 'secret', hidden: true, role: 'status' });
  const render = () => {
    body.replaceChildren(
      ...(keys.length === 0
        ? [h('tr', null, h('td', { colspan: '4', class: 'empty' }, T.noKey))]
        : keys.map((key) => {
            const revoke = h('button', { type: 'button', class: 'link danger', 'aria-label': T.revokeKey(key.name) }, T.revoke);
            revoke.addEventListener('click', async () => {
              if (!(await confirm(T.confirmRevoke(key.name)))) return;
              try {
                await context.client.apiKeys.delete(key.id, { signal: context.signal });
                keys = keys.filter((k) => k.id !== key.id);
                render();
                toast(T.keyRevoked(key.name));
              } catch (error) {
                toast(messageOf(error), 'error');
              }
            });
            return h(
              'tr',
              null,
              h('td', null, key.name),
              h('td', null, h('code', null, `${key.prefix}…`)),
              h('td', null, key.lastUsedAt ? dateTime.format(new Date(key.lastUsedAt)) : T.neverUsed),
              h('td', null, revoke),
            );
          })),
    );
  };
  const name = field(T.keyName, { type: 'text', name: 'name', maxlength: '100', autocomplete: 'off', placeholder: T.keyNamePlaceholder });
  const problem = h('p', { class: 'form-error', role: 'alert' });
  const create = h('button', { type: 'submit', class: 'primary' }, T.createKey);
  const form = h('form', { novalidate: true, class: 'inline-form' }, problem, name.element, create);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors({ name }, problem);
    if (name.input.value.trim() === '') {
      name.setError(T.keyNameMissing);
      name.input.focus();
      return;
    }
    create.disabled = true;
    try {
      const created = await context.client.apiKeys.create({ name: name.input.value.trim() }, { signal: context.signal });
      keys = [created, ...keys];
      render();
      showSecret(secretBox, created);
      form.reset();
    } catch (error) {
      (showProblem(error, { name }, problem) ?? name.input).focus();
    } finally {
      create.disabled = false;
    }
  });
  render();
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'titre-cles' },
    h('h2', { id: 'titre-cles' }, T.keysTitle),
    h('p', null, T.keysHelp),
    secretBox,
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'data' },
        h('caption', { class: 'visually-hidden' }, T.keysTitle),
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, T.keyName), h('th', { scope: 'col' }, T.keyPrefix), h('th', { scope: 'col' }, T.lastUsed), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, T.actions)))),
        body,
      ),
    ),
    form,
  );
}

/** The secret of a new key, this once: to copy into the portal's back end. */
function showSecret(box: HTMLElement, created: ApiKeyCreated): void {
  const T = TEXT.integration;
  const value = h('input', { type: 'text', readonly: true, value: created.secret, 'aria-label': T.secretLabel(created.name), class: 'secret-value' });
  const copy = h('button', { type: 'button' }, T.copy);
  copy.addEventListener('click', async () => {
    value.select();
    try {
      await navigator.clipboard.writeText(created.secret);
      toast(T.copied);
    } catch {
      // The field stays selected: the administrator copies it by hand.
    }
  });
  box.replaceChildren(h('p', null, h('strong', null, T.secretOnce(created.name))), h('div', { class: 'secret-row' }, value, copy));
  box.hidden = false;
  value.focus();
  value.select();
}
