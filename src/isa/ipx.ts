// The `.ipx` file format: how a linked Module is stored on disk and read back.
//
// Layout, little endian throughout:
//   "IPX1"  u32 version  u32 flags (none defined: must be 0)  u32 section count
//   section table: count entries of (u32 id, u32 offset, u32 length), offsets from
//   the start of the file; every section must appear exactly once.
// Sections (id name: contents):
//   1 code:      i32 words                2 data:    raw bytes
//   3 bss:       u32 size                 4 entry:   u32 code index
//   5 sigreturn: i32 code index or -1     6 functions: u32 count, (string name, u32 start, u32 end)*
//   7 globals:   u32 count, (string name, u32 addr, u32 size)*
//   8 files:     u32 count, string*       9 lines:   i32 triples (code index, file, line)
// A string is a u32 byte length followed by that many bytes of UTF-8.
//
// Decoding is total: every offset, length and count is checked against the bytes
// that are actually there before it is used, so a hostile file yields a ModuleError,
// never a RangeError or an allocation larger than the file. Whether the decoded
// module makes sense (jump targets, symbol ranges...) is verify.ts's job.

import { MODULE_MAGIC, MODULE_VERSION, type DataSymbol, type FunctionSymbol, type Module } from './module.js';

/** A malformed module: `what` went wrong, `where` in the file or module. */
export class ModuleError extends Error {
  constructor(
    readonly what: string,
    readonly where: string,
  ) {
    super(`${what}, ${where}`);
    this.name = 'ModuleError';
  }
}

const SECTION_NAMES = ['code', 'data', 'bss', 'entry', 'sigreturn', 'functions', 'globals', 'files', 'lines'] as const;
type SectionName = (typeof SECTION_NAMES)[number];
const sectionId = (name: SectionName): number => SECTION_NAMES.indexOf(name) + 1;

const HEADER_BYTES = 16;
const SECTION_ENTRY_BYTES = 12;
/** Smallest encoding of one table entry: a string length plus two u32s. */
const SYMBOL_MIN_BYTES = 12;
const STRING_MIN_BYTES = 4;

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

// ---------------------------------------------------------------- encoding

class ByteWriter {
  private bytes = new Uint8Array(256);
  private view = new DataView(this.bytes.buffer);
  length = 0;

  private reserve(n: number): number {
    const at = this.length;
    if (at + n > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, at + n));
      grown.set(this.bytes.subarray(0, at));
      this.bytes = grown;
      this.view = new DataView(grown.buffer);
    }
    this.length = at + n;
    return at;
  }

  // reserve() may replace the buffer, so it runs before this.view/this.bytes is read.
  u32(value: number): void {
    const at = this.reserve(4);
    this.view.setUint32(at, value >>> 0, true);
  }

  i32(value: number): void {
    const at = this.reserve(4);
    this.view.setInt32(at, value | 0, true);
  }

  raw(bytes: Uint8Array): void {
    const at = this.reserve(bytes.length);
    this.bytes.set(bytes, at);
  }

  string(text: string): void {
    const encoded = utf8Encoder.encode(text);
    this.u32(encoded.length);
    this.raw(encoded);
  }

  patchU32(at: number, value: number): void {
    this.view.setUint32(at, value >>> 0, true);
  }

  result(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

function writeSection(w: ByteWriter, name: SectionName, m: Module): void {
  switch (name) {
    case 'code':
      for (const word of m.code) w.i32(word);
      return;
    case 'data':
      w.raw(m.data);
      return;
    case 'bss':
      w.u32(m.bssSize);
      return;
    case 'entry':
      w.u32(m.entry);
      return;
    case 'sigreturn':
      w.i32(m.sigreturn);
      return;
    case 'functions':
      w.u32(m.functions.length);
      for (const f of m.functions) {
        w.string(f.name);
        w.u32(f.start);
        w.u32(f.end);
      }
      return;
    case 'globals':
      w.u32(m.globals.length);
      for (const g of m.globals) {
        w.string(g.name);
        w.u32(g.addr);
        w.u32(g.size);
      }
      return;
    case 'files':
      w.u32(m.files.length);
      for (const f of m.files) w.string(f);
      return;
    case 'lines':
      for (const v of m.lines) w.i32(v);
      return;
    default: {
      const unreachable: never = name;
      throw new Error(`writeSection: unknown section ${String(unreachable)}`);
    }
  }
}

/** The `.ipx` bytes of a module (which should have passed verifyModule). */
export function encodeModule(m: Module): Uint8Array {
  const w = new ByteWriter();
  w.raw(utf8Encoder.encode(MODULE_MAGIC));
  w.u32(MODULE_VERSION);
  w.u32(0);
  w.u32(SECTION_NAMES.length);
  const tableAt = w.length;
  for (let i = 0; i < SECTION_NAMES.length * 3; i++) w.u32(0);
  SECTION_NAMES.forEach((name, i) => {
    const start = w.length;
    writeSection(w, name, m);
    const entryAt = tableAt + i * SECTION_ENTRY_BYTES;
    w.patchU32(entryAt, sectionId(name));
    w.patchU32(entryAt + 4, start);
    w.patchU32(entryAt + 8, w.length - start);
  });
  return w.result();
}

// ---------------------------------------------------------------- decoding

const hex = (n: number): string => `0x${n.toString(16)}`;

/** Reads a bounded window [pos, end) of the file; every read is checked first. */
class ByteReader {
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    readonly what: string,
    public pos: number,
    readonly end: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  fail(what: string, at = this.pos): never {
    throw new ModuleError(what, `at byte ${hex(at)}`);
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private take(n: number): number {
    if (n > this.remaining) this.fail(`unexpected end of ${this.what}`);
    const at = this.pos;
    this.pos += n;
    return at;
  }

  u32(): number {
    return this.view.getUint32(this.take(4), true);
  }

  i32(): number {
    return this.view.getInt32(this.take(4), true);
  }

  raw(n: number): Uint8Array {
    const at = this.take(n);
    return this.bytes.slice(at, at + n);
  }

  /** A u32 count of entries of at least `minBytes` each, capped by the bytes left. */
  count(what: string, minBytes: number): number {
    const at = this.pos;
    const n = this.u32();
    if (n > Math.floor(this.remaining / minBytes)) {
      this.fail(`${what} count ${n} exceeds what ${this.what} can hold`, at);
    }
    return n;
  }

  string(): string {
    const at = this.pos;
    const length = this.u32();
    if (length > this.remaining) this.fail(`string length ${length} runs past the end of ${this.what}`, at);
    try {
      return utf8Decoder.decode(this.raw(length));
    } catch {
      return this.fail('string is not valid UTF-8', at);
    }
  }

  expectEnd(): void {
    if (this.pos !== this.end) this.fail(`${this.end - this.pos} unused bytes at the end of ${this.what}`);
  }
}

interface SectionSpan {
  readonly offset: number;
  readonly length: number;
}

function readHeader(bytes: Uint8Array): Record<SectionName, SectionSpan> {
  const r: ByteReader = new ByteReader(bytes, 'the file header', 0, bytes.length);
  if (bytes.length < HEADER_BYTES) r.fail(`file too short for an ipx header (${bytes.length} bytes)`);
  const magic = String.fromCharCode(...r.raw(4));
  if (magic !== MODULE_MAGIC) r.fail(`bad magic ${JSON.stringify(magic)} (expected "${MODULE_MAGIC}")`, 0);
  const version = r.u32();
  if (version !== MODULE_VERSION) r.fail(`unsupported version ${version} (expected ${MODULE_VERSION})`, 4);
  const flags = r.u32();
  if (flags !== 0) r.fail(`unknown flags ${hex(flags)}`, 8);
  const count = r.u32();
  const table: ByteReader = new ByteReader(bytes, 'the section table', HEADER_BYTES, bytes.length);
  if (count > Math.floor(table.remaining / SECTION_ENTRY_BYTES)) {
    r.fail(`section table of ${count} entries runs past the end of the file`, 12);
  }
  const spans = new Map<SectionName, SectionSpan>();
  for (let i = 0; i < count; i++) {
    const at = table.pos;
    const id = table.u32();
    const offset = table.u32();
    const length = table.u32();
    const name: SectionName | undefined = SECTION_NAMES[id - 1];
    if (name === undefined) table.fail(`unknown section id ${id}`, at);
    if (spans.has(name)) table.fail(`duplicate section '${name}'`, at);
    if (offset > bytes.length || length > bytes.length - offset) {
      table.fail(`section '${name}' extends past end of file (offset ${hex(offset)}, length ${hex(length)})`, at);
    }
    spans.set(name, { offset, length });
  }
  const complete = {} as Record<SectionName, SectionSpan>;
  for (const name of SECTION_NAMES) {
    const span = spans.get(name);
    if (span === undefined) table.fail(`missing section '${name}'`, HEADER_BYTES);
    complete[name] = span;
  }
  return complete;
}

function readSymbols<T>(r: ByteReader, what: string, make: (name: string, a: number, b: number) => T): T[] {
  const n = r.count(what, SYMBOL_MIN_BYTES);
  const symbols: T[] = [];
  for (let i = 0; i < n; i++) {
    const name = r.string();
    const a = r.u32();
    const b = r.u32();
    symbols.push(make(name, a, b));
  }
  return symbols;
}

function readWords(r: ByteReader, wordsPerEntry: number): Int32Array {
  const entryBytes = 4 * wordsPerEntry;
  if (r.remaining % entryBytes !== 0) {
    r.fail(`${r.what} holds ${r.remaining} bytes, not a whole number of ${entryBytes}-byte entries`);
  }
  const words = new Int32Array(r.remaining / 4);
  for (let i = 0; i < words.length; i++) words[i] = r.i32();
  return words;
}

/** Parses `.ipx` bytes; throws ModuleError naming the problem and its byte offset. */
export function decodeModule(bytes: Uint8Array): Module {
  const spans = readHeader(bytes);
  const read = <T>(name: SectionName, parse: (r: ByteReader) => T): T => {
    const { offset, length } = spans[name];
    const r = new ByteReader(bytes, `section '${name}'`, offset, offset + length);
    const value = parse(r);
    r.expectEnd();
    return value;
  };
  return {
    code: read('code', (r) => readWords(r, 1)),
    data: read('data', (r) => r.raw(r.remaining)),
    bssSize: read('bss', (r) => r.u32()),
    entry: read('entry', (r) => r.u32()),
    sigreturn: read('sigreturn', (r) => r.i32()),
    functions: read('functions', (r) =>
      readSymbols<FunctionSymbol>(r, 'function', (name, start, end) => ({ name, start, end })),
    ),
    globals: read('globals', (r) => readSymbols<DataSymbol>(r, 'global', (name, addr, size) => ({ name, addr, size }))),
    files: read('files', (r) => {
      const n = r.count('file', STRING_MIN_BYTES);
      const files: string[] = [];
      for (let i = 0; i < n; i++) files.push(r.string());
      return files;
    }),
    lines: read('lines', (r) => readWords(r, 3)),
  };
}
