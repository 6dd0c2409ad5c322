// Function calls: the callee resolved to a pointer to function (an undeclared
// name is gcc 14's "implicit declaration" error, after which the name is taken as
// `int name()` so later calls stay quiet), arguments converted to the parameter
// types or default-promoted, argument counts checked, and a hidden result slot
// for struct returns. Also the `__syscall(NR, args...)` builtin, which no
// declaration can replace.

import type { Expr, FuncSymbol } from './ast.js';
import type { At, SynExpr } from './parse-tree.js';
import { convertAs, errorExpr, promoteExpr, requireValue } from './sema-conv.js';
import { analyzeValue, constantInt } from './sema-expr.js';
import type { Sema } from './sema-state.js';
import { INT, type FuncType } from './types.js';

export function analyzeCall(s: Sema, e: SynExpr & { kind: 'call' }): Expr {
  const loc = s.loc(e.at);
  if (e.callee.kind === 'ident' && e.callee.name === '__syscall') return syscall(s, e);
  if (e.callee.kind === 'ident' && s.ordinary.lookup(e.callee.name) === undefined) {
    implicitlyDeclare(s, e.callee.name, e.callee.at);
  }
  const errorsBefore = s.diags.errorCount;
  const callee = analyzeValue(s, e.callee);
  const calleeName = nameOf(e.callee);
  if (callee.type.kind !== 'ptr' || callee.type.base.kind !== 'func') {
    if (s.diags.errorCount > errorsBefore) return errorExpr(loc); // the callee was already reported
    const d = s.error(e.at, calleeName === undefined ? 'called object is not a function or function pointer' : `called object '${calleeName}' is not a function or function pointer`);
    const declared = declaredAt(s, e.callee);
    if (declared !== undefined) s.note(d, declared, 'declared here');
    for (const arg of e.args) analyzeValue(s, arg);
    return errorExpr(loc);
  }
  const funcType = callee.type.base;
  const direct = directCallee(callee);
  const info = direct === undefined ? undefined : s.declInfo.get(direct);
  const name = calleeName ?? '';
  if (!funcType.unspecified) {
    const expected = funcType.params.length;
    const tooFew = e.args.length < expected;
    if (tooFew || (e.args.length > expected && !funcType.variadic)) {
      const d = s.error(e.at, `too ${tooFew ? 'few' : 'many'} arguments to function '${name}'`);
      if (info !== undefined) s.note(d, info.at, 'declared here');
      for (const arg of e.args) analyzeValue(s, arg);
      return callNode(s, callee, funcType, [], e.at);
    }
  }
  const args = e.args.map((arg, i) => {
    const value = analyzeValue(s, arg);
    if (i < funcType.params.length && !funcType.unspecified) {
      const ctx = { kind: 'argument' as const, index: i + 1, callee: name, paramAt: info?.paramAt?.[i] };
      return convertAs(s, value, funcType.params[i], ctx, arg.start);
    }
    const checked = requireValue(s, value, arg.start);
    return checked.type.kind === 'int' ? promoteExpr({ ...checked, type: checked.type }) : checked;
  });
  return callNode(s, callee, funcType, args, e.at);
}

function callNode(s: Sema, callee: Expr, funcType: FuncType, args: Expr[], at: At): Expr {
  const node: Expr = { kind: 'call', callee, funcType, args, type: funcType.ret, loc: s.loc(at) };
  if (funcType.ret.kind === 'struct' && s.fn !== undefined) node.retSlot = s.makeHiddenLocal(funcType.ret, at);
  return node;
}

function directCallee(callee: Expr): FuncSymbol | undefined {
  return callee.kind === 'decay' && callee.operand.kind === 'funcref' ? callee.operand.sym : undefined;
}

/** The name gcc uses for a callee in messages: `f`, `(*fp)` as `fp`, `s.f` as `f`. */
function nameOf(e: SynExpr): string | undefined {
  switch (e.kind) {
    case 'ident':
      return e.name;
    case 'unary':
      return e.op === '*' ? nameOf(e.operand) : undefined;
    case 'member':
      return e.name;
    default:
      return undefined;
  }
}

function declaredAt(s: Sema, e: SynExpr): At | undefined {
  if (e.kind !== 'ident') return undefined;
  const entry = s.ordinary.lookup(e.name);
  return entry?.kind === 'var' ? entry.at : undefined;
}

function implicitlyDeclare(s: Sema, name: string, at: At): void {
  s.error(at, `implicit declaration of function '${name}' [-Wimplicit-function-declaration]`);
  const type: FuncType = { kind: 'func', ret: INT, params: [], variadic: false, unspecified: true };
  const sym: FuncSymbol = { kind: 'func', name, type, isStatic: false, linkName: name, loc: s.loc(at), defined: false };
  s.declInfo.set(sym, { at });
  s.fileFunctions.push(sym);
  s.ordinary.defineAtFile(name, { kind: 'func', sym, at });
}

/** `__syscall(NR, args...)`: NR an integer constant, the arguments passed as 32-bit words. */
function syscall(s: Sema, e: SynExpr & { kind: 'call' }): Expr {
  const loc = s.loc(e.at);
  if (e.args.length === 0) {
    s.error(e.at, "too few arguments to function '__syscall'");
    return errorExpr(loc);
  }
  const nr = constantInt(s, e.args[0], "the first argument of '__syscall' must be an integer constant");
  const args = e.args.slice(1).map((arg) => {
    const value = requireValue(s, analyzeValue(s, arg), arg.start);
    if (value.type.kind === 'int') return promoteExpr({ ...value, type: value.type });
    if (value.type.kind === 'ptr') return value;
    s.error(arg.start, "invalid argument to '__syscall'");
    return errorExpr(value.loc);
  });
  return { kind: 'syscall', nr: nr ?? 0, args, type: INT, loc };
}
