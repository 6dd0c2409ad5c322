// Arithmetic, comparison and conversion opcodes: C's 32-bit semantics, checked both
// on named edge cases and against a BigInt reference model over many operand pairs.
import { describe, expect, it } from 'vitest';
import { DATA_BASE } from '../src/isa/abi.js';
import { Trap } from '../src/vm/cpu.js';
import { machine, poke, run, SP0, type Machine } from './vm-helpers.js';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** A machine computing `b OP a` with b and a read from DATA_BASE and DATA_BASE+4. */
function binaryMachine(op: string): Machine {
  return machine(`
    .func main
      IMM ${DATA_BASE}
      LI
      PSH
      IMM ${DATA_BASE + 4}
      LI
      ${op}
      SYS 1`);
}

function evaluate(m: Machine, b: number, a: number): { trap: Trap; a: number } {
  poke(m, DATA_BASE, b);
  poke(m, DATA_BASE + 4, a);
  m.cpu.pc = 0;
  m.cpu.sp = SP0;
  const trap = run(m);
  return { trap, a: m.cpu.a };
}

function binary(op: string, b: number, a: number): number {
  const m = binaryMachine(op);
  const result = evaluate(m, b, a);
  expect(result.trap).toBe(Trap.SYSCALL);
  expect(m.cpu.sp).toBe(SP0);
  return result.a;
}

function unary(op: string, a: number): number {
  const m = machine(`
    .func main
      IMM ${a}
      ${op}
      SYS 1`);
  expect(run(m)).toBe(Trap.SYSCALL);
  return m.cpu.a;
}

describe('binary operators on edge cases', () => {
  const cases: [string, number, number, number][] = [
    ['ADD', INT_MAX, 1, INT_MIN],
    ['ADD', -1, -1, -2],
    ['SUB', INT_MIN, 1, INT_MAX],
    ['SUB', 5, 7, -2],
    ['MUL', 0x10000, 0x10000, 0],
    ['MUL', INT_MAX, 2, -2],
    ['MUL', -1, INT_MIN, INT_MIN],
    ['MUL', 123456789, 987654321, -67153019],
    ['DIV', 7, -2, -3],
    ['DIV', -7, 2, -3],
    ['DIV', -7, -2, 3],
    ['DIV', INT_MIN, -1, INT_MIN],
    ['DIV', INT_MIN, 2, -1073741824],
    ['DIVU', -1, 2, INT_MAX],
    ['DIVU', -1, 1, -1],
    ['DIVU', INT_MIN, -1, 0],
    ['DIVU', 7, -1, 0],
    ['MOD', -7, 2, -1],
    ['MOD', 7, -2, 1],
    ['MOD', INT_MIN, -1, 0],
    ['MOD', INT_MIN, 3, -2],
    ['MODU', -1, 10, 5],
    ['MODU', INT_MIN, 3, 2],
    ['MODU', 5, -1, 5],
    ['AND', -1, 0x0f0f, 0x0f0f],
    ['OR', INT_MIN, 1, INT_MIN + 1],
    ['XOR', -1, 0x55, ~0x55],
    ['SHL', 1, 31, INT_MIN],
    ['SHL', 1, 32, 1],
    ['SHL', 3, 33, 6],
    ['SHL', 0x40000000, 1, INT_MIN],
    ['SHR', INT_MIN, 31, -1],
    ['SHR', -16, 2, -4],
    ['SHR', 16, 34, 4],
    ['SHRU', INT_MIN, 31, 1],
    ['SHRU', -1, 0, -1],
    ['SHRU', -16, 28, 15],
    ['EQ', -1, -1, 1],
    ['EQ', 0, INT_MIN, 0],
    ['NE', 1, 2, 1],
    ['LT', -1, 0, 1],
    ['LT', INT_MIN, INT_MAX, 1],
    ['LE', 5, 5, 1],
    ['GT', 0, -1, 1],
    ['GE', INT_MIN, INT_MIN, 1],
    ['GE', INT_MIN, INT_MAX, 0],
    ['LTU', -1, 0, 0],
    ['LTU', 0, -1, 1],
    ['LEU', -1, -1, 1],
    ['GTU', -1, 1, 1],
    ['GTU', INT_MAX, INT_MIN, 0],
    ['GEU', INT_MIN, INT_MAX, 1],
  ];
  for (const [op, b, a, expected] of cases) {
    it(`${b} ${op} ${a} = ${expected}`, () => {
      expect(binary(op, b, a)).toBe(expected);
    });
  }
});

describe('binary operators against a BigInt model', () => {
  const i32 = (x: bigint): number => Number(BigInt.asIntN(32, x));
  const u = (x: number): bigint => BigInt(x >>> 0);
  const s = (x: number): bigint => BigInt(x | 0);
  const flag = (c: boolean): number => (c ? 1 : 0);
  const model: Record<string, (b: number, a: number) => number | 'divzero'> = {
    ADD: (b, a) => i32(s(b) + s(a)),
    SUB: (b, a) => i32(s(b) - s(a)),
    MUL: (b, a) => i32(s(b) * s(a)),
    DIV: (b, a) => (a === 0 ? 'divzero' : i32(s(b) / s(a))),
    DIVU: (b, a) => (a === 0 ? 'divzero' : i32(u(b) / u(a))),
    MOD: (b, a) => (a === 0 ? 'divzero' : i32(s(b) % s(a))),
    MODU: (b, a) => (a === 0 ? 'divzero' : i32(u(b) % u(a))),
    AND: (b, a) => i32(s(b) & s(a)),
    OR: (b, a) => i32(s(b) | s(a)),
    XOR: (b, a) => i32(s(b) ^ s(a)),
    SHL: (b, a) => i32(s(b) << BigInt(a & 31)),
    SHR: (b, a) => i32(s(b) >> BigInt(a & 31)),
    SHRU: (b, a) => i32(u(b) >> BigInt(a & 31)),
    EQ: (b, a) => flag(s(b) === s(a)),
    NE: (b, a) => flag(s(b) !== s(a)),
    LT: (b, a) => flag(s(b) < s(a)),
    LE: (b, a) => flag(s(b) <= s(a)),
    GT: (b, a) => flag(s(b) > s(a)),
    GE: (b, a) => flag(s(b) >= s(a)),
    LTU: (b, a) => flag(u(b) < u(a)),
    LEU: (b, a) => flag(u(b) <= u(a)),
    GTU: (b, a) => flag(u(b) > u(a)),
    GEU: (b, a) => flag(u(b) >= u(a)),
  };
  const edges = [0, 1, -1, 2, -2, 3, 7, -7, 31, 32, 33, 0x7f, 0x80, 0xff, 0x8000, 0xffff, 0x10000, INT_MAX, INT_MIN, INT_MIN + 1, INT_MAX - 1];
  let seed = 0x2545f491;
  const random = (): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed | 0;
  };
  const values = [...edges, ...Array.from({ length: 20 }, random)];

  for (const [op, reference] of Object.entries(model)) {
    it(`${op} matches the model on ${values.length ** 2} operand pairs`, () => {
      const m = binaryMachine(op);
      for (const b of values) {
        for (const a of values) {
          const expected = reference(b, a);
          const got = evaluate(m, b, a);
          if (expected === 'divzero') {
            expect(got.trap, `${b} ${op} ${a}`).toBe(Trap.DIVIDE_BY_ZERO);
          } else {
            expect(got.trap, `${b} ${op} ${a}`).toBe(Trap.SYSCALL);
            expect(got.a, `${b} ${op} ${a}`).toBe(expected);
          }
        }
      }
    });
  }
});

describe('unary operators and conversions', () => {
  const cases: [string, number, number][] = [
    ['NEG', 5, -5],
    ['NEG', INT_MIN, INT_MIN],
    ['NEG', 0, 0],
    ['NOT', 0, -1],
    ['NOT', INT_MIN, INT_MAX],
    ['LNOT', 0, 1],
    ['LNOT', INT_MIN, 0],
    ['BOOL', 0, 0],
    ['BOOL', INT_MIN, 1],
    ['BOOL', -1, 1],
    ['SXB', 0x80, -128],
    ['SXB', 0x17f, 127],
    ['SXB', 0xff, -1],
    ['ZXB', -1, 255],
    ['ZXB', 0x1234, 0x34],
    ['SXH', 0x8000, -32768],
    ['SXH', 0x17fff, 32767],
    ['SXH', -1, -1],
    ['ZXH', -1, 65535],
    ['ZXH', 0x12345678, 0x5678],
  ];
  for (const [op, a, expected] of cases) {
    it(`${op} ${a} = ${expected}`, () => {
      expect(unary(op, a)).toBe(expected);
    });
  }

  it('ADDI and IMM wrap at 32 bits', () => {
    const m = machine(`
      .func main
        IMM ${INT_MAX}
        ADDI 1
        SYS 1`);
    expect(run(m)).toBe(Trap.SYSCALL);
    expect(m.cpu.a).toBe(INT_MIN);
  });

  it('LEA adds a signed offset to bp', () => {
    const m = machine(`
      .func main
        LEA -12
        SYS 1`);
    expect(run(m)).toBe(Trap.SYSCALL);
    expect(m.cpu.a >>> 0).toBe(SP0 - 12);
  });
});

describe('division by zero', () => {
  for (const op of ['DIV', 'DIVU', 'MOD', 'MODU']) {
    it(`${op} traps with pc at the instruction and nothing popped`, () => {
      const m = binaryMachine(op);
      const result = evaluate(m, 42, 0);
      expect(result.trap).toBe(Trap.DIVIDE_BY_ZERO);
      expect(m.cpu.pc).toBe(7); // IMM(2) LI(1) PSH(1) IMM(2) LI(1)
      expect(m.cpu.sp).toBe(SP0 - 4);
      expect(m.cpu.a).toBe(0);
      expect(m.cpu.steps).toBe(5);
    });
  }
});
