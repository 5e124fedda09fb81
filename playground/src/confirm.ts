import { h, uid } from './dom.js';

/**
 * The site's confirmation window (UI.md: a destructive action asks in a dialog
 * that names its object, with the manual's button words): a modal `<dialog>`
 * whose « Annuler » has the focus, Escape cancelling.
 *
 *   const confirm = confirmDialog({ title: 'Supprimer un candidat', yes: 'Supprimer', no: 'Annuler' });
 *   page.append(confirm.element);
 *   if (await confirm.ask('Voulez-vous vraiment supprimer …')) …
 */
export function confirmDialog(words: { title: string; yes: string; no: string }): { element: HTMLDialogElement; ask(question: string): Promise<boolean> } {
  const id = uid('confirmation');
  const text = h('p', { id: `${id}-texte` });
  const element = h(
    'dialog',
    { class: 'confirm', 'aria-labelledby': `${id}-titre`, 'aria-describedby': `${id}-texte` },
    h(
      'form',
      { method: 'dialog' },
      h('h2', { id: `${id}-titre` }, words.title),
      text,
      h('div', { class: 'actions' }, h('button', { type: 'submit', value: 'yes', class: 'primary danger' }, words.yes), h('button', { type: 'submit', value: 'no', autofocus: true }, words.no)),
    ),
  );
  return {
    element,
    ask(question) {
      text.textContent = question;
      element.returnValue = '';
      element.showModal();
      return new Promise((resolve) => element.addEventListener('close', () => resolve(element.returnValue === 'yes'), { once: true }));
    },
  };
}
