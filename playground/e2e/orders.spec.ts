import { expect, test } from '@playwright/test';
import { heading, signIn } from './support/site.js';

test.describe('§4 Mes commandes', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page);
  });

  test('§4.3 4 × « Partenaire - examen officiel - en centre La Poste » at 71,00 € → 284,00 € HT, 56,80 € VAT, 340,80 € TTC; « Valider le panier » then « Poursuivre ma commande → » reaches the payment centre', async ({ page }) => {
    await page.goto('/commandes');
    await expect(heading(page, 'Mes commandes')).toBeVisible();
    await page.getByRole('button', { name: 'Commander des certifications' }).click();
    const window = page.getByRole('dialog', { name: 'Passer une nouvelle commande' });
    await expect(window).toBeVisible();

    const product = 'Partenaire - examen officiel - en centre La Poste';
    const row = window.getByRole('row', { name: new RegExp(`^${product}`) });
    await expect(row).toContainText('PART-LAPOSTE-EXAMEN');
    await expect(row).toContainText('71,00 €');
    const more = window.getByRole('button', { name: `Ajouter un « ${product} »` });
    for (let i = 0; i < 3; i += 1) await more.click();
    const quantity = window.getByLabel(`Quantité de « ${product} »`);
    await expect(quantity).toHaveValue('3');
    await quantity.fill('4');
    await expect(row).toContainText('284,00 €');
    await expect(window.getByRole('row', { name: /^Sous-total \(H\.T\.\)/ })).toContainText('284,00 €');
    await expect(window.getByRole('row', { name: /^T\.V\.A\./ })).toContainText('56,80 €');
    await expect(window.getByRole('row', { name: /^Total \(T\.T\.C\.\)/ })).toContainText('340,80 €');

    await window.getByRole('button', { name: 'Valider le panier' }).click();
    await expect(window.getByRole('heading', { name: 'Validation de commande' })).toBeVisible();
    await expect(window).toContainText('340,80 €');
    // Whatever the payment's outcome, the order is already in the table, « En cours » (§4.3).
    await expect(page.getByRole('table', { name: 'Tableau des commandes' }).getByRole('row').filter({ hasText: 'En cours' }).first()).toContainText('340,80 €');

    await window.getByRole('button', { name: 'Poursuivre ma commande →' }).click();
    await page.waitForURL(/\/paiement\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('amount')).toBe('34080');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('« Retour » closes the cart window and gives the focus back to « Commander des certifications »', async ({ page }) => {
    await page.goto('/commandes');
    const open = page.getByRole('button', { name: 'Commander des certifications' });
    await open.click();
    const window = page.getByRole('dialog', { name: 'Passer une nouvelle commande' });
    await window.getByRole('button', { name: 'Retour' }).click();
    await expect(window).toBeHidden();
    await expect(open).toBeFocused();
  });

  test('§4.1 the orders table lists the space’s orders by section, with their totals', async ({ page }) => {
    await page.goto('/commandes');
    const table = page.getByRole('table', { name: 'Tableau des commandes' });
    await expect(table.locator('thead').getByRole('columnheader')).toHaveText(['N° Commande', 'Commandé le', 'Type', 'Expire le', 'Prix unit. (H.T.)', 'Prix (H.T.)', 'Prix (T.T.C.)', 'Actions']);
    await expect(table.getByRole('row', { name: /^À consommer/ })).toBeVisible();
    await expect(page.getByRole('region', { name: /Certifications en stock/ }).getByRole('heading')).toHaveText(/^Certifications en stock \d+$/);
  });
});
