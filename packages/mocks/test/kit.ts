/**
 * Test kit of the mocks: one MSW server per test file, a clock the tests move,
 * and a `call()` that speaks JSON through the real `fetch` — so every test
 * goes through the handlers exactly as the SDK and the elements do.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createMockServer, DEMO_KEYS, DEMO_LOGINS, type MockServer, type MockState } from '../src/node.js';

/** A clock tests move by hand. Starts on a Tuesday morning in Paris. */
export class Clock {
  #t: number;
  readonly #start: number;
  constructor(start = '2026-03-10T09:00:00.000Z') {
    this.#start = Date.parse(start);
    this.#t = this.#start;
  }
  now = (): Date => new Date(this.#t);
  advance(ms: number): void {
    this.#t += ms;
  }
  days(n: number): void {
    this.advance(n * 86_400_000);
  }
  reset(): void {
    this.#t = this.#start;
  }
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is (with `Content-Type: application/json` unless `headers` says otherwise). */
  raw?: string;
  cookie?: string;
  bearer?: string;
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
  /** The body as text, a byte order mark kept. */
  text: string;
  bytes: Uint8Array;
}

export interface Kit {
  mocks: MockServer;
  clock: Clock;
  call(method: string, path: string, options?: CallOptions): Promise<Answer>;
  /** Signs in and returns the `Cookie` header to send back. */
  login(who?: keyof typeof DEMO_LOGINS): Promise<string>;
  /** The session cookie of the demo admin, signed in once per test. */
  demo(): Promise<string>;
  autre(): Promise<string>;
}

/**
 * Installs a mock server for the test file, on `state` ('demo' by default),
 * reset to that state (and the clock to its start) before every test.
 */
export function useMocks(state: 'demo' | 'empty' | MockState = 'demo', start?: string): Kit {
  const clock = new Clock(start);
  const faults: unknown[] = [];
  const mocks = createMockServer({ state, now: clock.now, baseUrl: 'http://mocks.test/api/v1', onError: (e) => faults.push(e) });
  beforeAll(() => mocks.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => mocks.close());
  let sessions: Partial<Record<keyof typeof DEMO_LOGINS, { cookie: string; at: number }>> = {};
  afterEach(() => {
    // A 500 of the mocks is a bug of the mocks: fail the test that caused it.
    if (faults.length > 0) throw faults.splice(0)[0];
  });
  beforeEach(() => {
    clock.reset();
    mocks.reset();
    sessions = {};
  });

  async function call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined || options.raw !== undefined) headers['content-type'] ??= 'application/json';
    if (options.cookie) headers.cookie = options.cookie;
    if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const res = await fetch(`${mocks.baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text, bytes };
  }

  async function login(who: keyof typeof DEMO_LOGINS = 'demo'): Promise<string> {
    const res = await call('POST', '/auth/login', { body: DEMO_LOGINS[who] });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
    const match = /clr_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '');
    if (!match) throw new Error('no session cookie');
    return `clr_session=${match[1]}`;
  }

  /** A session signed in once per test, and again when the clock has moved past its idle time. */
  async function signedIn(who: keyof typeof DEMO_LOGINS): Promise<string> {
    const t = clock.now().getTime();
    const known = sessions[who];
    if (known && t - known.at < 20 * 60_000 && t >= known.at) {
      known.at = t;
      return known.cookie;
    }
    const cookie = await login(who);
    sessions[who] = { cookie, at: t };
    return cookie;
  }

  return { mocks, clock, call, login, demo: () => signedIn('demo'), autre: () => signedIn('autre') };
}

export { DEMO_KEYS, DEMO_LOGINS };

/** A complete « Créer un candidat » body (the three required pages) with a unique e-mail. */
let counter = 0;
export function candidateBody(overrides: { lastName?: string; firstName?: string; email?: string } = {}) {
  counter += 1;
  return {
    identity: {
      civility: 'mme',
      lastName: overrides.lastName ?? 'Lefèvre',
      firstName: overrides.firstName ?? 'Élodie',
      email: overrides.email ?? `elodie.lefevre.${counter}@exemple.fr`,
      birthDate: '1994-05-17',
      birthPostcode: '69003',
      birthTown: 'Lyon',
      birthCountry: 'France',
    },
    password: { value: 'secret-42', confirmation: 'secret-42', sendToCandidate: false, requestAcknowledgment: false, sendToAdmin: false },
    information: { status: 'employee', funding: 'cpf' },
  };
}
