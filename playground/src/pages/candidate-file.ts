import '@clr/elements/define/clr-candidate-file.js';
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
  return h('div', { class: 'page-candidate-file' }, h('h1', { tabindex: '-1' }, TEXT.candidateFile.title), file);
}
