import { h } from '../dom.js';
import { clearErrors, field, showProblem } from '../forms.js';
import { TEXT } from '../text.js';
import type { PageContext } from './page.js';

/**
 * The page the « Mot de passe oublié ? » e-mail links to
 * (`/mot-de-passe/reinitialiser#token=…`, the token in the fragment so it
 * never reaches a server log): a new password, confirmed, spends the token.
 */
export function resetPasswordPage(context: PageContext): Node {
  const token = new URLSearchParams(context.url.hash.replace(/^#/, '')).get('token');
  const heading = h('h1', { tabindex: '-1' }, TEXT.reset.title);
  if (!token) {
    return card(heading, h('p', { class: 'notice' }, TEXT.reset.noToken), h('p', null, h('a', { href: '/connexion' }, TEXT.reset.toLogin)));
  }
  const password = field(TEXT.reset.password, { type: 'password', name: 'password', autocomplete: 'new-password', required: true });
  const confirmation = field(TEXT.reset.confirmation, { type: 'password', name: 'confirmation', autocomplete: 'new-password', required: true });
  const fields = { password, confirmation, token: password };
  const problem = h('p', { class: 'form-error', role: 'alert' });
  const submit = h('button', { type: 'submit', class: 'primary' }, TEXT.reset.submit);
  const form = h('form', { novalidate: true }, problem, password.element, confirmation.element, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(fields, problem);
    if (password.input.value !== confirmation.input.value) {
      confirmation.setError(TEXT.reset.mismatch);
      confirmation.input.focus();
      return;
    }
    submit.disabled = true;
    try {
      await context.client.auth.confirmPasswordReset({ token, password: password.input.value, confirmation: confirmation.input.value });
      // The token is spent: it leaves the address bar and the history.
      history.replaceState(null, '', context.url.pathname);
      form.replaceWith(h('p', { class: 'success', role: 'status' }, TEXT.reset.done), h('p', null, h('a', { href: '/connexion', class: 'button primary' }, TEXT.reset.toLogin)));
    } catch (error) {
      (showProblem(error, fields, problem) ?? password.input).focus();
      submit.disabled = false;
    }
  });
  return card(heading, form);
}

function card(...children: Node[]): Node {
  return h('div', { class: 'login' }, h('div', { class: 'login-card' }, ...children));
}
