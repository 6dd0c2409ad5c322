// Whole programs with and without the JS tier: the compute benchmarks, and
// multi-process programs under the seeded random scheduler with a small odd quantum,
// must print the same bytes, exit the same way, execute the same number of
// instructions and be preempted at the same points (the same sequence of slices),
// whether the tier is off, on (hot functions only) or eager (every function).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../src/compiler/driver.js';
import type { Module } from '../src/isa/module.js';
import { Kernel, type KernelOptions } from '../src/kernel/kernel.js';
import type { JitMode } from '../src/vm/image.js';

const programs = join(import.meta.dirname, '..', 'bench', 'programs');

interface TierRun {
  stdout: string;
  status: number;
  steps: number;
  /** [pid, instructions] of every slice, in order. */
  slices: [number, number][];
  /** [pid, number, result, virtual time] of every system call as it finished or
   *  blocked, in order (the tier hands its calls to the kernel in place). */
  calls: [number, number, number, number][];
  /** [pid, address, write, outcome, virtual time] of every page fault, in order (the
   *  tier resolves them in place too). */
  faults: [number, number, boolean, string, number][];
  /** Runs of compiled code (0 when the tier is off). */
  entered: number;
}

async function runTier(module: Module, args: string[], mode: JitMode, options: Partial<KernelOptions> = {}): Promise<TierRun> {
  const out: Uint8Array[] = [];
  const slices: [number, number][] = [];
  const calls: [number, number, number, number][] = [];
  const faults: [number, number, boolean, string, number][] = [];
  const kernel: Kernel = new Kernel({
    memBytes: 32 * 1024 * 1024,
    quantum: 1000,
    sched: 'rr',
    seed: 1,
    maxSteps: 0,
    clock: 'virtual',
    maxProcs: 64,
    uid: 1000,
    stats: false,
    hostFs: false,
    jit: mode,
    ...options,
    stdout: (b: Uint8Array) => out.push(b.slice()),
    stderr: (b: Uint8Array) => out.push(b.slice()),
    stdin: () => new Uint8Array(0),
    observer: {
      slice: (p, steps) => slices.push([p.pid, steps]),
      syscall: (p, nr, _args, result) => calls.push([p.pid, nr, result, kernel.clock.now()]),
      fault: (p, addr, write, outcome) => faults.push([p.pid, addr, write, outcome, kernel.clock.now()]),
    },
  });
  const first = kernel.spawn(module, args);
  const result = await kernel.run();
  return { stdout: Buffer.concat(out).toString('latin1'), status: result.status, steps: result.steps, slices, calls, faults, entered: first.image.jit?.entered ?? 0 };
}

function compile(name: string, dir = programs): Module {
  const compiled = compileProgram([join(dir, `${name}.c`)]);
  if (!compiled.module) throw new Error(compiled.text);
  return compiled.module;
}

async function expectSameRuns(module: Module, args: string[], options: Partial<KernelOptions> = {}): Promise<TierRun> {
  const off = await runTier(module, args, 'off', options);
  expect(off.entered).toBe(0);
  for (const mode of ['eager', 'on'] as const) {
    const tiered = await runTier(module, args, mode, options);
    expect({ ...tiered, entered: 0 }, `tier ${mode}`).toEqual({ ...off, entered: 0 });
    if (mode === 'eager') expect(tiered.entered).toBeGreaterThan(0);
  }
  return off;
}

describe('whole programs with and without the JS tier', () => {
  const compute: [string, string][] = [
    ['fib', '18'],
    ['sieve', '1'],
    ['loop', '20000'],
    ['matmul', '1'],
    ['strings', '300'],
  ];
  for (const [name, arg] of compute) {
    it(`${name} ${arg}: same output, steps and slices`, async () => {
      const run = await expectSameRuns(compile(name), [name, arg], { quantum: 997 });
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('ops ');
    }, 120_000);
  }

  const multi: [string, string][] = [
    ['pipe_pingpong', '200'],
    ['fifo_pingpong', '100'],
    ['msg_pingpong', '100'],
    ['sem_pingpong', '100'],
    ['signal_pingpong', '100'],
    ['shm_counter', '100'],
    ['fork_wait', '20'],
  ];
  for (const [name, arg] of multi) {
    it(`${name} ${arg} under --sched random: same schedule`, async () => {
      for (const seed of [3, 11]) {
        const run = await expectSameRuns(compile(name), [name, arg], { sched: 'random', seed, quantum: 137 });
        expect(run.status).toBe(0);
        expect(new Set(run.slices.map(([pid]) => pid)).size).toBeGreaterThan(1);
      }
    }, 120_000);
  }

  // Faults taken in compiled code and resolved in place, or turned into signals
  // (a SIGSEGV handler, a stack overflow), and shared pages.
  const guests = ['signal/fault_handlers.c', 'shm/attach_pages.c', 'mmap/munmap_split.c', 'proc/fork_in_callee.c'];
  for (const file of guests) {
    it(`test/guest/${file} eager and on: same faults, calls and slices`, async () => {
      const compiled = compileProgram([join(import.meta.dirname, 'guest', file)]);
      if (!compiled.module) throw new Error(compiled.text);
      const run = await expectSameRuns(compiled.module, [file], { sched: 'random', seed: 5, quantum: 101 });
      expect(run.faults.length).toBeGreaterThan(0);
    }, 120_000);
  }

  it('signals delivered in the middle of compiled loops, under --sched random', async () => {
    const module = compile('signals_mid_loop', join(import.meta.dirname, 'jit-programs'));
    for (const [seed, quantum] of [[5, 211], [8, 1999], [13, 64]]) {
      const run = await expectSameRuns(module, ['signals_mid_loop'], { sched: 'random', seed, quantum });
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^sum -?\d+ hits (\d+) bias \d+\n$/);
      expect(Number(/hits (\d+)/.exec(run.stdout)?.[1])).toBeGreaterThan(0);
    }
  }, 120_000);

  it('--max-steps stops at the same instruction', async () => {
    const module = compile('fib');
    for (const maxSteps of [12_345, 100_001]) {
      const run = await expectSameRuns(module, ['fib', '25'], { maxSteps });
      expect(run.steps).toBe(maxSteps);
    }
  }, 120_000);
});
