/** The defaults of `HELP_URL` and `SUPPORT_EMAIL` (the admin site, `playground/src/config.ts`, has the same ones when no server tells it). */
export const DEFAULT_HELP_URL = 'https://www.certification-le-robert.com/aide-administrateurs';
export const DEFAULT_SUPPORT_EMAIL = 'service-clients@certification-le-robert.com';
