import '@clr/elements/define/clr-candidate-form.js';
import { h } from '../dom.js';
import { TEXT } from '../text.js';
import type { PageContext } from './page.js';

/**
 * §6.3 « Créer un candidat et compléter son dossier »: `<clr-candidate-form>`
 * (five pages, the candidate created after the third, the draft kept across a
 * reload). « Retourner au tableau » leads to the candidates table; once the
 * facultative pages are saved, to the candidate's file.
 */
export function candidateNewPage(context: PageContext): Node {
  const form = h('clr-candidate-form');
  form.addEventListener('clr-back-to-table', () => context.navigate('/candidats'));
  form.addEventListener('clr-candidate-saved', (event) => context.navigate(`/candidats/${encodeURIComponent(event.detail.candidate.id)}`));
  return h('div', { class: 'page-candidate-form' }, h('h1', { tabindex: '-1' }, TEXT.home.createCandidate), form);
}
