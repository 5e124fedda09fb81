import { expect, test } from '@playwright/test';
import { heading, signIn } from './support/site.js';

test.describe('§6 Candidats', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page);
    await page.goto('/candidats');
    await expect(heading(page, 'Candidats')).toBeVisible();
  });

  test('§6.1 shows the 19 candidates of the space with their counts by status, and the search narrows the table', async ({ page }) => {
    const grid = page.getByRole('grid', { name: 'Tableau des candidats' });
    await expect(grid).toHaveAttribute('aria-rowcount', '20');
    const counts = page.getByRole('group', { name: 'Nombre de candidats par statut' });
    await expect(counts).toContainText('19 candidats');
    await expect(counts.getByRole('button')).toHaveText([/À attribuer\s+0/, /Prévue\s+8/, /Expirée\s+0/, /Passée\s+11/]);

    await page.getByRole('searchbox', { name: 'Rechercher un nom, un courriel' }).fill('Perrin');
    await expect(grid).toHaveAttribute('aria-rowcount', '2');
    await expect(grid.getByRole('row').nth(1)).toContainText('zoe.perrin@exemple.fr');
    await expect(counts).toContainText('1 candidat');
  });

  test('a candidate’s name opens the file, which says it is not built yet', async ({ page }) => {
    await page.getByRole('grid', { name: 'Tableau des candidats' }).getByRole('button', { name: 'PERRIN Zoé', exact: true }).click();
    await expect(page).toHaveURL(/\/candidats\/[^/]+$/);
    await expect(page.getByText("Le dossier du candidat n'est pas encore construit")).toBeVisible();
  });
});
