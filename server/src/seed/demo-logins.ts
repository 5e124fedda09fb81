/**
 * Demo logins left in a production database (finding 3 of the outside probe):
 * a database first seeded in development keeps `operator@clr.test` /
 * `Operator-1` and `Bearer clr_int_demo` working. In production the server
 * refuses to start while one still works ({@link liveDemoLogins}), and says
 * which and how to remove them; with `CLR_DISABLE_DEMO_LOGINS=1` it disables
 * them instead ({@link disableDemoLogins}) and says so. Never both, never
 * silently.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.js';
import { sha256 } from '../http/crypto.js';
import { hashPassword, verifyPassword } from '../http/passwords.js';
import { demoCredentials, type DemoCredentials } from './credentials.js';

export const DISABLE_DEMO_LOGINS_ENV = 'CLR_DISABLE_DEMO_LOGINS';

export interface LiveDemoLogin {
  kind: 'admin' | 'integrationKey';
  /** The row (an admin's or a key's id). */
  id: string;
  /** What to tell the operator: `operator@clr.test / Operator-1`, `Bearer clr_int_demo`. */
  label: string;
}

/** The published demo logins and, when the environment overrides them, the overrides too. */
function candidates(env: NodeJS.ProcessEnv): DemoCredentials[] {
  const outsideProduction = { ...env, NODE_ENV: 'development' };
  return [demoCredentials({}), demoCredentials(outsideProduction)];
}

/** Every demo login that still lets someone in: an admin whose password is still the demo one, an unrevoked demo key. */
export async function liveDemoLogins(db: Db, env: NodeJS.ProcessEnv = process.env): Promise<LiveDemoLogin[]> {
  const found = new Map<string, LiveDemoLogin>();
  for (const set of candidates(env)) {
    for (const login of [set.demoAdmin, set.otherAdmin, set.operator]) {
      const admin = await db.admin.findUnique({ where: { email: login.email }, select: { id: true, passwordHash: true } });
      if (admin && !found.has(admin.id) && (await verifyPassword(admin.passwordHash, login.password))) {
        found.set(admin.id, { kind: 'admin', id: admin.id, label: `${login.email} / ${login.password}` });
      }
    }
    const key = await db.apiKey.findUnique({ where: { keyHash: sha256(set.integrationKey) }, select: { id: true, revokedAt: true } });
    if (key && !key.revokedAt && !found.has(key.id)) found.set(key.id, { kind: 'integrationKey', id: key.id, label: `Bearer ${set.integrationKey}` });
  }
  return [...found.values()];
}

/** Makes each login unusable: a random password nobody knows (sessions and reset links closed), the key revoked. The data stays. */
export async function disableDemoLogins(db: Db, logins: readonly LiveDemoLogin[], now: Date = new Date()): Promise<void> {
  for (const login of logins) {
    if (login.kind === 'integrationKey') {
      await db.apiKey.update({ where: { id: login.id }, data: { revokedAt: now } });
      continue;
    }
    const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
    await db.admin.update({ where: { id: login.id }, data: { passwordHash } });
    await db.authSession.deleteMany({ where: { adminId: login.id } });
    await db.passwordResetToken.deleteMany({ where: { adminId: login.id } });
  }
}

/** Why production does not start, in the words an operator needs. */
export function demoLoginsRefusal(logins: readonly LiveDemoLogin[]): string {
  return [
    `this database still has ${logins.length} demo login(s) that work: ${logins.map((l) => l.label).join(', ')}.`,
    'Production (NODE_ENV=production) refuses to start with published passwords.',
    `Start once with ${DISABLE_DEMO_LOGINS_ENV}=1 to disable them (their passwords become unusable, the key is revoked, the data stays),`,
    'or give those accounts real passwords (« Mot de passe oublié ? » in development), or start on a new database.',
  ].join(' ');
}

/**
 * What `npm start` does in production: nothing when no demo login works;
 * otherwise disable them when asked (returns what was disabled, to print), else throw.
 */
export async function guardDemoLogins(db: Db, env: NodeJS.ProcessEnv, now: Date = new Date()): Promise<LiveDemoLogin[]> {
  const live = await liveDemoLogins(db, env);
  if (live.length === 0) return [];
  const asked = env[DISABLE_DEMO_LOGINS_ENV]?.trim();
  if (asked !== '1' && asked !== 'true') throw new Error(demoLoginsRefusal(live));
  await disableDemoLogins(db, live, now);
  return live;
}
