// The JS tier: hot guest functions turned into JavaScript functions (jit-compile.ts)
// that run the same instructions with the same effects, only without the dispatch
// loop. This file owns the tiering policy and the hand-over between the tiers:
//
//   - The interpreter decrements hot[pc] whenever it arrives at pc by a call, a taken
//     jump or a return, and hands over (ENTER_TIER) when the countdown reaches 0.
//     The driver (interpret() in interpreter.ts) then compiles the function holding
//     pc, once; from then on every block start of that function has countdown 0, so
//     the interpreter hands over whenever it arrives at one.
//   - Compiled code keeps the registers in JS locals, decrements the same instruction
//     budget one block at a time, and leaves at any trap with the state exactly as the
//     interpreter would leave it. A call from compiled code to compiled code is a JS
//     call (up to MAX_JS_DEPTH deep); anything else goes back through the driver.
//
// Determinism: the tier changes no visible state (registers, memory, cpu.steps, the
// instruction at which a trap or a budget end happens), only speed; a run with and
// without it is byte-identical. Compiled code is a pure function of the module's
// code, so one Jit is shared by every image of the same code.
import type { FunctionSymbol, Module } from '../isa/module.js';
import { copyBlock, probe, readBytes, writeBytes, zeroBlock } from './access.js';
import { addSlow, cacheStackPage, loadSlow, loadStack, storeSlow, storeStack } from './jit-runtime.js';
import type { Cpu } from './cpu.js';
import { compileFunction, type JitFunction, type Runtime } from './jit-compile.js';
import type { Mmu } from './mmu.js';

/** Arrivals at a code index before the function around it is compiled. */
export const HOT_THRESHOLD = 64;
/** A countdown that does not run out in practice (2^31 arrivals; then it is reset). */
export const NEVER = 0x7fffffff;
/** Functions longer than this (code words) stay interpreted: V8 does not optimise a JS
 *  function past a size (its bytecode limit), and unoptimised generated code is several
 *  times slower than the interpreter. Generated functions of ~940 words were still
 *  optimised, of ~1170 no longer (Node 20). */
export const MAX_FUNCTION_WORDS = 800;

/** Registers and the memory arrays of the process being run, handed between compiled
 *  functions (the compiled code keeps them in locals in between). One class, every
 *  field set in the constructor, so V8 keeps it monomorphic. */
export class JitMachine {
  cpu: Cpu;
  mmu: Mmu;
  u8: Uint8Array;
  u16: Uint16Array;
  i32: Int32Array;
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
  /** The stack page cache (jit-compile.ts): a writable page's vpn (-1: none) and base. */
  sv = -1;
  sb = 0;
  /** 1 when the last slow path (jit-runtime.ts) faulted. */
  fault = 0;

  constructor(cpu: Cpu, mmu: Mmu) {
    this.cpu = cpu;
    this.mmu = mmu;
    this.u8 = mmu.mem.u8;
    this.u16 = mmu.mem.u16;
    this.i32 = mmu.mem.i32;
    this.rTag = mmu.tlbReadTag;
    this.rBase = mmu.tlbReadBase;
    this.wTag = mmu.tlbWriteTag;
    this.wBase = mmu.tlbWriteBase;
  }

  bind(cpu: Cpu, mmu: Mmu): void {
    this.cpu = cpu;
    if (this.mmu === mmu) return;
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
  private machine: JitMachine | null = null;

  /** threshold: arrivals at a code index before its function is compiled. */
  constructor(
    private readonly input: TierInput,
    threshold = HOT_THRESHOLD,
  ) {
    const length = input.code.length;
    this.hot = new Int32Array(length + 1).fill(threshold);
    this.cold = coldCountdowns(length);
    this.entries = new Array<JitFunction | undefined>(length + 1).fill(undefined);
    this.functions = [...input.module.functions].sort((x, y) => x.start - y.start);
    this.tried = new Uint8Array(this.functions.length);
    this.runtime = {
      probe,
      readBytes,
      writeBytes,
      copyBlock,
      zeroBlock,
      loadSlow,
      storeSlow,
      loadStack,
      storeStack,
      cacheStackPage,
      addSlow,
      entries: this.entries,
      isEntry: input.isEntry,
      isReturnSite: input.isReturnSite,
    };
  }

  /** hot[pc] ran out: compiles the function around pc the first time. True when pc
   *  is now the start of a compiled block; otherwise pc's countdown is set to NEVER. */
  prepare(pc: number): boolean {
    if (this.entries[pc] === undefined) {
      const index = this.functionAt(pc);
      if (index >= 0 && this.tried[index] === 0) {
        this.tried[index] = 1;
        this.compile(this.functions[index]);
      }
    }
    if (this.entries[pc] !== undefined) return true;
    this.hot[pc] = NEVER;
    return false;
  }

  /** Runs compiled code from cpu.pc (which must have an entry) with `left` instructions
   *  of budget; writes the registers and cpu.steps back. Returns a Trap or RETURNED,
   *  RESUME, LOW_BUDGET. */
  run(cpu: Cpu, mmu: Mmu, left: number): number {
    let m = this.machine;
    if (m === null) m = this.machine = new JitMachine(cpu, mmu);
    else m.bind(cpu, mmu);
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
    m.sv = -1;
    const why = enter(m, pc);
    cpu.pc = m.pc;
    cpu.sp = m.sp >>> 0;
    cpu.bp = m.bp >>> 0;
    cpu.a = m.a;
    cpu.steps += left - m.left;
    return why;
  }

  private compile(f: FunctionSymbol): void {
    if (f.end - f.start > MAX_FUNCTION_WORDS) return;
    const compiled = compileFunction(this.input.code, f, this.runtime);
    if (compiled === undefined) return;
    for (const start of compiled.blockStarts) {
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
