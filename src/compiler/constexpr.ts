// Constant folding on typed expressions. Semantic analysis calls these while it
// builds nodes, so every integer constant expression ends up a single 'num'
// (case labels, array sizes, enum values, `1 + 2 * 3 << 1`). Values are 32-bit
// patterns held as JS int32, also for unsigned types. Also recognises the
// address constants a static initialiser may hold (`&x`, `arr + 2`, `&s.f`).

import type { BinaryOp, Expr } from './ast.js';
import type { IntType, Type } from './types.js';

/** The value `v` converted to integer type `t` (truncated, then sign- or zero-extended). */
export function normalize(v: number, t: IntType): number {
  if (t.ik === 'bool') return v !== 0 ? 1 : 0;
  switch (t.size) {
    case 1:
      return t.unsigned ? v & 0xff : (v << 24) >> 24;
    case 2:
      return t.unsigned ? v & 0xffff : (v << 16) >> 16;
    case 4:
      return v | 0;
    default: {
      const never: never = t.size;
      return never;
    }
  }
}

/** Folds `a op b` computed in `t` (the operands' common type). Undefined for division by zero. */
export function foldBinary(op: BinaryOp, a: number, b: number, t: IntType): number | undefined {
  const u = t.unsigned;
  const ua = a >>> 0;
  const ub = b >>> 0;
  switch (op) {
    case '+':
      return (a + b) | 0;
    case '-':
      return (a - b) | 0;
    case '*':
      return Math.imul(a, b);
    case '/':
      if (b === 0) return undefined;
      return u ? (ua / ub) >>> 0 | 0 : (a / b) | 0;
    case '%':
      if (b === 0) return undefined;
      return u ? (ua % ub) | 0 : (a % b) | 0;
    case '<<':
      return a << (b & 31);
    case '>>':
      return u ? (ua >>> (b & 31)) | 0 : a >> (b & 31);
    case '&':
      return a & b;
    case '|':
      return a | b;
    case '^':
      return a ^ b;
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case '<':
      return (u ? ua < ub : a < b) ? 1 : 0;
    case '<=':
      return (u ? ua <= ub : a <= b) ? 1 : 0;
    case '>':
      return (u ? ua > ub : a > b) ? 1 : 0;
    case '>=':
      return (u ? ua >= ub : a >= b) ? 1 : 0;
    default: {
      const never: never = op;
      return never;
    }
  }
}

export function isNum(e: Expr): e is Expr & { kind: 'num' } {
  return e.kind === 'num';
}

/** An integer constant expression with value 0 (optionally cast to void *): a null pointer constant. */
export function isNullPointerConstant(e: Expr): boolean {
  if (e.kind !== 'num' || e.value !== 0) return false;
  return e.type.kind === 'int' || (e.type.kind === 'ptr' && e.type.base.kind === 'void');
}

/** An address constant: a symbol (or string literal) plus a byte offset. */
export interface AddressConstant {
  /** 'addr'/'decay' of a global, static or function, or a string literal. */
  readonly base: Expr;
  readonly offset: number;
}

/** Splits a pointer-valued expression into base + constant offset when it is an address constant. */
export function addressConstant(e: Expr): AddressConstant | undefined {
  switch (e.kind) {
    case 'addr':
    case 'decay':
      return staticAddress(e) ? { base: e, offset: 0 } : lvalueAddress(e.operand);
    case 'cast':
      return e.type.kind === 'ptr' || (e.type.kind === 'int' && e.type.size === 4) ? addressConstant(e.operand) : undefined;
    case 'binary': {
      if (e.type.kind !== 'ptr' || e.rhs.kind !== 'num' || (e.op !== '+' && e.op !== '-')) return undefined;
      const base = addressConstant(e.lhs);
      if (base === undefined) return undefined;
      return { base: base.base, offset: base.offset + (e.op === '+' ? e.rhs.value : -e.rhs.value) };
    }
    default:
      return undefined;
  }
}

/** `&x` or `arr` (decayed) where x is a global, static, function or string literal. */
function staticAddress(e: Expr & { kind: 'addr' | 'decay' }): boolean {
  const operand = e.operand;
  if (operand.kind === 'str' || operand.kind === 'funcref') return true;
  return operand.kind === 'var' && operand.sym.storage !== 'local' && operand.sym.storage !== 'param';
}

/** The address of an lvalue, when it is a constant: `s.f`, `a[2]`, `*(p + 1)` over static objects. */
function lvalueAddress(e: Expr): AddressConstant | undefined {
  switch (e.kind) {
    case 'member': {
      const base = lvalueAddress(e.base);
      return base === undefined ? undefined : { base: base.base, offset: base.offset + e.member.offset };
    }
    case 'deref':
      return addressConstant(e.operand);
    case 'var':
    case 'str':
    case 'funcref': {
      const ref: Expr = { kind: 'addr', operand: e, type: { kind: 'ptr', base: e.type }, loc: e.loc };
      return staticAddress(ref as Expr & { kind: 'addr' }) ? { base: ref, offset: 0 } : undefined;
    }
    default:
      return undefined;
  }
}

/** The constant address of an lvalue whose base is a constant pointer (`&((T *)0)->m`, offsetof). */
export function constantLvalueAddress(e: Expr): number | undefined {
  switch (e.kind) {
    case 'member': {
      const base = constantLvalueAddress(e.base);
      return base === undefined ? undefined : (base + e.member.offset) | 0;
    }
    case 'deref':
      return e.operand.kind === 'num' ? e.operand.value : undefined;
    default:
      return undefined;
  }
}

/** Builds the canonical form of an address constant for an initialiser entry. */
export function addressConstantExpr(c: AddressConstant, type: Type): Expr {
  const loc = c.base.loc;
  const base: Expr = c.base.type === type ? c.base : { kind: 'cast', operand: c.base, type, loc };
  if (c.offset === 0) return base;
  const op = c.offset > 0 ? '+' : '-';
  const rhs: Expr = { kind: 'num', value: Math.abs(c.offset), type: { kind: 'int', ik: 'int', size: 4, unsigned: false }, loc };
  return { kind: 'binary', op, lhs: base, rhs, type, loc };
}
