import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll } from '../support/db.js';
import { candidateBody } from './candidates.support.js';
import { login, makeAdmin, makeApiKey, makeKit, spaceWithAdmin, type TestKit } from './helpers.js';

/**
 * The demo outbox: `GET /api/v1/demo/outbox` and the page `/demo/boite-mail`.
 * The caller's space only (an operator sees all), 404 in production.
 */
let kit: TestKit;
let demo: Awaited<ReturnType<typeof spaceWithAdmin>>;
let other: Awaited<ReturnType<typeof spaceWithAdmin>>;
let operator: { cookie: string; email: string };

async function queue(spaceId: string | null, to: string, subject: string, text = `Bonjour,\n\n${subject}`) {
  return kit.db.outboxMessage.create({ data: { template: 'candidate.assignment', to, subject, text, spaceId } });
}

async function page(path: string, cookie?: string) {
  const res = await kit.app.request(path, { headers: cookie ? { cookie } : {} });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

beforeAll(async () => {
  kit = await makeKit();
  demo = await spaceWithAdmin(kit, 'Démo');
  other = await spaceWithAdmin(kit, 'Autre');
  const op = await makeAdmin(kit.db, { role: 'operator' });
  operator = { cookie: await login(kit, op.email, op.password, '203.0.113.250'), email: op.email };
  await queue(demo.space.id, 'anais.lefevre@exemple.fr', 'Inscription à un examen - Certification Le Robert');
  await queue(other.space.id, 'secret.autre@exemple.fr', 'Annulation de votre examen - Certification Le Robert');
  await queue(null, op.email, 'Réinitialisation de votre mot de passe - Certification Le Robert');
});
afterAll(() => closeAll());

describe('GET /demo/outbox (démonstration)', () => {
  it("lists the caller's space only, newest first; another space's e-mails never appear", async () => {
    const extra = await queue(demo.space.id, 'louise.martin@exemple.fr', 'Vos identifiants de connexion - Certification Le Robert');
    const res = await kit.call('GET', '/demo/outbox', { cookie: demo.cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.json.data.map((m: { to: string }) => m.to)).toEqual(['louise.martin@exemple.fr', 'anais.lefevre@exemple.fr']);
    expect(res.json.data[0]).toMatchObject({ id: extra.id, subject: 'Vos identifiants de connexion - Certification Le Robert', status: 'kept', attempts: 0 });
    expect(res.json.total).toBe(2);
    expect(res.text).not.toContain('secret.autre@exemple.fr');
    expect(res.text).not.toContain(operator.email);

    const theirs = await kit.call('GET', '/demo/outbox', { cookie: other.cookie });
    expect(theirs.json.data.map((m: { to: string }) => m.to)).toEqual(['secret.autre@exemple.fr']);
  });

  it("a space's API key is refused (403): the outbox is read with an administrator's session", async () => {
    const key = await makeApiKey(kit.db, { spaceId: other.space.id });
    const res = await kit.call('GET', '/demo/outbox', { bearer: key.secret });
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('secret.autre@exemple.fr');
  });

  it("an operator sees only the e-mails sent to the operator, no space's", async () => {
    const res = await kit.call('GET', '/demo/outbox?limit=100', { cookie: operator.cookie });
    expect(res.status).toBe(200);
    expect(res.json.data.map((m: { to: string }) => m.to)).toEqual([operator.email]);
  });

  it('pages with a cursor', async () => {
    const first = await kit.call('GET', '/demo/outbox?limit=1', { cookie: demo.cookie });
    expect(first.json.data).toHaveLength(1);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await kit.call('GET', `/demo/outbox?limit=1&cursor=${first.json.nextCursor}`, { cookie: demo.cookie });
    expect(second.json.data).toHaveLength(1);
    expect(second.json.data[0].id).not.toBe(first.json.data[0].id);
    const all = await kit.call('GET', '/demo/outbox', { cookie: demo.cookie });
    expect([first.json.data[0].id, second.json.data[0].id]).toEqual(all.json.data.slice(0, 2).map((m: { id: string }) => m.id));
    expect((await kit.call('GET', '/demo/outbox?cursor=%%%', { cookie: demo.cookie })).status).toBe(400);
  });

  it('says « kept » without SMTP_URL and « pending » when the worker sends', async () => {
    expect((await kit.call('GET', '/demo/outbox', { cookie: demo.cookie })).json).toMatchObject({ delivery: 'outbox', data: [{ status: 'kept' }, { status: 'kept' }] });
    const smtp = kit.instance({ mailDelivery: 'smtp' });
    const res = await smtp.request('/api/v1/demo/outbox', { headers: { cookie: demo.cookie } });
    expect(await res.json()).toMatchObject({ delivery: 'smtp', data: [{ status: 'pending' }, { status: 'pending' }] });
  });

  it('refuses a caller without a session (401) and the exam platform’s key (403)', async () => {
    expect((await kit.call('GET', '/demo/outbox')).status).toBe(401);
    const integration = await makeApiKey(kit.db, { kind: 'integration' });
    expect((await kit.call('GET', '/demo/outbox', { bearer: integration.secret })).status).toBe(403);
  });

  it('is described in /openapi.json', async () => {
    const doc = (await kit.call('GET', '/openapi.json')).json;
    expect(doc.paths['/demo/outbox'].get.summary).toMatch(/démonstration/);
  });
});

describe('the page /demo/boite-mail', () => {
  it('lists to, subject, status and date, each body readable, and says plainly it is a demonstration', async () => {
    await queue(demo.space.id, 'camille.roux@exemple.fr', 'Annulation de votre examen - Certification Le Robert', 'Bonjour <Camille> & co,\nhttp://localhost:3000/ack/abc');
    const res = await page('/demo/boite-mail', demo.cookie);
    expect(res.status).toBe(200);
    expect(res.type).toMatch(/^text\/html/);
    expect(res.text).toContain('<html lang="fr">');
    expect(res.text).toContain('Démonstration.');
    expect(res.text).toContain("Cette page n'existe pas en production.");
    expect(res.text).toContain('camille.roux@exemple.fr');
    expect(res.text).toContain('<summary>Annulation de votre examen - Certification Le Robert</summary>');
    expect(res.text).toContain('Bonjour &lt;Camille&gt; &amp; co,');
    expect(res.text).toContain('<a href="http://localhost:3000/ack/abc">http://localhost:3000/ack/abc</a>');
    expect(res.text).toContain('Conservé ici (aucun serveur SMTP)');
    expect(res.text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(res.text).not.toContain('secret.autre@exemple.fr');
  });

  it('asks for a session first', async () => {
    const res = await page('/demo/boite-mail');
    expect(res.status).toBe(401);
    expect(res.text).toContain('Connectez-vous');
    expect(res.text).not.toContain('anais.lefevre@exemple.fr');
  });
});

describe('in production (NODE_ENV=production)', () => {
  it('the outbox and its page answer 404, even to a signed-in administrator, and leave /openapi.json', async () => {
    const prod = await makeKit({ production: true });
    const made = await spaceWithAdmin(prod, 'Démo');
    await prod.db.outboxMessage.create({ data: { template: 't', to: 'x@exemple.fr', subject: 's', text: 't', spaceId: made.space.id } });
    const api = await prod.call('GET', '/demo/outbox', { cookie: made.cookie });
    expect(api.status).toBe(404);
    expect(api.text).not.toContain('x@exemple.fr');
    const html = await prod.app.request('/demo/boite-mail', { headers: { cookie: made.cookie } });
    expect(html.status).toBe(404);
    expect(await html.text()).not.toContain('x@exemple.fr');
    expect((await prod.call('GET', '/openapi.json')).json.paths['/demo/outbox']).toBeUndefined();
  });
});

describe('§6.3 the acknowledgment link, read in the demo outbox', () => {
  it('§6.3 opening the link of the credentials e-mail turns the envelope from orange to green', async () => {
    const body = candidateBody({ email: 'accuse.reception@exemple.fr' });
    body.password = { value: 'secret-42', confirmation: 'secret-42', sendToCandidate: true, requestAcknowledgment: true, sendToAdmin: false };
    const created = await kit.call('POST', '/candidates', { cookie: demo.cookie, body });
    expect(created.status).toBe(201);
    // Orange: asked, not yet acknowledged.
    expect(created.json.credentials).toMatchObject({ acknowledgmentRequested: true, acknowledgedAt: null });

    const outbox = await kit.call('GET', '/demo/outbox', { cookie: demo.cookie });
    const mail = outbox.json.data.find((m: { to: string }) => m.to === 'accuse.reception@exemple.fr');
    expect(mail.subject).toBe('Vos identifiants de connexion - Certification Le Robert');
    const link = /^http:\/\/localhost:3000(\/accuse-reception\?token=[\w-]+)$/m.exec(mail.text)?.[1];
    expect(link).toBeDefined();
    const html = await page('/demo/boite-mail', demo.cookie);
    expect(html.text).toContain(`<a href="http://localhost:3000${link}">`);

    const opened = await page(link!);
    expect(opened.status).toBe(200);
    expect(opened.text).toContain('la réception de vos identifiants de connexion est enregistrée');
    // Green: acknowledged.
    const file = await kit.call('GET', `/candidates/${created.json.id}`, { cookie: demo.cookie });
    expect(file.json.credentials.acknowledgedAt).toBe(kit.clock.now().toISOString());
  });
});
