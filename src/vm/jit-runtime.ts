// The slow path of compiled code (jit-compile.ts keeps only fast paths inline): the
// rest of a block run by the interpreter itself, so that TLB misses, faults, page
// crossings and bad addresses behave exactly as they do without the tier. A page
// fault it meets goes to the kernel's gate in place when there is one (the access is
// retried once the page is mapped), as does a SYS of compiled code (kernelCall).
import { SYS_LENGTH, Trap } from './cpu.js';
import { dispatch } from './interpreter.js';
import type { JitMachine } from './jit.js';

/** Interprets n instructions from pc (the rest of a block, already taken from m.left)
 *  with the registers of m, and writes the registers back to m. Returns 0 when all n
 *  ran (m.pc is then where the block went), or the Trap that stopped the run (m.pc as
 *  the interpreter leaves it); m.left gets back the instructions that did not count.
 *  A page fault goes through m.gate when there is one: resolved in place, the run goes
 *  on at the faulting instruction; else FAULT_DONE. m.flush is then 1. */
export function runBlock(m: JitMachine, pc: number, n: number): number {
  const cpu = m.cpu;
  cpu.pc = pc;
  cpu.sp = m.sp >>> 0;
  cpu.bp = m.bp >>> 0;
  cpu.a = m.a;
  // cpu.steps as the interpreter would have it here (see Jit.run).
  const start = (m.stepBase - m.left - n) | 0;
  cpu.steps = start;
  let trap = dispatch(cpu, m.mmu, m.image, n, m.cold);
  const gate = m.gate;
  while (trap === Trap.PAGE_FAULT && gate !== null) {
    m.flush = 1;
    const ran = cpu.steps - start;
    if (!gate.handleFault(cpu)) {
      trap = Trap.FAULT_DONE;
      break;
    }
    trap = dispatch(cpu, m.mmu, m.image, n - ran, m.cold);
  }
  const ran = cpu.steps - start;
  m.pc = cpu.pc;
  m.sp = cpu.sp | 0;
  m.bp = cpu.bp | 0;
  m.a = cpu.a;
  m.left = (m.left + n - ran) | 0;
  return trap === Trap.BUDGET ? 0 : trap;
}

/** SYS at pc through m.gate (not null), with m.sp/bp/a/left current (the SYS counted):
 *  the registers and steps go to the cpu as a SYSCALL trap would leave them, the kernel
 *  handles the call, and m takes the registers back. True when compiled code may go on
 *  after the SYS (m.pc is then pc + SYS_LENGTH); else m.pc is where the kernel left the
 *  process. */
export function kernelCall(m: JitMachine, pc: number): boolean {
  const cpu = m.cpu;
  cpu.pc = pc;
  cpu.sp = m.sp >>> 0;
  cpu.bp = m.bp >>> 0;
  cpu.a = m.a;
  cpu.trapArg = m.image.code[pc + 1];
  cpu.steps = m.stepBase - m.left;
  const go = (m.gate as NonNullable<typeof m.gate>).handleSyscall(cpu);
  m.pc = cpu.pc;
  m.sp = cpu.sp | 0;
  m.bp = cpu.bp | 0;
  m.a = cpu.a | 0;
  return go && cpu.pc === pc + SYS_LENGTH;
}
