// The disassembler (`ipcvm disasm`), in the manner of clox's debug.c: one line per
// instruction, operands decoded by their kind in the opcode table, and the source
// line printed whenever it changes. It reads modules that may not have passed the
// verifier (that is when a listing is most wanted), so it never trusts an operand:
// unknown opcodes print as `.word`, a truncated instruction ends the listing.
//
//   == main ==
//   --- prog.c
//     12 | x = y + 1;
//     0x001a  LLI      [bp-8]
//     0x001c  IMM      134217732  ; &counter
//     0x001e  CALL     -> 0x0100 <printf>
//     0x0020  SYS      write (4)

import { DATA_BASE, TEXT_BASE } from './abi.js';
import type { DataSymbol, FunctionSymbol, Module } from './module.js';
import { OPCODE_BY_CODE, type OperandKind } from './opcodes.js';
import { SYSCALL_BY_NR } from '../kernel/syscall-table.js';

/** Longest string literal shown in an operand hint before it is cut with "...". */
const STRING_HINT_MAX = 40;
/** How far to look for the NUL that ends a string literal. */
const STRING_SCAN_MAX = 256;

const hex4 = (n: number): string => `0x${n.toString(16).padStart(4, '0')}`;

function escapeChar(byte: number, quote: string): string {
  switch (byte) {
    case 0x0a:
      return '\\n';
    case 0x09:
      return '\\t';
    case 0x0d:
      return '\\r';
    case 0x5c:
      return '\\\\';
    default: {
      const c = String.fromCharCode(byte);
      return c === quote ? `\\${c}` : c;
    }
  }
}

const isStringByte = (b: number): boolean => (b >= 0x20 && b < 0x7f) || b === 0x0a || b === 0x09 || b === 0x0d;

/** Symbols and source text, looked up while the listing is built. */
class Listing {
  private readonly functionByStart = new Map<number, FunctionSymbol>();
  private readonly globals: DataSymbol[];
  private readonly sourceLines = new Map<string, string[] | undefined>();
  private readonly out: string[] = [];
  private lastSourceKey = '';
  private lastFileMarker: string | undefined;

  constructor(
    private readonly m: Module,
    private readonly sourceOf?: (file: string) => string | undefined,
  ) {
    for (const f of m.functions) if (!this.functionByStart.has(f.start)) this.functionByStart.set(f.start, f);
    this.globals = [...m.globals].sort((x, y) => x.addr - y.addr);
  }

  run(): string {
    const m = this.m;
    const entry = this.functionByStart.get(m.entry);
    const summary = [
      `; entry ${hex4(m.entry)}${entry ? ` <${entry.name}>` : ''}`,
      `code ${m.code.length} words`,
      `data ${m.data.length} bytes`,
      `bss ${m.bssSize} bytes`,
    ];
    if (m.sigreturn !== -1) summary.push(`sigreturn ${hex4(m.sigreturn)}`);
    this.out.push(summary.join(', '));

    let pc = 0;
    let regionEnd = 0;
    while (pc < m.code.length) {
      const f = this.functionByStart.get(pc);
      if (f) {
        this.header(f.name);
        regionEnd = f.end;
      } else if (pc >= regionEnd) {
        this.header('(no function)');
        regionEnd = m.code.length;
      }
      this.sourceLine(pc);
      pc = this.instruction(pc);
    }
    return `${this.out.join('\n')}\n`;
  }

  private header(name: string): void {
    this.out.push('', `== ${name} ==`);
    this.lastSourceKey = '';
  }

  /** Index of the line-table triple covering pc (the last one at or before it), or -1. */
  private lineEntryAt(pc: number): number {
    const lines = this.m.lines;
    let lo = 0;
    let hi = Math.floor(lines.length / 3) - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (lines[mid * 3] <= pc) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private sourceLine(pc: number): void {
    const entry = this.lineEntryAt(pc);
    if (entry < 0) return;
    const fileIndex = this.m.lines[entry * 3 + 1];
    const line = this.m.lines[entry * 3 + 2];
    const key = `${fileIndex}:${line}`;
    if (key === this.lastSourceKey) return;
    this.lastSourceKey = key;
    const file = this.m.files[fileIndex] ?? `<file ${fileIndex}>`;
    const text = this.textOf(file)?.[line - 1];
    if (text === undefined) {
      this.out.push(`  ${file}:${line}`);
      return;
    }
    if (file !== this.lastFileMarker) {
      this.out.push(`--- ${file}`);
      this.lastFileMarker = file;
    }
    this.out.push(`${String(line).padStart(4)} | ${text.trim()}`);
  }

  private textOf(file: string): string[] | undefined {
    if (!this.sourceLines.has(file)) this.sourceLines.set(file, this.sourceOf?.(file)?.split(/\r?\n/));
    return this.sourceLines.get(file);
  }

  /** Prints the instruction at pc and returns the index of the next one. */
  private instruction(pc: number): number {
    const code = this.m.code;
    const info = OPCODE_BY_CODE[code[pc]];
    if (info === undefined) {
      this.emit(pc, '.word', `${code[pc]}`);
      return pc + 1;
    }
    if (pc + 1 + info.operands.length > code.length) {
      this.emit(pc, info.name, '<operands past the end of the code>');
      return code.length;
    }
    const operands: string[] = [];
    const hints: string[] = [];
    info.operands.forEach((kind, k) => {
      const value = code[pc + 1 + k];
      operands.push(this.operand(kind, value));
      if (kind === 'imm') hints.push(...this.immHints(value));
    });
    this.emit(pc, info.name, operands.join(', ') + (hints.length > 0 ? `  ; ${hints.join(' ')}` : ''));
    if (info.name !== 'JTAB') return pc + 1 + info.operands.length;

    const lo = code[pc + 1];
    const tableStart = pc + 4;
    const rows = Math.max(0, Math.min(code[pc + 2], code.length - tableStart));
    for (let i = 0; i < rows; i++) {
      this.emit(tableStart + i, 'case', `${(lo + i) | 0} ${this.target(code[tableStart + i])}`);
    }
    return tableStart + rows;
  }

  private emit(pc: number, mnemonic: string, operands: string): void {
    this.out.push(`  ${hex4(pc)}  ${mnemonic.padEnd(8)} ${operands}`.trimEnd());
  }

  private operand(kind: OperandKind, value: number): string {
    switch (kind) {
      case 'imm':
      case 'size':
        return `${value}`;
      case 'local':
        return value < 0 ? `[bp-${-value}]` : `[bp+${value}]`;
      case 'jump':
      case 'func':
        return this.target(value);
      case 'sys':
        return `${SYSCALL_BY_NR.get(value)?.name ?? '?'} (${value})`;
      default: {
        const unreachable: never = kind;
        throw new Error(`disassemble: unknown operand kind ${String(unreachable)}`);
      }
    }
  }

  private target(index: number): string {
    const f = this.functionByStart.get(index);
    return f ? `-> ${hex4(index >>> 0)} <${f.name}>` : `-> ${hex4(index >>> 0)}`;
  }

  /** What a constant may stand for: a function pointer, a global's address, a string, a char. */
  private immHints(value: number): string[] {
    const address = value >>> 0;
    const hints: string[] = [];
    const f = this.functionByStart.get(address - TEXT_BASE);
    if (f) hints.push(`<${f.name}>`);
    const g = this.globalAt(address);
    if (g) hints.push(address === g.addr ? `&${g.name}` : `&${g.name}+${address - g.addr}`);
    const text = this.stringAt(address, g);
    if (text !== undefined) hints.push(text);
    if (hints.length > 0) return hints;
    if (value >= 0x20 && value < 0x7f) return [`'${escapeChar(value, "'")}'`];
    if (value >= 0x100 || value <= -0x100) return [hex4(address)];
    return [];
  }

  private globalAt(address: number): DataSymbol | undefined {
    let lo = 0;
    let hi = this.globals.length - 1;
    let candidate: DataSymbol | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.globals[mid].addr <= address) {
        candidate = this.globals[mid];
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    if (!candidate) return undefined;
    const inside = address < candidate.addr + candidate.size || address === candidate.addr;
    return inside ? candidate : undefined;
  }

  /** The NUL-terminated printable text at a data address, quoted, if there is one; when
   *  the address lies in a global, the NUL must be its last byte (so an int is no string). */
  private stringAt(address: number, within: DataSymbol | undefined): string | undefined {
    const data = this.m.data;
    const start = address - DATA_BASE;
    if (start < 0 || start >= data.length) return undefined;
    const limit = Math.min(data.length, start + STRING_SCAN_MAX);
    let end = start;
    while (end < limit && data[end] !== 0) {
      if (!isStringByte(data[end])) return undefined;
      end++;
    }
    if (end === start || end === limit) return undefined;
    if (within && DATA_BASE + end + 1 !== within.addr + within.size) return undefined;
    const shown = data.subarray(start, Math.min(end, start + STRING_HINT_MAX));
    const body = Array.from(shown, (b) => escapeChar(b, '"')).join('');
    return `"${body}"${end - start > STRING_HINT_MAX ? '...' : ''}`;
  }
}

/** A readable listing of the module; sourceOf supplies a source file's text for line display. */
export function disassemble(m: Module, sourceOf?: (file: string) => string | undefined): string {
  return new Listing(m, sourceOf).run();
}
