// The disassembler: golden listings of the sample module (with and without source
// text) and of a broken module it must still print.
import { describe, expect, it } from 'vitest';
import { DATA_BASE, TEXT_BASE } from '../src/isa/abi.js';
import { disassemble } from '../src/isa/disasm.js';
import { assemble, opcode, sampleModule } from './isa-assemble.js';

const PROG_C = [
  'int _start() { exit(main()); }',
  '',
  'int main() {',
  '  int i = 0;',
  '  while (i < 10) i++;',
  '  switch (i) { case 9: return greeting; case 10: return &counter; }',
  '  return 0;',
  '}',
  '// signal return',
].join('\n');

describe('disassemble', () => {
  it('lists the sample module with its source lines', () => {
    const listing = disassemble(sampleModule(), (file) => (file === 'prog.c' ? PROG_C : undefined));
    expect(listing).toBe(`; entry 0x0000 <_start>, code 56 words, data 12 bytes, bss 4 bytes, sigreturn 0x0034

== _start ==
--- prog.c
   1 | int _start() { exit(main()); }
  0x0000  ENT      0
  0x0002  CALL     -> 0x0008 <main>
  0x0004  PSH
  0x0005  SYS      exit (1)
  0x0007  LEV

== main ==
   3 | int main() {
  0x0008  ENT      8
   4 | int i = 0;
  0x000a  IMM      0
  0x000c  SLI      [bp-4]
   5 | while (i < 10) i++;
  0x000e  LLI      [bp-4]
  0x0010  PSH
  0x0011  IMM      10
  0x0013  LT
  0x0014  JZ       -> 0x001b
  0x0016  INCL     [bp-4], 1
  0x0019  JMP      -> 0x000e
  0x001b  PLI      [bp+8]
  0x001d  LLI      [bp-4]
   6 | switch (i) { case 9: return greeting; case 10: return &counter; }
  0x001f  JTAB     9, 2, -> 0x002b
  0x0023  case     9 -> 0x0025
  0x0024  case     10 -> 0x0028
  0x0025  IMM      134217728  ; &greeting "hello\\n"
  0x0027  LEV
  0x0028  IMM      134217736  ; &counter
  0x002a  LEV
  0x002b  PIMM     65  ; 'A'
  0x002d  PIMM     4096  ; 0x1000
  0x002f  ADJ      8
  0x0031  IMM      0
  0x0033  LEV

== __sigreturn ==
   9 | // signal return
  0x0034  SYS      rt_sigreturn (173)
  0x0036  JMP      -> 0x0034 <__sigreturn>
`);
  });

  it('prints file:line when the source text is not available', () => {
    const listing = disassemble(sampleModule());
    expect(listing).toContain('== main ==\n  prog.c:3\n  0x0008  ENT      8\n  prog.c:4\n  0x000a  IMM      0\n');
    expect(listing).not.toContain(' | ');
  });

  it('still lists a module that fails verification, with every kind of hint', () => {
    const data = new TextEncoder().encode('say "hi"\\\t\0' + '\0' + '\x07\0\0\0');
    const m = assemble(
      {
        f: [
          ['ENT', 0],
          ['IMM', TEXT_BASE + 17],
          ['IMM', DATA_BASE + 4],
          ['IMM', DATA_BASE + 13],
          ['PIMM', 39],
          ['IMM', -300],
          ['IMM', -5],
          ['SYS', 9999],
          ['LEV'],
        ],
        g: [['ENT', 0], ['JMP', 'g']],
      },
      {
        data,
        globals: [
          { name: 'quote', addr: DATA_BASE, size: 11 },
          { name: 'seven', addr: DATA_BASE + 12, size: 4 },
        ],
        files: ['a.c', 'b.h'],
        lines: Int32Array.from([0, 0, 1, 2, 1, 3, 4, 0, 99]),
      },
    );
    const code = Int32Array.from([...m.code, 200, opcode('JTAB'), 0, 1, 0, 0, opcode('JMP')]);
    const functions = [{ name: 'f', start: 0, end: 4 }, m.functions[1]];
    const sources: Record<string, string> = { 'a.c': 'first line\n', 'b.h': '1\n2\n\t  #define X 7  \n' };
    expect(disassemble({ ...m, code, functions, entry: 77 }, (file) => sources[file])).toBe(`; entry 0x004d, code 28 words, data 16 bytes, bss 0 bytes

== f ==
--- a.c
   1 | first line
  0x0000  ENT      0
--- b.h
   3 | #define X 7
  0x0002  IMM      4194321  ; <g>

== (no function) ==
  a.c:99
  0x0004  IMM      134217732  ; &quote+4 "\\"hi\\"\\\\\\t"
  0x0006  IMM      134217741  ; &seven+1
  0x0008  PIMM     39  ; '\\''
  0x000a  IMM      -300  ; 0xfffffed4
  0x000c  IMM      -5
  0x000e  SYS      ? (9999)
  0x0010  LEV

== g ==
  a.c:99
  0x0011  ENT      0
  0x0013  JMP      -> 0x0011 <g>

== (no function) ==
  a.c:99
  0x0015  .word    200
  0x0016  JTAB     0, 1, -> 0x0000 <f>
  0x001a  case     0 -> 0x0000 <f>
  0x001b  JMP      <operands past the end of the code>
`);
  });
});
