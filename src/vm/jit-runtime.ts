// The slow path of compiled code (jit-compile.ts keeps only fast paths inline): the
// rest of a block run by the interpreter itself, so that TLB misses, faults, page
// crossings and bad addresses behave exactly as they do without the tier.
import { Trap } from './cpu.js';
import { dispatch } from './interpreter.js';
import type { JitMachine } from './jit.js';

/** Interprets n instructions from pc (the rest of a block, already taken from m.left)
 *  with the registers of m, and writes the registers back to m. Returns 0 when all n
 *  ran (m.pc is then where the block went), or the Trap that stopped the run (m.pc as
 *  the interpreter leaves it); m.left gets back the instructions that did not count. */
export function runBlock(m: JitMachine, pc: number, n: number): number {
  const cpu = m.cpu;
  cpu.pc = pc;
  cpu.sp = m.sp >>> 0;
  cpu.bp = m.bp >>> 0;
  cpu.a = m.a;
  const steps = cpu.steps;
  const trap = dispatch(cpu, m.mmu, m.image, n, m.cold);
  const ran = cpu.steps - steps;
  cpu.steps = steps;
  m.pc = cpu.pc;
  m.sp = cpu.sp | 0;
  m.bp = cpu.bp | 0;
  m.a = cpu.a;
  m.left = (m.left + n - ran) | 0;
  return trap === Trap.BUDGET ? 0 : trap;
}
