import { helpUrl, supportEmail } from '../config.js';
import { h } from '../dom.js';
import { TEXT } from '../text.js';

/**
 * §7.1 « Obtenir de l'aide », from « Aide » in the profile menu: « Consulter
 * l'aide » leads to the help site for administrators (its address is the
 * deployment's `HELP_URL`), where the documentation and a contact form are;
 * and the customer service's address (`SUPPORT_EMAIL`).
 */
export function helpPage(): Node {
  const email = supportEmail();
  return h(
    'div',
    { class: 'narrow-wide' },
    h('h1', { tabindex: '-1' }, TEXT.help.title),
    h(
      'section',
      { class: 'panel help-card', 'aria-labelledby': 'titre-aide' },
      h('h2', { id: 'titre-aide', class: 'visually-hidden' }, TEXT.help.title),
      h('p', null, TEXT.help.lead),
      h(
        'p',
        null,
        h('a', { class: 'button primary', href: helpUrl(), target: '_blank', rel: 'noopener' }, TEXT.help.open, h('span', { class: 'visually-hidden' }, ` ${TEXT.help.opensElsewhere}`)),
      ),
    ),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'titre-contact' },
      h('h2', { id: 'titre-contact' }, TEXT.help.contactTitle),
      h('p', null, TEXT.help.contactBefore, h('a', { href: `mailto:${email}` }, email), '.'),
    ),
  );
}
