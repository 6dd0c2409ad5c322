// Shared pieces of the fuzz tests: a seeded PRNG (the kernel's mulberry32, so a
// failure names a seed that reproduces it), the iteration budget (small under
// `npm test`, large with IPCVM_FUZZ=full), and a guarded run of a module that
// must end -- any status -- without an exception and with the kernel back to
// baseline (IPC objects aside: they outlive processes).
import type { Module } from '../src/isa/module.js';
import { Kernel } from '../src/kernel/kernel.js';
import { Random } from '../src/kernel/random.js';

export const FULL = process.env.IPCVM_FUZZ === 'full';

/** Iterations: `quick` under npm test, `all` with IPCVM_FUZZ=full. */
export function budget(quick: number, all: number): number {
  return FULL ? all : quick;
}

export class Fuzz {
  private readonly random: Random;

  constructor(readonly seed: number) {
    this.random = new Random(seed);
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return this.random.below(n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }
}

/** Runs module with a small instruction budget and captured, discarded streams.
 *  Throws only if the kernel does (a panic, a broken invariant: a bug of ours). */
export async function runContained(module: Module, maxSteps: number): Promise<number> {
  const kernel = new Kernel({
    memBytes: 4 * 1024 * 1024,
    quantum: 500,
    sched: 'rr',
    seed: 1,
    maxSteps,
    clock: 'virtual',
    maxProcs: 16,
    uid: 1000,
    stats: false,
    hostFs: false,
    maxOutput: 1024 * 1024,
    stdout: () => {},
    stderr: () => {},
    stdin: () => new Uint8Array(0),
  });
  kernel.spawn(module, ['fuzz']);
  const result = await kernel.run();
  try {
    kernel.checkInvariants();
  } catch (e) {
    // System V objects outlive their creator, as on Linux: a mutated program that
    // skipped its IPC_RMID leaves them (the check stops there, before frames).
    if (!(e instanceof Error && e.message.startsWith('checkInvariants: IPC objects left'))) throw e;
  }
  return result.status;
}
