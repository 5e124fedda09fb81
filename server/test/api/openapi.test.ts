import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import type { Db } from '../../src/db/client.js';

/** The document partners generate clients from: built from the routes alone (no database touched). */
async function documentOf() {
  const app = createApp({ db: {} as Db, siteDir: null, config: { log: () => undefined } });
  return (await (await app.request('/api/v1/openapi.json')).json()) as {
    info: { license?: { name?: string } };
    paths: Record<string, Record<string, { operationId?: string; summary?: string; responses: Record<string, unknown> }>>;
  };
}

describe('/openapi.json: a document a client generator can use', () => {
  it('names every operation once, in camelCase, with a summary', async () => {
    const doc = await documentOf();
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ at: `${method.toUpperCase()} ${path}`, ...op })));
    expect(operations.length).toBeGreaterThanOrEqual(63);
    const missing = operations.filter((op) => !op.operationId || !/^[a-z][A-Za-z]+$/.test(op.operationId)).map((op) => op.at);
    expect(missing).toEqual([]);
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operations.filter((op) => !op.summary).map((op) => op.at)).toEqual([]);
  });

  it('lists the problems each operation may answer (every one but the health check has a 4xx), and the licence', async () => {
    const doc = await documentOf();
    const without4xx = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => !Object.keys(op.responses).some((status) => status.startsWith('4')))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(without4xx).toEqual(['GET /healthz']);
    expect(doc.info.license?.name).toBe('MIT');
  });
});
