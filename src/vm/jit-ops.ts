// The JS tier's translation of each instruction: the JavaScript that does what the
// interpreter's case for it does, in the same order (every fault check before any
// register or memory changes), through the helpers of FunctionWriter (jit-compile.ts).
// Binary operators come in four forms (stack, immediate, local, compare-and-branch),
// found by name in the opcode table and sharing one JS expression per operator.
import { TEXT_BASE } from '../isa/abi.js';
import { Op } from '../isa/op.js';
import { OPCODES } from '../isa/opcodes.js';
import { Trap } from './cpu.js';
import { RESUME, RETURNED } from './jit-exits.js';
import type { FunctionWriter } from './jit-compile.js';
import { TLB_MASK } from './mmu.js';

/** Compiled frames nested on the JS stack before a call goes through the driver
 *  instead (bounds the JS stack whatever the guest's recursion depth). */
export const MAX_JS_DEPTH = 64;

type Binary = (l: string, r: string) => string;

/** a = l OP r as an int32 JS expression. */
const BINARY: Readonly<Record<string, Binary>> = {
  ADD: (l, r) => `(${l} + ${r}) | 0`,
  SUB: (l, r) => `(${l} - ${r}) | 0`,
  MUL: (l, r) => `Math.imul(${l}, ${r})`,
  DIV: (l, r) => `(${l} / ${r}) | 0`,
  DIVU: (l, r) => `((${l} >>> 0) / (${r} >>> 0)) | 0`,
  MOD: (l, r) => `(${l} % ${r}) | 0`,
  MODU: (l, r) => `((${l} >>> 0) % (${r} >>> 0)) | 0`,
  AND: (l, r) => `${l} & ${r}`,
  OR: (l, r) => `${l} | ${r}`,
  XOR: (l, r) => `${l} ^ ${r}`,
  SHL: (l, r) => `${l} << (${r} & 31)`,
  SHR: (l, r) => `${l} >> (${r} & 31)`,
  SHRU: (l, r) => `(${l} >>> (${r} & 31)) | 0`,
  EQ: (l, r) => `${l} === ${r} ? 1 : 0`,
  NE: (l, r) => `${l} !== ${r} ? 1 : 0`,
  LT: (l, r) => `${l} < ${r} ? 1 : 0`,
  LE: (l, r) => `${l} <= ${r} ? 1 : 0`,
  GT: (l, r) => `${l} > ${r} ? 1 : 0`,
  GE: (l, r) => `${l} >= ${r} ? 1 : 0`,
  LTU: (l, r) => `${l} >>> 0 < ${r} >>> 0 ? 1 : 0`,
  LEU: (l, r) => `${l} >>> 0 <= ${r} >>> 0 ? 1 : 0`,
  GTU: (l, r) => `${l} >>> 0 > ${r} >>> 0 ? 1 : 0`,
  GEU: (l, r) => `${l} >>> 0 >= ${r} >>> 0 ? 1 : 0`,
};

/** The condition of a compare-and-branch. */
const COMPARE: Readonly<Record<string, Binary>> = {
  EQ: (l, r) => `${l} === ${r}`,
  NE: (l, r) => `${l} !== ${r}`,
  LT: (l, r) => `${l} < ${r}`,
  LE: (l, r) => `${l} <= ${r}`,
  GT: (l, r) => `${l} > ${r}`,
  GE: (l, r) => `${l} >= ${r}`,
  LTU: (l, r) => `${l} >>> 0 < ${r} >>> 0`,
  LEU: (l, r) => `${l} >>> 0 <= ${r} >>> 0`,
  GTU: (l, r) => `${l} >>> 0 > ${r} >>> 0`,
  GEU: (l, r) => `${l} >>> 0 >= ${r} >>> 0`,
};

const DIVISIONS: ReadonlySet<string> = new Set(['DIV', 'DIVU', 'MOD', 'MODU']);

type Form = 'stack' | 'imm' | 'local' | 'branchImm' | 'branchLocal';

/** The operator forms of the opcode table, by opcode number: MULI -> imm of MUL. */
const FORMS: ReadonlyMap<number, { form: Form; base: string }> = (() => {
  const forms = new Map<number, { form: Form; base: string }>();
  for (const o of OPCODES) {
    const name: string = o.name;
    const stem = name.slice(0, -1);
    if (name in BINARY) forms.set(o.code, { form: 'stack', base: name });
    else if (name.endsWith('I') && stem in BINARY) forms.set(o.code, { form: 'imm', base: stem });
    else if (name.endsWith('L') && stem in BINARY) forms.set(o.code, { form: 'local', base: stem });
    else if (name.startsWith('J') && stem.slice(1) in COMPARE) {
      forms.set(o.code, { form: name.endsWith('I') ? 'branchImm' : 'branchLocal', base: stem.slice(1) });
    }
  }
  return forms;
})();

const local = (w: FunctionWriter): string => `(bp + ${w.operand(0)}) | 0`;

export function translateInstruction(w: FunctionWriter, op: number): void {
  const form = FORMS.get(op);
  if (form !== undefined) return translateOperator(w, form.form, form.base);
  switch (op) {
    case Op.NOP: return;
    case Op.IMM: return w.emit(`a = ${w.operand(0)};`);
    case Op.LEA: return w.emit(`a = ${local(w)};`);
    case Op.PSH: return w.push('a');
    case Op.ADJ:
      w.forget();
      return w.emit(`sp = (sp + ${w.operand(0)}) | 0;`);
    case Op.ALLOC:
      w.forget();
      return w.emit(`sp = (sp - ${w.operand(0)}) | 0;`);
    case Op.LI: return w.load('a', 4, false, 'a');
    case Op.LC: return w.load('a', 1, true, 'a');
    case Op.LUC: return w.load('a', 1, false, 'a');
    case Op.LS: return w.load('a', 2, true, 'a');
    case Op.LUS: return w.load('a', 2, false, 'a');
    case Op.SI: return storeThroughPopped(w, 4);
    case Op.SC: return storeThroughPopped(w, 1);
    case Op.SS: return storeThroughPopped(w, 2);
    case Op.LLI: return w.loadStack(local(w), 'a');
    case Op.SLI:
      w.storeStack(local(w), 'a');
      return w.forget();
    case Op.PLI:
      w.loadStack(local(w), 'y');
      return w.push('y');
    case Op.PIMM: return w.push(String(w.operand(0)));
    case Op.INCL: return incrementLocal(w);
    case Op.NEG: return w.emit('a = -a | 0;');
    case Op.NOT: return w.emit('a = ~a;');
    case Op.LNOT: return w.emit('a = a === 0 ? 1 : 0;');
    case Op.SXB: return w.emit('a = (a << 24) >> 24;');
    case Op.ZXB: return w.emit('a = a & 255;');
    case Op.SXH: return w.emit('a = (a << 16) >> 16;');
    case Op.ZXH: return w.emit('a = a & 65535;');
    case Op.BOOL: return w.emit('a = a !== 0 ? 1 : 0;');
    case Op.JMP: return w.emit(w.jumpTo(w.operand(0)));
    case Op.JZ: return w.emit(`if (a === 0) ${w.jumpTo(w.operand(0))}`);
    case Op.JNZ: return w.emit(`if (a !== 0) ${w.jumpTo(w.operand(0))}`);
    case Op.JTAB: return jumpTable(w);
    case Op.CALL:
      w.storeStack('(sp - 4) | 0', String((TEXT_BASE + w.next) | 0));
      w.emit('sp = x;');
      w.forget();
      return callInto(w, String(w.operand(0)));
    case Op.CALLI:
      w.emit(`y = (a - ${TEXT_BASE}) | 0;`);
      w.emit(`if (y >>> 0 >= ${w.code.length} || isEntry[y] === 0) { cpu.trapAddr = a >>> 0; ${w.fault(Trap.BAD_CALL)} }`);
      w.storeStack('(sp - 4) | 0', String((TEXT_BASE + w.next) | 0));
      w.emit('sp = x;');
      w.forget();
      return callInto(w, 'y');
    case Op.ENT:
      w.storeStack('(sp - 4) | 0', 'bp');
      w.emit(`bp = x; sp = (x - ${w.operand(0)}) | 0;`);
      return w.forget();
    case Op.LEV: return leave(w);
    case Op.MCPY:
      w.peek('b');
      w.emit(`if (!copyBlock(cpu, mmu, b, a, ${w.operand(0)})) ${w.fault(Trap.PAGE_FAULT)}`);
      w.emit('a = b;');
      w.drop();
      return w.forget();
    case Op.MZERO:
      w.emit(`if (!zeroBlock(cpu, mmu, a, ${w.operand(0)})) ${w.fault(Trap.PAGE_FAULT)}`);
      return w.forget();
    case Op.SYS: return systemCall(w);
    default:
      throw new Error(`jit: no translation for opcode ${op} at ${w.pc}`);
  }
}

function translateOperator(w: FunctionWriter, form: Form, base: string): void {
  const division = DIVISIONS.has(base);
  switch (form) {
    case 'stack':
      // b = pop; a = b OP a. A division checks a before it reads the stack.
      if (division) w.emit(`if (a === 0) ${w.fault(Trap.DIVIDE_BY_ZERO)}`);
      w.peek('b');
      w.drop();
      return w.emit(`a = ${BINARY[base]('b', 'a')};`);
    case 'imm': {
      const k = w.operand(0);
      if (division && k === 0) return w.emit(w.fault(Trap.DIVIDE_BY_ZERO));
      return w.emit(`a = ${BINARY[base]('a', String(k))};`);
    }
    case 'local':
      w.loadStack(local(w), 'b');
      if (division) w.emit(`if (b === 0) ${w.fault(Trap.DIVIDE_BY_ZERO)}`);
      return w.emit(`a = ${BINARY[base]('a', 'b')};`);
    case 'branchImm':
      return w.emit(`if (${COMPARE[base]('a', String(w.operand(0)))}) ${w.jumpTo(w.operand(1))}`);
    case 'branchLocal':
      w.loadStack(local(w), 'b');
      return w.emit(`if (${COMPARE[base]('a', 'b')}) ${w.jumpTo(w.operand(1))}`);
    default: {
      const never: never = form;
      throw new Error(`jit: unknown operator form ${String(never)}`);
    }
  }
}

/** SYS: through the gate when there is one -- going on after it, or leaving with
 *  SYSCALL_DONE -- else leaving with the SYSCALL trap. Either way the kernel may have
 *  changed page tables, so the stack page cache is dropped. */
function systemCall(w: FunctionWriter): void {
  w.emit(`cpu.trapArg = ${w.operand(0)};`);
  w.emit('if (m.gate !== null) {');
  w.emit('m.sp = sp; m.bp = bp; m.a = a; m.left = left;');
  w.emit(`y = kernelCall(m, ${w.pc}) ? 1 : 0; sp = m.sp | 0; bp = m.bp | 0; a = m.a | 0; sv = -1;`);
  w.emit(`if (y !== 0) ${w.jumpTo(w.next)}`);
  w.emit(w.leave('m.pc | 0', Trap.SYSCALL_DONE, true));
  w.emit('}');
  w.emit(w.leave(w.pc, Trap.SYSCALL, true));
}

/** SI/SC/SS: p = pop; store a at p; sp moves only once the store is done. */
function storeThroughPopped(w: FunctionWriter, size: 1 | 2 | 4): void {
  w.peek('b');
  w.store('b', size, 'a');
  w.drop();
  w.forget();
}

/** INCL off k: read-modify-write through the stack page cache (refilled from the write TLB), else like the interpreter. */
function incrementLocal(w: FunctionWriter): void {
  const k = w.operand(1);
  w.emit(`x = ${local(w)}; vpn = x >>> 12;`);
  w.emit(`if (vpn !== sv && (s = vpn & ${TLB_MASK}, wTag[s] === vpn)) { sv = vpn; sb = wBase[s]; }`);
  w.emit(`if (vpn === sv && (x & 3) === 0) { y = (sb + (x & 4095)) >> 2; a = (i32[y] + ${k}) | 0; i32[y] = a; }`);
  w.emit(`else { v = addSlow(m, x, ${k}, ${w.slowArgs()}) | 0; if (m.fault !== 0) ${w.slowFault()} a = v; }`);
  w.forget();
}

/** JTAB lo n default t0..: through a table of the targets' cases (-1: outside the unit). */
function jumpTable(w: FunctionWriter): void {
  const n = w.operand(1);
  const targets = w.code.subarray(w.pc + 4, w.pc + 4 + n);
  const pcs = w.table(targets);
  w.emit(`y = (a - ${w.operand(0)}) >>> 0; y = y < ${n} ? ${pcs}[y] : ${w.operand(2)};`);
  w.emit(w.continueIfBlock('y'));
  w.emit(w.leave('y', RESUME, true));
}

/** After a CALL/CALLI has pushed its return address: runs the callee's compiled code
 *  as a JS call when there is some and the JS stack allows, else leaves for the driver.
 *  Control comes back here only when the callee returned to this call's return site;
 *  any other outcome leaves with the state the callee left. */
function callInto(w: FunctionWriter, target: string): void {
  const ret = w.next;
  // A call of a function of this unit (recursion, a small callee) is a jump: the guest
  // stack holds the return address, and LEV jumps back when it returns into the unit.
  if (/^\d+$/.test(target)) {
    if (w.hasBlock(Number(target))) return w.emit(w.jumpTo(Number(target)));
  } else {
    w.emit(w.continueIfBlock(target));
  }
  w.emit(`g = entries[${target}];`);
  w.emit(`if (g === undefined || m.depth >= ${MAX_JS_DEPTH}) ${w.leave(target, RESUME, true)}`);
  w.emit('m.sp = sp; m.bp = bp; m.a = a; m.left = left; m.depth++;');
  w.emit(`why = g(m, ${target}) | 0;`);
  // The callee may have entered the kernel (a system call, a fault resolved in place)
  // and changed page tables: fork's copy-on-write, munmap. Drop the stack page cache.
  w.emit('m.depth--; sp = m.sp | 0; bp = m.bp | 0; a = m.a | 0; left = m.left | 0; sv = -1;');
  w.emit(`if (why !== ${RETURNED} || m.pc !== ${ret}) { pc = m.pc | 0; if (why === ${RETURNED}) why = ${RESUME}; break out; }`);
}

/** LEV: sp = bp; bp = pop; pc = pop - TEXT_BASE, both words read before anything changes. */
function leave(w: FunctionWriter): void {
  w.emit(`vpn = bp >>> 12; if (vpn !== sv && (s = vpn & ${TLB_MASK}, wTag[s] === vpn)) { sv = vpn; sb = wBase[s]; }`);
  w.emit('if (vpn === sv && (bp & 4095) <= 4088 && (bp & 3) === 0) { y = (sb + (bp & 4095)) >> 2; x = i32[y]; b = i32[y + 1]; }');
  w.emit('else if (probe(cpu, mmu, bp, 8, false)) { x = readBytes(mmu, bp, 4); b = readBytes(mmu, (bp + 4) | 0, 4); }');
  w.emit(`else ${w.fault(Trap.PAGE_FAULT)}`);
  w.emit(`y = (b - ${TEXT_BASE}) | 0;`);
  w.emit(`if (y >>> 0 >= ${w.code.length} || isReturnSite[y] === 0) { cpu.trapAddr = b >>> 0; ${w.fault(Trap.BAD_RETURN)} }`);
  w.emit('sp = (bp + 8) | 0; bp = x;');
  // A return into this unit goes on here (return sites are block starts); else the JS
  // caller (or the driver) takes it from RETURNED.
  w.emit(w.continueIfBlock('y'));
  w.emit(w.leave('y', RETURNED, true));
}
