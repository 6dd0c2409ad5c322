// Declarations and the translation unit's symbol lists: tentative definitions
// merged into one global, externs (only those used) for the linker, unique link
// names for statics, function types merged across declarations, block-scope
// externs, statements' bookkeeping (switch cases, labels, main's return 0).
import { describe, expect, it } from 'vitest';
import { body, clean, compile, fn, globalVar, messages, show } from './sema-helpers.js';

describe('file-scope objects and functions', () => {
  it('tentative definitions merge into one global, with the initialiser of the real one', () => {
    const unit = clean('int x; int x; int x = 3; int x;');
    expect(unit.globals.map((g) => g.name)).toEqual(['x']);
    expect(globalVar(unit, 'x').storage).toBe('global');
    expect(globalVar(unit, 'x').init?.entries).toHaveLength(1);
  });

  it('an extern declaration followed by a definition is one global', () => {
    const unit = clean('extern int n; int get(void) { return n; } int n = 5;');
    expect(unit.globals.map((g) => [g.name, g.storage])).toEqual([['n', 'global']]);
    expect(unit.externs).toEqual([]);
    const ref = fn(unit, 'get').body;
    expect(ref.kind === 'block' && ref.body[0].kind === 'return' && ref.body[0].value?.kind === 'var' && ref.body[0].value.sym).toBe(
      globalVar(unit, 'n'),
    );
  });

  it('externs list only the declarations the unit uses', () => {
    const unit = clean('extern int used, unused; int puts(const char *); int printf(const char *, ...); int f(void) { return used + puts("x"); }');
    expect(unit.externs.map((e) => [e.kind, e.name]).sort()).toEqual([['func', 'puts'], ['var', 'used']]);
  });

  it('statics get link names that cannot clash with other units or with each other', () => {
    const unit = clean('static int count; static int bump(void) { return ++count; } int f(void) { static int count; return bump() + count; }');
    const counts = unit.globals.filter((g) => g.name === 'count');
    expect(counts.map((c) => c.storage)).toEqual(['static', 'static']);
    expect(counts[0].linkName).not.toBe('count');
    expect(counts[0].linkName).not.toBe(counts[1].linkName);
    const bump = fn(unit, 'bump').sym;
    expect(bump.isStatic).toBe(true);
    expect(bump.linkName).not.toBe('bump');
    expect(fn(unit, 'f').sym.linkName).toBe('f');
  });

  it('a prototype with parameters completes an old-style declaration', () => {
    const unit = clean('int f(); int f(int a, char *b); int g(void) { return f(1, "x"); } int f(int a, char *b) { return a; }');
    expect(show(fn(unit, 'f').sym.type)).toBe('int(int, char *)');
    expect(body(unit, 'g')).toEqual(['(return (call (decay fn:f) 1 (decay "x")))']);
  });

  it('an incomplete array at file scope gets one element, with gcc\'s warning', () => {
    const { unit, diagnostics } = compile('int table[];');
    expect(show(unit.globals[0].type)).toBe('int[1]');
    expect(diagnostics.map((d) => d.message)).toEqual(["array 'table' assumed to have one element"]);
  });

  it('an undefined static function that is used is reported', () => {
    expect(messages('static int helper(int); int f(void) { return helper(1); }')).toEqual([
      "t.c:1:12: warning: 'helper' used but never defined",
    ]);
  });

  it('old-style main() defaults to int', () => {
    const { unit, diagnostics } = compile('main() { return 0; }');
    expect(show(fn(unit, 'main').sym.type)).toBe('int()');
    expect(diagnostics.map((d) => d.message)).toEqual(["return type defaults to 'int' [-Wimplicit-int]"]);
  });
});

describe('block scope', () => {
  it('locals, parameters and hidden result slots are listed for the frame', () => {
    const unit = clean('struct big { int a[4]; }; struct big make(void); int f(int p) { int a; { int b; } return make().a[0] + p; }');
    const f = fn(unit, 'f');
    expect(f.params.map((v) => [v.name, v.storage])).toEqual([['p', 'param']]);
    expect(f.locals.map((v) => v.storage)).toEqual(['local', 'local', 'local']);
    expect(f.locals.slice(0, 2).map((v) => v.name)).toEqual(['a', 'b']);
    expect(show(f.locals[2].type)).toBe('struct big');
    expect(new Set([...f.params, ...f.locals].map((v) => v.id)).size).toBe(4);
  });

  it('unnamed parameters still take their place', () => {
    const unit = clean('int f(int, char *s) { return s[0]; }');
    expect(fn(unit, 'f').params.map((p) => p.name)).toEqual(['', 's']);
  });

  it('a block-scope extern refers to the file-scope object', () => {
    const unit = clean('int shared = 1; int f(void) { extern int shared; return shared; }');
    expect(unit.globals).toHaveLength(1);
    expect(body(unit, 'f')).toEqual(['(return shared)']);
  });

  it('declarations in for loops are scoped to the loop', () => {
    const unit = clean('int f(void) { int s = 0; for (int i = 0; i < 3; i++) s += i; for (int i = 5; i; i--) ; return s; }');
    expect(fn(unit, 'f').locals.map((v) => v.name)).toEqual(['s', 'i', 'i']);
    expect(body(unit, 'f')[1]).toBe("(for (decl i{0:int=0}) (< i 3) (post+1 i) (+= s i in 'int'))");
  });

  it('__func__ is a static array holding the function name', () => {
    const unit = clean('const char *name(void) { return __func__; }');
    const v = unit.globals.find((g) => g.name === '__func__');
    expect(v?.storage).toBe('static');
    expect(show(v!.type)).toBe('char[5]');
  });
});

describe('statements', () => {
  it('switch lists its cases, converted to the promoted controlling type', () => {
    const unit = clean("int f(unsigned char c) { switch (c) { case 'a': return 1; case 300: return 2; default: return 3; } }");
    expect(body(unit, 'f')[0]).toBe(
      "(switch (cast 'int' c) [97 300 default] {(case 97 (return 1)) (case 300 (return 2)) (default (return 3))})",
    );
  });

  it('main falls back to return 0; a void return with a value keeps the expression', () => {
    const unit = clean('int g(void); void v(void) { return (void)g(); } int main(void) { v(); }');
    expect(body(unit, 'main')).toEqual(['(call (decay fn:v))', '(return 0)']);
    expect(body(unit, 'v')).toEqual(["{(cast 'void' (call (decay fn:g))) (return)}"]);
  });

  it('labels and gotos', () => {
    const unit = clean('int f(int n) { again: if (n > 0) { n--; goto again; } return n; }');
    expect(body(unit, 'f')[0]).toBe('(label again (if (> n 0) {(post-1 n) (goto again)}))');
  });

  it('conditions must be scalars', () => {
    expect(messages('struct s { int a; }; int f(struct s v) { while (v) return 1; return 0; }')).toEqual([
      't.c:1:49: error: used struct type value where scalar is required',
    ]);
  });
});
