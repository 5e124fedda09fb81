import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/axe.js';
import { SITE_PAGES, visit } from './support/pages.js';
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

for (const lang of ['fr', 'en'] as const) {
  test.describe(`every page passes axe in ${lang === 'fr' ? 'French' : 'English'}`, () => {
    test.use({ bypassCSP: true, locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });

    for (const site of SITE_PAGES) {
      test(`${site.name}`, async ({ page }) => {
        if (!site.public) await signIn(page);
        await visit(page, site, lang);
        await page.waitForLoadState('networkidle');
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expectAccessible(page);
      });
    }

    test('the profile menu open, and the pending order’s « Validation de commande » window', async ({ page }) => {
      await signIn(page);
      await page.goto('/commandes');
      await page.getByRole('button', { name: /Menu du profil|Profile menu/ }).press('Enter');
      await expect(page.getByRole('menu')).toBeVisible();
      await expectAccessible(page);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: lang === 'fr' ? /^Valider et régler la commande/ : /^Confirm and pay order/ }).first().click();
      await expect(page.getByRole('dialog', { name: lang === 'fr' ? 'Validation de commande' : 'Order confirmation' })).toBeVisible();
      await expectAccessible(page);
    });
  });
}
