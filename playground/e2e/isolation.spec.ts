import { expect, test, type Page } from '@playwright/test';
import { DEMO_ADMIN, OTHER_ADMIN, heading } from './support/site.js';

async function logInThroughTheForm(page: Page, who: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Identifiant (courriel)').fill(who.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Connexion' }).click();
}

test.describe('another space’s data never shows', () => {
  test('after « Se déconnecter » from « Démo », the administrator of « Autre » sees only its own candidates, codes and figures', async ({ page }) => {
    // « Démo » first, in the same tab: its candidates are on screen.
    await page.goto('/connexion?retour=%2Fcandidats');
    await logInThroughTheForm(page, DEMO_ADMIN);
    const grid = page.getByRole('grid', { name: 'Tableau des candidats' });
    await expect(grid).toHaveAttribute('aria-rowcount', '20');
    await expect(grid).toContainText('zoe.perrin@exemple.fr');
    await page.getByRole('button', { name: /Menu du profil/ }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();

    await logInThroughTheForm(page, OTHER_ADMIN);
    await expect(heading(page, 'Accueil')).toBeVisible();
    await expect(page.getByRole('region', { name: /Certifications restantes/ }).getByRole('heading')).not.toHaveText('Certifications restantes 1079');
    await expect(page.getByRole('region', { name: /^Candidats/ }).getByRole('heading')).not.toHaveText('Candidats 19');
    await expect(page.getByRole('button', { name: /Menu du profil/ })).toBeVisible();

    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Candidats' }).click();
    await expect(grid).toContainText('AUBERT Camille');
    await expect(grid).not.toContainText('@exemple.fr');
    await expect(grid).not.toHaveAttribute('aria-rowcount', '20');

    await page.getByRole('button', { name: 'Afficher les codes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Afficher les codes d’activation' });
    await expect(dialog).toBeVisible();
    // Loaded (its own candidates with a code, or none), and nothing of « Démo ».
    await expect(dialog.getByText(/@autre\.exemple\.fr|Aucun candidat n’a d’examen attribué/).first()).toBeVisible();
    await expect(dialog).not.toContainText('@exemple.fr');
  });

  test('the API refuses « Démo »’s candidate to « Autre »’s session (404, as if it did not exist)', async ({ page }) => {
    const demo = await page.request.post('/api/v1/auth/login', { data: DEMO_ADMIN });
    expect(demo.status()).toBe(200);
    const { data } = (await (await page.request.get('/api/v1/candidates?q=Perrin')).json()) as { data: { id: string }[] };
    const id = data[0]?.id;
    expect(id).toBeTruthy();
    await page.request.post('/api/v1/auth/logout');
    expect((await page.request.post('/api/v1/auth/login', { data: OTHER_ADMIN })).status()).toBe(200);
    expect((await page.request.get(`/api/v1/candidates/${id}`)).status()).toBe(404);
  });
});
