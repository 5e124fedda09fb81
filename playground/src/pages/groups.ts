import '@clr/elements/define/clr-groups-table.js';
import { h } from '../dom.js';
import { TEXT } from '../text.js';
import type { PageContext } from './page.js';

const T = { title: TEXT.menu.groups };

/**
 * §5 « Groupes »: `<clr-groups-table>` — the number of groups, the table
 * (search, filters, sort, export), « Créer un groupe » and the icon actions;
 * « Afficher les candidats » leads to the group's page. Accueil's « Créer un
 * groupe » lands here with ?nouveau=1, which opens the creation dialog.
 */
export function groupsPage(context: PageContext): Node {
  const table = h('clr-groups-table');
  table.addEventListener('clr-group-open', (event) => context.navigate(`/groupes/${encodeURIComponent(event.detail.groupId)}`));
  if (context.url.searchParams.has('nouveau')) {
    void table.updateComplete.then(() => {
      table.create();
      // Once closed, the address no longer asks for it (a reload does not reopen it).
      table.shadowRoot
        ?.querySelector('clr-group-dialog')
        ?.addEventListener('clr-dialog-close', () => history.replaceState(null, '', '/groupes'), { once: true });
    });
  }
  return h('div', null, h('h1', { tabindex: '-1' }, T.title), table);
}
