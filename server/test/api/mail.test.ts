import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '@clr/domain';
import { createApp } from '../../src/app.js';
import type { Db, Tx } from '../../src/db/client.js';
import { registerDb, registeredGate } from '../../src/db/registry.js';
import { dbInfo } from '../../src/db/client.js';
import type { MailTransport, OutgoingMail } from '../../src/services/mail-transport.js';
import { deliverDue } from '../../src/services/mail-worker.js';
import { closeAll } from '../support/db.js';
import { candidateBody } from './candidates.support.js';
import { callApp, login, makeAdmin, makeApiKey, makeCandidate, makeKit, makeLot, makeProduct, spaceWithAdmin, type TestKit } from './helpers.js';

/**
 * The e-mails of issue 4 as the platform writes them (French, « vous »), each
 * queued in the transaction of the write it announces: no write, no e-mail;
 * a failed send never undoes the write.
 */
let kit: TestKit;

beforeAll(async () => {
  kit = await makeKit();
});
afterAll(() => closeAll());

const LATE = new Date('2027-01-31T22:59:59.999Z');
const SIGNATURE = "L'équipe de la Certification Le Robert";
/** Words of « tu » French; the e-mails say « vous ». */
const TUTOIEMENT = /(^|[^\p{L}])(tu|te|toi|ton|ta|tes|t')(?=[^\p{L}]|$)/iu;

async function shop() {
  const made = await spaceWithAdmin(kit, 'Démo');
  const blank = await makeProduct(kit.db, made.space.id, { examType: 'blank-remote', unitPriceHt: 7100, name: 'Partenaire - examen blanc', reference: 'PART-BLANC-EXAMEN' });
  const onsite = await makeProduct(kit.db, made.space.id, {
    examType: 'official-approved',
    unitPriceHt: 9950,
    name: 'Partenaire - examen officiel - en centre agréé',
    reference: 'PART-CLR-EXAMEN',
  });
  return { ...made, blank, onsite };
}

const mailsOf = (where: { spaceId?: string; to?: string; template?: string }) =>
  kit.db.outboxMessage.findMany({ where, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });

function expectFrenchVous(mail: { text: string; subject: string }, greeting: RegExp | string) {
  if (typeof greeting === 'string') expect(mail.text.split('\n')[0]).toBe(greeting);
  else expect(mail.text.split('\n')[0]).toMatch(greeting);
  expect(mail.text.trimEnd().endsWith(SIGNATURE)).toBe(true);
  expect(mail.subject).toMatch(/ - Certification Le Robert$/);
  expect(mail.text).not.toMatch(TUTOIEMENT);
  expect(mail.subject).not.toMatch(TUTOIEMENT);
}

describe('the templates of issue 4, in the manual’s French', () => {
  it('§4.3 « Confirmation de votre commande n° … »: lines, Sous-total (H.T.), T.V.A., Total (T.T.C.) in euros, to the administrator who ordered', async () => {
    const { cookie, space, admin, blank, onsite } = await shop();
    const res = await kit.call('POST', '/orders', { cookie, body: { lines: [{ productId: blank.id, quantity: 4 }, { productId: onsite.id, quantity: 3 }] } });
    expect(res.status).toBe(201);
    const mails = await mailsOf({ spaceId: space.id });
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail).toMatchObject({ template: 'order.confirmation', to: admin.email, status: 'pending' });
    expect(mail.subject).toBe(`Confirmation de votre commande n° ${res.json.number} - Certification Le Robert`);
    expectFrenchVous(mail, 'Bonjour Claire Durand,');
    // 4 × 71,00 € = 284,00 € HT = 340,80 € TTC (the manual's example); 3 × 99,50 € = 298,50 € HT = 358,20 € TTC.
    const euros = (cents: number) => formatMoney(cents);
    expect(mail.text).toContain(`Nous avons bien reçu votre commande n° ${res.json.number} du 10/03/2026 :`);
    expect(mail.text).toContain('- Partenaire - examen blanc (PART-BLANC-EXAMEN) - Examen blanc - à distance');
    expect(mail.text).toContain(`  4 × ${euros(7100)} H.T. = ${euros(28400)} H.T., soit ${euros(34080)} T.T.C.`);
    expect(mail.text).toContain('- Partenaire - examen officiel - en centre agréé (PART-CLR-EXAMEN) - Examen officiel - en centre agréé');
    expect(mail.text).toContain(`  3 × ${euros(9950)} H.T. = ${euros(29850)} H.T., soit ${euros(35820)} T.T.C.`);
    expect(mail.text).toContain(`Sous-total (H.T.) : ${euros(58250)}`);
    expect(mail.text).toContain(`T.V.A. (20\u00a0%) : ${euros(11650)}`);
    expect(mail.text).toContain(`Total (T.T.C.) : ${euros(69900)}`);
    expect(res.json.totals).toEqual({ ht: 58250, vat: 11650, ttc: 69900 });
    expect(mail.text).toContain('« Poursuivre ma commande »');
    expect(mail.text).toContain('« En cours »');
    expect(euros(69900)).toBe('699,00\u00a0€');
  });

  it('§4.3 an order placed with an API key is confirmed to every administrator of the space', async () => {
    const { space, admin, blank } = await shop();
    const colleague = await makeAdmin(kit.db, { spaceId: space.id, firstName: 'Marc', lastName: 'Petit' });
    const key = await makeApiKey(kit.db, { spaceId: space.id });
    expect((await kit.call('POST', '/orders', { bearer: key.secret, body: { lines: [{ productId: blank.id, quantity: 1 }] } })).status).toBe(201);
    const mails = await mailsOf({ spaceId: space.id, template: 'order.confirmation' });
    expect(mails.map((m) => m.to).sort()).toEqual([admin.email, colleague.email].sort());
    expect(mails.find((m) => m.to === colleague.email)!.text.split('\n')[0]).toBe('Bonjour Marc Petit,');
  });

  it('§4.3 a retried order (same Idempotency-Key) is confirmed once', async () => {
    const { cookie, space, blank } = await shop();
    const body = { lines: [{ productId: blank.id, quantity: 2 }] };
    const headers = { 'idempotency-key': 'commande-42' };
    const first = await kit.call('POST', '/orders', { cookie, body, headers });
    const again = await kit.call('POST', '/orders', { cookie, body, headers });
    expect(again.json.id).toBe(first.json.id);
    expect(await mailsOf({ spaceId: space.id })).toHaveLength(1);
  });

  it('§6.3 the credentials e-mail to the candidate: identifiant, mot de passe and the acknowledgment link', async () => {
    const { cookie, space } = await shop();
    const body = candidateBody({ email: 'elodie.modele@exemple.fr' });
    body.password = { value: 'secret-42', confirmation: 'secret-42', sendToCandidate: true, requestAcknowledgment: true, sendToAdmin: true };
    expect((await kit.call('POST', '/candidates', { cookie, body })).status).toBe(201);
    const [mail] = await mailsOf({ spaceId: space.id, template: 'candidate.credentials' });
    expect(mail!.subject).toBe('Vos identifiants de connexion - Certification Le Robert');
    expectFrenchVous(mail!, 'Bonjour Élodie Lefèvre,');
    expect(mail!.text).toContain("Un compte vous a été ouvert sur la plateforme d'examen de la Certification Le Robert.");
    expect(mail!.text).toContain('Identifiant : elodie.modele@exemple.fr');
    expect(mail!.text).toContain('Mot de passe : secret-42');
    expect(mail!.text).toMatch(/Merci de confirmer la bonne réception de ce courriel en ouvrant le lien ci-dessous :\nhttp:\/\/localhost:3000\/accuse-reception\?token=[\w-]+/);
  });

  it('§6.3 the administrator’s copy of the credentials', async () => {
    const { cookie, space, admin } = await shop();
    const body = candidateBody({ email: 'copie.admin@exemple.fr' });
    body.password = { value: 'secret-42', confirmation: 'secret-42', sendToCandidate: false, requestAcknowledgment: false, sendToAdmin: true };
    await kit.call('POST', '/candidates', { cookie, body });
    const mails = await mailsOf({ spaceId: space.id });
    expect(mails.map((m) => [m.template, m.to])).toEqual([['candidate.credentials-admin', admin.email]]);
    expect(mails[0]!.subject).toBe('Identifiants de connexion pour Élodie Lefèvre - Certification Le Robert');
    expectFrenchVous(mails[0]!, 'Bonjour,');
    expect(mails[0]!.text).toContain("Voici les informations de connexion à la plateforme d'examen de la Certification Le Robert pour Élodie Lefèvre :");
    expect(mails[0]!.text).toContain('Identifiant : copie.admin@exemple.fr\nMot de passe : secret-42');
  });

  it('§6.5 the assignment notice (« l’informer de son inscription à l’examen ») and §6.6 the cancellation notice', async () => {
    const { cookie, space } = await shop();
    await makeLot(kit.db, space.id, { expiresAt: LATE });
    const candidate = await makeCandidate(kit.db, space.id, { lastName: 'Lefèvre', firstName: 'Anaïs' });
    expect((await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'blank-remote', notify: true } })).status).toBe(201);
    expect((await kit.call('DELETE', `/candidates/${candidate.id}/assignment?notify=true`, { cookie })).status).toBe(204);
    const [notice, cancelled] = await mailsOf({ spaceId: space.id });
    expect(notice).toMatchObject({ template: 'candidate.assignment', to: candidate.email, subject: 'Inscription à un examen - Certification Le Robert' });
    expectFrenchVous(notice!, 'Bonjour Anaïs Lefèvre,');
    expect(notice!.text).toContain("Vous êtes inscrit(e) à l'examen « Examen blanc - à distance ».\nL'examen est disponible dès maintenant.");
    expect(notice!.text).toContain(`Connectez-vous à la plateforme d'examen avec votre identifiant : ${candidate.email}`);
    expect(cancelled).toMatchObject({ template: 'candidate.assignment-cancelled', to: candidate.email, subject: 'Annulation de votre examen - Certification Le Robert' });
    expectFrenchVous(cancelled!, 'Bonjour Anaïs Lefèvre,');
    expect(cancelled!.text).toContain("L'examen « Examen blanc - à distance » qui vous était attribué a été annulé.");
  });

  it('§1.1 « Mot de passe oublié ? »: the reset link, then the notice that the password changed', async () => {
    const { space } = await shop();
    const admin = await makeAdmin(kit.db, { spaceId: space.id, firstName: 'Claire', lastName: 'Durand' });
    expect((await kit.call('POST', '/auth/password-reset', { body: { email: admin.email }, ip: '192.0.2.31' })).status).toBe(202);
    const [reset] = await mailsOf({ to: admin.email });
    expect(reset).toMatchObject({ template: 'admin.password-reset', subject: 'Réinitialisation de votre mot de passe - Certification Le Robert' });
    expectFrenchVous(reset!, 'Bonjour Claire Durand,');
    expect(reset!.text).toContain('Il est valable une heure');
    const token = /#token=([\w-]+)/.exec(reset!.text)?.[1];
    const confirm = await kit.call('POST', '/auth/password-reset/confirm', { body: { token, password: 'Nouveau-secret-2026', confirmation: 'Nouveau-secret-2026' } });
    expect(confirm.status).toBe(204);
    const [, changed] = await mailsOf({ to: admin.email });
    expect(changed).toMatchObject({ template: 'admin.password-changed', subject: 'Votre mot de passe a été modifié - Certification Le Robert' });
    expectFrenchVous(changed!, 'Bonjour Claire Durand,');
    expect(changed!.text).toContain('« Mot de passe oublié ? »');
  });
});

// ---------------------------------------------------------------------------

/**
 * A client on the same database whose transactions fail at `model.create`,
 * after the use case has queued its e-mail: the write and its e-mail must
 * both vanish.
 */
function failingAt(db: Db, model: 'idempotencyKey' | 'auditEvent'): { db: Db; queuedBeforeFailure: () => number } {
  let queued = -1;
  const failTx = (tx: Tx) =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop === model) {
          return {
            create: async () => {
              // What the transaction had queued when the write failed.
              queued = await target.outboxMessage.count();
              throw new Error('disk full');
            },
          };
        }
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
  const proxy = new Proxy(db, {
    get(target, prop) {
      if (prop === '$transaction') {
        return (fn: (tx: Tx) => Promise<unknown>, options?: unknown) =>
          (target.$transaction as (f: (tx: Tx) => Promise<unknown>, o?: unknown) => Promise<unknown>)((tx) => fn(failTx(tx)), options);
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  registerDb(proxy, { ...dbInfo(db), gate: registeredGate(db) });
  return { db: proxy, queuedBeforeFailure: () => queued };
}

class FakeTransport implements MailTransport {
  sent: OutgoingMail[] = [];
  fail = false;
  async send(message: OutgoingMail): Promise<void> {
    if (this.fail) throw Object.assign(new Error(`connect ECONNREFUSED for ${message.to}`), { code: 'ECONNECTION', originalCode: 'ECONNREFUSED' });
    this.sent.push(message);
  }
}

/** Later than any row's `nextAttemptAt` (written with the real clock). */
const afterNow = () => new Date(Date.now() + 60_000);

describe('e-mails are written with the business write, and only with it', () => {
  it('an order whose write fails after its confirmation was queued leaves neither the order nor the e-mail', async () => {
    const { space, admin, blank } = await shop();
    const failing = failingAt(kit.db, 'idempotencyKey');
    const before = await kit.db.outboxMessage.count();
    const broken = createApp({ db: failing.db, now: kit.clock.now, config: { trustProxy: true, log: () => undefined } });
    const cookie = await login({ call: (m, p, o) => callApp(broken, m, p, o) }, admin.email, admin.password, '192.0.2.77');
    const res = await callApp(broken, 'POST', '/orders', { cookie, body: { lines: [{ productId: blank.id, quantity: 1 }] }, headers: { 'idempotency-key': 'k-1' } });
    expect(res.status).toBe(500);
    expect(failing.queuedBeforeFailure()).toBe(before + 1); // the confirmation was queued, then the write failed
    expect(await kit.db.order.count({ where: { spaceId: space.id } })).toBe(0);
    expect(await kit.db.outboxMessage.count({ where: { spaceId: space.id } })).toBe(0);
  });

  it('a candidate whose write fails after the credentials were queued leaves neither the candidate nor the e-mails', async () => {
    const { space, admin } = await shop();
    const failing = failingAt(kit.db, 'auditEvent');
    const before = await kit.db.outboxMessage.count();
    const broken = createApp({ db: failing.db, now: kit.clock.now, config: { trustProxy: true, log: () => undefined } });
    const cookie = await login({ call: (m, p, o) => callApp(broken, m, p, o) }, admin.email, admin.password, '192.0.2.78');
    const body = candidateBody({ email: 'jamais.cree@exemple.fr' });
    body.password = { value: 'secret-42', confirmation: 'secret-42', sendToCandidate: true, requestAcknowledgment: true, sendToAdmin: true };
    const res = await callApp(broken, 'POST', '/candidates', { cookie, body });
    expect(res.status).toBe(500);
    expect(failing.queuedBeforeFailure()).toBe(before + 2); // to the candidate and to the administrator
    expect(await kit.db.candidate.count({ where: { email: 'jamais.cree@exemple.fr' } })).toBe(0);
    expect(await kit.db.outboxMessage.count({ where: { spaceId: space.id } })).toBe(0);
  });

  it('a failed send leaves the order in place; the e-mail waits for its retry, then goes', async () => {
    const { cookie, space, blank } = await shop();
    const created = await kit.call('POST', '/orders', { cookie, body: { lines: [{ productId: blank.id, quantity: 4 }] } });
    const transport = new FakeTransport();
    transport.fail = true;
    const now = afterNow();
    // Every due message of this file's database, this order's among them.
    await deliverDue(kit.db, transport, now, { batch: 1000 });
    const [mail] = await mailsOf({ spaceId: space.id });
    expect(mail).toMatchObject({ status: 'pending', attempts: 1, lastError: 'ECONNECTION ECONNREFUSED' });
    expect(mail!.lastError).not.toContain('@');
    const order = await kit.call('GET', `/orders/${created.json.id}`, { cookie });
    expect(order.status).toBe(200);
    expect(order.json).toMatchObject({ number: created.json.number, status: 'pending', totals: { ht: 28400, vat: 5680, ttc: 34080 } });

    transport.fail = false;
    await deliverDue(kit.db, transport, new Date(now.getTime() + 60_000), { batch: 1000 });
    expect(transport.sent.filter((m) => m.id === mail!.id)).toHaveLength(1);
    expect((await mailsOf({ spaceId: space.id }))[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });
});
