/**
 * `npm start`: migrate, seed the demo on an empty database (never in
 * production), serve the API and the admin site (playground/dist, built by the
 * root `prestart`) on PORT (default 3000) and print the URLs and the demo
 * logins. SIGINT/SIGTERM close the server, then the database.
 *
 * Environment: DATABASE_URL (default file:./data/clr.db, relative to server/),
 * PORT, HOST, NODE_ENV, PUBLIC_URL (links in e-mails), TRUST_PROXY (the number
 * of proxies in front: the client address is the one the outermost saw), PAYMENT_URL, PAYMENT_WEBHOOK_SECRET,
 * CLR_TOKEN_SECRET (signs embed tokens; shared by every instance),
 * BODY_LIMIT_BYTES (largest request body, default 1 MiB), SMTP_URL
 * (smtp://user:pass@host:587 or smtps://…; unset, e-mails stay in the outbox
 * shown at /demo/boite-mail), MAIL_FROM (sender), and the demo logins'
 * overrides (CLR_DEMO_ADMIN_EMAIL, … see src/seed/credentials.ts). In production
 * the server refuses to start while a demo login still works, unless
 * CLR_DISABLE_DEMO_LOGINS=1 asks it to disable them (src/seed/demo-logins.ts).
 */
import { createApp, API_PREFIX } from './app.js';
import { backfillDerivedColumns } from './db/backfill.js';
import { createDb, migrate, redactUrl, resolveDatabaseUrl } from './db/client.js';
import { seedIfEmpty } from './seed/index.js';
import { DISABLE_DEMO_LOGINS_ENV, guardDemoLogins } from './seed/demo-logins.js';
import { sweep } from './services/housekeeping.js';
import { DEFAULT_CONFIG, parseTrustProxy } from './http/env.js';
import { DEFAULT_BODY_LIMIT_BYTES, serveApp } from './http/limits.js';
import { mailSettingsFromEnv, redactSmtpUrl, smtpTransport } from './services/mail-transport.js';
import { startMailWorker, type MailWorker } from './services/mail-worker.js';
import { publicUrlFrom } from './http/public-url.js';
import { DEFAULT_HELP_URL, DEFAULT_SUPPORT_EMAIL } from './http/site-config.js';

const env = process.env;

function portFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (0–65535), got "${value}".`);
  return port;
}

function bytesFrom(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_BODY_LIMIT_BYTES;
  const bytes = Number(value);
  if (!Number.isInteger(bytes) || bytes < 1024) throw new Error(`BODY_LIMIT_BYTES must be a number of bytes (at least 1024), got "${value}".`);
  return bytes;
}

async function main(): Promise<void> {
  const port = portFrom(env.PORT);
  const trustProxy = parseTrustProxy(env.TRUST_PROXY);
  const bodyLimitBytes = bytesFrom(env.BODY_LIMIT_BYTES);
  const production = env.NODE_ENV === 'production';
  const url = resolveDatabaseUrl(env.DATABASE_URL);

  const report = await migrate(url, { log: (line) => console.log(`  ${line}`) });
  const handle = await createDb(url);
  const filled = await backfillDerivedColumns(handle.db);
  if (filled > 0) console.log(`  ${filled} groupe(s) : clés de recherche et de tri calculées`);
  const seed = await seedIfEmpty(handle.db, { env });
  if (production) {
    // A database first seeded in development must not keep its published logins (refused, or disabled when asked).
    const disabled = await guardDemoLogins(handle.db, env);
    if (disabled.length > 0) console.warn(`Demo logins disabled (${DISABLE_DEMO_LOGINS_ENV}=1): ${disabled.map((l) => l.label).join(', ')}.`);
  }

  // Every link the server writes starts with it, never with a request's Host (see http/public-url.ts).
  const publicUrl = publicUrlFrom(env, port);
  const mail = mailSettingsFromEnv(env, publicUrl);
  if (production && !mail.smtpUrl) console.warn('SMTP_URL is not set: e-mails stay in the outbox and are not sent.');
  if (production && !env.CLR_TOKEN_SECRET?.trim()) {
    console.warn('CLR_TOKEN_SECRET is not set: embed tokens are signed with a per-process secret (other instances will refuse them).');
  }
  const app = createApp({
    db: handle.db,
    config: {
      production,
      publicUrl,
      trustProxy,
      bodyLimitBytes,
      paymentUrl: env.PAYMENT_URL?.trim() || `${publicUrl}/paiement`,
      paymentWebhookSecret: env.PAYMENT_WEBHOOK_SECRET?.trim() || undefined,
      ...(env.CLR_TOKEN_SECRET?.trim() ? { tokenSecret: env.CLR_TOKEN_SECRET.trim() } : {}),
      mailDelivery: mail.smtpUrl ? 'smtp' : 'outbox',
      mailFrom: mail.from,
      helpUrl: env.HELP_URL?.trim() || DEFAULT_HELP_URL,
      supportEmail: env.SUPPORT_EMAIL?.trim() || DEFAULT_SUPPORT_EMAIL,
    },
  });

  // The outbox worker sends what the use cases queued (retries with backoff); without SMTP_URL nothing is sent.
  const mailWorker: MailWorker | null = mail.smtpUrl
    ? startMailWorker({ db: handle.db, transport: smtpTransport(mail.smtpUrl, mail.from) })
    : null;

  // Expired sessions, spent reset links, old rate-limit windows and idempotency keys: now, then hourly.
  const housekeeping = () =>
    sweep({ db: handle.db, now: () => new Date(), config: { sessionIdleMs: DEFAULT_CONFIG.sessionIdleMs } }).catch((error: unknown) =>
      console.error('Housekeeping failed:', error instanceof Error ? error.message : error),
    );
  void housekeeping();
  setInterval(() => void housekeeping(), 60 * 60_000).unref();

  // Headers up to 64 KB (a documents request names up to SELECTION_MAX ids in its query, ≈ 37 KB); 431 and 400 as problem+json.
  const server = serveApp(app.fetch, { port, hostname: env.HOST }, (info) => {
    const base = `http://${env.HOST && env.HOST !== '0.0.0.0' ? env.HOST : 'localhost'}:${info.port}`;
    const lines = [
      '',
      'CLR Admin — serveur de référence',
      `  Site         ${publicUrl}/${seed.credentials ? '   (site d’administration : connectez-vous avec un compte de démonstration ci-dessous)' : ''}`,
      `  API          ${base}${API_PREFIX}`,
      `  OpenAPI      ${base}${API_PREFIX}/openapi.json`,
      `  Santé        ${base}${API_PREFIX}/healthz`,
      `  Base         ${handle.provider} ${redactUrl(handle.url)} (${report.applied.length} migration(s) appliquée(s), ${report.alreadyApplied.length} déjà en place)`,
      mail.smtpUrl
        ? `  Courriels    SMTP ${redactSmtpUrl(mail.smtpUrl)} (expéditeur ${mail.from})`
        : production
          ? '  Courriels    SMTP_URL non défini : conservés dans la boîte d’envoi, non envoyés'
          : `  Courriels    non envoyés (SMTP_URL non défini) : boîte de démonstration ${base}/demo/boite-mail`,
    ];
    if (seed.credentials) {
      const c = seed.credentials;
      lines.push(
        seed.seeded ? '  Démo         espaces « Démo » et « Autre » créés' : '  Démo         base existante conservée',
        `  Connexions   ${c.demoAdmin.email} / ${c.demoAdmin.password}   (espace « Démo »)`,
        `               ${c.otherAdmin.email} / ${c.otherAdmin.password}   (espace « Autre »)`,
        `               ${c.operator.email} / ${c.operator.password}   (opérateur)`,
        `  Intégration  Authorization: Bearer ${c.integrationKey}`,
        '',
        `  curl -c /tmp/clr.cookies -H 'Content-Type: application/json' \\`,
        `       -d '{"email":"${c.demoAdmin.email}","password":"${c.demoAdmin.password}"}' ${base}${API_PREFIX}/auth/login`,
        `  curl -b /tmp/clr.cookies ${base}${API_PREFIX}/dashboard`,
      );
    } else {
      lines.push('  Production   aucune donnée de démonstration, aucun compte de démonstration');
    }
    console.log(lines.join('\n') + '\n');
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.log(`${signal} again: exiting now.`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: closing (requests in flight finish first)…`);
    const force = setTimeout(() => {
      console.error('Still busy after 10 s: exiting.');
      process.exit(1);
    }, 10_000);
    force.unref();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // The mail worker finishes the message in flight, then the database closes.
    void Promise.all([closed, mailWorker?.stop()])
      .then(() => handle.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error('Closing failed:', error);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('CLR Admin could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
