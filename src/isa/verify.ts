// The module verifier: the guard between a module (compiled or read from a possibly
// hostile .ipx file) and the interpreter. A module that passes cannot make the
// dispatch loop read outside its code array or dispatch a non-opcode; everything
// left (memory accesses, return addresses, CALLI targets, syscall numbers) is
// checked at run time by the MMU, the LEV/CALLI traps and the kernel.
//
// Rules, checked in this order; the first broken one throws ModuleError:
//   1. 0 < code.length < 2^24 words.
//   2. Walking from 0, each instruction's opcode word is in the opcode table and its
//      operand words (and a JTAB's table, 0 <= n <= 2^24 entries) lie inside the code.
//      The last instruction is an unconditional transfer (JMP, JTAB or LEV), so no
//      path runs past the end of the code.
//   3. Function table: non-empty printable names; 0 <= start < end <= code.length;
//      start and end are instruction boundaries; no two ranges overlap.
//   4. Operands: `jump` (and every JTAB table word) is an instruction start; `func` is
//      a function start; `size` is in 0..2^24; `imm`, `local`, `sys` are any int32.
//   5. entry is a function start; sigreturn is -1 or a `SYS rt_sigreturn` instruction.
//   6. data.length + bssSize fits between DATA_BASE and MMAP_BASE; each global has a
//      non-empty printable name and lies inside data + bss.
//   7. File names are printable; line table: whole triples, code indexes inside the
//      code and non-decreasing, file indexes valid, line numbers >= 1.
// "Printable" means no control characters, so names can be echoed to a terminal.

import { DATA_BASE, MMAP_BASE } from './abi.js';
import { ModuleError } from './ipx.js';
import type { Module } from './module.js';
import { OPCODE_BY_CODE, instructionLength } from './opcodes.js';
import { SYSCALLS } from '../kernel/syscall-table.js';

export const MAX_CODE_WORDS = 1 << 24;
export const MAX_SIZE_OPERAND = 1 << 24;
const UNCONDITIONAL_TRANSFERS: ReadonlySet<string> = new Set(['JMP', 'JTAB', 'LEV']);
const RT_SIGRETURN_NR: number | undefined = SYSCALLS.find((s) => s.name === 'rt_sigreturn')?.nr;

const hex = (n: number): string => `0x${n.toString(16).padStart(4, '0')}`;
const isIndex = (n: number, endExclusive: number): boolean => Number.isInteger(n) && n >= 0 && n < endExclusive;
const hasControlChars = (s: string): boolean => /[\u0000-\u001f\u007f-\u009f]/.test(s);
/** A name for a message: as is when it looks like an identifier, else quoted and cut short. */
const shown = (name: string): string =>
  /^[\w.$]{1,64}$/.test(name) ? name : JSON.stringify(name.length > 64 ? `${name.slice(0, 64)}...` : name);

function codeError(m: Module, pc: number, what: string): ModuleError {
  const f = m.functions.find((fn) => fn.start <= pc && pc < fn.end);
  return new ModuleError(what, f ? `at code ${hex(pc)} (in function ${shown(f.name)})` : `at code ${hex(pc)}`);
}

/** Pass 1: marks instruction starts (and code.length), checking opcodes and that operands fit. */
function findInstructionStarts(m: Module): Uint8Array {
  const code = m.code;
  const starts = new Uint8Array(code.length + 1);
  let pc = 0;
  let lastPc = 0;
  while (pc < code.length) {
    const info = OPCODE_BY_CODE[code[pc]];
    if (info === undefined) throw codeError(m, pc, `unknown opcode ${code[pc]}`);
    if (pc + 1 + info.operands.length > code.length) {
      throw codeError(m, pc, `${info.name} operands run past the end of the code`);
    }
    if (info.name === 'JTAB') {
      const n = code[pc + 2];
      if (n < 0 || n > MAX_SIZE_OPERAND) throw codeError(m, pc, `JTAB table size ${n} out of range 0..${MAX_SIZE_OPERAND}`);
      if (pc + 4 + n > code.length) throw codeError(m, pc, `JTAB table of ${n} entries runs past the end of the code`);
    }
    starts[pc] = 1;
    lastPc = pc;
    pc += instructionLength(code, pc);
  }
  starts[code.length] = 1;
  const last = OPCODE_BY_CODE[code[lastPc]];
  if (last !== undefined && !UNCONDITIONAL_TRANSFERS.has(last.name)) {
    throw codeError(m, lastPc, `code ends with ${last.name}, which can run past the end of the code (must be JMP, JTAB or LEV)`);
  }
  return starts;
}

function checkFunctionTable(m: Module, starts: Uint8Array): void {
  const n = m.code.length;
  m.functions.forEach((f, i) => {
    const fail = (what: string): never => {
      throw new ModuleError(what, `in function table entry ${i}`);
    };
    if (f.name === '') fail('function name is empty');
    if (hasControlChars(f.name)) fail(`function name ${shown(f.name)} contains control characters`);
    if (!isIndex(f.start, n) || !isIndex(f.end, n + 1) || f.end <= f.start) {
      fail(`function ${shown(f.name)} range ${f.start}..${f.end} is not inside the code (${n} words)`);
    }
    if (!starts[f.start]) fail(`function ${shown(f.name)} starts inside an instruction (${hex(f.start)})`);
    if (!starts[f.end]) fail(`function ${shown(f.name)} ends inside an instruction (${hex(f.end)})`);
  });
  const byStart = m.functions.map((f, index) => ({ f, index })).sort((x, y) => x.f.start - y.f.start);
  for (let k = 1; k < byStart.length; k++) {
    const prev = byStart[k - 1];
    const cur = byStart[k];
    if (cur.f.start < prev.f.end) {
      throw new ModuleError(
        `function ${shown(cur.f.name)} overlaps function ${shown(prev.f.name)}`,
        `in function table entry ${cur.index}`,
      );
    }
  }
}

function checkJumpTarget(m: Module, starts: Uint8Array, pc: number, target: number): void {
  if (!isIndex(target, m.code.length)) throw codeError(m, pc, `jump target ${target} is outside the code`);
  if (!starts[target]) throw codeError(m, pc, `jump target ${hex(target)} is not an instruction start`);
}

/** Pass 2: operand values, now that instruction starts and function entries are known. */
function checkOperands(m: Module, starts: Uint8Array, entries: ReadonlySet<number>): void {
  const code = m.code;
  for (let pc = 0; pc < code.length; pc += instructionLength(code, pc)) {
    const info = OPCODE_BY_CODE[code[pc]];
    if (info === undefined) throw new Error(`checkOperands: unknown opcode at ${pc} after pass 1`);
    for (let k = 0; k < info.operands.length; k++) {
      const kind = info.operands[k];
      const value = code[pc + 1 + k];
      switch (kind) {
        case 'jump':
          checkJumpTarget(m, starts, pc, value);
          break;
        case 'func':
          if (!entries.has(value)) throw codeError(m, pc, `call target ${value} is not a function entry`);
          break;
        case 'size':
          if (value < 0 || value > MAX_SIZE_OPERAND) {
            throw codeError(m, pc, `size operand ${value} out of range 0..${MAX_SIZE_OPERAND}`);
          }
          break;
        case 'imm':
        case 'local':
        case 'sys':
          break;
        default: {
          const unreachable: never = kind;
          throw new Error(`checkOperands: unknown operand kind ${String(unreachable)}`);
        }
      }
    }
    if (info.name === 'JTAB') {
      const n = code[pc + 2];
      for (let i = 0; i < n; i++) checkJumpTarget(m, starts, pc, code[pc + 4 + i]);
    }
  }
}

function checkEntryPoints(m: Module, starts: Uint8Array, entries: ReadonlySet<number>): void {
  if (!entries.has(m.entry)) throw new ModuleError(`entry ${m.entry} is not a function start`, 'in module header');
  if (m.sigreturn === -1) return;
  if (!isIndex(m.sigreturn, m.code.length) || !starts[m.sigreturn]) {
    throw new ModuleError(`sigreturn ${m.sigreturn} is not an instruction start`, 'in module header');
  }
  if (OPCODE_BY_CODE[m.code[m.sigreturn]]?.name !== 'SYS' || m.code[m.sigreturn + 1] !== RT_SIGRETURN_NR) {
    throw new ModuleError(`sigreturn ${hex(m.sigreturn)} is not a SYS rt_sigreturn instruction`, 'in module header');
  }
}

function checkData(m: Module): void {
  const region = MMAP_BASE - DATA_BASE;
  if (!isIndex(m.bssSize, region + 1)) {
    throw new ModuleError(`bss size ${m.bssSize} out of range 0..${region}`, 'in module header');
  }
  const dataEnd = DATA_BASE + m.data.length + m.bssSize;
  if (dataEnd > MMAP_BASE) {
    throw new ModuleError(
      `data (${m.data.length} bytes) and bss (${m.bssSize} bytes) exceed the data region (${region} bytes)`,
      'in module header',
    );
  }
  m.globals.forEach((g, i) => {
    const fail = (what: string): never => {
      throw new ModuleError(what, `in global table entry ${i}`);
    };
    if (g.name === '') fail('global name is empty');
    if (hasControlChars(g.name)) fail(`global name ${shown(g.name)} contains control characters`);
    const inside = isIndex(g.addr - DATA_BASE, dataEnd - DATA_BASE + 1) && isIndex(g.size, dataEnd - g.addr + 1);
    if (!inside) {
      fail(
        `global ${shown(g.name)} at 0x${g.addr.toString(16)} size ${g.size} lies outside data and bss ` +
          `(0x${DATA_BASE.toString(16)}..0x${dataEnd.toString(16)})`,
      );
    }
  });
}

function checkLines(m: Module): void {
  m.files.forEach((name, i) => {
    if (hasControlChars(name)) throw new ModuleError(`file name ${shown(name)} contains control characters`, `in file table entry ${i}`);
  });
  const lines = m.lines;
  if (lines.length % 3 !== 0) {
    throw new ModuleError(`line table length ${lines.length} is not a multiple of 3`, 'in line table');
  }
  for (let i = 0; i < lines.length; i += 3) {
    const fail = (what: string): never => {
      throw new ModuleError(what, `in line table entry ${i / 3}`);
    };
    const [pc, file, line] = [lines[i], lines[i + 1], lines[i + 2]];
    if (!isIndex(pc, m.code.length)) fail(`code index ${pc} is outside the code`);
    if (i > 0 && pc < lines[i - 3]) fail(`code index ${hex(pc)} comes after ${hex(lines[i - 3])} (not sorted)`);
    if (!isIndex(file, m.files.length)) fail(`file index ${file} is not below the file count ${m.files.length}`);
    if (line < 1) fail(`line number ${line} is below 1`);
  }
}

/** Throws ModuleError("<what>, <where>") on the first rule (see header) the module breaks. */
export function verifyModule(m: Module): void {
  const n = m.code.length;
  if (n === 0) throw new ModuleError('code is empty', "in section 'code'");
  if (n >= MAX_CODE_WORDS) throw new ModuleError(`code has ${n} words (limit ${MAX_CODE_WORDS - 1})`, "in section 'code'");
  const starts = findInstructionStarts(m);
  checkFunctionTable(m, starts);
  const entries = new Set(m.functions.map((f) => f.start));
  checkOperands(m, starts, entries);
  checkEntryPoints(m, starts, entries);
  checkData(m);
  checkLines(m);
}
