// `npm run bench` / `ipcvm bench`: the benchmark suite's command line. Picks benchmarks (--filter),
// measures each inside the VM and, when gcc is present, natively, then start-up and
// the cost of tracing compiled in (tracing-overhead.ts); prints the table or writes
// JSON (--json [file]). Exit status 1 when any benchmark failed its
// check or could not run, so CI notices.
import { Command } from 'commander';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBenchmark, type BenchResult, type NativeSetup } from './compare.js';
import { compareWithLua, hasLua } from './lua.js';
import { describeMachine } from './machine.js';
import { measure } from './measure.js';
import { EMPTY_PROGRAM, buildNative, hasGcc, hasTaskset, runProcess } from './native.js';
import { formatReport, reportJson, type BenchReport } from './report.js';
import { measureStartup } from './startup.js';
import { BENCHMARKS } from './suite.js';
import { measureTracingOverhead } from './tracing-overhead.js';

/** Repository root: the nearest directory above this module holding bench/programs
 *  (from bench/, dist/bench/ or the bundled CLI in dist/bundle/ alike). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'bench', 'programs'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find bench/programs above the benchmark runner');
    dir = parent;
  }
  return dir;
}

interface Flags {
  json?: string | true;
  filter?: string;
  runs: string;
}

/** Times an empty native program: the process start-up native figures leave out. */
async function nativeSetup(outDir: string, runs: number): Promise<NativeSetup> {
  const source = join(outDir, 'empty.c');
  writeFileSync(source, EMPTY_PROGRAM);
  const exe = buildNative(source, outDir);
  const canPin = hasTaskset();
  const startup = async (pinned: boolean) =>
    (await measure('empty', async () => runProcess(exe, [], pinned), { runs: Math.max(runs, 10), expected: '', opsPerRun: 1 })).msPerRun;
  return { outDir, canPin, overheadMs: { pinned: canPin ? await startup(true) : 0, unpinned: await startup(false) } };
}

/** The suite's command line; argv as process.argv (two leading entries ignored). */
export async function benchMain(argv: string[]): Promise<number> {
  const flags = new Command('bench')
    .description('ipcvm benchmark suite: ipcvm against gcc -O2, with checked results')
    .option('--json [file]', 'write the results as JSON (to stdout, or to FILE)')
    .option('--filter <regex>', 'only benchmarks whose name matches (also "startup", "tracing")')
    .option('--runs <n>', 'timed runs per side', '3')
    .parse(argv)
    .opts<Flags>();
  const runs = Number(flags.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs: a positive integer is needed');
  const filter = new RegExp(flags.filter ?? '.');
  const root = findRoot();
  const log = (text: string) => process.stderr.write(text);
  const outDir = hasGcc() ? mkdtempSync(join(tmpdir(), 'ipcvm-bench-')) : undefined;
  try {
    const native = outDir ? await nativeSetup(outDir, runs) : undefined;
    const results: BenchResult[] = [];
    for (const spec of BENCHMARKS.filter((s) => filter.test(s.name))) {
      log(`${spec.name} ...`);
      const result = await runBenchmark(spec, join(root, 'bench', 'programs'), runs, native);
      log(` ${result.status}\n`);
      results.push(result);
    }
    const report: BenchReport = {
      date: new Date().toISOString(),
      machine: describeMachine(),
      runs,
      native: native ? { pinnedWithTaskset: native.canPin, overheadMs: native.overheadMs } : null,
      results,
    };
    const luaNames = (name: string) => filter.test(name) && results.some((r) => r.spec.name === name);
    if (hasLua() && ['fib', 'sieve'].some(luaNames)) {
      log('against Lua 5.4 ...\n');
      try {
        report.lua = compareWithLua(root, runs, luaNames);
      } catch (e) {
        report.luaError = e instanceof Error ? e.message.split('\n')[0] : String(e);
      }
    }
    if (filter.test('startup')) {
      log('startup ...\n');
      try {
        report.startup = await measureStartup(root, runs, outDir);
      } catch (e) {
        report.startupError = e instanceof Error ? e.message.split('\n')[0] : String(e);
      }
    }
    if (filter.test('tracing')) {
      try {
        report.tracing = await measureTracingOverhead(root, log);
      } catch (e) {
        report.tracingError = e instanceof Error ? e.message.split('\n')[0] : String(e);
      }
    }
    if (flags.json === undefined) process.stdout.write(formatReport(report));
    else if (flags.json === true) process.stdout.write(reportJson(report));
    else {
      writeFileSync(flags.json, reportJson(report));
      process.stdout.write(formatReport(report));
    }
    const measured = report.startupError === undefined && report.tracingError === undefined && report.luaError === undefined;
    return results.every((r) => r.status === 'ok') && measured ? 0 : 1;
  } finally {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  }
}
