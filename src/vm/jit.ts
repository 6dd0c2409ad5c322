// The JS tier: hot guest code turned into JavaScript functions (jit-compile.ts) that
// run the same instructions with the same effects, only without the dispatch loop.
// This file owns the tiering policy and the hand-over between the tiers:
//
//   - The interpreter decrements hot[pc] whenever it arrives at pc by a call, a jump
//     (taken or not) or a return, and hands over (ENTER_TIER) when the countdown
//     reaches 0. The driver (interpret() in interpreter.ts) then compiles what holds
//     pc: the innermost loop around it when pc is in a loop (jit-region.ts says why),
//     else the function, once; from then on every block start of the unit has
//     countdown 0, so the interpreter hands over whenever it arrives at one.
//   - A unit is one JS function: a function (or a loop of one) plus its small callees
//     (and theirs). Compiled code keeps the registers in JS locals, decrements the same
//     instruction budget one block at a time, and leaves the rest of a block to the
//     interpreter (jit-runtime.ts) whenever its fast paths do not apply, so the state
//     at every trap is exactly the interpreter's. A call within the unit (also
//     recursion) and its return are jumps; a call of another compiled unit is a JS
//     call (at most MAX_JS_DEPTH deep, jit-ops.ts); anything else goes back through
//     the driver. A system call goes to the kernel's KernelGate (cpu.ts) in place
//     when the driver has one, and compiled code goes on after it when it may; a page
//     fault met by the slow path (the interpreter, jit-runtime.ts) goes there too.
//
// Determinism: the tier changes no visible state (registers, memory, cpu.steps, the
// instruction at which a trap or a budget end happens), only speed; a run with and
// without it is byte-identical. Compiled code is a pure function of the module's
// code (and of the memory views it embeds, see bindMemory), so one Jit is shared by
// every image of the same code.
import type { FunctionSymbol, Module } from '../isa/module.js';
import { kernelCall, runBlock } from './jit-runtime.js';
import { Trap, type Cpu, type KernelGate } from './cpu.js';
import type { Image } from './image.js';
import { compileUnit, directCallees, type JitFunction, type Runtime, type UnitMember } from './jit-compile.js';
import { blockRanges, innermostLoop } from './jit-region.js';
import { NEVER, RESUME, RETURNED } from './jit-exits.js';
import type { Mmu } from './mmu.js';
import type { PhysMem } from './physmem.js';

export { NEVER };

/** Arrivals at a code index before the function around it is compiled. */
export const HOT_THRESHOLD = 64;
/** The most code words of the function (or the loop of a longer one) a unit is made
 *  for. V8 optimises a JS function only after running a multiple of its size in
 *  bytecode, and not at all past a size limit; until then the generated code runs
 *  slower than the interpreter, so units are kept small. */
export const MAX_UNIT_WORDS = 600;
/** Callees up to this size (code words) are compiled into their caller's unit,
 *  so that calling them is a jump (syscall wrappers, string helpers)... */
export const MAX_INLINE_WORDS = 32;
/** ...while the unit stays within this many words: a unit entered often but running
 *  little each time (a loop around system calls) must stay small to be optimised. */
export const MAX_INLINED_UNIT_WORDS = 400;

/** Registers and the memory arrays of the process being run, handed between compiled
 *  functions (the compiled code keeps them in locals in between); one per cpu
 *  (cpu.machine). One class, every field set in the constructor, so V8 keeps it
 *  monomorphic. */
export class JitMachine {
  cpu: Cpu;
  mmu: Mmu;
  /** The physical memory's views, for code compiled for any PhysMem (Jit.bindMemory). */
  u8: Uint8Array;
  u16: Uint16Array;
  i32: Int32Array;
  /** For the slow path: the interpreter runs with these (jit-runtime.ts); those of
   *  the program last run on this cpu. */
  image: Image;
  cold: Int32Array;
  rTag: Int32Array;
  rBase: Int32Array;
  wTag: Int32Array;
  wBase: Int32Array;
  pc = 0;
  sp = 0;
  bp = 0;
  a = 0;
  /** Instructions left in the budget. */
  left = 0;
  /** Compiled frames currently on the JS stack. */
  depth = 0;
  /** cpu.steps + left at the start of this run: cpu.steps is stepBase - left. */
  stepBase = 0;
  /** Where a SYS and a page fault go when they can be handled in place (jit-runtime.ts). */
  gate: KernelGate | null = null;
  /** 1 when the slow path entered the kernel (a fault resolved in place), which may
   *  have changed page tables: compiled code drops its page caches. */
  flush = 0;

  constructor(cpu: Cpu, mmu: Mmu, image: Image, cold: Int32Array) {
    this.cpu = cpu;
    this.mmu = mmu;
    this.image = image;
    this.cold = cold;
    this.u8 = mmu.mem.u8;
    this.u16 = mmu.mem.u16;
    this.i32 = mmu.mem.i32;
    this.rTag = mmu.tlbReadTag;
    this.rBase = mmu.tlbReadBase;
    this.wTag = mmu.tlbWriteTag;
    this.wBase = mmu.tlbWriteBase;
  }

  /** Takes the memory of mmu (exec gave the cpu a new address space). */
  bind(mmu: Mmu): void {
    this.mmu = mmu;
    this.u8 = mmu.mem.u8;
    this.u16 = mmu.mem.u16;
    this.i32 = mmu.mem.i32;
    this.rTag = mmu.tlbReadTag;
    this.rBase = mmu.tlbReadBase;
    this.wTag = mmu.tlbWriteTag;
    this.wBase = mmu.tlbWriteBase;
  }
}

/** What the tier needs of an image (image.ts builds the rest around it). */
export interface TierInput {
  readonly module: Module;
  readonly code: Int32Array;
  readonly isEntry: Uint8Array;
  readonly isReturnSite: Uint8Array;
}

export class Jit {
  /** Countdowns per code index (see the header); length code.length + 1. */
  readonly hot: Int32Array;
  /** All NEVER: for the interpreter when it must not hand over. */
  readonly cold: Int32Array;
  /** The compiled function holding each block start, once compiled. */
  readonly entries: (JitFunction | undefined)[];
  /** Guest functions compiled, and runs of compiled code, so far (for tests). */
  compiled = 0;
  entered = 0;
  private readonly functions: readonly FunctionSymbol[];
  private readonly tried: Uint8Array;
  private readonly runtime: Runtime;
  /** The physical memory the compiled code was made for (null: none yet), unless
   *  shared: code for any (see bindMemory). */
  private mem: PhysMem | null = null;
  private shared = false;
  /** An image of this code, for the interpreter as the slow path (see adopt). */
  private image: Image | null = null;

  /** threshold: arrivals at a code index before its function is compiled. */
  constructor(
    private readonly input: TierInput,
    private readonly threshold = HOT_THRESHOLD,
  ) {
    const length = input.code.length;
    this.hot = new Int32Array(length + 1).fill(threshold);
    this.cold = coldCountdowns(length);
    this.entries = new Array<JitFunction | undefined>(length + 1).fill(undefined);
    this.functions = [...input.module.functions].sort((x, y) => x.start - y.start);
    this.tried = new Uint8Array(this.functions.length);
    const none = new ArrayBuffer(0);
    this.runtime = {
      u8: new Uint8Array(none),
      u16: new Uint16Array(none),
      i32: new Int32Array(none),
      runBlock,
      kernelCall,
      entries: this.entries,
      isEntry: input.isEntry,
      isReturnSite: input.isReturnSite,
    };
  }

  /** Takes an image of this code (makeImage gives each); compiled code's slow path
   *  runs the interpreter with the first (every image of the same code has the same
   *  code and tables). */
  adopt(image: Image): void {
    this.image ??= image;
  }

  /** hot[pc] ran out: compiles what holds pc -- the innermost loop around pc when pc
   *  is in one (jit-region.ts says why), else its function, once, when short enough.
   *  True when pc is now the start of a compiled block; otherwise pc's countdown is
   *  set to NEVER. */
  prepare(pc: number, mmu: Mmu): boolean {
    this.bindMemory(mmu.mem);
    if (this.entries[pc] === undefined) {
      const index = this.functionAt(pc);
      const f = index >= 0 ? this.functions[index] : undefined;
      const loop = f === undefined || pc === f.start ? undefined : innermostLoop(this.input.code, f, pc);
      if (loop !== undefined) {
        this.compile({ f: f as FunctionSymbol, blocks: loop });
      } else if (f !== undefined && f.end - f.start <= MAX_UNIT_WORDS && this.tried[index] === 0) {
        this.tried[index] = 1;
        this.compile({ f });
      }
    }
    if (this.entries[pc] !== undefined) return true;
    this.hot[pc] = NEVER;
    return false;
  }

  /** Runs compiled code from cpu.pc (which must have an entry) with `left` instructions
   *  of budget, and on from wherever it returns or jumps to while that is compiled
   *  too; writes the registers and cpu.steps back. A SYS goes to the gate when there
   *  is one. Returns a Trap or RETURNED, RESUME, LOW_BUDGET (m.pc then has no
   *  compiled code). */
  run(cpu: Cpu, mmu: Mmu, left: number, gate: KernelGate | null): number {
    if (mmu.mem !== this.mem && !this.shared) {
      // Code made for another kernel's memory: none for this one yet.
      this.bindMemory(mmu.mem);
      return RESUME;
    }
    const image = this.image;
    if (image === null) throw new Error('Jit.run: no image adopted');
    let m = cpu.machine;
    if (m === null) m = cpu.machine = new JitMachine(cpu, mmu, image, this.cold);
    else if (m.mmu !== mmu) m.bind(mmu);
    if (m.image !== image) {
      m.image = image;
      m.cold = this.cold;
    }
    if (m.gate !== gate) m.gate = gate;
    m.stepBase = cpu.steps + left;
    const pc = cpu.pc;
    const enter = this.entries[pc];
    if (enter === undefined) throw new Error(`Jit.run: no compiled code at ${pc}`);
    this.hot[pc] = 0;
    this.entered++;
    m.sp = cpu.sp | 0;
    m.bp = cpu.bp | 0;
    m.a = cpu.a | 0;
    m.left = left;
    m.depth = 0;
    let why = enter(m, pc);
    while (why === RETURNED || why === RESUME) {
      const next = this.entries[m.pc];
      if (next === undefined) break;
      m.depth = 0;
      why = next(m, m.pc);
    }
    cpu.pc = m.pc;
    cpu.sp = m.sp >>> 0;
    cpu.bp = m.bp >>> 0;
    cpu.a = m.a;
    cpu.steps = m.stepBase - m.left;
    if (why === Trap.SYSCALL) cpu.trapArg = this.input.code[m.pc + 1];
    return why;
  }

  /** Code for the first physical memory the program runs on embeds its views as
   *  constants (see Runtime): a process runs one kernel, as the CLI does. When another
   *  kernel runs the program (tests and the in-process benchmark make many, one after
   *  the other), what was compiled is dropped, once, and code compiled from then on
   *  reads the views from the JitMachine, for every kernel. */
  private bindMemory(mem: PhysMem): void {
    if (mem === this.mem || this.shared) return;
    if (this.mem !== null) {
      this.entries.fill(undefined);
      this.hot.fill(this.threshold);
      this.tried.fill(0);
      this.shared = true;
    }
    this.mem = mem;
    this.runtime.u8 = mem.u8;
    this.runtime.u16 = mem.u16;
    this.runtime.i32 = mem.i32;
  }

  /** Compiles root with the short functions it calls as one unit (jit-compile.ts),
   *  unless it is too long. A block start keeps the first unit compiled with it as its
   *  entry. */
  private compile(root: UnitMember): void {
    const code = this.input.code;
    const ranges = blockRanges(code, root);
    let words = ranges.reduce((sum, [start, end]) => sum + end - start, 0);
    if (words > MAX_UNIT_WORDS) return;
    const members = [root];
    // The root's short callees, then theirs (a library function's helper), nearest first.
    let targets = ranges.flatMap(([start, end]) => directCallees(code, start, end));
    while (targets.length > 0) {
      const added: UnitMember[] = [];
      for (const target of targets) {
        const index = this.functionAt(target);
        if (index < 0) continue;
        const callee = this.functions[index];
        const size = callee.end - callee.start;
        if (callee.start !== target || members.some((u) => u.f === callee) || size > MAX_INLINE_WORDS || words + size > MAX_INLINED_UNIT_WORDS) continue;
        members.push({ f: callee });
        added.push({ f: callee });
        words += size;
      }
      targets = added.flatMap((u) => directCallees(code, u.f.start, u.f.end));
    }
    const compiled = compileUnit(code, members, this.runtime, this.shared);
    for (const start of compiled.blockStarts) {
      if (this.entries[start] !== undefined) continue;
      this.entries[start] = compiled.fn;
      this.hot[start] = 0;
    }
    this.compiled++;
  }

  /** Index in this.functions of the function whose range holds pc, or -1. */
  private functionAt(pc: number): number {
    let lo = 0;
    let hi = this.functions.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const f = this.functions[mid];
      if (pc < f.start) hi = mid - 1;
      else if (pc >= f.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }
}

/** Countdowns that never hand over: for images without the tier. */
export function coldCountdowns(codeLength: number): Int32Array {
  return new Int32Array(codeLength + 1).fill(NEVER);
}

const shared = new WeakMap<Int32Array, Jit>();

/** The tier of a program, shared by every image of the same code array (default threshold). */
export function jitFor(input: TierInput): Jit {
  let jit = shared.get(input.code);
  if (jit === undefined) {
    jit = new Jit(input);
    shared.set(input.code, jit);
  }
  return jit;
}
