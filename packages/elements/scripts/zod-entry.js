// What `import { z } from 'zod'` (and `import { config } from 'zod'`) gives in
// the one-tag bundle: zod-on-mini.js, by name and as the namespace `z`.
export * from './zod-on-mini.js';
export * as z from './zod-on-mini.js';
