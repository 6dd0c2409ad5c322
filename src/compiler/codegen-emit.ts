// The instruction buffer of one function: emits opcode words, resolves labels
// (jumps are function-relative, rebased by the linker), records relocations and
// line entries, and tracks the depth of the operand stack so that code can name
// the current stack top as a bp-relative address (struct arguments are built in
// place with ALLOC + LEA) — the frame size is only known at the end, so those LEA
// operands and the ENT operand are patched by finish().
//
// Peephole: `IMM k; PSH` becomes `PIMM k` and `LLI off; PSH` becomes `PLI off`
// when the caller says the accumulator is dead after the push (push()), and
// `SLI off; LLI off` drops the reload; never across a label (the second
// instruction might be a jump target).

import { Op } from '../isa/op.js';
import { OPCODE_BY_CODE } from '../isa/opcodes.js';
import { MAX_SIZE_OPERAND } from '../isa/verify.js';
import type { Loc } from './ast.js';
import type { CodeReloc } from './object.js';

/** A program the code generator cannot compile (reported as a compile error). */
export class CodegenError extends Error {
  constructor(
    readonly loc: Loc,
    message: string,
  ) {
    super(message);
    this.name = 'CodegenError';
  }
}

export interface Label {
  /** Code index once placed, -1 before. */
  pos: number;
  /** Operand-stack depth expected at the label (the same on every path to it). */
  depth: number | undefined;
  /** Operand words waiting for pos. */
  fixups: number[];
}

/** Net change of the operand-stack depth (bytes pushed) for opcodes without a size operand. */
function stackEffect(op: Op): number {
  switch (op) {
    case Op.PSH:
    case Op.PIMM:
    case Op.PLI:
      return 4;
    case Op.ADD: case Op.SUB: case Op.MUL: case Op.DIV: case Op.DIVU: case Op.MOD: case Op.MODU:
    case Op.AND: case Op.OR: case Op.XOR: case Op.SHL: case Op.SHR: case Op.SHRU:
    case Op.EQ: case Op.NE: case Op.LT: case Op.LE: case Op.GT: case Op.GE:
    case Op.LTU: case Op.LEU: case Op.GTU: case Op.GEU:
    case Op.SI: case Op.SC: case Op.SS: case Op.MCPY:
      return -4;
    default:
      return 0;
  }
}

export class Emitter {
  readonly code: number[] = [];
  readonly relocs: CodeReloc[] = [];
  /** Triples (code index, file index, line). */
  readonly lines: number[] = [];
  /** Bytes pushed on the operand stack since ENT. */
  depth = 0;
  /** False after an unconditional transfer until a label is placed. */
  reachable = true;
  /** Opcode of the last instruction emitted. */
  lastOp: Op = Op.NOP;
  private lastInsn = -1;
  /** The last source position given to line(), for errors. */
  private lastLoc: Loc = { file: '', line: 0, col: 0 };
  private readonly spFixups: { at: number; depth: number }[] = [];
  private readonly fileIndex: (file: string) => number;

  constructor(fileIndex: (file: string) => number) {
    this.fileIndex = fileIndex;
  }

  get pc(): number {
    return this.code.length;
  }

  emit(op: Op, ...operands: number[]): void {
    if (op === Op.LLI && this.reloadsStoredLocal(operands[0])) return;
    OPCODE_BY_CODE[op]?.operands.forEach((kind, i) => {
      if (kind === 'size' && operands[i] > MAX_SIZE_OPERAND) {
        throw new CodegenError(this.lastLoc, `object too large: ${operands[i]} bytes (at most ${MAX_SIZE_OPERAND} in one block)`);
      }
    });
    this.lastInsn = this.code.length;
    this.lastOp = op;
    this.code.push(op, ...operands);
    switch (op) {
      case Op.ADJ:
        this.depth -= operands[0];
        break;
      case Op.ALLOC:
        this.depth += operands[0];
        break;
      case Op.JMP:
      case Op.LEV:
      case Op.JTAB:
        this.reachable = false;
        break;
      default:
        this.depth += stackEffect(op);
    }
  }

  /** Pushes a; the accumulator may be clobbered afterwards (allows PIMM/PLI). */
  push(): void {
    const last = this.lastInsn;
    if (last >= 0 && last === this.code.length - 2) {
      const op = this.code[last];
      if (op === Op.IMM || op === Op.LLI) {
        this.code[last] = this.lastOp = op === Op.IMM ? Op.PIMM : Op.PLI;
        this.depth += 4;
        return;
      }
    }
    this.emit(Op.PSH);
  }

  /** Pushes a and keeps it in the accumulator. */
  pushKeep(): void {
    this.emit(Op.PSH);
  }

  /** a = address of symbol + addend (resolved by the linker). */
  immAddress(symbol: string, addend: number): void {
    this.emit(Op.IMM, 0);
    this.relocs.push({ at: this.pc - 1, kind: 'addr', symbol, addend });
  }

  call(symbol: string): void {
    this.emit(Op.CALL, 0);
    this.relocs.push({ at: this.pc - 1, kind: 'call', symbol, addend: 0 });
  }

  /** a = the current stack top (sp), as LEA -(frame + depth), patched in finish(). */
  leaStackTop(): void {
    this.emit(Op.LEA, 0);
    this.spFixups.push({ at: this.pc - 1, depth: this.depth });
  }

  newLabel(): Label {
    return { pos: -1, depth: undefined, fixups: [] };
  }

  place(label: Label): void {
    if (label.pos >= 0) throw new Error('codegen: label placed twice');
    label.pos = this.pc;
    for (const at of label.fixups) this.code[at] = label.pos;
    if (!this.reachable && label.depth !== undefined) this.depth = label.depth;
    this.noteDepth(label);
    this.reachable = true;
    this.lastInsn = -1;
  }

  /** JMP/JZ/JNZ to label. */
  jump(op: Op.JMP | Op.JZ | Op.JNZ, label: Label): void {
    this.noteDepth(label);
    this.emit(op, this.labelOperand(label));
  }

  /** A compare-and-branch (J<cmp>I k / J<cmp>L off) to label. */
  branch(op: Op, operand: number, label: Label): void {
    this.noteDepth(label);
    this.emit(op, operand, this.labelOperand(label, this.pc + 2));
  }

  /** a += address of symbol + addend (resolved by the linker). */
  addAddress(symbol: string, addend: number): void {
    this.emit(Op.ADDI, 0);
    this.relocs.push({ at: this.pc - 1, kind: 'addr', symbol, addend });
  }

  /** JTAB lo n default, then one jump word per value lo..lo+n-1. */
  jumpTable(lo: number, targets: Label[], fallback: Label): void {
    for (const l of [...targets, fallback]) this.noteDepth(l);
    const operands = [lo, targets.length, 0, ...targets.map(() => 0)];
    const at = this.pc;
    this.emit(Op.JTAB, ...operands);
    this.code[at + 3] = this.labelOperand(fallback, at + 3);
    targets.forEach((l, i) => (this.code[at + 4 + i] = this.labelOperand(l, at + 4 + i)));
  }

  /** Records a line entry when the source position moved to another line. */
  line(loc: Loc): void {
    this.lastLoc = loc;
    const file = this.fileIndex(loc.file);
    const n = this.lines.length;
    if (n > 0 && this.lines[n - 2] === file && this.lines[n - 1] === loc.line) return;
    if (n > 0 && this.lines[n - 3] === this.pc) {
      this.lines[n - 2] = file;
      this.lines[n - 1] = loc.line;
      return;
    }
    this.lines.push(this.pc, file, Math.max(1, loc.line));
  }

  /** Patches the frame size into ENT (expected at index 0) and the stack-top LEAs. */
  finish(frameSize: number, loc: Loc): void {
    if (this.code[0] !== Op.ENT) throw new Error('codegen: function does not start with ENT');
    if (frameSize > MAX_SIZE_OPERAND) throw new CodegenError(loc, `stack frame too large: ${frameSize} bytes (at most ${MAX_SIZE_OPERAND})`);
    this.code[1] = frameSize;
    while (this.lines.length > 0 && this.lines[this.lines.length - 3] >= this.code.length) this.lines.length -= 3;
    for (const f of this.spFixups) this.code[f.at] = -(frameSize + f.depth);
  }

  /** `SLI off; LLI off` with no label between: a already holds the value. */
  private reloadsStoredLocal(offset: number): boolean {
    const last = this.lastInsn;
    return last >= 0 && last === this.code.length - 2 && this.code[last] === Op.SLI && this.code[last + 1] === offset;
  }

  private labelOperand(label: Label, at = this.pc + 1): number {
    if (label.pos >= 0) return label.pos;
    label.fixups.push(at);
    return 0;
  }

  private noteDepth(label: Label): void {
    if (label.depth === undefined) label.depth = this.depth;
    else if (this.reachable && label.depth !== this.depth) {
      throw new Error(`codegen: stack depth ${this.depth} at a label expecting ${label.depth}`);
    }
  }
}
