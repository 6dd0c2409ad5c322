// Runs a guest program (C source or a hand-assembled module) under the tracer and
// returns the trace text with the program's output, for the trace tests.
import { compileProgram } from '../src/compiler/driver.js';
import type { Module } from '../src/isa/module.js';
import { Kernel, type KernelOptions, type RunResult } from '../src/kernel/kernel.js';
import { Tracer, type TraceClass, type TraceOptions } from '../src/trace/tracer.js';

export interface TracedRun {
  trace: string;
  stdout: string;
  stderr: string;
  result: RunResult;
}

export interface TracedOptions extends Omit<Partial<KernelOptions>, 'stdin'> {
  classes?: TraceClass[];
  trace?: Partial<TraceOptions>;
  /** false: no tracer at all (to compare a traced run with a plain one). */
  observe?: boolean;
  stdin?: string;
  args?: string[];
}

export function compile(file: string): Module {
  const compiled = compileProgram([file]);
  if (!compiled.module) throw new Error(`cannot compile ${file}:\n${compiled.text}`);
  return compiled.module;
}

/** Compiles C source given as text (named `name` in diagnostics). */
export function compileSource(source: string, name = 'prog.c'): Module {
  const path = `/virtual/${name}`;
  const compiled = compileProgram([path], { readFile: (p) => (p === path ? source : undefined) });
  if (!compiled.module) throw new Error(`cannot compile ${name}:\n${compiled.text}`);
  return compiled.module;
}

export async function runTraced(module: Module, opts: TracedOptions = {}): Promise<TracedRun> {
  const chunks: string[] = [];
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const input = new TextEncoder().encode(opts.stdin ?? '');
  let inputAt = 0;
  const tracer = new Tracer(
    {
      classes: new Set(opts.classes ?? ['syscalls', 'signals']),
      only: null,
      format: 'text',
      time: false,
      lines: true,
      summary: false,
      ...opts.trace,
    },
    (text) => chunks.push(text),
  );
  const kernel = new Kernel({
    memBytes: 16 * 1024 * 1024,
    quantum: 1000,
    sched: 'rr',
    seed: 1,
    maxSteps: 50_000_000,
    clock: 'virtual',
    maxProcs: 64,
    uid: 1000,
    stats: false,
    hostFs: false,
    ...opts,
    observer: opts.observe === false ? undefined : tracer,
    stdout: (b) => out.push(b.slice()),
    stderr: (b) => err.push(b.slice()),
    stdin: (max) => {
      const chunk = input.subarray(inputAt, inputAt + max);
      inputAt += chunk.length;
      return chunk;
    },
  });
  tracer.attach(kernel);
  kernel.spawn(module, ['prog', ...(opts.args ?? [])]);
  const result = await kernel.run();
  tracer.finish();
  const text = (c: Uint8Array[]) => Buffer.concat(c).toString('latin1');
  return { trace: chunks.join(''), stdout: text(out), stderr: text(err), result };
}
