// Initialisers flattened to (offset, type, value) entries: nested braces, brace
// elision, strings into char arrays, designators, unions, sizes from the
// initialiser, address constants for static storage.
import { describe, expect, it } from 'vitest';
import { dumpInit } from '../src/compiler/sema-dump.js';
import { body, clean, globalVar, initOf, messages, show } from './sema-helpers.js';

describe('initialiser flattening', () => {
  it('scalars', () => {
    expect(initOf('int x = 5;', 'x')).toBe('0:int=5');
    expect(initOf('char c = 300;', 'c')).toBe("0:char=44:'char'");
    expect(initOf('unsigned u = -1;', 'u')).toBe("0:unsigned int=-1:'unsigned int'");
    expect(initOf('int x = { 7 };', 'x')).toBe('0:int=7');
  });

  it('array sizes come from the initialiser', () => {
    const unit = clean('int a[] = { 1, 2, 3 }; int b[] = { [5] = 1 }; char *n[] = { "a", "bc" };');
    expect(show(globalVar(unit, 'a').type)).toBe('int[3]');
    expect(dumpInit(globalVar(unit, 'a').init!)).toBe('0:int=1 4:int=2 8:int=3');
    expect(show(globalVar(unit, 'b').type)).toBe('int[6]');
    expect(show(globalVar(unit, 'n').type)).toBe('char *[2]');
    expect(dumpInit(globalVar(unit, 'n').init!)).toBe('0:char *=(decay "a") 4:char *=(decay "bc")');
  });

  it('strings into char arrays', () => {
    const unit = clean('char s[] = "hi"; char t[10] = "hi"; char u[2] = "hi"; char v[] = { "yo" };');
    expect(show(globalVar(unit, 's').type)).toBe('char[3]');
    expect(dumpInit(globalVar(unit, 's').init!)).toBe('0:char[3]="hi"');
    expect(dumpInit(globalVar(unit, 't').init!)).toBe('0:char[10]="hi"');
    expect(dumpInit(globalVar(unit, 'u').init!)).toBe('0:char[2]="hi"');
    expect(show(globalVar(unit, 'v').type)).toBe('char[3]');
    expect(messages('char w[1] = "hi";')).toEqual(["t.c:1:13: warning: initializer-string for array of 'char' is too long"]);
  });

  it('nested braces and brace elision give the same entries', () => {
    const braced = initOf('int m[2][2] = { { 1, 2 }, { 3, 4 } };', 'm');
    expect(braced).toBe('0:int=1 4:int=2 8:int=3 12:int=4');
    expect(initOf('int m[2][2] = { 1, 2, 3, 4 };', 'm')).toBe(braced);
    expect(initOf('int m[2][2] = { { 1 }, { 3 } };', 'm')).toBe('0:int=1 8:int=3');
    expect(show(globalVar(clean('int m[][2] = { 1, 2, 3 };'), 'm').type)).toBe('int[2][2]');
  });

  it('structs, arrays of structs, structs holding arrays', () => {
    const decl = 'struct p { int x; short y; char name[4]; };';
    expect(initOf(`${decl} struct p v = { 1, 2, "ab" };`, 'v')).toBe("0:int=1 4:short int=2:'short int' 6:char[4]=\"ab\"");
    expect(initOf(`${decl} struct p v[] = { 1, 2, "a", 3 };`, 'v')).toBe(
      "0:int=1 4:short int=2:'short int' 6:char[4]=\"a\" 12:int=3",
    );
    expect(initOf('struct { int a[2]; int b; } v = { 1, 2, 3 };', 'v')).toBe('0:int=1 4:int=2 8:int=3');
    expect(initOf('struct { int a[2]; int b; } v = { { 1 }, 3 };', 'v')).toBe('0:int=1 8:int=3');
  });

  it('designators, chained designators and continuation after them', () => {
    const decl = 'struct in { int b[3]; int c; }; struct out { int x; struct in a; int z; };';
    expect(initOf(`${decl} struct out v = { .z = 9, .x = 1 };`, 'v')).toBe('20:int=9 0:int=1');
    expect(initOf(`${decl} struct out v = { .a.b[2] = 7, 8, .z = 9 };`, 'v')).toBe('12:int=7 16:int=8 20:int=9');
    expect(initOf(`${decl} struct out v = { .a = { .c = 5 }, 6 };`, 'v')).toBe('16:int=5 20:int=6');
    expect(initOf('int a[6] = { [3] = 1, 2, [0] = 5 };', 'a')).toBe('12:int=1 16:int=2 0:int=5');
    expect(initOf('struct { int x, y; } pts[2] = { [1] = { .y = 4 } };', 'pts')).toBe('12:int=4');
  });

  it('unions initialise their first or their designated member', () => {
    expect(initOf('union { char c; int i; } u = { 65 };', 'u')).toBe("0:char=65:'char'");
    expect(initOf('union { char c; int i; } u = { .i = 1000 };', 'u')).toBe('0:int=1000');
  });

  it('address constants for static storage', () => {
    const decls = 'int x; int arr[4]; struct { int a, b; } s; int f(void);';
    expect(initOf(`${decls} int *p = &x;`, 'p')).toBe('0:int *=(& x)');
    expect(initOf(`${decls} int *p = arr + 2;`, 'p')).toBe('0:int *=(+ (decay arr) 8)');
    expect(initOf(`${decls} int *p = &arr[3];`, 'p')).toBe('0:int *=(+ (decay arr) 12)');
    expect(initOf(`${decls} int *p = &s.b;`, 'p')).toBe("0:int *=(+ (cast 'int *' (& s)) 4)");
    expect(initOf(`${decls} int (*fp)(void) = f;`, 'p'.replace('p', 'fp'))).toBe('0:int (*)(void)=(decay fn:f)');
    expect(initOf(`${decls} char *q = "abc" + 1;`, 'q')).toBe('0:char *=(+ (decay "abc") 1)');
    expect(initOf(`${decls} void *n = 0;`, 'n')).toBe("0:void *=0:'void *'");
  });

  it('locals may use any expression, struct values included', () => {
    const unit = clean('struct p { int x, y; }; int g(void); void f(struct p q) { int a = g() + 1; struct p r = q; int b[3] = { a, 2 }; }');
    expect(body(unit, 'f')).toEqual([
      '(decl a{0:int=(+ (call (decay fn:g)) 1)})',
      '(decl r{0:struct p=q})',
      '(decl b{0:int=a 4:int=2})',
    ]);
  });

  it('static locals keep constant initialisers and get unique link names', () => {
    const unit = clean('int f(void) { static int n = 3; return n++; } int g(void) { static int n; return n; }');
    const statics = unit.globals.filter((v) => v.name === 'n');
    expect(statics).toHaveLength(2);
    expect(statics.map((v) => v.storage)).toEqual(['static', 'static']);
    expect(new Set(statics.map((v) => v.linkName)).size).toBe(2);
    expect(statics[0].linkName).not.toBe('n');
    expect(dumpInit(statics[0].init!)).toBe('0:int=3');
  });

  it('reports what gcc reports', () => {
    expect(messages('int x; int y = x;')).toEqual(['t.c:1:16: error: initializer element is not constant']);
    expect(messages('int a[2] = { 1, 2, 3 };')).toEqual([
      't.c:1:20: warning: excess elements in array initializer',
      "t.c:1:20: note: (near initialization for 'a')",
    ]);
    expect(messages('int a[2] = 5;')).toEqual(['t.c:1:12: error: invalid initializer']);
    expect(messages('struct s { int a; } v = { .b = 1 };')).toEqual(["t.c:1:28: error: 'struct s' has no member named 'b'"]);
    expect(messages('int g[3] = { [5] = 1 };')).toEqual([
      't.c:1:15: error: array index in initializer exceeds array bounds',
      "t.c:1:15: note: (near initialization for 'g')",
    ]);
  });
});
