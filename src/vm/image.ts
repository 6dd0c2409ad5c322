// An executable view of a verified Module: the code plus two byte maps the
// interpreter checks control transfers against. CALLI may only land on a function
// entry and LEV may only return to the instruction after a CALL/CALLI (or to the
// signal-return stub), so a corrupted function pointer or return address traps
// instead of jumping into the middle of an instruction.
// Built once per loaded program and shared by every process running it.
import { Op } from '../isa/op.js';
import { instructionLength } from '../isa/opcodes.js';
import type { Module } from '../isa/module.js';

export interface Image {
  readonly module: Module;
  readonly code: Int32Array;
  /** 1 at code indexes that start a function. Length code.length + 1. */
  readonly isEntry: Uint8Array;
  /** 1 right after every CALL/CALLI and at module.sigreturn. Length code.length + 1. */
  readonly isReturnSite: Uint8Array;
}

/** Panics when the code cannot be walked instruction by instruction or a function
 *  start / sigreturn is not an instruction start: the verifier should have caught it. */
export function makeImage(module: Module): Image {
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
  return { module, code, isEntry, isReturnSite };
}
