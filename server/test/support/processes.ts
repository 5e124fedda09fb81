/**
 * Several server processes on one database: spawns contention-worker.ts once per
 * group of candidates with tsx, starts them together once all are ready, and
 * collects each one's counts.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ContentionResult } from './fixtures.js';

const WORKER = fileURLToPath(new URL('./contention-worker.ts', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx');

interface Worker {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<void>;
  done: Promise<ContentionResult>;
}

function startWorker(args: string[]): Worker {
  const child = spawn(process.execPath, ['--conditions=@clr/source', '--import', TSX, WORKER, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: process.env });
  let stdout = '';
  let stderr = '';
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (stdout.includes('ready\n')) markReady();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const done = new Promise<ContentionResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code === 0 && last.startsWith('{')) resolve(JSON.parse(last) as ContentionResult);
      else reject(new Error(`worker exited with ${code}\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });
  // A worker that dies before it is ready must not leave the test waiting.
  done.catch(() => markReady());
  return { child, ready, done };
}

/** Runs one worker per candidate group, all released at once; returns each one's counts. */
export async function contendInProcesses(
  url: string,
  mode: 'credit' | 'seat',
  spaceId: string,
  targetId: string,
  groups: string[][],
): Promise<ContentionResult[]> {
  const workers = groups.map((ids) => startWorker([url, mode, spaceId, targetId, ids.join(',')]));
  await Promise.all(workers.map((w) => w.ready));
  for (const w of workers) w.child.stdin.write('go\n');
  for (const w of workers) w.child.stdin.end();
  return Promise.all(workers.map((w) => w.done));
}
