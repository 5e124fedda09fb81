import { rmSync } from 'node:fs';

/** The temporary folder of the run's SQLite file goes with the run. */
export default function teardown(): void {
  const dir = process.env.CLR_E2E_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
