// The state of one function being compiled: its emitter, its frame layout (every
// parameter and local gets a bp-relative offset, per the ABI in isa/abi.ts), the
// labels of goto targets and case arms, and the break/continue targets in scope.
//
// Frame:  bp+8+k  arguments (a struct-returning function's hidden result pointer
//                 first), each rounded up to 4 bytes
//         bp+4    return address;  bp+0  saved bp
//         bp-n    locals, naturally aligned, laid out in FunctionDef.locals order,
//                 then scratch words codegen asks for (scratch()).

import type { CaseStmt, DefaultStmt, FunctionDef, Loc, VarSymbol } from './ast.js';
import { CodegenError, Emitter, type Label } from './codegen-emit.js';
import { argumentSize, roundUp } from './codegen-ops.js';
import { alignOf, sizeOf } from './types.js';

/** What the functions of one translation unit share: the string-literal pool. */
export interface UnitContext {
  /** The link name of the pooled literal with these bytes. */
  stringSymbol(bytes: Uint8Array): string;
  fileIndex(file: string): number;
}

const ARGS_OFFSET = 8;
const HIDDEN_RESULT_POINTER = 4;

export class FuncContext {
  readonly em: Emitter;
  /** bp offset of the hidden result pointer of a struct-returning function. */
  readonly resultPointer: number | undefined;
  readonly breakTargets: Label[] = [];
  readonly continueTargets: Label[] = [];
  readonly caseLabels = new Map<CaseStmt | DefaultStmt, Label>();
  private readonly slots = new Map<number, number>();
  private readonly gotoLabels = new Map<string, Label>();
  private frameSize: number;
  private scratchSlot: number | undefined;

  constructor(
    readonly unit: UnitContext,
    readonly def: FunctionDef,
  ) {
    this.em = new Emitter((file) => unit.fileIndex(file));
    let arg = ARGS_OFFSET;
    if (def.sym.type.ret.kind === 'struct') {
      this.resultPointer = arg;
      arg += HIDDEN_RESULT_POINTER;
    }
    for (const p of def.params) {
      this.slots.set(p.id, arg);
      arg += argumentSize(p.type);
    }
    let below = 0;
    for (const v of def.locals) {
      if (this.slots.has(v.id)) continue;
      below = roundUp(below + sizeOf(v.type), Math.max(1, alignOf(v.type)));
      this.slots.set(v.id, -below);
    }
    this.frameSize = roundUp(below, 4);
  }

  /** bp offset of a parameter or local; throws CodegenError for anything else. */
  slot(sym: VarSymbol, loc: Loc): number {
    const off = this.slots.get(sym.id);
    if (off === undefined) throw new CodegenError(loc, `internal: '${sym.name}' has no frame slot in '${this.def.sym.name}'`);
    return off;
  }

  isFrameVar(sym: VarSymbol): boolean {
    return sym.storage === 'local' || sym.storage === 'param';
  }

  /** A word of the frame for codegen's own use (one per function, reused). */
  scratch(): number {
    if (this.scratchSlot === undefined) {
      this.frameSize += 4;
      this.scratchSlot = -this.frameSize;
    }
    return this.scratchSlot;
  }

  gotoLabel(name: string): Label {
    let label = this.gotoLabels.get(name);
    if (label === undefined) {
      label = this.em.newLabel();
      this.gotoLabels.set(name, label);
    }
    return label;
  }

  caseLabel(stmt: CaseStmt | DefaultStmt): Label {
    let label = this.caseLabels.get(stmt);
    if (label === undefined) {
      label = this.em.newLabel();
      this.caseLabels.set(stmt, label);
    }
    return label;
  }

  /** Patches frame-dependent operands; the code is complete after this. */
  finish(): void {
    for (const [name, label] of this.gotoLabels) {
      if (label.pos < 0) throw new CodegenError(this.def.loc, `label '${name}' used but not defined`);
    }
    this.em.finish(this.frameSize, this.def.loc);
  }
}
