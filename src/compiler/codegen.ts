// Code generation for a translation unit: every function body becomes a code
// section (codegen-stmt.ts, codegen-expr.ts), every global, static local and
// string literal a data section (codegen-data.ts), together one ObjectFile for the
// linker. The typed AST already holds every conversion, so codegen never infers
// a type; it reports the few programs it cannot compile as CodegenError.

import type { TranslationUnit, VarSymbol } from './ast.js';
import { genStaticObject, stringObject } from './codegen-data.js';
import { CodegenError } from './codegen-emit.js';
import type { UnitContext } from './codegen-frame.js';
import { genFunction } from './codegen-stmt.js';
import { OBJECT_FORMAT_VERSION, type ObjData, type ObjFunction, type ObjectFile } from './object.js';

export { CodegenError } from './codegen-emit.js';

/** Pools string literals (identical bytes share one section) and numbers the files. */
class UnitState implements UnitContext {
  readonly files: string[] = [];
  readonly strings: ObjData[] = [];
  private readonly stringNames = new Map<string, string>();
  private readonly fileIndexes = new Map<string, number>();

  constructor(private readonly source: string) {}

  stringSymbol(bytes: Uint8Array): string {
    const key = Buffer.from(bytes).toString('latin1');
    let name = this.stringNames.get(key);
    if (name === undefined) {
      name = `.LC${this.stringNames.size}`;
      this.stringNames.set(key, name);
      this.strings.push(stringObject(name, bytes, this.source));
    }
    return name;
  }

  fileIndex(file: string): number {
    let index = this.fileIndexes.get(file);
    if (index === undefined) {
      index = this.files.length;
      this.files.push(file);
      this.fileIndexes.set(file, index);
    }
    return index;
  }
}

/** Compiles a checked translation unit; throws CodegenError for what it cannot compile. */
export function generateObject(unit: TranslationUnit): ObjectFile {
  const state = new UnitState(unit.file);
  state.fileIndex(unit.file);
  const functions: ObjFunction[] = unit.functions.map((def) => {
    const cx = genFunction(state, def);
    return {
      name: def.sym.name,
      linkName: def.sym.linkName,
      local: def.sym.isStatic,
      file: def.loc.file,
      line: Math.max(1, def.loc.line),
      code: cx.em.code,
      relocs: cx.em.relocs,
      lines: cx.em.lines,
    };
  });
  const data = mergeDefinitions(unit.globals).map((v) => genStaticObject(v, state));
  return { format: OBJECT_FORMAT_VERSION, source: unit.file, files: state.files, functions, data: [...data, ...state.strings] };
}

/** One symbol per link name: a definition with an initialiser wins over tentative ones. */
function mergeDefinitions(globals: VarSymbol[]): VarSymbol[] {
  const byName = new Map<string, VarSymbol>();
  for (const v of globals) {
    const seen = byName.get(v.linkName);
    if (seen === undefined) {
      byName.set(v.linkName, v);
    } else if (v.init !== undefined) {
      if (seen.init !== undefined) throw new CodegenError(v.loc, `redefinition of '${v.name}'`);
      byName.set(v.linkName, v);
    }
  }
  return [...byName.values()];
}
