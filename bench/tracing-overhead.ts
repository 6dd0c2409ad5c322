// The tracing-overhead section of `npm run bench`, for issue #7's acceptance line:
// "the interpreter speed with tracing compiled in but off within 3% of a build
// without it". The two builds (tracing-bundles.ts) are timed against each other on
// compute programs (where the hooks are per slice), with the JS tier and in the
// interpreter alone, and on null_syscall, the worst case for the hooks every system
// call passes. Each program runs in two child processes that hold both builds
// (tracing-child.ts: CPU time, interleaved runs), one loading the build with
// tracing first, the other the build without: the overhead is the geometric mean of
// the two processes' median per-round ratios, which cancels the advantage the order
// gives one build. Figures per build are medians over both processes.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { median, medianInterval, rmePercent } from './stats.js';
import { BENCHMARKS } from './suite.js';
import { buildTracingBundles, TRACING_VARIANTS, type TracingVariant } from './tracing-bundles.js';
import type { TracingChildSpec, TracingSamples } from './tracing-child.js';

export const TRACING_TARGET_PERCENT = 3;
export const TRACING_WARMUPS = 5;

/** A benchmark program, whether the JS tier is on (off: the interpreter alone), its
 *  argv[1] and the rounds per process. Runs of ~10 ms, ~3 s per process: on a busy
 *  machine many short runs, finely interleaved, give a far steadier median ratio
 *  than a few long ones. */
interface TracingCase {
  readonly name: string;
  readonly jit: boolean;
  readonly arg: string;
  readonly rounds: number;
}

const CASES: readonly TracingCase[] = [
  { name: 'loop', jit: true, arg: '1000000', rounds: 60 },
  { name: 'fib', jit: true, arg: '27', rounds: 60 },
  { name: 'loop', jit: false, arg: '200000', rounds: 60 },
  { name: 'null_syscall', jit: true, arg: '100000', rounds: 60 },
];

export interface VariantFigure {
  /** median CPU ns per op */
  nsPerOp: number;
  rmePercent: number;
  samples: number;
}

/** One process's estimate: the median per-round ratio with/without, less 1, and its
 *  95% confidence interval, in percent. */
export interface OrderEstimate {
  overheadPercent: number;
  intervalPercent: [number, number];
}

export interface TracingRow {
  name: string;
  jit: boolean;
  /** argv[1] of the program */
  arg: string;
  /** rounds per process */
  rounds: number;
  with: VariantFigure;
  without: VariantFigure;
  /** the estimate of the process that loaded this build first */
  byFirst: Record<TracingVariant, OrderEstimate>;
  /** geometric mean of the two estimates' ratios, less 1, in percent */
  overheadPercent: number;
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

const percent = (ratio: number) => (ratio - 1) * 100;

/** Runs one process of a case; throws with the child's message if it fails. */
function runChild(c: TracingCase, root: string, files: TracingChildSpec['files'], first: TracingVariant): TracingSamples {
  const spec = BENCHMARKS.find((s) => s.name === c.name);
  if (!spec) throw new Error(`no benchmark ${c.name}`);
  const childSpec: TracingChildSpec = {
    files,
    source: join(root, 'bench', 'programs', `${spec.name}.c`),
    argv: [spec.name, c.arg],
    memBytes: spec.memBytes,
    first,
    warmups: TRACING_WARMUPS,
    rounds: c.rounds,
  };
  const child = spawnSync(process.execPath, ['--single-threaded', join(root, 'dist', 'bench', 'tracing-child.js'), JSON.stringify(childSpec)], {
    encoding: 'utf8',
    env: { ...process.env, IPCVM_JIT: c.jit ? 'on' : 'off' },
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`${c.name}: ${(child.stderr || String(child.error ?? `status ${child.status}`)).trim().split('\n')[0]}`);
  return JSON.parse(child.stdout) as TracingSamples;
}

function runCase(c: TracingCase, root: string, files: TracingChildSpec['files']): TracingRow {
  const runs = TRACING_VARIANTS.map((first) => runChild(c, root, files, first));
  const estimate = (s: TracingSamples): OrderEstimate => ({
    overheadPercent: percent(median(s.ratios)),
    intervalPercent: medianInterval(s.ratios).map(percent) as [number, number],
  });
  const [withFirst, withoutFirst] = runs.map(estimate);
  const overheadPercent = percent(Math.sqrt(median(runs[0].ratios) * median(runs[1].ratios)));
  return {
    name: c.name,
    jit: c.jit,
    arg: c.arg,
    rounds: c.rounds,
    with: figure(runs.flatMap((s) => s.with)),
    without: figure(runs.flatMap((s) => s.without)),
    byFirst: { with: withFirst, without: withoutFirst },
    overheadPercent,
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
