// Runs a linked module on the bare interpreter, without a kernel: pages of data,
// bss and stack are mapped on demand when they fault, `SYS exit`/`exit_group` end
// the run and `SYS write` collects output. Enough to check compiled code in the
// codegen and linker tests before (and independently of) the real kernel.
import { DATA_BASE, PAGE_SIZE, STACK_MAX, STACK_TOP } from '../src/isa/abi.js';
import type { Module } from '../src/isa/module.js';
import { verifyModule } from '../src/isa/verify.js';
import { Cpu, SYS_LENGTH, Trap } from '../src/vm/cpu.js';
import { makeImage } from '../src/vm/image.js';
import { interpret } from '../src/vm/interpreter.js';
import { Mmu, PTE_PRESENT, PTE_WRITE } from '../src/vm/mmu.js';
import { PhysMem } from '../src/vm/physmem.js';

export interface BareRun {
  /** exit status, or 128 + signal for a fatal trap (SIGFPE 8, SIGSEGV 11). */
  status: number;
  stdout: string;
  steps: number;
}

const SYS_EXIT = 1;
const SYS_WRITE = 4;
const SYS_EXIT_GROUP = 252;
const ENOSYS = 38;

export function runBare(module: Module, maxSteps = 50_000_000): BareRun {
  verifyModule(module);
  const mem = new PhysMem(32 * 1024 * 1024);
  const mmu = new Mmu(mem);
  const image = makeImage(module);
  const cpu = new Cpu();
  const brk = DATA_BASE + module.data.length + module.bssSize;
  const mappable = (addr: number): boolean =>
    (addr >= DATA_BASE && addr < Math.max(brk, DATA_BASE + PAGE_SIZE)) || (addr >= STACK_TOP - STACK_MAX && addr < STACK_TOP);
  const map = (addr: number): void => {
    const frame = mem.allocFrame();
    if (frame < 0) throw new Error('runBare: out of frames');
    mmu.setPte(addr >>> 12, (frame << 12) | PTE_PRESENT | PTE_WRITE);
  };
  const byteAt = (addr: number): number => {
    let p = mmu.translate(addr, false);
    if (p < 0) {
      map(addr);
      p = mmu.translate(addr, false);
    }
    return p;
  };
  module.data.forEach((b, i) => (mem.u8[byteAt(DATA_BASE + i)] = b));
  const word = (addr: number): number =>
    mem.u8[byteAt(addr)] | (mem.u8[byteAt(addr + 1)] << 8) | (mem.u8[byteAt(addr + 2)] << 16) | (mem.u8[byteAt(addr + 3)] << 24);

  // As the kernel does: a call _start(argc = 0, argv = {NULL}, envp = {NULL}) returning to 0.
  const setWord = (addr: number, v: number): void => {
    for (let i = 0; i < 4; i++) mem.u8[byteAt(addr + i)] = (v >>> (8 * i)) & 0xff;
  };
  const nullWord = STACK_TOP - 8;
  cpu.sp = STACK_TOP - 32;
  [0, 0, nullWord, nullWord, 0].forEach((v, i) => setWord(cpu.sp + 4 * i, v));
  cpu.bp = 0;
  cpu.pc = module.entry;

  let stdout = '';
  while (cpu.steps < maxSteps) {
    const trap = interpret(cpu, mmu, image, 100_000);
    switch (trap) {
      case Trap.BUDGET:
        continue;
      case Trap.PAGE_FAULT:
        if (!mappable(cpu.trapAddr) || mmu.translate(cpu.trapAddr, false) >= 0) return { status: 128 + 11, stdout, steps: cpu.steps };
        map(cpu.trapAddr);
        continue;
      case Trap.SYSCALL: {
        const nr = cpu.trapArg;
        const arg = (i: number): number => word(cpu.sp + 4 * i);
        if (nr === SYS_EXIT || nr === SYS_EXIT_GROUP) return { status: arg(0) & 0xff, stdout, steps: cpu.steps };
        if (nr === SYS_WRITE) {
          const [buf, len] = [arg(1), arg(2)];
          for (let i = 0; i < len; i++) stdout += String.fromCharCode(mem.u8[byteAt(buf + i)]);
          cpu.a = len;
        } else {
          cpu.a = -ENOSYS;
        }
        cpu.pc += SYS_LENGTH;
        continue;
      }
      case Trap.DIVIDE_BY_ZERO:
        return { status: 128 + 8, stdout, steps: cpu.steps };
      case Trap.BAD_CALL:
      case Trap.BAD_RETURN:
        return { status: 128 + 11, stdout, steps: cpu.steps };
      default:
        throw new Error(`runBare: trap ${String(trap)}`);
    }
  }
  throw new Error(`runBare: still running after ${maxSteps} steps`);
}
