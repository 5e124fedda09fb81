import { describe, expect, it } from 'vitest';
import { createClient, type ClrClient } from '../client.js';
import { fakeApi, noContent } from '../../test/support/fake-api.js';

/**
 * Each method speaks the route of SPEC §4: method, path, query and body. The
 * answers are not the point here (the contract suite checks them), so every
 * call gets an empty 204 and its parse failure is ignored.
 */
const calls: [string, (c: ClrClient) => Promise<unknown>, string, unknown?][] = [
  ['auth.login', (c) => c.auth.login({ email: 'a@b.fr', password: 'x' }), 'POST /api/v1/auth/login', { email: 'a@b.fr', password: 'x' }],
  ['auth.logout', (c) => c.auth.logout(), 'POST /api/v1/auth/logout'],
  ['auth.requestPasswordReset', (c) => c.auth.requestPasswordReset({ email: 'a@b.fr' }), 'POST /api/v1/auth/password-reset', { email: 'a@b.fr' }],
  ['auth.confirmPasswordReset', (c) => c.auth.confirmPasswordReset({ token: 't', password: 'p', confirmation: 'p' }), 'POST /api/v1/auth/password-reset/confirm'],
  ['me.retrieve', (c) => c.me.retrieve(), 'GET /api/v1/me'],
  ['me.update', (c) => c.me.update({ firstName: 'Léa' }), 'PATCH /api/v1/me', { firstName: 'Léa' }],
  ['me.changePassword', (c) => c.me.changePassword({ currentPassword: 'a', newPassword: 'b', confirmation: 'b' }), 'PUT /api/v1/me/password'],
  ['dashboard.get', (c) => c.dashboard.get(), 'GET /api/v1/dashboard'],
  ['examTypes.list', (c) => c.examTypes.list(), 'GET /api/v1/exam-types'],
  ['products.list', (c) => c.products.list(), 'GET /api/v1/products'],
  ['stock.get', (c) => c.stock.get(), 'GET /api/v1/stock'],
  ['orders.list', (c) => c.orders.list({ section: 'history', q: 'P2019' }), 'GET /api/v1/orders?section=history&q=P2019'],
  ['orders.retrieve', (c) => c.orders.retrieve('o1'), 'GET /api/v1/orders/o1'],
  ['orders.create', (c) => c.orders.create({ lines: [{ productId: 'p1', quantity: 4 }] }), 'POST /api/v1/orders', { lines: [{ productId: 'p1', quantity: 4 }] }],
  ['orders.checkout', (c) => c.orders.checkout('o1'), 'POST /api/v1/orders/o1/checkout'],
  ['orders.exportCsv', (c) => c.orders.exportCsv({ examType: 'blank-remote' }), 'GET /api/v1/orders/export.csv?examType=blank-remote'],
  ['groups.list', (c) => c.groups.list({ category: 'class', sort: '-createdAt' }), 'GET /api/v1/groups?category=class&sort=-createdAt'],
  ['groups.retrieve', (c) => c.groups.retrieve('g1'), 'GET /api/v1/groups/g1'],
  ['groups.create', (c) => c.groups.create({ name: 'Classe A', category: 'class' }), 'POST /api/v1/groups', { name: 'Classe A', category: 'class' }],
  ['groups.update', (c) => c.groups.update('g1', { hidden: true }), 'PATCH /api/v1/groups/g1', { hidden: true }],
  ['groups.delete', (c) => c.groups.delete('g1'), 'DELETE /api/v1/groups/g1'],
  ['groups.candidates', (c) => c.groups.candidates('g1', { status: 'taken' }), 'GET /api/v1/groups/g1/candidates?status=taken'],
  ['groups.associable', (c) => c.groups.associable('g1', { q: 'mar' }), 'GET /api/v1/groups/g1/associable?q=mar'],
  ['groups.addMembers', (c) => c.groups.addMembers('g1', ['c1', 'c2']), 'POST /api/v1/groups/g1/members', { candidateIds: ['c1', 'c2'] }],
  ['groups.removeMember', (c) => c.groups.removeMember('g1', 'c1'), 'DELETE /api/v1/groups/g1/members/c1'],
  ['groups.exportCsv', (c) => c.groups.exportCsv({ q: 'promo' }), 'GET /api/v1/groups/export.csv?q=promo'],
  ['groups.exportCandidatesCsv', (c) => c.groups.exportCandidatesCsv('g1', { status: 'taken' }), 'GET /api/v1/groups/g1/candidates/export.csv?status=taken'],
  ['candidates.list', (c) => c.candidates.list({ groupId: 'g1', includeHidden: false }), 'GET /api/v1/candidates?groupId=g1&includeHidden=false'],
  ['candidates.retrieve', (c) => c.candidates.retrieve('c1'), 'GET /api/v1/candidates/c1'],
  ['candidates.update', (c) => c.candidates.update('c1', { misc: { motherTongue: 'fr' } }), 'PATCH /api/v1/candidates/c1', { misc: { motherTongue: 'fr' } }],
  ['candidates.delete', (c) => c.candidates.delete('c1'), 'DELETE /api/v1/candidates/c1'],
  ['candidates.exportCsv', (c) => c.candidates.exportCsv({ status: 'taken', sort: '-date' }), 'GET /api/v1/candidates/export.csv?status=taken&sort=-date'],
  ['assignments.assign', (c) => c.assignments.assign('c1', { examType: 'blank-onsite', scheduledAt: '2026-06-15' }), 'POST /api/v1/candidates/c1/assignment', { examType: 'blank-onsite', scheduledAt: '2026-06-15' }],
  ['assignments.modify', (c) => c.assignments.modify('c1', { examType: 'official-laposte', sessionId: 's1' }), 'PUT /api/v1/candidates/c1/assignment', { examType: 'official-laposte', sessionId: 's1' }],
  ['assignments.remove', (c) => c.assignments.remove('c1'), 'DELETE /api/v1/candidates/c1/assignment'],
  ['assignments.bulk', (c) => c.assignments.bulk({ candidateIds: ['c1'], examType: 'blank-remote' }), 'POST /api/v1/assignments/bulk', { candidateIds: ['c1'], examType: 'blank-remote' }],
  ['assignments.bulkRemove', (c) => c.assignments.bulkRemove({ candidateIds: ['c1'], notify: true }), 'POST /api/v1/assignments/bulk-delete', { candidateIds: ['c1'], notify: true }],
  ['assignments.eligible', (c) => c.assignments.eligible({ action: 'assign', examType: 'blank-remote' }), 'GET /api/v1/assignments/eligible?action=assign&examType=blank-remote'],
  ['examSessions.list', (c) => c.examSessions.list({ city: 'Lyon' }), 'GET /api/v1/exam-sessions?city=Lyon'],
  ['codes.list', (c) => c.codes.list({ candidateIds: ['c1', 'c2'] }), 'GET /api/v1/activation-codes?candidateIds=c1%2Cc2'],
  ['codes.candidates', (c) => c.codes.candidates({ q: 'dupont' }), 'GET /api/v1/activation-codes/candidates?q=dupont'],
  ['codes.exportCsv', (c) => c.codes.exportCsv({ groupId: 'g1' }), 'GET /api/v1/activation-codes/export.csv?groupId=g1'],
  ['attempts.list', (c) => c.attempts.list('c1'), 'GET /api/v1/candidates/c1/attempts'],
  ['documents.eligible', (c) => c.documents.eligible('attendance', { q: 'x' }), 'GET /api/v1/documents/attendance/eligible?q=x'],
  ['documents.download', (c) => c.documents.download('registration', ['c1']), 'GET /api/v1/documents/registration?candidateIds=c1'],
  ['operator.listOrders', (c) => c.operator.listOrders({ status: 'pending' }), 'GET /api/v1/operator/orders?status=pending'],
  ['operator.deliverOrder', (c) => c.operator.deliverOrder('o1'), 'POST /api/v1/operator/orders/o1/deliver'],
  ['operator.cancelOrder', (c) => c.operator.cancelOrder('o1'), 'POST /api/v1/operator/orders/o1/cancel'],
  ['integration.candidateLogin', (c) => c.integration.candidateLogin({ email: 'a@b.fr', password: 'x' }), 'POST /api/v1/integration/candidates/login'],
  ['integration.startAttempt', (c) => c.integration.startAttempt({ activationCode: 'BCDFGHJK' }), 'POST /api/v1/integration/attempts', { activationCode: 'BCDFGHJK' }],
  ['integration.postScore', (c) => c.integration.postScore('a1', { score: 617, takenAt: '2026-03-10T09:00:00Z' }), 'POST /api/v1/integration/attempts/a1/score'],
  ['integration.postValidation', (c) => c.integration.postValidation('a1', { decision: 'validated' }), 'POST /api/v1/integration/attempts/a1/validation', { decision: 'validated' }],
  ['apiKeys.list', (c) => c.apiKeys.list(), 'GET /api/v1/api-keys'],
  ['apiKeys.create', (c) => c.apiKeys.create({ name: 'SI RH' }), 'POST /api/v1/api-keys', { name: 'SI RH' }],
  ['apiKeys.delete', (c) => c.apiKeys.delete('k1'), 'DELETE /api/v1/api-keys/k1'],
  ['apiKeys.createEmbedToken', (c) => c.apiKeys.createEmbedToken({ origin: 'https://intranet.exemple.fr' }), 'POST /api/v1/embed-tokens'],
  ['embedOrigins.list', (c) => c.embedOrigins.list(), 'GET /api/v1/embed-origins'],
  ['embedOrigins.replace', (c) => c.embedOrigins.replace(['https://intranet.exemple.fr']), 'PUT /api/v1/embed-origins', { origins: ['https://intranet.exemple.fr'] }],
  ['public.verify', (c) => c.public.verify('BCDFGHJKMP'), 'GET /api/v1/public/verify/BCDFGHJKMP'],
  ['meta.health', (c) => c.meta.health(), 'GET /api/v1/healthz'],
];

describe('every resource method calls its route (SPEC §4)', () => {
  it.each(calls)('%s → %s', async (_name, call, route, body) => {
    const api = fakeApi(noContent());
    const client = createClient({ baseUrl: 'https://clr.test', auth: { kind: 'apiKey', key: 'k' }, fetch: api.fetch, retry: false });
    await call(client).catch(() => undefined);
    expect(api.sent).toHaveLength(1);
    const sent = api.sent[0]!;
    expect(`${sent.method} ${sent.url.pathname}${sent.url.search}`).toBe(route);
    if (body !== undefined) expect(sent.body).toEqual(body);
  });
});
