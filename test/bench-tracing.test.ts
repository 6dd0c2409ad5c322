// The tracing-overhead section's two builds (bench/tracing-bundles.ts): the hook code
// must be in the one with tracing and gone from the one without, both must run
// programs as the unbundled kernel does, and the child that times them must report
// every run. No timing is checked here. Needs the tsc build in dist/ (npm test makes it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { median, medianInterval, rmePercent } from '../bench/stats.js';
import { buildTracingBundles, type TracingVariant } from '../bench/tracing-bundles.js';
import type { TracingChildSpec, TracingSamples } from '../bench/tracing-child.js';
import { compileForVm } from '../bench/vm.js';
import { runInVm } from '../bench/vm-run.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist', 'bench', 'vm-run.js');
const HOOK_CALL = /observer\??\.(slice|syscallEnter|syscall|fault|exit|signal)\b/g;
const HOOKS = ['exit', 'fault', 'signal', 'slice', 'syscall', 'syscallEnter'];

describe('the builds with and without tracing', () => {
  let dir: string;
  let files: Record<TracingVariant, string>;
  beforeAll(async () => {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run tsc first (npm test does)`);
    dir = mkdtempSync(join(tmpdir(), 'ipcvm-tracing-'));
    files = await buildTracingBundles(entry, dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has every hook call in the build with tracing and none in the other', () => {
    const calls = (variant: TracingVariant) => [...readFileSync(files[variant], 'utf8').matchAll(HOOK_CALL)].map((m) => m[1]);
    expect([...new Set(calls('with'))].sort()).toEqual(HOOKS);
    expect(calls('without')).toEqual([]);
  });

  it('folds the TRACING constant away in both: no run-time check is left', () => {
    for (const variant of ['with', 'without'] as const) expect(readFileSync(files[variant], 'utf8')).not.toMatch(/\bTRACING\b/);
  });

  it('refuses an entry that does not import the tracing switch', async () => {
    await expect(buildTracingBundles(join(root, 'dist', 'bench', 'stats.js'), join(dir, 'refused'))).rejects.toThrow(/no module imports the tracing switch/);
  });

  it('runs programs as the unbundled kernel does', async () => {
    for (const [name, arg] of [['null_syscall', '1000'], ['signal_pingpong', '50'], ['shm_counter', '50']]) {
      const module = compileForVm(join(root, 'bench', 'programs', `${name}.c`));
      const reference = await runInVm(module, [name, arg]);
      expect(reference.status).toBe(0);
      for (const variant of ['with', 'without'] as const) {
        const bundled = (await import(pathToFileURL(files[variant]).href)) as { runInVm: typeof runInVm };
        const run = await bundled.runInVm(module, [name, arg]);
        expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: reference.stdout, stderr: reference.stderr });
      }
    }
  });

  it('times every run of the four instances in the child, and a ratio per round', () => {
    const spec: TracingChildSpec = {
      files,
      source: join(root, 'bench', 'programs', 'null_syscall.c'),
      argv: ['null_syscall', '1000'],
      first: 'without',
      warmups: 1,
      rounds: 2,
    };
    const child = spawnSync(process.execPath, ['--single-threaded', join(root, 'dist', 'bench', 'tracing-child.js'), JSON.stringify(spec)], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    const samples = JSON.parse(child.stdout) as TracingSamples;
    expect([samples.with.length, samples.without.length, samples.ratios.length]).toEqual([4, 4, 2]);
    for (const ns of [...samples.with, ...samples.without, ...samples.ratios]) expect(ns).toBeGreaterThan(0);
  });
});

describe('sample statistics', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('bounds the median by order statistics', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    // ranks (100 - 19.6) / 2 = 40.2 -> 40 and 1 + (100 + 19.6) / 2 = 60.8 -> 61
    expect(medianInterval(hundred)).toEqual([40, 61]);
    expect(medianInterval([5])).toEqual([5, 5]);
  });

  it('gives the relative margin of error of the mean with Student t', () => {
    // mean 2.5, standard error 0.6455, t(3) = 3.182: 2.054 of 2.5
    expect(rmePercent([1, 2, 3, 4])).toBeCloseTo(82.16, 1);
    expect(rmePercent([5, 5, 5])).toBe(0);
    expect(rmePercent([7])).toBe(0);
  });
});
