// Statements, functions, structs and static data compiled from hand-built ASTs.
import { describe, expect, it } from 'vitest';
import { Op } from '../src/isa/op.js';
import { generateObject } from '../src/compiler/codegen.js';
import { CHAR, INT, UINT, VOID, arrayOf, pointerTo } from '../src/compiler/types.js';
import {
  addr, assign, bin, block, brk, call, compound, cont, decay, decl, defun, deref, doWhile, entry, exprStmt, forStmt, func,
  gotoStmt, ifStmt, incdec, index, labelled, linkUnits, member, num, out, outputs, ref, ret, runMain, str, struct,
  switchStmt, unit, variable, whileStmt, fnptr, OUT,
} from './codegen-ast.js';
import { runBare } from './codegen-harness.js';

describe('codegen: statements', () => {
  it('runs while, do-while and for loops with break and continue', () => {
    const i = variable('i', INT);
    const sum = variable('sum', INT);
    const j = variable('j', INT);
    const run = runMain([
      decl(sum, [entry(0, INT, num(0))]),
      forStmt(
        decl(i, [entry(0, INT, num(0))]),
        bin('<', ref(i), num(10)),
        incdec(ref(i), false, 1),
        block(ifStmt(bin('==', bin('%', ref(i), num(2)), num(0)), cont), ifStmt(bin('>', ref(i), num(7)), brk), exprStmt(compound('+', ref(sum), ref(i)))),
      ),
      out(ref(sum)),
      decl(j, [entry(0, INT, num(100))]),
      whileStmt(bin('>', ref(j), num(3)), exprStmt(assign(ref(j), bin('/', ref(j), num(2))))),
      out(ref(j)),
      doWhile(exprStmt(incdec(ref(j), false, 1)), bin('<', ref(j), num(0))),
      out(ref(j)),
      forStmt(undefined, undefined, undefined, block(exprStmt(incdec(ref(j), true, 1)), ifStmt(bin('==', ref(j), num(20)), brk))),
      out(ref(j)),
      ret(num(0)),
    ]);
    expect(outputs(run)).toEqual([1 + 3 + 5 + 7, 3, 4, 20]);
  });

  it('compiles dense switches to JTAB and sparse ones to a compare chain, with fall-through', () => {
    const x = variable('x', INT, 'param');
    const r = variable('r', INT);
    const classify = func('classify', INT, [INT]);
    const dense = defun(classify, [x], [
      decl(r, [entry(0, INT, num(0))]),
      switchStmt(ref(x), [
        [1, exprStmt(assign(ref(r), num(10))), brk],
        [2, exprStmt(assign(ref(r), num(20)))],
        [3, exprStmt(compound('+', ref(r), num(1))), brk],
        [5, ret(num(50))],
        ['default', exprStmt(assign(ref(r), num(-1)))],
      ]),
      ret(ref(r)),
    ]);
    const y = variable('y', INT, 'param');
    const sparse = func('sparse', INT, [INT]);
    const sparseDef = defun(sparse, [y], [switchStmt(ref(y), [[-1000, ret(num(1))], [7, ret(num(2))], [100000, ret(num(3))]]), ret(num(0))]);
    const inputs = [0, 1, 2, 3, 4, 5, 6];
    const sparseInputs = [-1000, 7, 100000, 8];
    const run = runMain([...inputs.map((v) => out(call(classify, [num(v)]))), ...sparseInputs.map((v) => out(call(sparse, [num(v)]))), ret(num(0))], [], [dense, sparseDef]);
    expect(outputs(run)).toEqual([-1, 10, 21, 1, -1, 50, -1, 1, 2, 3, 0]);
    const obj = generateObject(unit([dense, sparseDef]));
    expect(obj.functions[0].code).toContain(Op.JTAB);
    expect(obj.functions[1].code).not.toContain(Op.JTAB);
  });

  it('jumps with goto, forwards and backwards', () => {
    const n = variable('n', INT);
    const run = runMain([
      decl(n, [entry(0, INT, num(0))]),
      labelled('again', exprStmt(incdec(ref(n), true, 1))),
      ifStmt(bin('<', ref(n), num(5)), gotoStmt('again')),
      gotoStmt('done'),
      exprStmt(assign(ref(n), num(-1))),
      labelled('done', out(ref(n))),
      ret(num(0)),
    ]);
    expect(outputs(run)).toEqual([5]);
  });

  it('returns 0 from main when it falls off the end; the status is main\'s result', () => {
    expect(runMain([out(num(1))]).status).toBe(0);
    expect(runMain([ret(num(42))]).status).toBe(42);
  });
});

describe('codegen: functions', () => {
  it('recurses (fib) with parameters at positive offsets', () => {
    const fib = func('fib', INT, [INT]);
    const n = variable('n', INT, 'param');
    const def = defun(fib, [n], [
      ifStmt(bin('<', ref(n), num(2)), ret(ref(n))),
      ret(bin('+', call(fib, [bin('-', ref(n), num(1))]), call(fib, [bin('-', ref(n), num(2))]))),
    ]);
    expect(outputs(runMain([out(call(fib, [num(20)])), ret(num(0))], [], [def]))).toEqual([6765]);
  });

  it('passes char parameters widened and reads them back with their type', () => {
    const f = func('f', INT, [CHAR, INT]);
    const c = variable('c', CHAR, 'param');
    const k = variable('k', INT, 'param');
    const def = defun(f, [c, k], [exprStmt(compound('+', ref(c), num(1))), ret(bin('-', ref(c), ref(k)))]);
    expect(outputs(runMain([out(call(f, [num(127, CHAR), num(1)])), ret(num(0))], [], [def]))).toEqual([-129]);
  });
});

describe('codegen: structs', () => {
  const point = struct('point', [
    ['c', CHAR],
    ['x', INT],
    ['name', arrayOf(CHAR, 6)],
  ]);

  it('lays out, copies, passes and returns structs', () => {
    // struct point make(int x, struct point proto) { proto.x = x; return proto; }
    const make = func('make', point, [INT, point]);
    const x = variable('x', INT, 'param');
    const proto = variable('proto', point, 'param');
    const makeDef = defun(make, [x, proto], [exprStmt(assign(member(ref(proto), 'x'), ref(x))), ret(ref(proto))]);
    const a = variable('a', point);
    const b = variable('b', point);
    const slot = variable('tmp', point);
    const run = runMain(
      [
        decl(a, [entry(0, CHAR, num(7, CHAR)), entry(4, INT, num(1)), entry(8, arrayOf(CHAR, 6), str('pt'))]),
        decl(b),
        exprStmt(assign(ref(b), call(make, [num(99), ref(a)], slot))),
        out(member(ref(b), 'x')),
        out(member(ref(b), 'c')),
        out(index(member(ref(b), 'name'), num(1))),
        out(member(ref(a), 'x')),
        out(member(call(make, [num(5), ref(b)], slot), 'x')),
        ret(num(0)),
      ],
      [],
      [makeDef],
      [slot],
    );
    expect(outputs(run)).toEqual([99, 7, 't'.charCodeAt(0), 1, 5]);
  });

  it('reaches members through pointers (p->m)', () => {
    const s = variable('s', point, 'global');
    const p = variable('p', pointerTo(point));
    const run = runMain(
      [
        decl(p, [entry(0, pointerTo(point), addr(ref(s)))]),
        exprStmt(assign(member(deref(ref(p)), 'x'), num(12))),
        exprStmt(incdec(member(deref(ref(p)), 'x'), false, 1)),
        out(member(ref(s), 'x')),
        ret(num(0)),
      ],
      [s],
    );
    expect(outputs(run)).toEqual([13]);
  });
});

describe('codegen: static data', () => {
  it('initialises globals with constants, strings and addresses of other globals', () => {
    const table = variable('table', arrayOf(INT, 4), 'global', [entry(0, INT, num(3)), entry(8, INT, num(-9))]);
    const p = variable('p', pointerTo(INT), 'global', [entry(0, pointerTo(INT), bin('+', decay(ref(table)), num(8), pointerTo(INT)))]);
    const msg = variable('msg', pointerTo(CHAR), 'static', [entry(0, pointerTo(CHAR), decay(str('abc')))]);
    const buf = variable('buf', arrayOf(CHAR, 3), 'global', [entry(0, arrayOf(CHAR, 3), str('xyz'))]);
    const counter = variable('counter', UINT, 'global');
    const run = runMain(
      [
        out(deref(ref(p))),
        out(index(ref(msg), num(2))),
        out(index(ref(buf), num(2))),
        out(index(ref(table), num(3))),
        out(incdec(ref(counter), true, 1)),
        ret(num(0)),
      ],
      [table, p, msg, buf, counter],
    );
    expect(outputs(run)).toEqual([-9, 'c'.charCodeAt(0), 'z'.charCodeAt(0), 0, 1]);
  });

  it('stores function addresses in data (a dispatch table)', () => {
    const one = func('one', INT);
    const two = func('two', INT);
    const fpType = pointerTo(one.type);
    const ops = variable('ops', arrayOf(fpType, 2), 'global', [entry(0, fpType, fnptr(one)), entry(4, fpType, fnptr(two))]);
    const run = runMain(
      [out(call(index(ref(ops), num(1)), [])), out(call(index(ref(ops), num(0)), [])), ret(num(0))],
      [ops],
      [defun(one, [], [ret(num(1))]), defun(two, [], [ret(num(2))])],
    );
    expect(outputs(run)).toEqual([2, 1]);
  });

  it('reports a non-constant static initialiser', () => {
    const local = variable('l', INT);
    const bad = variable('bad', pointerTo(INT), 'global', [entry(0, pointerTo(INT), addr(ref(local)))]);
    expect(() => generateObject(unit([], [bad]))).toThrow('initializer element is not constant');
  });
});

describe('codegen: line table and shape', () => {
  it('starts every function with ENT, ends it with LEV and records statement lines', () => {
    const f = func('f', VOID);
    const def = defun(f, [], [exprStmt(assign(ref(OUT), num(1)), 5), exprStmt(assign(ref(OUT), num(2)), 7)]);
    const obj = generateObject(unit([def], [OUT]));
    const code = obj.functions[0].code;
    expect(code[0]).toBe(Op.ENT);
    expect(code[code.length - 1]).toBe(Op.LEV);
    const lines = obj.functions[0].lines.filter((_, i) => i % 3 === 2);
    expect(lines).toEqual([1, 5, 7, 99]);
  });

  it('ends with LEV even when the body ends in a jump whose target equals Op.LEV', () => {
    // ENT (2 words) + 2 global stores (5 words each) + 16 local stores (4 words each) = 76
    const x = variable('x', INT);
    const pad = [
      ...[1, 2].map(() => exprStmt(assign(ref(OUT), num(1)))),
      decl(x),
      ...Array.from({ length: 16 }, () => exprStmt(assign(ref(x), num(1)))),
    ];
    const body = [...pad, labelled('top', exprStmt(assign(ref(x), num(2)))), gotoStmt('top')];
    const code = generateObject(unit([defun(func('spin', VOID), [], body)], [OUT])).functions[0].code;
    expect(code.slice(-3)).toEqual([Op.JMP, 76, Op.LEV]);
  });

  it('keeps line entries inside the code when a function ends in return', () => {
    const obj = generateObject(unit([defun(func('g', INT), [], [ret(num(1))])]));
    const f = obj.functions[0];
    expect(f.code[f.code.length - 1]).toBe(Op.LEV);
    for (let i = 0; i < f.lines.length; i += 3) expect(f.lines[i]).toBeLessThan(f.code.length);
  });

  it('reports a frame or a block copy too large for the instruction set', () => {
    const big = variable('big', arrayOf(CHAR, (1 << 24) + 4));
    expect(() => generateObject(unit([defun(func('f', VOID), [], [decl(big)])]))).toThrow('stack frame too large');
    const s = struct('huge', [['bytes', arrayOf(CHAR, (1 << 24) + 4)]]);
    const a = variable('a', s, 'global');
    const b = variable('b', s, 'global');
    const copy = defun(func('copy', VOID), [], [exprStmt(assign(ref(a), ref(b)), 3)]);
    expect(() => generateObject(unit([copy], [a, b]))).toThrow(/object too large: 16777220 bytes/);
  });

  it('links a program whose module passes the verifier and runs', () => {
    const result = linkUnits(unit([defun(func('main', INT), [], [ret(num(3))])]));
    expect(result.errors).toEqual([]);
    expect(runBare(result.module!).status).toBe(3);
  });
});
