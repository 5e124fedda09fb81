/**
 * `npm run openapi -w server [-- out.json]`: writes the API's OpenAPI document
 * (`GET /api/v1/openapi.json`, generated from the routes' schemas) to a file,
 * for a linter or a client generator. No database is opened.
 */
import { writeFileSync } from 'node:fs';
import { createApp } from '../src/app.js';
import type { Db } from '../src/db/client.js';

const out = process.argv[2] ?? 'openapi.json';
// The document is built from the route definitions alone: no handler runs, no query is made.
const app = createApp({ db: {} as Db, siteDir: null, config: { log: () => undefined } });
const response = await app.request('/api/v1/openapi.json');
if (!response.ok) throw new Error(`openapi.json: HTTP ${response.status}`);
writeFileSync(out, `${JSON.stringify(await response.json(), null, 2)}\n`);
console.log(`OpenAPI → ${out}`);
