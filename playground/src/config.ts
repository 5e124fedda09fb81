/**
 * What the deployment configures for the site, read from the `<meta>` tags the
 * server writes into `index.html` (`HELP_URL`, `SUPPORT_EMAIL`; see the
 * README's configuration table). Without them (`npm run dev:mock`, or a site
 * served by another server) the defaults below apply.
 */
export const DEFAULT_HELP_URL = 'https://www.certification-le-robert.com/aide-administrateurs';
export const DEFAULT_SUPPORT_EMAIL = 'service-clients@certification-le-robert.com';

function meta(name: string): string | null {
  const value = document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content.trim();
  return value ? value : null;
}

/** The help site for administrators (§7.1 « Consulter l'aide »): an http(s) address only. */
export function helpUrl(): string {
  const value = meta('clr-help-url');
  return value && /^https?:\/\//i.test(value) ? value : DEFAULT_HELP_URL;
}

/** The customer service's address, for the contact line of the help page. */
export function supportEmail(): string {
  const value = meta('clr-support-email');
  return value && /^[^\s@<>"]+@[^\s@<>"]+$/.test(value) ? value : DEFAULT_SUPPORT_EMAIL;
}
