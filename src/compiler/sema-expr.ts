// Semantic analysis of expressions: names resolved through the scopes, every
// node typed, implicit conversions made explicit (via sema-conv/sema-ops), and
// constants folded as nodes are built. `analyzeExpr` keeps arrays and functions
// as they are (for sizeof and &); `analyzeValue` applies their decay.

import type { Expr } from './ast.js';
import { constantLvalueAddress } from './constexpr.js';
import type { At, SynExpr } from './parse-tree.js';
import { analyzeCall } from './sema-call.js';
import { castTo, errorExpr, isErrorExpr, isLvalue, num, promoteExpr, requireScalar, requireValue, rvalue } from './sema-conv.js';
import { resolveTypeName } from './sema-declarator.js';
import { parseCharConstant, parseIntegerConstant, stringBytes } from './sema-literals.js';
import { assignment, binaryOperator, checkAssignable, compoundAssignment, conditional } from './sema-ops.js';
import type { Sema } from './sema-state.js';
import { isComplete, typeToString } from './sema-types.js';
import { CHAR, INT, UINT, arrayOf, pointerTo, sizeOf, type Member, type Type } from './types.js';

export function analyzeValue(s: Sema, e: SynExpr): Expr {
  return rvalue(analyzeExpr(s, e));
}

/** An integer constant expression's value, or undefined (after reporting `message`) when it is not one. */
export function constantInt(s: Sema, e: SynExpr, message: string): number | undefined {
  const value = analyzeValue(s, e);
  if (isErrorExpr(value)) return undefined;
  if (value.kind === 'num' && value.type.kind === 'int') return value.value;
  s.error(e.start, message);
  return undefined;
}

export function analyzeExpr(s: Sema, e: SynExpr): Expr {
  const loc = s.loc(e.at);
  switch (e.kind) {
    case 'int': {
      const constant = parseIntegerConstant(e.text);
      if (constant.problem?.severity === 'error') s.error(e.at, constant.problem.message);
      else if (constant.problem !== undefined) s.warning(e.at, constant.problem.message);
      return num(constant.value, constant.type, loc);
    }
    case 'char': {
      const constant = parseCharConstant(e.text);
      if (constant.warning !== undefined) s.warning(e.at, constant.warning);
      return num(constant.value, INT, loc);
    }
    case 'string': {
      const { bytes, problem } = stringBytes(e.pieces.map((p) => p.text));
      if (problem !== undefined) s.warning(e.at, problem);
      return { kind: 'str', bytes, type: arrayOf(CHAR, bytes.length), loc };
    }
    case 'ident':
      return identifier(s, e.name, e.at);
    case 'binary': {
      const l = requireValue(s, analyzeValue(s, e.lhs), e.lhs.start);
      const r = requireValue(s, analyzeValue(s, e.rhs), e.rhs.start);
      if (e.op === '&&' || e.op === '||') {
        return binaryOperator(s, e.op, requireScalar(s, l, e.lhs.start), requireScalar(s, r, e.rhs.start), e.at);
      }
      return binaryOperator(s, e.op, l, r, e.at);
    }
    case 'assign': {
      const target = analyzeExpr(s, e.target);
      const value = analyzeValue(s, e.value);
      if (e.op === '=') return assignment(s, target, value, e.at, e.value.start);
      const op = e.op.slice(0, -1) as Parameters<typeof compoundAssignment>[1];
      return compoundAssignment(s, op, target, requireValue(s, value, e.value.start), e.at);
    }
    case 'cond': {
      const c = requireScalar(s, analyzeValue(s, e.cond), e.cond.start);
      return conditional(s, c, analyzeValue(s, e.then), analyzeValue(s, e.else), e.at);
    }
    case 'comma': {
      const lhs = analyzeValue(s, e.lhs);
      const rhs = analyzeValue(s, e.rhs);
      if (lhs.kind === 'num') return rhs;
      return { kind: 'comma', lhs, rhs, type: rhs.type, loc };
    }
    case 'cast':
      return cast(s, resolveTypeName(s, e.typeName), analyzeValue(s, e.operand), e.operand.start);
    case 'unary':
      return unary(s, e.op, e.operand, e.at);
    case 'postfix':
      return incdec(s, e.op, false, analyzeExpr(s, e.operand), e.at);
    case 'sizeofType':
      return sizeofType(s, resolveTypeName(s, e.typeName), e.typeName.at);
    case 'sizeofExpr':
      return sizeofType(s, unevaluatedType(s, e.operand), e.at);
    case 'index':
      return subscript(s, analyzeValue(s, e.base), analyzeValue(s, e.index), e.at);
    case 'call':
      return analyzeCall(s, e);
    case 'member':
      return member(s, e.base, e.name, e.arrow, e.at);
    default: {
      const never: never = e;
      return never;
    }
  }
}

/** The type of sizeof's operand, which is not evaluated: names it mentions are not uses. */
function unevaluatedType(s: Sema, e: SynExpr): Type {
  const usedBefore = new Set(s.used);
  const type = analyzeExpr(s, e).type;
  for (const sym of s.used) if (!usedBefore.has(sym)) s.used.delete(sym);
  return type;
}

function identifier(s: Sema, name: string, at: At): Expr {
  const loc = s.loc(at);
  const entry = s.ordinary.lookup(name);
  if (entry === undefined) {
    if (name === '__func__' && s.fn !== undefined) return functionName(s, at);
    reportUndeclared(s, name, at);
    return errorExpr(loc);
  }
  switch (entry.kind) {
    case 'var':
      s.used.add(entry.sym);
      return { kind: 'var', sym: entry.sym, type: entry.sym.type, loc };
    case 'func':
      s.used.add(entry.sym);
      return { kind: 'funcref', sym: entry.sym, type: entry.sym.type, loc };
    case 'enumConst':
      return num(entry.value, INT, loc);
    case 'typedef':
      s.error(at, `expected expression before '${name}'`);
      return errorExpr(loc);
    default: {
      const never: never = entry;
      return never;
    }
  }
}

export function reportUndeclared(s: Sema, name: string, at: At): void {
  if (s.fn === undefined) {
    s.error(at, `'${name}' undeclared here (not in a function)`);
    return;
  }
  if (s.fn.undeclared.has(name)) return;
  s.fn.undeclared.add(name);
  const d = s.error(at, `'${name}' undeclared (first use in this function)`);
  if (!s.explainedUndeclared) {
    s.explainedUndeclared = true;
    s.note(d, at, 'each undeclared identifier is reported only once for each function it appears in');
  }
}

/** `__func__`: a static char array holding the function's name, made on first use. */
function functionName(s: Sema, at: At): Expr {
  const fn = s.fn;
  if (fn === undefined) return errorExpr(s.loc(at));
  if (fn.funcName === undefined) {
    const bytes = new TextEncoder().encode(`${fn.sym.name}\0`);
    const type = arrayOf(CHAR, bytes.length);
    const sym = s.makeVar('__func__', type, 'static', at);
    const str: Expr = { kind: 'str', bytes, type, loc: s.loc(at) };
    sym.init = { entries: [{ offset: 0, type, expr: str }] };
    s.staticLocals.push(sym);
    fn.funcName = sym;
  }
  return { kind: 'var', sym: fn.funcName, type: fn.funcName.type, loc: s.loc(at) };
}

function cast(s: Sema, to: Type, value: Expr, at: At): Expr {
  if (to.kind === 'void') return castTo(value, to);
  if (isErrorExpr(value)) return value;
  if (value.type.kind === 'void') {
    s.error(at, 'void value not ignored as it ought to be');
    return errorExpr(s.loc(at));
  }
  if (to.kind !== 'int' && to.kind !== 'ptr') {
    s.error(at, 'conversion to non-scalar type requested');
    return errorExpr(s.loc(at));
  }
  if (value.type.kind === 'struct') {
    s.error(at, to.kind === 'ptr' ? 'cannot convert to a pointer type' : 'aggregate value used where an integer was expected');
    return errorExpr(s.loc(at));
  }
  const converted = castTo(value, to);
  // An explicit cast always yields exactly the named type (castTo may keep a compatible one).
  if (converted.type === to || converted.kind === 'num') return converted;
  return { kind: 'cast', operand: converted, type: to, loc: s.loc(at) };
}

function sizeofType(s: Sema, t: Type, at: At): Expr {
  if (t.kind === 'struct' && !isComplete(t)) {
    s.error(at, `invalid application of 'sizeof' to incomplete type '${typeToString(t)}'`);
    return num(0, UINT, s.loc(at));
  }
  if (t.kind === 'array' && t.length === undefined) {
    s.error(at, `invalid application of 'sizeof' to incomplete type '${typeToString(t)}'`);
  }
  return num(sizeOf(t), UINT, s.loc(at));
}

function unary(s: Sema, op: string, operandSyntax: SynExpr, at: At): Expr {
  const loc = s.loc(at);
  if (op === '&') return addressOf(s, analyzeExpr(s, operandSyntax), at);
  if (op === '++' || op === '--') return incdec(s, op, true, analyzeExpr(s, operandSyntax), at);
  const operand = analyzeValue(s, operandSyntax);
  switch (op) {
    case '*':
      if (isErrorExpr(operand)) return operand;
      if (operand.type.kind !== 'ptr') {
        s.error(at, `invalid type argument of unary '*' (have '${typeToString(operand.type)}')`);
        return errorExpr(loc);
      }
      if (operand.type.base.kind === 'void') s.warning(at, "dereferencing 'void *' pointer");
      return { kind: 'deref', operand, type: operand.type.base, loc };
    case '-':
    case '+':
    case '~': {
      if (isErrorExpr(operand)) return operand;
      if (operand.type.kind !== 'int') {
        const what = op === '-' ? 'unary minus' : op === '+' ? 'unary plus' : 'bit-complement';
        s.error(at, `wrong type argument to ${what}`);
        return errorExpr(loc);
      }
      const promoted = promoteExpr({ ...operand, type: operand.type });
      if (op === '+') return promoted;
      if (promoted.kind === 'num') return num(op === '-' ? -promoted.value : ~promoted.value, promoted.type, loc);
      return { kind: 'unary', op: op === '-' ? 'neg' : 'bitnot', operand: promoted, type: promoted.type, loc };
    }
    case '!': {
      if (operand.type.kind !== 'int' && operand.type.kind !== 'ptr') {
        s.error(at, 'wrong type argument to unary exclamation mark');
        return errorExpr(loc);
      }
      if (operand.kind === 'num') return num(operand.value === 0 ? 1 : 0, INT, loc);
      return { kind: 'unary', op: 'lognot', operand, type: INT, loc };
    }
    default:
      throw new Error(`unary: unexpected operator ${op}`);
  }
}

function addressOf(s: Sema, operand: Expr, at: At): Expr {
  const loc = s.loc(at);
  if (operand.kind === 'funcref') return { kind: 'addr', operand, type: pointerTo(operand.type), loc };
  if (operand.kind === 'deref') return operand.operand; // &*p is p, not evaluated twice
  if (isErrorExpr(operand)) return operand;
  if (!isLvalue(operand)) {
    s.error(at, "lvalue required as unary '&' operand");
    return errorExpr(loc);
  }
  const type = pointerTo(operand.type);
  const constant = constantLvalueAddress(operand);
  if (constant !== undefined) return num(constant, type, loc);
  return { kind: 'addr', operand, type, loc };
}

function incdec(s: Sema, op: '++' | '--', prefix: boolean, target: Expr, at: At): Expr {
  const what = op === '++' ? 'increment' : 'decrement';
  if (!checkAssignable(s, target, at, `${what} operand`)) return errorExpr(s.loc(at));
  const t = target.type;
  let step = 1;
  if (t.kind === 'ptr') {
    if (t.base.kind === 'struct' && !isComplete(t.base)) {
      s.error(at, `${what} of pointer to an incomplete type '${typeToString(t.base)}'`);
    }
    step = sizeOf(t.base) || 1;
  } else if (t.kind !== 'int') {
    s.error(at, `wrong type argument to ${what}`);
    return errorExpr(s.loc(at));
  }
  return { kind: 'incdec', prefix, delta: op === '++' ? step : -step, target, type: t, loc: s.loc(at) };
}

function subscript(s: Sema, base: Expr, index: Expr, at: At): Expr {
  let sum: Expr;
  if (base.type.kind === 'ptr' && index.type.kind === 'int') sum = binaryOperator(s, '+', base, index, at);
  else if (base.type.kind === 'int' && index.type.kind === 'ptr') sum = binaryOperator(s, '+', index, base, at);
  else {
    if (isErrorExpr(base) || isErrorExpr(index)) return errorExpr(s.loc(at));
    s.error(at, 'subscripted value is neither array nor pointer nor vector');
    return errorExpr(s.loc(at));
  }
  if (sum.type.kind !== 'ptr') return errorExpr(s.loc(at));
  if (sum.type.base.kind === 'void') s.warning(at, "dereferencing 'void *' pointer");
  return { kind: 'deref', operand: sum, type: sum.type.base, loc: s.loc(at) };
}

function member(s: Sema, baseSyntax: SynExpr, name: string, arrow: boolean, at: At): Expr {
  const loc = s.loc(at);
  let base: Expr;
  if (arrow) {
    const pointer = analyzeValue(s, baseSyntax);
    if (isErrorExpr(pointer)) return pointer;
    if (pointer.type.kind !== 'ptr') {
      if (pointer.type.kind === 'struct') {
        s.error(at, `invalid type argument of '->' (have '${typeToString(pointer.type)}')`);
      } else {
        s.error(at, `request for member '${name}' in something not a structure or union`);
      }
      return errorExpr(loc);
    }
    base = { kind: 'deref', operand: pointer, type: pointer.type.base, loc };
  } else {
    base = analyzeExpr(s, baseSyntax);
  }
  const t = base.type;
  if (isErrorExpr(base)) return base;
  if (t.kind !== 'struct') {
    s.error(at, `request for member '${name}' in something not a structure or union`);
    return errorExpr(loc);
  }
  if (!t.complete) {
    s.error(at, `invalid use of undefined type '${typeToString(t)}'`);
    return errorExpr(loc);
  }
  const found: Member | undefined = t.members.find((m) => m.name === name);
  if (found === undefined) {
    s.error(at, `'${typeToString(t)}' has no member named '${name}'`);
    return errorExpr(loc);
  }
  return { kind: 'member', base, member: found, type: found.type, loc };
}
