// The ipcvm side: compile a benchmark program once, then run it on a fresh kernel in
// this Node process. Only `kernel.run()` is timed — compiling, booting the kernel and
// loading the image are start-up, reported separately (see startup.ts).
import { performance } from 'node:perf_hooks';
import type { Module } from '../src/isa/module.js';
import { compileProgram } from '../src/compiler/driver.js';
import { Kernel } from '../src/kernel/kernel.js';
import { DEFAULT_MEM_BYTES, DEFAULT_QUANTUM, NPROC } from '../src/kernel/param.js';
import type { ProgramRun } from './measure.js';

/** Compiles `file`; throws with the compiler's diagnostics when it does not compile. */
export function compileForVm(file: string): Module {
  const compiled = compileProgram([file]);
  if (!compiled.module) throw new Error(`ipcvm cannot compile ${file}:\n${compiled.text}`);
  return compiled.module;
}

/** Runs `module` with `argv` on a new kernel, capturing its output. */
export async function runInVm(module: Module, argv: string[], memBytes = DEFAULT_MEM_BYTES): Promise<ProgramRun> {
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
  const start = performance.now();
  const result = await kernel.run();
  const ms = performance.now() - start;
  const text = (chunks: Uint8Array[]): string => Buffer.concat(chunks).toString('latin1');
  return { status: result.status, stdout: text(out), stderr: text(err), ms };
}
