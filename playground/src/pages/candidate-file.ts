import '@clr/elements/define/clr-candidate-file.js';
import '@clr/elements/define/clr-assignment-actions.js';
import { h } from '../dom.js';
import { TEXT } from '../text.js';
import type { PageContext } from './page.js';

/**
 * §6.4 « Modifier le dossier d'un candidat », §6.8 « Supprimer un candidat »,
 * §6.9–6.12 the result and its documents: `<clr-candidate-file>`. « Retour au
 * tableau des candidats » leads back to the table. The assignment actions of
 * §6.5–6.7 go in the element's `assignment` slot.
 */
export function candidateFilePage(context: PageContext): Node {
  const file = h('clr-candidate-file', { 'candidate-id': context.params['id'] ?? '' });
  file.addEventListener('clr-back-to-table', () => context.navigate('/candidats'));
  // §6.5–6.7: assign, change or remove the exam, « Afficher le code »; the file follows, « Commander » leads to the cart.
  const actions = h('clr-assignment-actions', { slot: 'assignment', 'candidate-id': context.params['id'] ?? '' });
  file.append(actions);
  file.addEventListener('clr-assignment-change', () => void file.refresh());
  file.addEventListener('clr-order-request', () => context.navigate('/commandes?panier=1'));
  return h('div', { class: 'page-candidate-file' }, h('h1', { tabindex: '-1' }, TEXT.candidateFile.title), file);
}
