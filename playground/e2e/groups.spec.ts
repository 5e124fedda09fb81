import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe.js';
import { heading, signIn } from './support/site.js';

async function csvOf(download: Download): Promise<string[]> {
  return (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
}

/** Accueil's « Groupes » and « Candidats » boxes (§3.1): their totals, and the groups' count for « Classe ». */
async function dashboard(page: Page): Promise<{ groups: number; classes: number; candidates: number }> {
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Accueil' }).click();
  await expect(heading(page, 'Accueil')).toBeVisible();
  const groups = page.locator('section[aria-labelledby="encadre-groupes"]');
  const candidates = page.locator('section[aria-labelledby="encadre-candidats"]');
  const classes = groups.locator('li', { hasText: 'Classe' }).locator('.figure');
  return {
    groups: Number(await groups.locator('.total').textContent()),
    classes: Number(await classes.textContent()),
    candidates: Number(await candidates.locator('.total').textContent()),
  };
}

const NAME = 'Classe de 3e B';
const RENAMED = 'Classe de 3e B (2026)';

test.describe('§5 Groupes', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page);
  });

  test('walks §5.1–5.10 in order as an administrator would, Accueil’s counts following each change', async ({ page }) => {
    await page.goto('/');
    const before = await dashboard(page);
    const groupsGrid = page.getByRole('grid', { name: 'Tableau des groupes' });

    await test.step('§3.1 → §5.3 Accueil’s « Créer un groupe » opens « Création d’un groupe » on the Groupes page', async () => {
      await page.locator('section[aria-labelledby="encadre-groupes"]').getByRole('link', { name: 'Créer un groupe' }).click();
      await expect(heading(page, 'Groupes')).toBeVisible();
      const dialog = page.getByRole('dialog', { name: "Création d'un groupe" });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByText('Cette catégorie sert à regrouper les candidats qui passent leur examen durant la même session.')).toBeVisible();

      // Empty: each message beside its field.
      await dialog.getByRole('button', { name: 'Créer le groupe' }).click();
      await expect(dialog.getByText('Le nom du groupe est obligatoire.')).toBeVisible();
      await expect(dialog.getByText('La catégorie du groupe est obligatoire.')).toBeVisible();

      // A name already taken, whatever its case.
      await dialog.getByLabel('Nom du groupe *').fill('SESSION de septembre');
      await dialog.getByLabel('Catégorie de groupe *').selectOption({ label: 'Classe' });
      await dialog.getByRole('button', { name: 'Créer le groupe' }).click();
      await expect(dialog.getByText('Ce nom de groupe est déjà utilisé.')).toBeVisible();

      await dialog.getByLabel('Nom du groupe *').fill(NAME);
      await dialog.getByRole('button', { name: 'Créer le groupe' }).click();
      await expect(dialog.getByText(`Le groupe « ${NAME} » a bien été créé`)).toBeVisible();
      await dialog.getByRole('button', { name: 'Continuer' }).click();
      await expect(dialog).toBeHidden();
      await expect(page).toHaveURL(/\/groupes$/);
      await expect(groupsGrid.getByRole('row').filter({ hasText: NAME })).toContainText('Classe');
    });

    await test.step('§3.1 Accueil counts the new group, in « Classe »', async () => {
      const after = await dashboard(page);
      expect(after.groups).toBe(before.groups + 1);
      expect(after.classes).toBe(before.classes + 1);
      await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Groupes' }).click();
      await expect(heading(page, 'Groupes')).toBeVisible();
    });

    await test.step('§5.1 the table: name, category, creation date, actions; search, category and period filters, sort, reset', async () => {
      await expect(page.getByText(`${before.groups + 1} groupes`, { exact: true })).toBeVisible();
      await expect(groupsGrid.getByRole('columnheader')).toHaveText([/Nom/, /Catégorie/, /Créé le/, 'Actions']);
      const row = groupsGrid.getByRole('row').filter({ hasText: NAME });
      await expect(row.getByRole('gridcell').nth(2)).toHaveText(/^\d{2}\/\d{2}\/\d{4}$/);
      await expect(row.getByRole('button', { name: `Afficher les candidats du groupe ${NAME}`, exact: true })).toBeVisible();

      await page.getByRole('searchbox', { name: 'Rechercher un groupe' }).fill('3e B');
      await expect(groupsGrid.getByRole('row')).toHaveCount(2);
      await page.getByRole('searchbox', { name: 'Rechercher un groupe' }).fill('');
      await page.getByRole('combobox', { name: /^Catégorie/ }).selectOption({ label: "Session d'examen" });
      await expect(groupsGrid.getByRole('row').nth(1)).toContainText('Session de septembre');
      await expect(groupsGrid).not.toContainText(NAME);
      await page.getByRole('button', { name: 'Réinitialiser les filtres' }).click();
      await expect(groupsGrid).toContainText(NAME);
      await page.getByRole('textbox', { name: 'Créé du' }).fill('01/01/2000');
      await page.getByRole('textbox', { name: 'au', exact: true }).fill('31/12/2000');
      await expect(groupsGrid).toContainText('Aucun groupe ne correspond');
      await page.getByRole('button', { name: 'Réinitialiser les filtres' }).click();

      await groupsGrid.getByRole('button', { name: 'Nom', exact: true }).click();
      await expect(groupsGrid.getByRole('columnheader').first()).toHaveAttribute('aria-sort', 'descending');
      await expect(groupsGrid.getByRole('row').nth(1)).toContainText('Session de septembre');
      await groupsGrid.getByRole('button', { name: 'Nom', exact: true }).click();
      await expect(groupsGrid.getByRole('row').nth(1)).toContainText(NAME);
    });

    await test.step('§5.2 « Exporter le tableau » downloads exactly the table shown', async () => {
      await page.getByRole('searchbox', { name: 'Rechercher un groupe' }).fill('3e B');
      await expect(groupsGrid.getByRole('row')).toHaveCount(2);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter le tableau' }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const lines = await csvOf(download);
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/Nom.Catégorie.Date de création.Statut/);
      expect(lines[1]).toContain(NAME);
      expect(lines[1]).toContain('Actif');
      await page.getByRole('button', { name: 'Réinitialiser les filtres' }).click();
    });

    await test.step('§5.6 the « candidats » icon opens the group’s page, empty for now', async () => {
      await groupsGrid.getByRole('button', { name: `Afficher les candidats du groupe ${NAME}`, exact: true }).click();
      await expect(page).toHaveURL(/\/groupes\/[^/]+$/);
      await expect(heading(page, NAME)).toBeVisible();
      await expect(page.getByText('Catégorie : Classe')).toBeVisible();
      await expect(page.getByRole('grid', { name: 'Candidats du groupe' })).toContainText('Aucun candidat');
    });

    const members = page.getByRole('grid', { name: 'Candidats du groupe' });
    await test.step('§5.9 « Associer des candidats »: the window lists the candidates not in the group; two are associated', async () => {
      await page.getByRole('button', { name: 'Associer des candidats' }).click();
      const dialog = page.getByRole('dialog', { name: 'Associer un ou plusieurs candidats' });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByText(`${before.candidates} candidats`, { exact: true })).toBeVisible();
      // Search and filters narrow the list; a tick belongs to the list it was made in (changing the filters clears it).
      await dialog.getByRole('searchbox', { name: 'Rechercher un nom, un courriel' }).fill('Perrin');
      await expect(dialog.getByRole('row')).toHaveCount(2);
      await dialog.getByRole('checkbox', { name: 'Sélectionner PERRIN Zoé' }).check();
      await expect(dialog.getByText('1 candidat sélectionné')).toBeVisible();
      await dialog.getByRole('button', { name: 'Réinitialiser les filtres' }).click();
      await expect(dialog.getByText('Aucun candidat sélectionné')).toBeVisible();
      await dialog.getByRole('combobox', { name: /^Statut/ }).selectOption({ label: 'Passée' });
      await expect(dialog.getByRole('row').filter({ hasText: 'Prévue' })).toHaveCount(0);
      await expect(dialog.getByRole('row').filter({ hasText: 'LEFÈVRE Élodie' })).toBeVisible();
      await dialog.getByRole('combobox', { name: /^Groupe/ }).selectOption({ label: 'Session de septembre' });
      await expect(dialog.getByRole('row').filter({ hasText: 'LEFÈVRE Élodie' })).toHaveCount(0);
      await dialog.getByRole('button', { name: 'Réinitialiser les filtres' }).click();
      await expect(dialog.getByText(`${before.candidates} candidats`, { exact: true })).toBeVisible();
      await dialog.getByRole('checkbox', { name: 'Sélectionner PERRIN Zoé' }).check();
      await dialog.getByRole('checkbox', { name: 'Sélectionner LEFÈVRE Élodie' }).check();
      await expect(dialog.getByText('2 candidats sélectionnés')).toBeVisible();
      await dialog.getByRole('button', { name: 'Associer les candidats' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText('2 candidats ont été associés au groupe.')).toBeVisible();
      await expect(members).toHaveAttribute('aria-rowcount', '3');
      // A candidate may belong to several groups.
      await expect(members.getByRole('row').filter({ hasText: 'PERRIN Zoé' })).toContainText(`${NAME}, Session de septembre`);

      await page.getByRole('button', { name: 'Associer des candidats' }).click();
      await expect(dialog.getByText(`${before.candidates - 2} candidats`, { exact: true })).toBeVisible();
      await expect(dialog).not.toContainText('PERRIN Zoé');
      await dialog.getByRole('button', { name: 'Retour' }).click();
      await expect(dialog).toBeHidden();
    });

    await test.step('§5.6 the group view: search, status filter and sort on the columns', async () => {
      await page.getByRole('searchbox', { name: 'Rechercher un nom, un courriel' }).fill('Perrin');
      await expect(members).toHaveAttribute('aria-rowcount', '2');
      await page.getByRole('searchbox', { name: 'Rechercher un nom, un courriel' }).fill('');
      await expect(members).toHaveAttribute('aria-rowcount', '3');
      await page.getByRole('combobox', { name: /^Statut/ }).selectOption({ label: 'Passée' });
      await expect(members).toHaveAttribute('aria-rowcount', '2');
      await expect(members).toContainText('LEFÈVRE Élodie');
      await page.getByRole('button', { name: 'Réinitialiser les filtres' }).click();
      await members.getByRole('button', { name: 'Nom', exact: true }).click();
      await expect(members.getByRole('row').nth(1)).toContainText('PERRIN Zoé');
    });

    await test.step('§5.7 « Exporter le tableau » of the group: Nom, E-mail, Groupe, statut, type, score, date', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter le tableau' }).click()]);
      const lines = await csvOf(download);
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(/Nom/);
      expect(lines[0]).toMatch(/Groupe/);
      expect(lines[0]).toMatch(/Score/);
      expect(lines.slice(1).join('\n')).toContain(NAME);
    });

    await test.step('§5.8 « Editer le groupe » renames it; « Sauvegarder » saves', async () => {
      await page.getByRole('button', { name: 'Editer le groupe' }).click();
      const dialog = page.getByRole('dialog', { name: 'Editer le groupe' });
      await expect(dialog.getByLabel('Nom du groupe *')).toHaveValue(NAME);
      await expect(dialog.getByLabel('Catégorie de groupe *')).toHaveValue('class');
      await dialog.getByLabel('Nom du groupe *').fill(RENAMED);
      await dialog.getByRole('button', { name: 'Sauvegarder' }).click();
      await expect(dialog).toBeHidden();
      await expect(heading(page, RENAMED)).toBeVisible();
      await expect(members.getByRole('row').filter({ hasText: 'PERRIN Zoé' })).toContainText(RENAMED);
    });

    await test.step('§5.10 « Dissocier » asks first; « Annuler » keeps the candidate, « Dissocier » removes her from the group only', async () => {
      await members.getByRole('button', { name: 'Dissocier PERRIN Zoé du groupe' }).click();
      const confirm = page.getByRole('dialog', { name: 'Dissocier un candidat' });
      await expect(confirm).toContainText(`Dissocier Zoé Perrin du groupe « ${RENAMED} » ?`);
      await confirm.getByRole('button', { name: 'Annuler' }).click();
      await expect(confirm).toBeHidden();
      await expect(members).toHaveAttribute('aria-rowcount', '3');
      await members.getByRole('button', { name: 'Dissocier PERRIN Zoé du groupe' }).click();
      await confirm.getByRole('button', { name: 'Dissocier' }).click();
      await expect(members).toHaveAttribute('aria-rowcount', '2');
      await expect(members).not.toContainText('PERRIN Zoé');
      await expect(page.getByText('PERRIN Zoé a été dissocié du groupe.')).toBeVisible();
    });

    await test.step('§5.4 « Masquer »: the group goes last, greyed, and its candidates leave the Candidats table and Accueil’s counts', async () => {
      await page.getByRole('link', { name: 'Retour aux groupes' }).click();
      await expect(heading(page, 'Groupes')).toBeVisible();
      await groupsGrid.getByRole('button', { name: `Masquer le groupe ${RENAMED}`, exact: true }).click();
      await expect(page.getByText(`Le groupe « ${RENAMED} » est masqué`)).toBeVisible();
      const last = groupsGrid.getByRole('row').last();
      await expect(last).toContainText(RENAMED);
      await expect(last).toContainText('masqué');
      expect((await dashboard(page)).candidates).toBe(before.candidates - 1);

      await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Candidats' }).click();
      const candidates = page.getByRole('grid', { name: 'Tableau des candidats' });
      await expect(candidates).toHaveAttribute('aria-rowcount', String(before.candidates));
      await expect(candidates).not.toContainText('LEFÈVRE Élodie');

      await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Groupes' }).click();
      await groupsGrid.getByRole('button', { name: `Réafficher le groupe ${RENAMED}`, exact: true }).click();
      await expect(page.getByText(`Le groupe « ${RENAMED} » est réaffiché`)).toBeVisible();
      await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Candidats' }).click();
      await expect(candidates).toHaveAttribute('aria-rowcount', String(before.candidates + 1));
      await expect(candidates).toContainText('LEFÈVRE Élodie');
    });

    await test.step('§5.5 « Supprimer » asks first; the group leaves the table, its candidates stay', async () => {
      await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Groupes' }).click();
      await groupsGrid.getByRole('button', { name: `Supprimer le groupe ${RENAMED}`, exact: true }).click();
      const confirm = page.getByRole('dialog', { name: 'Supprimer un groupe' });
      await expect(confirm).toContainText(`Supprimer le groupe « ${RENAMED} » ?`);
      await confirm.getByRole('button', { name: 'Annuler' }).click();
      await expect(groupsGrid).toContainText(RENAMED);
      await groupsGrid.getByRole('button', { name: `Supprimer le groupe ${RENAMED}`, exact: true }).click();
      await confirm.getByRole('button', { name: 'Supprimer' }).click();
      await expect(page.getByText(`Le groupe « ${RENAMED} » a été supprimé.`)).toBeVisible();
      await expect(groupsGrid).not.toContainText(RENAMED);
      const after = await dashboard(page);
      expect(after).toEqual(before);
    });
  });

  test('with the keyboard alone: the grid’s arrows reach a group’s candidates icon, Enter opens its page; Escape closes a window', async ({ page }) => {
    await page.goto('/groupes');
    const grid = page.getByRole('grid', { name: 'Tableau des groupes' });
    const row = grid.getByRole('row').filter({ hasText: 'Session de septembre' });
    await expect(row).toBeVisible();
    // The grid is one tab stop: Tab from « Créer un groupe », the last control before it, lands on its first header.
    await page.getByRole('button', { name: 'Créer un groupe' }).focus();
    await page.keyboard.press('Tab');
    await expect(grid.getByRole('columnheader').first()).toBeFocused();
    const index = Number(await row.getAttribute('aria-rowindex')) - 1;
    for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(row.getByRole('gridcell').nth(3)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(heading(page, 'Session de septembre')).toBeVisible();

    await page.getByRole('button', { name: 'Associer des candidats' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Associer un ou plusieurs candidats' });
    await expect(dialog.getByRole('searchbox')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Associer des candidats' })).toBeFocused();
  });

  test('a group that does not exist says so, with the way back', async ({ page }) => {
    await page.goto('/groupes/grp_inexistant');
    await expect(heading(page, 'Groupe introuvable')).toBeVisible();
    await page.getByRole('link', { name: 'Retour aux groupes' }).click();
    await expect(heading(page, 'Groupes')).toBeVisible();
  });

  test.describe('axe', () => {
    // The site's Content-Security-Policy refuses injected scripts, axe's included: the audit steps around it.
    test.use({ bypassCSP: true });

    test('the Groupes page, a group’s page and their windows are accessible', async ({ page }) => {
      await page.goto('/groupes');
      await expect(page.getByRole('grid', { name: 'Tableau des groupes' }).getByRole('row').filter({ hasText: 'Session de septembre' })).toBeVisible();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Créer un groupe' }).click();
      await expect(page.getByRole('dialog', { name: "Création d'un groupe" })).toBeVisible();
      await expectAccessible(page);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Afficher les candidats du groupe Session de septembre' }).click();
      await expect(page.getByRole('grid', { name: 'Candidats du groupe' })).toHaveAttribute('aria-busy', 'false');
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Associer des candidats' }).click();
      await expect(page.getByRole('dialog', { name: 'Associer un ou plusieurs candidats' }).getByRole('row').nth(1)).toBeVisible();
      await expectAccessible(page);
    });
  });
});
