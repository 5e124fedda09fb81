import { h } from '../dom.js';
import { clearErrors, field, messageOf, showProblem } from '../forms.js';
import { safeReturn } from '../router.js';
import { TEXT } from '../text.js';
import type { PageContext } from './page.js';

/**
 * §1.1 « Se connecter en tant qu'administrateur »: identifiant (courriel) and
 * mot de passe, then « Connexion ». « Mot de passe oublié ? » asks the API to
 * e-mail a reset link to the identifiant typed (the API answers the same
 * whether the account exists or not). Refusals — wrong password, too many
 * attempts — are the API's French messages.
 */
export function loginPage(context: PageContext): Node {
  const { client, url } = context;
  const email = field(TEXT.login.email, { type: 'email', name: 'email', autocomplete: 'username', required: true, spellcheck: 'false' });
  const password = field(TEXT.login.password, { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const fields = { email, password };
  const problem = h('p', { class: 'form-error', role: 'alert' });
  const status = h('p', { class: 'form-status', role: 'status' }, url.searchParams.has('deconnecte') ? TEXT.login.loggedOut : '');
  const submit = h('button', { type: 'submit', class: 'primary' }, TEXT.login.submit);
  const forgot = h('button', { type: 'button', class: 'link' }, TEXT.login.forgot);

  const form = h('form', { novalidate: true, 'aria-labelledby': 'titre-connexion' }, problem, email.element, password.element, submit);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(fields, problem, status);
    const credentials = { email: email.input.value.trim(), password: password.input.value };
    if (!credentials.email) email.setError(TEXT.login.emailMissing);
    if (!credentials.password) password.setError(TEXT.login.passwordMissing);
    if (!credentials.email || !credentials.password) {
      (credentials.email ? password : email).input.focus();
      return;
    }
    submit.disabled = true;
    submit.textContent = TEXT.login.submitting;
    try {
      const session = await client.auth.login(credentials);
      context.setSession(session);
      context.navigate(safeReturn(url.searchParams.get('retour')), { replace: true });
    } catch (error) {
      const first = showProblem(error, fields, problem);
      (first ?? password.input).focus();
      password.input.select();
    } finally {
      submit.disabled = false;
      submit.textContent = TEXT.login.submit;
    }
  });

  forgot.addEventListener('click', async () => {
    clearErrors(fields, problem, status);
    const address = email.input.value.trim();
    if (!address) {
      email.setError(TEXT.login.forgotNeedsEmail);
      email.input.focus();
      return;
    }
    forgot.disabled = true;
    try {
      await client.auth.requestPasswordReset({ email: address });
      status.textContent = TEXT.login.forgotSent(address);
    } catch (error) {
      const first = showProblem(error, fields, problem);
      if (first) first.focus();
      else if (!problem.textContent) problem.textContent = messageOf(error);
    } finally {
      forgot.disabled = false;
    }
  });

  return h(
    'div',
    { class: 'login' },
    h(
      'div',
      { class: 'login-card' },
      h('h1', { id: 'titre-connexion', tabindex: '-1' }, TEXT.login.title),
      h('p', { class: 'lead' }, TEXT.login.lead),
      form,
      h('p', { class: 'forgot' }, forgot),
      status,
    ),
  );
}
