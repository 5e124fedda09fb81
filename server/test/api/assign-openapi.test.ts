import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll } from '../support/db.js';
import { makeKit, type TestKit } from './helpers.js';

/** The routes of assignments, codes, attempts and the integration appear in the generated OpenAPI document. */
let kit: TestKit;
beforeAll(async () => {
  kit = await makeKit();
});
afterAll(() => closeAll());

describe('GET /openapi.json', () => {
  it('documents the assignment, session, code, attempt and integration routes from their schemas', async () => {
    const res = await kit.call('GET', '/openapi.json');
    expect(res.status).toBe(200);
    const paths = Object.keys(res.json.paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/candidates/{id}/assignment',
        '/assignments/bulk',
        '/assignments/bulk-delete',
        '/assignments/eligible',
        '/exam-sessions',
        '/activation-codes',
        '/activation-codes/candidates',
        '/candidates/{id}/attempts',
        '/integration/candidates/login',
        '/integration/attempts',
        '/integration/attempts/{id}/score',
        '/integration/attempts/{id}/validation',
      ]),
    );
    expect(Object.keys(res.json.paths['/candidates/{id}/assignment'])).toEqual(expect.arrayContaining(['post', 'put', 'delete']));
    expect(res.json.paths['/integration/attempts'].post.security).toEqual([{ integrationKey: [] }]);
    expect(res.json.paths['/assignments/bulk'].post.requestBody.content['application/json'].schema).toBeDefined();
  });
});
