import { toLocale } from '@clr/elements';
import type { Locale } from '@clr/domain';

/** Where the language chosen in the profile menu is kept, for the next visits. */
const STORAGE_KEY = 'clr-langue';

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * The site's language, decided once when the page loads: the one chosen in
 * the profile menu, else the browser's (English when it prefers English),
 * else French, the manual's. `<html lang>` says it, so every `clr-…`
 * element speaks it too.
 */
export const SITE_LOCALE: Locale = toLocale(stored() ?? navigator.languages?.[0] ?? navigator.language ?? 'fr');
document.documentElement.lang = SITE_LOCALE;

/** The switch of the profile menu: keeps the choice and shows the page again in that language. */
export function chooseLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing without storage: the choice lasts for this page only.
  }
  location.reload();
}
