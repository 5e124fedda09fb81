import '@clr/elements/define/clr-candidates-table.js';
import '@clr/elements/define/clr-group-dialog.js';
import '@clr/elements/define/clr-associate-candidates-dialog.js';
import { LABELS, type GroupWithCount } from '@clr/domain';
import { NotFoundError } from '@clr/sdk';
import { h } from '../dom.js';
import { confirmDialog } from '../confirm.js';
import { SITE_LOCALE } from '../locale.js';
import type { PageContext } from './page.js';

const T =
  SITE_LOCALE === 'en'
    ? {
        back: 'Back to the groups',
        category: 'Category',
        hidden: 'This group is hidden: its candidates do not show in the candidates table.',
        edit: 'Edit the group',
        associate: 'Associate candidates',
        notFoundTitle: 'Group not found',
        notFound: 'This group does not exist, or no longer: it may have been deleted.',
        associated: (n: number) => (n === 1 ? '1 candidate was associated with the group.' : `${n} candidates were associated with the group.`),
        saved: 'The group was changed.',
        confirmTitle: 'Dissociate a candidate',
        confirm: (name: string, group: string) =>
          `Dissociate ${name} from the group « ${group} »? The candidate is not deleted: they stay in the space and in their other groups.`,
        dissociate: 'Dissociate',
        cancel: 'Cancel',
      }
    : {
        back: 'Retour aux groupes',
        category: 'Catégorie',
        hidden: 'Ce groupe est masqué : ses candidats ne s’affichent pas dans le tableau des candidats.',
        edit: 'Editer le groupe',
        associate: 'Associer des candidats',
        notFoundTitle: 'Groupe introuvable',
        notFound: 'Ce groupe n’existe pas, ou plus : il a peut-être été supprimé.',
        associated: (n: number) => (n === 1 ? '1 candidat a été associé au groupe.' : `${n} candidats ont été associés au groupe.`),
        saved: 'Le groupe a été modifié.',
        confirmTitle: 'Dissocier un candidat',
        confirm: (name: string, group: string) =>
          `Dissocier ${name} du groupe « ${group} » ? Le candidat n’est pas supprimé : il reste dans l’espace et dans ses autres groupes.`,
        dissociate: 'Dissocier',
        cancel: 'Annuler',
      };

/**
 * A group's page (§5.6–5.10): its name and category, the candidates table in
 * its group view (search, status and period, sort, « Exporter le tableau »
 * with §5.7's columns), « Editer le groupe » (§5.8), « Associer des candidats
 * » (§5.9) and, per row, « Dissocier » after a confirmation (§5.10).
 */
export async function groupPage(context: PageContext): Promise<Node> {
  const id = context.params['id'] ?? '';
  const back = h('a', { href: '/groupes' }, T.back);
  let group: GroupWithCount;
  try {
    group = await context.client.groups.retrieve(id, { signal: context.signal });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    return h('div', null, h('h1', { tabindex: '-1' }, T.notFoundTitle), h('p', null, T.notFound), h('p', null, back));
  }

  const title = h('h1', { tabindex: '-1' });
  const meta = h('p', { class: 'group-meta' });
  const hiddenNotice = h('p', { class: 'notice' }, T.hidden);
  const status = h('p', { class: 'success', role: 'status' });
  const show = (g: GroupWithCount) => {
    group = g;
    title.textContent = g.name;
    meta.textContent = `${T.category}${SITE_LOCALE === 'fr' ? ' :' : ':'} ${LABELS[SITE_LOCALE].groupCategory[g.category]}`;
    hiddenNotice.hidden = !g.hidden;
    document.title = document.title.replace(/^[^—]*—/, `${g.name} —`);
  };
  show(group);

  const table = h('clr-candidates-table', { 'group-id': group.id });
  const edit = h('button', { slot: 'toolbar-end', type: 'button' }, T.edit);
  const associate = h('button', { slot: 'toolbar-end', type: 'button', class: 'primary' }, T.associate);
  table.append(edit, associate);

  const dialog = h('clr-group-dialog');
  edit.addEventListener('click', () => {
    dialog.group = group;
    dialog.show();
  });
  dialog.addEventListener('clr-group-save', (event) => {
    show(event.detail.group);
    status.textContent = T.saved;
    // The rows show the group's name under each candidate's.
    table.refresh();
  });

  const associateDialog = h('clr-associate-candidates-dialog', { 'group-id': group.id });
  associate.addEventListener('click', () => associateDialog.show());
  associateDialog.addEventListener('clr-candidates-associate', (event) => {
    status.textContent = T.associated(event.detail.added.length);
    table.refresh();
  });

  table.addEventListener('clr-candidate-open', (event) => context.navigate(`/candidats/${encodeURIComponent(event.detail.candidateId)}`));
  // « Une confirmation vous sera demandée … Cliquez sur « Dissocier » » (§5.10).
  const confirm = confirmDialog({ title: T.confirmTitle, yes: T.dissociate, no: T.cancel });
  table.addEventListener('clr-candidate-dissociate', (event) => {
    event.preventDefault();
    const { candidateId, candidate } = event.detail;
    status.textContent = '';
    void confirm.ask(T.confirm(`${candidate.firstName} ${candidate.lastName}`, group.name)).then((yes) => (yes ? table.dissociateCandidate(candidateId) : undefined));
  });

  return h(
    'div',
    null,
    h('p', { class: 'breadcrumb' }, back),
    title,
    meta,
    hiddenNotice,
    status,
    table,
    dialog,
    associateDialog,
    confirm.element,
  );
}
