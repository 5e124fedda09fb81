import { expect, type Page } from '@playwright/test';

/** The demo logins the server seeds (server/src/seed/credentials.ts). */
export const DEMO_ADMIN = { email: 'admin@demo.test', password: 'Demo-admin-1' };
export const OTHER_ADMIN = { email: 'admin@autre.test', password: 'Autre-admin-1' };

/**
 * Opens a session without going through the form (the login page has its own
 * tests): the browser context keeps the cookie, as after a real sign-in.
 */
export async function signIn(page: Page, who: { email: string; password: string } = DEMO_ADMIN): Promise<void> {
  const response = await page.request.post('/api/v1/auth/login', { data: who });
  expect(response.status(), await response.text()).toBe(200);
}

/** The page's main heading. */
export function heading(page: Page, name: string | RegExp) {
  return page.getByRole('heading', { level: 1, name });
}
