import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../src/db/client.js';
import { MailSendError, type MailTransport, type OutgoingMail } from '../src/services/mail-transport.js';
import {
  SENT_BODY_ERASED,
  deliverDue,
  MAIL_CLAIM_LEASE_MS,
  MAIL_MAX_ATTEMPTS,
  MAIL_RETRY_DELAYS_MS,
  retryDelayMs,
  startMailWorker,
} from '../src/services/mail-worker.js';
import { closeAll, freshDb, testProvider } from './support/db.js';

const T0 = new Date('2026-03-10T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let db: Db;
let url: string;

beforeAll(async () => {
  const handle = await freshDb();
  db = handle.db;
  url = handle.url;
});
afterAll(() => closeAll());
beforeEach(async () => {
  await db.outboxMessage.deleteMany();
});

/** A transport that records what it sends and fails while `failures` says so. */
class FakeTransport implements MailTransport {
  sent: OutgoingMail[] = [];
  failures: unknown[] = [];
  closed = false;
  async send(message: OutgoingMail): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve)); // lets a concurrent pass interleave
    const failure = this.failures.shift();
    if (failure !== undefined) throw failure;
    this.sent.push(message);
  }
  close(): void {
    this.closed = true;
  }
}

async function queue(n = 1, createdAt = T0): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const row = await db.outboxMessage.create({
      data: {
        template: 'candidate.assignment',
        to: `candidat.${i}@exemple.fr`,
        subject: 'Inscription à un examen - Certification Le Robert',
        text: `Bonjour ${i},`,
        createdAt,
        nextAttemptAt: createdAt,
      },
    });
    ids.push(row.id);
  }
  return ids;
}

describe('the outbox worker (deliverDue)', () => {
  it('sends a due message once and marks it sent with its date', async () => {
    const [id] = await queue();
    const transport = new FakeTransport();
    expect(await deliverDue(db, transport, at(1000))).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    expect(transport.sent.map((m) => m.id)).toEqual([id]);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ status: 'sent', attempts: 1, sentAt: at(1000), lastError: null });
    expect(await deliverDue(db, transport, at(HOUR))).toEqual({ claimed: 0, sent: 0, retried: 0, failed: 0 });
    expect(transport.sent).toHaveLength(1);
  });

  it('keeps who, what and when of a sent message but erases its body, which may hold a password or a reset link', async () => {
    const [id] = await queue();
    const transport = new FakeTransport();
    await deliverDue(db, transport, at(1000));
    expect(transport.sent[0]?.text).toBe('Bonjour 0,');
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: 'sent', subject: 'Inscription à un examen - Certification Le Robert', text: SENT_BODY_ERASED, html: null });
  });

  it('waits for a message that is not yet due', async () => {
    await queue(1, at(MINUTE));
    const transport = new FakeTransport();
    expect((await deliverDue(db, transport, at(MINUTE - 1))).claimed).toBe(0);
    expect((await deliverDue(db, transport, at(MINUTE))).sent).toBe(1);
  });

  it.each(MAIL_RETRY_DELAYS_MS.map((delay, i) => [i + 1, delay]))('backs off after %i failed attempt(s): %i ms', (attempts, delay) => {
    expect(retryDelayMs(attempts)).toBe(delay);
  });

  it('backs off 1 min, 5 min, 30 min, 2 h…', () => {
    expect(MAIL_RETRY_DELAYS_MS.slice(0, 4)).toEqual([MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR]);
  });

  it(`retries a failed send with exponential backoff and marks it failed after ${MAIL_MAX_ATTEMPTS} attempts`, async () => {
    const [id] = await queue();
    const transport = new FakeTransport();
    let now = at(0);
    for (let attempt = 1; attempt <= MAIL_MAX_ATTEMPTS; attempt++) {
      transport.failures.push(Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:587'), { code: 'ESOCKET', originalCode: 'ECONNREFUSED' }));
      const report = await deliverDue(db, transport, now);
      const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: id! } });
      expect(row.attempts).toBe(attempt);
      expect(row.lastError).toBe('ESOCKET ECONNREFUSED');
      if (attempt < MAIL_MAX_ATTEMPTS) {
        expect(report).toEqual({ claimed: 1, sent: 0, retried: 1, failed: 0 });
        expect(row.status).toBe('pending');
        expect(row.nextAttemptAt).toEqual(new Date(now.getTime() + retryDelayMs(attempt)));
        // Not a millisecond early.
        expect((await deliverDue(db, transport, new Date(row.nextAttemptAt.getTime() - 1))).claimed).toBe(0);
        now = row.nextAttemptAt;
      } else {
        expect(report).toEqual({ claimed: 1, sent: 0, retried: 0, failed: 1 });
        expect(row.status).toBe('failed');
      }
    }
    expect((await deliverDue(db, transport, at(30 * 24 * HOUR))).claimed).toBe(0);
    expect(transport.sent).toHaveLength(0);
  });

  it('a send that succeeds on a retry is marked sent and forgets its error', async () => {
    const [id] = await queue();
    const transport = new FakeTransport();
    transport.failures.push(new MailSendError('SMTP 421 (MAIL FROM)'));
    await deliverDue(db, transport, at(0));
    expect(await deliverDue(db, transport, at(MINUTE))).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0 });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('a permanent refusal is marked failed at once, with a reason that holds no personal data', async () => {
    const [id] = await queue();
    const transport = new FakeTransport();
    transport.failures.push(
      Object.assign(new Error('Can\'t send mail - all recipients were rejected: 550 5.1.1 <candidat.0@exemple.fr>: unknown'), {
        code: 'EENVELOPE',
        responseCode: 550,
        command: 'RCPT TO',
        response: '550 5.1.1 <candidat.0@exemple.fr>: unknown',
      }),
    );
    expect(await deliverDue(db, transport, at(0))).toEqual({ claimed: 1, sent: 0, retried: 0, failed: 1 });
    const row = await db.outboxMessage.findUniqueOrThrow({ where: { id: id! } });
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastError: 'SMTP 550 (RCPT TO)' });
  });

  it('sends the oldest due messages first, a batch at a time', async () => {
    const late = await queue(2, at(10));
    const early = await queue(2, at(0));
    const transport = new FakeTransport();
    expect((await deliverDue(db, transport, at(HOUR), { batch: 2 })).sent).toBe(2);
    expect(transport.sent.map((m) => m.id).sort()).toEqual([...early].sort());
    expect((await deliverDue(db, transport, at(HOUR), { batch: 2 })).sent).toBe(2);
    expect(transport.sent.slice(2).map((m) => m.id).sort()).toEqual([...late].sort());
  });

  it('two concurrent passes in one process never send a message twice', async () => {
    const ids = await queue(24);
    const transport = new FakeTransport();
    const reports = await Promise.all([deliverDue(db, transport, at(MINUTE), { batch: 50 }), deliverDue(db, transport, at(MINUTE), { batch: 50 })]);
    expect(reports[0]!.sent + reports[1]!.sent).toBe(24);
    expect(transport.sent.map((m) => m.id).sort()).toEqual([...ids].sort());
    expect(await db.outboxMessage.count({ where: { status: 'sent', attempts: 1 } })).toBe(24);
  });

  it(`two server processes on one ${testProvider()} database never send a message twice`, async () => {
    const ids = await queue(24);
    const other = await createDb(url);
    try {
      const transport = new FakeTransport();
      const passes = [db, other.db, db, other.db].map((client) => deliverDue(client, transport, at(MINUTE), { batch: 50 }));
      const reports = await Promise.all(passes);
      expect(reports.reduce((n, r) => n + r.claimed, 0)).toBe(24);
      expect(transport.sent.map((m) => m.id).sort()).toEqual([...ids].sort());
      expect(await db.outboxMessage.count({ where: { status: 'sent', attempts: 1 } })).toBe(24);
    } finally {
      await other.close();
    }
  });

  it('a message claimed by a worker that died is sent again only once its claim has run out', async () => {
    const [id] = await queue();
    await db.outboxMessage.update({ where: { id: id! }, data: { status: 'sending', attempts: 1, nextAttemptAt: at(MAIL_CLAIM_LEASE_MS) } });
    const transport = new FakeTransport();
    expect((await deliverDue(db, transport, at(MAIL_CLAIM_LEASE_MS - 1))).claimed).toBe(0);
    expect((await deliverDue(db, transport, at(MAIL_CLAIM_LEASE_MS))).sent).toBe(1);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describe('the worker loop started by main.ts', () => {
  it('sends what is due, and stop() lets the send in flight finish before closing the transport', async () => {
    const [id] = await queue();
    let release!: () => void;
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => {
      started = resolve;
    });
    const transport = new FakeTransport();
    const slow: MailTransport = {
      send: async (message) => {
        started();
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        await transport.send(message);
      },
      close: () => transport.close(),
    };
    const logs: string[] = [];
    const worker = startMailWorker({ db, transport: slow, intervalMs: 60 * MINUTE, now: () => at(MINUTE), log: (line) => logs.push(line) });
    await inFlight;
    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    expect(transport.closed).toBe(false);
    release();
    await stopping;
    expect(transport.closed).toBe(true);
    expect(transport.sent.map((m) => m.id)).toEqual([id]);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({ status: 'sent' });
    expect(logs).toEqual(['Courriels : 1 envoyé(s), 0 à réessayer, 0 en échec.']);
    expect(logs.join('\n')).not.toContain('@');
  });
});
