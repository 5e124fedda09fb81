import { h } from '../dom.js';
import { clearErrors, field, showProblem } from '../forms.js';
import { toast } from '../shell.js';
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
  // What the page shows: the session as the server last answered it (the context's is the one the page opened with).
  let admin = context.session!.admin;
  const show = () => {
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
    );
    return edit;
  };
  const editor = () => {
    const lastName = field(TEXT.profile.lastName, { type: 'text', name: 'lastName', autocomplete: 'family-name', required: true, value: admin.lastName });
    const firstName = field(TEXT.profile.firstName, { type: 'text', name: 'firstName', autocomplete: 'given-name', required: true, value: admin.firstName });
    const email = field(TEXT.profile.email, { type: 'email', name: 'email', autocomplete: 'email', required: true, value: admin.email });
    // The e-mail is the login: changing it asks for the current password, shown as soon as the e-mail differs.
    const currentPassword = field(TEXT.profile.emailPassword, { type: 'password', name: 'currentPassword', autocomplete: 'current-password' });
    const hint = h('p', { class: 'hint' }, TEXT.profile.emailPasswordHint);
    const passwordBlock = h('div', { class: 'email-password', hidden: true }, hint, currentPassword.element);
    const emailChanged = () => email.input.value.trim().toLowerCase() !== admin.email.toLowerCase();
    email.input.addEventListener('input', () => {
      passwordBlock.hidden = !emailChanged();
    });
    const fields = { lastName, firstName, email, currentPassword };
    const problem = h('p', { class: 'form-error', role: 'alert' });
    const save = h('button', { type: 'submit', class: 'primary' }, TEXT.profile.save);
    const cancel = h('button', { type: 'button' }, TEXT.profile.cancel);
    cancel.addEventListener('click', () => show().focus());
    const form = h('form', { novalidate: true }, problem, lastName.element, firstName.element, email.element, passwordBlock, h('div', { class: 'actions' }, save, cancel));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearErrors(fields, problem);
      const changingEmail = emailChanged();
      if (changingEmail && currentPassword.input.value === '') {
        passwordBlock.hidden = false;
        currentPassword.setError(TEXT.profile.emailPasswordMissing);
        currentPassword.input.focus();
        return;
      }
      save.disabled = true;
      try {
        const session = await context.client.me.update(
          {
            lastName: lastName.input.value.trim(),
            firstName: firstName.input.value.trim(),
            ...(changingEmail ? { email: email.input.value.trim(), currentPassword: currentPassword.input.value } : {}),
          },
          { signal: context.signal },
        );
        admin = session.admin;
        // The header's initials and menu follow at once.
        context.setSession(session);
        show().focus();
        toast(TEXT.profile.saved);
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
