// Differential runs for the JS tier tests: the same hand-assembled program on two
// identical machines, one interpreted only and one with every function compiled up
// front, stopped at the same budgets; after every stop the registers, the step count,
// the trap details and all of physical memory must be equal. A page fault is resolved
// the same way on both (a fresh read-write page) and the run goes on.
import { expect } from 'vitest';
import { SYS_LENGTH, Trap } from '../src/vm/cpu.js';
import { makeImage, type JitMode } from '../src/vm/image.js';
import { machine, mapPage, run, RW, snapshot, type Machine } from './vm-helpers.js';

/** A machine for source with the given tier mode; 'eager' compiles every function now
 *  (unless lazy: then each function entry or innermost loop as soon as it is reached). */
export function tieredMachine(source: string, mode: JitMode, lazy = false): Machine {
  const m = machine(source);
  const image = makeImage(m.image.module, { jit: mode });
  if (mode === 'eager' && image.jit !== null && !lazy) {
    for (const f of image.module.functions) image.jit.prepare(f.start, m.mmu);
  }
  return { ...m, image };
}

/** Everything a trap or a budget end must leave identical. */
export function visibleState(m: Machine): object {
  const { trapAddr, trapWrite, trapArg } = m.cpu;
  return { ...snapshot(m), memory: undefined, trapAddr, trapWrite, trapArg };
}

export interface DiffResult {
  interpreted: Machine;
  compiled: Machine;
  /** The trap that ended the run, and how many stops (budget ends, faults) came before. */
  trap: Trap;
  stops: number;
}

export interface DiffOptions {
  /** Page faults resolved (a fresh read-write page) before a fault ends the run. */
  maxFaults?: number;
  /** Plays the kernel for SYS n with n != 1 (SYS 1 ends the run): called on each
   *  machine, then the run resumes after the SYS. */
  syscall?: (m: Machine, nr: number) => void;
  /** Compile lazily (tieredMachine): loops become units of their own. */
  lazy?: boolean;
}

/** Runs source on both machines in slices of `budget` until SYS 1 or a trap other than
 *  BUDGET and PAGE_FAULT; compares after every stop. */
export function runBoth(source: string, budget: number, options: DiffOptions = {}): DiffResult {
  const interpreted = tieredMachine(source, 'off');
  const compiled = tieredMachine(source, 'eager', options.lazy);
  const maxFaults = options.maxFaults ?? 4;
  let faults = 0;
  for (let stops = 0; stops < 1_000_000; stops++) {
    const trap = run(interpreted, budget);
    const trapCompiled = run(compiled, budget);
    expect(trapCompiled, `trap at stop ${stops}`).toBe(trap);
    expect(visibleState(compiled), `state at stop ${stops}`).toEqual(visibleState(interpreted));
    expect(Buffer.compare(compiled.mem.u8, interpreted.mem.u8), `memory at stop ${stops}`).toBe(0);
    if (trap === Trap.BUDGET) continue;
    const nr = interpreted.cpu.trapArg;
    if (trap === Trap.SYSCALL && nr !== 1 && options.syscall !== undefined) {
      for (const m of [interpreted, compiled]) {
        options.syscall(m, nr);
        m.cpu.pc += SYS_LENGTH;
      }
      continue;
    }
    if (trap !== Trap.PAGE_FAULT || faults++ >= maxFaults) {
      expect(compiled.image.jit?.entered, 'compiled code ran').toBeGreaterThan(0);
      return { interpreted, compiled, trap, stops };
    }
    for (const m of [interpreted, compiled]) mapPage(m.mmu, m.cpu.trapAddr, RW);
  }
  throw new Error('runBoth: the program did not stop');
}

/** runBoth at several budgets (one big slice, then small ones that end inside blocks). */
export function runBothSliced(source: string, budgets: number[] = [1_000_000, 1, 2, 3, 5, 8, 13, 100], options: DiffOptions = {}): DiffResult {
  let first: DiffResult | undefined;
  for (const budget of budgets) {
    const result = runBoth(source, budget, options);
    first ??= result;
    expect(result.trap).toBe(first.trap);
    expect(result.compiled.cpu.steps).toBe(first.compiled.cpu.steps);
  }
  if (first === undefined) throw new Error('runBothSliced: no budgets');
  return first;
}

/** Deterministic pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
