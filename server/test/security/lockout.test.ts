import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll } from '../support/db.js';
import { sweep } from '../../src/services/housekeeping.js';
import { makeAdmin, makeKit, makeSpace, type TestKit } from '../api/helpers.js';

/**
 * Finding 7: anyone could lock an administrator out: during the lockout even
 * the right password got 429, and 6 requests every 15 minutes kept it locked.
 * Failures now count per account *and* address; past the account's own limit
 * only strangers are throttled, and the owner, from their usual address, with
 * the right password, still gets in.
 */
let kit: TestKit;
let spaceId: string;
const OWNER = '203.0.113.77';

beforeAll(async () => {
  kit = await makeKit();
  spaceId = (await makeSpace(kit.db, 'Démo')).id;
});
afterAll(() => closeAll());

const attempt = (email: string, password: string, ip: string) => kit.call('POST', '/auth/login', { body: { email, password }, ip });

/** An administrator who has signed in from `OWNER` before (their usual address). */
async function owner() {
  const admin = await makeAdmin(kit.db, { spaceId });
  expect((await attempt(admin.email, admin.password, OWNER)).status).toBe(200);
  return admin;
}

describe('anyone can lock an administrator out', () => {
  it('6 wrong passwords every 15 minutes from one address do not keep the owner out: from the usual address the right password gets in', async () => {
    const admin = await owner();
    for (let round = 0; round < 4; round++) {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await attempt(admin.email, 'mauvais-1', '198.51.100.200')).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      expect((await attempt(admin.email, admin.password, OWNER)).status).toBe(200);
      kit.clock.minutes(15);
    }
  });

  it('wrong passwords spread over many addresses do not lock the owner out either', async () => {
    const admin = await owner();
    for (let i = 0; i < 12; i++) await attempt(admin.email, 'mauvais-1', `198.51.100.${10 + i}`);
    expect((await attempt(admin.email, admin.password, OWNER)).status).toBe(200);
  });

  it('the attacking address is refused on that account, even with the right password, and on that account only', async () => {
    const admin = await owner();
    const other = await owner();
    for (let i = 0; i < 5; i++) await attempt(admin.email, 'mauvais-1', '198.51.100.201');
    expect((await attempt(admin.email, admin.password, '198.51.100.201')).status).toBe(429);
    expect((await attempt(other.email, other.password, '198.51.100.201')).status).toBe(200);
  });

  it('guessing is still throttled: past 5 failures on the account, an address it never signed in from gets 429 with Retry-After', async () => {
    const admin = await owner();
    for (let i = 0; i < 5; i++) await attempt(admin.email, 'mauvais-1', `198.51.100.${40 + i}`);
    const stranger = await attempt(admin.email, admin.password, '198.51.100.99');
    expect(stranger.status).toBe(429);
    expect(stranger.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(stranger.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('the usual address is kept by the hourly housekeeping beyond a day (90 days)', async () => {
    const admin = await owner();
    kit.clock.advance(30 * 24 * 60 * 60_000);
    await sweep({ db: kit.db, now: kit.clock.now, config: { sessionIdleMs: 30 * 60_000 } });
    for (let i = 0; i < 6; i++) await attempt(admin.email, 'mauvais-1', `198.51.100.${60 + i}`);
    expect((await attempt(admin.email, admin.password, OWNER)).status).toBe(200);
  });

  it('no e-mail is written in the rate-limit table', async () => {
    for (const row of await kit.db.rateLimitBucket.findMany()) expect(row.key).not.toMatch(/@/);
  });
});
