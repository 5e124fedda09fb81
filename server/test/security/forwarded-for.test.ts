import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll } from '../support/db.js';
import { VERIFY_LIMIT } from '../../src/routes/public.js';
import { parseTrustProxy } from '../../src/http/env.js';
import { DEFAULT_CONFIG } from '../../src/http/env.js';
import { callApp, makeKit, type TestKit } from '../api/helpers.js';

/**
 * Finding 2: behind `TRUST_PROXY=1` the client's address was the leftmost
 * `X-Forwarded-For` entry, which the client writes itself: rotating it gave
 * 60/60 logins and 80/80 verifications without a 429. The address is now the
 * one the trusted proxy saw (the entry it appended), with a number of hops.
 */
let kit: TestKit;
let n = 0;
/** What a client behind one proxy sends: a made-up entry of its own, then the address the proxy appends. */
const spoofed = (real: string) => ({ 'x-forwarded-for': `10.${n % 250}.${(n++ >> 8) % 250}.1, ${real}` });

beforeAll(async () => {
  kit = await makeKit({ trustProxy: 1 });
});
afterAll(() => closeAll());

describe('rate limits bypassed behind a proxy by a forged X-Forwarded-For', () => {
  it('rotating the leftmost X-Forwarded-For entry does not escape the login limit per address', async () => {
    const { perAddress } = DEFAULT_CONFIG.loginLimits;
    const statuses: number[] = [];
    for (let i = 0; i < perAddress + 3; i++) {
      const res = await kit.call('POST', '/auth/login', {
        body: { email: `inconnu-${i}@exemple.test`, password: 'pas-le-bon-1' },
        headers: spoofed('192.0.2.10'),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, perAddress).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(perAddress)).toEqual([429, 429, 429]);
  });

  it('rotating the leftmost X-Forwarded-For entry does not escape the verification limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < VERIFY_LIMIT.max + 2; i++) {
      statuses.push((await kit.call('GET', '/public/verify/ZZZZ9999', { headers: spoofed('192.0.2.11') })).status);
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
  });

  it('two clients behind the same proxy keep their own limits', async () => {
    for (let i = 0; i < VERIFY_LIMIT.max; i++) await kit.call('GET', '/public/verify/ZZZZ9999', { headers: spoofed('192.0.2.12') });
    expect((await kit.call('GET', '/public/verify/ZZZZ9999', { headers: spoofed('192.0.2.12') })).status).toBe(429);
    expect((await kit.call('GET', '/public/verify/ZZZZ9999', { headers: spoofed('192.0.2.13') })).status).toBe(404);
  });

  it('with two trusted hops the address is the second entry from the right, whatever the client wrote before it', async () => {
    const twoHops = kit.instance({ trustProxy: 2 });
    const ip = (first: string) => ({ 'x-forwarded-for': `${first}, 192.0.2.14, 10.0.0.2` });
    for (let i = 0; i < VERIFY_LIMIT.max; i++) await callApp(twoHops, 'GET', '/public/verify/ZZZZ9999', { headers: ip(`10.9.${i}.1`) });
    expect((await callApp(twoHops, 'GET', '/public/verify/ZZZZ9999', { headers: ip('10.9.200.1') })).status).toBe(429);
  });

  it('without a trusted proxy the header is ignored entirely', async () => {
    const direct = kit.instance({ trustProxy: 0 });
    for (let i = 0; i < VERIFY_LIMIT.max; i++) await callApp(direct, 'GET', '/public/verify/ZZZZ9999', { headers: { 'x-forwarded-for': `10.8.${i}.1` } });
    expect((await callApp(direct, 'GET', '/public/verify/ZZZZ9999', { headers: { 'x-forwarded-for': '10.8.250.1' } })).status).toBe(429);
  });

  it('TRUST_PROXY is a number of hops (true is one), anything else stops the start', () => {
    expect([undefined, '', '0', 'false', '1', 'true', '2'].map(parseTrustProxy)).toEqual([0, 0, 0, 0, 1, 1, 2]);
    expect(() => parseTrustProxy('yes')).toThrow(/TRUST_PROXY/);
  });
});
