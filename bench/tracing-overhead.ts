// The tracing-overhead section of `npm run bench`, for issue #7's acceptance line:
// "the interpreter speed with tracing compiled in but off within 3% of a build
// without it". The two builds (tracing-bundles.ts) are timed against each other on
// compute programs (where the hooks are per slice), with the JS tier and in the
// interpreter alone, and on null_syscall, the worst case for the hooks every system
// call passes. Each program runs in a child process that holds both builds
// (tracing-child.ts: CPU time, interleaved runs); the figures are medians, the
// overhead the median of the per-round ratios.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { median, rmePercent } from './stats.js';
import { BENCHMARKS } from './suite.js';
import { buildTracingBundles } from './tracing-bundles.js';
import type { TracingChildSpec, TracingSamples } from './tracing-child.js';

export const TRACING_TARGET_PERCENT = 3;
export const TRACING_WARMUPS = 3;

/** A benchmark program, whether the JS tier is on (off: the interpreter alone), its
 *  argv[1] and the number of rounds: runs of ~20-50 ms, ~5 s per case, since many
 *  short runs give steadier medians on a busy machine than a few long ones. */
interface TracingCase {
  readonly name: string;
  readonly jit: boolean;
  readonly arg: string;
  readonly rounds: number;
}

const CASES: readonly TracingCase[] = [
  { name: 'loop', jit: true, arg: '2000000', rounds: 60 },
  { name: 'fib', jit: true, arg: '28', rounds: 60 },
  { name: 'loop', jit: false, arg: '500000', rounds: 50 },
  { name: 'null_syscall', jit: true, arg: '500000', rounds: 30 },
];

export interface VariantFigure {
  /** median CPU ns per op */
  nsPerOp: number;
  rmePercent: number;
  samples: number;
}

export interface TracingRow {
  name: string;
  jit: boolean;
  /** argv[1] of the program */
  arg: string;
  rounds: number;
  with: VariantFigure;
  without: VariantFigure;
  /** the median over rounds of with / without, less 1, in percent */
  overheadPercent: number;
  /** rme of those per-round ratios */
  overheadRmePercent: number;
  met: boolean;
}

export interface TracingResult {
  warmups: number;
  targetPercent: number;
  rows: TracingRow[];
  met: boolean;
}

function figure(samples: number[]): VariantFigure {
  return { nsPerOp: median(samples), rmePercent: rmePercent(samples), samples: samples.length };
}

/** Runs one case in a child process; throws with the child's message if it fails. */
function runCase(c: TracingCase, root: string, files: TracingChildSpec['files']): TracingRow {
  const spec = BENCHMARKS.find((s) => s.name === c.name);
  if (!spec) throw new Error(`no benchmark ${c.name}`);
  const childSpec: TracingChildSpec = {
    files,
    source: join(root, 'bench', 'programs', `${spec.name}.c`),
    argv: [spec.name, c.arg],
    memBytes: spec.memBytes,
    warmups: TRACING_WARMUPS,
    rounds: c.rounds,
  };
  const child = spawnSync(process.execPath, ['--single-threaded', join(root, 'dist', 'bench', 'tracing-child.js'), JSON.stringify(childSpec)], {
    encoding: 'utf8',
    env: { ...process.env, IPCVM_JIT: c.jit ? 'on' : 'off' },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`${c.name}: ${(child.stderr || String(child.error ?? `status ${child.status}`)).trim().split('\n')[0]}`);
  const samples = JSON.parse(child.stdout) as TracingSamples;
  const overheadPercent = (median(samples.ratios) - 1) * 100;
  return {
    name: c.name,
    jit: c.jit,
    arg: c.arg,
    rounds: c.rounds,
    with: figure(samples.with),
    without: figure(samples.without),
    overheadPercent,
    overheadRmePercent: rmePercent(samples.ratios),
    met: overheadPercent <= TRACING_TARGET_PERCENT,
  };
}

/** The section's figures. Throws when the builds cannot be made (no esbuild, no
 *  dist/bench/vm-run.js) or a run fails or prints other than the reference output. */
export async function measureTracingOverhead(root: string, log: (text: string) => void): Promise<TracingResult> {
  const outDir = join(root, 'dist', 'bench-tracing');
  mkdirSync(outDir, { recursive: true });
  const files = await buildTracingBundles(join(root, 'dist', 'bench', 'vm-run.js'), outDir);
  const rows: TracingRow[] = [];
  for (const c of CASES) {
    log(`tracing overhead: ${c.name}${c.jit ? '' : ' (no JIT)'} ...`);
    const row = runCase(c, root, files);
    log(` ${row.overheadPercent >= 0 ? '+' : ''}${row.overheadPercent.toFixed(1)}%\n`);
    rows.push(row);
  }
  return { warmups: TRACING_WARMUPS, targetPercent: TRACING_TARGET_PERCENT, rows, met: rows.every((r) => r.met) };
}
