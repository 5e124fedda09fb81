/**
 * The demo logins of issue 3, overridable by environment variables and refused
 * in production (`NODE_ENV=production`): a demo account with a published
 * password must never exist on a real platform.
 */
export interface DemoCredentials {
  demoAdmin: { email: string; password: string };
  otherAdmin: { email: string; password: string };
  operator: { email: string; password: string };
  /** The exam platform's integration key (only its SHA-256 is stored). */
  integrationKey: string;
}

export const DEMO_ENV = {
  demoAdminEmail: 'CLR_DEMO_ADMIN_EMAIL',
  demoAdminPassword: 'CLR_DEMO_ADMIN_PASSWORD',
  otherAdminEmail: 'CLR_AUTRE_ADMIN_EMAIL',
  otherAdminPassword: 'CLR_AUTRE_ADMIN_PASSWORD',
  operatorEmail: 'CLR_OPERATOR_EMAIL',
  operatorPassword: 'CLR_OPERATOR_PASSWORD',
  integrationKey: 'CLR_INTEGRATION_KEY',
} as const;

export class DemoRefusedError extends Error {
  override readonly name = 'DemoRefusedError';
}

/** Is this a production run, where demo data and demo logins are refused? */
export function isProduction(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === 'production';
}

/** The demo logins: the defaults of issue 3 unless the environment overrides them. Throws in production. */
export function demoCredentials(env: NodeJS.ProcessEnv = process.env): DemoCredentials {
  if (isProduction(env)) {
    throw new DemoRefusedError('Demo data and demo logins are refused when NODE_ENV=production: create real accounts instead.');
  }
  const pick = (name: string, fallback: string) => {
    const value = env[name]?.trim();
    return value ? value : fallback;
  };
  return {
    demoAdmin: { email: pick(DEMO_ENV.demoAdminEmail, 'admin@demo.test').toLowerCase(), password: pick(DEMO_ENV.demoAdminPassword, 'Demo-admin-1') },
    otherAdmin: { email: pick(DEMO_ENV.otherAdminEmail, 'admin@autre.test').toLowerCase(), password: pick(DEMO_ENV.otherAdminPassword, 'Autre-admin-1') },
    operator: { email: pick(DEMO_ENV.operatorEmail, 'operator@clr.test').toLowerCase(), password: pick(DEMO_ENV.operatorPassword, 'Operator-1') },
    integrationKey: pick(DEMO_ENV.integrationKey, 'clr_int_demo'),
  };
}
