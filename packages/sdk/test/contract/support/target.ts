/**
 * Which API the contract scenarios run against, the same way for both:
 * `contract-server` (the real server, started by server-target.ts in Vitest's
 * main process, reached over HTTP) and `contract-mocks` (the MSW handlers of
 * `@clr/mocks`, installed in the test process by mocks-target.ts).
 *
 * Scenarios speak to the target through the SDK only. The one thing they ask
 * of the harness is the clock: R19 (expiry) needs time to pass.
 */
import { inject } from 'vitest';

export interface DemoLogins {
  demoAdmin: { email: string; password: string };
  otherAdmin: { email: string; password: string };
  operator: { email: string; password: string };
  integrationKey: string;
}

/** What the server's global setup hands the test files (serialisable). */
export interface ServerTargetInfo {
  kind: 'server';
  baseUrl: string;
  /** `POST { offsetMs }` moves the server's clock. */
  clockUrl: string;
  logins: DemoLogins;
}

export interface ContractTarget {
  kind: 'server' | 'mocks';
  baseUrl: string;
  logins: DemoLogins;
  /** Moves the target's clock `ms` ahead of real time (0 puts it back). */
  setClockOffset(ms: number): Promise<void>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    contractServer: ServerTargetInfo | null;
  }
}

declare global {
  var __clrContractTarget: ContractTarget | undefined;
}

/** The documented demo logins (issue 3), which the mocks' demo state reproduces. */
export const DEMO_LOGINS: DemoLogins = {
  demoAdmin: { email: 'admin@demo.test', password: 'Demo-admin-1' },
  otherAdmin: { email: 'admin@autre.test', password: 'Autre-admin-1' },
  operator: { email: 'operator@clr.test', password: 'Operator-1' },
  integrationKey: 'clr_int_demo',
};

let cached: ContractTarget | undefined;

export function target(): ContractTarget {
  if (cached) return cached;
  if (globalThis.__clrContractTarget) return (cached = globalThis.__clrContractTarget);
  let info: ServerTargetInfo | null = null;
  try {
    info = inject('contractServer');
  } catch {
    info = null;
  }
  if (!info) throw new Error('No contract target: run the contract-server or contract-mocks Vitest project.');
  const { clockUrl } = info;
  cached = {
    kind: 'server',
    baseUrl: info.baseUrl,
    logins: info.logins,
    async setClockOffset(ms) {
      const response = await fetch(clockUrl, { method: 'POST', body: JSON.stringify({ offsetMs: ms }), headers: { 'content-type': 'application/json' } });
      if (!response.ok) throw new Error(`clock control answered ${response.status}`);
    },
  };
  return cached;
}
