import '@clr/elements/define/clr-candidates-table.js';
import type { CandidateRow } from '@clr/domain';
import { h } from '../dom.js';
import { TEXT } from '../text.js';
import type { PageContext } from './page.js';

const T = {
  title: 'Candidats',
  showCodes: 'Afficher les codes',
  createCandidate: 'Créer un candidat',
  confirmTitle: 'Supprimer un candidat',
  confirm: (name: string) => `Voulez-vous vraiment supprimer le candidat ${name} ? Cette action est définitive.`,
  delete: 'Supprimer',
  cancel: 'Annuler',
} as const;

/**
 * §6 « Candidats »: `<clr-candidates-table>` (counts, search, filters, sort,
 * selection, export), « Afficher les codes » (§6.7) for the selected
 * candidates — or, with none selected, the list of every candidate with an
 * activation code — and the row actions: the name opens the file (not built
 * yet), « Supprimer » asks for a confirmation first (§6.8).
 */
export function candidatesPage(context: PageContext): Node {
  const table = h('clr-candidates-table');
  const create = h('a', { slot: 'toolbar-end', class: 'button', href: '/candidats/nouveau' }, T.createCandidate, ' ', h('span', { class: 'soon' }, TEXT.soon));
  table.append(create);

  table.addEventListener('clr-candidate-open', (event) => context.navigate(`/candidats/${encodeURIComponent(event.detail.candidateId)}`));
  const confirm = confirmDialog();
  table.addEventListener('clr-candidate-delete', (event) => {
    event.preventDefault();
    const { candidateId, candidate } = event.detail;
    void confirm.ask(candidate).then((yes) => (yes ? table.deleteCandidate(candidateId) : undefined));
  });

  return h('div', null, h('h1', { tabindex: '-1' }, T.title), table, confirm.element);
}

/** « Dans la fenêtre qui s'ouvre, cliquez sur « Supprimer » pour confirmer » (§6.8). */
function confirmDialog() {
  const text = h('p');
  const yes = h('button', { type: 'submit', value: 'yes', class: 'primary danger' }, T.delete);
  const no = h('button', { type: 'submit', value: 'no', autofocus: true }, T.cancel);
  const element = h(
    'dialog',
    { class: 'confirm', 'aria-labelledby': 'titre-suppression', 'aria-describedby': 'texte-suppression' },
    h('form', { method: 'dialog' }, h('h2', { id: 'titre-suppression' }, T.confirmTitle), Object.assign(text, { id: 'texte-suppression' }), h('div', { class: 'actions' }, yes, no)),
  );
  return {
    element,
    ask(candidate: CandidateRow): Promise<boolean> {
      text.textContent = T.confirm(`${candidate.firstName} ${candidate.lastName}`);
      element.returnValue = '';
      element.showModal();
      return new Promise((resolve) => element.addEventListener('close', () => resolve(element.returnValue === 'yes'), { once: true }));
    },
  };
}
