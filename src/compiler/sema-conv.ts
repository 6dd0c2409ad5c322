// Conversions: array and function decay, casts (folded on constants), the
// integer promotions as nodes, and the checked conversion "as if by assignment"
// used for assignments, initialisers, arguments and return values, which warns
// or errs in gcc's words when the types do not fit.

import type { Expr, Loc } from './ast.js';
import { isNullPointerConstant, normalize } from './constexpr.js';
import type { At } from './parse-tree.js';
import type { Sema } from './sema-state.js';
import { compatible, isComplete, promote, typeToString } from './sema-types.js';
import { VOID, pointerTo, type IntType, type Type } from './types.js';

export function num(value: number, type: Type, loc: Loc): Expr {
  return { kind: 'num', value: type.kind === 'int' ? normalize(value, type) : value | 0, type, loc };
}

/** The type of the placeholder left where an expression had an error: an int that
 *  suppresses further complaints about the same expression. */
const ERROR_INT: IntType = { kind: 'int', ik: 'int', size: 4, unsigned: false };

/** A placeholder after an error, so analysis can go on. */
export function errorExpr(loc: Loc): Expr {
  return { kind: 'num', value: 0, type: ERROR_INT, loc };
}

/** True for the placeholder of an expression already reported. */
export function isErrorExpr(e: Expr): boolean {
  return e.type === ERROR_INT;
}

/** Arrays decay to a pointer to their first element, functions to a pointer to themselves. */
export function rvalue(e: Expr): Expr {
  if (e.type.kind === 'array') return { kind: 'decay', operand: e, type: pointerTo(e.type.base), loc: e.loc };
  if (e.type.kind === 'func') {
    if (e.kind === 'deref') return e.operand; // *fp used as a function is fp again
    return { kind: 'decay', operand: e, type: pointerTo(e.type), loc: e.loc };
  }
  return e;
}

export function isLvalue(e: Expr): boolean {
  switch (e.kind) {
    case 'var':
    case 'deref':
    case 'str':
      return true;
    case 'member':
      return isLvalue(e.base);
    default:
      return false;
  }
}

/** Converts an rvalue to `to` (no checks): a 'cast' node, or a folded constant. */
export function castTo(e: Expr, to: Type): Expr {
  if (e.type === to || isErrorExpr(e)) return e;
  switch (to.kind) {
    case 'void':
      return { kind: 'cast', operand: e, type: VOID, loc: e.loc };
    case 'int':
      if (e.kind === 'num') return num(e.value, to, e.loc);
      if (e.type.kind === 'int' && e.type.ik === to.ik) return e;
      return { kind: 'cast', operand: e, type: to, loc: e.loc };
    case 'ptr':
      if (e.kind === 'num') return num(e.value, to, e.loc);
      if (e.type.kind === 'ptr' && compatible(e.type, to)) return e;
      return { kind: 'cast', operand: e, type: to, loc: e.loc };
    case 'struct':
    case 'array':
    case 'func':
      return e;
    default: {
      const never: never = to;
      return never;
    }
  }
}

/** The integer promotions applied to an integer rvalue. */
export function promoteExpr(e: Expr & { type: IntType }): Expr {
  return castTo(e, promote(e.type));
}

/** Where a conversion as if by assignment happens, for gcc's wording of its diagnostics. */
export type ConversionContext =
  | { kind: 'assignment'; valueAt: At }
  | { kind: 'initialization' }
  | { kind: 'return' }
  | { kind: 'argument'; index: number; callee: string; paramAt?: At };

type Mismatch = 'pointer' | 'intFromPointer' | 'pointerFromInt';

function mismatchMessage(ctx: ConversionContext, kind: Mismatch, to: string, from: string): string {
  const flag = kind === 'pointer' ? ' [-Wincompatible-pointer-types]' : ' [-Wint-conversion]';
  const how =
    kind === 'pointer'
      ? 'incompatible pointer type'
      : kind === 'intFromPointer'
        ? 'makes integer from pointer without a cast'
        : 'makes pointer from integer without a cast';
  switch (ctx.kind) {
    case 'assignment':
      return kind === 'pointer' ? `assignment to '${to}' from ${how} '${from}'${flag}` : `assignment to '${to}' from '${from}' ${how}${flag}`;
    case 'initialization':
      return kind === 'pointer'
        ? `initialization of '${to}' from ${how} '${from}'${flag}`
        : `initialization of '${to}' from '${from}' ${how}${flag}`;
    case 'return':
      return kind === 'pointer'
        ? `returning '${from}' from a function with incompatible return type '${to}'${flag}`
        : `returning '${from}' from a function with return type '${to}' ${how}${flag}`;
    case 'argument':
      return kind === 'pointer'
        ? `passing argument ${ctx.index} of '${ctx.callee}' from ${how}${flag}`
        : `passing argument ${ctx.index} of '${ctx.callee}' ${how}${flag}`;
    default: {
      const never: never = ctx;
      return never;
    }
  }
}

function incompatibleMessage(ctx: ConversionContext, to: string, from: string): string {
  switch (ctx.kind) {
    case 'assignment':
      return `incompatible types when assigning to type '${to}' from type '${from}'`;
    case 'initialization':
      return `incompatible types when initializing type '${to}' using type '${from}'`;
    case 'return':
      return `incompatible types when returning type '${from}' but '${to}' was expected`;
    case 'argument':
      return `incompatible type for argument ${ctx.index} of '${ctx.callee}'`;
    default: {
      const never: never = ctx;
      return never;
    }
  }
}

function report(s: Sema, severity: 'error' | 'warning', at: At, message: string, ctx: ConversionContext, to: Type, from: Type): void {
  const d = severity === 'error' ? s.error(at, message) : s.warning(at, message);
  if (ctx.kind === 'argument' && ctx.paramAt !== undefined) {
    s.note(d, ctx.paramAt, `expected '${typeToString(to)}' but argument is of type '${typeToString(from)}'`);
  }
}

/** Converts `value` (an rvalue) to `to` as if by assignment, with gcc's diagnostics at `at`. */
export function convertAs(s: Sema, value: Expr, to: Type, ctx: ConversionContext, at: At): Expr {
  const from = value.type;
  if (isErrorExpr(value)) return castTo(value, to);
  if (from.kind === 'void') {
    s.error(at, 'void value not ignored as it ought to be');
    return errorExpr(value.loc);
  }
  const warn = (kind: Mismatch): Expr => {
    report(s, 'warning', at, mismatchMessage(ctx, kind, typeToString(to), typeToString(from)), ctx, to, from);
    return castTo(value, to);
  };
  const fail = (): Expr => {
    const errorAt = ctx.kind === 'assignment' ? ctx.valueAt : at;
    report(s, 'error', errorAt, incompatibleMessage(ctx, typeToString(to), typeToString(from)), ctx, to, from);
    return errorExpr(value.loc);
  };
  switch (to.kind) {
    case 'int':
      if (from.kind === 'int') return castTo(value, to);
      if (from.kind === 'ptr') return to.ik === 'bool' ? castTo(value, to) : warn('intFromPointer');
      return fail();
    case 'ptr':
      if (from.kind === 'ptr') return pointersFit(to.base, from.base) ? castTo(value, to) : warn('pointer');
      if (from.kind === 'int') return isNullPointerConstant(value) ? castTo(value, to) : warn('pointerFromInt');
      return fail();
    case 'struct':
      return from === to ? value : fail();
    case 'void':
    case 'array':
    case 'func':
      return fail();
    default: {
      const never: never = to;
      return never;
    }
  }
}

/** Pointer targets that convert silently: compatible, void on either side, or integers differing
 *  only in signedness (gcc warns about that only with -Wpointer-sign). */
function pointersFit(to: Type, from: Type): boolean {
  if (to.kind === 'void' || from.kind === 'void') return true;
  if (to.kind === 'int' && from.kind === 'int') return to.size === from.size && to.ik !== 'bool' && from.ik !== 'bool';
  return compatible(to, from);
}

/** An rvalue usable as a value: not void. */
export function requireValue(s: Sema, e: Expr, at: At): Expr {
  if (e.type.kind === 'void') {
    s.error(at, 'void value not ignored as it ought to be');
    return errorExpr(e.loc);
  }
  return e;
}

/** A scalar rvalue for a condition (if, loops, ?:, &&, ||, !). */
export function requireScalar(s: Sema, e: Expr, at: At): Expr {
  if (isErrorExpr(e) || e.type.kind === 'int' || e.type.kind === 'ptr') return e;
  if (e.type.kind === 'struct') s.error(at, `used ${e.type.isUnion ? 'union' : 'struct'} type value where scalar is required`);
  else if (e.type.kind === 'void') s.error(at, 'void value not ignored as it ought to be');
  else s.error(at, 'used array type value where scalar is required');
  return errorExpr(e.loc);
}

/** Reports the use of an incomplete struct where its contents are needed. */
export function requireComplete(s: Sema, t: Type, at: At): boolean {
  if (isComplete(t) || t.kind !== 'struct') return true;
  s.error(at, `invalid use of undefined type '${typeToString(t)}'`);
  return false;
}
