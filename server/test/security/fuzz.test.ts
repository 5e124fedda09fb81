import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/http/env.js';
import { openSession } from '../../src/services/sessions.js';
import { closeAll, testProvider } from '../support/db.js';
import { makeAdmin, makeApiKey, makeCandidate, makeKit, makeLot, makeProduct, spaceWithAdmin, type TestKit } from '../api/helpers.js';

/**
 * A property-based fuzz over every operation of /openapi.json: requests are
 * generated from each operation's own schemas (path, query, header, body),
 * bent now and then (wrong types, control characters, huge or malformed
 * values, bodies that are not JSON, a foreign origin, another space's ids, no
 * or a bad credential), and sent in process through `app.request()`. For
 * every answer: never a 5xx; every 4xx is problem+json with its status; a
 * rejected write leaves both spaces as they were; and nothing a space's
 * administrator or key does, accepted or not, changes the other space.
 *
 * FUZZ_RUNS requests: in `npm test` 5,000 on SQLite and 2,000 more on
 * PostgreSQL (its own driver's refusals); `npm run fuzz -w server` sends
 * 50,000. FUZZ_SEED replays a run that failed (fast-check prints it).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? (testProvider() === 'postgresql' ? 2000 : 5000));
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
type Who = 'admin' | 'key' | 'none' | 'badBearer' | 'operator' | 'integration' | 'adminForeignOrigin';

interface Operation {
  method: string;
  path: string;
  parameters: { in: string; name: string; required?: boolean; schema: Json }[];
  body: Json | undefined;
}

interface Generated {
  op: Operation;
  who: Who;
  pathValues: Record<string, string>;
  query: [string, string][];
  headers: Record<string, string>;
  body: { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; type: string } | { kind: 'none' };
}

let kit: TestKit;
let doc: Json;
let ops: Operation[];
let a: Awaited<ReturnType<typeof spaceWithAdmin>>;
let b: Awaited<ReturnType<typeof spaceWithAdmin>>;
const creds = { adminCookie: '', key: '', keyId: '', operatorCookie: '', integration: '' };
let operatorId = '';
const ids: string[] = [];
const emails: string[] = [];
let sent = 0;
/** Both spaces as last read, while no write has happened since. */
let known: [string, string] | undefined;

const unsafe = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

async function cookieFor(adminId: string): Promise<string> {
  const session = await openSession({ db: kit.db, now: kit.clock.now, random: (n) => randomBytes(n), config: DEFAULT_CONFIG }, adminId);
  return `clr_session=${session.token}`;
}

beforeAll(async () => {
  kit = await makeKit();
  // A throwaway database: its commits need not survive a power cut, and thousands of fsyncs would be most of the run.
  if (testProvider() === 'sqlite') await kit.db.$queryRawUnsafe('PRAGMA synchronous = OFF');
  a = await spaceWithAdmin(kit, 'Démo');
  b = await spaceWithAdmin(kit, 'Autre');
  for (const made of [a, b]) {
    const product = await makeProduct(kit.db, made.space.id);
    const { order, lot } = await makeLot(kit.db, made.space.id, { expiresAt: new Date('2027-12-31T22:59:59.999Z') });
    const candidate = await makeCandidate(kit.db, made.space.id);
    const group = await kit.db.group.create({ data: { spaceId: made.space.id, name: `Groupe ${made.space.name}`, nameKey: `groupe ${made.space.name}`.toLowerCase(), category: 'client' } });
    await kit.db.membership.create({ data: { groupId: group.id, candidateId: candidate.id } });
    const pending = await kit.db.order.create({ data: { spaceId: made.space.id, number: `P-${made.space.name}`, status: 'pending', vatRateBp: 2000, totalHt: 7100, totalVat: 1420, totalTtc: 8520 } });
    ids.push(product.id, order.id, lot.id, candidate.id, group.id, pending.id, made.space.id, made.admin.id);
    emails.push(made.admin.email, candidate.email);
  }
  const key = await makeApiKey(kit.db, { spaceId: a.space.id });
  Object.assign(creds, { adminCookie: a.cookie, key: key.secret, keyId: key.id, integration: (await makeApiKey(kit.db, { kind: 'integration' })).secret });
  ids.push(key.id);
  const operator = await makeAdmin(kit.db, { role: 'operator' });
  operatorId = operator.id;
  creds.operatorCookie = await cookieFor(operator.id);
  doc = (await kit.call('GET', '/openapi.json')).json;
  ops = [];
  for (const [path, item] of Object.entries<Json>(doc.paths)) {
    for (const [method, op] of Object.entries<Json>(item)) {
      ops.push({ method: method.toUpperCase(), path, parameters: op.parameters ?? [], body: op.requestBody?.content?.['application/json']?.schema });
    }
  }
});
afterAll(() => closeAll());

// ---------------------------------------------------------------------------
// Values

const NASTY = [
  '', ' ', '\u0000', 'a\u0000b', '\t', '\n', '\r\n', '\u001b[31m', '\u007f', "'; DROP TABLE \"Candidate\"; --", '<script>alert(1)</script>',
  '%00', '%', '../../etc/passwd', '=HYPERLINK("http://x")', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '\uD800', '\uFEFF', 'null', 'true', '[]', '{}', '-1', '0', '1e400',
  '9'.repeat(40), 'x'.repeat(300), 'é'.repeat(2000), '2026-02-30', '2026-13-01', '0000-00-00', 'NaN', 'Infinity',
];

const nastyString = fc.constantFrom(...NASTY);
const anyString = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 20 }), nastyString);
const nastyScalar = fc.oneof(nastyString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(-1), fc.constant(2 ** 53), fc.constant(1e308));
const garbage: fc.Arbitrary<unknown> = fc.oneof(nastyScalar, fc.jsonValue({ maxDepth: 2 }), fc.array(nastyScalar, { maxLength: 3 }));

function resolve(schema: Json): Json {
  let s = schema;
  for (let i = 0; s?.$ref && i < 10; i++) s = doc.components.schemas[String(s.$ref).split('/').pop()!];
  return s ?? {};
}

const idArb = () => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: anyString });

function stringFor(name: string, schema: Json): fc.Arbitrary<string> {
  const options: fc.Arbitrary<string>[] = [];
  if (/id$|Id$|^ids?$/i.test(name)) options.push(fc.constantFrom(...ids));
  if (schema.format === 'email' || /email/i.test(name)) options.push(fc.constantFrom(...emails), fc.emailAddress());
  if (/date|from|to|At$/i.test(name) || schema.format === 'date') options.push(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
  if (schema.pattern) {
    try {
      options.push(fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 200)));
    } catch {
      // a pattern fast-check cannot read: the other generators stand in
    }
  }
  const min = schema.minLength ?? 0;
  options.push(fc.string({ minLength: min, maxLength: Math.max(min, Math.min(schema.maxLength ?? 40, 40)) }));
  return fc.oneof({ weight: 8, arbitrary: fc.oneof(...options) }, { weight: 2, arbitrary: anyString });
}

function fromSchema(raw: Json, name = '', depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(raw);
  if (depth > 4) return garbage;
  const bent = (arb: fc.Arbitrary<unknown>) => fc.oneof({ weight: 9, arbitrary: arb }, { weight: 1, arbitrary: garbage });
  if (Array.isArray(schema.enum)) return bent(fc.constantFrom(...schema.enum));
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    if (Array.isArray(schema[key])) return fc.oneof(...schema[key].map((s: Json) => fromSchema(s, name, depth + 1)));
  }
  const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : schema.properties ? ['object'] : [];
  const variants: fc.Arbitrary<unknown>[] = [];
  for (const type of types) {
    if (type === 'string') variants.push(stringFor(name, schema));
    else if (type === 'integer') variants.push(fc.integer({ min: Math.max(schema.minimum ?? -1000, -1e9), max: Math.min(schema.maximum ?? 10_000, 1e9) }), fc.constantFrom(0, -1, 2 ** 31, 2 ** 53));
    else if (type === 'number') variants.push(fc.double({ noNaN: true, noDefaultInfinity: true }));
    else if (type === 'boolean') variants.push(fc.boolean());
    else if (type === 'null') variants.push(fc.constant(null));
    else if (type === 'array') {
      const items = /candidateIds|ids$/i.test(name) ? idArb() : fromSchema(schema.items ?? {}, name.replace(/s$/, ''), depth + 1);
      variants.push(fc.array(items, { minLength: Math.min(schema.minItems ?? 0, 3), maxLength: Math.min(schema.maxItems ?? 4, 4) }));
    } else if (type === 'object') variants.push(objectFor(schema, depth));
  }
  return bent(variants.length > 0 ? fc.oneof(...variants) : fc.jsonValue({ maxDepth: 2 }));
}

function objectFor(schema: Json, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties: Record<string, Json> = schema.properties ?? {};
  const required = new Set<string>(schema.required ?? []);
  const keys = Object.keys(properties);
  const fields = keys.map((key) =>
    fc.tuple(fc.constant(key), fromSchema(properties[key], key, depth + 1), fc.integer({ min: 0, max: 9 })).map(([k, v, roll]) => {
      // required fields are left out now and then, optional ones half the time
      const keep = required.has(k) ? roll !== 0 : roll < 5;
      return keep ? ([k, v] as const) : undefined;
    }),
  );
  const extra = fc.option(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'spaceId', 'id', 'role', 'extra'), garbage), { freq: 5 });
  return fc.tuple(fc.tuple(...fields), extra).map(([entries, more]) => {
    const out: Record<string, unknown> = {};
    for (const entry of entries) if (entry) out[entry[0]] = entry[1];
    if (more) out[more[0]] = more[1];
    return out;
  });
}

function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80'; // a lone surrogate: invalid UTF-8 once encoded
  }
}

function asQueryValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function requestFor(op: Operation): fc.Arbitrary<Generated> {
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const queryParams = op.parameters.filter((p) => p.in === 'query');
  const headerParams = op.parameters.filter((p) => p.in === 'header');
  const pathArb = fc.tuple(...pathParams.map((p) => (p.schema?.enum ? fromSchema(p.schema, p.name) : fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: anyString })).map((v) => [p.name, asQueryValue(v)] as const)));
  const queryArb = fc.tuple(
    ...queryParams.map((p) =>
      fc.tuple(fromSchema(p.schema, p.name), fc.integer({ min: 0, max: 9 })).map(([v, roll]): [string, string][] => {
        if (!p.required && roll < 4) return [];
        if (Array.isArray(v)) return roll % 2 === 0 ? v.map((x) => [p.name, asQueryValue(x)]) : [[p.name, v.map(asQueryValue).join(',')]];
        return [[p.name, asQueryValue(v)]];
      }),
    ),
  );
  const headerArb = fc.tuple(...headerParams.map((p) => fc.option(stringFor(p.name, p.schema ?? {}).filter((s) => /^[\x20-\x7e]*$/.test(s)), { freq: 2 }).map((v) => [p.name, v] as const)));
  const bodyArb: fc.Arbitrary<Generated['body']> = op.body
    ? fc.oneof(
        { weight: 17, arbitrary: fromSchema(op.body).map((value) => ({ kind: 'json' as const, value })) },
        { weight: 2, arbitrary: fc.constantFrom('{', 'null', '[]', '"x"', '{"a":}', '\u0000', '').map((text) => ({ kind: 'raw' as const, text, type: 'application/json' })) },
        { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x').map((type) => ({ kind: 'raw' as const, text: 'a=1&b=2', type })) },
      )
    : fc.oneof({ weight: 9, arbitrary: fc.constant({ kind: 'none' as const }) }, { weight: 1, arbitrary: garbage.map((value) => ({ kind: 'json' as const, value })) });
  const whoArb = fc.constantFrom<Who>('admin', 'admin', 'admin', 'key', 'key', 'none', 'badBearer', 'operator', 'integration', 'adminForeignOrigin');
  return fc.record({ who: whoArb, path: pathArb, query: queryArb, headers: headerArb, body: bodyArb }).map((g) => ({
    op,
    who: g.who,
    pathValues: Object.fromEntries(g.path),
    query: g.query.flat(),
    headers: Object.fromEntries(g.headers.filter((h): h is readonly [string, string] => h[1] !== null)),
    body: g.body,
  }));
}

/** Each operation's generator, built once. */
const generators = new Map<Operation, fc.Arbitrary<Generated>>();
function arbitraryFor(op: Operation): fc.Arbitrary<Generated> {
  let arb = generators.get(op);
  if (!arb) generators.set(op, (arb = requestFor(op)));
  return arb;
}

// ---------------------------------------------------------------------------
// What must not change

/** Both spaces' records, as the fuzz can change them, in one read: [space A, space B]. */
async function states(): Promise<[string, string]> {
  const spaces = await kit.db.space.findMany({
    where: { id: { in: [a.space.id, b.space.id] } },
    include: {
      admins: { select: { id: true, email: true, lastName: true, firstName: true, passwordHash: true }, orderBy: { id: 'asc' } },
      apiKeys: { select: { id: true, revokedAt: true, name: true }, orderBy: { id: 'asc' } },
      groups: { select: { id: true, name: true, category: true, hidden: true, members: { select: { candidateId: true }, orderBy: { candidateId: 'asc' } } }, orderBy: { id: 'asc' } },
      candidates: { select: { id: true, lastName: true, firstName: true, email: true, birthDate: true, stage: true, deadline: true, inHiddenGroup: true, updatedAt: true }, orderBy: { id: 'asc' } },
      orders: { select: { id: true, status: true, paymentRef: true, totalTtc: true }, orderBy: { id: 'asc' } },
      lots: { select: { id: true, remaining: true }, orderBy: { id: 'asc' } },
      assignments: { select: { id: true, state: true, examTypeId: true, lotId: true, scheduledAt: true, sessionId: true, deadline: true, takenAt: true }, orderBy: { id: 'asc' } },
      attempts: { select: { id: true, score: true, validation: true, takenAt: true }, orderBy: { id: 'asc' } },
    },
  });
  const mails = await kit.db.outboxMessage.groupBy({ by: ['spaceId'], where: { spaceId: { in: [a.space.id, b.space.id] } }, _count: true });
  const of = (id: string) => JSON.stringify([spaces.find((s) => s.id === id), mails.find((m) => m.spaceId === id)?._count ?? 0]);
  return [of(a.space.id), of(b.space.id)];
}

/** Operations that can spend the run's own credentials when they succeed. */
const SPENDS_CREDENTIALS = new Set(['POST /auth/logout', 'DELETE /api-keys/{id}', 'PUT /me/password', 'PATCH /me']);

/** Credentials a successful request may have spent (logout, a revoked key): made again so the run goes on. */
async function renewCredentials(): Promise<void> {
  known = undefined;
  if ((await kit.call('GET', '/me', { cookie: creds.adminCookie })).status !== 200) creds.adminCookie = await cookieFor(a.admin.id);
  if ((await kit.call('GET', '/me', { cookie: creds.operatorCookie })).status !== 200) creds.operatorCookie = await cookieFor(operatorId);
  const key = await kit.db.apiKey.findUnique({ where: { id: creds.keyId } });
  if (!key || key.revokedAt) {
    const fresh = await makeApiKey(kit.db, { spaceId: a.space.id });
    Object.assign(creds, { key: fresh.secret, keyId: fresh.id });
  }
}

async function send(g: Generated): Promise<{ status: number; type: string; text: string; url: string }> {
  let path = g.op.path;
  for (const [name, value] of Object.entries(g.pathValues)) path = path.replace(`{${name}}`, encode(value));
  const search = g.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
  const url = `/api/v1${path}${search ? `?${search}` : ''}`;
  const headers: Record<string, string> = { 'x-forwarded-for': '198.51.100.250', ...g.headers };
  if (g.who === 'admin') Object.assign(headers, { cookie: creds.adminCookie, 'sec-fetch-site': 'same-origin' });
  if (g.who === 'adminForeignOrigin') Object.assign(headers, { cookie: creds.adminCookie, origin: 'https://pirate.example', 'sec-fetch-site': 'cross-site' });
  if (g.who === 'operator') Object.assign(headers, { cookie: creds.operatorCookie, 'sec-fetch-site': 'same-origin' });
  if (g.who === 'key') headers.authorization = `Bearer ${creds.key}`;
  if (g.who === 'integration') headers.authorization = `Bearer ${creds.integration}`;
  if (g.who === 'badBearer') headers.authorization = 'Bearer clr_key_inconnue';
  let body: string | undefined;
  if (g.body.kind === 'json') {
    body = JSON.stringify(g.body.value) ?? 'null';
    headers['content-type'] = 'application/json';
  } else if (g.body.kind === 'raw') {
    body = g.body.text;
    headers['content-type'] = g.body.type;
  }
  const method = g.op.method;
  const res = await kit.app.request(url, { method, headers, ...(body !== undefined && method !== 'GET' ? { body } : {}) });
  sent += 1;
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text(), url };
}

describe('fuzz over the OpenAPI operations', () => {
  it(`${RUNS} generated requests: never a 5xx, every 4xx problem+json, rejected writes change nothing, no space touches another`, async () => {
    expect(ops.length).toBeGreaterThanOrEqual(55);
    const property = fc.asyncProperty(
      fc.constantFrom(...ops).chain((op) => arbitraryFor(op)),
      async (g) => {
        const write = unsafe(g.op.method);
        // Anyone may ask a reset link for any address: /auth acts for no space.
        const actsForA = (g.who === 'admin' || g.who === 'key' || g.who === 'adminForeignOrigin') && !g.op.path.startsWith('/auth/');
        // Requests run one after the other: the state read after the last write is this write's « before ».
        const before = write ? (known ?? (await states())) : undefined;
        if (write) known = undefined;
        const res = await send(g);
        const where = `${g.op.method} ${res.url} as ${g.who} → ${res.status} ${res.text.slice(0, 300)}`;
        expect(res.status, where).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.type, where).toBe('application/problem+json');
          const problem = JSON.parse(res.text) as { status: number; title: unknown; detail: unknown };
          expect(problem.status, where).toBe(res.status);
          expect(typeof problem.title, where).toBe('string');
          expect(typeof problem.detail, where).toBe('string');
        }
        // Nothing to compare after a write accepted from a caller that may act for every space.
        if (before && (res.status >= 400 || actsForA)) {
          const after = await states();
          if (res.status >= 400) expect(after, `a rejected write changed a space: ${where}`).toEqual(before);
          if (actsForA) expect(after[1], `space A's caller changed space B: ${where}`).toBe(before[1]);
          known = after;
        }
        if (write && res.status < 300 && SPENDS_CREDENTIALS.has(`${g.op.method} ${g.op.path}`)) await renewCredentials();
      },
    );
    await fc.assert(property, { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }), endOnFailure: true });
    expect(sent).toBeGreaterThanOrEqual(RUNS);
  });
});
