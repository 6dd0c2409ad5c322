// Expressions to accumulator code (c4 style): every expression leaves its value in
// a; a binary operator evaluates its left operand, pushes it, evaluates the right
// one and pops the left. Lvalues are evaluated to their address by genAddress;
// struct, array and function values are their address (codegen-ops.ts).
// genBranch compiles a condition straight into jumps (short-circuit && || !).
// A right operand that is a constant or a word local needs no stack: the operator's
// immediate or local form takes it (x * 4 -> MULI 4, i < n -> JLTL n when branching),
// and `&global + i` adds the address as an immediate. The evaluation order stays
// left to right, so side effects and faults happen in the same order.

import { Op } from '../isa/op.js';
import type { Expr } from './ast.js';
import { CodegenError, type Label } from './codegen-emit.js';
import type { FuncContext } from './codegen-frame.js';
import {
  argumentSize,
  binaryOpcode,
  emitConvert,
  emitLoad,
  emitNarrow,
  emitStore,
  immediateBranch,
  immediateForm,
  isAddressValued,
  isWordScalar,
  localBranch,
  localForm,
  narrowLocalLoad,
  narrowLocalStore,
  negatedComparison,
} from './codegen-ops.js';
import { frameLocation, isComparison, isPure, simpleOperand, swappedOperator, wordLocal, type SimpleOperand } from './codegen-operands.js';
import { sizeOf, type Type } from './types.js';

type ExprOf<K extends Expr['kind']> = Extract<Expr, { kind: K }>;

export function genExpr(cx: FuncContext, e: Expr): void {
  const em = cx.em;
  switch (e.kind) {
    case 'num':
      return em.emit(Op.IMM, e.value | 0);
    case 'str':
      return em.immAddress(cx.unit.stringSymbol(e.bytes), 0);
    case 'var':
      return genVar(cx, e);
    case 'funcref':
      return em.immAddress(e.sym.linkName, 0);
    case 'unary':
      genExpr(cx, e.operand);
      return em.emit(e.op === 'neg' ? Op.NEG : e.op === 'bitnot' ? Op.NOT : Op.LNOT);
    case 'binary':
      return genBinary(cx, e);
    case 'ptrdiff':
      return genPtrdiff(cx, e);
    case 'logand':
    case 'logor':
      return genLogical(cx, e);
    case 'assign':
      return genAssign(cx, e);
    case 'compoundAssign':
      return genCompoundAssign(cx, e);
    case 'incdec':
      return genIncdec(cx, e, true);
    case 'cond':
      return genCond(cx, e);
    case 'comma':
      genEffect(cx, e.lhs);
      return genExpr(cx, e.rhs);
    case 'addr':
      return genAddress(cx, e.operand);
    case 'deref':
      genExpr(cx, e.operand);
      return emitLoad(em, e.type);
    case 'member':
      return genVar(cx, e);
    case 'cast':
      genExpr(cx, e.operand);
      return emitConvert(em, e.operand.type, e.type);
    case 'decay':
      return genAddress(cx, e.operand);
    case 'call':
      return genCall(cx, e);
    case 'syscall':
      return genSyscall(cx, e);
    default: {
      const never: never = e;
      throw new Error(`genExpr: ${String(never)}`);
    }
  }
}

/** Evaluates e for its side effects only (the value in a is dead afterwards). */
export function genEffect(cx: FuncContext, e: Expr): void {
  if (e.kind === 'incdec') return genIncdec(cx, e, false);
  if (e.kind === 'cast' && e.type.kind === 'void') return genEffect(cx, e.operand);
  if (e.kind === 'comma') {
    genEffect(cx, e.lhs);
    return genEffect(cx, e.rhs);
  }
  genExpr(cx, e);
}

/** a = the address of an lvalue (or of a struct-valued expression). */
export function genAddress(cx: FuncContext, e: Expr): void {
  const em = cx.em;
  switch (e.kind) {
    case 'var':
      if (cx.isFrameVar(e.sym)) return em.emit(Op.LEA, cx.slot(e.sym, e.loc));
      return em.immAddress(e.sym.linkName, 0);
    case 'deref':
      return genExpr(cx, e.operand);
    case 'member':
      return genMemberAddress(cx, e);
    case 'str':
    case 'funcref':
      return genExpr(cx, e);
    default:
      if (isAddressValued(e.type)) return genExpr(cx, e);
      throw new CodegenError(e.loc, 'lvalue required');
  }
}

/** Jumps to target when the truth of e equals jumpIf; falls through otherwise. */
export function genBranch(cx: FuncContext, e: Expr, target: Label, jumpIf: boolean): void {
  const em = cx.em;
  if (e.kind === 'unary' && e.op === 'lognot') return genBranch(cx, e.operand, target, !jumpIf);
  if (e.kind === 'num') {
    if ((e.value !== 0) === jumpIf) em.jump(Op.JMP, target);
    return;
  }
  if (e.kind === 'logand' || e.kind === 'logor') {
    const isAnd = e.kind === 'logand';
    if (isAnd !== jumpIf) {
      genBranch(cx, e.lhs, target, jumpIf);
      return genBranch(cx, e.rhs, target, jumpIf);
    }
    const skip = em.newLabel();
    genBranch(cx, e.lhs, skip, !jumpIf);
    genBranch(cx, e.rhs, target, jumpIf);
    return em.place(skip);
  }
  if (e.kind === 'binary' && (e.op === '==' || e.op === '!=') && e.rhs.kind === 'num' && e.rhs.value === 0) {
    genExpr(cx, e.lhs);
    return em.jump((e.op === '!=') === jumpIf ? Op.JNZ : Op.JZ, target);
  }
  if (e.kind === 'binary' && isComparison(e.op)) {
    // Compare and branch on a simple right operand, or on a simple left one turned around.
    const cmp = binaryOpcode(e.op, e.lhs.type);
    const right = simpleOperand(cx, e.rhs);
    const left = right === undefined && isPure(e.rhs) ? simpleOperand(cx, e.lhs) : undefined;
    const operand = right ?? left;
    const turned = right !== undefined ? cmp : swappedOperator(cmp);
    if (operand !== undefined && turned !== undefined) {
      genExpr(cx, right !== undefined ? e.lhs : e.rhs);
      const taken = jumpIf ? turned : negatedComparison(turned);
      const op = operand.kind === 'imm' ? immediateBranch(taken) : localBranch(taken);
      if (op === undefined) throw new Error(`genBranch: no compare-and-branch form of opcode ${taken}`);
      return em.branch(op, operand.value, target);
    }
  }
  genExpr(cx, e);
  em.jump(jumpIf ? Op.JNZ : Op.JZ, target);
}

/** The value of a variable or a member: one instruction when it has a fixed place
 *  in the frame and is an integer or pointer. */
function genVar(cx: FuncContext, e: ExprOf<'var'> | ExprOf<'member'>): void {
  const at = frameLocation(cx, e);
  const local = at === undefined ? undefined : isWordScalar(e.type) ? Op.LLI : narrowLocalLoad(e.type);
  if (at !== undefined && local !== undefined) return cx.em.emit(local, at);
  genAddress(cx, e);
  emitLoad(cx.em, e.type);
}

function genMemberAddress(cx: FuncContext, e: ExprOf<'member'>): void {
  const at = frameLocation(cx, e);
  if (at !== undefined) return cx.em.emit(Op.LEA, at);
  genAddress(cx, e.base);
  if (e.member.offset !== 0) cx.em.emit(Op.ADDI, e.member.offset);
}

/** a = a OP operand; false when OP has no form taking it. */
function emitWithOperand(cx: FuncContext, op: Op, operand: SimpleOperand): boolean {
  const em = cx.em;
  if (operand.kind === 'imm' && (op === Op.ADD || op === Op.SUB)) {
    const k = (op === Op.ADD ? operand.value : -operand.value) | 0;
    if (k !== 0) em.emit(Op.ADDI, k);
    return true;
  }
  const form = operand.kind === 'imm' ? immediateForm(op) : localForm(op);
  if (form === undefined) return false;
  em.emit(form, operand.value);
  return true;
}

/** a = a OP rhs, a holding the left operand (its value already computed). */
function genRightOperand(cx: FuncContext, op: Op, rhs: Expr): void {
  const right = simpleOperand(cx, rhs);
  if (right !== undefined && emitWithOperand(cx, op, right)) return;
  cx.em.push();
  genExpr(cx, rhs);
  cx.em.emit(op);
}

/** a = lhs OP rhs; a simple lhs of a swappable operator becomes the operand when rhs
 *  needs code and has no side effects (see codegen-operands.ts). */
function genOperation(cx: FuncContext, op: Op, lhs: Expr, rhs: Expr): void {
  const left = simpleOperand(cx, lhs);
  const swapped = swappedOperator(op);
  if (left !== undefined && swapped !== undefined && simpleOperand(cx, rhs) === undefined && isPure(rhs)) {
    genExpr(cx, rhs);
    if (!emitWithOperand(cx, swapped, left)) throw new Error(`genOperation: opcode ${swapped} has no operand form`);
    return;
  }
  genExpr(cx, lhs);
  genRightOperand(cx, op, rhs);
}

/** The link-time symbol of `&global` or a decayed global array, else undefined. */
function staticSymbol(cx: FuncContext, e: Expr): string | undefined {
  if ((e.kind !== 'addr' && e.kind !== 'decay') || e.operand.kind !== 'var') return undefined;
  return cx.isFrameVar(e.operand.sym) ? undefined : e.operand.sym.linkName;
}

function genBinary(cx: FuncContext, e: ExprOf<'binary'>): void {
  const symbol = e.op === '+' ? staticSymbol(cx, e.lhs) : undefined;
  if (symbol !== undefined) {
    genExpr(cx, e.rhs);
    return cx.em.addAddress(symbol, 0);
  }
  genOperation(cx, binaryOpcode(e.op, isComparison(e.op) ? e.lhs.type : e.type), e.lhs, e.rhs);
}

function genPtrdiff(cx: FuncContext, e: ExprOf<'ptrdiff'>): void {
  const em = cx.em;
  genOperation(cx, Op.SUB, e.lhs, e.rhs);
  if (e.elemSize === 1) return;
  const shift = Math.log2(e.elemSize);
  if (Number.isInteger(shift)) em.emit(Op.SHRI, shift);
  else em.emit(Op.DIVI, e.elemSize);
}

function genLogical(cx: FuncContext, e: ExprOf<'logand' | 'logor'>): void {
  // &&: lhs; JZ end (a is then 0, the result); rhs; BOOL; end:
  // ||: lhs; BOOL; JNZ end (a is then 1); rhs; BOOL; end:
  const em = cx.em;
  const end = em.newLabel();
  genExpr(cx, e.lhs);
  if (e.kind === 'logor') em.emit(Op.BOOL);
  em.jump(e.kind === 'logand' ? Op.JZ : Op.JNZ, end);
  genExpr(cx, e.rhs);
  em.emit(Op.BOOL);
  em.place(end);
}

function genCond(cx: FuncContext, e: ExprOf<'cond'>): void {
  const em = cx.em;
  const otherwise = em.newLabel();
  const end = em.newLabel();
  genBranch(cx, e.cond, otherwise, false);
  genExpr(cx, e.then);
  em.jump(Op.JMP, end);
  em.place(otherwise);
  genExpr(cx, e.else);
  em.place(end);
}

function genAssign(cx: FuncContext, e: ExprOf<'assign'>): void {
  const em = cx.em;
  const local = wordLocal(cx, e.target);
  if (local !== undefined) {
    genExpr(cx, e.value);
    return em.emit(Op.SLI, local);
  }
  const at = frameLocation(cx, e.target);
  const store = narrowLocalStore(e.target.type);
  if (at !== undefined && store !== undefined) {
    genExpr(cx, e.value);
    return em.emit(store, at);
  }
  genAddress(cx, e.target);
  em.push();
  genExpr(cx, e.value);
  if (e.target.type.kind === 'struct') return em.emit(Op.MCPY, sizeOf(e.target.type));
  emitStore(em, e.target.type);
}

function genCompoundAssign(cx: FuncContext, e: ExprOf<'compoundAssign'>): void {
  const em = cx.em;
  const t = e.target.type;
  const op = binaryOpcode(e.op, e.opType);
  const local = wordLocal(cx, e.target);
  if (local !== undefined) {
    if ((e.op === '+' || e.op === '-') && e.value.kind === 'num' && isWordScalar(e.opType)) {
      return em.emit(Op.INCL, local, (e.op === '+' ? e.value.value : -e.value.value) | 0);
    }
    // A word local needs no conversions: x op= v is x = x op v.
    genOperation(cx, op, e.target, e.value);
    return em.emit(Op.SLI, local);
  }
  genAddress(cx, e.target);
  em.pushKeep();
  emitLoad(em, t);
  emitConvert(em, t, e.opType);
  genRightOperand(cx, op, e.value);
  emitConvert(em, e.opType, t);
  emitStore(em, t);
}

/** ++/--; with wantValue false a postfix form needs no old value (x++ as a statement). */
function genIncdec(cx: FuncContext, e: ExprOf<'incdec'>, wantValue: boolean): void {
  const em = cx.em;
  const t = e.target.type;
  const oldValueNeeded = wantValue && !e.prefix;
  const local = wordLocal(cx, e.target);
  if (local !== undefined) {
    em.emit(Op.INCL, local, e.delta | 0);
    if (oldValueNeeded) em.emit(Op.ADDI, -e.delta | 0);
    return;
  }
  genAddress(cx, e.target);
  em.pushKeep();
  emitLoad(em, t);
  if (oldValueNeeded && !isWordScalar(t)) {
    const scratch = cx.scratch();
    em.emit(Op.SLI, scratch);
    step(cx, e);
    return em.emit(Op.LLI, scratch);
  }
  step(cx, e);
  if (oldValueNeeded) em.emit(Op.ADDI, -e.delta | 0);
}

/** a = old value; computes, converts and stores the new one (the address is pushed). */
function step(cx: FuncContext, e: ExprOf<'incdec'>): void {
  cx.em.emit(Op.ADDI, e.delta | 0);
  emitNarrow(cx.em, e.target.type);
  emitStore(cx.em, e.target.type);
}

/** Pushes the arguments right to left (structs copied in place); returns the bytes pushed. */
function pushArguments(cx: FuncContext, args: Expr[]): number {
  const em = cx.em;
  let bytes = 0;
  for (let i = args.length - 1; i >= 0; i--) {
    const arg = args[i];
    if (arg.type.kind === 'struct') {
      const size = argumentSize(arg.type);
      em.emit(Op.ALLOC, size);
      em.leaStackTop();
      em.push();
      genExpr(cx, arg);
      em.emit(Op.MCPY, sizeOf(arg.type));
      bytes += size;
    } else {
      genExpr(cx, arg);
      em.push();
      bytes += 4;
    }
  }
  return bytes;
}

function directCallee(callee: Expr): string | undefined {
  let e = callee;
  while (e.kind === 'decay' || e.kind === 'addr') e = e.operand;
  return e.kind === 'funcref' ? e.sym.linkName : undefined;
}

function genCall(cx: FuncContext, e: ExprOf<'call'>): void {
  const em = cx.em;
  let bytes = pushArguments(cx, e.args);
  if (e.funcType.ret.kind === 'struct') {
    if (e.retSlot === undefined) throw new CodegenError(e.loc, 'internal: struct-returning call without a result slot');
    em.emit(Op.LEA, cx.slot(e.retSlot, e.loc));
    em.push();
    bytes += 4;
  }
  em.line(e.loc);
  const direct = directCallee(e.callee);
  if (direct !== undefined) {
    em.call(direct);
  } else {
    genExpr(cx, e.callee);
    em.emit(Op.CALLI);
  }
  if (bytes > 0) em.emit(Op.ADJ, bytes);
}

function genSyscall(cx: FuncContext, e: ExprOf<'syscall'>): void {
  const bytes = pushArguments(cx, e.args);
  cx.em.line(e.loc);
  cx.em.emit(Op.SYS, e.nr);
  if (bytes > 0) cx.em.emit(Op.ADJ, bytes);
}

/** return of a struct: copies the value to the hidden result pointer; a = that pointer. */
export function genStructReturn(cx: FuncContext, value: Expr, resultPointer: number, t: Type): void {
  cx.em.emit(Op.LLI, resultPointer);
  cx.em.push();
  genExpr(cx, value);
  cx.em.emit(Op.MCPY, sizeOf(t));
}
