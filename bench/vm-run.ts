// The ipcvm side of a benchmark run: a compiled program on a fresh kernel in this
// Node process. Only `kernel.run()` is timed — booting the kernel and loading the
// image are start-up, reported separately (see startup.ts). This module is also the
// entry of the two bundles the tracing-overhead section times (tracing-bundles.ts),
// so it imports the kernel and nothing of the compiler.
import { performance } from 'node:perf_hooks';
import type { Module } from '../src/isa/module.js';
import { Kernel } from '../src/kernel/kernel.js';
import { DEFAULT_MEM_BYTES, DEFAULT_QUANTUM, NPROC } from '../src/kernel/param.js';
import type { ProgramRun } from './measure.js';

/** Milliseconds of CPU time (user + system) this process has used. */
export function cpuMs(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

/** Runs `module` with `argv` on a new kernel, capturing its output; `ms` is the
 *  run's time on `clock` (default: wall time). */
export async function runInVm(module: Module, argv: string[], memBytes = DEFAULT_MEM_BYTES, clock: () => number = () => performance.now()): Promise<ProgramRun> {
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const kernel = new Kernel({
    memBytes,
    quantum: DEFAULT_QUANTUM,
    sched: 'rr',
    seed: 1,
    maxSteps: 0,
    clock: 'virtual',
    maxProcs: NPROC,
    uid: 1000,
    stats: false,
    stdout: (b: Uint8Array) => out.push(b.slice()),
    stderr: (b: Uint8Array) => err.push(b.slice()),
    stdin: () => new Uint8Array(0),
  });
  kernel.spawn(module, argv);
  const start = clock();
  const result = await kernel.run();
  const ms = clock() - start;
  const text = (chunks: Uint8Array[]): string => Buffer.concat(chunks).toString('latin1');
  return { status: result.status, stdout: text(out), stderr: text(err), ms };
}
