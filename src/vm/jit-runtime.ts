// The out-of-line slow paths of compiled code's memory accesses (jit-compile.ts keeps
// only the fast path inline, so that generated functions stay small enough for V8 to
// optimise). They do what the interpreter's slow paths do -- TLB lookup, probe, byte
// by byte access -- and report a fault in m.fault (1) with the fault recorded in the
// cpu, leaving memory unchanged. And the system call through the gate.
import { probe, readBytes, writeBytes } from './access.js';
import { SYS_LENGTH } from './cpu.js';
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

/** SYS at pc through m.gate (not null), with m.sp/bp/a/left current: the registers and
 *  steps go to the cpu as a SYSCALL trap would leave them, the kernel handles the call,
 *  and m takes the registers back. True when compiled code may go on after the SYS
 *  (m.pc is then pc + SYS_LENGTH); else m.pc is where the kernel left the process. */
export function kernelCall(m: JitMachine, pc: number): boolean {
  const cpu = m.cpu;
  cpu.pc = pc;
  cpu.sp = m.sp >>> 0;
  cpu.bp = m.bp >>> 0;
  cpu.a = m.a;
  cpu.steps = m.stepBase - m.left;
  const go = (m.gate as NonNullable<typeof m.gate>).handleSyscall(cpu);
  m.pc = cpu.pc;
  m.sp = cpu.sp | 0;
  m.bp = cpu.bp | 0;
  m.a = cpu.a | 0;
  return go && cpu.pc === pc + SYS_LENGTH;
}
