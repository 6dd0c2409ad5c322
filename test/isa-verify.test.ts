// The verifier: each rule broken by a module that breaks only it, with the exact message.
import { describe, expect, it } from 'vitest';
import { DATA_BASE, MMAP_BASE } from '../src/isa/abi.js';
import { ModuleError } from '../src/isa/ipx.js';
import type { Module } from '../src/isa/module.js';
import { verifyModule } from '../src/isa/verify.js';
import { assemble, opcode, sampleModule } from './isa-assemble.js';

function verifyError(m: Module): string {
  try {
    verifyModule(m);
  } catch (e) {
    if (e instanceof ModuleError) return e.message;
    throw e;
  }
  return 'accepted';
}

/** f: ENT 0 at 0, LEV at 2. */
const tiny = (extra: Partial<Module> = {}): Module => assemble({ f: [['ENT', 0], ['LEV']] }, extra);
const withWord = (m: Module, at: number, value: number): Module => {
  const code = m.code.slice();
  code[at] = value;
  return { ...m, code };
};

describe('verifyModule accepts', () => {
  it('the sample module', () => {
    expect(verifyError(sampleModule())).toBe('accepted');
  });

  it('any int32 in imm, local and sys operands', () => {
    const m = assemble({
      f: [['ENT', 0], ['IMM', -0x80000000], ['LLI', 0x7fffffff], ['INCL', -0x80000000, -1], ['SYS', 9999], ['LEV']],
    });
    expect(verifyError(m)).toBe('accepted');
  });

  it('size operands at the limit 2^24 and zero', () => {
    const m = assemble({ f: [['ENT', 1 << 24], ['ALLOC', 0], ['MCPY', 1 << 24], ['MZERO', 7], ['ADJ', 4], ['LEV']] });
    expect(verifyError(m)).toBe('accepted');
  });

  it('code ending with JMP or JTAB, and function tables in any order', () => {
    expect(verifyError(assemble({ f: ['top:', ['ENT', 0], ['JMP', 'top']] }))).toBe('accepted');
    expect(verifyError(assemble({ f: [['ENT', 0], ['JTAB', 0, 1, 'f', 'f']] }))).toBe('accepted');
    const m = assemble({ f: [['ENT', 0], ['LEV']], g: [['ENT', 0], ['LEV']] });
    expect(verifyError({ ...m, functions: [...m.functions].reverse() })).toBe('accepted');
  });

  it('data and bss filling the data region exactly, a zero-size global at its end', () => {
    const data = new Uint8Array(16);
    const bssSize = MMAP_BASE - DATA_BASE - 16;
    expect(verifyError(tiny({ data, bssSize, globals: [{ name: 'end', addr: MMAP_BASE, size: 0 }] }))).toBe('accepted');
  });
});

describe('verifyModule rule: code size', () => {
  it('code is not empty', () => {
    expect(verifyError(assemble({}))).toBe("code is empty, in section 'code'");
  });

  it('code is below 2^24 words', () => {
    const m = tiny();
    expect(verifyError({ ...m, code: new Int32Array(1 << 24) })).toBe(
      "code has 16777216 words (limit 16777215), in section 'code'",
    );
  });
});

describe('verifyModule rule: instructions', () => {
  it('every opcode word is a known opcode', () => {
    const m = assemble({ f: [['ENT', 0], ['IMM', 1], ['LEV']] });
    expect(verifyError(withWord(m, 2, 200))).toBe('unknown opcode 200, at code 0x0002 (in function f)');
    expect(verifyError(withWord(m, 2, -1))).toBe('unknown opcode -1, at code 0x0002 (in function f)');
    expect(verifyError(withWord(m, 2, 257))).toBe('unknown opcode 257, at code 0x0002 (in function f)');
  });

  it('operands lie inside the code', () => {
    const code = Int32Array.from([opcode('ENT'), 0, opcode('JMP')]);
    expect(verifyError(tiny({ code, functions: [{ name: 'f', start: 0, end: 3 }] }))).toBe(
      'JMP operands run past the end of the code, at code 0x0002 (in function f)',
    );
  });

  it('a JTAB table size is in 0..2^24', () => {
    const m = assemble({ f: [['ENT', 0], ['JTAB', 0, 0, 'end'], 'end:', ['LEV']] });
    expect(verifyError(withWord(m, 4, -1))).toBe('JTAB table size -1 out of range 0..16777216, at code 0x0002 (in function f)');
    expect(verifyError(withWord(m, 4, (1 << 24) + 1))).toBe(
      'JTAB table size 16777217 out of range 0..16777216, at code 0x0002 (in function f)',
    );
  });

  it('a JTAB table lies inside the code', () => {
    const m = assemble({ f: [['ENT', 0], ['JTAB', 0, 0, 'end'], 'end:', ['LEV']] });
    expect(verifyError(withWord(m, 4, 5))).toBe(
      'JTAB table of 5 entries runs past the end of the code, at code 0x0002 (in function f)',
    );
  });

  it('the last instruction is an unconditional transfer', () => {
    expect(verifyError(assemble({ f: [['ENT', 0], ['IMM', 0]] }))).toBe(
      'code ends with IMM, which can run past the end of the code (must be JMP, JTAB or LEV), at code 0x0002 (in function f)',
    );
    expect(verifyError(assemble({ f: [['ENT', 0], ['CALL', 'f']] }))).toBe(
      'code ends with CALL, which can run past the end of the code (must be JMP, JTAB or LEV), at code 0x0002 (in function f)',
    );
    expect(verifyError(assemble({ f: ['top:', ['ENT', 0], ['JZ', 'top']] }))).toBe(
      'code ends with JZ, which can run past the end of the code (must be JMP, JTAB or LEV), at code 0x0002 (in function f)',
    );
  });
});

describe('verifyModule rule: function table', () => {
  const fn = (name: string, start: number, end: number): Partial<Module> => ({ functions: [{ name, start, end }] });

  it('names are non-empty and printable', () => {
    expect(verifyError(tiny(fn('', 0, 3)))).toBe('function name is empty, in function table entry 0');
    expect(verifyError(tiny(fn('a\u001b[2J', 0, 3)))).toBe(
      'function name "a\\u001b[2J" contains control characters, in function table entry 0',
    );
  });

  it('0 <= start < end <= code.length', () => {
    expect(verifyError(tiny(fn('f', 0, 99)))).toBe('function f range 0..99 is not inside the code (3 words), in function table entry 0');
    expect(verifyError(tiny(fn('f', -2, 3)))).toBe('function f range -2..3 is not inside the code (3 words), in function table entry 0');
    expect(verifyError(tiny(fn('f', 2, 2)))).toBe('function f range 2..2 is not inside the code (3 words), in function table entry 0');
    expect(verifyError(tiny(fn('f', 0.5, 3)))).toBe('function f range 0.5..3 is not inside the code (3 words), in function table entry 0');
  });

  it('starts and ends are instruction boundaries', () => {
    expect(verifyError(tiny({ functions: [{ name: 'f', start: 0, end: 3 }, { name: 'g', start: 1, end: 3 }] }))).toBe(
      'function g starts inside an instruction (0x0001), in function table entry 1',
    );
    expect(verifyError(tiny(fn('f', 0, 1)))).toBe('function f ends inside an instruction (0x0001), in function table entry 0');
  });

  it('functions do not overlap', () => {
    expect(verifyError(tiny({ functions: [{ name: 'f', start: 0, end: 3 }, { name: 'g', start: 2, end: 3 }] }))).toBe(
      'function g overlaps function f, in function table entry 1',
    );
  });
});

describe('verifyModule rule: operands', () => {
  it('jump targets lie inside the code', () => {
    const m = assemble({ f: [['ENT', 0], ['JMP', 0]] });
    expect(verifyError(withWord(m, 3, 99))).toBe('jump target 99 is outside the code, at code 0x0002 (in function f)');
    expect(verifyError(withWord(m, 3, -1))).toBe('jump target -1 is outside the code, at code 0x0002 (in function f)');
  });

  it('jump targets are instruction starts', () => {
    const m = assemble({ f: [['ENT', 0], ['JMP', 0]] });
    expect(verifyError(withWord(m, 3, 1))).toBe('jump target 0x0001 is not an instruction start, at code 0x0002 (in function f)');
  });

  it('JTAB default and table words are instruction starts', () => {
    const m = assemble({ f: [['ENT', 0], ['JTAB', 0, 2, 'end', 'end', 'end'], 'end:', ['LEV']] });
    const message = 'jump target 0x0003 is not an instruction start, at code 0x0002 (in function f)';
    expect(verifyError(withWord(m, 5, 3))).toBe(message);
    expect(verifyError(withWord(m, 7, 3))).toBe(message);
    expect(verifyError(withWord(m, 6, 3))).toBe(message);
  });

  it('call targets are function entries', () => {
    const m = assemble({ f: [['ENT', 0], ['CALL', 'back'], 'back:', ['LEV']] });
    expect(verifyError(m)).toBe('call target 4 is not a function entry, at code 0x0002 (in function f)');
  });

  it('size operands are in 0..2^24', () => {
    expect(verifyError(assemble({ f: [['ENT', 0], ['ADJ', -4], ['LEV']] }))).toBe(
      'size operand -4 out of range 0..16777216, at code 0x0002 (in function f)',
    );
    expect(verifyError(assemble({ f: [['ENT', (1 << 24) + 1], ['LEV']] }))).toBe(
      'size operand 16777217 out of range 0..16777216, at code 0x0000 (in function f)',
    );
  });

  it('names the address alone when the code lies outside every function', () => {
    const m = assemble({ f: [['ENT', 0], ['LEV']], g: [['ENT', 0], ['JMP', 1]] });
    expect(verifyError({ ...m, functions: [m.functions[0]] })).toBe('jump target 0x0001 is not an instruction start, at code 0x0005');
  });
});

describe('verifyModule rule: entry points', () => {
  it('entry is a function start', () => {
    expect(verifyError(tiny({ entry: 2 }))).toBe('entry 2 is not a function start, in module header');
  });

  it('sigreturn is -1 or an instruction start', () => {
    expect(verifyError(tiny({ sigreturn: 1 }))).toBe('sigreturn 1 is not an instruction start, in module header');
    expect(verifyError(tiny({ sigreturn: 3 }))).toBe('sigreturn 3 is not an instruction start, in module header');
    expect(verifyError(tiny({ sigreturn: -2 }))).toBe('sigreturn -2 is not an instruction start, in module header');
  });

  it('sigreturn is a SYS rt_sigreturn instruction', () => {
    expect(verifyError(tiny({ sigreturn: 0 }))).toBe('sigreturn 0x0000 is not a SYS rt_sigreturn instruction, in module header');
    const m = assemble({ f: [['ENT', 0], ['SYS', 1], ['LEV']] }, { sigreturn: 2 });
    expect(verifyError(m)).toBe('sigreturn 0x0002 is not a SYS rt_sigreturn instruction, in module header');
  });
});

describe('verifyModule rule: data and globals', () => {
  const region = MMAP_BASE - DATA_BASE;

  it('bss size is a non-negative integer', () => {
    expect(verifyError(tiny({ bssSize: -1 }))).toBe(`bss size -1 out of range 0..${region}, in module header`);
  });

  it('data and bss fit in the data region', () => {
    expect(verifyError(tiny({ data: new Uint8Array(16), bssSize: region - 15 }))).toBe(
      `data (16 bytes) and bss (${region - 15} bytes) exceed the data region (${region} bytes), in module header`,
    );
  });

  it('global names are non-empty and printable', () => {
    const globals = (name: string): Partial<Module> => ({ bssSize: 4, globals: [{ name, addr: DATA_BASE, size: 4 }] });
    expect(verifyError(tiny(globals('')))).toBe('global name is empty, in global table entry 0');
    expect(verifyError(tiny(globals('x\ny')))).toBe('global name "x\\ny" contains control characters, in global table entry 0');
  });

  it('globals lie inside data and bss', () => {
    const layout = { data: new Uint8Array(12), bssSize: 4 };
    const outside = (addr: number, size: number): string =>
      verifyError(tiny({ ...layout, globals: [{ name: 'ok', addr: DATA_BASE, size: 16 }, { name: 'x', addr, size }] }));
    expect(outside(DATA_BASE + 12, 8)).toBe(
      'global x at 0x800000c size 8 lies outside data and bss (0x8000000..0x8000010), in global table entry 1',
    );
    expect(outside(DATA_BASE - 4, 4)).toBe(
      'global x at 0x7fffffc size 4 lies outside data and bss (0x8000000..0x8000010), in global table entry 1',
    );
    expect(outside(DATA_BASE, -1)).toBe(
      'global x at 0x8000000 size -1 lies outside data and bss (0x8000000..0x8000010), in global table entry 1',
    );
  });
});

describe('verifyModule rule: files and lines', () => {
  const lines = (...words: number[]): Partial<Module> => ({ files: ['a.c'], lines: Int32Array.from(words) });

  it('file names are printable', () => {
    expect(verifyError(tiny({ files: ['a\nb'] }))).toBe('file name "a\\nb" contains control characters, in file table entry 0');
  });

  it('the line table holds whole triples', () => {
    expect(verifyError(tiny(lines(0, 0, 1, 2)))).toBe('line table length 4 is not a multiple of 3, in line table');
  });

  it('code indexes lie inside the code', () => {
    expect(verifyError(tiny(lines(0, 0, 1, 3, 0, 2)))).toBe('code index 3 is outside the code, in line table entry 1');
  });

  it('code indexes are sorted', () => {
    expect(verifyError(tiny(lines(2, 0, 1, 0, 0, 2)))).toBe(
      'code index 0x0000 comes after 0x0002 (not sorted), in line table entry 1',
    );
  });

  it('file indexes are valid', () => {
    expect(verifyError(tiny(lines(0, 1, 1)))).toBe('file index 1 is not below the file count 1, in line table entry 0');
    expect(verifyError(tiny(lines(0, -1, 1)))).toBe('file index -1 is not below the file count 1, in line table entry 0');
  });

  it('line numbers start at 1', () => {
    expect(verifyError(tiny(lines(0, 0, 0)))).toBe('line number 0 is below 1, in line table entry 0');
  });
});
