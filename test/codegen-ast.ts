// Small constructors for typed ASTs, so codegen and linker tests can build the
// parser's output by hand (with every conversion explicit, as the parser makes it)
// and run it: compileUnits() = codegen + link + the bare runner.
import type { BinaryOp, Expr, FunctionDef, InitEntry, Loc, Stmt, Storage, TranslationUnit, VarSymbol, FuncSymbol } from '../src/compiler/ast.js';
import { generateObject } from '../src/compiler/codegen.js';
import { link, type LinkResult } from '../src/compiler/link.js';
import type { ObjectFile } from '../src/compiler/object.js';
import { INT, VOID, arrayOf, pointerTo, sizeOf, CHAR, type FuncType, type StructType, type Type } from '../src/compiler/types.js';
import { runBare, type BareRun } from './codegen-harness.js';

let currentFile = 't.c';
export const at = (line = 1, file = currentFile): Loc => ({ file, line, col: 1 });
let nextId = 1;

/** Builds with every location in `file` (for multi-file link tests). */
export function inFile<T>(file: string, build: () => T): T {
  const saved = currentFile;
  currentFile = file;
  try {
    return build();
  } finally {
    currentFile = saved;
  }
}

export function variable(name: string, type: Type, storage: Storage = 'local', init?: InitEntry[]): VarSymbol {
  const id = nextId++;
  const linkName = storage === 'static' ? `${name}.${id}` : name;
  return { kind: 'var', name, type, storage, id, linkName, loc: at(), ...(init ? { init: { entries: init } } : {}) };
}

export function func(name: string, ret: Type, params: Type[] = [], opts: { isStatic?: boolean; variadic?: boolean } = {}): FuncSymbol {
  const type: FuncType = { kind: 'func', ret, params, variadic: opts.variadic ?? false, unspecified: false };
  const isStatic = opts.isStatic ?? false;
  return { kind: 'func', name, type, isStatic, linkName: isStatic ? `${name}.${nextId++}` : name, loc: at(), defined: true };
}

export const struct = (tag: string, fields: [string, Type][]): StructType => {
  let size = 0;
  let align = 1;
  const members = fields.map(([name, type]) => {
    const a = type.kind === 'struct' ? type.align : Math.min(4, sizeOf(type.kind === 'array' ? type.base : type));
    size = Math.ceil(size / a) * a;
    const m = { name, type, offset: size };
    size += sizeOf(type);
    align = Math.max(align, a);
    return m;
  });
  return { kind: 'struct', isUnion: false, tag, members, size: Math.ceil(size / align) * align, align, complete: true };
};

// ---- expressions ---------------------------------------------------------------
export const num = (value: number, type: Type = INT): Expr => ({ kind: 'num', type, loc: at(), value: value | 0 });
export const ref = (sym: VarSymbol): Expr => ({ kind: 'var', type: sym.type, loc: at(), sym });
export const fnptr = (sym: FuncSymbol): Expr => ({
  kind: 'decay',
  type: pointerTo(sym.type),
  loc: at(),
  operand: { kind: 'funcref', type: sym.type, loc: at(), sym },
});
export const str = (text: string): Expr => {
  const bytes = new Uint8Array([...Buffer.from(text, 'latin1'), 0]);
  return { kind: 'str', type: arrayOf(CHAR, bytes.length), loc: at(), bytes };
};
const COMPARISONS = new Set<BinaryOp>(['==', '!=', '<', '<=', '>', '>=']);
export const bin = (op: BinaryOp, lhs: Expr, rhs: Expr, type?: Type): Expr => ({
  kind: 'binary',
  op,
  lhs,
  rhs,
  type: type ?? (COMPARISONS.has(op) ? INT : lhs.type),
  loc: at(),
});
export const neg = (operand: Expr): Expr => ({ kind: 'unary', op: 'neg', operand, type: operand.type, loc: at() });
export const bitnot = (operand: Expr): Expr => ({ kind: 'unary', op: 'bitnot', operand, type: operand.type, loc: at() });
export const not = (operand: Expr): Expr => ({ kind: 'unary', op: 'lognot', operand, type: INT, loc: at() });
export const and = (lhs: Expr, rhs: Expr): Expr => ({ kind: 'logand', lhs, rhs, type: INT, loc: at() });
export const or = (lhs: Expr, rhs: Expr): Expr => ({ kind: 'logor', lhs, rhs, type: INT, loc: at() });
export const assign = (target: Expr, value: Expr): Expr => ({ kind: 'assign', target, value, type: target.type, loc: at() });
export const compound = (op: BinaryOp, target: Expr, value: Expr, opType: Type = INT): Expr => ({
  kind: 'compoundAssign',
  op,
  target,
  value,
  opType,
  type: target.type,
  loc: at(),
});
export const incdec = (target: Expr, prefix: boolean, delta: number): Expr => ({ kind: 'incdec', target, prefix, delta, type: target.type, loc: at() });
export const cond = (c: Expr, then: Expr, otherwise: Expr): Expr => ({ kind: 'cond', cond: c, then, else: otherwise, type: then.type, loc: at() });
export const comma = (lhs: Expr, rhs: Expr): Expr => ({ kind: 'comma', lhs, rhs, type: rhs.type, loc: at() });
export const cast = (type: Type, operand: Expr): Expr => ({ kind: 'cast', operand, type, loc: at() });
export const addr = (operand: Expr): Expr => ({ kind: 'addr', operand, type: pointerTo(operand.type), loc: at() });
export const decay = (operand: Expr): Expr => {
  if (operand.type.kind !== 'array') throw new Error('decay: not an array');
  return { kind: 'decay', operand, type: pointerTo(operand.type.base), loc: at() };
};
export const deref = (operand: Expr): Expr => {
  if (operand.type.kind !== 'ptr') throw new Error('deref: not a pointer');
  return { kind: 'deref', operand, type: operand.type.base, loc: at() };
};
export const member = (base: Expr, name: string): Expr => {
  if (base.type.kind !== 'struct') throw new Error('member: not a struct');
  const m = base.type.members.find((x) => x.name === name);
  if (!m) throw new Error(`member: no ${name}`);
  return { kind: 'member', base, member: m, type: m.type, loc: at() };
};
/** array[i] as the parser builds it: *(decay(array) + i * size). */
export const index = (array: Expr, i: Expr): Expr => {
  const p = array.type.kind === 'array' ? decay(array) : array;
  if (p.type.kind !== 'ptr') throw new Error('index: not a pointer');
  const size = sizeOf(p.type.base);
  const scaled = i.kind === 'num' ? num(i.value * size) : size === 1 ? i : bin('*', i, num(size));
  return deref(bin('+', p, scaled, p.type));
};
export const call = (callee: FuncSymbol | Expr, args: Expr[], retSlot?: VarSymbol): Expr => {
  const target = 'kind' in callee && callee.kind === 'func' ? fnptr(callee) : (callee as Expr);
  const ft = target.type.kind === 'ptr' && target.type.base.kind === 'func' ? target.type.base : undefined;
  if (!ft) throw new Error('call: not a function pointer');
  return { kind: 'call', callee: target, funcType: ft, args, type: ft.ret, loc: at(), ...(retSlot ? { retSlot } : {}) };
};
export const syscall = (nr: number, args: Expr[]): Expr => ({ kind: 'syscall', nr, args, type: INT, loc: at() });

// ---- statements ------------------------------------------------------------------
export const exprStmt = (expr: Expr, line = 1): Stmt => ({ kind: 'expr', expr, loc: at(line) });
export const ret = (value?: Expr): Stmt => ({ kind: 'return', loc: at(), ...(value ? { value } : {}) });
export const block = (...body: Stmt[]): Stmt => ({ kind: 'block', body, loc: at() });
export const decl = (sym: VarSymbol, init?: InitEntry[]): Stmt => ({
  kind: 'decl',
  vars: [{ sym, ...(init ? { init: { entries: init } } : {}) }],
  loc: at(),
});
export const ifStmt = (c: Expr, then: Stmt, otherwise?: Stmt): Stmt => ({ kind: 'if', cond: c, then, loc: at(), ...(otherwise ? { else: otherwise } : {}) });
export const whileStmt = (c: Expr, body: Stmt): Stmt => ({ kind: 'while', cond: c, body, loc: at() });
export const doWhile = (body: Stmt, c: Expr): Stmt => ({ kind: 'dowhile', cond: c, body, loc: at() });
export const forStmt = (init: Stmt | undefined, c: Expr | undefined, step: Expr | undefined, body: Stmt): Stmt => ({
  kind: 'for',
  body,
  loc: at(),
  ...(init ? { init } : {}),
  ...(c ? { cond: c } : {}),
  ...(step ? { step } : {}),
});
export const brk: Stmt = { kind: 'break', loc: at() };
export const cont: Stmt = { kind: 'continue', loc: at() };
export const gotoStmt = (label: string): Stmt => ({ kind: 'goto', label, loc: at() });
export const labelled = (name: string, body: Stmt): Stmt => ({ kind: 'label', name, body, loc: at() });
export const entry = (offset: number, type: Type, expr: Expr): InitEntry => ({ offset, type, expr });

/** switch (c) { arms } where an arm is [value or 'default', statements...]. */
export function switchStmt(c: Expr, arms: [number | 'default', ...Stmt[]][]): Stmt {
  const body: Stmt[] = [];
  const cases: Extract<Stmt, { kind: 'case' }>[] = [];
  let defaultCase: Extract<Stmt, { kind: 'default' }> | undefined;
  for (const [label, ...stmts] of arms) {
    const first = stmts[0] ?? { kind: 'empty', loc: at() };
    if (label === 'default') {
      defaultCase = { kind: 'default', body: first, loc: at() };
      body.push(defaultCase);
    } else {
      const c2 = { kind: 'case' as const, value: label, body: first, loc: at() };
      cases.push(c2);
      body.push(c2);
    }
    body.push(...stmts.slice(1));
  }
  return { kind: 'switch', cond: c, body: block(...body), cases, loc: at(), ...(defaultCase ? { defaultCase } : {}) };
}

// ---- functions and programs -----------------------------------------------------------
function declaredLocals(s: Stmt, out: VarSymbol[]): void {
  switch (s.kind) {
    case 'decl':
      for (const v of s.vars) if (v.sym.storage === 'local') out.push(v.sym);
      return;
    case 'block':
      return s.body.forEach((c) => declaredLocals(c, out));
    case 'if':
      declaredLocals(s.then, out);
      if (s.else) declaredLocals(s.else, out);
      return;
    case 'for':
      if (s.init) declaredLocals(s.init, out);
      return declaredLocals(s.body, out);
    case 'while':
    case 'dowhile':
    case 'switch':
    case 'case':
    case 'default':
    case 'label':
      return declaredLocals(s.body, out);
    default:
      return;
  }
}

/** A function definition; locals are found in its decl statements (plus hidden ones given). */
export function defun(sym: FuncSymbol, params: VarSymbol[], body: Stmt[], hidden: VarSymbol[] = []): FunctionDef {
  const b = block(...body);
  const locals: VarSymbol[] = [...hidden];
  declaredLocals(b, locals);
  return { sym, params, locals, body: b, loc: at(), endLoc: at(99) };
}

export function unit(functions: FunctionDef[], globals: VarSymbol[] = [], file = currentFile): TranslationUnit {
  return { file, functions, globals, externs: [] };
}

export const EXIT = 1;
export const WRITE = 4;

/** _start() { exit(main()); } in its own unit. */
export function startUnit(): TranslationUnit {
  return inFile('crt0.c', () => {
    const main = func('main', INT);
    const start = func('_start', VOID);
    return unit([defun(start, [], [exprStmt(syscall(EXIT, [call(main, [])]))])], [], 'crt0.c');
  });
}

export function linkUnits(...units: TranslationUnit[]): LinkResult {
  const objects: ObjectFile[] = units.map((u) => generateObject(u));
  return link([...objects, generateObject(startUnit())]);
}

/** Compiles, links with a minimal _start, runs: main's result is the exit status. */
export function runUnits(...units: TranslationUnit[]): BareRun {
  const result = linkUnits(...units);
  if (!result.module) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return runBare(result.module);
}

/** The global that out() writes through. */
export const OUT = variable('__out', INT, 'global');

/** Writes the int value of e to stdout as 4 raw bytes (read back by outputs()). */
export const out = (e: Expr): Stmt =>
  exprStmt(comma(assign(ref(OUT), e), syscall(WRITE, [num(1), addr(ref(OUT)), num(4)])));

/** The values main wrote with out(), in order. */
export function outputs(run: BareRun): number[] {
  const bytes = Buffer.from(run.stdout, 'latin1');
  return Array.from({ length: bytes.length >> 2 }, (_, i) => bytes.readInt32LE(4 * i));
}

/** A program whose main is `body` (plus OUT and the given globals and functions), run. */
export function runMain(body: Stmt[], globals: VarSymbol[] = [], others: FunctionDef[] = [], hidden: VarSymbol[] = []): BareRun {
  return runUnits(unit([defun(func('main', INT), [], body, hidden), ...others], [OUT, ...globals]));
}
