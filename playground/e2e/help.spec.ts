import { expect, test } from '@playwright/test';
import { heading, signIn } from './support/site.js';

test.describe('§7.1 Obtenir de l’aide', () => {
  test('« survolez vos initiales, puis cliquez sur « Aide » »: « Consulter l’aide » leads to the deployment’s help site, and a contact line', async ({ page }) => {
    await signIn(page);
    await page.goto('/');
    await expect(heading(page, 'Accueil')).toBeVisible();
    // The menu opens when the mouse passes over the initials (§1.2 « survolez »).
    await page.getByRole('button', { name: /Menu du profil/ }).hover();
    const menu = page.getByRole('menu');
    await expect(menu).toBeVisible();
    await menu.getByRole('menuitem', { name: 'Aide' }).click();
    await expect(heading(page, 'Aide')).toBeVisible();
    await expect(page).toHaveURL(/\/aide$/);
    const open = page.getByRole('link', { name: /^Consulter l'aide/ });
    // HELP_URL and SUPPORT_EMAIL of playwright.config.ts, as the server tells the site.
    await expect(open).toHaveAttribute('href', 'https://aide.example.test/administrateurs');
    await expect(open).toHaveAttribute('target', '_blank');
    const contact = page.getByRole('region', { name: 'Nous contacter' });
    await expect(contact.getByRole('link', { name: 'support@example.test' })).toHaveAttribute('href', 'mailto:support@example.test');
  });

  test('the profile menu closes when the mouse leaves it, and opens with the keyboard too', async ({ page }) => {
    await signIn(page);
    await page.goto('/');
    const initials = page.getByRole('button', { name: /Menu du profil/ });
    await initials.hover();
    await expect(page.getByRole('menu')).toBeVisible();
    await page.getByRole('heading', { level: 1 }).hover();
    await expect(page.getByRole('menu')).toBeHidden();
    await initials.focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'Mon profil' })).toBeFocused();
    await page.keyboard.press('End');
    await expect(page.getByRole('menuitem', { name: 'Se déconnecter' })).toBeFocused();
  });
});

test.describe('French by default, English from the browser or the profile menu', () => {
  test('« English » in the profile menu shows the site in English, « Français » back in French', async ({ page }) => {
    await signIn(page);
    await page.goto('/commandes');
    await expect(heading(page, 'Mes commandes')).toBeVisible();
    await page.getByRole('button', { name: /Menu du profil/ }).click();
    await page.getByRole('menuitem', { name: /English/ }).click();
    await expect(heading(page, 'My orders')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('table', { name: 'Orders table' }).getByRole('row', { name: /^To validate/ })).toBeVisible();
    await page.getByRole('button', { name: /Profile menu/ }).click();
    await page.getByRole('menuitem', { name: /Français/ }).click();
    await expect(heading(page, 'Mes commandes')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  });

  test.describe('an English browser', () => {
    test.use({ locale: 'en-GB' });
    test('gets the site in English, the API’s refusals included', async ({ page }) => {
      await page.goto('/connexion');
      await expect(heading(page, 'Sign in')).toBeVisible();
      await page.getByLabel('Login (e-mail)').fill('admin@demo.test');
      await page.getByLabel('Password', { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert').first()).not.toHaveText(/[éè]|Identifiant|mot de passe/i);
    });
  });
});

test('the mouse goes from the initials down to « Aide » without the menu closing on the way', async ({ page }) => {
  await signIn(page);
  await page.goto('/');
  const initials = page.getByRole('button', { name: /Menu du profil/ });
  await initials.hover();
  const item = page.getByRole('menuitem', { name: 'Aide' });
  const box = (await item.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 12 });
  await expect(item).toBeVisible();
  await item.click();
  await expect(heading(page, 'Aide')).toBeVisible();
});
