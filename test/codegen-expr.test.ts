// Expressions compiled from hand-built ASTs and run on the bare interpreter.
import { describe, expect, it } from 'vitest';
import { CHAR, INT, SHORT, UCHAR, UINT, USHORT, BOOL, arrayOf, pointerTo } from '../src/compiler/types.js';
import {
  addr, and, assign, fnptr, bin, bitnot, call, cast, comma, compound, cond, decay, decl, defun, deref, entry, exprStmt, func,
  incdec, index, neg, not, num, or, out, outputs, ref, ret, runMain, str, variable,
} from './codegen-ast.js';

describe('codegen: arithmetic and conversions', () => {
  it('computes every binary operator on signed ints', () => {
    const a = variable('a', INT);
    const b = variable('b', INT);
    const ops = ['+', '-', '*', '/', '%', '<<', '>>', '&', '|', '^', '==', '!=', '<', '<=', '>', '>='] as const;
    const run = runMain([decl(a, [entry(0, INT, num(-17))]), decl(b, [entry(0, INT, num(5))]), ...ops.map((op) => out(bin(op, ref(a), ref(b)))), ret(num(0))]);
    expect(outputs(run)).toEqual([-12, -22, -85, -3, -2, -17 << 5, -17 >> 5, -17 & 5, -17 | 5, -17 ^ 5, 0, 1, 1, 1, 0, 0]);
  });

  it('uses unsigned division, modulo, shift and comparison for unsigned operands', () => {
    const a = variable('a', UINT);
    const run = runMain([
      decl(a, [entry(0, UINT, num(-16, UINT))]),
      out(bin('/', ref(a), num(3, UINT))),
      out(bin('%', ref(a), num(7, UINT))),
      out(bin('>>', ref(a), num(2, UINT))),
      out(bin('<', ref(a), num(1, UINT))),
      out(bin('>', ref(a), num(1, UINT))),
      ret(num(0)),
    ]);
    expect(outputs(run)).toEqual([Math.floor(0xfffffff0 / 3) | 0, 0xfffffff0 % 7, 0xfffffff0 >>> 2, 0, 1]);
  });

  it('applies unary operators and constant folding shortcuts (ADDI)', () => {
    const a = variable('a', INT);
    const run = runMain([
      decl(a, [entry(0, INT, num(6))]),
      out(neg(ref(a))),
      out(bitnot(ref(a))),
      out(not(ref(a))),
      out(not(num(0))),
      out(bin('+', num(10), ref(a))),
      out(bin('-', ref(a), num(10))),
      ret(num(0)),
    ]);
    expect(outputs(run)).toEqual([-6, -7, 0, 1, 16, -4]);
  });

  it('truncates and extends in casts', () => {
    const x = variable('x', INT);
    const run = runMain([
      decl(x, [entry(0, INT, num(0x1ff80))]),
      out(cast(INT, cast(CHAR, ref(x)))),
      out(cast(INT, cast(UCHAR, ref(x)))),
      out(cast(INT, cast(SHORT, ref(x)))),
      out(cast(INT, cast(USHORT, ref(x)))),
      out(cast(INT, cast(BOOL, ref(x)))),
      out(cast(INT, cast(BOOL, num(0)))),
      out(cast(UINT, cast(CHAR, num(-1)))),
      ret(num(0)),
    ]);
    expect(outputs(run)).toEqual([-128, 0x80, -128, 0xff80, 1, 0, -1]);
  });

  it('divides by zero into SIGFPE', () => {
    const z = variable('z', INT);
    const run = runMain([decl(z, [entry(0, INT, num(0))]), out(bin('/', num(1), ref(z))), ret(num(0))]);
    expect(run.status).toBe(128 + 8);
  });
});

describe('codegen: logic and control expressions', () => {
  it('short-circuits && and || and yields 0/1', () => {
    const hits = variable('hits', INT);
    const bump = assign(ref(hits), bin('+', ref(hits), num(1)));
    const run = runMain([
      decl(hits, [entry(0, INT, num(0))]),
      out(and(num(0), bump)),
      out(or(num(7), bump)),
      out(and(num(3), num(9))),
      out(or(num(0), num(0))),
      out(or(num(0), num(-5))),
      out(ref(hits)),
      ret(num(0)),
    ]);
    expect(outputs(run)).toEqual([0, 1, 1, 0, 1, 0]);
  });

  it('evaluates ?: and the comma operator', () => {
    const a = variable('a', INT);
    const run = runMain([
      decl(a, [entry(0, INT, num(3))]),
      out(cond(bin('>', ref(a), num(2)), num(10), num(20))),
      out(cond(and(ref(a), not(ref(a))), num(10), num(20))),
      out(comma(assign(ref(a), num(8)), bin('*', ref(a), num(2)))),
      ret(num(0)),
    ]);
    expect(outputs(run)).toEqual([10, 20, 16]);
  });
});

describe('codegen: assignment, ++/-- and compound assignment', () => {
  it('handles int locals with INCL and postfix values', () => {
    const i = variable('i', INT);
    const run = runMain([
      decl(i, [entry(0, INT, num(5))]),
      out(incdec(ref(i), false, 1)),
      out(incdec(ref(i), true, 1)),
      out(incdec(ref(i), false, -1)),
      out(ref(i)),
      out(compound('+', ref(i), num(10))),
      out(compound('*', ref(i), num(3))),
      out(compound('<<', ref(i), num(2))),
      out(compound('%', ref(i), num(7))),
      ret(num(0)),
    ]);
    expect(outputs(run)).toEqual([5, 7, 7, 6, 16, 48, 192, 3]);
  });

  it('wraps char and short targets and keeps _Bool at 0/1', () => {
    const c = variable('c', CHAR);
    const u = variable('u', UCHAR);
    const s = variable('s', SHORT);
    const b = variable('b', BOOL);
    const run = runMain([
      decl(c, [entry(0, CHAR, num(127, CHAR))]),
      decl(u, [entry(0, UCHAR, num(0, UCHAR))]),
      decl(s, [entry(0, SHORT, num(32767, SHORT))]),
      decl(b, [entry(0, BOOL, num(0, BOOL))]),
      out(incdec(ref(c), false, 1)),
      out(ref(c)),
      out(incdec(ref(u), true, -1)),
      out(compound('+', ref(s), num(1))),
      out(incdec(ref(b), false, 1)),
      out(incdec(ref(b), false, 1)),
      out(ref(b)),
      out(incdec(ref(b), true, -1)),
      out(compound('+', ref(c), num(300))),
      ret(num(0)),
    ]);
    expect(outputs(run)).toEqual([127, -128, 255, -32768, 0, 1, 1, 0, (-128 + 300) << 24 >> 24]);
  });

  it('computes the address of a compound-assignment target once', () => {
    const arr = variable('arr', arrayOf(INT, 4));
    const k = variable('k', INT);
    const target = index(ref(arr), incdec(ref(k), false, 1));
    const run = runMain([
      decl(arr, [entry(0, INT, num(1)), entry(4, INT, num(2)), entry(8, INT, num(3))]),
      decl(k, [entry(0, INT, num(1))]),
      out(compound('+', target, num(40))),
      out(ref(k)),
      out(index(ref(arr), num(1))),
      out(index(ref(arr), num(2))),
      ret(num(0)),
    ]);
    expect(outputs(run)).toEqual([42, 2, 42, 3]);
  });

  it('updates globals, through pointers and with pointer steps', () => {
    const g = variable('g', INT, 'global', [entry(0, INT, num(41))]);
    const arr = variable('arr', arrayOf(SHORT, 3), 'global', [entry(0, SHORT, num(10)), entry(2, SHORT, num(20)), entry(4, SHORT, num(30))]);
    const p = variable('p', pointerTo(SHORT));
    const run = runMain(
      [
        out(incdec(ref(g), true, 1)),
        out(incdec(ref(g), false, 1)),
        out(ref(g)),
        decl(p, [entry(0, pointerTo(SHORT), decay(ref(arr)))]),
        out(deref(incdec(ref(p), false, 2))),
        out(deref(ref(p))),
        exprStmt(compound('+', ref(p), num(2), pointerTo(SHORT))),
        out(deref(ref(p))),
        exprStmt(assign(deref(ref(p)), num(-7, SHORT))),
        out(index(ref(arr), num(2))),
        out(compound('-', deref(ref(p)), num(1))),
        ret(num(0)),
      ],
      [g, arr],
    );
    expect(outputs(run)).toEqual([42, 42, 43, 10, 20, 30, -7, -8]);
  });
});

describe('codegen: pointers, arrays and strings', () => {
  it('takes addresses, dereferences and subtracts pointers', () => {
    const arr = variable('arr', arrayOf(INT, 5));
    const p = variable('p', pointerTo(INT));
    const q = variable('q', pointerTo(INT));
    const run = runMain([
      decl(arr),
      decl(p, [entry(0, pointerTo(INT), decay(ref(arr)))]),
      decl(q, [entry(0, pointerTo(INT), addr(index(ref(arr), num(4))))]),
      out({ kind: 'ptrdiff', lhs: ref(q), rhs: ref(p), elemSize: 4, type: INT, loc: ref(p).loc }),
      exprStmt(assign(deref(ref(q)), num(99))),
      out(index(ref(arr), num(4))),
      out(bin('<', ref(p), ref(q))),
      ret(num(0)),
    ]);
    expect(outputs(run)).toEqual([4, 99, 1]);
  });

  it('reads string literals and copies them into char arrays', () => {
    const s = variable('s', arrayOf(CHAR, 8));
    const p = variable('p', pointerTo(CHAR));
    const run = runMain([
      decl(s, [entry(0, arrayOf(CHAR, 8), str('hey'))]),
      decl(p, [entry(0, pointerTo(CHAR), decay(str('hello')))]),
      out(index(ref(p), num(1))),
      out(index(ref(s), num(2))),
      out(index(ref(s), num(3))),
      out(index(ref(s), num(7))),
      ret(num(0)),
    ]);
    expect(outputs(run)).toEqual(['e'.charCodeAt(0), 'y'.charCodeAt(0), 0, 0]);
  });

  it('calls through a function pointer (CALLI)', () => {
    const twice = func('twice', INT, [INT]);
    const x = variable('x', INT, 'param');
    const fp = variable('fp', pointerTo(twice.type));
    const run = runMain(
      [decl(fp, [entry(0, pointerTo(twice.type), fnptr(twice))]), out(call(ref(fp), [num(21)])), ret(num(0))],
      [],
      [defun(twice, [x], [ret(bin('*', ref(x), num(2)))])],
    );
    expect(outputs(run)).toEqual([42]);
  });
});
