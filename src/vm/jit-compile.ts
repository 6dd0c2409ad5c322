// Turns a unit of guest code (a hot function, or the hot loop of a long one, with the
// short functions it calls) into one JavaScript function (the JS tier, see jit.ts;
// which blocks: jit-region.ts).
//
// Shape of the generated code: the basic blocks become the cases 0, 1, 2 ... of a
// `switch (blk)` inside a loop, so it can be entered at any block start (an entry, a
// loop head, a return site, the instruction after a SYS); a jump is `blk = case;
// continue`, falling through to the next block is falling through to the next case;
// a call or a return to a block of the unit is a jump too, and control that leaves
// the unit's blocks leaves the function (RESUME).
// Registers live in JS locals. Each block first takes its instruction count from the
// budget, or leaves (LOW_BUDGET) when fewer are left, so the interpreter finishes the
// slice and the budget ends at the very instruction it would end at without the tier.
//
// A SYS hands the call to the kernel in place when the driver passed a gate (cpu.ts
// KernelGate) and goes on after it when the kernel lets it.
// Every exit (a trap, a call or jump the compiled code does not follow) goes through
// `break out` after setting pc, why and the budget: for a trap that does not count
// (a fault) the faulting instruction and the rest of the block are given back. An
// instruction commits registers only after its last possible fault, exactly as the
// interpreter does, so the state at an exit is the interpreter's. Memory accesses use
// the same inline TLB fast path and the same slow paths (access.ts).
//
// Within a block the values pushed on the operand stack are also kept in JS locals
// (the "known stack"), so a later pop need not read memory back. Every push is still
// written to guest memory (stale stack contents are visible to a guest that reads an
// uninitialised local); the known stack is forgotten at every block start and at every
// store, call or sp adjustment, which could change those words behind its back.
import { Trap } from './cpu.js';
import type { FunctionSymbol } from '../isa/module.js';
import { instructionLength } from '../isa/opcodes.js';
import { Op } from '../isa/op.js';
import type { copyBlock, probe, readBytes, writeBytes, zeroBlock } from './access.js';
import type { addSlow, kernelCall, loadSlow, storeSlow } from './jit-runtime.js';
import { TLB_MASK } from './mmu.js';
import { LOW_BUDGET, RESUME } from './jit-exits.js';
import { blockRanges, isUnconditional } from './jit-region.js';
import { translateInstruction } from './jit-ops.js';
import type { JitMachine } from './jit.js';

/** A compiled guest function: runs from the block starting at `entry`; returns why it stopped. */
export type JitFunction = (m: JitMachine, entry: number) => number;

/** What generated code calls: the slow paths and the program's tables. */
export interface Runtime {
  probe: typeof probe;
  readBytes: typeof readBytes;
  writeBytes: typeof writeBytes;
  copyBlock: typeof copyBlock;
  zeroBlock: typeof zeroBlock;
  loadSlow: typeof loadSlow;
  storeSlow: typeof storeSlow;
  addSlow: typeof addSlow;
  kernelCall: typeof kernelCall;
  entries: (JitFunction | undefined)[];
  isEntry: Uint8Array;
  isReturnSite: Uint8Array;
}

export interface CompiledFunction {
  fn: JitFunction;
  /** Code indexes where fn can be entered. */
  blockStarts: number[];
}

/** A guest function in a unit, and which of its blocks to compile (all when absent). */
export interface UnitMember {
  f: FunctionSymbol;
  blocks?: readonly number[];
}

/** Compiles a unit: guest functions or loops of them (the first member is what got
 *  hot) whose blocks become the cases of one JS function, so that calls and returns
 *  between them are jumps. Every instruction of a verified module has a translation. */
export function compileUnit(code: Int32Array, members: readonly UnitMember[], runtime: Runtime): CompiledFunction {
  const w = new FunctionWriter(code, members);
  const factory = new Function('rt', w.source()) as (rt: Runtime) => JitFunction;
  return { fn: factory(runtime), blockStarts: w.blockStarts };
}

/** Direct call targets in [start, end), in order of first appearance. */
export function directCallees(code: Int32Array, start: number, end: number): number[] {
  const targets: number[] = [];
  for (let pc = start; pc < end; pc += instructionLength(code, pc)) {
    if (code[pc] === Op.CALL && !targets.includes(code[pc + 1])) targets.push(code[pc + 1]);
  }
  return targets;
}

/** Generated-code helpers for one function: exits, memory accesses, the known stack. */
export class FunctionWriter {
  /** Code index of the instruction being translated. */
  pc = 0;
  /** The unit's block starts, in the order of their cases. */
  readonly blockStarts: number[] = [];
  /** Block start -> its case number. Cases are numbered densely from 0 so that every
   *  tier of V8 (also the unoptimised ones, which compile a sparse switch to a chain of
   *  compares) dispatches through a jump table. */
  private readonly caseOf = new Map<number, number>();
  private readonly body: string[] = [];
  private readonly tables: string[] = [];
  /** Per member function, the name of its table code index - start -> case (-1: none). */
  private readonly caseTables: string[];
  /** JS expressions of the values pushed in this block, top last. */
  private known: string[] = [];
  private maxTemps = 0;
  private blockLength = 0;
  /** Instructions of the current block before the one being translated. */
  private index = 0;

  /** The guest functions of the unit; the first names it. */
  readonly functions: readonly FunctionSymbol[];

  constructor(
    readonly code: Int32Array,
    members: readonly UnitMember[],
  ) {
    this.functions = members.map((u) => u.f);
    const ranges = members.flatMap((u) => blockRanges(code, u));
    for (const [start] of ranges) {
      this.caseOf.set(start, this.blockStarts.length);
      this.blockStarts.push(start);
    }
    this.caseTables = members.map((u) => this.table(Array.from({ length: u.f.end - u.f.start }, (_, i) => this.caseOf.get(u.f.start + i) ?? -1)));
    for (const [start, end] of ranges) this.block(start, end);
  }

  /** Translates the block [start, end); control that runs off its end goes to `end`. */
  private block(start: number, end: number): void {
    let count = 0;
    for (let pc = start; pc < end; pc += instructionLength(this.code, pc)) count++;
    this.blockLength = count;
    this.known = [];
    const index = this.caseOf.get(start) as number;
    this.emit(`case ${index}:`);
    this.emit(`if (left < ${count}) { pc = ${start}; why = ${LOW_BUDGET}; break out; }`);
    this.emit(`left -= ${count};`);
    this.index = 0;
    for (let pc = start; pc < end; pc += instructionLength(this.code, pc)) {
      this.pc = pc;
      translateInstruction(this, this.code[pc]);
      this.index++;
    }
    // Falling through reaches the next case only when that is the block at `end`.
    if (!isUnconditional(this.code[this.pc]) && this.blockStarts[index + 1] !== end) {
      this.index = count - 1;
      this.emit(this.jumpTo(end));
    }
  }

  emit(line: string): void {
    this.body.push(line);
  }

  /** Operand word k (0-based) of the current instruction. */
  operand(k: number): number {
    return this.code[this.pc + 1 + k];
  }

  /** Code index of the next instruction. */
  get next(): number {
    return this.pc + instructionLength(this.code, this.pc);
  }

  /** Leaves with `why`, pc at the current instruction, which does not count (a fault). */
  fault(why: Trap): string {
    return this.leave(this.pc, why, false);
  }

  /** The arguments after a slow path's own: the current instruction's pc and the
   *  budget left counting it and the rest of its block (jit-runtime.ts faultInPlace). */
  slowArgs(): string {
    const giveBack = this.blockLength - this.index;
    return `${this.pc}, left + ${giveBack}`;
  }

  /** Leaves after a slow path failed, with the trap it chose (m.fault). */
  slowFault(): string {
    return `{ pc = ${this.pc}; left += ${this.blockLength - this.index}; why = m.fault; break out; }`;
  }

  /** Leaves at pc `at` with `why`; `counted`: the current instruction completed. */
  leave(at: number | string, why: number, counted: boolean): string {
    const giveBack = this.blockLength - this.index - (counted ? 1 : 0);
    return `{ pc = ${at};${giveBack > 0 ? ` left += ${giveBack};` : ''} why = ${why}; break out; }`;
  }

  /** Transfers control to code index t (after the current instruction, which counts):
   *  a case of this unit, or an exit. */
  jumpTo(t: number): string {
    const target = this.caseOf.get(t);
    return target !== undefined ? `{ blk = ${target}; continue; }` : this.leave(t, RESUME, true);
  }

  /** Goes on at code index expression t (not using x) when it starts a block of the
   *  unit; otherwise falls through (x is clobbered). */
  continueIfBlock(t: string): string {
    return this.functions
      .map((f, m) => `if (${t} >= ${f.start} && ${t} < ${f.end} && (x = ${this.caseTables[m]}[${t} - ${f.start}]) >= 0) { blk = x; continue; }`)
      .join(' ');
  }

  hasBlock(t: number): boolean {
    return this.caseOf.has(t);
  }

  /** Declares a constant Int32Array in the factory scope; returns its name. */
  table(words: ArrayLike<number>): string {
    const name = `T${this.tables.length}`;
    this.tables.push(`const ${name} = Int32Array.of(${Array.from(words).join(', ')});`);
    return name;
  }

  // ---- guest memory (x, vpn, s, v are scratch locals) ----
  //
  // The fast path is inline, the rest is a call to jit-runtime.ts (m.fault says
  // whether it faulted), so that generated functions stay small enough for V8 to
  // optimise. Stack accesses (through sp or bp) go through the stack page cache: sv/sb,
  // the vpn and physical base of one writable page taken from the write TLB, refilled
  // inline (a recursion that crosses a page boundary switches pages at every call).
  // Page tables change only in the kernel: between runs, or in a system call through
  // the gate (jit-ops.ts systemCall), after which the pair is dropped, also by every
  // caller when the call returns to it (callInto). A fault resolved in place maps only
  // the missing page, never the cached one (which is present and writable). So a pair
  // stays a valid translation until then; each call of a compiled function starts
  // without one.

  /** dst = the `size`-byte value at address expression addr (sign-extended if signed). */
  load(addr: string, size: 1 | 2 | 4, signed: boolean, dst: string): void {
    this.emit(`x = ${addr}; vpn = x >>> 12; s = vpn & ${TLB_MASK};`);
    const fast = size === 4 ? 'i32[(rBase[s] + (x & 4095)) >> 2]' : size === 2 ? 'u16[(rBase[s] + (x & 4095)) >> 1]' : 'u8[rBase[s] + (x & 4095)]';
    const widen = (v: string): string => (!signed || size === 4 ? v : size === 2 ? `(${v} << 16) >> 16` : `(${v} << 24) >> 24`);
    this.emit(`if (rTag[s] === vpn${aligned(size)}) ${dst} = ${widen(fast)};`);
    this.emit(`else { v = loadSlow(m, x, ${size}, ${this.slowArgs()}) | 0; if (m.fault !== 0) ${this.slowFault()} ${dst} = ${widen('v')}; }`);
  }

  /** dst = the word at a stack address expression. */
  loadStack(addr: string, dst: string): void {
    this.emit(`x = ${addr}; vpn = x >>> 12;`);
    this.emit(`if (vpn === sv && (x & 3) === 0) ${dst} = i32[(sb + (x & 4095)) >> 2];`);
    this.emit(`else if ((s = vpn & ${TLB_MASK}, wTag[s] === vpn) && (x & 3) === 0) { sv = vpn; sb = wBase[s]; ${dst} = i32[(sb + (x & 4095)) >> 2]; }`);
    this.emit(`else { v = loadSlow(m, x, 4, ${this.slowArgs()}) | 0; if (m.fault !== 0) ${this.slowFault()} ${dst} = v; }`);
  }

  /** Stores the low `size` bytes of value (an expression not using x, vpn, s) at addr. */
  store(addr: string, size: 1 | 2 | 4, value: string): void {
    this.emit(`x = ${addr}; vpn = x >>> 12; s = vpn & ${TLB_MASK};`);
    const fast = size === 4 ? 'i32[(wBase[s] + (x & 4095)) >> 2]' : size === 2 ? 'u16[(wBase[s] + (x & 4095)) >> 1]' : 'u8[wBase[s] + (x & 4095)]';
    this.emit(`if (wTag[s] === vpn${aligned(size)}) ${fast} = ${value};`);
    this.emit(`else if (!storeSlow(m, x, ${size}, ${value}, ${this.slowArgs()})) ${this.slowFault()}`);
  }

  /** Stores the word value (an expression not using x, vpn, s) at a stack address expression. */
  storeStack(addr: string, value: string): void {
    this.emit(`x = ${addr}; vpn = x >>> 12;`);
    this.emit(`if (vpn === sv && (x & 3) === 0) i32[(sb + (x & 4095)) >> 2] = ${value};`);
    this.emit(`else if ((s = vpn & ${TLB_MASK}, wTag[s] === vpn) && (x & 3) === 0) { sv = vpn; sb = wBase[s]; i32[(sb + (x & 4095)) >> 2] = ${value}; }`);
    this.emit(`else if (!storeSlow(m, x, 4, ${value}, ${this.slowArgs()})) ${this.slowFault()}`);
  }

  // ---- the operand stack ----

  /** Pushes value (an expression); sp moves only after the store succeeded. */
  push(value: string): void {
    const slot = `t${this.known.length}`;
    const isConstant = /^-?\d+$/.test(value);
    if (!isConstant) this.emit(`${slot} = ${value};`);
    this.storeStack('(sp - 4) | 0', isConstant ? value : slot);
    this.emit('sp = x;');
    this.known.push(isConstant ? value : slot);
    this.maxTemps = Math.max(this.maxTemps, this.known.length);
  }

  /** dst = the word on top of the stack, without popping it (may fault). */
  peek(dst: string): void {
    const top = this.known[this.known.length - 1];
    if (top !== undefined) this.emit(`${dst} = ${top};`);
    else this.loadStack('sp', dst);
  }

  /** Pops the top word (after peek and every fault check of the instruction). */
  drop(): void {
    this.known.pop();
    this.emit('sp = (sp + 4) | 0;');
  }

  /** Memory or sp changed in a way the known stack cannot follow. */
  forget(): void {
    this.known = [];
  }

  source(): string {
    const temps = Array.from({ length: this.maxTemps }, (_, i) => `t${i} = 0`);
    const root = this.functions[0];
    const name = `guest_${root.name.replace(/[^\w$]/g, '_')}_${root.start}`;
    return [
      '"use strict";',
      'const probe = rt.probe, readBytes = rt.readBytes, writeBytes = rt.writeBytes;',
      'const copyBlock = rt.copyBlock, zeroBlock = rt.zeroBlock, loadSlow = rt.loadSlow, storeSlow = rt.storeSlow;',
      'const addSlow = rt.addSlow, kernelCall = rt.kernelCall;',
      'const entries = rt.entries, isEntry = rt.isEntry, isReturnSite = rt.isReturnSite;',
      ...this.tables,
      `return function ${name}(m, entry) {`,
      'const cpu = m.cpu, mmu = m.mmu, u8 = m.u8, u16 = m.u16, i32 = m.i32;',
      'const rTag = m.rTag, rBase = m.rBase, wTag = m.wTag, wBase = m.wBase;',
      'let sp = m.sp | 0, bp = m.bp | 0, a = m.a | 0, left = m.left | 0, sv = -1, sb = 0, pc = entry | 0, why = 0;',
      `let x = 0, y = 0, v = 0, vpn = 0, s = 0, b = 0, g = null, blk = -1${temps.map((t) => `, ${t}`).join('')};`,
      ...this.functions.map((f, m) => `if (pc >= ${f.start} && pc < ${f.end}) blk = ${this.caseTables[m]}[pc - ${f.start}];`),
      'out: for (;;) {',
      'switch (blk) {',
      ...this.body,
      'default: throw new Error(`compiled code entered at ${pc}, not a block start`);',
      '}',
      '}',
      'm.pc = pc; m.sp = sp; m.bp = bp; m.a = a; m.left = left;',
      'return why;',
      '};',
    ].join('\n');
  }
}

/** The alignment test of a fast-path access of `size` bytes. */
function aligned(size: number): string {
  return size === 4 ? ' && (x & 3) === 0' : size === 2 ? ' && (x & 1) === 0' : '';
}

