// Declarators of every shape become the right C types: pointers to arrays,
// arrays of function pointers, functions returning function pointers, abstract
// declarators in casts and sizeof, parameter adjustments, typedef'd shapes.
import { describe, expect, it } from 'vitest';
import type { FuncType, Type } from '../src/compiler/types.js';
import { clean, exprType, expr, fn, typeOfGlobal } from './sema-helpers.js';

function funcType(t: Type): FuncType {
  if (t.kind !== 'func') throw new Error(`not a function: ${t.kind}`);
  return t;
}

describe('declarator shapes', () => {
  it('pointer to array', () => {
    const unit = clean('int (*p)[3];');
    const t = unit.globals[0].type;
    expect(t.kind).toBe('ptr');
    if (t.kind !== 'ptr') return;
    expect(t.base).toMatchObject({ kind: 'array', length: 3, base: { kind: 'int', ik: 'int' } });
    expect(typeOfGlobal('int (*p)[3];', 'p')).toBe('int (*)[3]');
  });

  it('array of pointers versus pointer to array', () => {
    expect(typeOfGlobal('int *a[3];', 'a')).toBe('int *[3]');
    expect(typeOfGlobal('int (*a)[3][4];', 'a')).toBe('int (*)[3][4]');
    expect(typeOfGlobal('char **argv;', 'argv')).toBe('char **');
  });

  it('array of function pointers', () => {
    const unit = clean('int (*tab[4])(int);');
    const t = unit.globals[0].type;
    expect(t).toMatchObject({ kind: 'array', length: 4, base: { kind: 'ptr', base: { kind: 'func', params: [{ ik: 'int' }] } } });
    expect(typeOfGlobal('int (*tab[4])(int);', 'tab')).toBe('int (*[4])(int)');
  });

  it('function returning a pointer to function', () => {
    const unit = clean('int (*f(int a))(char *b) { return 0; }');
    const t = funcType(fn(unit, 'f').sym.type);
    expect(t.params).toHaveLength(1);
    expect(t.params[0]).toMatchObject({ kind: 'int', ik: 'int' });
    expect(t.ret).toMatchObject({ kind: 'ptr', base: { kind: 'func', params: [{ kind: 'ptr', base: { ik: 'char' } }] } });
    expect(fn(unit, 'f').params.map((p) => p.name)).toEqual(['a']);
  });

  it('signal-like declaration', () => {
    const unit = clean('void (*sig(int n, void (*h)(int)))(int); void (*(*fp)(int, void (*)(int)))(int) = sig;');
    expect(unit.globals[0].name).toBe('fp');
    expect(typeOfGlobal('void (*(*fp)(int, void (*)(int)))(int);', 'fp')).toBe('void (*(*)(int, void (*)(int)))(int)');
  });

  it('multi-dimensional arrays and sizes', () => {
    expect(expr('int m[2][3][4];', 'sizeof m')).toBe("96:'unsigned int'");
    expect(expr('int m[2][3][4];', 'sizeof m[1]')).toBe("48:'unsigned int'");
    expect(expr('int m[2][3][4];', 'sizeof m[1][2]')).toBe("16:'unsigned int'");
  });

  it('abstract declarators in casts and sizeof', () => {
    expect(expr('', 'sizeof(int (*)[3])')).toBe("4:'unsigned int'");
    expect(expr('', 'sizeof(int[3][4])')).toBe("48:'unsigned int'");
    expect(expr('', 'sizeof(char *[5])')).toBe("20:'unsigned int'");
    expect(exprType('', '(int (*)(int))0')).toBe('int (*)(int)');
    expect(exprType('', '(void (*(*)(int))(int))0')).toBe('void (*(*)(int))(int)');
  });

  it('parameters: arrays and functions adjusted to pointers, (void), (), ...', () => {
    const unit = clean(`
      void f(int a[], char s[10], int g(int), int m[][4]);
      int v(void); int u(); int p(const char *fmt, ...);
      int use(void) { f(0, 0, 0, 0); return v() + u(1, 2) + p("x", 1); }`);
    const externs = Object.fromEntries(unit.externs.map((e) => [e.name, e.type]));
    const f = funcType(externs.f);
    expect(f.params.map((t) => t.kind)).toEqual(['ptr', 'ptr', 'ptr', 'ptr']);
    expect(exprType('void f(int a[], char s[10], int g(int), int m[][4]);', 'f')).toBe('void (*)(int *, char *, int (*)(int), int (*)[4])');
    expect(funcType(externs.v)).toMatchObject({ params: [], unspecified: false, variadic: false });
    expect(funcType(externs.u)).toMatchObject({ params: [], unspecified: true });
    expect(funcType(externs.p)).toMatchObject({ variadic: true });
  });

  it('typedefs build on each other', () => {
    expect(typeOfGlobal('typedef int A[3]; A x[2];', 'x')).toBe('int[2][3]');
    expect(typeOfGlobal('typedef int (*F)(int); F table[2];', 'table')).toBe('int (*[2])(int)');
    expect(typeOfGlobal('typedef char *S; S *p;', 'p')).toBe('char **');
    expect(typeOfGlobal('typedef int F(int); F *fp;', 'fp')).toBe('int (*)(int)');
  });

  it('specifier combinations', () => {
    expect(typeOfGlobal('unsigned long int x;', 'x')).toBe('long unsigned int');
    expect(typeOfGlobal('long unsigned x;', 'x')).toBe('long unsigned int');
    expect(typeOfGlobal('short unsigned x;', 'x')).toBe('short unsigned int');
    expect(typeOfGlobal('signed char x;', 'x')).toBe('signed char');
    expect(typeOfGlobal('unsigned x;', 'x')).toBe('unsigned int');
    expect(typeOfGlobal('const volatile int x;', 'x')).toBe('int');
    expect(typeOfGlobal('_Bool x;', 'x')).toBe('_Bool');
    expect(typeOfGlobal('int const * restrict x;', 'x')).toBe('int *');
  });

  it('multiple declarators share the specifiers only', () => {
    const unit = clean('int a, *b, c[2], (*d)(void);');
    expect(unit.globals.map((g) => g.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(unit.globals.map((g) => g.type.kind)).toEqual(['int', 'ptr', 'array', 'ptr']);
  });
});
