import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweep } from '../../src/services/housekeeping.js';
import { closeAll } from '../support/db.js';
import { login, makeAdmin, makeKit, makeProduct, spaceWithAdmin, type TestKit } from './helpers.js';

let kit: TestKit;
beforeAll(async () => {
  kit = await makeKit();
});
afterAll(() => closeAll());

describe('housekeeping (npm start runs it hourly)', () => {
  it('deletes idle and ended sessions, keeps live ones', async () => {
    const { space } = await spaceWithAdmin(kit);
    const idle = await makeAdmin(kit.db, { spaceId: space.id });
    const busy = await makeAdmin(kit.db, { spaceId: space.id });
    await login(kit, idle.email, idle.password);
    kit.clock.minutes(20);
    const cookie = await login(kit, busy.email, busy.password);
    kit.clock.minutes(15); // idle's session: 35 min without use
    const report = await sweep({ db: kit.db, now: kit.clock.now, config: { sessionIdleMs: 30 * 60_000 } });
    expect(report.sessions).toBeGreaterThanOrEqual(1);
    expect(await kit.db.authSession.count({ where: { adminId: idle.id } })).toBe(0);
    expect((await kit.call('GET', '/me', { cookie })).status).toBe(200);
  });

  it('forgets idempotency keys after a day: the key then creates a new order', async () => {
    const { cookie, space } = await spaceWithAdmin(kit);
    const product = await makeProduct(kit.db, space.id);
    const body = { lines: [{ productId: product.id, quantity: 1 }] };
    const first = await kit.call('POST', '/orders', { cookie, body, headers: { 'idempotency-key': 'quotidienne' } });
    kit.clock.minutes(24 * 60 + 1);
    const report = await sweep({ db: kit.db, now: kit.clock.now, config: { sessionIdleMs: 30 * 60_000 } });
    expect(report.idempotencyKeys).toBeGreaterThanOrEqual(1);
    const again = await kit.call('POST', '/orders', { cookie: await loginAgain(space.id), body, headers: { 'idempotency-key': 'quotidienne' } });
    expect(again.status).toBe(201);
    expect(again.json.id).not.toBe(first.json.id);
  });
});

async function loginAgain(spaceId: string): Promise<string> {
  const admin = await makeAdmin(kit.db, { spaceId });
  return login(kit, admin.email, admin.password);
}
