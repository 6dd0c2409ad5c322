// The dispatch loop: runs one process's instructions until its budget is spent or
// something needs the kernel, and says why in a Trap (pc conventions in cpu.ts).
// It never handles a fault or a system call itself.
//
// Written for V8: one flat switch over the opcode in a for loop, registers in
// locals (written back on the single exit), no allocation, closure or try/catch in
// the loop. Every guest access is inlined as: TLB tag compare, alignment check, one
// typed-array index. A miss, an unaligned or a page-crossing access calls the slow
// paths of access.ts, which translate every byte before anything changes.
//
// Restartable faults: an instruction reads everything it needs and translates every
// address it will write before it commits a store or a register, so on PAGE_FAULT
// (and on DIVIDE_BY_ZERO, BAD_CALL, BAD_RETURN) nothing visible has changed and pc
// is the instruction. The kernel maps the page and simply runs it again.
//
// Arithmetic is C's on 32-bit two's complement: wrap on overflow, truncating signed
// division; INT_MIN / -1 wraps to INT_MIN and INT_MIN % -1 is 0 (x86 would fault).
//
// Register representation: a is a signed int32; sp, bp and cpu.trapAddr are
// written back as unsigned 32-bit numbers (0xBFFFF000, not negative) so the kernel
// can compare them with the abi.ts constants; either form is accepted on entry.
//
// cpu.steps counts completed instructions: a SYS counts each time it traps, an
// instruction that faults does not.
//
// The JS tier (jit.ts): interpret() is a small driver that runs compiled code where
// there is some and this loop elsewhere. The loop decrements a countdown at every
// code index it arrives at by a call, a jump or a return and hands back to the
// driver when one runs out (ENTER_TIER), which compiles the function there or runs
// its compiled code. Both tiers count the same steps and stop at the same
// instruction, so a run is the same with and without the tier.
//
// This file is long because the loop must be one function: V8 keeps its registers
// in machine registers only while the whole dispatch is one flat switch.
import { TEXT_BASE } from '../isa/abi.js';
import { Op } from '../isa/op.js';
import { copyBlock, pageFault, probe, readBytes, writeBytes, zeroBlock } from './access.js';
import { Trap, type Cpu, type KernelGate } from './cpu.js';
import type { Image } from './image.js';
import { ENTER_TIER, LOW_BUDGET, NEVER, RESUME, RETURNED } from './jit-exits.js';
import type { Mmu } from './mmu.js';

/** Runs at most budget (>= 1) instructions, in compiled code where the JS tier has
 *  some. Panics if pc does not hold an opcode, which a verified module cannot reach.
 *  With a gate, compiled code hands it its system calls in place (cpu.ts). */
export function interpret(cpu: Cpu, mmu: Mmu, image: Image, budget: number, gate: KernelGate | null = null): Trap {
  const jit = image.jit;
  const first = cpu.steps;
  // After LOW_BUDGET the interpreter finishes the slice without handing over.
  let hot = image.hot;
  for (;;) {
    const left = budget - (cpu.steps - first);
    if (jit !== null && hot === image.hot && jit.entries[cpu.pc] !== undefined) {
      const why = jit.run(cpu, mmu, left, gate);
      if (why === LOW_BUDGET) hot = jit.cold;
      else if (why !== RETURNED && why !== RESUME) return why as Trap;
      continue;
    }
    if (left <= 0) return Trap.BUDGET;
    // Starting at a function entry (a signal handler) is an arrival too, so that a
    // handler run by each of many signals gets compiled. Not a process's first
    // instruction (_start or main, run once): a function that loops is better
    // compiled loop by loop, when a loop gets hot (jit-region.ts).
    if (jit !== null && hot === image.hot && image.isEntry[cpu.pc] === 1 && cpu.steps !== 0 && --hot[cpu.pc] <= 0) {
      if (!jit.prepare(cpu.pc, mmu)) hot[cpu.pc] = NEVER;
      continue;
    }
    // A SYS first (the sigreturn stub after a compiled handler): the loop's own case.
    if (image.code[cpu.pc] === Op.SYS) {
      cpu.trapArg = image.code[cpu.pc + 1];
      cpu.steps++;
      return Trap.SYSCALL;
    }
    const why = dispatch(cpu, mmu, image, left, hot);
    if (why !== ENTER_TIER) return why as Trap;
    if (hot !== image.hot || jit === null || !jit.prepare(cpu.pc, mmu)) hot[cpu.pc] = NEVER;
  }
}

/** The dispatch loop: at most budget (>= 1) instructions; returns a Trap or
 *  ENTER_TIER (pc is then where a countdown of `hot` ran out). Also the JS tier's
 *  slow path (jit-runtime.ts). */
export function dispatch(cpu: Cpu, mmu: Mmu, image: Image, budget: number, hot: Int32Array): number {
  const code = image.code;
  const codeLength = code.length;
  const isEntry = image.isEntry;
  const isReturnSite = image.isReturnSite;
  const u8 = mmu.mem.u8;
  const u16 = mmu.mem.u16;
  const i32 = mmu.mem.i32;
  const rTag = mmu.tlbReadTag;
  const rBase = mmu.tlbReadBase;
  const wTag = mmu.tlbWriteTag;
  const wBase = mmu.tlbWriteBase;
  const tlbMask = rTag.length - 1;
  const textBase = TEXT_BASE;
  let pc = cpu.pc;
  let sp = cpu.sp | 0;
  let bp = cpu.bp | 0;
  let a = cpu.a | 0;
  let left = budget;
  let trap: number = Trap.BUDGET;
  let b = 0;

  // Names in the cases: x a guest address, vpn/s its page and TLB slot, p a physical
  // byte address, b the popped left operand, sv/ss the page and TLB slot of sp.
  loop: for (; left > 0; ) {
    left--;
    switch (code[pc]) {
      case Op.NOP: pc += 1; break;
      case Op.IMM: a = code[pc + 1]; pc += 2; break;
      case Op.LEA: a = (bp + code[pc + 1]) | 0; pc += 2; break;
      case Op.PSH: {
        const x = (sp - 4) | 0, vpn = x >>> 12, s = vpn & tlbMask;
        if (wTag[s] === vpn && (x & 3) === 0) i32[(wBase[s] + (x & 0xfff)) >> 2] = a;
        else if (probe(cpu, mmu, x, 4, true)) writeBytes(mmu, x, 4, a);
        else { trap = Trap.PAGE_FAULT; break loop; }
        sp = x; pc += 1; break;
      }
      case Op.ADJ: sp = (sp + code[pc + 1]) | 0; pc += 2; break;
      case Op.ALLOC: sp = (sp - code[pc + 1]) | 0; pc += 2; break;

      case Op.LI: {
        const vpn = a >>> 12, s = vpn & tlbMask;
        if (rTag[s] === vpn && (a & 3) === 0) a = i32[(rBase[s] + (a & 0xfff)) >> 2];
        else if (probe(cpu, mmu, a, 4, false)) a = readBytes(mmu, a, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        pc += 1; break;
      }
      case Op.LC: {
        const vpn = a >>> 12, s = vpn & tlbMask;
        let p: number;
        if (rTag[s] === vpn) p = rBase[s] + (a & 0xfff);
        else if ((p = mmu.translate(a, false)) < 0) { trap = pageFault(cpu, a, false); break loop; }
        a = (u8[p] << 24) >> 24; pc += 1; break;
      }
      case Op.LUC: {
        const vpn = a >>> 12, s = vpn & tlbMask;
        let p: number;
        if (rTag[s] === vpn) p = rBase[s] + (a & 0xfff);
        else if ((p = mmu.translate(a, false)) < 0) { trap = pageFault(cpu, a, false); break loop; }
        a = u8[p]; pc += 1; break;
      }
      case Op.LS: {
        const vpn = a >>> 12, s = vpn & tlbMask;
        if (rTag[s] === vpn && (a & 1) === 0) a = (u16[(rBase[s] + (a & 0xfff)) >> 1] << 16) >> 16;
        else if (probe(cpu, mmu, a, 2, false)) a = (readBytes(mmu, a, 2) << 16) >> 16;
        else { trap = Trap.PAGE_FAULT; break loop; }
        pc += 1; break;
      }
      case Op.LUS: {
        const vpn = a >>> 12, s = vpn & tlbMask;
        if (rTag[s] === vpn && (a & 1) === 0) a = u16[(rBase[s] + (a & 0xfff)) >> 1];
        else if (probe(cpu, mmu, a, 2, false)) a = readBytes(mmu, a, 2);
        else { trap = Trap.PAGE_FAULT; break loop; }
        pc += 1; break;
      }
      case Op.SI: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        let x: number;
        if (rTag[ss] === sv && (sp & 3) === 0) x = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) x = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        const vpn = x >>> 12, s = vpn & tlbMask;
        if (wTag[s] === vpn && (x & 3) === 0) i32[(wBase[s] + (x & 0xfff)) >> 2] = a;
        else if (probe(cpu, mmu, x, 4, true)) writeBytes(mmu, x, 4, a);
        else { trap = Trap.PAGE_FAULT; break loop; }
        sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.SC: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        let x: number;
        if (rTag[ss] === sv && (sp & 3) === 0) x = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) x = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        const vpn = x >>> 12, s = vpn & tlbMask;
        let p: number;
        if (wTag[s] === vpn) p = wBase[s] + (x & 0xfff);
        else if ((p = mmu.translate(x, true)) < 0) { trap = pageFault(cpu, x, true); break loop; }
        u8[p] = a;
        sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.SS: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        let x: number;
        if (rTag[ss] === sv && (sp & 3) === 0) x = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) x = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        const vpn = x >>> 12, s = vpn & tlbMask;
        if (wTag[s] === vpn && (x & 1) === 0) u16[(wBase[s] + (x & 0xfff)) >> 1] = a;
        else if (probe(cpu, mmu, x, 2, true)) writeBytes(mmu, x, 2, a);
        else { trap = Trap.PAGE_FAULT; break loop; }
        sp = (sp + 4) | 0; pc += 1; break;
      }

      case Op.LLI: {
        const x = (bp + code[pc + 1]) | 0, vpn = x >>> 12, s = vpn & tlbMask;
        if (rTag[s] === vpn && (x & 3) === 0) a = i32[(rBase[s] + (x & 0xfff)) >> 2];
        else if (probe(cpu, mmu, x, 4, false)) a = readBytes(mmu, x, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        pc += 2; break;
      }
      case Op.SLI: {
        const x = (bp + code[pc + 1]) | 0, vpn = x >>> 12, s = vpn & tlbMask;
        if (wTag[s] === vpn && (x & 3) === 0) i32[(wBase[s] + (x & 0xfff)) >> 2] = a;
        else if (probe(cpu, mmu, x, 4, true)) writeBytes(mmu, x, 4, a);
        else { trap = Trap.PAGE_FAULT; break loop; }
        pc += 2; break;
      }
      case Op.LLC: case Op.LLUC: {
        const x = (bp + code[pc + 1]) | 0, vpn = x >>> 12, s = vpn & tlbMask;
        let p: number;
        if (rTag[s] === vpn) p = rBase[s] + (x & 0xfff);
        else if ((p = mmu.translate(x, false)) < 0) { trap = pageFault(cpu, x, false); break loop; }
        a = code[pc] === Op.LLC ? (u8[p] << 24) >> 24 : u8[p];
        pc += 2; break;
      }
      case Op.LLS: case Op.LLUS: {
        const x = (bp + code[pc + 1]) | 0, vpn = x >>> 12, s = vpn & tlbMask;
        let v: number;
        if (rTag[s] === vpn && (x & 1) === 0) v = u16[(rBase[s] + (x & 0xfff)) >> 1];
        else if (probe(cpu, mmu, x, 2, false)) v = readBytes(mmu, x, 2) & 0xffff;
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = code[pc] === Op.LLS ? (v << 16) >> 16 : v;
        pc += 2; break;
      }
      case Op.SLC: {
        const x = (bp + code[pc + 1]) | 0, vpn = x >>> 12, s = vpn & tlbMask;
        let p: number;
        if (wTag[s] === vpn) p = wBase[s] + (x & 0xfff);
        else if ((p = mmu.translate(x, true)) < 0) { trap = pageFault(cpu, x, true); break loop; }
        u8[p] = a;
        pc += 2; break;
      }
      case Op.SLS: {
        const x = (bp + code[pc + 1]) | 0, vpn = x >>> 12, s = vpn & tlbMask;
        if (wTag[s] === vpn && (x & 1) === 0) u16[(wBase[s] + (x & 0xfff)) >> 1] = a;
        else if (probe(cpu, mmu, x, 2, true)) writeBytes(mmu, x, 2, a);
        else { trap = Trap.PAGE_FAULT; break loop; }
        pc += 2; break;
      }
      case Op.PLI: {
        const x = (bp + code[pc + 1]) | 0, vpn = x >>> 12, s = vpn & tlbMask;
        let v: number;
        if (rTag[s] === vpn && (x & 3) === 0) v = i32[(rBase[s] + (x & 0xfff)) >> 2];
        else if (probe(cpu, mmu, x, 4, false)) v = readBytes(mmu, x, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        const y = (sp - 4) | 0, sv = y >>> 12, ss = sv & tlbMask;
        if (wTag[ss] === sv && (y & 3) === 0) i32[(wBase[ss] + (y & 0xfff)) >> 2] = v;
        else if (probe(cpu, mmu, y, 4, true)) writeBytes(mmu, y, 4, v);
        else { trap = Trap.PAGE_FAULT; break loop; }
        sp = y; pc += 2; break;
      }
      case Op.PIMM: {
        const x = (sp - 4) | 0, vpn = x >>> 12, s = vpn & tlbMask;
        if (wTag[s] === vpn && (x & 3) === 0) i32[(wBase[s] + (x & 0xfff)) >> 2] = code[pc + 1];
        else if (probe(cpu, mmu, x, 4, true)) writeBytes(mmu, x, 4, code[pc + 1]);
        else { trap = Trap.PAGE_FAULT; break loop; }
        sp = x; pc += 2; break;
      }
      case Op.ADDI: a = (a + code[pc + 1]) | 0; pc += 2; break;
      case Op.INCL: {
        const x = (bp + code[pc + 1]) | 0, vpn = x >>> 12, s = vpn & tlbMask;
        if (wTag[s] === vpn && (x & 3) === 0) {
          const q = (wBase[s] + (x & 0xfff)) >> 2;
          a = (i32[q] + code[pc + 2]) | 0;
          i32[q] = a;
        } else if (probe(cpu, mmu, x, 4, true)) {
          a = (readBytes(mmu, x, 4) + code[pc + 2]) | 0;
          writeBytes(mmu, x, 4, a);
        } else { trap = Trap.PAGE_FAULT; break loop; }
        pc += 3; break;
      }

      // Binary operators: b = pop; a = b OP a. The pop is written out in every case:
      // a shared helper or a second switch would cost more than most operators.
      case Op.ADD: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = (b + a) | 0; sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.SUB: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = (b - a) | 0; sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.MUL: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = Math.imul(b, a); sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.DIV: {
        if (a === 0) { trap = Trap.DIVIDE_BY_ZERO; break loop; }
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = (b / a) | 0; sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.DIVU: {
        if (a === 0) { trap = Trap.DIVIDE_BY_ZERO; break loop; }
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = ((b >>> 0) / (a >>> 0)) | 0; sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.MOD: {
        if (a === 0) { trap = Trap.DIVIDE_BY_ZERO; break loop; }
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = (b % a) | 0; sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.MODU: {
        if (a === 0) { trap = Trap.DIVIDE_BY_ZERO; break loop; }
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = ((b >>> 0) % (a >>> 0)) | 0; sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.AND: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = b & a; sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.OR: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = b | a; sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.XOR: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = b ^ a; sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.SHL: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = b << (a & 31); sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.SHR: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = b >> (a & 31); sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.SHRU: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = (b >>> (a & 31)) | 0; sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.EQ: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = b === a ? 1 : 0; sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.NE: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = b !== a ? 1 : 0; sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.LT: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = b < a ? 1 : 0; sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.LE: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = b <= a ? 1 : 0; sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.GT: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = b > a ? 1 : 0; sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.GE: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = b >= a ? 1 : 0; sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.LTU: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = b >>> 0 < a >>> 0 ? 1 : 0; sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.LEU: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = b >>> 0 <= a >>> 0 ? 1 : 0; sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.GTU: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = b >>> 0 > a >>> 0 ? 1 : 0; sp = (sp + 4) | 0; pc += 1; break;
      }
      case Op.GEU: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        if (rTag[ss] === sv && (sp & 3) === 0) b = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) b = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = b >>> 0 >= a >>> 0 ? 1 : 0; sp = (sp + 4) | 0; pc += 1; break;
      }

      // Right operand an immediate k (x below) or a word local: no stack traffic.
      case Op.MULI: { const x = code[pc + 1]; a = Math.imul(a, x); pc += 2; break; }
      case Op.DIVI: {
        const x = code[pc + 1];
        if (x === 0) { trap = Trap.DIVIDE_BY_ZERO; break loop; }
        a = (a / x) | 0; pc += 2; break;
      }
      case Op.DIVUI: {
        const x = code[pc + 1];
        if (x === 0) { trap = Trap.DIVIDE_BY_ZERO; break loop; }
        a = ((a >>> 0) / (x >>> 0)) | 0; pc += 2; break;
      }
      case Op.MODI: {
        const x = code[pc + 1];
        if (x === 0) { trap = Trap.DIVIDE_BY_ZERO; break loop; }
        a = (a % x) | 0; pc += 2; break;
      }
      case Op.MODUI: {
        const x = code[pc + 1];
        if (x === 0) { trap = Trap.DIVIDE_BY_ZERO; break loop; }
        a = ((a >>> 0) % (x >>> 0)) | 0; pc += 2; break;
      }
      case Op.ANDI: { const x = code[pc + 1]; a = a & x; pc += 2; break; }
      case Op.ORI: { const x = code[pc + 1]; a = a | x; pc += 2; break; }
      case Op.XORI: { const x = code[pc + 1]; a = a ^ x; pc += 2; break; }
      case Op.SHLI: { const x = code[pc + 1]; a = a << (x & 31); pc += 2; break; }
      case Op.SHRI: { const x = code[pc + 1]; a = a >> (x & 31); pc += 2; break; }
      case Op.SHRUI: { const x = code[pc + 1]; a = (a >>> (x & 31)) | 0; pc += 2; break; }
      case Op.EQI: { const x = code[pc + 1]; a = a === x ? 1 : 0; pc += 2; break; }
      case Op.NEI: { const x = code[pc + 1]; a = a !== x ? 1 : 0; pc += 2; break; }
      case Op.LTI: { const x = code[pc + 1]; a = a < x ? 1 : 0; pc += 2; break; }
      case Op.LEI: { const x = code[pc + 1]; a = a <= x ? 1 : 0; pc += 2; break; }
      case Op.GTI: { const x = code[pc + 1]; a = a > x ? 1 : 0; pc += 2; break; }
      case Op.GEI: { const x = code[pc + 1]; a = a >= x ? 1 : 0; pc += 2; break; }
      case Op.LTUI: { const x = code[pc + 1]; a = a >>> 0 < x >>> 0 ? 1 : 0; pc += 2; break; }
      case Op.LEUI: { const x = code[pc + 1]; a = a >>> 0 <= x >>> 0 ? 1 : 0; pc += 2; break; }
      case Op.GTUI: { const x = code[pc + 1]; a = a >>> 0 > x >>> 0 ? 1 : 0; pc += 2; break; }
      case Op.GEUI: { const x = code[pc + 1]; a = a >>> 0 >= x >>> 0 ? 1 : 0; pc += 2; break; }
      case Op.ADDL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = (a + x) | 0; pc += 2; break;
      }
      case Op.SUBL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = (a - x) | 0; pc += 2; break;
      }
      case Op.MULL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = Math.imul(a, x); pc += 2; break;
      }
      case Op.DIVL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        if (x === 0) { trap = Trap.DIVIDE_BY_ZERO; break loop; }
        a = (a / x) | 0; pc += 2; break;
      }
      case Op.DIVUL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        if (x === 0) { trap = Trap.DIVIDE_BY_ZERO; break loop; }
        a = ((a >>> 0) / (x >>> 0)) | 0; pc += 2; break;
      }
      case Op.MODL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        if (x === 0) { trap = Trap.DIVIDE_BY_ZERO; break loop; }
        a = (a % x) | 0; pc += 2; break;
      }
      case Op.MODUL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        if (x === 0) { trap = Trap.DIVIDE_BY_ZERO; break loop; }
        a = ((a >>> 0) % (x >>> 0)) | 0; pc += 2; break;
      }
      case Op.ANDL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = a & x; pc += 2; break;
      }
      case Op.ORL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = a | x; pc += 2; break;
      }
      case Op.XORL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = a ^ x; pc += 2; break;
      }
      case Op.SHLL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = a << (x & 31); pc += 2; break;
      }
      case Op.SHRL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = a >> (x & 31); pc += 2; break;
      }
      case Op.SHRUL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = (a >>> (x & 31)) | 0; pc += 2; break;
      }
      case Op.EQL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = a === x ? 1 : 0; pc += 2; break;
      }
      case Op.NEL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = a !== x ? 1 : 0; pc += 2; break;
      }
      case Op.LTL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = a < x ? 1 : 0; pc += 2; break;
      }
      case Op.LEL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = a <= x ? 1 : 0; pc += 2; break;
      }
      case Op.GTL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = a > x ? 1 : 0; pc += 2; break;
      }
      case Op.GEL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = a >= x ? 1 : 0; pc += 2; break;
      }
      case Op.LTUL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = a >>> 0 < x >>> 0 ? 1 : 0; pc += 2; break;
      }
      case Op.LEUL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = a >>> 0 <= x >>> 0 ? 1 : 0; pc += 2; break;
      }
      case Op.GTUL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = a >>> 0 > x >>> 0 ? 1 : 0; pc += 2; break;
      }
      case Op.GEUL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        a = a >>> 0 >= x >>> 0 ? 1 : 0; pc += 2; break;
      }
      // Compare and branch; a is unchanged.
      case Op.JEQI: {
        const x = code[pc + 1];
        pc = a === x ? code[pc + 2] : pc + 3;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.JNEI: {
        const x = code[pc + 1];
        pc = a !== x ? code[pc + 2] : pc + 3;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.JLTI: {
        const x = code[pc + 1];
        pc = a < x ? code[pc + 2] : pc + 3;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.JLEI: {
        const x = code[pc + 1];
        pc = a <= x ? code[pc + 2] : pc + 3;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.JGTI: {
        const x = code[pc + 1];
        pc = a > x ? code[pc + 2] : pc + 3;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.JGEI: {
        const x = code[pc + 1];
        pc = a >= x ? code[pc + 2] : pc + 3;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.JLTUI: {
        const x = code[pc + 1];
        pc = a >>> 0 < x >>> 0 ? code[pc + 2] : pc + 3;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.JLEUI: {
        const x = code[pc + 1];
        pc = a >>> 0 <= x >>> 0 ? code[pc + 2] : pc + 3;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.JGTUI: {
        const x = code[pc + 1];
        pc = a >>> 0 > x >>> 0 ? code[pc + 2] : pc + 3;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.JGEUI: {
        const x = code[pc + 1];
        pc = a >>> 0 >= x >>> 0 ? code[pc + 2] : pc + 3;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.JEQL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        pc = a === x ? code[pc + 2] : pc + 3;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.JNEL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        pc = a !== x ? code[pc + 2] : pc + 3;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.JLTL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        pc = a < x ? code[pc + 2] : pc + 3;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.JLEL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        pc = a <= x ? code[pc + 2] : pc + 3;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.JGTL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        pc = a > x ? code[pc + 2] : pc + 3;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.JGEL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        pc = a >= x ? code[pc + 2] : pc + 3;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.JLTUL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        pc = a >>> 0 < x >>> 0 ? code[pc + 2] : pc + 3;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.JLEUL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        pc = a >>> 0 <= x >>> 0 ? code[pc + 2] : pc + 3;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.JGTUL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        pc = a >>> 0 > x >>> 0 ? code[pc + 2] : pc + 3;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.JGEUL: {
        const y = (bp + code[pc + 1]) | 0, vpn = y >>> 12, s = vpn & tlbMask;
        let x: number;
        if (rTag[s] === vpn && (y & 3) === 0) x = i32[(rBase[s] + (y & 0xfff)) >> 2];
        else if (probe(cpu, mmu, y, 4, false)) x = readBytes(mmu, y, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        pc = a >>> 0 >= x >>> 0 ? code[pc + 2] : pc + 3;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }

      case Op.NEG: a = -a | 0; pc += 1; break;
      case Op.NOT: a = ~a; pc += 1; break;
      case Op.LNOT: a = a === 0 ? 1 : 0; pc += 1; break;
      case Op.SXB: a = (a << 24) >> 24; pc += 1; break;
      case Op.ZXB: a &= 0xff; pc += 1; break;
      case Op.SXH: a = (a << 16) >> 16; pc += 1; break;
      case Op.ZXH: a &= 0xffff; pc += 1; break;
      case Op.BOOL: a = a !== 0 ? 1 : 0; pc += 1; break;

      case Op.JMP:
        pc = code[pc + 1];
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      case Op.JZ:
        pc = a === 0 ? code[pc + 1] : pc + 2;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      case Op.JNZ:
        pc = a !== 0 ? code[pc + 1] : pc + 2;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      case Op.CALL: {
        const x = (sp - 4) | 0, vpn = x >>> 12, s = vpn & tlbMask, ret = (textBase + pc + 2) | 0;
        if (wTag[s] === vpn && (x & 3) === 0) i32[(wBase[s] + (x & 0xfff)) >> 2] = ret;
        else if (probe(cpu, mmu, x, 4, true)) writeBytes(mmu, x, 4, ret);
        else { trap = Trap.PAGE_FAULT; break loop; }
        sp = x; pc = code[pc + 1];
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.CALLI: {
        const target = (a - textBase) | 0;
        if (target >>> 0 >= codeLength || isEntry[target] === 0) { cpu.trapAddr = a >>> 0; trap = Trap.BAD_CALL; break loop; }
        const x = (sp - 4) | 0, vpn = x >>> 12, s = vpn & tlbMask, ret = (textBase + pc + 1) | 0;
        if (wTag[s] === vpn && (x & 3) === 0) i32[(wBase[s] + (x & 0xfff)) >> 2] = ret;
        else if (probe(cpu, mmu, x, 4, true)) writeBytes(mmu, x, 4, ret);
        else { trap = Trap.PAGE_FAULT; break loop; }
        sp = x; pc = target;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.ENT: {
        const x = (sp - 4) | 0, vpn = x >>> 12, s = vpn & tlbMask;
        if (wTag[s] === vpn && (x & 3) === 0) i32[(wBase[s] + (x & 0xfff)) >> 2] = bp;
        else if (probe(cpu, mmu, x, 4, true)) writeBytes(mmu, x, 4, bp);
        else { trap = Trap.PAGE_FAULT; break loop; }
        bp = x; sp = (x - code[pc + 1]) | 0; pc += 2; break;
      }
      case Op.LEV: {
        // sp = bp; bp = pop; pc = pop - TEXT_BASE: both words read before anything changes.
        const vpn = bp >>> 12, s = vpn & tlbMask;
        let savedBp: number, ret: number;
        if (rTag[s] === vpn && (bp & 0xfff) <= 0xff8 && (bp & 3) === 0) {
          const q = (rBase[s] + (bp & 0xfff)) >> 2;
          savedBp = i32[q];
          ret = i32[q + 1];
        } else if (probe(cpu, mmu, bp, 8, false)) {
          savedBp = readBytes(mmu, bp, 4);
          ret = readBytes(mmu, (bp + 4) | 0, 4);
        } else { trap = Trap.PAGE_FAULT; break loop; }
        const target = (ret - textBase) | 0;
        if (target >>> 0 >= codeLength || isReturnSite[target] === 0) { cpu.trapAddr = ret >>> 0; trap = Trap.BAD_RETURN; break loop; }
        sp = (bp + 8) | 0; bp = savedBp; pc = target;
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }
      case Op.JTAB: {
        // JTAB lo n default t0 .. t(n-1)
        const index = (a - code[pc + 1]) >>> 0;
        pc = index < code[pc + 2] ? code[pc + 4 + index] : code[pc + 3];
        if (--hot[pc] <= 0) { trap = ENTER_TIER; break loop; }
        break;
      }

      case Op.MCPY: {
        const sv = sp >>> 12, ss = sv & tlbMask;
        let dst: number;
        if (rTag[ss] === sv && (sp & 3) === 0) dst = i32[(rBase[ss] + (sp & 0xfff)) >> 2];
        else if (probe(cpu, mmu, sp, 4, false)) dst = readBytes(mmu, sp, 4);
        else { trap = Trap.PAGE_FAULT; break loop; }
        if (!copyBlock(cpu, mmu, dst, a, code[pc + 1])) { trap = Trap.PAGE_FAULT; break loop; }
        a = dst; sp = (sp + 4) | 0; pc += 2; break;
      }
      case Op.MZERO:
        if (!zeroBlock(cpu, mmu, a, code[pc + 1])) { trap = Trap.PAGE_FAULT; break loop; }
        pc += 2; break;
      case Op.SYS: cpu.trapArg = code[pc + 1]; trap = Trap.SYSCALL; break loop;

      default:
        throw new Error(`interpret: no instruction at pc ${pc} (word ${code[pc]})`);
    }
  }

  cpu.pc = pc;
  cpu.sp = sp >>> 0;
  cpu.bp = bp >>> 0;
  cpu.a = a;
  // The instruction that traps counts only for SYSCALL and ENTER_TIER (it completed).
  cpu.steps += trap === Trap.BUDGET || trap === Trap.SYSCALL || trap === ENTER_TIER ? budget - left : budget - left - 1;
  return trap;
}
