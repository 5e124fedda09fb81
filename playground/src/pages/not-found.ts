import { h } from '../dom.js';
import { TEXT } from '../text.js';

export function notFoundPage(): Node {
  return h(
    'div',
    null,
    h('h1', { tabindex: '-1' }, TEXT.notFound.title),
    h('p', null, TEXT.notFound.body),
    h('p', null, h('a', { href: '/' }, TEXT.notFound.home)),
  );
}

/** A page the site does not have yet: it says so plainly. */
export function notBuiltPage(title: string, body: string, back?: { href: string; label: string }): Node {
  return h(
    'div',
    null,
    h('h1', { tabindex: '-1' }, title, ' ', h('span', { class: 'soon' }, TEXT.soon)),
    h('p', { class: 'notice' }, body),
    back ? h('p', null, h('a', { href: back.href }, back.label)) : null,
  );
}
