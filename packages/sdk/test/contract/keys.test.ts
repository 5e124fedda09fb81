import { describe, expect, it } from 'vitest';
import { createClient, ForbiddenError, UnauthenticatedError, ValidationFailedError } from '../../src/index.js';
import { failure, signIn, unique } from './support/scenario.js';
import { target } from './support/target.js';

/** The origin the demo space allows to embed its elements. */
const ALLOWED_ORIGIN = 'http://localhost:5173';

function keyClient(key: string) {
  return createClient({ baseUrl: target().baseUrl, auth: { kind: 'apiKey', key }, retry: false });
}

function embeddedClient(token: string, origin?: string) {
  return createClient({ baseUrl: target().baseUrl, auth: { kind: 'embedToken', token }, retry: false, ...(origin ? { headers: { origin } } : {}) });
}

describe('API keys and embed tokens (SPEC §4 « keys »)', () => {
  it('an administrator creates a key; its secret is shown once, then the key acts for the space', async () => {
    const admin = await signIn();
    const name = `SI RH ${unique()}`;
    const created = await admin.apiKeys.create({ name });
    expect(created.name).toBe(name);
    expect(created.secret.startsWith(created.prefix)).toBe(true);
    const listed = (await admin.apiKeys.list()).data.find((k) => k.id === created.id);
    expect(listed).toMatchObject({ id: created.id, name, prefix: created.prefix });
    expect(listed).not.toHaveProperty('secret');
    const program = keyClient(created.secret);
    const [viaKey, viaSession] = await Promise.all([program.dashboard.get(), admin.dashboard.get()]);
    expect(viaKey.candidates.total).toBe(viaSession.candidates.total);
  });

  it('forbidden: a key has no administrator profile', async () => {
    const admin = await signIn();
    const { secret } = await admin.apiKeys.create({ name: `Script ${unique()}` });
    expect(await failure(keyClient(secret).me.retrieve())).toBeInstanceOf(ForbiddenError);
  });

  it('unauthenticated: a revoked key is refused at once', async () => {
    const admin = await signIn();
    const { id, secret } = await admin.apiKeys.create({ name: `Éphémère ${unique()}` });
    await keyClient(secret).stock.get();
    await admin.apiKeys.delete(id);
    expect(await failure(keyClient(secret).stock.get())).toBeInstanceOf(UnauthenticatedError);
    expect((await admin.apiKeys.list()).data.map((k) => k.id)).not.toContain(id);
  });

  it('validation_failed: a key needs a name', async () => {
    const admin = await signIn();
    expect(await failure(admin.apiKeys.create({ name: '' }))).toBeInstanceOf(ValidationFailedError);
  });

  it('a key mints an embed token for an allowed origin; the elements use it from that origin only', async () => {
    const admin = await signIn();
    const { secret } = await admin.apiKeys.create({ name: `Portail ${unique()}` });
    const minted = await keyClient(secret).apiKeys.createEmbedToken({ origin: ALLOWED_ORIGIN, ttlSeconds: 600 });
    expect(Date.parse(minted.expiresAt) - Date.now()).toBeGreaterThan(500_000);
    const page = await embeddedClient(minted.token, ALLOWED_ORIGIN).candidates.list({ limit: 1 });
    expect(page.total).toBe((await admin.candidates.list({ limit: 1 })).total);
    expect(await failure(embeddedClient(minted.token, 'https://ailleurs.example').candidates.list())).toBeInstanceOf(ForbiddenError);
  });

  it('forbidden: an embed token for an origin the space does not allow', async () => {
    const admin = await signIn();
    const { secret } = await admin.apiKeys.create({ name: `Portail ${unique()}` });
    expect(await failure(keyClient(secret).apiKeys.createEmbedToken({ origin: 'https://pirate.example' }))).toBeInstanceOf(ForbiddenError);
  });

  it('forbidden: embed tokens are minted with an API key, by the partner’s back end — not with a session', async () => {
    const admin = await signIn();
    expect(await failure(admin.apiKeys.createEmbedToken({ origin: ALLOWED_ORIGIN }))).toBeInstanceOf(ForbiddenError);
  });

  it('an embed token is read-only unless minted with write: the elements read, and a write is refused (forbidden)', async () => {
    const admin = await signIn();
    const { secret } = await admin.apiKeys.create({ name: `Portail ${unique()}` });
    const readOnly = await keyClient(secret).apiKeys.createEmbedToken({ origin: ALLOWED_ORIGIN });
    expect(readOnly.scopes).toEqual(['read']);
    const embedded = embeddedClient(readOnly.token, ALLOWED_ORIGIN);
    const before = (await admin.groups.list({ limit: 1 })).total;
    expect((await embedded.groups.list({ limit: 1 })).total).toBe(before);
    expect(await failure(embedded.groups.create({ name: `Refusé ${unique()}`, category: 'exam_session' }))).toBeInstanceOf(ForbiddenError);
    expect((await admin.groups.list({ limit: 1 })).total).toBe(before);
    const writer = await keyClient(secret).apiKeys.createEmbedToken({ origin: ALLOWED_ORIGIN, scopes: ['read', 'write'] });
    const group = await embeddedClient(writer.token, ALLOWED_ORIGIN).groups.create({ name: `Intranet ${unique()}`, category: 'exam_session' });
    expect((await admin.groups.retrieve(group.id)).name).toBe(group.name);
    await admin.groups.delete(group.id);
  });

  it('the embedding origins: listed and replaced by an administrator or the key, never by an embed token; the list keeps the allowed origin working', async () => {
    const admin = await signIn();
    const { secret } = await admin.apiKeys.create({ name: `Portail ${unique()}` });
    const { data: before } = await admin.embedOrigins.list();
    expect(before).toContain(ALLOWED_ORIGIN);
    const replaced = await keyClient(secret).embedOrigins.replace([...before, 'HTTPS://Intranet.Exemple.fr/']);
    expect(replaced.data).toEqual([...before, 'https://intranet.exemple.fr']);
    const token = (await keyClient(secret).apiKeys.createEmbedToken({ origin: 'https://intranet.exemple.fr', scopes: ['read', 'write'] })).token;
    expect(await failure(embeddedClient(token, 'https://intranet.exemple.fr').embedOrigins.replace([]))).toBeInstanceOf(ForbiddenError);
    expect(await failure(admin.embedOrigins.replace(['https://*.exemple.fr']))).toBeInstanceOf(ValidationFailedError);
    expect((await admin.embedOrigins.replace(before)).data).toEqual(before);
    expect(await failure(embeddedClient(token, 'https://intranet.exemple.fr').candidates.list({ limit: 1 }))).toBeInstanceOf(ForbiddenError);
  });
});
