// The linker: symbol resolution, ld's errors, tentative definitions, dead-section
// dropping, the sigreturn stub, and objects surviving a JSON round trip.
import { describe, expect, it } from 'vitest';
import { Op } from '../src/isa/op.js';
import { SYSCALLS } from '../src/kernel/syscall-table.js';
import { generateObject } from '../src/compiler/codegen.js';
import { link } from '../src/compiler/link.js';
import { objectSymbols, parseObject, serializeObject } from '../src/compiler/object.js';
import { INT, arrayOf } from '../src/compiler/types.js';
import { assign, call, defun, entry, exprStmt, func, incdec, index, linkUnits, num, out, outputs, ref, ret, startUnit, unit, variable, OUT, inFile } from './codegen-ast.js';
import { runBare } from './codegen-harness.js';

const mainCalling = (callee: ReturnType<typeof func>, file = 'main.c') =>
  inFile(file, () => unit([defun(func('main', INT), [], [ret(call(callee, []))])]));

describe('link: symbols', () => {
  it('reports an undefined reference in ld\'s words, with the function and line', () => {
    const result = linkUnits(mainCalling(func('missing', INT)));
    expect(result.module).toBeUndefined();
    expect(result.errors).toEqual([{ message: "undefined reference to `missing'", file: 'main.c', line: 1, inFunction: 'main' }]);
  });

  it('reports undefined references from unused user functions too, but not from unused library code', () => {
    const unused = defun(func('unused', INT), [], [ret(call(func('nowhere', INT), []))]);
    const user = generateObject(unit([defun(func('main', INT), [], [ret(num(0))]), unused]));
    const libUnused = generateObject(unit([defun(func('libunused', INT), [], [ret(call(func('alsonowhere', INT), []))])], [], 'lib.c'));
    const result = link([user, generateObject(startUnit())], [libUnused]);
    expect(result.errors.map((e) => e.message)).toEqual(["undefined reference to `nowhere'"]);
  });

  it('reports a multiple definition and where the first one is', () => {
    const a = inFile('a.c', () => unit([defun(func('dup', INT), [], [ret(num(1))])]));
    const b = inFile('b.c', () => unit([defun(func('dup', INT), [], [ret(num(2))])]));
    const result = linkUnits(mainCalling(func('dup', INT)), a, b);
    expect(result.errors.map((e) => [e.file, e.message])).toEqual([['b.c', "multiple definition of `dup'; a.c:1: first defined here"]]);
  });

  it('refuses to call an object that is not a function', () => {
    const notFunction = inFile('data.c', () => unit([], [variable('thing', INT, 'global', [entry(0, INT, num(3))])]));
    const result = linkUnits(mainCalling(func('thing', INT)), notFunction);
    expect(result.errors).toEqual([{ message: "call to `thing', which is not a function", file: 'main.c', line: 1, inFunction: 'main' }]);
  });

  it('lets a user definition override the library one', () => {
    const lib = generateObject(unit([defun(func('answer', INT), [], [ret(num(1))])], [], 'lib.c'));
    const user = generateObject(unit([defun(func('answer', INT), [], [ret(num(42))])], [], 'user.c'));
    const result = link([generateObject(mainCalling(func('answer', INT))), user, generateObject(startUnit())], [lib]);
    expect(result.errors).toEqual([]);
    expect(runBare(result.module!).status).toBe(42);
  });

  it('merges tentative definitions (the largest size) and lets a real definition win', () => {
    const t1 = variable('shared', arrayOf(INT, 2), 'global');
    const t2 = variable('shared', arrayOf(INT, 8), 'global');
    const g1 = variable('g', INT, 'global');
    const g2 = variable('g', INT, 'global', [entry(0, INT, num(7))]);
    const main = defun(func('main', INT), [], [exprStmt(assign(index(ref(t2), num(7)), num(5))), out(index(ref(t2), num(7))), out(ref(g1)), ret(num(0))]);
    const result = linkUnits(unit([main], [t1, g1, OUT]), unit([], [t2, g2], 'other.c'));
    expect(result.errors).toEqual([]);
    expect(result.module!.globals.find((g) => g.name === 'shared')?.size).toBe(32);
    expect(outputs(runBare(result.module!))).toEqual([5, 7]);
  });

  it('keeps statics of different objects apart even under the same link name', () => {
    const mk = (file: string, value: number) => {
      const counter = { ...variable('counter', INT, 'static', [entry(0, INT, num(value))]), linkName: 'counter.1' };
      const get = func(`get_${file}`, INT);
      return { u: unit([defun(get, [], [ret(incdec(ref(counter), true, 1))])], [counter], `${file}.c`), get };
    };
    const a = mk('a', 10);
    const b = mk('b', 20);
    const main = defun(func('main', INT), [], [out(call(a.get, [])), out(call(b.get, [])), out(call(a.get, [])), ret(num(0))]);
    const result = linkUnits(unit([main], [OUT]), a.u, b.u);
    expect(result.errors).toEqual([]);
    expect(outputs(runBare(result.module!))).toEqual([11, 21, 12]);
  });
});

describe('link: layout', () => {
  it('drops functions and data nothing reachable refers to', () => {
    const dead = variable('dead_table', arrayOf(INT, 100), 'global', [entry(0, INT, num(1))]);
    const deadFn = defun(func('dead_fn', INT), [], [ret(index(ref(dead), num(0)))]);
    const result = linkUnits(unit([defun(func('main', INT), [], [ret(num(0))]), deadFn], [dead]));
    const names = result.module!.functions.map((f) => f.name);
    expect(names).toEqual(['main', '_start']);
    expect(result.module!.data.length).toBe(0);
    expect(result.module!.globals).toEqual([]);
  });

  it('puts a SYS rt_sigreturn stub at code index 0, outside every function', () => {
    const m = linkUnits(unit([defun(func('main', INT), [], [ret(num(0))])])).module!;
    const nr = SYSCALLS.find((s) => s.name === 'rt_sigreturn')!.nr;
    expect(m.sigreturn).toBe(0);
    expect([m.code[0], m.code[1]]).toEqual([Op.SYS, nr]);
    expect(m.functions.every((f) => f.start > 0)).toBe(true);
    expect(m.functions.find((f) => f.name === '_start')?.start).toBe(m.entry);
  });

  it('merges line tables with a shared file list, sorted by code index', () => {
    const m = linkUnits(inFile('prog.c', () => unit([defun(func('main', INT), [], [ret(num(0))])]))).module!;
    expect(m.files).toEqual(['prog.c', 'crt0.c']);
    for (let i = 3; i < m.lines.length; i += 3) expect(m.lines[i]).toBeGreaterThanOrEqual(m.lines[i - 3]);
  });
});

describe('link: limits', () => {
  it('refuses data and bss larger than the data region, in words of its own', () => {
    const huge = variable('huge', arrayOf(INT, 0x10000000), 'global');
    const main = defun(func('main', INT), [], [ret(index(ref(huge), num(1)))]);
    const result = linkUnits(unit([main], [huge]));
    expect(result.module).toBeUndefined();
    expect(result.errors.map((e) => e.message)).toEqual([`data and bss (${0x40000000} bytes) do not fit in the data region (${0x38000000} bytes)`]);
  });
});

describe('object files', () => {
  it('survive a JSON round trip and list what they define and need', () => {
    const g = variable('g', INT, 'global', [entry(0, INT, num(5))]);
    const obj = generateObject(unit([defun(func('main', INT), [], [ret(call(func('helper', INT), []))])], [g]));
    const back = parseObject(JSON.parse(serializeObject(obj)));
    expect(back).toEqual(obj);
    expect(objectSymbols(back)).toEqual({ defines: ['main', 'g'], needs: ['helper'] });
  });

  it('rejects malformed objects', () => {
    const obj = generateObject(unit([defun(func('main', INT), [], [ret(num(0))])]));
    const text = serializeObject(obj);
    expect(() => parseObject('{')).toThrow();
    expect(() => parseObject({ ...obj, format: 999 })).toThrow('malformed object');
    expect(() => parseObject({ ...obj, functions: [{ ...obj.functions[0], relocs: [{ at: 9999, kind: 'call', symbol: 'x', addend: 0 }] }] })).toThrow(
      'malformed object',
    );
    expect(parseObject(text)).toEqual(obj);
  });
});
