// Statements and whole function bodies. Loops test their condition at the bottom
// (one jump per iteration); switch becomes a JTAB table when the case values are
// dense, else a chain of subtract-and-test; every statement starts a line-table
// entry; every function ends with LEV (main with an implicit `return 0`, C99).

import { Op } from '../isa/op.js';
import type { Expr, FunctionDef, InitEntry, Stmt, VarSymbol } from './ast.js';
import { genBranch, genEffect, genExpr, genStructReturn } from './codegen-expr.js';
import { CodegenError, type Label } from './codegen-emit.js';
import { FuncContext, type UnitContext } from './codegen-frame.js';
import { emitStore, isWordScalar, narrowLocalStore } from './codegen-ops.js';
import { sizeOf, type Type } from './types.js';

type StmtOf<K extends Stmt['kind']> = Extract<Stmt, { kind: K }>;

/** Compiles one function; the returned context holds the finished code. */
export function genFunction(unit: UnitContext, def: FunctionDef): FuncContext {
  const cx = new FuncContext(unit, def);
  const em = cx.em;
  em.line(def.loc);
  em.emit(Op.ENT, 0);
  genStmt(cx, def.body);
  if (em.reachable || em.lastOp !== Op.LEV) {
    em.line(def.endLoc);
    if (def.sym.name === 'main' && !def.sym.isStatic) em.emit(Op.IMM, 0);
    em.emit(Op.LEV);
  }
  cx.finish();
  return cx;
}

function genStmt(cx: FuncContext, s: Stmt): void {
  const em = cx.em;
  if (s.kind !== 'block' && s.kind !== 'label' && s.kind !== 'case' && s.kind !== 'default') em.line(s.loc);
  switch (s.kind) {
    case 'expr':
      return genEffect(cx, s.expr);
    case 'decl':
      for (const v of s.vars) if (v.init && v.sym.storage === 'local') genLocalInit(cx, v.sym, v.init.entries);
      return;
    case 'block':
      for (const child of s.body) genStmt(cx, child);
      return;
    case 'if':
      return genIf(cx, s);
    case 'while':
      return genLoop(cx, undefined, s.cond, undefined, s.body, true);
    case 'dowhile':
      return genLoop(cx, undefined, s.cond, undefined, s.body, false);
    case 'for':
      return genLoop(cx, s.init, s.cond, s.step, s.body, true);
    case 'switch':
      return genSwitch(cx, s);
    case 'case':
    case 'default':
      em.place(cx.caseLabel(s));
      return genStmt(cx, s.body);
    case 'break':
      return em.jump(Op.JMP, innermost(cx.breakTargets, s, 'break statement not within loop or switch'));
    case 'continue':
      return em.jump(Op.JMP, innermost(cx.continueTargets, s, 'continue statement not within a loop'));
    case 'return':
      return genReturn(cx, s);
    case 'goto':
      return em.jump(Op.JMP, cx.gotoLabel(s.label));
    case 'label':
      em.place(cx.gotoLabel(s.name));
      return genStmt(cx, s.body);
    case 'empty':
      return;
    default: {
      const never: never = s;
      throw new Error(`genStmt: ${String(never)}`);
    }
  }
}

function innermost(targets: Label[], s: Stmt, message: string): Label {
  const target = targets[targets.length - 1];
  if (target === undefined) throw new CodegenError(s.loc, message);
  return target;
}

function genIf(cx: FuncContext, s: StmtOf<'if'>): void {
  const em = cx.em;
  const otherwise = em.newLabel();
  genBranch(cx, s.cond, otherwise, false);
  genStmt(cx, s.then);
  if (s.else === undefined) return em.place(otherwise);
  const end = em.newLabel();
  em.jump(Op.JMP, end);
  em.place(otherwise);
  genStmt(cx, s.else);
  em.place(end);
}

/** while/for: init; JMP test; top: body; continue: step; test: if (cond) JMP top; break:
 *  do-while: the same without the first jump. */
function genLoop(cx: FuncContext, init: Stmt | undefined, cond: Expr | undefined, step: Expr | undefined, body: Stmt, testFirst: boolean): void {
  const em = cx.em;
  const top = em.newLabel();
  const next = em.newLabel();
  const test = em.newLabel();
  const exit = em.newLabel();
  if (init !== undefined) genStmt(cx, init);
  const alwaysTrue = cond === undefined || (cond.kind === 'num' && cond.value !== 0);
  if (testFirst && !alwaysTrue) em.jump(Op.JMP, test);
  em.place(top);
  cx.breakTargets.push(exit);
  cx.continueTargets.push(next);
  genStmt(cx, body);
  cx.breakTargets.pop();
  cx.continueTargets.pop();
  em.place(next);
  if (step !== undefined) {
    em.line(step.loc);
    genEffect(cx, step);
  }
  em.place(test);
  if (cond === undefined) {
    em.jump(Op.JMP, top);
  } else {
    em.line(cond.loc);
    genBranch(cx, cond, top, true);
  }
  em.place(exit);
}

/** Dense enough for a jump table: the range of values is at most 3 per case plus 8. */
function isDense(count: number, range: number): boolean {
  return count > 0 && range <= 3 * count + 8;
}

function genSwitch(cx: FuncContext, s: StmtOf<'switch'>): void {
  const em = cx.em;
  const exit = em.newLabel();
  const fallback = s.defaultCase ? cx.caseLabel(s.defaultCase) : exit;
  const unsigned = s.cond.type.kind === 'int' && s.cond.type.unsigned;
  const valueOf = (v: number): number => (unsigned ? v >>> 0 : v | 0);
  const cases = [...s.cases].sort((x, y) => valueOf(x.value) - valueOf(y.value));
  genExpr(cx, s.cond);
  if (cases.length > 0 && isDense(cases.length, valueOf(cases[cases.length - 1].value) - valueOf(cases[0].value) + 1)) {
    const lo = valueOf(cases[0].value);
    const targets: Label[] = [];
    for (let v = lo, k = 0; k < cases.length; v++) {
      if (valueOf(cases[k].value) === v) targets.push(cx.caseLabel(cases[k++]));
      else targets.push(fallback);
    }
    em.jumpTable(lo | 0, targets, fallback);
  } else {
    let subtracted = 0;
    for (const c of cases) {
      em.emit(Op.ADDI, (subtracted - c.value) | 0);
      subtracted = c.value;
      em.jump(Op.JZ, cx.caseLabel(c));
    }
    em.jump(Op.JMP, fallback);
  }
  cx.breakTargets.push(exit);
  genStmt(cx, s.body);
  cx.breakTargets.pop();
  em.place(exit);
}

function genReturn(cx: FuncContext, s: StmtOf<'return'>): void {
  const em = cx.em;
  if (s.value !== undefined) {
    if (cx.resultPointer !== undefined && s.value.type.kind === 'struct') {
      genStructReturn(cx, s.value, cx.resultPointer, s.value.type);
    } else {
      genExpr(cx, s.value);
    }
  }
  em.emit(Op.LEV);
}

/** Zero-fills an aggregate then stores each initialiser entry; a lone scalar is just stored. */
function genLocalInit(cx: FuncContext, sym: VarSymbol, entries: InitEntry[]): void {
  const em = cx.em;
  const base = cx.slot(sym, sym.loc);
  const t = sym.type;
  if (!coversWholeObject(t, entries)) {
    em.emit(Op.LEA, base);
    em.emit(Op.MZERO, sizeOf(t));
  }
  for (const entry of entries) genInitEntry(cx, base + entry.offset, entry.type, entry.expr);
}

function coversWholeObject(t: Type, entries: InitEntry[]): boolean {
  if (entries.length !== 1 || entries[0].offset !== 0) return false;
  const e = entries[0];
  const bytes = e.type.kind === 'array' ? copiedStringBytes(e.type, e.expr) : sizeOf(e.type);
  return bytes === sizeOf(t);
}

function genInitEntry(cx: FuncContext, at: number, t: Type, value: Expr): void {
  const em = cx.em;
  if (t.kind === 'array' || t.kind === 'struct') {
    const size = t.kind === 'array' ? copiedStringBytes(t, value) : sizeOf(t);
    em.emit(Op.LEA, at);
    em.push();
    genExpr(cx, value);
    return em.emit(Op.MCPY, size);
  }
  if (isWordScalar(t)) {
    genExpr(cx, value);
    return em.emit(Op.SLI, at);
  }
  const store = narrowLocalStore(t);
  if (store !== undefined) {
    genExpr(cx, value);
    return em.emit(store, at);
  }
  em.emit(Op.LEA, at);
  em.push();
  genExpr(cx, value);
  emitStore(em, t);
}

/** A string literal copied into a char array: min(array size, literal size incl. NUL). */
export function copiedStringBytes(t: Type, value: Expr): number {
  const literal = value.kind === 'decay' ? value.operand : value;
  if (literal.kind !== 'str') throw new CodegenError(value.loc, 'array initializer must be a string literal or a braced list');
  return Math.min(sizeOf(t), literal.bytes.length);
}
