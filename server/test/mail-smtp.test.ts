import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.js';
import { enqueueMail } from '../src/services/mail.js';
import { mailSettingsFromEnv, redactSmtpUrl, sendFailureReason, smtpTransport, type MailTransport } from '../src/services/mail-transport.js';
import { deliverDue } from '../src/services/mail-worker.js';
import { closeAll, freshDb } from './support/db.js';
import { decodeBody, decodeHeader, parseMessage, startSmtpServer, type SmtpTestServer } from './mail-smtp-server.js';

const FROM = 'Certification Le Robert <ne-pas-repondre@clr.test>';
const SUBJECT = 'Confirmation de votre commande n° 2026-00001 - Certification Le Robert';
const TEXT = [
  'Bonjour Élodie Lefèvre,',
  '',
  'Nous avons bien reçu votre commande n° 2026-00001 du 10/03/2026 :',
  'Total (T.T.C.) : 340,80\u00a0€',
  'Votre commande s\'affiche dans le tableau de la page « Mes commandes », avec le statut « En cours ».',
  '.Une ligne qui commence par un point.',
  '',
  "L'équipe de la Certification Le Robert",
].join('\n');

let smtp: SmtpTestServer;
let db: Db;

beforeAll(async () => {
  smtp = await startSmtpServer();
  db = (await freshDb()).db;
});
afterAll(async () => {
  await smtp.close();
  await closeAll();
});
beforeEach(() => {
  smtp.received.length = 0;
  smtp.refuseRecipients = null;
  smtp.refuseData = null;
});

async function failureOf(transport: MailTransport): Promise<unknown> {
  try {
    await transport.send({ id: 'm1', to: 'elodie.lefevre@exemple.fr', subject: SUBJECT, text: TEXT });
  } catch (error) {
    return error;
  }
  throw new Error('the send did not fail');
}

describe('SMTP delivery with nodemailer (SMTP_URL)', () => {
  it('delivers the French subject and body, UTF-8 intact, with the credentials of the URL and a Message-ID built from the outbox id', async () => {
    const transport = smtpTransport(smtp.url({ user: 'clr', pass: 'mot de passe:1' }), FROM);
    await transport.send({ id: 'cm0outbox1', to: 'elodie.lefevre@exemple.fr', subject: SUBJECT, text: TEXT });
    transport.close?.();

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.auth).toEqual({ user: 'clr', pass: 'mot de passe:1' });
    expect(mail.from).toBe('ne-pas-repondre@clr.test');
    expect(mail.to).toEqual(['elodie.lefevre@exemple.fr']);
    const { headers, body } = parseMessage(mail.data);
    expect(decodeHeader(headers.get('subject') ?? '')).toBe(SUBJECT);
    expect(decodeHeader(headers.get('from') ?? '')).toBe(FROM);
    expect(headers.get('message-id')).toBe('<cm0outbox1@clr.test>');
    expect(headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/i);
    expect(decodeBody(body, headers.get('content-transfer-encoding')).replace(/\r\n/g, '\n')).toBe(TEXT);
  });

  it('the worker sends an outbox row through SMTP and marks it sent', async () => {
    await enqueueMail(db, { template: 'order.confirmation', to: 'elodie.lefevre@exemple.fr', subject: SUBJECT, text: TEXT, spaceId: null });
    const transport = smtpTransport(smtp.url(), FROM);
    const now = new Date(Date.now() + 1000);
    expect(await deliverDue(db, transport, now)).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    transport.close?.();
    const row = await db.outboxMessage.findFirstOrThrow({ where: { subject: SUBJECT } });
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null, sentAt: now });
    expect(smtp.received).toHaveLength(1);
    expect(decodeHeader(parseMessage(smtp.received[0]!.data).headers.get('message-id') ?? '')).toBe(`<${row.id}@clr.test>`);
  });

  it('a recipient the server refuses for good (550) is a permanent failure, and its reason quotes no address', async () => {
    smtp.refuseRecipients = '550 5.1.1 <elodie.lefevre@exemple.fr>: Recipient address rejected';
    const error = await failureOf(smtpTransport(smtp.url(), FROM));
    expect(sendFailureReason(error)).toEqual({ reason: 'SMTP 550 (RCPT TO)', permanent: true });
    expect(smtp.received).toHaveLength(0);
  });

  it('a temporary refusal (451) is a failure to retry', async () => {
    smtp.refuseData = '451 4.3.0 Mailbox of elodie.lefevre@exemple.fr busy, try again later';
    const { reason, permanent } = sendFailureReason(await failureOf(smtpTransport(smtp.url(), FROM)));
    expect(permanent).toBe(false);
    expect(reason).toMatch(/^SMTP 451\b/);
    expect(reason).not.toContain('@');
  });

  it('a server that does not answer is a failure to retry', async () => {
    const down = await startSmtpServer();
    const url = down.url();
    await down.close();
    const { reason, permanent } = sendFailureReason(await failureOf(smtpTransport(url, FROM)));
    expect(permanent).toBe(false);
    expect(reason).toMatch(/^E[A-Z]+/);
  });
});

describe('SMTP_URL and MAIL_FROM', () => {
  it.each([
    [{}, undefined, 'Certification Le Robert <ne-pas-repondre@admin.exemple.fr>'],
    [{ SMTP_URL: ' smtp://u:p@mail.exemple.fr:587 ' }, 'smtp://u:p@mail.exemple.fr:587', 'Certification Le Robert <ne-pas-repondre@admin.exemple.fr>'],
    [{ SMTP_URL: 'smtps://mail.exemple.fr', MAIL_FROM: 'CLR <clr@exemple.fr>' }, 'smtps://mail.exemple.fr', 'CLR <clr@exemple.fr>'],
    [{ SMTP_URL: '' }, undefined, 'Certification Le Robert <ne-pas-repondre@admin.exemple.fr>'],
  ])('reads %o', (env, smtpUrl, from) => {
    expect(mailSettingsFromEnv(env, 'https://admin.exemple.fr')).toEqual({ smtpUrl, from });
  });

  it.each(['http://mail.exemple.fr', 'mail.exemple.fr:587'])('refuses SMTP_URL=%s at start-up', (value) => {
    expect(() => mailSettingsFromEnv({ SMTP_URL: value }, 'http://localhost:3000')).toThrow(/SMTP_URL/);
  });

  it('prints the URL without its password', () => {
    expect(redactSmtpUrl('smtp://clr:secret@mail.exemple.fr:587')).toBe('smtp://clr:***@mail.exemple.fr:587');
  });
});
