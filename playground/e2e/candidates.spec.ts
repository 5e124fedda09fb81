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

  test('a candidate’s name opens the file (§6.4)', async ({ page }) => {
    await page.getByRole('grid', { name: 'Tableau des candidats' }).getByRole('button', { name: 'PERRIN Zoé', exact: true }).click();
    await expect(page).toHaveURL(/\/candidats\/[^/]+$/);
    await expect(heading(page, 'Dossier du candidat')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'PERRIN Zoé' })).toBeVisible();
  });

  test('§6.8 « Supprimer » asks for a confirmation in a window; « Annuler » keeps the candidate, « Supprimer » deletes it', async ({ page }) => {
    // The demo's 19 candidates all have an exam (R10: not deletable): one without is created for this test.
    const created = await page.request.post('/api/v1/candidates', {
      data: {
        identity: {
          civility: 'mme', lastName: 'Supprimable', firstName: 'Léa', email: `lea.supprimable.${Date.now()}@exemple.test`,
          birthDate: '2001-02-03', birthPostcode: '69001', birthTown: 'Lyon', birthCountry: 'France',
        },
        password: { value: 'Secret-123', confirmation: 'Secret-123', sendToCandidate: false, requestAcknowledgment: false, sendToAdmin: false },
        information: { status: 'student', funding: 'self_funded' },
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    await page.reload();
    const grid = page.getByRole('grid', { name: 'Tableau des candidats' });
    await expect(grid).toHaveAttribute('aria-rowcount', '21');

    const remove = grid.getByRole('button', { name: 'Supprimer SUPPRIMABLE Léa' });
    await remove.click();
    const confirm = page.getByRole('dialog', { name: 'Supprimer un candidat' });
    await expect(confirm).toContainText('Voulez-vous vraiment supprimer le candidat Léa Supprimable ?');
    await confirm.getByRole('button', { name: 'Annuler' }).click();
    await expect(confirm).toBeHidden();
    await expect(grid).toHaveAttribute('aria-rowcount', '21');

    await remove.click();
    await confirm.getByRole('button', { name: 'Supprimer' }).click();
    await expect(grid).toHaveAttribute('aria-rowcount', '20');
    await expect(grid).not.toContainText('SUPPRIMABLE');
  });
});
