// Semantic analysis of a translation unit: walks the syntax tree's external
// declarations in order, then assembles the TranslationUnit: the functions, the
// objects defined here (tentative definitions merged, static locals included),
// and the externs the linker must resolve — only those the unit actually uses,
// as an object file's undefined symbols are.

import type { FuncSymbol, TranslationUnit, VarSymbol } from './ast.js';
import type { DiagnosticBag } from './diagnostics.js';
import type { SynTranslationUnit } from './parse-tree.js';
import { analyzeDeclaration } from './sema-decl.js';
import { Sema } from './sema-state.js';
import { analyzeFunction } from './sema-stmt.js';
import { isComplete } from './sema-types.js';
import { arrayOf } from './types.js';

export function analyzeTranslationUnit(syntax: SynTranslationUnit, file: string, diags: DiagnosticBag): TranslationUnit {
  const s = new Sema(file, diags);
  for (const item of syntax.items) {
    if (item.kind === 'function') analyzeFunction(s, item);
    else analyzeDeclaration(s, item);
  }
  const globals: VarSymbol[] = [];
  const externs: (VarSymbol | FuncSymbol)[] = [];
  for (const sym of s.fileObjects) {
    if (sym.storage === 'extern') {
      if (s.used.has(sym)) externs.push(sym);
      continue;
    }
    completeTentative(s, sym);
    globals.push(sym);
  }
  globals.push(...s.staticLocals);
  for (const sym of s.fileFunctions) {
    if (sym.defined || !s.used.has(sym)) continue;
    if (sym.isStatic) {
      const at = s.declInfo.get(sym)?.at;
      if (at !== undefined) s.warning(at, `'${sym.name}' used but never defined`);
    }
    externs.push(sym);
  }
  return { file, functions: s.functions, globals, externs };
}

/** A tentative definition's type must be complete at the end of the unit (`int a[];` gets one element). */
function completeTentative(s: Sema, sym: VarSymbol): void {
  const at = s.declInfo.get(sym)?.at;
  if (sym.type.kind === 'array' && sym.type.length === undefined && sym.init === undefined) {
    if (at !== undefined) s.warning(at, `array '${sym.name}' assumed to have one element`);
    sym.type = arrayOf(sym.type.base, 1);
  } else if (!isComplete(sym.type) && at !== undefined) {
    s.error(at, `storage size of '${sym.name}' isn't known`);
  }
}
