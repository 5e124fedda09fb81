import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Locator } from '@playwright/test';
import { heading, signIn } from './support/site.js';

/** R15: 8 characters of the alphabet without vowels or look-alikes. */
const CODE = /^[BCDFGHJKMPQRTVWXY2346789]{8}$/;

async function csvOf(download: Download): Promise<string> {
  return readFile(await download.path(), 'utf8');
}

/** The one candidate of the demo holding an activation code: her row in the codes table, and the code shown. */
async function shownCode(dialog: Locator): Promise<string> {
  const row = dialog.getByRole('row').filter({ hasText: 'zoe.perrin@exemple.fr' });
  await expect(row).toContainText('Prévue');
  const code = (await row.getByRole('cell').last().textContent())?.trim() ?? '';
  expect(code).toMatch(CODE);
  return code;
}

function expectCsvWithCode(csv: string, code: string): void {
  expect(csv.charCodeAt(0)).toBe(0xfeff); // UTF-8 with BOM, for Excel (R20)
  const lines = csv.slice(1).trim().split(/\r?\n/);
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain(';');
  expect(lines[0]).toContain('Code');
  expect(lines[1]).toContain('zoe.perrin@exemple.fr');
  expect(lines[1]!.split(';')).toContain(code);
}

test.describe('§6.7 Afficher le code d’activation d’un ou de plusieurs examens', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page);
    await page.goto('/candidats');
    await expect(heading(page, 'Candidats')).toBeVisible();
  });

  test('« Afficher les codes » lists the candidates with a code; the chosen ones’ codes show, and « Exporter » downloads exactly them as CSV', async ({ page }) => {
    const opener = page.getByRole('button', { name: 'Afficher les codes' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Afficher les codes d’activation' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('row').filter({ hasText: 'zoe.perrin@exemple.fr' })).toBeVisible();
    await dialog.getByRole('checkbox', { name: /Sélectionner .*Zoé/i }).check();
    await dialog.getByRole('button', { name: 'Afficher les codes' }).click();

    const code = await shownCode(dialog);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Exporter' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expectCsvWithCode(await csvOf(download), code);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test('with one candidate selected in the table, « Afficher les codes » shows that candidate’s code, exported the same way', async ({ page }) => {
    const grid = page.getByRole('grid', { name: 'Tableau des candidats' });
    await grid.getByRole('checkbox', { name: 'Sélectionner PERRIN Zoé' }).check();
    await page.getByRole('button', { name: 'Afficher les codes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Afficher le code d’activation' });
    const code = await shownCode(dialog);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Exporter' }).click()]);
    expectCsvWithCode(await csvOf(download), code);
  });

  test('with two candidates selected in the table, « Afficher les codes » shows their codes straight away — the one without a code is left out — and « Exporter » exports exactly them', async ({ page }) => {
    const grid = page.getByRole('grid', { name: 'Tableau des candidats' });
    await grid.getByRole('checkbox', { name: 'Sélectionner PERRIN Zoé' }).check();
    // An « Examen blanc - à distance »: no activation code.
    await grid.getByRole('checkbox', { name: 'Sélectionner BERNARD-SAUVAGE Raphaël' }).check();
    await page.getByRole('button', { name: 'Afficher les codes' }).click();

    const dialog = page.getByRole('dialog', { name: 'Afficher les codes d’activation' });
    const code = await shownCode(dialog);
    await expect(dialog.getByRole('searchbox')).toHaveCount(0);
    await expect(dialog.getByRole('table')).not.toContainText('BERNARD-SAUVAGE');
    await expect(dialog).toContainText('Un des candidats sélectionnés n’a pas d’examen attribué avec un code d’activation');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Exporter' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expectCsvWithCode(await csvOf(download), code);

    await dialog.getByRole('button', { name: 'Fermer', exact: true }).last().click();
    await expect(dialog).toBeHidden();
  });

  test('Accueil’s « Afficher les codes » opens the list on the Candidats page', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Afficher les codes' }).click();
    await expect(page.getByRole('dialog', { name: 'Afficher les codes d’activation' })).toBeVisible();
    await expect(heading(page, 'Candidats')).toBeAttached();
  });
});
