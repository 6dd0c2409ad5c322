// Turns a finished run into the printed table (with its machine line, method notes
// and footnotes) or into JSON. Nothing here measures anything.
import { VM_WARMUP, type BenchResult } from './compare.js';
import type { MachineInfo } from './machine.js';
import { formatMachine } from './machine.js';
import type { Measurement } from './measure.js';
import { luaLines, type LuaComparison } from './lua.js';
import type { StartupResult } from './startup.js';
import { FIB35_ANCHORS_SECONDS, STARTUP_TARGET_FACTOR, fibCalls, type SuiteName } from './suite.js';
import type { TracingResult, TracingRow } from './tracing-overhead.js';

export interface BenchReport {
  date: string;
  machine: MachineInfo;
  runs: number;
  /** null when gcc is missing */
  native: { pinnedWithTaskset: boolean; overheadMs: { pinned: number; unpinned: number } } | null;
  results: BenchResult[];
  startup?: StartupResult;
  startupError?: string;
  tracing?: TracingResult;
  tracingError?: string;
  /** fib and sieve against Lua 5.4, when lua5.4 is on PATH (lua.ts) */
  lua?: LuaComparison[];
  luaError?: string;
}

function si(n: number): string {
  const units: [number, string][] = [[1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
  for (const [scale, suffix] of units) if (n >= scale) return `${(n / scale).toPrecision(3)}${suffix}`;
  return n.toPrecision(3);
}

function ns(n: number): string {
  return n >= 1000 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(3);
}

const cell = (m: Measurement | undefined, f: (m: Measurement) => string) => (m ? f(m) : '-');

function statusText(r: BenchResult): string {
  switch (r.status) {
    case 'ok':
      return r.checkedAgainstNative ? 'ok' : 'ok (self-checked)';
    case 'fail':
      return 'FAIL';
    case 'error':
      return 'not run';
    default: {
      const never: never = r.status;
      return never;
    }
  }
}

function targetText(r: BenchResult): string {
  if (r.spec.targetRatio === undefined) return '-';
  const verdict = r.targetMet === undefined ? '' : r.targetMet ? ' met' : ' missed';
  return `>= ${r.spec.targetRatio}${verdict}`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) => row.map((text, c) => (c === 0 ? text.padEnd(widths[c]) : text.padStart(widths[c]))).join('  ').trimEnd());
}

function suiteRows(results: BenchResult[], suite: SuiteName): string[][] {
  return results
    .filter((r) => r.spec.suite === suite)
    .map((r) => [
      `  ${r.spec.name}`,
      cell(r.vm.measurement, (m) => si(m.opsPerSec)),
      cell(r.vm.measurement, (m) => ns(m.nsPerOp)),
      cell(r.vm.measurement, (m) => `±${m.rmePercent.toFixed(1)}%`),
      cell(r.native?.measurement, (m) => si(m.opsPerSec)),
      cell(r.native?.measurement, (m) => ns(m.nsPerOp)),
      cell(r.native?.measurement, (m) => `±${m.rmePercent.toFixed(1)}%`),
      r.ratio !== undefined ? r.ratio.toPrecision(3) : '-',
      targetText(r),
      statusText(r),
    ]);
}

function fibLines(results: BenchResult[]): string[] {
  const fib = results.find((r) => r.spec.name === 'fib');
  const perCall = fib?.vm.measurement?.nsPerOp;
  if (perCall === undefined) return [];
  const seconds = (perCall * fibCalls(35)) / 1e9;
  const lines = [
    '',
    `fib(35) in ipcvm: ~${seconds.toFixed(2)} s (${perCall.toPrecision(3)} ns per call x ${fibCalls(35).toLocaleString('en-US')} calls, scaled from fib(${fib?.spec.vmArg}))`,
    "  against the issue's anchors (quoted from the issue, not measured on this machine):",
  ];
  for (const a of FIB35_ANCHORS_SECONDS) {
    const speed = a.seconds / seconds;
    lines.push(`  ${a.name.padEnd(8)} ${a.seconds.toFixed(2)} s  -> ipcvm runs at ${speed.toPrecision(3)}x its speed`);
  }
  return lines;
}

function startupLines(report: BenchReport): string[] {
  if (report.startupError !== undefined) return ['', `start-up: not measured (${report.startupError})`];
  const s = report.startup;
  if (!s) return [];
  const met = s.factor <= STARTUP_TARGET_FACTOR ? 'met' : 'missed';
  return [
    '',
    `start-up: \`ipcvm run programs/hello.c\` ${s.ipcvm.msPerRun.toFixed(1)} ms, \`node -e 0\` ${s.node.msPerRun.toFixed(1)} ms` +
      ` -> ${s.factor.toFixed(2)}x (target <= ${STARTUP_TARGET_FACTOR}x: ${met})`,
  ];
}

function tracingRow(r: TracingRow, target: number): string {
  const name = `${r.name}${r.jit ? '' : ' (no JIT)'}`.padEnd(16);
  const pct = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}%`;
  const fig = (f: TracingRow['with']) => `${ns(f.nsPerOp)} ns/op ±${f.rmePercent.toFixed(1)}%`;
  const orders = `with first ${pct(r.byFirst.with.overheadPercent)}, without first ${pct(r.byFirst.without.overheadPercent)}`;
  return (
    `  ${name} tracing compiled in, off: ${fig(r.with)} vs without: ${fig(r.without)}` +
    ` (${pct(r.overheadPercent)}; ${orders})  <= ${target}% ${r.met ? 'met' : 'missed'}`
  );
}

function tracingLines(report: BenchReport): string[] {
  if (report.tracingError !== undefined) return ['', `tracing overhead: not measured (${report.tracingError})`];
  const t = report.tracing;
  if (!t) return [];
  return [
    '',
    `tracing overhead (tracing compiled in but off, against a build without the hooks; target <= ${t.targetPercent}%):`,
    '  the VM and kernel bundled twice from the same sources, the hook code dropped from one (TRACING = false);',
    '  each program in two child `node --single-threaded` processes, each holding two instances of both builds and',
    `  timing by CPU time: ${t.warmups} warm-up rounds, then rounds of interleaved ~10 ms runs; one process loads the build`,
    '  with tracing first, the other the build without. ns/op: medians with rme. Overhead: geometric mean of the',
    "  processes' median per-round ratios (each process's own in brackets: loading first favours a build).",
    ...t.rows.map((r) => tracingRow(r, t.targetPercent)),
    `  tracing overhead: <= ${t.targetPercent}% ${t.met ? 'met' : 'missed'}`,
  ];
}

export function formatReport(report: BenchReport): string {
  const lines = [`ipcvm benchmarks, ${report.date}`, `machine: ${formatMachine(report.machine)}`];
  lines.push(`method: tinybench, ${report.runs} timed runs per side, the median of them; every run's output is checked.`);
  lines.push(`  ipcvm: runs inside this Node process on a fresh kernel; only kernel.run() is timed (no start-up), after ${VM_WARMUP.runs}+ warm-up runs (${VM_WARMUP.ms} ms).`);
  if (report.native) {
    const o = report.native.overheadMs;
    const pin = report.native.pinnedWithTaskset ? 'syscall programs pinned to one core (`taskset -c 0`)' : 'taskset missing: NOT pinned';
    lines.push(`  native: gcc -std=gnu99 -O2 -w; ${pin}; 1 warm-up run; process start-up subtracted (${o.pinned.toFixed(2)} ms pinned, ${o.unpinned.toFixed(2)} ms not).`);
  } else {
    lines.push('  native: gcc not found, no native comparison; ipcvm results are only self-checked.');
  }
  lines.push('  ratio = ipcvm ops/s / native ops/s (higher is better for ipcvm); rme = relative margin of error of the mean (the spread of the runs).', '');
  const header = ['benchmark', 'ipcvm ops/s', 'ns/op', 'rme', 'native ops/s', 'ns/op', 'rme', 'ratio', 'target', 'status'];
  const rows = [header];
  for (const suite of ['syscall', 'compute'] as const) {
    const suiteLines = suiteRows(report.results, suite);
    if (suiteLines.length > 0) rows.push([suite, ...header.slice(1).map(() => '')], ...suiteLines);
  }
  if (report.results.length > 0) lines.push(...table(rows));
  lines.push(...fibLines(report.results), ...luaLines(report.lua, report.luaError), ...startupLines(report), ...tracingLines(report));
  if (report.results.length > 0) lines.push('', 'one op is:');
  for (const r of report.results) lines.push(`  ${r.spec.name}: ${r.spec.op} (ipcvm argv[1]=${r.spec.vmArg}, native ${r.spec.nativeArg})`);
  const problems = report.results.flatMap((r) => [r.native?.error, r.vm.error].filter((e): e is string => e !== undefined).map((e) => `  ${r.spec.name}: ${e}`));
  if (problems.length > 0) lines.push('', 'problems:', ...problems);
  return lines.join('\n') + '\n';
}

export function reportJson(report: BenchReport): string {
  const results = report.results.map((r) => ({
    name: r.spec.name,
    suite: r.spec.suite,
    op: r.spec.op,
    status: r.status,
    checkedAgainstNative: r.checkedAgainstNative,
    ipcvm: { arg: r.spec.vmArg, ...r.vm },
    native: r.native ? { arg: r.spec.nativeArg, ...r.native } : null,
    ratio: r.ratio ?? null,
    targetRatio: r.spec.targetRatio ?? null,
    targetMet: r.targetMet ?? null,
  }));
  return JSON.stringify({ ...report, results }, null, 2) + '\n';
}
