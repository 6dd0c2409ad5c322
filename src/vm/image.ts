// An executable view of a verified Module: the code plus two byte maps the
// interpreter checks control transfers against. CALLI may only land on a function
// entry and LEV may only return to the instruction after a CALL/CALLI (or to the
// signal-return stub), so a corrupted function pointer or return address traps
// instead of jumping into the middle of an instruction.
// Built once per loaded program and shared by every process running it.
// It also carries the program's JS tier (jit.ts): the countdowns with which the
// interpreter finds hot code, and the compiled functions. { jit: 'off' } (the
// kernel's option, the CLI's --no-jit) switches the tier off; without the option,
// IPCVM_JIT=off|eager in the environment decides (to run a whole test suite so).
import { Op } from '../isa/op.js';
import { instructionLength } from '../isa/opcodes.js';
import type { Module } from '../isa/module.js';
import { coldCountdowns, Jit, jitFor } from './jit.js';

export interface Image {
  readonly module: Module;
  readonly code: Int32Array;
  /** 1 at code indexes that start a function. Length code.length + 1. */
  readonly isEntry: Uint8Array;
  /** 1 right after every CALL/CALLI and at module.sigreturn. Length code.length + 1. */
  readonly isReturnSite: Uint8Array;
  /** The JS tier of this program, or null when it is off. */
  readonly jit: Jit | null;
  /** Per code index, the countdown the interpreter decrements on arriving there by a
   *  jump, call or return; at <= 0 it hands over to the JS tier (jit.ts). Never
   *  reaches 0 in practice when the tier is off. Length code.length + 1. */
  readonly hot: Int32Array;
}

export interface ImageOptions {
  /** The JS tier: 'on' (compile hot functions), 'off', or 'eager' (compile each function
   *  the first time it is reached: for tests, so compiled code runs nearly everything).
   *  Default: the IPCVM_JIT environment variable (off, 0, eager), else 'on'. */
  jit?: JitMode;
}

export type JitMode = 'on' | 'off' | 'eager';

/** The default JIT mode: IPCVM_JIT=off (or 0) turns the tier off, IPCVM_JIT=eager makes it eager. */
export function jitModeFromEnvironment(): JitMode {
  const setting = process.env.IPCVM_JIT;
  if (setting === 'off' || setting === '0') return 'off';
  return setting === 'eager' ? 'eager' : 'on';
}

/** Panics when the code cannot be walked instruction by instruction or a function
 *  start / sigreturn is not an instruction start: the verifier should have caught it. */
export function makeImage(module: Module, options: ImageOptions = {}): Image {
  const code = module.code;
  const length = code.length;
  const isStart = new Uint8Array(length + 1);
  const isEntry = new Uint8Array(length + 1);
  const isReturnSite = new Uint8Array(length + 1);
  for (let pc = 0; pc < length; ) {
    const words = instructionLength(code, pc);
    if (words <= 0 || pc + words > length) throw new Error(`makeImage: no valid instruction at ${pc}`);
    isStart[pc] = 1;
    const op = code[pc];
    if (op === Op.CALL || op === Op.CALLI) isReturnSite[pc + words] = 1;
    pc += words;
  }
  for (const fn of module.functions) {
    if (!isStart[fn.start]) throw new Error(`makeImage: function ${fn.name} starts at ${fn.start}, not an instruction`);
    isEntry[fn.start] = 1;
  }
  if (module.sigreturn >= 0) {
    if (!isStart[module.sigreturn]) throw new Error(`makeImage: sigreturn ${module.sigreturn} is not an instruction`);
    isReturnSite[module.sigreturn] = 1;
  }
  const tierInput = { module, code, isEntry, isReturnSite };
  const mode = options.jit ?? jitModeFromEnvironment();
  const jit = mode === 'off' ? null : mode === 'eager' ? new Jit(tierInput, 1) : jitFor(tierInput);
  // One object literal for every image, so the interpreter's loads from it see one shape.
  const image = { module, code, isEntry, isReturnSite, jit, hot: jit === null ? coldCountdowns(length) : jit.hot };
  jit?.adopt(image);
  return image;
}
