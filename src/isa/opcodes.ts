// The instruction set: the one table that the code generator, the verifier, the
// disassembler and the interpreter all read. Numbers are explicit, never positions.
//
// Machine model (decided for the benchmark targets, see README "Bytecode design"):
// an accumulator machine in the line of c4, with the operand stack, call frames,
// arguments and locals all in *guest memory* (the process's stack pages), so fork,
// signal frames and varargs need no special cases. Registers: pc (index into the
// module's Int32Array code), sp and bp (guest byte addresses), a (accumulator, int32).
// Code is one Int32Array: an opcode word followed by its operand words.
// Superinstructions (LLI/SLI/PLI/ADDI/...) fold the commonest sequences so that a
// local variable access costs one dispatch; a later tier may compile hot functions
// to JavaScript.
//
// `Op` (src/isa/op.ts, a const enum that tsc inlines into the dispatch switch) is
// generated from this table by `npm run gen`; a test keeps the two in step.
//
// Operand kinds:
//   imm   any int32 constant
//   local a bp-relative byte offset (int32)
//   jump  a code index inside the same module, must be an instruction start
//   func  a code index that must be a function entry
//   sys   a syscall number (checked by the kernel, not the verifier)
//   size  a byte count, 0 <= n <= 2^24

export type OperandKind = 'imm' | 'local' | 'jump' | 'func' | 'sys' | 'size';

export interface OpcodeInfo {
  readonly code: number;
  readonly name: string;
  readonly operands: readonly OperandKind[];
  readonly doc: string;
}

// "pop" below means: x = i32[sp]; sp += 4.  "push x": sp -= 4; i32[sp] = x.
export const OPCODES = [
  { code: 0, name: 'NOP', operands: [], doc: 'do nothing' },
  { code: 1, name: 'IMM', operands: ['imm'], doc: 'a = k' },
  { code: 2, name: 'LEA', operands: ['local'], doc: 'a = bp + off' },
  { code: 3, name: 'PSH', operands: [], doc: 'push a' },
  { code: 4, name: 'ADJ', operands: ['size'], doc: 'sp += n (drop n bytes of stack)' },
  { code: 5, name: 'ALLOC', operands: ['size'], doc: 'sp -= n (reserve n bytes of stack)' },

  // loads: a = *(T*)a
  { code: 10, name: 'LI', operands: [], doc: 'a = i32[a]' },
  { code: 11, name: 'LC', operands: [], doc: 'a = (signed char) u8[a]' },
  { code: 12, name: 'LUC', operands: [], doc: 'a = u8[a]' },
  { code: 13, name: 'LS', operands: [], doc: 'a = (short) u16[a]' },
  { code: 14, name: 'LUS', operands: [], doc: 'a = u16[a]' },
  // stores: p = pop; *(T*)p = a; a is kept (value of the assignment)
  { code: 15, name: 'SI', operands: [], doc: 'p = pop; i32[p] = a' },
  { code: 16, name: 'SC', operands: [], doc: 'p = pop; u8[p] = a' },
  { code: 17, name: 'SS', operands: [], doc: 'p = pop; u16[p] = a' },

  // local-variable superinstructions
  { code: 20, name: 'LLI', operands: ['local'], doc: 'a = i32[bp + off]' },
  { code: 21, name: 'SLI', operands: ['local'], doc: 'i32[bp + off] = a' },
  { code: 22, name: 'PLI', operands: ['local'], doc: 'push i32[bp + off]' },
  { code: 23, name: 'PIMM', operands: ['imm'], doc: 'push k' },
  { code: 24, name: 'ADDI', operands: ['imm'], doc: 'a = a + k' },
  { code: 25, name: 'INCL', operands: ['local', 'imm'], doc: 'i32[bp + off] += k; a = new value' },
  { code: 26, name: 'LLC', operands: ['local'], doc: 'a = (signed char) u8[bp + off]' },
  { code: 27, name: 'LLUC', operands: ['local'], doc: 'a = u8[bp + off]' },
  { code: 28, name: 'LLS', operands: ['local'], doc: 'a = (short) u16[bp + off]' },
  { code: 29, name: 'LLUS', operands: ['local'], doc: 'a = u16[bp + off]' },
  { code: 18, name: 'SLC', operands: ['local'], doc: 'u8[bp + off] = a' },
  { code: 19, name: 'SLS', operands: ['local'], doc: 'u16[bp + off] = a' },

  // binary operators: b = pop; a = b OP a
  { code: 30, name: 'ADD', operands: [], doc: 'a = b + a' },
  { code: 31, name: 'SUB', operands: [], doc: 'a = b - a' },
  { code: 32, name: 'MUL', operands: [], doc: 'a = b * a (32-bit wrap)' },
  { code: 33, name: 'DIV', operands: [], doc: 'a = b / a signed, truncating; a == 0 traps DIVZERO' },
  { code: 34, name: 'DIVU', operands: [], doc: 'a = b / a unsigned; a == 0 traps DIVZERO' },
  { code: 35, name: 'MOD', operands: [], doc: 'a = b % a signed; a == 0 traps DIVZERO' },
  { code: 36, name: 'MODU', operands: [], doc: 'a = b % a unsigned; a == 0 traps DIVZERO' },
  { code: 37, name: 'AND', operands: [], doc: 'a = b & a' },
  { code: 38, name: 'OR', operands: [], doc: 'a = b | a' },
  { code: 39, name: 'XOR', operands: [], doc: 'a = b ^ a' },
  { code: 40, name: 'SHL', operands: [], doc: 'a = b << (a & 31)' },
  { code: 41, name: 'SHR', operands: [], doc: 'a = b >> (a & 31) arithmetic' },
  { code: 42, name: 'SHRU', operands: [], doc: 'a = b >>> (a & 31) logical' },
  { code: 43, name: 'EQ', operands: [], doc: 'a = b == a' },
  { code: 44, name: 'NE', operands: [], doc: 'a = b != a' },
  { code: 45, name: 'LT', operands: [], doc: 'a = b < a signed' },
  { code: 46, name: 'LE', operands: [], doc: 'a = b <= a signed' },
  { code: 47, name: 'GT', operands: [], doc: 'a = b > a signed' },
  { code: 48, name: 'GE', operands: [], doc: 'a = b >= a signed' },
  { code: 49, name: 'LTU', operands: [], doc: 'a = b < a unsigned' },
  { code: 50, name: 'LEU', operands: [], doc: 'a = b <= a unsigned' },
  { code: 51, name: 'GTU', operands: [], doc: 'a = b > a unsigned' },
  { code: 52, name: 'GEU', operands: [], doc: 'a = b >= a unsigned' },

  // binary operators with an immediate right operand (code = the stack form + 70):
  // a = a OP k, no stack traffic. ADD/SUB with a constant are ADDI.
  { code: 102, name: 'MULI', operands: ['imm'], doc: 'a = a * k (32-bit wrap)' },
  { code: 103, name: 'DIVI', operands: ['imm'], doc: 'a = a / k signed; k == 0 traps DIVZERO' },
  { code: 104, name: 'DIVUI', operands: ['imm'], doc: 'a = a / k unsigned; k == 0 traps DIVZERO' },
  { code: 105, name: 'MODI', operands: ['imm'], doc: 'a = a % k signed; k == 0 traps DIVZERO' },
  { code: 106, name: 'MODUI', operands: ['imm'], doc: 'a = a % k unsigned; k == 0 traps DIVZERO' },
  { code: 107, name: 'ANDI', operands: ['imm'], doc: 'a = a & k' },
  { code: 108, name: 'ORI', operands: ['imm'], doc: 'a = a | k' },
  { code: 109, name: 'XORI', operands: ['imm'], doc: 'a = a ^ k' },
  { code: 110, name: 'SHLI', operands: ['imm'], doc: 'a = a << (k & 31)' },
  { code: 111, name: 'SHRI', operands: ['imm'], doc: 'a = a >> (k & 31) arithmetic' },
  { code: 112, name: 'SHRUI', operands: ['imm'], doc: 'a = a >>> (k & 31) logical' },
  { code: 113, name: 'EQI', operands: ['imm'], doc: 'a = a == k' },
  { code: 114, name: 'NEI', operands: ['imm'], doc: 'a = a != k' },
  { code: 115, name: 'LTI', operands: ['imm'], doc: 'a = a < k signed' },
  { code: 116, name: 'LEI', operands: ['imm'], doc: 'a = a <= k signed' },
  { code: 117, name: 'GTI', operands: ['imm'], doc: 'a = a > k signed' },
  { code: 118, name: 'GEI', operands: ['imm'], doc: 'a = a >= k signed' },
  { code: 119, name: 'LTUI', operands: ['imm'], doc: 'a = a < k unsigned' },
  { code: 120, name: 'LEUI', operands: ['imm'], doc: 'a = a <= k unsigned' },
  { code: 121, name: 'GTUI', operands: ['imm'], doc: 'a = a > k unsigned' },
  { code: 122, name: 'GEUI', operands: ['imm'], doc: 'a = a >= k unsigned' },

  // binary operators whose right operand is a word local (code = the stack form + 100):
  // a = a OP i32[bp + off]; the same traps as the stack form.
  { code: 130, name: 'ADDL', operands: ['local'], doc: 'x = i32[bp + off]; a = a + x' },
  { code: 131, name: 'SUBL', operands: ['local'], doc: 'x = i32[bp + off]; a = a - x' },
  { code: 132, name: 'MULL', operands: ['local'], doc: 'x = i32[bp + off]; a = a * x (32-bit wrap)' },
  { code: 133, name: 'DIVL', operands: ['local'], doc: 'x = i32[bp + off]; a = a / x signed; x == 0 traps DIVZERO' },
  { code: 134, name: 'DIVUL', operands: ['local'], doc: 'x = i32[bp + off]; a = a / x unsigned; x == 0 traps DIVZERO' },
  { code: 135, name: 'MODL', operands: ['local'], doc: 'x = i32[bp + off]; a = a % x signed; x == 0 traps DIVZERO' },
  { code: 136, name: 'MODUL', operands: ['local'], doc: 'x = i32[bp + off]; a = a % x unsigned; x == 0 traps DIVZERO' },
  { code: 137, name: 'ANDL', operands: ['local'], doc: 'x = i32[bp + off]; a = a & x' },
  { code: 138, name: 'ORL', operands: ['local'], doc: 'x = i32[bp + off]; a = a | x' },
  { code: 139, name: 'XORL', operands: ['local'], doc: 'x = i32[bp + off]; a = a ^ x' },
  { code: 140, name: 'SHLL', operands: ['local'], doc: 'x = i32[bp + off]; a = a << (x & 31)' },
  { code: 141, name: 'SHRL', operands: ['local'], doc: 'x = i32[bp + off]; a = a >> (x & 31) arithmetic' },
  { code: 142, name: 'SHRUL', operands: ['local'], doc: 'x = i32[bp + off]; a = a >>> (x & 31) logical' },
  { code: 143, name: 'EQL', operands: ['local'], doc: 'x = i32[bp + off]; a = a == x' },
  { code: 144, name: 'NEL', operands: ['local'], doc: 'x = i32[bp + off]; a = a != x' },
  { code: 145, name: 'LTL', operands: ['local'], doc: 'x = i32[bp + off]; a = a < x signed' },
  { code: 146, name: 'LEL', operands: ['local'], doc: 'x = i32[bp + off]; a = a <= x signed' },
  { code: 147, name: 'GTL', operands: ['local'], doc: 'x = i32[bp + off]; a = a > x signed' },
  { code: 148, name: 'GEL', operands: ['local'], doc: 'x = i32[bp + off]; a = a >= x signed' },
  { code: 149, name: 'LTUL', operands: ['local'], doc: 'x = i32[bp + off]; a = a < x unsigned' },
  { code: 150, name: 'LEUL', operands: ['local'], doc: 'x = i32[bp + off]; a = a <= x unsigned' },
  { code: 151, name: 'GTUL', operands: ['local'], doc: 'x = i32[bp + off]; a = a > x unsigned' },
  { code: 152, name: 'GEUL', operands: ['local'], doc: 'x = i32[bp + off]; a = a >= x unsigned' },

  // compare and branch (a is left unchanged): the immediate form (code = the compare + 117)
  // and the word-local form (code = the compare + 127).
  { code: 160, name: 'JEQI', operands: ['imm', 'jump'], doc: 'if (a == k) pc = t' },
  { code: 161, name: 'JNEI', operands: ['imm', 'jump'], doc: 'if (a != k) pc = t' },
  { code: 162, name: 'JLTI', operands: ['imm', 'jump'], doc: 'if (a < k) pc = t' },
  { code: 163, name: 'JLEI', operands: ['imm', 'jump'], doc: 'if (a <= k) pc = t' },
  { code: 164, name: 'JGTI', operands: ['imm', 'jump'], doc: 'if (a > k) pc = t' },
  { code: 165, name: 'JGEI', operands: ['imm', 'jump'], doc: 'if (a >= k) pc = t' },
  { code: 166, name: 'JLTUI', operands: ['imm', 'jump'], doc: 'if (a < k unsigned) pc = t' },
  { code: 167, name: 'JLEUI', operands: ['imm', 'jump'], doc: 'if (a <= k unsigned) pc = t' },
  { code: 168, name: 'JGTUI', operands: ['imm', 'jump'], doc: 'if (a > k unsigned) pc = t' },
  { code: 169, name: 'JGEUI', operands: ['imm', 'jump'], doc: 'if (a >= k unsigned) pc = t' },
  { code: 170, name: 'JEQL', operands: ['local', 'jump'], doc: 'if (a == i32[bp + off]) pc = t' },
  { code: 171, name: 'JNEL', operands: ['local', 'jump'], doc: 'if (a != i32[bp + off]) pc = t' },
  { code: 172, name: 'JLTL', operands: ['local', 'jump'], doc: 'if (a < i32[bp + off]) pc = t' },
  { code: 173, name: 'JLEL', operands: ['local', 'jump'], doc: 'if (a <= i32[bp + off]) pc = t' },
  { code: 174, name: 'JGTL', operands: ['local', 'jump'], doc: 'if (a > i32[bp + off]) pc = t' },
  { code: 175, name: 'JGEL', operands: ['local', 'jump'], doc: 'if (a >= i32[bp + off]) pc = t' },
  { code: 176, name: 'JLTUL', operands: ['local', 'jump'], doc: 'if (a < i32[bp + off] unsigned) pc = t' },
  { code: 177, name: 'JLEUL', operands: ['local', 'jump'], doc: 'if (a <= i32[bp + off] unsigned) pc = t' },
  { code: 178, name: 'JGTUL', operands: ['local', 'jump'], doc: 'if (a > i32[bp + off] unsigned) pc = t' },
  { code: 179, name: 'JGEUL', operands: ['local', 'jump'], doc: 'if (a >= i32[bp + off] unsigned) pc = t' },

  // unary operators and conversions on a
  { code: 60, name: 'NEG', operands: [], doc: 'a = -a' },
  { code: 61, name: 'NOT', operands: [], doc: 'a = ~a' },
  { code: 62, name: 'LNOT', operands: [], doc: 'a = !a' },
  { code: 63, name: 'SXB', operands: [], doc: 'a = (signed char) a' },
  { code: 64, name: 'ZXB', operands: [], doc: 'a = (unsigned char) a' },
  { code: 65, name: 'SXH', operands: [], doc: 'a = (short) a' },
  { code: 66, name: 'ZXH', operands: [], doc: 'a = (unsigned short) a' },
  { code: 67, name: 'BOOL', operands: [], doc: 'a = a != 0' },

  // control flow
  { code: 70, name: 'JMP', operands: ['jump'], doc: 'pc = t' },
  { code: 71, name: 'JZ', operands: ['jump'], doc: 'if (a == 0) pc = t' },
  { code: 72, name: 'JNZ', operands: ['jump'], doc: 'if (a != 0) pc = t' },
  { code: 73, name: 'CALL', operands: ['func'], doc: 'push TEXT_BASE + pc_next; pc = t' },
  { code: 74, name: 'CALLI', operands: [], doc: 'call the function whose pointer is a (TEXT_BASE + entry); a bad pointer traps BADCALL' },
  { code: 75, name: 'ENT', operands: ['size'], doc: 'push bp; bp = sp; sp -= n' },
  { code: 76, name: 'LEV', operands: [], doc: 'sp = bp; bp = pop; pc = pop - TEXT_BASE; a bad return address traps BADRET' },
  { code: 77, name: 'JTAB', operands: ['imm', 'size', 'jump'], doc: 'switch table: if (a - lo) < n (unsigned) pc = the jump word at pc_next+(a-lo) else pc = default; followed by n jump words' },

  // memory blocks and system calls
  { code: 80, name: 'MCPY', operands: ['size'], doc: 'd = pop; copy n bytes from a to d; a = d' },
  { code: 81, name: 'MZERO', operands: ['size'], doc: 'zero n bytes at a' },
  { code: 90, name: 'SYS', operands: ['sys'], doc: 'system call: arguments at sp (arg0 at sp, arg1 at sp+4 ...); result in a' },
] as const satisfies readonly OpcodeInfo[];

/** Lookup by opcode number; undefined for numbers that are not opcodes. */
export const OPCODE_BY_CODE: readonly (OpcodeInfo | undefined)[] = (() => {
  const table: (OpcodeInfo | undefined)[] = new Array(256).fill(undefined);
  for (const o of OPCODES) {
    if (table[o.code]) throw new Error(`opcodes: duplicate opcode number ${o.code}`);
    table[o.code] = o;
  }
  return table;
})();

/** Words taken by the instruction with this opcode (opcode word + operands); JTAB adds its table. */
export function instructionLength(code: Int32Array, pc: number): number {
  const info = OPCODE_BY_CODE[code[pc]];
  if (!info) return 0;
  if (info.name === 'JTAB') return 4 + code[pc + 2];
  return 1 + info.operands.length;
}
