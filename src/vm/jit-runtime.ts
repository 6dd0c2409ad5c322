// The out-of-line slow paths of compiled code's memory accesses (jit-compile.ts keeps
// only the fast path inline, so that generated functions stay small enough for V8 to
// optimise). They do what the interpreter's slow paths do -- TLB lookup, probe, byte
// by byte access -- and report a fault in m.fault (1) with the fault recorded in the
// cpu, leaving memory unchanged.
import { probe, readBytes, writeBytes } from './access.js';
import type { JitMachine } from './jit.js';

/** The size-byte value at x (zero-extended), or m.fault = 1 (then the result is 0). */
export function loadSlow(m: JitMachine, x: number, size: number): number {
  if (probe(m.cpu, m.mmu, x, size, false)) {
    m.fault = 0;
    return readBytes(m.mmu, x, size);
  }
  m.fault = 1;
  return 0;
}

/** Stores the low size bytes of value at x; false (a fault) when the page is missing. */
export function storeSlow(m: JitMachine, x: number, size: number, value: number): boolean {
  if (!probe(m.cpu, m.mmu, x, size, true)) return false;
  writeBytes(m.mmu, x, size, value);
  return true;
}

/** INCL's read-modify-write of the word at x by k: the new value, or m.fault = 1. */
export function addSlow(m: JitMachine, x: number, k: number): number {
  if (!probe(m.cpu, m.mmu, x, 4, true)) {
    m.fault = 1;
    return 0;
  }
  m.fault = 0;
  const value = (readBytes(m.mmu, x, 4) + k) | 0;
  writeBytes(m.mmu, x, 4, value);
  return value;
}
