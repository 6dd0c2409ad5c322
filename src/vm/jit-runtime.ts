// The out-of-line slow paths of compiled code's memory accesses (jit-compile.ts keeps
// only the fast path inline, so that generated functions stay small enough for V8 to
// optimise). They do what the interpreter's slow paths do -- TLB lookup, probe, byte
// by byte access -- and hand a fault to the kernel's gate in place when there is one
// (retrying the access once the page is mapped), else report it in m.fault (the trap
// to leave with) with the fault recorded in the cpu, leaving memory unchanged. And the
// system call through the gate.
import { probe, readBytes, writeBytes } from './access.js';
import { SYS_LENGTH, Trap } from './cpu.js';
import type { JitMachine } from './jit.js';

/** A fault at x (probe recorded it in the cpu) of the instruction at pc, with `left`
 *  instructions of budget counting that one: through m.gate when there is one. True
 *  when the kernel mapped the page (retry the access); otherwise m.fault is the trap
 *  compiled code leaves with: PAGE_FAULT (no gate: for the kernel to handle) or
 *  FAULT_DONE (the gate handled it). */
function faultInPlace(m: JitMachine, pc: number, left: number): boolean {
  const gate = m.gate;
  if (gate === null) {
    m.fault = Trap.PAGE_FAULT;
    return false;
  }
  const cpu = m.cpu;
  cpu.pc = pc;
  cpu.steps = m.stepBase - left;
  if (gate.handleFault(cpu)) return true;
  m.fault = Trap.FAULT_DONE;
  return false;
}

/** The size-byte value at x (zero-extended) for the instruction at pc (left: see
 *  faultInPlace); or m.fault set (then the result is 0). */
export function loadSlow(m: JitMachine, x: number, size: number, pc: number, left: number): number {
  while (!probe(m.cpu, m.mmu, x, size, false)) if (!faultInPlace(m, pc, left)) return 0;
  m.fault = 0;
  return readBytes(m.mmu, x, size);
}

/** Stores the low size bytes of value at x; false (m.fault set) when the page is
 *  missing and was not mapped in place. */
export function storeSlow(m: JitMachine, x: number, size: number, value: number, pc: number, left: number): boolean {
  while (!probe(m.cpu, m.mmu, x, size, true)) if (!faultInPlace(m, pc, left)) return false;
  writeBytes(m.mmu, x, size, value);
  return true;
}

/** INCL's read-modify-write of the word at x by k: the new value, or m.fault set. */
export function addSlow(m: JitMachine, x: number, k: number, pc: number, left: number): number {
  while (!probe(m.cpu, m.mmu, x, 4, true)) if (!faultInPlace(m, pc, left)) return 0;
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
