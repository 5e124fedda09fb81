import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { ACTIVATION_CODE_COLUMNS, ORDER_COLUMNS, orderLineRows, toCsv } from '@clr/documents';
import type { ActivationCodeRow, Order } from '@clr/domain';
import { DEFAULT_CONFIG, type AppDeps } from '../../src/http/env.js';
import { loadExamTypes } from '../../src/services/catalogue.js';
import { activationCodeRows, orderRows } from '../../src/services/exports.js';
import { cancelOrder, deliverOrder, queryOrders } from '../../src/services/orders.js';
import { closeAll } from '../support/db.js';
import { makeCandidate, makeKit, makeLot, makeProduct, spaceWithAdmin, type TestKit } from './helpers.js';

/**
 * R20 — the orders (§4.2) and activation codes (§6.7) exports stream from
 * database pages and give exactly the rows of their listing under the same
 * filters; every export of the API is an uncached download with a safe name.
 */
let kit: TestKit;
let deps: AppDeps;
let cookie: string;
let spaceId: string;
let codeIds: { formula: string; plain: string[] };
const LATE = new Date('2027-01-31T22:59:59.999Z');

async function pagesOf<T>(path: string, separator = '?'): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    const res = await kit.call('GET', `${path}${separator}limit=2${cursor ? `&cursor=${cursor}` : ''}`, { cookie });
    expect(res.status).toBe(200);
    rows.push(...(res.json.data as T[]));
    cursor = res.json.nextCursor;
  } while (cursor);
  return rows;
}

/** A download with its bytes decoded as they are, byte order mark included. */
async function download(path: string) {
  const res = await kit.app.request(`/api/v1${path}`, { headers: { cookie, 'x-forwarded-for': '198.51.100.7' } });
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, text, json: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
  kit = await makeKit();
  deps = { db: kit.db, now: kit.clock.now, random: (n) => randomBytes(n), config: { ...DEFAULT_CONFIG, log: () => undefined } };
  const made = await spaceWithAdmin(kit, 'Organisme « Exports »');
  cookie = made.cookie;
  spaceId = made.space.id;

  // Orders: three sections, two exam types, over three months.
  const blank = await makeProduct(kit.db, spaceId, { examType: 'blank-remote', unitPriceHt: 7100, name: 'Examen blanc', reference: 'PART-BLANC-EXAMEN' });
  const onsite = await makeProduct(kit.db, spaceId, { examType: 'official-onsite', unitPriceHt: 9900, name: 'Examen officiel', reference: 'PART-OFFICIEL-SITE' });
  const place = async (at: string, lines: { productId: string; quantity: number }[]) => {
    kit.clock.set(at);
    const res = await kit.call('POST', '/orders', { cookie, body: { lines } });
    expect(res.status).toBe(201);
    return res.json as Order;
  };
  const jan = await place('2026-01-05T10:00:00Z', [{ productId: blank.id, quantity: 10 }]);
  const jan2 = await place('2026-01-05T10:00:00Z', [{ productId: onsite.id, quantity: 3 }, { productId: blank.id, quantity: 1 }]);
  const feb = await place('2026-02-12T10:00:00Z', [{ productId: onsite.id, quantity: 2 }]);
  const feb2 = await place('2026-02-20T10:00:00Z', [{ productId: blank.id, quantity: 5 }]);
  await place('2026-03-01T10:00:00Z', [{ productId: onsite.id, quantity: 4 }]);
  await place('2026-03-02T10:00:00Z', [{ productId: blank.id, quantity: 7 }, { productId: onsite.id, quantity: 1 }]);
  await place('2026-03-09T10:00:00Z', [{ productId: blank.id, quantity: 1 }]);
  kit.clock.set('2026-03-10T09:00:00Z');
  for (const order of [jan, jan2, feb]) await deliverOrder(deps, order.id);
  await cancelOrder(deps, feb2.id);
  // Every credit of February's delivered order is used: it moves to the history.
  await kit.db.creditLot.updateMany({ where: { orderId: feb.id }, data: { remaining: 0 } });

  // Activation codes: partner-supervised exams (credits from one more delivered order), one candidate named like a formula.
  await makeLot(kit.db, spaceId, { examType: 'official-onsite', quantity: 20, expiresAt: LATE });
  const names = ['=HYPERLINK("http://x")', 'Bonnet', 'Lambert', 'Henry', 'Garnier'];
  const ids: string[] = [];
  for (const [i, lastName] of names.entries()) {
    const candidate = await makeCandidate(kit.db, spaceId, { lastName, firstName: ['Anaïs', 'Bruno', 'Chloé', 'David'][i % 4] });
    const res = await kit.call('POST', `/candidates/${candidate.id}/assignment`, { cookie, body: { examType: 'official-onsite', scheduledAt: `2026-03-${String(20 + i)}` } });
    expect(res.status).toBe(201);
    ids.push(candidate.id);
  }
  codeIds = { formula: ids[0]!, plain: ids.slice(1) };
  await makeCandidate(kit.db, spaceId, { lastName: 'Sans-Code' });
});
afterAll(() => closeAll());

describe('GET /orders/export.csv (§4.2), streamed', () => {
  it.each([
    ['', 'the whole table'],
    ['section=to_validate', '« À valider »'],
    ['section=to_consume', '« À consommer »'],
    ['section=history', '« Historique »'],
    ['examType=official-onsite', 'an exam type'],
    ['q=officiel', 'a search on the product'],
    ['q=2026-0000', 'a search on the number'],
    ['from=2026-02-01&to=2026-03-01', 'a period'],
    ['examType=blank-remote&from=2026-01-01&section=to_consume', 'several filters'],
  ])('R20 under %s (%s) exports the filtered listing, row for row', async (query) => {
    const listed = await pagesOf<Order>(`/orders${query ? `?${query}` : ''}`, query ? '&' : '?');
    const res = await download(`/orders/export.csv${query ? `?${query}` : ''}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe(toCsv(ORDER_COLUMNS, orderLineRows(listed)));
    if (query === '') expect(listed.map((o) => o.section)).toEqual(['to_validate', 'to_validate', 'to_validate', 'to_consume', 'to_consume', 'to_consume', 'history', 'history']);
  });

  it.each([{}, { section: 'history' as const }, { q: 'blanc' }, { examType: 'official-onsite', from: '2026-01-05', to: '2026-01-05' }])(
    'R20 walks keyset pages one order at a time and gives the listing’s orders in its order (%j)',
    async (filters) => {
      const labels = new Map((await loadExamTypes(kit.db)).map((t) => [t.id, t.label]));
      const streamed: Order[] = [];
      for await (const order of orderRows(deps, spaceId, filters, labels, { pageSize: 1 })) streamed.push(order);
      expect(streamed).toEqual(await queryOrders(deps, spaceId, filters, labels));
    },
  );

  it('is an uncached download named commandes-<day>.csv', async () => {
    const res = await kit.call('GET', '/orders/export.csv', { cookie });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="commandes-2026-03-10.csv"');
  });
});

describe('GET /activation-codes/export.csv (§6.7), streamed', () => {
  it.each([
    ['', 'every live code'],
    ['q=a', 'a search'],
    ['status=scheduled', 'a status'],
    ['from=2026-03-21&to=2026-03-23', 'a period'],
  ])('R20 R15 under %s (%s) exports the filtered listing, row for row', async (query) => {
    const listed = await pagesOf<ActivationCodeRow>(`/activation-codes${query ? `?${query}` : ''}`, query ? '&' : '?');
    const res = await download(`/activation-codes/export.csv${query ? `?${query}` : ''}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe(toCsv(ACTIVATION_CODE_COLUMNS, listed));
    if (query === '') expect(listed).toHaveLength(5);
  });

  it('R20 R15 exports a selection page after page in the listing’s order', async () => {
    const selection = [codeIds.plain[2]!, codeIds.formula, codeIds.plain[0]!];
    const rows: ActivationCodeRow[] = [];
    for await (const row of await activationCodeRows(deps, spaceId, { candidateIds: selection }, { pageSize: 1 })) rows.push(row);
    const listed = await kit.call('GET', `/activation-codes?candidateIds=${selection.join(',')}`, { cookie });
    expect(rows).toEqual(listed.json.data);
    expect(rows.map((r) => r.candidateId).sort()).toEqual([...selection].sort());
  });

  it('R20 neutralises a last name =HYPERLINK("http://x") so a spreadsheet reads it as text', async () => {
    const res = await download(`/activation-codes/export.csv?candidateIds=${codeIds.formula}`);
    const line = res.text.split('\r\n')[1]!;
    expect(line.startsWith(`"'=HYPERLINK(""http://x"")";Anaïs;`)).toBe(true);
  });

  it('R15 refuses a selection holding a candidate without a code before any byte of CSV (409 not_eligible)', async () => {
    const without = (await kit.db.candidate.findFirstOrThrow({ where: { spaceId, lastName: 'Sans-Code' } })).id;
    const res = await download(`/activation-codes/export.csv?candidateIds=${codeIds.plain[0]},${without}`);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.json).toMatchObject({ code: 'not_eligible', candidateIds: [without] });
  });
});

describe('every CSV export (R20)', () => {
  it.each([
    ['/orders/export.csv', /^attachment; filename="commandes-2026-03-10\.csv"$/],
    ['/activation-codes/export.csv', /^attachment; filename="codes-activation-2026-03-10\.csv"$/],
    ['/candidates/export.csv', /^attachment; filename="candidats-2026-03-10\.csv"$/],
    ['/groups/export.csv', /^attachment; filename="groupes-2026-03-10\.csv"$/],
    ['/groups/:id/candidates/export.csv', /^attachment; filename="candidats-du-groupe-session-oe-x-2026-03-10\.csv"$/],
  ])('R20 %s answers an uncached CSV download with a safe ASCII file name', async (path, disposition) => {
    let target = path;
    if (path.includes(':id')) {
      const group = await kit.call('POST', '/groups', { cookie, body: { name: 'Session « Œ » "x"/..\\', category: 'exam_session' } });
      expect(group.status).toBe(201);
      target = path.replace(':id', group.json.id);
    }
    const res = await download(target);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toMatch(disposition);
    expect(res.text.startsWith('\uFEFF')).toBe(true);
  });
});
