// Which instruction does a C type need: loads and stores by width and signedness,
// the integer conversions between types, and the binary operators by signedness.
// A value in the accumulator is always kept as its type's value widened to 32
// bits (sign- or zero-extended), so widening conversions cost nothing.

import { Op } from '../isa/op.js';
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
