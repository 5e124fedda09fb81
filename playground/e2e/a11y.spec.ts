import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/axe.js';
import { heading, signIn } from './support/site.js';

test.describe('every page passes axe (landmarks, names, contrast), the elements’ shadow roots included', () => {
  // The site's Content-Security-Policy refuses injected scripts, axe's included: the audit steps around it.
  test.use({ bypassCSP: true });

  test('the login page', async ({ page }) => {
    await page.goto('/connexion');
    await expect(heading(page, 'Connexion')).toBeVisible();
    await expectAccessible(page);
  });

  test('Accueil and Mon profil', async ({ page }) => {
    await signIn(page);
    await page.goto('/');
    await expect(page.getByRole('region', { name: /Certifications restantes/ })).toBeVisible();
    await expectAccessible(page);
    await page.goto('/profil');
    await expect(heading(page, 'Mon profil')).toBeVisible();
    await expectAccessible(page);
  });

  test('Candidats, and its « Afficher les codes » window', async ({ page }) => {
    await signIn(page);
    await page.goto('/candidats');
    await expect(page.getByRole('grid', { name: 'Tableau des candidats' })).toHaveAttribute('aria-rowcount', '20');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Afficher les codes' }).click();
    await expect(page.getByRole('dialog').getByText('zoe.perrin@exemple.fr')).toBeVisible();
    await expectAccessible(page);
  });

  test('Mes commandes, and the cart window', async ({ page }) => {
    await signIn(page);
    await page.goto('/commandes');
    await expect(page.getByRole('table', { name: 'Tableau des commandes' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Commander des certifications' }).click();
    await expect(page.getByRole('dialog', { name: 'Passer une nouvelle commande' }).getByRole('row').nth(1)).toBeVisible();
    await expectAccessible(page);
  });
});
