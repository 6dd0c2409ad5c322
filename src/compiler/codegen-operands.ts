// Operands that need no code of their own, for the operator forms that take them
// (MULI k, ADDL off, JLTI k t ...): constants and word locals. And when an operator's
// operands may be swapped -- it is commutative, or a comparison that can be turned
// around, and the other operand has no side effects -- so that `k < x`, `p + i * 4`
// and `sum += a * b` also use them. Swapping changes the order of two reads, never
// of a read and a write, so values are the same; only which page a demand fault
// touches first may change.

import { Op } from '../isa/op.js';
import type { BinaryOp, Expr } from './ast.js';
import type { FuncContext } from './codegen-frame.js';
import { isWordScalar } from './codegen-ops.js';

/** The frame offset of the object e names when it has a fixed place in the frame:
 *  a local or parameter, or a member of one (s.m, s.in.m); undefined otherwise. */
export function frameLocation(cx: FuncContext, e: Expr): number | undefined {
  if (e.kind === 'var') return cx.isFrameVar(e.sym) ? cx.slot(e.sym, e.loc) : undefined;
  if (e.kind !== 'member') return undefined;
  const base = frameLocation(cx, e.base);
  return base === undefined ? undefined : base + e.member.offset;
}

/** The frame offset of e when it is a word-sized local, parameter or member of one
 *  (LLI/SLI/INCL apply). */
export function wordLocal(cx: FuncContext, e: Expr): number | undefined {
  return isWordScalar(e.type) ? frameLocation(cx, e) : undefined;
}

/** A constant (imm) or a word local (local: its frame offset). */
export type SimpleOperand = { kind: 'imm' | 'local'; value: number };

/** e as a simple operand, seen through casts that emit nothing (to a pointer or a
 *  4-byte non-bool integer); undefined when it needs code. */
export function simpleOperand(cx: FuncContext, e: Expr): SimpleOperand | undefined {
  let x = e;
  while (x.kind === 'cast' && (x.type.kind === 'ptr' || (x.type.kind === 'int' && x.type.size === 4 && x.type.ik !== 'bool'))) {
    x = x.operand;
  }
  if (x.kind === 'num') return { kind: 'imm', value: x.value | 0 };
  const local = wordLocal(cx, x);
  return local === undefined ? undefined : { kind: 'local', value: local };
}

export function isComparison(op: BinaryOp): boolean {
  return op === '==' || op === '!=' || op === '<' || op === '<=' || op === '>' || op === '>=';
}

/** The operator that gives the same result with its operands swapped, if any. */
export function swappedOperator(op: Op): Op | undefined {
  switch (op) {
    case Op.ADD: case Op.MUL: case Op.AND: case Op.OR: case Op.XOR: case Op.EQ: case Op.NE:
      return op;
    case Op.LT: return Op.GT;
    case Op.GT: return Op.LT;
    case Op.LE: return Op.GE;
    case Op.GE: return Op.LE;
    case Op.LTU: return Op.GTU;
    case Op.GTU: return Op.LTU;
    case Op.LEU: return Op.GEU;
    case Op.GEU: return Op.LEU;
    default:
      return undefined;
  }
}

/** Evaluating e has no side effect (no call, system call, assignment or ++/--). */
export function isPure(e: Expr): boolean {
  switch (e.kind) {
    case 'num':
    case 'str':
    case 'var':
    case 'funcref':
      return true;
    case 'unary':
    case 'cast':
    case 'addr':
    case 'decay':
    case 'deref':
      return isPure(e.operand);
    case 'member':
      return isPure(e.base);
    case 'binary':
    case 'ptrdiff':
    case 'logand':
    case 'logor':
    case 'comma':
      return isPure(e.lhs) && isPure(e.rhs);
    case 'cond':
      return isPure(e.cond) && isPure(e.then) && isPure(e.else);
    case 'assign':
    case 'compoundAssign':
    case 'incdec':
    case 'call':
    case 'syscall':
      return false;
    default: {
      const never: never = e;
      throw new Error(`isPure: ${String(never)}`);
    }
  }
}
