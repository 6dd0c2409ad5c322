// Declarations at file and block scope: typedefs, function declarations (one
// FuncSymbol per name, its type merged across compatible redeclarations),
// file-scope objects (extern, tentative and real definitions merged into one
// symbol), static locals (unique link names, constant initialisers), and locals
// (a 'decl' statement with their initialisers). Redefinitions and conflicting
// types are reported with gcc's notes pointing at the earlier declaration.

import type { FuncSymbol, Initializer, Stmt, Storage, VarSymbol } from './ast.js';
import type { At, StorageWord, SynDeclaration, SynInitializer } from './parse-tree.js';
import { applyDeclarator, resolveSpecifiers, type Declared, type ParamInfo } from './sema-declarator.js';
import { analyzeInitializer } from './sema-init.js';
import type { Sema } from './sema-state.js';
import { compatible, isComplete, typeToString } from './sema-types.js';
import type { FuncType, Type } from './types.js';

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Analyses a declaration; in a block returns the statement that initialises its locals. */
export function analyzeDeclaration(s: Sema, decl: SynDeclaration): Stmt | undefined {
  const base = resolveSpecifiers(s, decl.specs, decl.declarators.length > 0);
  if (decl.declarators.length === 0) {
    const declaresTag = decl.specs.specs.some((sp) => sp.kind === 'struct' || sp.kind === 'enum');
    if (!declaresTag && decl.specs.specs.length > 0) s.warning(decl.specs.start, 'useless type name in empty declaration');
    return undefined;
  }
  const locals: { sym: VarSymbol; init?: Initializer }[] = [];
  for (const { declarator, init } of decl.declarators) {
    const declared = applyDeclarator(s, declarator, base.type);
    const name = declared.name;
    if (name === undefined) {
      s.error(decl.specs.start, 'expected identifier or \'(\'');
      continue;
    }
    if (base.implicitInt) s.warning(declared.at, `type defaults to 'int' in declaration of '${name}' [-Wimplicit-int]`);
    if (base.storage === 'typedef') {
      if (init !== undefined) s.error(declared.at, `typedef '${name}' is initialized (use __typeof__ instead)`);
      declareTypedef(s, name, declared.type, declared.at);
    } else if (declared.type.kind === 'func') {
      if (init !== undefined) s.error(declared.at, `function '${name}' is initialized like a variable`);
      declareFunction(s, name, declared.type, base.storage, declared, false);
    } else if (s.atFileScope) {
      declareFileObject(s, name, declared, base.storage, init);
    } else {
      const local = declareBlockObject(s, name, declared, base.storage, init);
      if (local !== undefined) locals.push(local);
    }
  }
  if (s.atFileScope || locals.length === 0) return undefined;
  return { kind: 'decl', vars: locals, loc: s.loc(decl.specs.start) };
}

function previousNote(s: Sema, d: ReturnType<Sema['error']>, at: At, defined: boolean, name: string, type: Type): void {
  s.note(d, at, `previous ${defined ? 'definition' : 'declaration'} of '${name}' with type '${typeToString(type)}'`);
}

function declareTypedef(s: Sema, name: string, type: Type, at: At): void {
  const previous = s.ordinary.lookupCurrent(name);
  if (previous !== undefined) {
    if (previous.kind === 'typedef' && compatible(previous.type, type)) return;
    const d = s.error(at, previous.kind === 'typedef' ? `conflicting types for '${name}'; have '${typeToString(type)}'` : `'${name}' redeclared as different kind of symbol`);
    const prevType = previous.kind === 'typedef' ? previous.type : previous.kind === 'enumConst' ? undefined : previous.sym.type;
    if (prevType !== undefined) previousNote(s, d, previous.at, true, name, prevType);
    return;
  }
  s.ordinary.define(name, { kind: 'typedef', type, at });
}

/** Declares (or, with a body, defines) a function; returns its one symbol. */
export function declareFunction(
  s: Sema,
  name: string,
  type: FuncType,
  storage: StorageWord | undefined,
  declared: Declared,
  isDefinition: boolean,
): FuncSymbol {
  const at = declared.at;
  if (storage === 'auto' || storage === 'register') s.error(at, `invalid storage class for function '${name}'`);
  if (storage === 'static' && !s.atFileScope) s.error(at, `invalid storage class for function '${name}'`);
  const current = s.ordinary.lookupCurrent(name);
  const visible = s.ordinary.lookup(name);
  const atFile = s.ordinary.lookupFile(name);
  const previous = visible?.kind === 'func' ? visible : atFile?.kind === 'func' ? atFile : undefined;
  if (current !== undefined && current.kind !== 'func') {
    const d = s.error(at, `'${name}' redeclared as different kind of symbol`);
    if (current.kind === 'var') previousNote(s, d, current.at, false, name, current.sym.type);
  } else if (previous !== undefined && previous.kind === 'func') {
    const sym = previous.sym as Writable<FuncSymbol>;
    const info = s.declInfo.get(sym);
    if (!compatible(sym.type, type)) {
      const d = s.error(at, `conflicting types for '${name}'; have '${typeToString(type)}'`);
      previousNote(s, d, info?.definedAt ?? previous.at, info?.definedAt !== undefined, name, sym.type);
    } else if (sym.type.unspecified && !type.unspecified) {
      sym.type = type;
    }
    if (storage === 'static' && !sym.isStatic) {
      const d = s.error(at, `static declaration of '${name}' follows non-static declaration`);
      s.note(d, previous.at, `previous declaration of '${name}' with type '${typeToString(sym.type)}'`);
    }
    if (isDefinition) {
      if (sym.defined) {
        const d = s.error(at, `redefinition of '${name}'`);
        previousNote(s, d, info?.definedAt ?? previous.at, true, name, sym.type);
      }
      if (!type.unspecified || sym.type.unspecified) sym.type = type;
      sym.defined = true;
      s.declInfo.set(sym, { at, definedAt: at, paramAt: paramPlaces(declared.params) });
    } else if (info !== undefined && info.definedAt === undefined) {
      info.paramAt = paramPlaces(declared.params);
    }
    if (!s.atFileScope) s.ordinary.define(name, { kind: 'func', sym, at });
    return sym;
  }
  const isStatic = storage === 'static';
  const sym: FuncSymbol = {
    kind: 'func', name, type, isStatic, linkName: isStatic ? `${name}.${s.newId()}` : name, loc: s.loc(at), defined: isDefinition,
  };
  s.declInfo.set(sym, { at, definedAt: isDefinition ? at : undefined, paramAt: paramPlaces(declared.params) });
  s.fileFunctions.push(sym);
  const entry = { kind: 'func' as const, sym, at };
  if (atFile === undefined) s.ordinary.defineAtFile(name, entry);
  if (current === undefined) s.ordinary.define(name, entry);
  return sym;
}

function paramPlaces(params: ParamInfo[] | undefined): At[] | undefined {
  return params?.map((p) => p.at);
}

function declareFileObject(s: Sema, name: string, declared: Declared, storage: StorageWord | undefined, init?: SynInitializer): void {
  const at = declared.at;
  if (storage === 'auto' || storage === 'register') s.error(at, `file-scope declaration of '${name}' specifies '${storage}'`);
  if (storage === 'extern' && init !== undefined) s.warning(at, `'${name}' initialized and declared 'extern'`);
  let type = declared.type;
  if (type.kind === 'void') {
    s.error(at, `variable or field '${name}' declared void`);
    return;
  }
  const previous = s.ordinary.lookupFile(name);
  let sym: VarSymbol;
  if (previous !== undefined && previous.kind !== 'var') {
    const d = s.error(at, `'${name}' redeclared as different kind of symbol`);
    if (previous.kind === 'func') previousNote(s, d, previous.at, previous.sym.defined, name, previous.sym.type);
    return;
  }
  if (previous !== undefined) {
    sym = previous.sym;
    const info = s.declInfo.get(sym) ?? { at: previous.at };
    if (!compatible(sym.type, type)) {
      const d = s.error(at, `conflicting types for '${name}'; have '${typeToString(type)}'`);
      previousNote(s, d, previous.at, info.definedAt !== undefined, name, sym.type);
      return;
    }
    if (sym.type.kind === 'array' && sym.type.length === undefined) sym.type = type;
    else type = sym.type;
    if (storage === 'static' && sym.storage !== 'static') {
      const d = s.error(at, `static declaration of '${name}' follows non-static declaration`);
      previousNote(s, d, previous.at, false, name, sym.type);
    }
    if (storage !== 'extern' && sym.storage === 'extern') (sym as Writable<VarSymbol>).storage = 'global';
    if (init !== undefined && info.definedAt !== undefined) {
      const d = s.error(at, `redefinition of '${name}'`);
      previousNote(s, d, info.definedAt, true, name, sym.type);
      return;
    }
  } else {
    const kind: Storage = storage === 'static' ? 'static' : storage === 'extern' && init === undefined ? 'extern' : 'global';
    sym = s.makeVar(name, type, kind, at);
    s.fileObjects.push(sym);
    s.ordinary.define(name, { kind: 'var', sym, at });
  }
  if (init !== undefined) {
    const info = s.declInfo.get(sym);
    if (info !== undefined) info.definedAt = at;
    const result = analyzeInitializer(s, sym.type, init, true, name);
    sym.type = result.type;
    sym.init = result.init;
  }
}

function declareBlockObject(
  s: Sema,
  name: string,
  declared: Declared,
  storage: StorageWord | undefined,
  init?: SynInitializer,
): { sym: VarSymbol; init?: Initializer } | undefined {
  const at = declared.at;
  const type = declared.type;
  const previous = s.ordinary.lookupCurrent(name);
  if (storage === 'extern') {
    if (init !== undefined) s.error(at, `'${name}' has both 'extern' and initializer`);
    const global = s.ordinary.lookupFile(name);
    let sym: VarSymbol;
    if (global?.kind === 'var' && compatible(global.sym.type, type)) sym = global.sym;
    else {
      sym = s.makeVar(name, type, 'extern', at);
      s.fileObjects.push(sym);
      if (global === undefined) s.ordinary.defineAtFile(name, { kind: 'var', sym, at });
    }
    s.ordinary.define(name, { kind: 'var', sym, at });
    return undefined;
  }
  if (previous !== undefined) {
    const previousInit = previous.kind === 'var' && s.declInfo.get(previous.sym)?.definedAt !== undefined;
    const message =
      previous.kind !== 'var'
        ? `'${name}' redeclared as different kind of symbol`
        : previousInit && init !== undefined
          ? `redefinition of '${name}'`
          : `redeclaration of '${name}' with no linkage`;
    const d = s.error(at, message);
    if (previous.kind === 'var') previousNote(s, d, previous.at, previousInit, name, previous.sym.type);
  }
  if (type.kind === 'void') {
    s.error(at, `variable or field '${name}' declared void`);
    return undefined;
  }
  if (!isComplete(type) && !(type.kind === 'array' && type.length === undefined && init !== undefined)) {
    s.error(at, `storage size of '${name}' isn't known`);
    return undefined;
  }
  const isStatic = storage === 'static';
  const sym = s.makeVar(name, type, isStatic ? 'static' : 'local', at);
  s.ordinary.define(name, { kind: 'var', sym, at });
  let initializer: Initializer | undefined;
  if (init !== undefined) {
    const info = s.declInfo.get(sym);
    if (info !== undefined) info.definedAt = at;
    const result = analyzeInitializer(s, type, init, isStatic, name);
    sym.type = result.type;
    initializer = result.init;
  }
  if (isStatic) {
    sym.init = initializer;
    s.staticLocals.push(sym);
    return undefined;
  }
  s.fn?.locals.push(sym);
  return { sym, init: initializer };
}
