/* Preprocessor diagnostics, printed. Every expected text is what `LC_ALL=C gcc -fsyntax-only`
 * printed for the same source (gcc 12.2), minus the errors its parser added afterwards. */
import { describe, expect, test } from 'vitest';
import { diagnose, run } from './pp-helpers.js';

describe('macro definitions and calls', () => {
  test('redefinition warning with its note, and argument-count errors with theirs', () => {
    const source = '#define F(a,b) a+b\n#define G 1\n#define G 2\nint x = F(1);\n';
    expect(diagnose(source)).toBe(`main.c:3: warning: "G" redefined
    3 | #define G 2
      | 
main.c:2: note: this is the location of the previous definition
    2 | #define G 1
      | 
main.c:4:12: error: macro "F" requires 2 arguments, but only 1 given
    4 | int x = F(1);
      |            ^
main.c:1: note: macro "F" defined here
    1 | #define F(a,b) a+b
      | 
`);
  });

  test('too many arguments, also to a macro that takes none', () => {
    const source = '#define F(a,b) a+b\n#define E() 1\n#define V(...) __VA_ARGS__\nint a = E(2);\nint b = F(1,2,3);\nint c = V();\n';
    expect(diagnose(source)).toBe(`main.c:4:12: error: macro "E" passed 1 arguments, but takes just 0
    4 | int a = E(2);
      |            ^
main.c:2: note: macro "E" defined here
    2 | #define E() 1
      | 
main.c:5:16: error: macro "F" passed 3 arguments, but takes just 2
    5 | int b = F(1,2,3);
      |                ^
main.c:1: note: macro "F" defined here
    1 | #define F(a,b) a+b
      | 
`);
  });

  test('after a failed call the name and its arguments go on to the parser unchanged', () => {
    const result = run({ 'main.c': '#define F(a,b) a+b\nF(1);' });
    expect(result.tokens.map((t) => t.image)).toEqual(['F', '(', '1', ')', ';']);
  });

  test('an argument list cut off by the end of a header', () => {
    const files = { 'main.c': '#define F(a,b) a\n#include "f.h"\n)\n', 'f.h': 'int q = F(1,\n' };
    expect(diagnose(files['main.c'], files)).toBe(`In file included from main.c:2:
f.h:1:13: error: unterminated argument list invoking macro "F"
    1 | int q = F(1,
      |             ^
`);
  });

  test('malformed #define lines', () => {
    const source = [
      '#define', '#define 3', '#define F(a,a) a', '#define G(a', '#define Y(a b) a', '#define Z(a,) a',
      '#define W(...', '#define V(__VA_ARGS__) 1', '#define defined', '',
    ].join('\n');
    expect(diagnose(source)).toBe(`main.c:1:8: error: no macro name given in #define directive
    1 | #define
      |        ^
main.c:2:9: error: macro names must be identifiers
    2 | #define 3
      |         ^
main.c:3:13: error: duplicate macro parameter "a"
    3 | #define F(a,a) a
      |             ^
main.c:4:12: error: expected ')' before end of line
    4 | #define G(a
      |            ^
main.c:5:13: error: expected ',' or ')', found "b"
    5 | #define Y(a b) a
      |             ^
main.c:6:13: error: expected parameter name, found ")"
    6 | #define Z(a,) a
      |             ^
main.c:7:14: error: expected ')' after "..."
    7 | #define W(...
      |              ^
main.c:8:11: warning: __VA_ARGS__ can only appear in the expansion of a C99 variadic macro
    8 | #define V(__VA_ARGS__) 1
      |           ^
main.c:9:9: error: "defined" cannot be used as a macro name
    9 | #define defined
      |         ^~~~~~~
`);
  });

  test('# and ## misplaced in a body (we point at the operator itself, gcc at the parameter list)', () => {
    const source = '#define H(x) #y\n#define I(x) ## x\n';
    expect(diagnose(source)).toBe(`main.c:1:14: error: '#' is not followed by a macro parameter
    1 | #define H(x) #y
      |              ^
main.c:2:14: error: '##' cannot appear at either end of a macro expansion
    2 | #define I(x) ## x
      |              ^~
`);
  });

  test('a paste that makes no token', () => {
    const result = run({ 'main.c': '#define cat(a,b) a##b\ncat(.,.)' });
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'pasting "." and "." does not give a valid preprocessing token',
    ]);
    expect(result.tokens.map((t) => t.image)).toEqual(['.', '.']);
  });
});

describe('conditionals', () => {
  test('#else after #else, #elif after #else, #endif without #if', () => {
    const source = '#if 1\n#else\n#else\n#elif 1\n#endif\n#endif\n';
    expect(diagnose(source)).toBe(`main.c:3:2: error: #else after #else
    3 | #else
      |  ^~~~
main.c:1: error: the conditional began here
    1 | #if 1
      | 
main.c:4:2: error: #elif after #else
    4 | #elif 1
      |  ^~~~
main.c:1: error: the conditional began here
    1 | #if 1
      | 
main.c:6:2: error: #endif without #if
    6 | #endif
      |  ^~~~~
`);
  });

  test('unterminated #if, and conditionals may not span files', () => {
    const files = { 'main.c': '#include "h.h"\n#endif\n#ifdef X\n', 'h.h': '#if 1\n' };
    expect(diagnose(files['main.c'], files)).toBe(`In file included from main.c:1:
h.h:1: error: unterminated #if
    1 | #if 1
      | 
main.c:2:2: error: #endif without #if
    2 | #endif
      |  ^~~~~
main.c:3: error: unterminated #ifdef
    3 | #ifdef X
      | 
`);
  });

  test('#ifdef and #undef operands, extra tokens', () => {
    const source = '#ifdef\n#endif\n#ifdef 3\n#endif\n#undef X Y\n#ifndef Q junk\n#else junk\n#endif\n';
    expect(diagnose(source)).toBe(`main.c:1:7: error: no macro name given in #ifdef directive
    1 | #ifdef
      |       ^
main.c:3:8: error: macro names must be identifiers
    3 | #ifdef 3
      |        ^
main.c:5:10: warning: extra tokens at end of #undef directive
    5 | #undef X Y
      |          ^
main.c:6:11: warning: extra tokens at end of #ifndef directive
    6 | #ifndef Q junk
      |           ^~~~
main.c:7:7: warning: extra tokens at end of #else directive [-Wendif-labels]
    7 | #else junk
      |       ^~~~
`);
  });

  test('bad #if expressions, one error per directive, each group then skipped', () => {
    const source = [
      '#if 1/0', '#endif', '#if (1', '#endif', '#if 1 +', '#endif', '#if 1 == 2 )', '#endif', '#if "s"', '#endif',
      '#if * 4', '#endif', '#if ()', '#endif', '#if 5 %  0', '#endif', '#if 0 && 1/0', '#error no', '#endif', '',
    ].join('\n');
    expect(diagnose(source)).toBe(`main.c:1:6: error: division by zero in #if
    1 | #if 1/0
      |      ^
main.c:3:5: error: missing ')' in expression
    3 | #if (1
      |     ^
main.c:5:8: error: operator '+' has no right operand
    5 | #if 1 +
      |        ^
main.c:7:12: error: missing '(' in expression
    7 | #if 1 == 2 )
      |            ^
main.c:9:5: error: token ""s"" is not valid in preprocessor expressions
    9 | #if "s"
      |     ^~~
main.c:11:5: error: operator '*' has no left operand
   11 | #if * 4
      |     ^
main.c:13:6: error: missing expression between '(' and ')'
   13 | #if ()
      |      ^
main.c:15:7: error: division by zero in #if
   15 | #if 5 %  0
      |       ^
`);
  });

  test('messages in the presumed file after #line (no source shown, as gcc does)', () => {
    const source = [
      '#line 100 "zz.c"', '#if', '#endif', '#if 1 ? 2', '#endif', '#if 2 3', '#endif', '#if defined', '#endif',
      '#if defined(X', '#endif', "#if 'ab'", '#endif', '#if 1.0', '#endif', '#if x(', '#endif',
      '#if 18446744073709551616', '#endif', '#if -1 > 0u', '#error unsigned', '#endif', '#elif', '/* unterminated', '',
    ].join('\n');
    expect(diagnose(source)).toBe(`zz.c:100:4: error: #if with no expression
zz.c:102:10: error: '?' without following ':'
zz.c:104:7: error: missing binary operator before token "3"
zz.c:106:12: error: operator "defined" requires an identifier
zz.c:108:14: error: missing ')' after "defined"
zz.c:110:5: warning: multi-character character constant [-Wmultichar]
zz.c:112:5: error: floating constant in preprocessor expression
zz.c:114:6: error: missing binary operator before token "("
zz.c:116:5: warning: integer constant is too large for its type
zz.c:119:2: error: #error unsigned
zz.c:121:2: error: #elif without #if
zz.c:122:1: error: unterminated comment
`);
  });
});

describe('#include, #error, #warning, bad tokens', () => {
  test('#warning and #error, then a missing header ends everything', () => {
    const source = '#warning hi there\n#error  bad  "x"   y\n#include "nope.h"\nint z = 08;\n';
    expect(diagnose(source)).toBe(`main.c:1:2: warning: #warning hi there [-Wcpp]
    1 | #warning hi there
      |  ^~~~~~~
main.c:2:2: error: #error bad "x" y
    2 | #error  bad  "x"   y
      |  ^~~~~
main.c:3:10: fatal error: nope.h: No such file or directory
    3 | #include "nope.h"
      |          ^~~~~~~~
compilation terminated.
`);
  });

  test('malformed #include lines', () => {
    const files = { 'main.c': '#include\n#include foo\n#include <>\n#include "e.h" junk\n', 'e.h': '' };
    expect(diagnose(files['main.c'], files)).toBe(`main.c:1:9: error: #include expects "FILENAME" or <FILENAME>
    1 | #include
      |         ^
main.c:2:10: error: #include expects "FILENAME" or <FILENAME>
    2 | #include foo
      |          ^~~
main.c:3:10: error: empty filename in #include
    3 | #include <>
      |          ^~
main.c:4:16: warning: extra tokens at end of #include directive
    4 | #include "e.h" junk
      |                ^~~~
`);
  });

  test('an include loop stops at depth 200 with the chain printed', () => {
    const files = { 'main.c': '#include "main.c"\n' };
    const printed = diagnose(files['main.c'], files);
    const lines = printed.split('\n');
    expect(lines[0]).toBe('In file included from main.c:1,');
    expect(lines.filter((l) => l === '                 from main.c:1,')).toHaveLength(197);
    expect(lines.slice(-5).join('\n')).toBe(`                 from main.c:1:
main.c:1:18: error: #include nested depth 200 exceeds maximum of 200 (use -fmax-include-depth=DEPTH to increase the maximum)
    1 | #include "main.c"
      |                  ^
`);
  });

  test('numbers, stray characters and unclosed quotes that reach the program', () => {
    const source = "int a = 08;\nint b = 12abc;\nint c = 0x;\nint d = @;\nchar e = 'ab\n#if 0\nit's fine here\n#endif\n";
    expect(diagnose(source)).toBe(`main.c:1:9: error: invalid digit "8" in octal constant
    1 | int a = 08;
      |         ^~
main.c:2:9: error: invalid suffix "abc" on integer constant
    2 | int b = 12abc;
      |         ^~~~~
main.c:3:9: error: invalid suffix "x" on integer constant
    3 | int c = 0x;
      |         ^~
main.c:4:9: error: stray '@' in program
    4 | int d = @;
      |         ^
main.c:5:10: warning: missing terminating ' character
    5 | char e = 'ab
      |          ^
main.c:5:10: error: missing terminating ' character
    5 | char e = 'ab
      |          ^~~
main.c:7:3: warning: missing terminating ' character
    7 | it's fine here
      |   ^
`);
  });

  test('a missing main file', () => {
    const result = run({}, 'absent.c');
    expect(result.diagnostics.map((d) => [d.severity, d.message])).toEqual([
      ['fatal error', 'absent.c: No such file or directory'],
    ]);
  });
});

describe('hostile input stops with a fatal error instead of exhausting the host', () => {
  const messages = (source: string): string[] => run({ 'main.c': source }).diagnostics.map((d) => d.message);

  test('exponentially growing expansions', () => {
    let source = '';
    for (let i = 0; i < 40; i++) source += `#define m${i} m${i + 1} m${i + 1}\n`;
    expect(messages(`${source}m0\n`)).toEqual(['macro expansion produces more than 1000000 tokens']);
  });

  test('macro calls nested deep inside arguments', () => {
    const source = `#define F(x) x\n${'F('.repeat(300)}1${')'.repeat(300)}\n`;
    expect(messages(source)).toEqual(['macro arguments nested more than 200 deep']);
    expect(run({ 'main.c': `#define F(x) x\n${'F('.repeat(150)}1${')'.repeat(150)}\n` }).tokens.map((t) => t.image))
      .toEqual(['1']);
  });

  test('deeply nested #if expressions', () => {
    expect(messages(`#if ${'('.repeat(1000)}1${')'.repeat(1000)}\n#endif\n`)).toEqual([
      '#if expression nested more than 256 deep',
    ]);
    expect(messages(`#if ${'('.repeat(200)}1${')'.repeat(200)}\n#endif\n`)).toEqual([]);
  });
});

describe('wide literals', () => {
  test('work in #if but are refused in the program', () => {
    const source = "#if L'\\0' - 1 > 0\nunsigned\n#endif\nint c = L'a';\n";
    const result = run({ 'main.c': source });
    expect(result.diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [4, 9, 'wide character constants and strings are not supported'],
    ]);
  });
});
