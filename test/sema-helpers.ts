// Shared helpers of the parser and semantic-analysis tests: compile a C snippet
// (lexed directly, or preprocessed with in-memory headers) and look at the typed
// AST through sema-dump's S-expressions or at the diagnostics as gcc prints them.
import { expect, it } from 'vitest';
import { formatDiagnostics, DiagnosticBag, type Diagnostic } from '../src/compiler/diagnostics.js';
import { lexSource } from '../src/compiler/lexer.js';
import { parseTranslationUnit } from '../src/compiler/parser.js';
import type { Expr, FunctionDef, Stmt, TranslationUnit, VarSymbol } from '../src/compiler/ast.js';
import { dumpExpr, dumpInit, dumpStmt } from '../src/compiler/sema-dump.js';
import { typeToString } from '../src/compiler/sema-types.js';
import type { Type } from '../src/compiler/types.js';

export interface Compiled {
  unit: TranslationUnit;
  diagnostics: Diagnostic[];
  /** Diagnostics as gcc prints them (with source lines and carets). */
  text: string;
}

export function compile(source: string, file = 't.c'): Compiled {
  const diags = new DiagnosticBag();
  const unit = parseTranslationUnit(lexSource(file, source), file, diags);
  const text = formatDiagnostics(diags.items, (f) => (f === file ? source : undefined));
  return { unit, diagnostics: diags.items, text };
}

/** `file:line:col: severity: message` for every diagnostic and note. */
export function messages(source: string): string[] {
  const out: string[] = [];
  for (const d of compile(source).diagnostics) {
    for (const x of [d, ...(d.notes ?? [])]) out.push(`${x.file}:${x.line}:${x.column}: ${x.severity}: ${x.message}`);
  }
  return out;
}

/** Compiles and fails the test on any diagnostic. */
export function clean(source: string): TranslationUnit {
  const { unit, text } = compile(source);
  if (text !== '') throw new Error(`unexpected diagnostics:\n${text}`);
  return unit;
}

export function fn(unit: TranslationUnit, name: string): FunctionDef {
  const f = unit.functions.find((x) => x.sym.name === name);
  if (f === undefined) throw new Error(`no function ${name}`);
  return f;
}

export function globalVar(unit: TranslationUnit, name: string): VarSymbol {
  const v = unit.globals.find((x) => x.name === name);
  if (v === undefined) throw new Error(`no global ${name}`);
  return v;
}

export function typeOfGlobal(source: string, name: string): string {
  const unit = clean(source);
  const v = unit.globals.find((x) => x.name === name) ?? unit.externs.find((x) => x.name === name);
  if (v === undefined) throw new Error(`no symbol ${name}`);
  return typeToString(v.type);
}

/** The statements of a function body as S-expressions. */
export function body(unit: TranslationUnit, name: string): string[] {
  const b = fn(unit, name).body;
  return b.kind === 'block' ? b.body.map(dumpStmt) : [dumpStmt(b)];
}

/** The typed tree of `expr` evaluated after `decls` inside a function. */
export function expr(decls: string, text: string): string {
  return dumpExpr(exprNode(decls, text));
}

export function exprNode(decls: string, text: string): Expr {
  const unit = clean(`${decls}\nvoid test__(void) { (${text}); }\n`);
  const stmts = fn(unit, 'test__').body as Stmt & { kind: 'block' };
  const last = stmts.body[stmts.body.length - 1];
  if (last?.kind !== 'expr') throw new Error('no expression statement');
  return last.expr;
}

export function exprType(decls: string, text: string): string {
  return typeToString(exprNode(decls, text).type);
}

export function initOf(source: string, name: string): string {
  const v = globalVar(clean(source), name);
  return v.init === undefined ? '' : dumpInit(v.init);
}

export function show(t: Type): string {
  return typeToString(t);
}

/** A malformed program and gcc's diagnostics for it: the whole text (message, source
 *  line, caret) or, where gcc draws ranges and fix-it hints we do not, only the
 *  `file:line:col: severity: message` lines. */
export interface GccCase {
  name: string;
  match: 'text' | 'lines';
  source: string;
  gcc: string;
}

export function locationLines(text: string): string[] {
  return text.split('\n').filter((l) => /^\S+\.c:\d+/.test(l));
}

/** One test per case, compiling `NAME.c`. */
export function checkAgainstGcc(cases: GccCase[]): void {
  for (const c of cases) {
    it(c.name, () => {
      const { text, diagnostics } = compile(`${c.source}\n`, `${c.name}.c`);
      expect(diagnostics.length).toBeGreaterThan(0);
      if (c.match === 'text') expect(text.trim()).toBe(c.gcc);
      else expect(locationLines(text)).toEqual(locationLines(c.gcc));
    });
  }
}
