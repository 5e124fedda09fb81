import '@clr/elements/define/clr-candidates-table.js';
import '@clr/elements/define/clr-codes-dialog.js';
import '@clr/elements/define/clr-bulk-assignments-dialog.js';
import '@clr/elements/define/clr-documents-dialog.js';
import { h } from '../dom.js';
import { SITE_LOCALE } from '../locale.js';
import { confirmDialog } from '../confirm.js';
import type { PageContext } from './page.js';

const T = SITE_LOCALE === 'en'
  ? {
      title: 'Candidates',
      showCodes: 'Show the codes',
      manage: 'Manage the certifications',
      generateDocuments: 'Generate documents',
      createCandidate: 'Create a candidate',
      confirmTitle: 'Delete a candidate',
      confirm: (name: string) => `Do you really want to delete the candidate ${name}? This cannot be undone.`,
      delete: 'Delete',
      cancel: 'Cancel',
    }
  : {
      title: 'Candidats',
      showCodes: 'Afficher les codes',
      manage: 'Gérer les certifications',
      generateDocuments: 'Générer des documents',
      createCandidate: 'Créer un candidat',
      confirmTitle: 'Supprimer un candidat',
      confirm: (name: string) => `Voulez-vous vraiment supprimer le candidat ${name} ? Cette action est définitive.`,
      delete: 'Supprimer',
      cancel: 'Annuler',
    };

/**
 * §6 « Candidats »: `<clr-candidates-table>` (counts, search, filters, sort,
 * selection, export), « Gérer les certifications » (§6.6,
 * `<clr-bulk-assignments-dialog>`), « Afficher les codes » (§6.7) for the selected
 * candidates (one: that candidate's code; several: their codes) — or, with
 * none selected, the list of every candidate with an activation code — and
 * « Générer des documents » (§6.10–6.12), and
 * the row actions: the name opens the file, « Supprimer » asks for a confirmation first (§6.8).
 */
export function candidatesPage(context: PageContext): Node {
  const table = h('clr-candidates-table');
  const create = h('a', { slot: 'toolbar-end', class: 'button', href: '/candidats/nouveau' }, T.createCandidate);
  const showCodes = h('button', { slot: 'toolbar-end', type: 'button' }, T.showCodes);
  const manage = h('button', { slot: 'toolbar-end', type: 'button' }, T.manage);
  const generate = h('button', { slot: 'toolbar-end', type: 'button' }, T.generateDocuments);
  table.append(create, manage, showCodes, generate);
  // §6.10–6.12 « Générer des documents »: the type, the eligible candidates, one merged PDF or a ZIP.
  const documents = h('clr-documents-dialog');
  generate.addEventListener('click', () => documents.show());

  // §6.6 « Gérer les certifications »: remove, or assign a type within the stock, all or nothing; the table follows.
  const bulk = h('clr-bulk-assignments-dialog');
  const done = h('p', { class: 'form-status', role: 'status' });
  manage.addEventListener('click', () => bulk.show());
  bulk.addEventListener('clr-assignment-change', (event) => {
    done.textContent = event.detail.message;
    table.refresh();
  });
  bulk.addEventListener('clr-order-request', () => context.navigate('/commandes?panier=1'));

  // §6.7: one candidate selected → that candidate's code; several → their codes (« Exporter » exports exactly them);
  // none → the list of every candidate with a code, to choose from.
  const codes = h('clr-codes-dialog');
  const openCodes = () => {
    const ids = table.selectedIds;
    codes.candidateIds = ids.length > 1 ? ids : [];
    codes.candidateId = ids.length === 1 ? (ids[0] ?? null) : null;
    codes.show();
  };
  showCodes.addEventListener('click', openCodes);
  // Accueil's « Afficher les codes » (§3.1) lands here with ?codes=1.
  if (context.url.searchParams.has('codes')) {
    openCodes();
    // Once closed, the address no longer asks for it (a reload does not reopen it); the page stays as it is.
    codes.addEventListener('clr-dialog-close', () => history.replaceState(null, '', '/candidats'), { once: true });
  }

  table.addEventListener('clr-candidate-open', (event) => context.navigate(`/candidats/${encodeURIComponent(event.detail.candidateId)}`));
  // « Dans la fenêtre qui s'ouvre, cliquez sur « Supprimer » pour confirmer » (§6.8).
  const confirm = confirmDialog({ title: T.confirmTitle, yes: T.delete, no: T.cancel });
  table.addEventListener('clr-candidate-delete', (event) => {
    event.preventDefault();
    const { candidateId, candidate } = event.detail;
    void confirm.ask(T.confirm(`${candidate.firstName} ${candidate.lastName}`)).then((yes) => (yes ? table.deleteCandidate(candidateId) : undefined));
  });

  return h('div', null, h('h1', { tabindex: '-1' }, T.title), done, table, codes, bulk, documents, confirm.element);
}
