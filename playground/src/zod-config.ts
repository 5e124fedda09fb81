/**
 * Imported first by `main.ts`, before any schema is built: zod would otherwise
 * probe `new Function('')` when the first object schema is created (to compile
 * fast parsers), and the site's Content-Security-Policy (no `unsafe-eval`)
 * reports that probe as a violation on every page. Without eval zod parses
 * the same way, interpreted.
 */
import { z } from 'zod';

z.config({ jitless: true });
