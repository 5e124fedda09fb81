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

/** A page this site does not offer: it says so plainly, and who to ask. */
export function notBuiltPage(title: string, body: string, back?: { href: string; label: string }): Node {
  return h(
    'div',
    null,
    h('h1', { tabindex: '-1' }, title),
    h('p', { class: 'notice' }, body),
    back ? h('p', null, h('a', { href: back.href }, back.label)) : null,
  );
}
