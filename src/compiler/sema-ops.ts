// Typing of C operators over analysed operands: the usual arithmetic conversions,
// pointer arithmetic (the integer operand scaled to bytes, pointer - pointer as a
// 'ptrdiff'), comparisons, shifts, the conditional operator's pointer rules,
// assignment and compound assignment. Constant operands are folded here.

import type { BinaryOp, Expr } from './ast.js';
import { foldBinary, isNullPointerConstant } from './constexpr.js';
import type { At, SynBinaryOp } from './parse-tree.js';
import { castTo, convertAs, errorExpr, isErrorExpr, isLvalue, num, promoteExpr } from './sema-conv.js';
import type { Sema } from './sema-state.js';
import { compatible, isComplete, promote, typeToString, usualArithmetic } from './sema-types.js';
import { INT, VOID, pointerTo, sizeOf, type IntType, type PointerType, type Type } from './types.js';

type IntExpr = Expr & { type: IntType };
type PtrExpr = Expr & { type: PointerType };

function isInt(e: Expr): e is IntExpr {
  return e.type.kind === 'int';
}
function isPtr(e: Expr): e is PtrExpr {
  return e.type.kind === 'ptr';
}

function invalidOperands(s: Sema, op: string, l: Expr, r: Expr, at: At): Expr {
  if (isErrorExpr(l) || isErrorExpr(r)) return errorExpr(s.loc(at));
  s.error(at, `invalid operands to binary ${op} (have '${typeToString(l.type)}' and '${typeToString(r.type)}')`);
  return errorExpr(s.loc(at));
}

/** An arithmetic or bitwise operation in the usual arithmetic conversion of its operands. */
export function arithmetic(s: Sema, op: BinaryOp, l: IntExpr, r: IntExpr, at: At): Expr {
  const type = usualArithmetic(l.type, r.type);
  return binaryIn(s, op, castTo(l, type), castTo(r, type), type, type, at);
}

function binaryIn(s: Sema, op: BinaryOp, l: Expr, r: Expr, operandType: IntType, type: Type, at: At): Expr {
  if ((op === '/' || op === '%') && r.kind === 'num' && r.value === 0) {
    s.warning(at, 'division by zero [-Wdiv-by-zero]');
  } else if (l.kind === 'num' && r.kind === 'num') {
    const folded = foldBinary(op, l.value, r.value, operandType);
    if (folded !== undefined) return num(folded, type, s.loc(at));
  }
  return { kind: 'binary', op, lhs: l, rhs: r, type, loc: s.loc(at) };
}

function shift(s: Sema, op: '<<' | '>>', l: IntExpr, r: IntExpr, at: At): Expr {
  const type = promote(l.type);
  if (r.kind === 'num') {
    const dir = op === '<<' ? 'left' : 'right';
    if (r.value < 0) s.warning(at, `${dir} shift count is negative [-Wshift-count-negative]`);
    else if (r.value >= 32) s.warning(at, `${dir} shift count >= width of type [-Wshift-count-overflow]`);
  }
  return binaryIn(s, op, castTo(l, type), castTo(promoteExpr(r), type), type, type, at);
}

/** The integer operand of pointer arithmetic as a byte count. */
function scaled(s: Sema, i: IntExpr, size: number, at: At): Expr {
  const asInt = castTo(promoteExpr(i), INT);
  if (size === 1) return asInt;
  if (asInt.kind === 'num') return num(Math.imul(asInt.value, size), INT, asInt.loc);
  return { kind: 'binary', op: '*', lhs: asInt, rhs: num(size, INT, s.loc(at)), type: INT, loc: s.loc(at) };
}

function pointeeSizeChecked(s: Sema, p: PtrExpr, at: At): number {
  const base = p.type.base;
  if (base.kind === 'struct' && !isComplete(base)) {
    s.error(at, `invalid use of undefined type '${typeToString(base)}'`);
  }
  return sizeOf(base) || 1;
}

/** `p + i` or `p - i`, with i scaled to bytes. */
export function pointerOffset(s: Sema, op: '+' | '-', p: PtrExpr, i: IntExpr, at: At): Expr {
  const offset = scaled(s, i, pointeeSizeChecked(s, p, at), at);
  if (p.kind === 'num' && offset.kind === 'num') {
    return num(op === '+' ? p.value + offset.value : p.value - offset.value, p.type, s.loc(at));
  }
  return { kind: 'binary', op, lhs: p, rhs: offset, type: p.type, loc: s.loc(at) };
}

function comparison(s: Sema, op: BinaryOp, l: Expr, r: Expr, at: At): Expr {
  if (isInt(l) && isInt(r)) {
    const type = usualArithmetic(l.type, r.type);
    return binaryIn(s, op, castTo(l, type), castTo(r, type), type, INT, at);
  }
  let common: Type;
  if (isPtr(l) && isPtr(r)) {
    common = l.type;
    const lb = l.type.base;
    const rb = r.type.base;
    if (lb.kind === 'void') common = l.type;
    else if (rb.kind === 'void') common = r.type;
    else if (!compatible(lb, rb)) s.warning(at, 'comparison of distinct pointer types lacks a cast');
  } else if (isPtr(l) && isInt(r)) {
    if (!isNullPointerConstant(r)) s.warning(at, 'comparison between pointer and integer');
    common = l.type;
  } else if (isInt(l) && isPtr(r)) {
    if (!isNullPointerConstant(l)) s.warning(at, 'comparison between pointer and integer');
    common = r.type;
  } else {
    return invalidOperands(s, op, l, r, at);
  }
  const lc = castTo(l, common);
  const rc = castTo(r, common);
  if (lc.kind === 'num' && rc.kind === 'num') {
    const folded = foldBinary(op, lc.value, rc.value, { kind: 'int', ik: 'uint', size: 4, unsigned: true });
    if (folded !== undefined) return num(folded, INT, s.loc(at));
  }
  return { kind: 'binary', op, lhs: lc, rhs: rc, type: INT, loc: s.loc(at) };
}

/** A binary operator other than assignment and comma, over rvalues. */
export function binaryOperator(s: Sema, op: SynBinaryOp, l: Expr, r: Expr, at: At): Expr {
  switch (op) {
    case '&&':
    case '||': {
      if (l.kind === 'num' && r.kind === 'num') {
        const value = op === '&&' ? l.value !== 0 && r.value !== 0 : l.value !== 0 || r.value !== 0;
        return num(value ? 1 : 0, INT, s.loc(at));
      }
      if (l.kind === 'num' && (op === '&&' ? l.value === 0 : l.value !== 0)) return num(op === '&&' ? 0 : 1, INT, s.loc(at));
      return { kind: op === '&&' ? 'logand' : 'logor', lhs: l, rhs: r, type: INT, loc: s.loc(at) };
    }
    case '+':
      if (isInt(l) && isInt(r)) return arithmetic(s, op, l, r, at);
      if (isPtr(l) && isInt(r)) return pointerOffset(s, op, l, r, at);
      if (isInt(l) && isPtr(r)) return pointerOffset(s, op, r, l, at);
      return invalidOperands(s, op, l, r, at);
    case '-':
      if (isInt(l) && isInt(r)) return arithmetic(s, op, l, r, at);
      if (isPtr(l) && isInt(r)) return pointerOffset(s, op, l, r, at);
      if (isPtr(l) && isPtr(r) && compatible(l.type.base, r.type.base)) return pointerDifference(s, l, r, at);
      return invalidOperands(s, op, l, r, at);
    case '*':
    case '/':
    case '%':
    case '&':
    case '|':
    case '^':
      return isInt(l) && isInt(r) ? arithmetic(s, op, l, r, at) : invalidOperands(s, op, l, r, at);
    case '<<':
    case '>>':
      return isInt(l) && isInt(r) ? shift(s, op, l, r, at) : invalidOperands(s, op, l, r, at);
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return comparison(s, op, l, r, at);
    default: {
      const never: never = op;
      return never;
    }
  }
}

function pointerDifference(s: Sema, l: PtrExpr, r: PtrExpr, at: At): Expr {
  const elemSize = pointeeSizeChecked(s, l, at);
  if (l.kind === 'num' && r.kind === 'num') return num(((l.value - r.value) / elemSize) | 0, INT, s.loc(at));
  return { kind: 'ptrdiff', lhs: l, rhs: r, elemSize, type: INT, loc: s.loc(at) };
}

/** `c ? a : b` over rvalues, typed by C's rules for arithmetic, struct, void and pointer operands. */
export function conditional(s: Sema, c: Expr, a: Expr, b: Expr, at: At): Expr {
  let type: Type;
  if (isInt(a) && isInt(b)) type = usualArithmetic(a.type, b.type);
  else if (a.type.kind === 'struct' && a.type === b.type) type = a.type;
  else if (a.type.kind === 'void' || b.type.kind === 'void') type = VOID;
  else if (isPtr(a) && isPtr(b)) {
    if (a.type.base.kind === 'void' || isNullPointerConstant(a)) type = isNullPointerConstant(a) ? b.type : a.type;
    else if (b.type.base.kind === 'void' || isNullPointerConstant(b)) type = isNullPointerConstant(b) ? a.type : b.type;
    else if (compatible(a.type.base, b.type.base)) type = a.type;
    else {
      s.warning(at, 'pointer type mismatch in conditional expression');
      type = pointerTo(VOID);
    }
  } else if (isPtr(a) && isInt(b)) {
    if (!isNullPointerConstant(b)) s.warning(at, 'pointer/integer type mismatch in conditional expression');
    type = a.type;
  } else if (isInt(a) && isPtr(b)) {
    if (!isNullPointerConstant(a)) s.warning(at, 'pointer/integer type mismatch in conditional expression');
    type = b.type;
  } else {
    s.error(at, 'type mismatch in conditional expression');
    return errorExpr(s.loc(at));
  }
  const then = castTo(a, type);
  const otherwise = castTo(b, type);
  if (c.kind === 'num' && then.kind === 'num' && otherwise.kind === 'num') return c.value !== 0 ? then : otherwise;
  return { kind: 'cond', cond: c, then, else: otherwise, type, loc: s.loc(at) };
}

/** Checks that `target` may be assigned to; reports gcc's message otherwise. */
export function checkAssignable(s: Sema, target: Expr, at: At, what: string): boolean {
  if (isErrorExpr(target)) return false;
  if (!isLvalue(target) || target.kind === 'str') {
    s.error(at, `lvalue required as ${what}`);
    return false;
  }
  if (target.type.kind === 'array') {
    s.error(at, 'assignment to expression with array type');
    return false;
  }
  return true;
}

export function assignment(s: Sema, target: Expr, value: Expr, at: At, valueAt: At): Expr {
  if (!checkAssignable(s, target, at, 'left operand of assignment')) return errorExpr(s.loc(at));
  const converted = convertAs(s, value, target.type, { kind: 'assignment', valueAt }, at);
  return { kind: 'assign', target, value: converted, type: target.type, loc: s.loc(at) };
}

export function compoundAssignment(s: Sema, op: BinaryOp, target: Expr, value: Expr, at: At): Expr {
  if (!checkAssignable(s, target, at, 'left operand of assignment')) return errorExpr(s.loc(at));
  const t = target.type;
  const node = (opType: Type, converted: Expr): Expr => ({
    kind: 'compoundAssign', op, target, opType, value: converted, type: t, loc: s.loc(at),
  });
  if (t.kind === 'ptr' && isInt(value) && (op === '+' || op === '-')) {
    const size = pointeeSizeChecked(s, { ...target, type: t }, at);
    return node(t, scaled(s, value, size, at));
  }
  if (t.kind === 'int' && isInt(value)) {
    if (op === '<<' || op === '>>') {
      const opType = promote(t);
      return node(opType, castTo(promoteExpr(value), opType));
    }
    if ((op === '/' || op === '%') && value.kind === 'num' && value.value === 0) {
      s.warning(at, 'division by zero [-Wdiv-by-zero]');
    }
    const opType = usualArithmetic(t, value.type);
    return node(opType, castTo(value, opType));
  }
  return invalidOperands(s, op, target, value, at);
}
