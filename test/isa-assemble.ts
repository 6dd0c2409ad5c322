// A tiny assembler for the isa tests: builds a Module from functions written as
// [mnemonic, ...operands] tuples, reading operand counts from the opcode table.
// A string item "name:" defines a label; a string operand names a label or a
// function (resolved to its code index). JTAB takes its n table targets after its
// three operands: ['JTAB', lo, n, default, t0, t1, ...].

import type { Module } from '../src/isa/module.js';
import { OPCODES, type OpcodeInfo } from '../src/isa/opcodes.js';

export type Operand = number | string;
export type Item = string | readonly [string, ...Operand[]];

const OPCODE_BY_NAME = new Map<string, OpcodeInfo>(OPCODES.map((o) => [o.name, o]));

export function opcode(name: string): number {
  const info = OPCODE_BY_NAME.get(name);
  if (!info) throw new Error(`assemble: unknown mnemonic ${name}`);
  return info.code;
}

function wordsOf(item: readonly [string, ...Operand[]]): number {
  const [name, ...operands] = item;
  const info = OPCODE_BY_NAME.get(name);
  if (!info) throw new Error(`assemble: unknown mnemonic ${name}`);
  const expected = info.name === 'JTAB' ? 3 + Number(operands[1]) : info.operands.length;
  if (operands.length !== expected) throw new Error(`assemble: ${name} takes ${expected} operands`);
  return 1 + operands.length;
}

/** Assembles functions (in order) into a module; `extra` overrides any field. */
export function assemble(functions: Record<string, Item[]>, extra: Partial<Module> = {}): Module {
  const labels = new Map<string, number>();
  const symbols: Module['functions'] = [];
  let pc = 0;
  for (const [name, body] of Object.entries(functions)) {
    labels.set(name, pc);
    const start = pc;
    for (const item of body) {
      if (typeof item === 'string') labels.set(item.replace(/:$/, ''), pc);
      else pc += wordsOf(item);
    }
    symbols.push({ name, start, end: pc });
  }
  const code = new Int32Array(pc);
  pc = 0;
  for (const body of Object.values(functions)) {
    for (const item of body) {
      if (typeof item === 'string') continue;
      const [name, ...operands] = item;
      code[pc++] = opcode(name);
      for (const operand of operands) {
        const value = typeof operand === 'number' ? operand : labels.get(operand);
        if (value === undefined) throw new Error(`assemble: unknown label ${String(operand)}`);
        code[pc++] = value;
      }
    }
  }
  return {
    code,
    data: new Uint8Array(0),
    bssSize: 0,
    entry: 0,
    sigreturn: -1,
    functions: symbols,
    globals: [],
    files: [],
    lines: new Int32Array(0),
    ...extra,
  };
}

/** mulberry32: a small seeded PRNG, so fuzz failures reproduce. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SAMPLE_DATA_BASE = 0x08000000;

/** A small module touching every section: calls, a loop, a switch table, data and bss
 *  symbols, a signal-return trampoline, and a line table over one source file. */
export function sampleModule(): Module {
  const data = new Uint8Array(12);
  data.set(new TextEncoder().encode('hello\n\0'), 0);
  new DataView(data.buffer).setInt32(8, 42, true);
  const m = assemble({
    _start: [
      ['ENT', 0],
      ['CALL', 'main'],
      ['PSH'],
      ['SYS', 1],
      ['LEV'],
    ],
    main: [
      ['ENT', 8],
      ['IMM', 0],
      ['SLI', -4],
      'loop:',
      ['LLI', -4],
      ['PSH'],
      ['IMM', 10],
      ['LT'],
      ['JZ', 'done'],
      ['INCL', -4, 1],
      ['JMP', 'loop'],
      'done:',
      ['PLI', 8],
      ['LLI', -4],
      ['JTAB', 9, 2, 'other', 'nine', 'ten'],
      'nine:',
      ['IMM', SAMPLE_DATA_BASE],
      ['LEV'],
      'ten:',
      ['IMM', SAMPLE_DATA_BASE + 8],
      ['LEV'],
      'other:',
      ['PIMM', 'A'.charCodeAt(0)],
      ['PIMM', 4096],
      ['ADJ', 8],
      ['IMM', 0],
      ['LEV'],
    ],
    __sigreturn: [
      ['SYS', 173],
      ['JMP', '__sigreturn'],
    ],
  });
  const sigreturn = m.functions[2].start;
  return {
    ...m,
    data,
    bssSize: 4,
    sigreturn,
    globals: [
      { name: 'greeting', addr: SAMPLE_DATA_BASE, size: 7 },
      { name: 'counter', addr: SAMPLE_DATA_BASE + 8, size: 4 },
      { name: 'buffer', addr: SAMPLE_DATA_BASE + 12, size: 4 },
    ],
    files: ['prog.c'],
    // (code index, file, line): _start is line 1, main's body lines 3..7
    lines: new Int32Array([0, 0, 1, m.functions[1].start, 0, 3, m.functions[1].start + 2, 0, 4, m.functions[1].start + 6, 0, 5, m.functions[1].start + 22, 0, 6, sigreturn, 0, 9]),
  };
}
