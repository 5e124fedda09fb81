import { expect, test, type ConsoleMessage } from '@playwright/test';
import { SITE_PAGES, visit } from './support/pages.js';
import { signIn } from './support/site.js';

/**
 * No page logs an error to the console — a Content-Security-Policy violation
 * included (the site's CSP refuses `eval`: zod's JIT probe used to trip it on
 * every page) — in French and in English.
 */
for (const lang of ['fr', 'en'] as const) {
  test.describe(`no console error (${lang})`, () => {
    test.use({ locale: lang === 'fr' ? 'fr-FR' : 'en-GB' });

    for (const site of SITE_PAGES) {
      test(`${site.name}`, async ({ page }) => {
        const errors: string[] = [];
        page.on('console', (message: ConsoleMessage) => {
          if (message.type() === 'error') errors.push(message.text());
        });
        page.on('pageerror', (error) => errors.push(String(error)));
        if (!site.public) await signIn(page);
        await visit(page, site, lang);
        // The elements' own requests (tables, stock) have answered.
        await page.waitForLoadState('networkidle');
        expect(errors).toEqual([]);
      });
    }
  });
}
