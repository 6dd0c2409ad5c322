/* Directives, #include, builtin macros and token positions. Expected outputs are what gcc -E printed. */
import { describe, expect, test } from 'vitest';
import { expand, run, text } from './pp-helpers.js';

describe('conditional inclusion', () => {
  test('#if/#elif/#else chains take exactly one group', () => {
    const chain = (n: number): string =>
      expand(`#define N ${n}\n#if N == 1\none\n#elif N == 2\ntwo\n#elif N > 2\nmany\n#else\nnone\n#endif`);
    expect([chain(1), chain(2), chain(7), chain(0)]).toEqual(['one', 'two', 'many', 'none']);
  });

  test('#ifdef, #ifndef, defined X and defined(X); keywords and unknown names count as 0', () => {
    const source = `#define A
#ifdef A
a
#endif
#ifndef B
b
#endif
#if defined A && defined(A) && !defined B && !defined(B) && !int && !unknown_name
c
#endif`;
    expect(expand(source)).toBe('a b c');
  });

  test('groups inside a skipped group are skipped whole, whatever they hold', () => {
    const source = `#if 0
this is not C: @ \` 1abc 08
#if 1
#error never
#else
#error never either
#endif
#bogus directive
#elif 0
#endif
#if 1
kept
#elif 1/0
#else
#error not this
#endif`;
    expect(expand(source)).toBe('kept');
  });

  test('integer expressions in #if: precedence, ?:, unsigned arithmetic, character constants', () => {
    const cases: [string, boolean][] = [
      ['2 + 3 * 4 == 14', true], ['(1 ? 2 : 3) == 2', true], ['0 ? 1 : 0 ? 2 : 3', true],
      ['-1 < 0', true], ['-1 > 0u', true], ['0xffffffffffffffff == -1', true], ["'a' == 97", true],
      ["'\\377' < 0", true], ["'\\n' == 10", true], ['10 % 3 == 1', true], ['-7 / 2 == -3', true], ['-7 % 2 == -1', true],
      ['~0 == -1', true], ['(3 ^ 5) == 6', true], ['(4 | 1) == 5', true], ['(6 & 3) == 2', true], ['1 << 4 == 16', true],
      ['-16 >> 2 == -4', true], ['0xffffffffffffffffu >> 63 == 1', true], ['1 >= 1 && 2 <= 2 && 3 != 4', true],
      ['0 && 1 / 0', false], ['1 || 1 / 0', true], ['1 ? 2 : 1 / 0', true], ['(1, 0)', false], ['!5', false],
      ['017 == 15', true], ['10UL == 10', true], ['2147483647 + 1 > 0', true], ['__INT_MAX__ == 2147483647', true],
    ];
    for (const [expr, expected] of cases) {
      expect(expand(`#if ${expr}\nyes\n#else\nno\n#endif`), expr).toBe(expected ? 'yes' : 'no');
    }
  });

  test('a macro expanding to defined works as in gcc', () => {
    expect(expand('#define D defined(X)\n#define X\n#if D\nyes\n#endif')).toBe('yes');
  });
});

describe('#include', () => {
  const files = {
    '/inc/hdr.h': '#define HDR "inc/hdr.h"\nint from_inc;\n',
    'sub/local.h': 'int from_sub;\n#include "sibling.h"\n',
    'sub/sibling.h': 'int sibling;\n',
  };

  test('"..." relative to the including file, <...> from the include dirs, and macro-expanded names', () => {
    const source = `#include "sub/local.h"
#define NAME <hdr.h>
#include NAME
#define Q(x) #x
#include Q(sub/sibling.h)
__FILE__ __LINE__ HDR`;
    expect(expand(source, files)).toBe('int from_sub ; int sibling ; int from_inc ; int sibling ; "main.c" 6 "inc/hdr.h"');
  });

  test('"..." falls back to the include dirs; <...> does not look next to the file', () => {
    expect(expand('#include "hdr.h"\nHDR', files)).toBe('int from_inc ; "inc/hdr.h"');
    const result = run({ ...files, 'main.c': '#include <sub/local.h>\n' });
    expect(result.diagnostics.map((d) => d.message)).toEqual(['sub/local.h: No such file or directory']);
  });

  test('include guards and #pragma once keep second copies out', () => {
    const guarded = { 'g.h': '#ifndef G_H\n#define G_H\nint g;\n#endif\n', 'o.h': '#pragma once\nint o;\n' };
    expect(expand('#include "g.h"\n#include "g.h"\n#include "o.h"\n#include "o.h"\nend', guarded)).toBe('int g ; int o ; end');
  });

  test('tokens from a header know their file and line, and the include chain', () => {
    const result = run({ ...files, 'main.c': '\n#include "sub/local.h"\n' });
    const sibling = result.tokens.find((t) => t.image === 'sibling');
    expect([sibling?.file, sibling?.startLine, sibling?.startColumn]).toEqual(['sub/sibling.h', 1, 5]);
    expect(sibling?.includedFrom).toEqual({ file: 'sub/local.h', line: 2, parent: { file: 'main.c', line: 2 } });
  });
});

describe('builtin macros and #line', () => {
  test('__LINE__ is the physical line where the token starts, across continuations', () => {
    // gcc -E: "int a = 1 + 2;"
    expect(expand('int a = __LINE__ \\\n + __LI\\\nNE__;')).toBe('int a = 1 + 2 ;');
  });

  test('__LINE__ in a macro is the line of the macro use', () => {
    // gcc -E: "int b = 3 3;"
    expect(expand('#define L __LINE__\n#define F(x) x __LINE__\nint b = F(L\n\n);')).toBe('int b = 3 3 ;');
  });

  test('#line renumbers following lines and may rename the file', () => {
    const result = run({ 'main.c': '#line 100\n__LINE__\n#line 7 "other.c"\n__FILE__ __LINE__\nx' });
    expect(text(result)).toBe('100 "other.c" 7 x');
    const x = result.tokens[3];
    expect([x.file, x.startLine]).toEqual(['other.c', 8]);
  });

  test('the predefined macros describe an ILP32 target and never __GNUC__', () => {
    const source =
      '__STDC__ __STDC_VERSION__ __ipcvm__ __ILP32__ __CHAR_BIT__ __SIZEOF_INT__ __SIZEOF_LONG__ ' +
      '__SIZEOF_POINTER__ __linux__ __unix__ __DATE__ __TIME__\n#ifdef __GNUC__\ngnu\n#endif';
    expect(expand(source)).toBe('1 199901L 1 1 8 4 4 4 1 1 "Jan  1 1970" "00:00:00"');
  });

  test('defines from the options behave like -D', () => {
    const result = run({ 'main.c': 'DEBUG LEVEL' }, 'main.c', [], { DEBUG: '', LEVEL: '(2 + 1)' });
    expect(text(result)).toBe('1 ( 2 + 1 )');
  });
});

describe('other directives', () => {
  test('_Pragma is consumed, is "defined", and _Pragma("once") guards a header', () => {
    const files = { 'o.h': '_Pragma("once") int o;\n' };
    const source = '#include "o.h"\n#include "o.h"\n_Pragma ( "GCC diagnostic push" ) int b;\n#ifdef _Pragma\nyes\n#endif';
    expect(expand(source, files)).toBe('int o ; int b ; yes');
    const bad = run({ 'main.c': '_Pragma(1)' });
    expect(bad.diagnostics.map((d) => [d.column, d.message])).toEqual([
      [9, '_Pragma takes a parenthesized string literal'],
    ]);
  });

  test('#undef, the null directive, #pragma and #ident are accepted', () => {
    expect(expand('#define X 1\n#undef X\n#\n#pragma GCC poison\n#ident "v1"\nX')).toBe('X');
  });

  test('tokens from a macro body take the position of the macro use; arguments keep theirs', () => {
    const result = run({ 'main.c': '#define ADD(a, b) ((a) + (b))\nint v =\n  ADD(x,\n      y);' });
    const at = (image: string): [number | undefined, number | undefined] => {
      const t = result.tokens.find((token) => token.image === image);
      return [t?.startLine, t?.startColumn];
    };
    expect([at('+'), at('x'), at('y')]).toEqual([[3, 3], [3, 7], [4, 7]]);
    expect(result.tokens.find((t) => t.image === '+')?.expandedFrom).toEqual({ macro: 'ADD', file: 'main.c', line: 1 });
  });

  test('output tokens have parser token types, keywords included', () => {
    const result = run({ 'main.c': '#define T unsigned int\nT x;' });
    expect(result.tokens.map((t) => t.tokenType.name)).toEqual(['Unsigned', 'Int', 'Identifier', 'Semicolon']);
  });
});
