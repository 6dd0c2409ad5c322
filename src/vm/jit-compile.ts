// Turns a unit of guest code (a hot function, or a loop of one, with the short
// functions it calls) into one JavaScript function (the JS tier, see jit.ts; which
// blocks: jit-region.ts; the function's skeleton: jit-unit.ts; each instruction:
// jit-ops.ts).
//
// The basic blocks become the cases 0, 1, 2 ... of a `switch (blk)` inside a loop, so
// the function can be entered at any block start (an entry, a loop head, a return
// site, the instruction after a SYS); a jump is `blk = case; continue`, falling
// through to the next block is falling through to the next case; a call or a return
// to a block of the unit is a jump too, and control that leaves the unit's blocks
// leaves the function (RESUME). Registers live in JS locals. Each block first takes
// its instruction count from the budget, or leaves (LOW_BUDGET) when fewer are left,
// so the interpreter finishes the slice and the budget ends at the very instruction
// it would end at without the tier.
//
// Compiled code holds only the fast paths. Stack words (sp or bp plus a constant) are
// reached at constant indexes from sp's and bp's values at the block start, once the
// block has checked that every word it touches lies in the cached page of that
// register (in a loop whose frame cannot move, once per entry into the loop). Other
// accesses go through the TLB inline (in a loop, behind a one-page cache each).
// Whatever the fast path does not cover -- a TLB miss, an unaligned or page-crossing
// word, a bad return address, a stack page not cached -- goes to SLOW, which runs the
// rest of the block in the interpreter (`dispatch`, through jit-runtime.ts) and goes
// on at the block it reaches. So a fault, a page crossing or a bad address behaves
// exactly as in the interpreter, because it is the interpreter that meets it.
//
// A SYS hands the call to the kernel in place when the driver passed a gate (cpu.ts
// KernelGate) and goes on after it when the kernel lets it; a page fault the
// interpreter meets in SLOW goes to the gate too (jit-runtime.ts). The kernel may
// then have changed page tables (fork's copy-on-write, munmap), so the page caches of
// the generated code are dropped after it, and after any call of another unit.
//
// An instruction commits registers only after its last possible fault or slow path,
// exactly as the interpreter does, so the state at an exit or at SLOW is the
// interpreter's. Within a block the values pushed on the operand stack are also kept
// in JS locals (the "known stack"), so a later pop need not read memory back. Every
// push is still written to guest memory (stale stack contents are visible to a guest
// that reads an uninitialised local); the known stack is forgotten at every block
// start and at every store, call or sp adjustment, which could change those words
// behind its back.
import { Trap } from './cpu.js';
import type { FunctionSymbol } from '../isa/module.js';
import { instructionLength } from '../isa/opcodes.js';
import { Op } from '../isa/op.js';
import type { kernelCall, runBlock } from './jit-runtime.js';
import { TLB_MASK } from './mmu.js';
import { LOW_BUDGET, RESUME } from './jit-exits.js';
import { blockRanges, isUnconditional, jumpTargets } from './jit-region.js';
import { translateInstruction } from './jit-ops.js';
import { ACT, CACHE, blockCheck, frameCheck, frameEntry, unitSource, type StackReg } from './jit-unit.js';
import type { JitMachine } from './jit.js';

/** A compiled guest function: runs from the block starting at `entry`; returns why it stopped. */
export type JitFunction = (m: JitMachine, entry: number) => number;

/** What generated code calls: the slow paths and the program's tables. */
export interface Runtime {
  /** The views of the physical memory the unit runs on: constants of the generated
   *  code, so that V8 embeds their base and length instead of checking them at every
   *  access (a unit is compiled for one PhysMem; see Jit.bindMemory). */
  u8: Uint8Array;
  u16: Uint16Array;
  i32: Int32Array;
  runBlock: typeof runBlock;
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
export function compileUnit(code: Int32Array, members: readonly UnitMember[], runtime: Runtime, sharedMemory = false): CompiledFunction {
  const w = new FunctionWriter(code, members, sharedMemory);
  const source = w.source();
  dumpSource(source);
  const factory = new Function('rt', source) as (rt: Runtime) => JitFunction;
  return { fn: factory(runtime), blockStarts: w.blockStarts };
}

/** IPCVM_JIT_DUMP=1 prints every generated function on stderr (to read what the tier
 *  makes of a hot function). */
function dumpSource(source: string): void {
  if (typeof process !== 'undefined' && process.env.IPCVM_JIT_DUMP === '1') process.stderr.write(`${source}\n\n`);
}

/** Direct call targets in [start, end), in order of first appearance. */
export function directCallees(code: Int32Array, start: number, end: number): number[] {
  const targets: number[] = [];
  for (let pc = start; pc < end; pc += instructionLength(code, pc)) {
    if (code[pc] === Op.CALL && !targets.includes(code[pc + 1])) targets.push(code[pc + 1]);
  }
  return targets;
}

/** What the translation knows of a stack register within a block: its value is the
 *  value `base` had at the block start plus `off`; base null: not known (after LEV). */
interface StackValue {
  base: StackReg | null;
  off: number;
}

/** Generated-code helpers for one unit: blocks, exits, memory accesses, the known stack. */
export class FunctionWriter {
  /** Code index of the instruction being translated. */
  pc = 0;
  /** The unit's block starts, in the order of their cases. */
  readonly blockStarts: number[] = [];
  /** Block start -> its case number. Cases are numbered densely from 0 so that every
   *  tier of V8 (also the unoptimised ones, which compile a sparse switch to a chain of
   *  compares) dispatches through a jump table. */
  private readonly caseOf = new Map<number, number>();
  private body: string[] = [];
  private readonly tables: string[] = [];
  private readonly tableNames = new Map<string, string>();
  /** Per member function, the name of its table code index - start -> case (-1: none). */
  private readonly caseTables: string[];
  /** JS expressions of the values pushed in this block, top last. */
  private known: string[] = [];
  private maxTemps = 0;
  private blockLength = 0;
  /** Instructions of the current block before the one being translated. */
  private index = 0;
  /** sp and bp in terms of their values at the block start. */
  private regs: Record<StackReg, StackValue> = { sp: { base: 'sp', off: 0 }, bp: { base: 'bp', off: 0 } };
  /** The offsets of the stack words the block uses from each register's block-start
   *  value, and whether every stack word it uses can be reached so. */
  private used: Record<StackReg, number[]> = { sp: [], bp: [] };
  private direct = true;
  /** For a unit whose blocks keep sp and bp at fixed offsets from their values at the
   *  unit's first block (a loop without calls, see frameOffsets): those offsets, by case.
   *  Its stack words are then checked once, whenever `run` is (re)entered. */
  private frame: { sp: number[]; bp: number[] } | null = null;
  /** Instructions per block, by case. */
  private readonly lengths: number[] = [];
  /** Memory accesses with a page cache of their own (see translation). */
  private sites = 0;

  /** The guest functions of the unit; the first names it. */
  readonly functions: readonly FunctionSymbol[];

  /** sharedMemory: the code reads the memory views from the JitMachine instead of
   *  embedding those of runtime (Jit.bindMemory). */
  constructor(
    readonly code: Int32Array,
    members: readonly UnitMember[],
    private readonly sharedMemory = false,
  ) {
    this.functions = members.map((u) => u.f);
    const ranges = members.flatMap((u) => blockRanges(code, u));
    for (const [start] of ranges) {
      this.caseOf.set(start, this.blockStarts.length);
      this.blockStarts.push(start);
    }
    this.caseTables = members.map((u) => this.table(Array.from({ length: u.f.end - u.f.start }, (_, i) => this.caseOf.get(u.f.start + i) ?? -1)));
    this.frame = this.frameOffsets(ranges);
    this.used = { sp: [], bp: [] };
    this.direct = true;
    for (const [start, end] of ranges) this.block(start, end);
    if (this.frame !== null && (!this.direct || frameCheck(this.used) === null)) {
      // Words too far apart for one page, or unaligned: a check per block after all.
      this.frame = null;
      this.body = [];
      this.sites = 0;
      for (const [start, end] of ranges) this.block(start, end);
    }
  }

  /** sp's and bp's offsets at each block's start from their values at the first block,
   *  when they are the same along every path of the unit: no block calls, enters or
   *  leaves a frame, and the blocks' effects on sp agree wherever paths meet; null
   *  otherwise. (A translation of each block alone gives its effect.) */
  private frameOffsets(ranges: [number, number][]): { sp: number[]; bp: number[] } | null {
    const n = ranges.length;
    const effect: { sp: number; bp: number }[] = [];
    const successors: number[][] = [];
    for (const [start, end] of ranges) {
      let last = start;
      for (let pc = start; pc < end; pc += instructionLength(this.code, pc)) {
        const op = this.code[pc];
        if (op === Op.CALL || op === Op.CALLI || op === Op.ENT || op === Op.LEV) return null;
        last = pc;
      }
      this.variant(start, end, { sp: 0, bp: 0 });
      const { sp, bp } = this.regs;
      if (sp.base !== 'sp' || bp.base !== 'bp') return null;
      effect.push({ sp: sp.off, bp: bp.off });
      const targets = jumpTargets(this.code, last);
      if (!isUnconditional(this.code[last])) targets.push(end);
      successors.push(targets.map((t) => this.caseOf.get(t) ?? -1).filter((c) => c >= 0));
    }
    const sp = new Array<number>(n).fill(NaN);
    const bp = new Array<number>(n).fill(NaN);
    sp[0] = 0;
    bp[0] = 0;
    const work = [0];
    while (work.length > 0) {
      const i = work.pop() as number;
      for (const j of successors[i]) {
        const [s, b] = [sp[i] + effect[i].sp, bp[i] + effect[i].bp];
        if (Number.isNaN(sp[j])) {
          sp[j] = s;
          bp[j] = b;
          work.push(j);
        } else if (sp[j] !== s || bp[j] !== b) {
          return null;
        }
      }
    }
    return sp.some(Number.isNaN) ? null : { sp, bp };
  }

  /** Translates [start, end) with sp and bp at the given offsets from the reference
   *  values the stack indexes are computed from; returns the lines. */
  private variant(start: number, end: number, at: { sp: number; bp: number }): string[] {
    const outer = this.body;
    this.body = [];
    this.known = [];
    this.regs = { sp: { base: 'sp', off: at.sp }, bp: { base: 'bp', off: at.bp } };
    this.index = 0;
    for (let pc = start; pc < end; pc += instructionLength(this.code, pc)) {
      this.pc = pc;
      translateInstruction(this, this.code[pc]);
      this.index++;
    }
    const lines = this.body;
    this.body = outer;
    return lines;
  }

  /** Translates the block [start, end); control that runs off its end goes to `end`. */
  private block(start: number, end: number): void {
    let count = 0;
    for (let pc = start; pc < end; pc += instructionLength(this.code, pc)) count++;
    this.blockLength = count;
    const index = this.caseOf.get(start) as number;
    this.lengths[index] = count;
    if (this.frame === null) {
      this.used = { sp: [], bp: [] };
      this.direct = true;
    }
    const lines = this.variant(start, end, this.frame === null ? { sp: 0, bp: 0 } : { sp: this.frame.sp[index], bp: this.frame.bp[index] });
    const last = this.pc;
    this.pc = start;
    this.index = 0;
    this.emit(`case ${index}:`);
    this.emit(`if (left < ${count}) { pc = ${start}; give = 0; why = ${LOW_BUDGET}; break out; }`);
    this.emit(`left = (left - ${count}) | 0;`);
    if (this.frame !== null) {
      this.body.push(...lines);
    } else if (!this.direct) {
      // A stack word at an unknown or unaligned place: the interpreter runs the block.
      this.emit(this.slow());
    } else {
      for (const reg of ['bp', 'sp'] as const) this.body.push(...blockCheck(reg, this.used[reg], start, count, index, this.slow()));
      this.body.push(...lines);
    }
    // Falling through reaches the next case only when that is the block at `end`.
    this.pc = last;
    if (!isUnconditional(this.code[last]) && this.blockStarts[index + 1] !== end) {
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

  /** Leaves at pc `at` with `why`; `counted`: the current instruction completed. */
  leave(at: number | string, why: number, counted: boolean): string {
    const giveBack = this.blockLength - this.index - (counted ? 1 : 0);
    return `{ pc = ${at}; give = ${giveBack}; why = ${why}; break out; }`;
  }

  /** SYS, the last instruction of its block (jit-region.ts): the kernel handles the
   *  call (ACT_SYS). */
  systemCall(): string {
    return `{ pc = ${this.pc}; act = ${ACT.SYS}; break run; }`;
  }

  /** The interpreter runs the block from the current instruction on (see SLOW). */
  slow(): string {
    return `{ pc = ${this.pc}; n = ${this.blockLength - this.index}; act = ${ACT.SLOW}; break run; }`;
  }

  /** Transfers control to code index t (after the current instruction, which counts):
   *  a case of this unit, or an exit. */
  jumpTo(t: number): string {
    const target = this.caseOf.get(t);
    return target !== undefined ? `{ blk = ${target}; continue; }` : this.leave(t, RESUME, true);
  }

  /** Goes on at code index expression t (not using x) when it starts a block of the
   *  unit; otherwise falls through (x is clobbered). `loop`: the label to continue
   *  (run, the loop around the blocks, by default). */
  continueIfBlock(t: string, loop = 'run'): string {
    return this.functions
      .map((f, m) => `if (${t} >= ${f.start} && ${t} < ${f.end} && (x = ${this.caseTables[m]}[${t} - ${f.start}]) >= 0) { blk = x; continue ${loop}; }`)
      .join(' ');
  }

  /** The case number of the block starting at t (which must be one of the unit). */
  caseNumber(t: number): number {
    const target = this.caseOf.get(t);
    if (target === undefined) throw new Error(`jit: ${t} starts no block of the unit`);
    return target;
  }

  /** Block starts of the unit that follow one of its CALL/CALLI instructions. */
  returnSites(): number[] {
    const sites: number[] = [];
    for (const start of this.blockStarts) {
      for (let pc = start; pc < this.code.length && (pc === start || !this.caseOf.has(pc)); pc += instructionLength(this.code, pc)) {
        const op = this.code[pc];
        const next = pc + instructionLength(this.code, pc);
        if ((op === Op.CALL || op === Op.CALLI) && this.caseOf.has(next)) sites.push(next);
        if (op === Op.CALL || op === Op.CALLI || isUnconditional(op)) break;
      }
    }
    return sites;
  }

  hasBlock(t: number): boolean {
    return this.caseOf.has(t);
  }

  /** Declares a constant Int32Array in the factory scope (once per contents); returns its name. */
  table(words: ArrayLike<number>): string {
    const text = Array.from(words).join(', ');
    let name = this.tableNames.get(text);
    if (name === undefined) {
      name = `T${this.tables.length}`;
      this.tables.push(`const ${name} = Int32Array.of(${text});`);
      this.tableNames.set(text, name);
    }
    return name;
  }

  // ---- guest memory (x, vpn, s are scratch locals) ----

  /** dst = the `size`-byte value at address expression addr (sign-extended if signed). */
  load(addr: string, size: 1 | 2 | 4, signed: boolean, dst: string): void {
    const base = this.translation(addr, size, 'rTag', 'rBase');
    const fast = size === 4 ? `i32[(${base} + (x & 4095)) >> 2]` : size === 2 ? `u16[(${base} + (x & 4095)) >> 1]` : `u8[${base} + (x & 4095)]`;
    this.emit(`${dst} = ${!signed || size === 4 ? fast : size === 2 ? `(${fast} << 16) >> 16` : `(${fast} << 24) >> 24`};`);
  }

  /** Stores the low `size` bytes of value (an expression not using x, vpn, s) at addr. */
  store(addr: string, size: 1 | 2 | 4, value: string): void {
    const base = this.translation(addr, size, 'wTag', 'wBase');
    this.emit(`${size === 4 ? `i32[(${base} + (x & 4095)) >> 2]` : size === 2 ? `u16[(${base} + (x & 4095)) >> 1]` : `u8[${base} + (x & 4095)]`} = ${value};`);
  }

  /** Sets x = addr and checks that the TLB half (tag, base) maps its page (and the
   *  access is aligned), else SLOW; returns the expression of the page's physical base.
   *  In a unit with a fixed frame (a loop) each access has a one-page cache of its own
   *  in front of the TLB (c<n>: vpn, -1 when empty; h<n>: physical base): its first run
   *  in every call of the unit misses, so V8 has seen the miss path run before it
   *  optimises, and a loop walking an array looks the TLB up once per page. */
  private translation(addr: string, size: number, tag: string, base: string): string {
    this.emit(`x = ${addr}; vpn = x >>> 12;`);
    if (this.frame === null) {
      this.emit(`s = vpn & ${TLB_MASK}; if (${tag}[s] !== vpn${misaligned(size)}) ${this.slow()}`);
      return `${base}[s]`;
    }
    const n = this.sites++;
    this.emit(`if (c${n} !== vpn${misaligned(size)}) { s = vpn & ${TLB_MASK}; if (${tag}[s] !== vpn${misaligned(size)}) ${this.slow()} c${n} = vpn; h${n} = ${base}[s]; }`);
    return `h${n}`;
  }

  // ---- the stack: words at sp/bp + a constant ----

  /** The i32 element of the stack word at reg + off (recorded for the block's check);
   *  when the word cannot be reached so, the whole block goes to the interpreter. */
  slot(reg: StackReg, off: number): string {
    const { base, off: from } = this.regs[reg];
    const at = from + off;
    if (base === null || at % 4 !== 0) {
      this.direct = false;
      return 'i32[0]';
    }
    this.used[base].push(at);
    const k = at / 4;
    return `i32[${CACHE[base].index}${k === 0 ? '' : k > 0 ? ` + ${k}` : ` - ${-k}`}]`;
  }

  /** The u8 (size 1) or u16 (size 2) element at reg + off, within a stack word
   *  recorded for the block's check, as slot does; an odd u16 goes to the
   *  interpreter with the whole block. */
  narrowSlot(reg: StackReg, off: number, size: 1 | 2): string {
    const { base, off: from } = this.regs[reg];
    const at = from + off;
    if (base === null || at % size !== 0) {
      this.direct = false;
      return size === 1 ? 'u8[0]' : 'u16[0]';
    }
    this.used[base].push(at - (((at % 4) + 4) % 4));
    const k = at / size;
    const index = `(${CACHE[base].index} << ${size === 1 ? 2 : 1})`;
    return `${size === 1 ? 'u8' : 'u16'}[${index}${k === 0 ? '' : k > 0 ? ` + ${k}` : ` - ${-k}`}]`;
  }

  /** The guest address expression reg + off. */
  address(reg: StackReg, off: number): string {
    return off === 0 ? reg : `(${reg} + ${off}) | 0`;
  }

  /** dst = the word at reg + off. */
  loadStack(reg: StackReg, off: number, dst: string): void {
    this.emit(`${dst} = ${this.slot(reg, off)};`);
  }

  /** Stores the word value at reg + off. */
  storeStack(reg: StackReg, off: number, value: string): void {
    this.emit(`${this.slot(reg, off)} = ${value};`);
  }

  /** sp or bp += delta (a constant). */
  adjust(reg: StackReg, delta: number): void {
    if (delta !== 0) this.emit(`${reg} = (${reg} + ${delta}) | 0;`);
    this.regs[reg] = { ...this.regs[reg], off: this.regs[reg].off + delta };
  }

  /** ENT's register moves, after the old bp was pushed: bp = sp - 4; sp = bp - size. */
  enterFrame(size: number): void {
    this.emit(`bp = (sp - 4) | 0; sp = (bp - ${size}) | 0;`);
    const sp = this.regs.sp;
    this.regs.bp = { base: sp.base, off: sp.off - 4 };
    this.regs.sp = { base: sp.base, off: sp.off - 4 - size };
  }

  /** LEV's register moves, once x holds the saved bp: sp = bp + 8; bp = x. */
  leaveFrame(): void {
    this.emit('sp = (bp + 8) | 0; bp = x;');
    const bp = this.regs.bp;
    this.regs.sp = { base: bp.base, off: bp.off + 8 };
    this.regs.bp = { base: null, off: 0 };
  }

  // ---- the operand stack ----

  /** Pushes value (an expression). */
  push(value: string): void {
    const slot = `t${this.known.length}`;
    const isConstant = /^-?\d+$/.test(value);
    if (!isConstant) this.emit(`${slot} = ${value};`);
    this.storeStack('sp', -4, isConstant ? value : slot);
    this.adjust('sp', -4);
    this.known.push(isConstant ? value : slot);
    this.maxTemps = Math.max(this.maxTemps, this.known.length);
  }

  /** dst = the word on top of the stack, without popping it. */
  peek(dst: string): void {
    const top = this.known[this.known.length - 1];
    if (top !== undefined) this.emit(`${dst} = ${top};`);
    else this.loadStack('sp', 0, dst);
  }

  /** Pops the top word (after peek and every fault check of the instruction). */
  drop(): void {
    this.known.pop();
    this.adjust('sp', 4);
  }

  /** Memory or sp changed in a way the known stack cannot follow. */
  forget(): void {
    this.known = [];
  }

  source(): string {
    let frame: string[] = [];
    if (this.frame !== null) {
      const check = frameCheck(this.used);
      if (check === null) throw new Error('FunctionWriter.source: a fixed frame over more than a page');
      const tables = { sp: this.table(this.frame.sp), bp: this.table(this.frame.bp), starts: this.table(this.blockStarts), counts: this.table(this.lengths) };
      frame = frameEntry(check, tables, this.blockStarts.length);
    }
    const root = this.functions[0];
    return unitSource({
      name: `guest_${root.name.replace(/[^\w$]/g, '_')}_${root.start}`,
      sharedMemory: this.sharedMemory,
      tables: this.tables,
      temps: this.maxTemps,
      sites: this.sites,
      dispatch: this.functions.map((f, m) => `if (pc >= ${f.start} && pc < ${f.end}) blk = ${this.caseTables[m]}[pc - ${f.start}];`),
      frame,
      body: this.body,
      continueAtPc: this.continueIfBlock('pc', 'out'),
    });
  }
}

/** The alignment test that sends a `size`-byte access to the slow path. */
function misaligned(size: number): string {
  return size === 4 ? ' || (x & 3) !== 0' : size === 2 ? ' || (x & 1) !== 0' : '';
}
