// Statements and function definitions: scopes for blocks and `for`, conditions
// checked to be scalars, switch bodies collecting their (converted, unique) case
// values, break/continue/case outside their statements, labels and gotos checked
// per function, return values converted to the return type. Reaching the end of
// `main` returns 0 (C99), so its body gets an explicit `return 0`.

import type { CaseStmt, DefaultStmt, Expr, FunctionDef, Stmt, VarSymbol } from './ast.js';
import { normalize } from './constexpr.js';
import { declaredName } from './parse-declarations.js';
import type { SynExpr, SynFunctionDef, SynStmt } from './parse-tree.js';
import { castTo, convertAs, num, promoteExpr, requireScalar } from './sema-conv.js';
import { analyzeDeclaration, declareFunction } from './sema-decl.js';
import { applyDeclarator, resolveSpecifiers } from './sema-declarator.js';
import { analyzeValue, constantInt } from './sema-expr.js';
import type { Sema, SwitchState } from './sema-state.js';
import { typeToString } from './sema-types.js';
import { INT, type FuncType } from './types.js';

export function analyzeFunction(s: Sema, def: SynFunctionDef): void {
  const base = resolveSpecifiers(s, def.specs);
  const declared = applyDeclarator(s, def.declarator, base.type);
  const name = declared.name ?? declaredName(def.declarator) ?? '';
  if (base.implicitInt) s.warning(declared.at, "return type defaults to 'int' [-Wimplicit-int]");
  if (base.storage === 'typedef') s.error(declared.at, `function definition declared 'typedef'`);
  const type = declared.type as FuncType;
  const sym = declareFunction(s, name, type, base.storage, declared, true);
  s.fn = {
    sym, returnType: type.ret, locals: [], labels: new Map(), gotos: [], switches: [], loopDepth: 0, undeclared: new Set(),
  };
  s.pushScope();
  const params: VarSymbol[] = [];
  for (const p of declared.params ?? []) {
    const sym = s.makeVar(p.name ?? '', p.type, 'param', p.at);
    if (p.name !== undefined) {
      const previous = s.ordinary.lookupCurrent(p.name);
      if (previous?.kind === 'var') {
        const d = s.error(p.at, `redefinition of parameter '${p.name}'`);
        s.note(d, previous.at, `previous definition of '${p.name}' with type '${typeToString(previous.sym.type)}'`);
      }
      s.ordinary.define(p.name, { kind: 'var', sym, at: p.at });
    }
    params.push(sym);
  }
  const body = blockItems(s, def.body.items);
  if (name === 'main' && type.ret.kind === 'int') body.push({ kind: 'return', value: num(0, INT, s.loc(def.body.end)), loc: s.loc(def.body.end) });
  s.popScope();
  for (const g of s.fn.gotos) {
    if (!s.fn.labels.has(g.label)) s.error(g.at, `label '${g.label}' used but not defined`);
  }
  const fn: FunctionDef = {
    sym,
    params,
    locals: s.fn.locals,
    body: { kind: 'block', body, loc: s.loc(def.body.at) },
    loc: s.loc(declared.at),
    endLoc: s.loc(def.body.end),
  };
  s.functions.push(fn);
  s.fn = undefined;
}

function blockItems(s: Sema, items: SynStmt[]): Stmt[] {
  const out: Stmt[] = [];
  for (const item of items) {
    const stmt = statement(s, item);
    if (stmt !== undefined) out.push(stmt);
  }
  return out;
}

function condition(s: Sema, cond: SynExpr): Expr {
  return requireScalar(s, analyzeValue(s, cond), cond.start);
}

function loopBody(s: Sema, body: SynStmt): Stmt {
  const fn = s.fn;
  if (fn !== undefined) fn.loopDepth++;
  const stmt = statement(s, body) ?? { kind: 'empty', loc: s.loc(body.at) };
  if (fn !== undefined) fn.loopDepth--;
  return stmt;
}

function statement(s: Sema, st: SynStmt): Stmt | undefined {
  const loc = s.loc(st.at);
  const fn = s.fn;
  if (fn === undefined) throw new Error('statement: outside a function');
  switch (st.kind) {
    case 'expr':
      return { kind: 'expr', expr: analyzeValue(s, st.expr), loc };
    case 'decl':
      return analyzeDeclaration(s, st.decl);
    case 'block': {
      s.pushScope();
      const body = blockItems(s, st.items);
      s.popScope();
      return { kind: 'block', body, loc };
    }
    case 'if': {
      const cond = condition(s, st.cond);
      const then = statement(s, st.then) ?? { kind: 'empty', loc };
      const otherwise = st.else === undefined ? undefined : (statement(s, st.else) ?? { kind: 'empty', loc });
      return { kind: 'if', cond, then, else: otherwise, loc };
    }
    case 'while':
      return { kind: 'while', cond: condition(s, st.cond), body: loopBody(s, st.body), loc };
    case 'dowhile': {
      const body = loopBody(s, st.body);
      return { kind: 'dowhile', body, cond: condition(s, st.cond), loc };
    }
    case 'for': {
      s.pushScope();
      const init = st.init === undefined ? undefined : statement(s, st.init);
      const cond = st.cond === undefined ? undefined : requireScalar(s, analyzeValue(s, st.cond), st.cond.start);
      const step = st.step === undefined ? undefined : analyzeValue(s, st.step);
      const body = loopBody(s, st.body);
      s.popScope();
      return { kind: 'for', init, cond, step, body, loc };
    }
    case 'switch':
      return switchStatement(s, st, loc);
    case 'case':
      return caseLabel(s, st);
    case 'default': {
      const sw = fn.switches[fn.switches.length - 1];
      if (sw === undefined) s.error(st.at, "'default' label not within a switch statement");
      const node: DefaultStmt = { kind: 'default', body: { kind: 'empty', loc }, loc };
      if (sw !== undefined) {
        if (sw.defaultAt !== undefined) {
          const d = s.error(st.at, 'multiple default labels in one switch');
          s.note(d, sw.defaultAt, 'this is the first default label');
        } else {
          sw.defaultCase = node;
          sw.defaultAt = st.at;
        }
      }
      node.body = statement(s, st.body) ?? { kind: 'empty', loc };
      return node;
    }
    case 'break':
      if (fn.loopDepth === 0 && fn.switches.length === 0) s.error(st.at, 'break statement not within loop or switch');
      return { kind: 'break', loc };
    case 'continue':
      if (fn.loopDepth === 0) s.error(st.at, 'continue statement not within a loop');
      return { kind: 'continue', loc };
    case 'return':
      return returnStatement(s, st, loc);
    case 'goto':
      fn.gotos.push({ label: st.label, at: st.at });
      return { kind: 'goto', label: st.label, loc };
    case 'label': {
      const previous = fn.labels.get(st.name);
      if (previous !== undefined) {
        const d = s.error(st.at, `duplicate label '${st.name}'`);
        s.note(d, previous, `previous definition of '${st.name}' with type 'void'`);
      } else {
        fn.labels.set(st.name, st.at);
      }
      return { kind: 'label', name: st.name, body: statement(s, st.body) ?? { kind: 'empty', loc }, loc };
    }
    case 'empty':
      return { kind: 'empty', loc };
    default: {
      const never: never = st;
      return never;
    }
  }
}

function switchStatement(s: Sema, st: SynStmt & { kind: 'switch' }, loc: Stmt['loc']): Stmt {
  const fn = s.fn;
  let cond = analyzeValue(s, st.cond);
  let type = INT;
  if (cond.type.kind === 'int') {
    cond = promoteExpr({ ...cond, type: cond.type });
    if (cond.type.kind === 'int') type = cond.type;
  } else {
    s.error(st.cond.start, 'switch quantity not an integer');
    cond = num(0, INT, cond.loc);
  }
  const sw: SwitchState = { type, cases: [], caseAt: new Map() };
  fn?.switches.push(sw);
  const body = statement(s, st.body) ?? { kind: 'empty', loc };
  fn?.switches.pop();
  return { kind: 'switch', cond, body, cases: sw.cases, defaultCase: sw.defaultCase, loc };
}

function caseLabel(s: Sema, st: SynStmt & { kind: 'case' }): Stmt {
  const fn = s.fn;
  const loc = s.loc(st.at);
  const sw = fn?.switches[fn.switches.length - 1];
  const value = constantInt(s, st.value, 'case label does not reduce to an integer constant');
  const node: CaseStmt = { kind: 'case', value: 0, body: { kind: 'empty', loc }, loc };
  if (sw === undefined) {
    s.error(st.at, 'case label not within a switch statement');
  } else if (value !== undefined) {
    node.value = normalize(value, sw.type);
    const previous = sw.caseAt.get(node.value);
    if (previous !== undefined) {
      const d = s.error(st.at, 'duplicate case value');
      s.note(d, previous, 'previously used here');
    } else {
      sw.caseAt.set(node.value, st.at);
      sw.cases.push(node);
    }
  }
  node.body = statement(s, st.body) ?? { kind: 'empty', loc };
  return node;
}

function returnStatement(s: Sema, st: SynStmt & { kind: 'return' }, loc: Stmt['loc']): Stmt {
  const fn = s.fn;
  if (fn === undefined) return { kind: 'return', loc };
  const ret = fn.returnType;
  const declaredAt = s.declInfo.get(fn.sym)?.at;
  if (st.value === undefined) {
    if (ret.kind !== 'void') {
      const d = s.warning(st.at, "'return' with no value, in function returning non-void");
      if (declaredAt !== undefined) s.note(d, declaredAt, 'declared here');
    }
    return { kind: 'return', loc };
  }
  const value = analyzeValue(s, st.value);
  if (ret.kind === 'void') {
    if (value.type.kind !== 'void') {
      const d = s.warning(st.value.start, "'return' with a value, in function returning void");
      if (declaredAt !== undefined) s.note(d, declaredAt, 'declared here');
    }
    return { kind: 'block', body: [{ kind: 'expr', expr: castTo(value, ret), loc }, { kind: 'return', loc }], loc };
  }
  return { kind: 'return', value: convertAs(s, value, ret, { kind: 'return' }, st.value.start), loc };
}
