import { h } from '../dom.js';
import { clearErrors, field, showProblem } from '../forms.js';
import { TEXT } from '../text.js';
import type { PageContext } from './page.js';

/**
 * §1.2 « Modifier son profil »: two tabs, « Profil » (nom, prénom, courriel,
 * « Modifier ») and « Mot de passe » (current, new, confirmation). The tabs are
 * two addresses (`/profil`, `/profil/mot-de-passe`) so the profile menu can
 * open either.
 */
export function profilePage(context: PageContext, tab: 'profile' | 'password'): Node {
  return h(
    'div',
    { class: 'narrow' },
    h('h1', { tabindex: '-1' }, TEXT.profile.title),
    h(
      'nav',
      { class: 'tabs', 'aria-label': TEXT.profile.tabs },
      h('a', { href: '/profil', 'aria-current': tab === 'profile' ? 'page' : null }, TEXT.profile.tabProfile),
      h('a', { href: '/profil/mot-de-passe', 'aria-current': tab === 'password' ? 'page' : null }, TEXT.profile.tabPassword),
    ),
    h('section', { class: 'panel', 'aria-label': tab === 'profile' ? TEXT.profile.tabProfile : TEXT.profile.tabPassword }, tab === 'profile' ? identity(context) : password(context)),
  );
}

function identity(context: PageContext): Node {
  const holder = h('div');
  const show = (status = '') => {
    const admin = context.session!.admin;
    const edit = h('button', { type: 'button', class: 'primary' }, TEXT.profile.edit);
    edit.addEventListener('click', () => {
      holder.replaceChildren(editor());
      holder.querySelector('input')?.focus();
    });
    holder.replaceChildren(
      h(
        'dl',
        { class: 'identity' },
        h('dt', null, TEXT.profile.lastName),
        h('dd', null, admin.lastName),
        h('dt', null, TEXT.profile.firstName),
        h('dd', null, admin.firstName),
        h('dt', null, TEXT.profile.email),
        h('dd', null, admin.email),
      ),
      edit,
      h('p', { class: 'form-status', role: 'status' }, status),
    );
    return edit;
  };
  const editor = () => {
    const admin = context.session!.admin;
    const lastName = field(TEXT.profile.lastName, { type: 'text', name: 'lastName', autocomplete: 'family-name', required: true, value: admin.lastName });
    const firstName = field(TEXT.profile.firstName, { type: 'text', name: 'firstName', autocomplete: 'given-name', required: true, value: admin.firstName });
    const email = field(TEXT.profile.email, { type: 'email', name: 'email', autocomplete: 'email', required: true, value: admin.email });
    const fields = { lastName, firstName, email };
    const problem = h('p', { class: 'form-error', role: 'alert' });
    const save = h('button', { type: 'submit', class: 'primary' }, TEXT.profile.save);
    const cancel = h('button', { type: 'button' }, TEXT.profile.cancel);
    cancel.addEventListener('click', () => show().focus());
    const form = h('form', { novalidate: true }, problem, lastName.element, firstName.element, email.element, h('div', { class: 'actions' }, save, cancel));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(fields, problem);
      save.disabled = true;
      try {
        const session = await context.client.me.update(
          { lastName: lastName.input.value.trim(), firstName: firstName.input.value.trim(), email: email.input.value.trim() },
          { signal: context.signal },
        );
        context.setSession(session);
        show(TEXT.profile.saved).focus();
      } catch (error) {
        (showProblem(error, fields, problem) ?? lastName.input).focus();
        save.disabled = false;
      }
    });
    return form;
  };
  show();
  return holder;
}

function password(context: PageContext): Node {
  const current = field(TEXT.profile.current, { type: 'password', name: 'currentPassword', autocomplete: 'current-password', required: true });
  const next = field(TEXT.profile.next, { type: 'password', name: 'newPassword', autocomplete: 'new-password', required: true });
  const confirmation = field(TEXT.profile.confirmation, { type: 'password', name: 'confirmation', autocomplete: 'new-password', required: true });
  const fields = { currentPassword: current, newPassword: next, confirmation };
  const problem = h('p', { class: 'form-error', role: 'alert' });
  const status = h('p', { class: 'form-status', role: 'status' });
  const save = h('button', { type: 'submit', class: 'primary' }, TEXT.profile.changePassword);
  const form = h('form', { novalidate: true }, problem, current.element, next.element, confirmation.element, save, status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(fields, problem, status);
    if (next.input.value !== confirmation.input.value) {
      confirmation.setError(TEXT.reset.mismatch);
      confirmation.input.focus();
      return;
    }
    save.disabled = true;
    try {
      await context.client.me.changePassword(
        { currentPassword: current.input.value, newPassword: next.input.value, confirmation: confirmation.input.value },
        { signal: context.signal },
      );
      form.reset();
      status.textContent = TEXT.profile.passwordChanged;
    } catch (error) {
      (showProblem(error, fields, problem) ?? current.input).focus();
    } finally {
      save.disabled = false;
    }
  });
  return form;
}
