import { expect, test } from '@playwright/test';
import { SITE_PAGES, visit } from './support/pages.js';
import { signIn } from './support/site.js';

/**
 * A 390 px phone (UI.md): no page scrolls sideways — tables scroll inside
 * their own box — and the header stays one line, at most 64 px high.
 */
for (const lang of ['fr', 'en'] as const) {
  test.describe(`every page at 390 px (${lang})`, () => {
    test.use({ viewport: { width: 390, height: 844 }, locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });

    for (const site of SITE_PAGES) {
      test(`${site.name}: nothing scrolls sideways, the header is at most 64 px`, async ({ page }) => {
        if (!site.public) await signIn(page);
        await visit(page, site, lang);
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        expect(scrollWidth, `the page is ${scrollWidth} px wide in a ${clientWidth} px window`).toBeLessThanOrEqual(clientWidth);
        const header = await page.locator('header.topbar').boundingBox();
        expect(header?.height ?? 0).toBeLessThanOrEqual(64);
      });
    }

    test('the menu folds behind « Menu », which opens it and leads to each page', async ({ page }) => {
      await signIn(page);
      await page.goto('/');
      const menu = page.getByRole('navigation', { name: lang === 'fr' ? 'Menu principal' : 'Main menu' });
      await expect(menu).toBeHidden();
      const toggle = page.getByRole('button', { name: 'Menu', exact: true });
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      await menu.getByRole('link', { name: lang === 'fr' ? 'Mes commandes' : 'My orders' }).click();
      await expect(page.getByRole('heading', { level: 1, name: lang === 'fr' ? 'Mes commandes' : 'My orders' })).toBeVisible();
      await expect(menu).toBeHidden();
    });
  });
}
