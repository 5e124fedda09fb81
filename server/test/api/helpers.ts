/**
 * API test kit: an app on a fresh database with a clock the test moves, a
 * `call()` that speaks JSON and remembers nothing, and builders for the few
 * records the API tests arrange (spaces, admins, products, keys, lots,
 * candidates with their read-model columns).
 */
import { EXAM_TYPES } from '@clr/domain';
import type { Db } from '../../src/db/client.js';
import { createApp, type App } from '../../src/app.js';
import type { AppConfig } from '../../src/http/env.js';
import { sha256 } from '../../src/http/crypto.js';
import { hashPassword } from '../../src/http/passwords.js';
import { freshDb } from '../support/db.js';

/** A clock tests move by hand. Starts on a Tuesday morning in Paris. */
export class Clock {
  #t: number;
  constructor(start = '2026-03-10T09:00:00.000Z') {
    this.#t = Date.parse(start);
  }
  now = (): Date => new Date(this.#t);
  advance(ms: number): void {
    this.#t += ms;
  }
  minutes(n: number): void {
    this.advance(n * 60_000);
  }
  set(iso: string): void {
    this.#t = Date.parse(iso);
  }
}

export interface CallOptions {
  body?: unknown;
  /** A raw body (sent as is, `Content-Type: application/json` unless `headers` says otherwise). */
  raw?: string;
  cookie?: string;
  bearer?: string;
  headers?: Record<string, string>;
  /** Client address (the test app trusts `X-Forwarded-For`). */
  ip?: string;
}

export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON body, or undefined when there is none. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

export interface TestKit {
  db: Db;
  app: App;
  clock: Clock;
  logs: string[];
  call(method: string, path: string, options?: CallOptions): Promise<Answer>;
  /** Another app (a second server instance) on the same database and clock. */
  instance(config?: Partial<AppConfig>): App;
}

export async function callApp(app: App, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined || options.raw !== undefined) headers['content-type'] ??= 'application/json';
  if (options.cookie) headers.cookie = options.cookie;
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  headers['x-forwarded-for'] ??= options.ip ?? '198.51.100.7';
  const url = path.startsWith('/api/') ? path : `/api/v1${path}`;
  const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const res = await app.request(url, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

export async function makeKit(config: Partial<AppConfig> = {}): Promise<TestKit> {
  const { db } = await freshDb();
  await ensureExamTypes(db);
  const clock = new Clock();
  const logs: string[] = [];
  const appConfig: Partial<AppConfig> = { trustProxy: true, log: (line) => logs.push(line), ...config };
  const app = createApp({ db, now: clock.now, config: appConfig });
  return {
    db,
    app,
    clock,
    logs,
    call: (method, path, options) => callApp(app, method, path, options),
    instance: (extra = {}) => createApp({ db, now: clock.now, config: { ...appConfig, ...extra } }),
  };
}

export async function ensureExamTypes(db: Db): Promise<void> {
  if ((await db.examType.count()) > 0) return;
  await db.examType.createMany({
    data: EXAM_TYPES.map((t, i) => ({
      id: t.id,
      label: t.label,
      kind: t.kind,
      requiresDate: t.requiresDate,
      requiresSession: t.requiresSession,
      supervision: t.supervision,
      manualValidation: t.manualValidation,
      documents: t.documents.join(','),
      sortOrder: i,
    })),
  });
}

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function makeSpace(db: Db, name = 'Espace', vatRateBp = 2000) {
  return db.space.create({ data: { name, vatRateBp } });
}

export interface MadeAdmin {
  id: string;
  email: string;
  password: string;
  spaceId: string | null;
}

export async function makeAdmin(
  db: Db,
  input: { spaceId?: string | null; email?: string; password?: string; role?: 'admin' | 'operator'; lastName?: string; firstName?: string } = {},
): Promise<MadeAdmin> {
  const email = input.email ?? `admin-${next()}@exemple.test`;
  const password = input.password ?? 'Mot-de-passe-1';
  const admin = await db.admin.create({
    data: {
      email,
      passwordHash: await hashPassword(password),
      lastName: input.lastName ?? 'Durand',
      firstName: input.firstName ?? 'Claire',
      role: input.role ?? 'admin',
      spaceId: input.role === 'operator' ? null : (input.spaceId ?? null),
    },
  });
  return { id: admin.id, email, password, spaceId: admin.spaceId };
}

export async function makeProduct(db: Db, spaceId: string, input: { examType?: string; unitPriceHt?: number; name?: string; reference?: string } = {}) {
  return db.product.create({
    data: {
      spaceId,
      examTypeId: input.examType ?? 'blank-remote',
      unitPriceHt: input.unitPriceHt ?? 7100,
      name: input.name ?? 'Partenaire - examen blanc',
      reference: input.reference ?? `PART-${next().toUpperCase()}`,
    },
  });
}

/** An API key; returns the secret the caller sends as `Bearer`. */
export async function makeApiKey(db: Db, input: { spaceId?: string | null; kind?: 'space' | 'integration'; revoked?: boolean } = {}) {
  const secret = `clr_${input.kind === 'integration' ? 'int' : 'key'}_${next()}${next()}`;
  const key = await db.apiKey.create({
    data: {
      spaceId: input.spaceId ?? null,
      kind: input.kind ?? 'space',
      name: 'Clé de test',
      prefix: secret.slice(0, 8),
      keyHash: sha256(secret),
      revokedAt: input.revoked ? new Date() : null,
    },
  });
  return { id: key.id, secret };
}

/** A delivered order of one line and its lot. */
export async function makeLot(
  db: Db,
  spaceId: string,
  input: { examType?: string; quantity?: number; remaining?: number; expiresAt: Date; createdAt?: Date },
) {
  const examType = input.examType ?? 'blank-remote';
  const quantity = input.quantity ?? 10;
  const order = await db.order.create({
    data: {
      spaceId,
      number: `T-${next()}`,
      status: 'delivered',
      vatRateBp: 2000,
      totalHt: 0,
      totalVat: 0,
      totalTtc: 0,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
      deliveredAt: input.createdAt ?? new Date(),
      lines: { create: [{ position: 0, productId: 'test-product', examTypeId: examType, quantity, unitPriceHt: 0, ht: 0, ttc: 0 }] },
    },
    include: { lines: true },
  });
  const line = order.lines[0]!;
  const lot = await db.creditLot.create({
    data: {
      spaceId,
      orderId: order.id,
      orderLineId: line.id,
      examTypeId: examType,
      quantity,
      remaining: input.remaining ?? quantity,
      expiresAt: input.expiresAt,
    },
  });
  return { order, lot };
}

/** The identity fields a test candidate needs and no test reads (birth, status, funding, a password hash). */
export const CANDIDATE_FILLER = {
  passwordHash: 'x',
  birthDate: '1990-04-12',
  birthPostcode: '69001',
  birthTown: 'Lyon',
  birthCountry: 'France',
  infoStatus: 'employee',
  funding: 'cpf',
} as const;

/** A candidate row with its read-model columns set directly (stage, deadline, hidden…). */
export async function makeCandidate(
  db: Db,
  spaceId: string,
  input: { lastName?: string; firstName?: string; stage?: 'none' | 'assigned' | 'taken'; deadline?: Date | null; inHiddenGroup?: boolean } = {},
) {
  const lastName = input.lastName ?? 'Martin';
  const firstName = input.firstName ?? 'Louise';
  const email = `candidat-${next()}@exemple.test`;
  return db.candidate.create({
    data: {
      spaceId,
      civility: 'mme',
      lastName,
      firstName,
      email,
      emailKey: email,
      ...CANDIDATE_FILLER,
      stage: input.stage ?? 'none',
      deadline: input.deadline ?? null,
      sortName: `${lastName} ${firstName}`.toLowerCase(),
      inHiddenGroup: input.inHiddenGroup ?? false,
      hasAttempt: input.stage === 'taken',
    },
  });
}

/** Signs in and returns the `Cookie` header value to send back. */
export async function login(kit: { call: TestKit['call'] }, email: string, password: string, ip?: string): Promise<string> {
  const res = await kit.call('POST', '/auth/login', { body: { email, password }, ...(ip ? { ip } : {}) });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
  return sessionCookie(res);
}

/** `clr_session=…` from a response's `Set-Cookie`. */
export function sessionCookie(res: Answer): string {
  const header = res.headers.get('set-cookie') ?? '';
  const match = /clr_session=([^;]*)/.exec(header);
  if (!match) throw new Error(`no session cookie in: ${header}`);
  return `clr_session=${match[1]}`;
}

/** A space with one admin signed in. */
export async function spaceWithAdmin(kit: TestKit, name = 'Démo', vatRateBp = 2000) {
  const space = await makeSpace(kit.db, name, vatRateBp);
  const admin = await makeAdmin(kit.db, { spaceId: space.id });
  const cookie = await login(kit, admin.email, admin.password, `203.0.113.${(counter++ % 200) + 1}`);
  return { space, admin, cookie };
}
