/**
 * Throughput of the two things the server does at scale:
 * - the candidates export (§6.2) of 100,000 rows through `csvStream`, the way a
 *   route streams it: rows pulled one by one from a generator (standing for the
 *   database cursor; the rows are made before the clock starts, so the figure
 *   is the writer's), bytes out, the heap watched while it runs;
 * - one merged PDF of 1,000 attendance certificates (§6.12), default options.
 * Prints figures and the targets; it asserts nothing (STYLE: a benchmark is a
 * script that prints figures). Run: npm run bench -w packages/documents
 */
import os from 'node:os';
import { CANDIDATE_COLUMNS, buildMergedDocument, csvStream } from '../src/index.js';
import { candidateNumber, candidateRow } from '../test/fixtures.js';

const CSV_ROWS = 100_000;
const PDF_PAGES = 1_000;
const CSV_TARGET = 250_000;
const PDF_TARGET = 800;
const RUNS = 7;
const WARM_UP = 3;

const ROWS = Array.from({ length: CSV_ROWS }, (_, i) => candidateRow(i));

function* cursor() {
  for (const row of ROWS) yield row;
}

/** Wall-clock and CPU time of a run: the machine is shared, CPU time is the steadier figure. */
function clock() {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wall: (performance.now() - wall) / 1000, cpu: (used.user + used.system) / 1e6 };
  };
}

async function csvRun(): Promise<{ wall: number; cpu: number; bytes: number; heapGrowthMb: number }> {
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  let bytes = 0;
  let chunks = 0;
  const stop = clock();
  const reader = csvStream(CANDIDATE_COLUMNS, cursor()).getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    bytes += next.value.byteLength;
    if (++chunks % 10 === 0) heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }
  return { ...stop(), bytes, heapGrowthMb: (heapPeak - heapBefore) / 2 ** 20 };
}

const ITEMS = Array.from({ length: PDF_PAGES }, (_, i) => candidateNumber(i + 1));

function pdfRun(compress: boolean): { wall: number; cpu: number; bytes: number } {
  const stop = clock();
  const pdf = buildMergedDocument('attendance', ITEMS, { compress });
  return { ...stop(), bytes: pdf.byteLength };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const verdict = (value: number, target: number) => (value >= target ? 'meets' : 'BELOW');


function report(unit: string, count: number, target: number, runs: { wall: number; cpu: number }[]): void {
  const wall = median(runs.map((r) => count / r.wall));
  const cpu = median(runs.map((r) => count / r.cpu));
  console.log(`     ${unit}/s per run (wall clock): ${runs.map((r) => int(count / r.wall)).join(', ')}`);
  console.log(`     median ${int(wall)} ${unit}/s wall clock, ${int(cpu)} ${unit}/s of CPU time (target ≥ ${int(target)}: ${verdict(wall, target)} on the wall clock, ${verdict(cpu, target)} on CPU time)`);
}

// Each phase lets the JIT settle before the clock counts, and runs apart from the other.
for (let i = 0; i < WARM_UP; i++) await csvRun();
const csv = [];
for (let i = 0; i < RUNS; i++) csv.push(await csvRun());
console.log(`CSV  candidates export, ${int(CSV_ROWS)} rows via csvStream, ${RUNS} runs`);
report('rows', CSV_ROWS, CSV_TARGET, csv);
console.log(`     ${(csv[0]!.bytes / 2 ** 20).toFixed(1)} MiB out; heap growth while streaming ≤ ${median(csv.map((r) => r.heapGrowthMb)).toFixed(1)} MiB`);

for (let i = 0; i < WARM_UP; i++) pdfRun(true);
for (const compress of [true, false]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(pdfRun(compress));
  console.log(`PDF  ${int(PDF_PAGES)} attendance certificates merged, ${compress ? 'compressed (default)' : 'uncompressed'}, ${RUNS} runs, ${(runs[0]!.bytes / 2 ** 20).toFixed(2)} MiB`);
  report('pages', PDF_PAGES, PDF_TARGET, runs);
}
console.log(`load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.availableParallelism()} CPUs`);
