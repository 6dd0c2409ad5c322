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
import { ACT } from './jit-unit.js';

export { MAX_JS_DEPTH } from './jit-unit.js';

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


export function translateInstruction(w: FunctionWriter, op: number): void {
  const form = FORMS.get(op);
  if (form !== undefined) return translateOperator(w, form.form, form.base);
  switch (op) {
    case Op.NOP: return;
    case Op.IMM: return w.emit(`a = ${w.operand(0)};`);
    case Op.LEA: return w.emit(`a = ${w.address('bp', w.operand(0))};`);
    case Op.PSH: return w.push('a');
    case Op.ADJ:
      w.forget();
      return w.adjust('sp', w.operand(0));
    case Op.ALLOC:
      w.forget();
      return w.adjust('sp', -w.operand(0));
    case Op.LI: return w.load('a', 4, false, 'a');
    case Op.LC: return w.load('a', 1, true, 'a');
    case Op.LUC: return w.load('a', 1, false, 'a');
    case Op.LS: return w.load('a', 2, true, 'a');
    case Op.LUS: return w.load('a', 2, false, 'a');
    case Op.SI: return storeThroughPopped(w, 4);
    case Op.SC: return storeThroughPopped(w, 1);
    case Op.SS: return storeThroughPopped(w, 2);
    case Op.LLI: return w.loadStack('bp', w.operand(0), 'a');
    case Op.SLI:
      w.storeStack('bp', w.operand(0), 'a');
      return w.forget();
    case Op.LLC: return w.emit(`a = (${w.narrowSlot('bp', w.operand(0), 1)} << 24) >> 24;`);
    case Op.LLUC: return w.emit(`a = ${w.narrowSlot('bp', w.operand(0), 1)};`);
    case Op.LLS: return w.emit(`a = (${w.narrowSlot('bp', w.operand(0), 2)} << 16) >> 16;`);
    case Op.LLUS: return w.emit(`a = ${w.narrowSlot('bp', w.operand(0), 2)};`);
    case Op.SLC:
      w.emit(`${w.narrowSlot('bp', w.operand(0), 1)} = a;`);
      return w.forget();
    case Op.SLS:
      w.emit(`${w.narrowSlot('bp', w.operand(0), 2)} = a;`);
      return w.forget();
    case Op.PLI:
      w.loadStack('bp', w.operand(0), 'y');
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
      w.storeStack('sp', -4, String((TEXT_BASE + w.next) | 0));
      w.adjust('sp', -4);
      w.forget();
      return callInto(w, String(w.operand(0)));
    case Op.CALLI:
      w.emit(`y = (a - ${TEXT_BASE}) | 0;`);
      w.emit(`if (y >>> 0 >= ${w.code.length} || isEntry[y] === 0) ${w.slow()}`);
      w.storeStack('sp', -4, String((TEXT_BASE + w.next) | 0));
      w.adjust('sp', -4);
      w.forget();
      return callInto(w, 'y');
    case Op.ENT:
      w.storeStack('sp', -4, 'bp');
      w.enterFrame(w.operand(0));
      return w.forget();
    case Op.LEV: return leave(w);
    case Op.MCPY:
    case Op.MZERO:
      // Block copies end their block (jit-region.ts) and run in the interpreter.
      return w.emit(w.slow());
    case Op.SYS:
      // To the kernel's gate in place, or out with the trap (Jit.run sets cpu.trapArg).
      return w.emit(w.systemCall());
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
      w.loadStack('bp', w.operand(0), 'b');
      if (division) w.emit(`if (b === 0) ${w.fault(Trap.DIVIDE_BY_ZERO)}`);
      return w.emit(`a = ${BINARY[base]('a', 'b')};`);
    case 'branchImm':
      return w.emit(`if (${COMPARE[base]('a', String(w.operand(0)))}) ${w.jumpTo(w.operand(1))}`);
    case 'branchLocal':
      w.loadStack('bp', w.operand(0), 'b');
      return w.emit(`if (${COMPARE[base]('a', 'b')}) ${w.jumpTo(w.operand(1))}`);
    default: {
      const never: never = form;
      throw new Error(`jit: unknown operator form ${String(never)}`);
    }
  }
}

/** SI/SC/SS: p = pop; store a at p; sp moves only once the store is done. */
function storeThroughPopped(w: FunctionWriter, size: 1 | 2 | 4): void {
  w.peek('b');
  w.store('b', size, 'a');
  w.drop();
  w.forget();
}

/** INCL off k: a = the local + k, stored back. */
function incrementLocal(w: FunctionWriter): void {
  const slot = w.slot('bp', w.operand(0));
  w.emit(`a = (${slot} + ${w.operand(1)}) | 0; ${slot} = a;`);
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
 *  Control comes back to the return site's block only when the callee returned there;
 *  any other outcome leaves with the state the callee left. */
function callInto(w: FunctionWriter, target: string): void {
  // A call of a function of this unit (recursion, a small callee) is a jump: the guest
  // stack holds the return address, and LEV jumps back when it returns into the unit.
  if (/^\d+$/.test(target)) {
    if (w.hasBlock(Number(target))) return w.emit(w.jumpTo(Number(target)));
  } else {
    w.emit(w.continueIfBlock(target));
  }
  // The call itself is made outside the loop of the blocks (see FunctionWriter.source).
  const site = w.hasBlock(w.next) ? w.caseNumber(w.next) : -1;
  w.emit(`{ callee = ${target}; ret = ${w.next}; site = ${site}; act = ${ACT.CALL}; break run; }`);
}

/** LEV: sp = bp; bp = pop; pc = pop - TEXT_BASE, both words read before anything changes. */
function leave(w: FunctionWriter): void {
  w.emit(`x = ${w.slot('bp', 0)}; b = ${w.slot('bp', 4)};`);
  // The return sites of the unit's own calls first (recursion): one compare each
  // instead of the checks and the table.
  const sites = w.returnSites();
  if (sites.length <= 4) {
    for (const site of sites) w.emit(`if (b === ${(TEXT_BASE + site) | 0}) { sp = (bp + 8) | 0; bp = x; blk = ${w.caseNumber(site)}; continue; }`);
  }
  w.emit(`y = (b - ${TEXT_BASE}) | 0;`);
  w.emit(`if (y >>> 0 >= ${w.code.length} || isReturnSite[y] === 0) ${w.slow()}`);
  w.leaveFrame();
  // A return into this unit goes on here (return sites are block starts); else the JS
  // caller (or the driver) takes it from RETURNED.
  w.emit(w.continueIfBlock('y'));
  w.emit(w.leave('y', RETURNED, true));
}
