// Which instruction does a C type need: loads and stores by width and signedness,
// the integer conversions between types, and the binary operators by signedness.
// A value in the accumulator is always kept as its type's value widened to 32
// bits (sign- or zero-extended), so widening conversions cost nothing.
// The operand forms of a binary operator (immediate, word local, compare-and-branch)
// are found by name in the opcode table: MUL -> MULI / MULL, LT -> JLTI / JLTL.

import { Op } from '../isa/op.js';
import { OPCODE_BY_CODE, OPCODES } from '../isa/opcodes.js';
import type { BinaryOp } from './ast.js';
import type { Emitter } from './codegen-emit.js';
import { sizeOf, type Type } from './types.js';

/** Types whose value is their address: nothing is loaded, copies go through MCPY. */
export function isAddressValued(t: Type): boolean {
  return t.kind === 'struct' || t.kind === 'array' || t.kind === 'func';
}

/** int, pointer or enum held in a full word: LLI/SLI/INCL apply. */
export function isWordScalar(t: Type): boolean {
  return (t.kind === 'int' && t.size === 4) || t.kind === 'ptr';
}

export function roundUp(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

/** The load of a 1- or 2-byte integer at bp + off (LLC LLUC LLS LLUS), signed or
 *  unsigned as emitLoad reads it; undefined for other types. */
export function narrowLocalLoad(t: Type): Op | undefined {
  if (t.kind !== 'int' || t.size === 4) return undefined;
  if (t.size === 2) return t.unsigned ? Op.LLUS : Op.LLS;
  return t.unsigned ? Op.LLUC : Op.LLC;
}

/** The store of a 1- or 2-byte integer to bp + off (SLC SLS); undefined for other types. */
export function narrowLocalStore(t: Type): Op | undefined {
  if (t.kind !== 'int' || t.size === 4) return undefined;
  return t.size === 2 ? Op.SLS : Op.SLC;
}

/** a = *(T*)a; nothing for address-valued and void types. */
export function emitLoad(em: Emitter, t: Type): void {
  if (t.kind === 'ptr') return em.emit(Op.LI);
  if (t.kind !== 'int') return;
  if (t.size === 4) em.emit(Op.LI);
  else if (t.size === 2) em.emit(t.unsigned ? Op.LUS : Op.LS);
  else em.emit(t.unsigned ? Op.LUC : Op.LC);
}

/** p = pop; *(T*)p = a, for scalar types (structs are copied by the caller). */
export function emitStore(em: Emitter, t: Type): void {
  const size = t.kind === 'int' ? t.size : 4;
  em.emit(size === 4 ? Op.SI : size === 2 ? Op.SS : Op.SC);
}

/** Converts the value in a from type `from` to type `to` (a cast node's semantics). */
export function emitConvert(em: Emitter, from: Type, to: Type): void {
  if (to.kind !== 'int') return;
  if (to.ik === 'bool') {
    if (!(from.kind === 'int' && from.ik === 'bool')) em.emit(Op.BOOL);
    return;
  }
  if (to.size === 4) return;
  if (from.kind === 'int' && fitsWithoutExtension(from.size, from.unsigned, from.ik === 'bool', to.size, to.unsigned)) return;
  if (to.size === 2) em.emit(to.unsigned ? Op.ZXH : Op.SXH);
  else em.emit(to.unsigned ? Op.ZXB : Op.SXB);
}

/** Converts a 32-bit int result (of arithmetic) to type t before it is stored. */
export function emitNarrow(em: Emitter, t: Type): void {
  emitConvert(em, { kind: 'int', ik: 'int', size: 4, unsigned: false }, t);
}

function fitsWithoutExtension(fromSize: number, fromUnsigned: boolean, fromBool: boolean, toSize: number, toUnsigned: boolean): boolean {
  if (fromBool) return true;
  if (fromSize < toSize) return fromUnsigned || !toUnsigned;
  return fromSize === toSize && fromUnsigned === toUnsigned;
}

/** Unsigned arithmetic or comparison: unsigned integers and pointers. */
export function isUnsignedType(t: Type): boolean {
  return (t.kind === 'int' && t.unsigned) || t.kind === 'ptr';
}

/** a = pop OP a, for an operation done in `opType` (comparisons: the operands' type). */
export function binaryOpcode(op: BinaryOp, opType: Type): Op {
  const u = isUnsignedType(opType);
  switch (op) {
    case '+': return Op.ADD;
    case '-': return Op.SUB;
    case '*': return Op.MUL;
    case '/': return u ? Op.DIVU : Op.DIV;
    case '%': return u ? Op.MODU : Op.MOD;
    case '<<': return Op.SHL;
    case '>>': return u ? Op.SHRU : Op.SHR;
    case '&': return Op.AND;
    case '|': return Op.OR;
    case '^': return Op.XOR;
    case '==': return Op.EQ;
    case '!=': return Op.NE;
    case '<': return u ? Op.LTU : Op.LT;
    case '<=': return u ? Op.LEU : Op.LE;
    case '>': return u ? Op.GTU : Op.GT;
    case '>=': return u ? Op.GEU : Op.GE;
    default: {
      const never: never = op;
      throw new Error(`binaryOpcode: ${String(never)}`);
    }
  }
}

/** Bytes an argument of type t takes on the stack. */
export function argumentSize(t: Type): number {
  return t.kind === 'struct' ? roundUp(sizeOf(t), 4) : 4;
}

const OP_BY_NAME: ReadonlyMap<string, Op> = new Map(OPCODES.map((o) => [o.name, o.code as Op]));

/** The opcode named prefix + name(op) + suffix, if the table has one. */
function relatedForm(op: Op, prefix: string, suffix: string): Op | undefined {
  const info = OPCODE_BY_CODE[op];
  return info === undefined ? undefined : OP_BY_NAME.get(prefix + info.name + suffix);
}

/** a = a OP k (ADDI, MULI ...); undefined for SUB (ADDI -k). */
export function immediateForm(op: Op): Op | undefined {
  return relatedForm(op, '', 'I');
}

/** a = a OP i32[bp + off] (ADDL ...). */
export function localForm(op: Op): Op | undefined {
  return relatedForm(op, '', 'L');
}

/** if (a CMP k) jump (JLTI ...), for a comparison opcode. */
export function immediateBranch(cmp: Op): Op | undefined {
  return relatedForm(cmp, 'J', 'I');
}

/** if (a CMP i32[bp + off]) jump (JLTL ...), for a comparison opcode. */
export function localBranch(cmp: Op): Op | undefined {
  return relatedForm(cmp, 'J', 'L');
}

/** The comparison that is true exactly when cmp is false. */
export function negatedComparison(cmp: Op): Op {
  switch (cmp) {
    case Op.EQ: return Op.NE;
    case Op.NE: return Op.EQ;
    case Op.LT: return Op.GE;
    case Op.GE: return Op.LT;
    case Op.LE: return Op.GT;
    case Op.GT: return Op.LE;
    case Op.LTU: return Op.GEU;
    case Op.GEU: return Op.LTU;
    case Op.LEU: return Op.GTU;
    case Op.GTU: return Op.LEU;
    default:
      throw new Error(`negatedComparison: opcode ${cmp} is not a comparison`);
  }
}
