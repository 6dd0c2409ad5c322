// The operand forms of the binary operators (immediate `MULI k`, word local `MULL off`,
// compare-and-branch `JLTI k t` / `JLTL off t`) against the stack forms they replace,
// in the interpreter; and the code generator choosing them (with the `&global + i`
// address immediate and the dropped `SLI x; LLI x` reload).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../src/compiler/driver.js';
import type { Module } from '../src/isa/module.js';
import { OPCODE_BY_CODE, OPCODES, instructionLength } from '../src/isa/opcodes.js';
import { Trap } from '../src/vm/cpu.js';
import { rng, tieredMachine } from './jit-helpers.js';
import { run } from './vm-helpers.js';

const BINARY = ['ADD', 'SUB', 'MUL', 'DIV', 'DIVU', 'MOD', 'MODU', 'AND', 'OR', 'XOR', 'SHL', 'SHR', 'SHRU', 'EQ', 'NE', 'LT', 'LE', 'GT', 'GE', 'LTU', 'LEU', 'GTU', 'GEU'];
const COMPARE = new Set(['EQ', 'NE', 'LT', 'LE', 'GT', 'GE', 'LTU', 'LEU', 'GTU', 'GEU']);
const NAMES = new Set(OPCODES.map((o) => o.name as string));
const EDGES = [0, 1, -1, 2, 31, 32, 33, -32, 0x7fffffff, -0x80000000, 0x12345678];

/** Runs main (interpreter only) and returns the trap and a. */
function result(body: string): [Trap, number] {
  const m = tieredMachine(`.func main\n ENT 4\n${body}\n SYS 1`, 'off');
  const trap = run(m);
  return [trap, trap === Trap.SYSCALL ? m.cpu.a : 0];
}

describe('operator forms in the interpreter', () => {
  it('every immediate and local form computes what the stack form computes', () => {
    const random = rng(7);
    const pairs: [number, number][] = [];
    for (const l of EDGES) for (const r of EDGES) pairs.push([l, r]);
    for (let i = 0; i < 12; i++) pairs.push([(random() * 2 ** 32) | 0, (random() * 2 ** 32) | 0]);
    for (const op of BINARY) {
      for (const [l, r] of pairs) {
        const stack = result(`IMM ${l}\n PSH\n IMM ${r}\n ${op}`);
        const local = result(`IMM ${r}\n SLI -4\n IMM ${l}\n ${op}L -4`);
        expect(local, `${op}L ${l} ${r}`).toEqual(stack);
        if (NAMES.has(`${op}I`)) expect(result(`IMM ${l}\n ${op}I ${r}`), `${op}I ${l} ${r}`).toEqual(stack);
        if (!COMPARE.has(op)) continue;
        const branch = (test: string): [Trap, number] => result(`${test}\n IMM 0\n SYS 1\n yes:\n IMM 1`);
        expect(branch(`IMM ${l}\n J${op}I ${r} yes`), `J${op}I ${l} ${r}`).toEqual(stack);
        expect(branch(`IMM ${r}\n SLI -4\n IMM ${l}\n J${op}L -4 yes`), `J${op}L ${l} ${r}`).toEqual(stack);
      }
    }
  });

  it('the table pairs every form with its stack operator', () => {
    for (const o of OPCODES) {
      const name: string = o.name;
      if (/^J(EQ|NE|LTU?|LEU?|GTU?|GEU?)[IL]$/.test(name)) expect(BINARY).toContain(name.slice(1, -1));
      else if (/^[A-Z]+[IL]$/.test(name) && BINARY.includes(name.slice(0, -1))) expect(NAMES.has(name.slice(0, -1))).toBe(true);
    }
  });
});

function compileC(source: string): Module {
  const dir = mkdtempSync(join(tmpdir(), 'ipcvm-forms-'));
  const file = join(dir, 'forms.c');
  writeFileSync(file, source);
  const compiled = compileProgram([file]);
  if (!compiled.module) throw new Error(compiled.text);
  return compiled.module;
}

/** Mnemonics of function `name`, in order. */
function mnemonics(m: Module, name: string): string[] {
  const f = m.functions.find((x) => x.name === name);
  if (f === undefined) throw new Error(`no function ${name}`);
  const out: string[] = [];
  for (let pc = f.start; pc < f.end; pc += instructionLength(m.code, pc)) out.push(OPCODE_BY_CODE[m.code[pc]]?.name ?? '?');
  return out;
}

describe('code generation of the operator forms', () => {
  const module = compileC(`
    int table[16];
    int sum(int *p, int n) {
      int i, s = 0;
      for (i = 0; i < n; i++)
        s += p[i] * 3;
      return s + table[n & 15];
    }
    unsigned mix(unsigned x, unsigned y) {
      x = x * 1103515245u + 12345u;
      if (x >= y) return x >> 7;
      return x % y;
    }
    int main(void) {
      int a[4] = {1, 2, 3, 4};
      table[5] = 100;
      return sum(a, 4) + mix(3, 5) == 130 + 0 ? 0 : 1;
    }`);

  it('takes constants and word locals as operands and branches on comparisons', () => {
    const sumOps = mnemonics(module, 'sum');
    expect(sumOps).toContain('JLTL'); // i < n at the bottom of the loop
    expect(sumOps).toContain('MULI'); // p[i] scaled and * 3
    expect(sumOps).toContain('ANDI'); // n & 15
    expect(sumOps).not.toContain('LT');
    expect(sumOps).not.toContain('PIMM');
    const mixOps = mnemonics(module, 'mix');
    expect(mixOps).toContain('JLTUL'); // if (x >= y): branch around when x < y
    expect(mixOps).toContain('SHRUI');
    expect(mixOps).toContain('MODUL');
  });

  it('adds a global array address as an immediate and drops the reload after a store', () => {
    const sumOps = mnemonics(module, 'sum');
    // table[n & 15]: LLI n; ANDI 15; MULI 4; ADDI &table; LI
    const at = sumOps.indexOf('ANDI');
    expect(sumOps.slice(at - 1, at + 4)).toEqual(['LLI', 'ANDI', 'MULI', 'ADDI', 'LI']);
    const mixOps = mnemonics(module, 'mix');
    const store = mixOps.indexOf('SLI');
    expect(mixOps[store + 1]).not.toBe('LLI');
  });
});
