// Struct and union layout under ILP32: natural alignment, padding, sizes rounded
// to the largest member alignment, nested and anonymous members, enums.
import { describe, expect, it } from 'vitest';
import type { StructType } from '../src/compiler/types.js';
import { clean, expr, messages } from './sema-helpers.js';

function structOf(source: string, name: string): StructType {
  const unit = clean(source);
  const v = unit.globals.find((g) => g.name === name);
  if (v === undefined || v.type.kind !== 'struct') throw new Error(`no struct global ${name}`);
  return v.type;
}

function offsets(t: StructType): Record<string, number> {
  return Object.fromEntries(t.members.map((m) => [m.name, m.offset]));
}

describe('struct layout', () => {
  it('char, int, short: 12 bytes at offsets 0, 4, 8', () => {
    const t = structOf('struct { char c; int i; short s; } v;', 'v');
    expect(offsets(t)).toEqual({ c: 0, i: 4, s: 8 });
    expect(t.size).toBe(12);
    expect(t.align).toBe(4);
  });

  it('packs small members and rounds the size to the alignment', () => {
    const t = structOf('struct { char a; char b; short c; char d; } v;', 'v');
    expect(offsets(t)).toEqual({ a: 0, b: 1, c: 2, d: 4 });
    expect(t.size).toBe(6);
    expect(structOf('struct { char a, b, c; } v;', 'v').size).toBe(3);
    expect(structOf('struct { short a; char b; } v;', 'v').size).toBe(4);
  });

  it('pointers, arrays and nested structs', () => {
    const t = structOf('struct in { char c; short s; }; struct { char a; struct in x; char *p; char buf[5]; int n; } v;', 'v');
    expect(offsets(t)).toEqual({ a: 0, x: 2, p: 8, buf: 12, n: 20 });
    expect(t.size).toBe(24);
  });

  it('unions take the largest member', () => {
    const t = structOf('union { char c; int i; short s[3]; } v;', 'v');
    expect(offsets(t)).toEqual({ c: 0, i: 0, s: 0 });
    expect(t.size).toBe(8);
    expect(t.isUnion).toBe(true);
  });

  it('anonymous struct and union members are flattened', () => {
    const t = structOf('struct { int tag; union { int i; char *p; }; struct { short a, b; }; } v;', 'v');
    expect(offsets(t)).toEqual({ tag: 0, i: 4, p: 4, a: 8, b: 10 });
    expect(t.size).toBe(12);
    expect(expr('struct { int tag; union { int i; char *p; }; } v;', 'v.p')).toBe('(. v p@4)');
  });

  it('self-reference through a pointer and forward declarations', () => {
    const t = structOf('struct node { int v; struct node *next; } n;', 'n');
    expect(t.size).toBe(8);
    const next = t.members[1].type;
    expect(next.kind === 'ptr' && next.base).toBe(t);
    const u = structOf('struct b; struct a { struct b *pb; }; struct b { struct a *pa; int x; } vb;', 'vb');
    expect(u.size).toBe(8);
  });

  it('a flexible array member takes no space', () => {
    expect(structOf('struct { int n; char data[]; } v;', 'v').size).toBe(4);
  });

  it('nested definitions are visible at file scope', () => {
    expect(expr('struct outer { struct inner { int a, b; } in; int c; };', 'sizeof(struct inner)')).toBe("8:'unsigned int'");
  });

  it('offsetof folds to a constant', () => {
    expect(expr('struct s { char c; int i; short t; };', '(unsigned int)&((struct s *)0)->t')).toBe("8:'unsigned int'");
  });

  it('a block-scope tag shadows the file-scope one', () => {
    const unit = clean('struct s { int a; }; int f(void) { struct s { char x[10]; } v; return sizeof v + sizeof(struct s); }');
    expect(unit.functions[0].locals[0].type.kind).toBe('struct');
    expect(expr('struct s { int a; };', 'sizeof(struct s)')).toBe("4:'unsigned int'");
  });
});

describe('enums', () => {
  it('values count up, may be negative, and allow a trailing comma', () => {
    expect(expr('enum e { A, B = -2, C, D = 10, E, };', 'A * 1000 + B * 100 + C * 10 + E')).toBe('-199');
    expect(expr('enum e { A = 1 << 4, B = A | 1 };', 'B')).toBe('17');
  });

  it('an enum with no negative value is unsigned, as with gcc', () => {
    const unit = clean('enum pos { P }; enum neg { N = -1 }; enum pos a; enum neg b;');
    expect(unit.globals.map((g) => g.type.kind === 'int' && g.type.unsigned)).toEqual([true, false]);
  });

  it('enumerator errors', () => {
    expect(messages('enum e { A, B, A };')).toEqual([
      "t.c:1:16: error: redeclaration of enumerator 'A'",
      "t.c:1:10: note: previous definition of 'A' with type 'int'",
    ]);
    expect(messages('int x; enum e { A = x };')).toEqual([
      "t.c:1:21: error: enumerator value for 'A' is not an integer constant",
    ]);
  });
});
