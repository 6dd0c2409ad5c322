// Typedef names versus identifiers: the parser's scoped table decides whether
// `T * x;` declares x or multiplies, and follows shadowing both ways.
import { describe, expect, it } from 'vitest';
import { body, clean, compile, expr, fn, messages } from './sema-helpers.js';

describe('typedef names and identifiers', () => {
  it('T * x; is a declaration when T is a typedef name', () => {
    const unit = clean('typedef int T; int f(void) { T * x; x = 0; return 0; }');
    expect(fn(unit, 'f').locals.map((l) => l.name)).toEqual(['x']);
    expect(body(unit, 'f')[0]).toBe('(decl x)');
  });

  it('a * b; is a multiplication when a is a variable', () => {
    const unit = clean('int f(int a, int b) { a * b; return 0; }');
    expect(body(unit, 'f')[0]).toBe('(* a b)');
  });

  it('a local variable shadows the typedef, and the typedef comes back after the block', () => {
    const unit = clean(`typedef int T;
      int f(int x) {
        { int T = 3; T * x; }
        T * y;
        return 0;
      }`);
    expect(body(unit, 'f')[0]).toBe('{(decl T{0:int=3}) (* T x)}');
    expect(body(unit, 'f')[1]).toBe('(decl y)');
  });

  it('a typedef in a block shadows a variable', () => {
    const unit = clean(`int T;
      int f(void) {
        T * 2;
        { typedef char T; T * p = 0; return sizeof(T) + sizeof p; }
      }`);
    expect(body(unit, 'f')[0]).toBe('(* T 2)');
    expect(body(unit, 'f')[1]).toBe("{(decl p{0:char *=0:'char *'}) (return (cast 'int' 5:'unsigned int'))}".replace("(cast 'int' 5:'unsigned int')", '5'));
  });

  it('a parameter named like a typedef hides it in the body', () => {
    const unit = clean('typedef int T; int f(int T) { return T * 2; }');
    expect(body(unit, 'f')[0]).toBe('(return (* T 2))');
  });

  it('int T; after typedef T declares a variable named T', () => {
    const unit = clean('typedef int T; int f(void) { int T; T = 1; return T; }');
    expect(fn(unit, 'f').locals.map((l) => l.name)).toEqual(['T']);
  });

  it('casts and sizeof of typedef names', () => {
    expect(expr('typedef unsigned char byte;', '(byte)300')).toBe("44:'unsigned char'");
    expect(expr('typedef struct { int a, b; } pair;', 'sizeof(pair)')).toBe("8:'unsigned int'");
    expect(expr('typedef int T; int v;', 'sizeof(T) * v')).toBe("(* 4:'unsigned int' (cast 'unsigned int' v))");
  });

  it('a typedef name followed by a colon is a label', () => {
    const unit = clean('typedef int T; int f(void) { goto T; T: return 1; }');
    expect(body(unit, 'f')).toEqual(['(goto T)', '(label T (return 1))']);
  });

  it('enum constants shadow typedef names', () => {
    const unit = clean('typedef int T; int f(void) { enum { T = 5 }; return T * 2; }');
    expect(body(unit, 'f')).toEqual(['(return 10)']);
  });

  it('a typedef name used as an expression is an error', () => {
    expect(messages('typedef int T; int f(void) { return T + 1; }')).toEqual([
      "t.c:1:37: error: expected expression before 'T'",
    ]);
    expect(compile('typedef int T; int f(void) { int x = (T)1; return x; }').text).toBe('');
  });
});
