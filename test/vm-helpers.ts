// Test support for the VM tests: a tiny assembler from text to a Module, and a
// machine (physical memory, one page table, a cpu) with a few pages mapped.
//
// Assembler syntax, one item per line, `;` starts a comment:
//   .func name      a function starts here (also defines the label `name`)
//   .sigreturn      module.sigreturn is the next instruction
//   name:           a label
//   OP arg arg ...  an instruction; an argument is a number or a label
//                   (JTAB takes lo n default and then its n targets)
//   .word arg       one raw code word
import { DATA_BASE, PAGE_SIZE, STACK_TOP } from '../src/isa/abi.js';
import type { FunctionSymbol, Module } from '../src/isa/module.js';
import { OPCODES, instructionLength } from '../src/isa/opcodes.js';
import { Cpu, type Trap } from '../src/vm/cpu.js';
import { makeImage, type Image } from '../src/vm/image.js';
import { interpret } from '../src/vm/interpreter.js';
import { Mmu, PTE_PRESENT, PTE_WRITE } from '../src/vm/mmu.js';
import { PhysMem } from '../src/vm/physmem.js';

const OPCODE_BY_NAME = new Map<string, number>(OPCODES.map((o) => [o.name, o.code]));

export function assemble(source: string): Module {
  const words: (number | string)[] = [];
  const labels = new Map<string, number>();
  const starts: { name: string; start: number }[] = [];
  let sigreturn = -1;
  for (const raw of source.split('\n')) {
    const line = raw.replace(/;.*/, '').trim();
    if (line === '') continue;
    const [head, ...args] = line.split(/[\s,]+/);
    if (head === '.func') {
      labels.set(args[0], words.length);
      starts.push({ name: args[0], start: words.length });
    } else if (head === '.sigreturn') {
      sigreturn = words.length;
    } else if (head.endsWith(':')) {
      labels.set(head.slice(0, -1), words.length);
    } else if (head === '.word') {
      words.push(...args.map(parseArg));
    } else {
      const op = OPCODE_BY_NAME.get(head);
      if (op === undefined) throw new Error(`assemble: unknown opcode ${head}`);
      words.push(op, ...args.map(parseArg));
    }
  }
  const code = Int32Array.from(words, (w) => {
    if (typeof w === 'number') return w;
    const at = labels.get(w);
    if (at === undefined) throw new Error(`assemble: unknown label ${w}`);
    return at;
  });
  for (let pc = 0; pc < code.length; pc += instructionLength(code, pc)) {
    if (instructionLength(code, pc) <= 0) throw new Error(`assemble: bad instruction at ${pc}`);
  }
  const functions: FunctionSymbol[] = starts.map((f, i) => ({
    name: f.name,
    start: f.start,
    end: i + 1 < starts.length ? starts[i + 1].start : code.length,
  }));
  return {
    code,
    data: new Uint8Array(0),
    bssSize: 0,
    entry: labels.get('main') ?? 0,
    sigreturn,
    functions,
    globals: [],
    files: [],
    lines: new Int32Array(0),
  };
}

function parseArg(text: string): number | string {
  return /^-?(0x[0-9a-f]+|\d+)$/i.test(text) ? Number(text) | 0 : text;
}

export const RW = PTE_PRESENT | PTE_WRITE;
export const RO = PTE_PRESENT;
/** Top of the initial stack: the highest word of the mapped stack page. */
export const SP0 = STACK_TOP - 16;

export interface Machine {
  mem: PhysMem;
  mmu: Mmu;
  cpu: Cpu;
  image: Image;
}

/** A machine running `source` from `main` (or 0), with two stack pages below
 *  STACK_TOP and two data pages at DATA_BASE mapped read-write. */
export function machine(source: string, frames = 64): Machine {
  const mem = new PhysMem(frames * PAGE_SIZE);
  const mmu = new Mmu(mem);
  const image = makeImage(assemble(source));
  const cpu = new Cpu();
  cpu.pc = image.module.entry;
  cpu.sp = SP0;
  cpu.bp = SP0;
  for (const addr of [STACK_TOP - PAGE_SIZE, STACK_TOP - 2 * PAGE_SIZE, DATA_BASE, DATA_BASE + PAGE_SIZE]) {
    mapPage(mmu, addr, RW);
  }
  return { mem, mmu, cpu, image };
}

/** Maps a fresh zeroed frame at the page holding addr; returns the frame. */
export function mapPage(mmu: Mmu, addr: number, flags: number): number {
  const frame = mmu.mem.allocFrame();
  if (frame < 0) throw new Error('mapPage: out of frames');
  mmu.setPte(addr >>> 12, (frame << 12) | flags);
  return frame;
}

export function run(m: Machine, budget = 100_000): Trap {
  return interpret(m.cpu, m.mmu, m.image, budget);
}

/** Reads len bytes little endian through the page table (no faults: throws). */
export function peek(m: Machine, addr: number, len = 4): number {
  let value = 0;
  for (let i = 0; i < len; i++) value |= m.mem.u8[physical(m, addr + i)] << (8 * i);
  return len === 4 ? value | 0 : value >>> 0;
}

export function poke(m: Machine, addr: number, value: number, len = 4): void {
  for (let i = 0; i < len; i++) m.mem.u8[physical(m, addr + i)] = value >>> (8 * i);
}

function physical(m: Machine, addr: number): number {
  const pte = m.mmu.getPte((addr >>> 0) >>> 12);
  if ((pte & PTE_PRESENT) === 0) throw new Error(`peek/poke: ${addr.toString(16)} not mapped`);
  return (pte >>> 12) * PAGE_SIZE + (addr & 0xfff);
}

/** The visible state a faulting instruction must not change. */
export function snapshot(m: Machine): { pc: number; sp: number; bp: number; a: number; steps: number; memory: Uint8Array } {
  const { pc, sp, bp, a, steps } = m.cpu;
  return { pc, sp, bp, a, steps, memory: m.mem.u8.slice() };
}
