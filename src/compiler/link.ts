// The linker: objects in, one Module out. It resolves every name (a local
// definition first, then the global one), keeps only the sections reachable from
// `_start` (a mark phase over relocations, so a program does not carry the whole C
// library), lays out the code after a `SYS rt_sigreturn` stub at index 0 (no
// function entry, so a null-ish function pointer still traps) and the data as
// initialised objects followed by bss, then patches relocations and rebases jumps.
//
// Symbol rules, in ld's words: two real definitions are a "multiple definition";
// tentative definitions (`int x;`) merge with each other and yield to a real one,
// like gcc -fcommon; a reference to nothing is an "undefined reference". A user
// object's definition overrides a library one silently, as a program's own
// function interposes on glibc's. Undefined references are reported for every user
// section and for reachable library sections.

import { DATA_BASE, MMAP_BASE, TEXT_BASE } from '../isa/abi.js';
import type { DataSymbol, FunctionSymbol, Module } from '../isa/module.js';
import { Op } from '../isa/op.js';
import { OPCODE_BY_CODE, instructionLength } from '../isa/opcodes.js';
import { SYSCALLS } from '../kernel/syscall-table.js';
import { decodeBytes, type CodeReloc, type DataReloc, type ObjData, type ObjFunction, type ObjectFile } from './object.js';

/** A link error, printed by the driver as ld prints it. */
export interface LinkError {
  message: string;
  file?: string;
  line?: number;
  /** The function containing the reference (ld's "in function `main':"). */
  inFunction?: string;
}

export interface LinkResult {
  module?: Module;
  errors: LinkError[];
}

type Section =
  | { kind: 'func'; obj: number; def: ObjFunction; library: boolean }
  | { kind: 'data'; obj: number; def: ObjData; library: boolean };

const ENTRY_SYMBOL = '_start';
const RT_SIGRETURN = SYSCALLS.find((s) => s.name === 'rt_sigreturn')?.nr ?? -1;
const SIGRETURN_STUB = [Op.SYS, RT_SIGRETURN, Op.LEV];
const DATA_REGION = MMAP_BASE - DATA_BASE;

/** Links user objects (all checked) with library objects (only what is used). */
export function link(user: ObjectFile[], library: ObjectFile[] = []): LinkResult {
  const objects = [...user, ...library];
  const isLibrary = (obj: number): boolean => obj >= user.length;
  const sections: Section[] = [];
  objects.forEach((o, obj) => {
    for (const def of o.functions) sections.push({ kind: 'func', obj, def, library: isLibrary(obj) });
    for (const def of o.data) sections.push({ kind: 'data', obj, def, library: isLibrary(obj) });
  });
  const errors: LinkError[] = [];
  const symbols = new SymbolTable(objects.length, errors);
  for (const s of sections) symbols.define(s);

  const kept = new Set<Section>();
  const work: Section[] = [];
  const undefinedSeen = new Set<string>();
  const visit = (s: Section, mark: boolean): void => {
    for (const r of s.def.relocs) {
      const target = symbols.resolve(s.obj, r.symbol);
      if (target === undefined) reportUndefined(s, r, objects[s.obj], undefinedSeen, errors);
      else if (mark && !kept.has(target)) work.push(target);
    }
  };
  const entry = symbols.resolve(-1, ENTRY_SYMBOL);
  if (entry === undefined || entry.kind !== 'func') errors.push({ message: `undefined reference to \`${ENTRY_SYMBOL}'` });
  else work.push(entry);
  for (let s = work.pop(); s !== undefined; s = work.pop()) {
    if (kept.has(s)) continue;
    kept.add(s);
    visit(s, true);
  }
  for (const s of sections) if (!s.library && !kept.has(s)) visit(s, false);
  if (errors.length > 0 || entry === undefined) return { errors };

  const layout = sections.filter((s) => kept.has(s));
  const module = buildModule(objects, layout, symbols, entry, errors);
  return errors.length > 0 || module === undefined ? { errors } : { module, errors };
}

class SymbolTable {
  private readonly globals = new Map<string, Section>();
  private readonly locals: Map<string, Section>[];
  /** Merged size and alignment of tentative definitions. */
  readonly commons = new Map<string, { size: number; align: number }>();

  constructor(
    objectCount: number,
    private readonly errors: LinkError[],
  ) {
    this.locals = Array.from({ length: objectCount }, () => new Map<string, Section>());
  }

  define(s: Section): void {
    const name = s.def.linkName;
    if (s.def.local) {
      this.locals[s.obj].set(name, s);
      return;
    }
    const prev = this.globals.get(name);
    if (prev !== undefined && prev.library !== s.library) {
      if (prev.library) this.replace(s);
      return;
    }
    if (isCommon(s)) this.mergeCommon(s.def as ObjData);
    if (prev === undefined || (isCommon(prev) && !isCommon(s))) {
      this.globals.set(name, s);
    } else if (!isCommon(s) && !isCommon(prev)) {
      this.errors.push({
        message: `multiple definition of \`${name}'; ${prev.def.file}:${prev.def.line}: first defined here`,
        file: s.def.file,
        line: s.def.line,
      });
    }
  }

  /** A user definition takes the place of a library one. */
  private replace(s: Section): void {
    this.commons.delete(s.def.linkName);
    if (isCommon(s)) this.mergeCommon(s.def as ObjData);
    this.globals.set(s.def.linkName, s);
  }

  private mergeCommon(d: ObjData): void {
    const merged = this.commons.get(d.linkName) ?? { size: 0, align: 1 };
    this.commons.set(d.linkName, { size: Math.max(merged.size, d.size), align: Math.max(merged.align, d.align) });
  }

  /** The definition a reference from object `obj` (-1: none) binds to. */
  resolve(obj: number, name: string): Section | undefined {
    return (obj >= 0 ? this.locals[obj].get(name) : undefined) ?? this.globals.get(name);
  }

  /** Size of a data section once tentative definitions are merged. */
  dataSize(d: ObjData): number {
    return d.common ? (this.commons.get(d.linkName)?.size ?? d.size) : d.size;
  }

  dataAlign(d: ObjData): number {
    return d.common ? (this.commons.get(d.linkName)?.align ?? d.align) : d.align;
  }
}

function isCommon(s: Section): boolean {
  return s.kind === 'data' && s.def.common;
}

function reportUndefined(s: Section, r: CodeReloc | DataReloc, obj: ObjectFile, seen: Set<string>, errors: LinkError[]): void {
  const key = `${s.obj}\u0000${s.def.linkName}\u0000${r.symbol}`;
  if (seen.has(key)) return;
  seen.add(key);
  const where = s.kind === 'func' ? lineOf(s.def, obj, (r as CodeReloc).at) : { file: s.def.file, line: s.def.line };
  errors.push({
    message: `undefined reference to \`${r.symbol}'`,
    ...where,
    ...(s.kind === 'func' ? { inFunction: s.def.name } : {}),
  });
}

function lineOf(f: ObjFunction, obj: ObjectFile, at: number): { file: string; line: number } {
  let where = { file: f.file, line: f.line };
  for (let i = 0; i < f.lines.length && f.lines[i] <= at; i += 3) {
    where = { file: obj.files[f.lines[i + 1]] ?? f.file, line: f.lines[i + 2] };
  }
  return where;
}

/** Code indexes of functions and guest addresses of data objects, in layout order. */
interface Placement {
  address: Map<Section, number>;
  codeLength: number;
  /** Bytes of initialised data; bss follows up to dataEnd. */
  dataLength: number;
  dataEnd: number;
}

function place(layout: Section[], symbols: SymbolTable): Placement {
  const address = new Map<Section, number>();
  let pc = SIGRETURN_STUB.length;
  for (const s of layout) {
    if (s.kind !== 'func') continue;
    address.set(s, pc);
    pc += s.def.code.length;
  }
  let end = 0;
  const placeData = (d: ObjData, s: Section): void => {
    const align = symbols.dataAlign(d);
    end = Math.ceil(end / align) * align;
    address.set(s, DATA_BASE + end);
    end += symbols.dataSize(d);
  };
  for (const s of layout) if (s.kind === 'data' && s.def.bytes !== undefined) placeData(s.def, s);
  const dataLength = end;
  for (const s of layout) if (s.kind === 'data' && s.def.bytes === undefined) placeData(s.def, s);
  return { address, codeLength: pc, dataLength, dataEnd: end };
}

function buildModule(objects: ObjectFile[], layout: Section[], symbols: SymbolTable, entry: Section, errors: LinkError[]): Module | undefined {
  const { address, codeLength, dataLength, dataEnd } = place(layout, symbols);
  if (dataEnd > DATA_REGION) {
    errors.push({ message: `data and bss (${dataEnd} bytes) do not fit in the data region (${DATA_REGION} bytes)` });
    return undefined;
  }
  const code = new Int32Array(codeLength);
  code.set(SIGRETURN_STUB, 0);
  const data = new Uint8Array(dataLength);
  const dataView = new DataView(data.buffer);
  const resolved = (obj: number, name: string): number => {
    const t = symbols.resolve(obj, name);
    const at = t === undefined ? undefined : address.get(t);
    if (t === undefined || at === undefined) throw new Error(`link: ${name} resolved to a dropped section`);
    return t.kind === 'func' ? TEXT_BASE + at : at;
  };
  const lines = new LineTable();
  const functions: FunctionSymbol[] = [];
  const globals: DataSymbol[] = [];
  for (const s of layout) {
    const base = address.get(s) ?? 0;
    if (s.kind === 'data') {
      if (s.def.bytes !== undefined) data.set(decodeBytes(s.def.bytes), base - DATA_BASE);
      for (const r of s.def.relocs) dataView.setInt32(base - DATA_BASE + r.offset, resolved(s.obj, r.symbol) + r.addend, true);
      if (!s.def.linkName.startsWith('.L')) globals.push({ name: s.def.name, addr: base, size: symbols.dataSize(s.def) });
      continue;
    }
    const f = s.def;
    code.set(f.code, base);
    rebaseJumps(code, base, base + f.code.length);
    for (const r of f.relocs) {
      const target = resolved(s.obj, r.symbol);
      if (r.kind === 'call' && symbols.resolve(s.obj, r.symbol)?.kind !== 'func') {
        errors.push({ message: `call to \`${r.symbol}', which is not a function`, ...lineOf(f, objects[s.obj], r.at), inFunction: f.name });
      }
      code[base + r.at] = r.kind === 'call' ? target - TEXT_BASE : target + r.addend;
    }
    functions.push({ name: f.name, start: base, end: base + f.code.length });
    lines.add(f, objects[s.obj], base);
  }
  const start = address.get(entry) ?? 0;
  return { code, data, bssSize: dataEnd - dataLength, entry: start, sigreturn: 0, functions, globals, files: lines.files, lines: Int32Array.from(lines.entries) };
}

/** The module's line table, with one file list shared by every object. */
class LineTable {
  readonly files: string[] = [];
  readonly entries: number[] = [];
  private readonly fileIndex = new Map<string, number>();

  add(f: ObjFunction, obj: ObjectFile, base: number): void {
    for (let i = 0; i < f.lines.length; i += 3) {
      const name = obj.files[f.lines[i + 1]];
      let index = this.fileIndex.get(name);
      if (index === undefined) {
        index = this.files.length;
        this.files.push(name);
        this.fileIndex.set(name, index);
      }
      this.entries.push(base + f.lines[i], index, f.lines[i + 2]);
    }
  }
}

/** Adds base to every jump operand (and JTAB table word) of the instructions in [base, end). */
function rebaseJumps(code: Int32Array, base: number, end: number): void {
  for (let pc = base; pc < end; pc += instructionLength(code, pc)) {
    const info = OPCODE_BY_CODE[code[pc]];
    if (info === undefined) throw new Error(`link: unknown opcode ${code[pc]} at ${pc}`);
    info.operands.forEach((kind, k) => {
      if (kind === 'jump') code[pc + 1 + k] += base;
    });
    if (code[pc] === Op.JTAB) for (let i = 0; i < code[pc + 2]; i++) code[pc + 4 + i] += base;
  }
}
