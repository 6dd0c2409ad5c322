// Object files: what the code generator makes of one translation unit and the
// linker consumes. Each function and each data object is a separate section with
// its own relocations, so the linker can lay them out independently and drop the
// ones nothing reachable refers to. Objects are plain JSON (code as numbers, bytes
// as base64) so the compiled C library can be cached on disk (cache.ts).
//
// Symbols: every definition and reference is by link name. A `local` definition
// (a static function or object, a string literal) is visible only inside its
// object and wins over a global of the same name there. Names starting with ".L"
// (string literals) are never put in the module's symbol table, as with ELF.
//
// Code inside a function is position independent except for relocations: `jump`
// operands (and JTAB table words) are indexes relative to the function's first
// word, which the linker rebases; CALL operands and absolute addresses are
// relocations by name.

/** Bumped whenever the object layout changes (old cache entries then fail to parse). */
export const OBJECT_FORMAT_VERSION = 1;

/** `call`: the operand becomes the code index of the named function (CALL).
 *  `addr`: the operand becomes the guest address of the symbol plus addend (IMM). */
export type CodeRelocKind = 'call' | 'addr';

export interface CodeReloc {
  /** Word index inside the function's code. */
  at: number;
  kind: CodeRelocKind;
  symbol: string;
  addend: number;
}

export interface DataReloc {
  /** Byte offset inside the object's initial bytes: a 32-bit word to fill in. */
  offset: number;
  symbol: string;
  addend: number;
}

export interface ObjFunction {
  /** The C name (shown in symbol tables and traces). */
  name: string;
  linkName: string;
  local: boolean;
  file: string;
  line: number;
  code: number[];
  relocs: CodeReloc[];
  /** Triples (word index inside code, index into ObjectFile.files, line). */
  lines: number[];
}

export interface ObjData {
  name: string;
  linkName: string;
  local: boolean;
  file: string;
  line: number;
  size: number;
  align: number;
  /** Initial bytes (base64, exactly `size` bytes); absent for a zero-filled (bss) object. */
  bytes?: string;
  relocs: DataReloc[];
  /** A tentative definition (`int x;` at file scope): merges with others and yields to a real one. */
  common: boolean;
}

export interface ObjectFile {
  format: number;
  /** The translation unit's main source file. */
  source: string;
  files: string[];
  functions: ObjFunction[];
  data: ObjData[];
}

/** Names this object defines globally and global names it refers to but does not define. */
export function objectSymbols(obj: ObjectFile): { defines: string[]; needs: string[] } {
  const defined = new Set<string>();
  const globals: string[] = [];
  for (const def of [...obj.functions, ...obj.data]) {
    defined.add(def.linkName);
    if (!def.local) globals.push(def.linkName);
  }
  const needs = new Set<string>();
  for (const f of obj.functions) for (const r of f.relocs) if (!defined.has(r.symbol)) needs.add(r.symbol);
  for (const d of obj.data) for (const r of d.relocs) if (!defined.has(r.symbol)) needs.add(r.symbol);
  return { defines: globals, needs: [...needs] };
}

export function encodeBytes(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export function decodeBytes(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

export function serializeObject(obj: ObjectFile): string {
  return JSON.stringify(obj);
}

/** Parses and shape-checks an object; throws Error on anything malformed. */
export function parseObject(json: unknown): ObjectFile {
  const obj = (typeof json === 'string' ? JSON.parse(json) : json) as ObjectFile;
  const fail = (what: string): never => {
    throw new Error(`malformed object: ${what}`);
  };
  if (typeof obj !== 'object' || obj === null) fail('not an object');
  if (obj.format !== OBJECT_FORMAT_VERSION) fail(`format ${String(obj.format)}`);
  if (typeof obj.source !== 'string' || !isStringArray(obj.files)) fail('source/files');
  if (!Array.isArray(obj.functions) || !Array.isArray(obj.data)) fail('sections');
  for (const f of obj.functions) {
    if (!isSymbolHeader(f) || !isIntArray(f.code) || !isIntArray(f.lines) || f.lines.length % 3 !== 0) {
      fail('function');
    }
    if (!Array.isArray(f.relocs) || !f.relocs.every((r) => isCodeReloc(r, f.code.length))) fail(`relocation in ${f.name}`);
    for (let i = 0; i < f.lines.length; i += 3) if (f.lines[i + 1] >= obj.files.length) fail(`line table of ${f.name}`);
  }
  for (const d of obj.data) {
    if (!isSymbolHeader(d) || !isCount(d.size) || !isCount(d.align) || d.align < 1 || typeof d.common !== 'boolean') {
      fail('data');
    }
    if (d.bytes !== undefined && (typeof d.bytes !== 'string' || decodeBytes(d.bytes).length !== d.size)) fail(`bytes of ${d.name}`);
    const ok = Array.isArray(d.relocs) && d.relocs.every((r) => isDataReloc(r, d.bytes === undefined ? 0 : d.size));
    if (!ok) fail(`relocation in ${d.name}`);
  }
  return obj;
}

function isSymbolHeader(s: Partial<ObjFunction | ObjData>): boolean {
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.name === 'string' &&
    typeof s.linkName === 'string' &&
    s.linkName !== '' &&
    typeof s.local === 'boolean' &&
    typeof s.file === 'string' &&
    isCount(s.line)
  );
}

function isCodeReloc(r: CodeReloc, codeLength: number): boolean {
  return (
    (r.kind === 'call' || r.kind === 'addr') &&
    isCount(r.at) &&
    r.at < codeLength &&
    typeof r.symbol === 'string' &&
    Number.isInteger(r.addend)
  );
}

function isDataReloc(r: DataReloc, size: number): boolean {
  return isCount(r.offset) && r.offset + 4 <= size && typeof r.symbol === 'string' && Number.isInteger(r.addend);
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

function isIntArray(a: unknown): a is number[] {
  return Array.isArray(a) && a.every((n) => typeof n === 'number' && Number.isInteger(n));
}

function isStringArray(a: unknown): a is string[] {
  return Array.isArray(a) && a.every((s) => typeof s === 'string');
}
