// Shared pieces of the kernel tests: hand-assembled guest programs (the compiler is
// not needed) and a kernel booted with captured console streams.
//
// Guest code is written with isa-assemble.ts; `sys(name, ...args)` expands to the
// calling convention of syscall-table.ts: push the arguments right to left, SYS nr,
// drop them. An argument is an immediate, the address of a local (`addr(off)`), a
// local's value (`local(off)`), a data address (`data(off)`, DATA_BASE + off) or
// the accumulator (`A`, only as the first argument pushed, i.e. the last one).
import { DATA_BASE } from '../src/isa/abi.js';
import type { Module } from '../src/isa/module.js';
import { Kernel, type KernelOptions, type RunResult } from '../src/kernel/kernel.js';
import { SYSCALLS, type SyscallName } from '../src/kernel/syscall-table.js';
import { assemble, type Item } from './isa-assemble.js';

export type Arg = number | { local: number } | { addr: number } | { data: number } | 'A';

export const local = (off: number): Arg => ({ local: off });
export const addr = (off: number): Arg => ({ addr: off });
export const data = (off: number): Arg => ({ data: off });
export const A: Arg = 'A';

function nrOf(name: SyscallName): number {
  return SYSCALLS.find((s) => s.name === name)!.nr;
}

function push(arg: Arg): Item[] {
  if (arg === 'A') return [['PSH']];
  if (typeof arg === 'number') return [['PIMM', arg]];
  if ('local' in arg) return [['PLI', arg.local]];
  if ('addr' in arg) return [['LEA', arg.addr], ['PSH']];
  return [['PIMM', DATA_BASE + arg.data]];
}

/** A system call; the result is left in a. */
export function sys(name: SyscallName | number, ...args: Arg[]): Item[] {
  const items: Item[] = [];
  for (let i = args.length - 1; i >= 0; i--) items.push(...push(args[i]));
  items.push(['SYS', typeof name === 'number' ? name : nrOf(name)]);
  if (args.length > 0) items.push(['ADJ', 4 * args.length]);
  return items;
}

/** A program whose entry is the first function; `bytes` is its data image. */
export function program(functions: Record<string, Item[]>, bytes: Uint8Array | string = '', bssSize = 0): Module {
  const image = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return assemble(functions, { data: image, bssSize });
}

/** Little-endian int32 words as bytes (for data images). */
export function words(...values: number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setInt32(i * 4, v, true));
  return bytes;
}

export interface Booted {
  kernel: Kernel;
  stdout: () => string;
  stderr: () => string;
  /** stdout read as little-endian int32 words (programs that write raw ints). */
  stdoutWords: () => number[];
}

export function boot(options: Partial<KernelOptions> = {}, stdin = ''): Booted {
  const out: number[] = [];
  const err: number[] = [];
  const input = new TextEncoder().encode(stdin);
  let inputAt = 0;
  const kernel = new Kernel({
    memBytes: 16 * 1024 * 1024,
    quantum: 1000,
    sched: 'rr',
    seed: 1,
    maxSteps: 10_000_000,
    clock: 'virtual',
    maxProcs: 64,
    uid: 1000,
    stats: false,
    stdout: (b) => out.push(...b),
    stderr: (b) => err.push(...b),
    stdin: (max) => {
      const chunk = input.subarray(inputAt, inputAt + max);
      inputAt += chunk.length;
      return chunk;
    },
    ...options,
  });
  const text = (bytes: number[]) => Buffer.from(bytes).toString('latin1');
  return {
    kernel,
    stdout: () => text(out),
    stderr: () => text(err),
    stdoutWords: () => {
      const view = new DataView(new Uint8Array(out).buffer);
      return Array.from({ length: out.length >> 2 }, (_, i) => view.getInt32(4 * i, true));
    },
  };
}

/** Boots a kernel, runs module as pid 1 and checks the kernel is back to baseline. */
export async function runProgram(
  module: Module,
  options: Partial<KernelOptions> = {},
  stdin = '',
): Promise<Booted & { result: RunResult }> {
  const booted = boot(options, stdin);
  booted.kernel.spawn(module, ['prog']);
  const result = await booted.kernel.run();
  booted.kernel.checkInvariants();
  return { ...booted, result };
}
