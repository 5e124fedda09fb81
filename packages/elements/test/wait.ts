import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

/**
 * Waits on a condition (polled each frame) — never a fixed sleep. Up to 20 s by
 * default: open-wc's 1 s is too short when CI runs the test files side by side
 * on a loaded 2-core machine; the limit bounds a hang, it measures nothing.
 */
export function waitUntil(predicate: () => unknown, message?: string, options: { timeout?: number; interval?: number } = {}): Promise<void> {
  return openWcWaitUntil(predicate, message, { ...options, timeout: options.timeout ?? 20_000 });
}
