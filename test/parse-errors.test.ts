// Syntax errors: gcc's wording ("expected ';' before '}' token"), gcc's place
// (a missing closing token is reported right after the token before it), and
// recovery that goes on after the error. Expectations come from gcc 12, as in
// sema-diagnostics.test.ts; after a syntax error gcc sometimes reports follow-up
// errors its recovery causes, which these cases do not expect from us.
import { describe, expect, it } from 'vitest';
import { CompileError } from '../src/compiler/diagnostics.js';
import { compile, type GccCase, checkAgainstGcc } from './sema-helpers.js';

const cases: GccCase[] = [
  {
    name: 'else_no_if',
    match: 'text',
    source: `int f(int a)
{
  else a = 2;
  return a;
}`,
    gcc: `else_no_if.c:3:3: error: 'else' without a previous 'if'
    3 |   else a = 2;
      |   ^~~~`,
  },
  {
    name: 'eof_block',
    match: 'text',
    source: `int f(int a)
{
  if (a) {
    return 1;
}`,
    gcc: `eof_block.c:5:1: error: expected declaration or statement at end of input
    5 | }
      | ^`,
  },
  {
    name: 'eof_decl',
    match: 'text',
    source: `int x`,
    gcc: `eof_decl.c:1:1: error: expected '=', ',', ';', 'asm' or '__attribute__' at end of input
    1 | int x
      | ^~~`,
  },
  {
    name: 'expected_expr',
    match: 'text',
    source: `int f(void)
{
  int a;
  a = ;
  return a;
}`,
    gcc: `expected_expr.c:4:7: error: expected expression before ';' token
    4 |   a = ;
      |       ^`,
  },
  {
    name: 'for_semicolon',
    match: 'lines',
    source: `int f(void)
{
  int i, s = 0;
  for (i = 0; i < 3 i++)
    s += i;
  return s;
}`,
    gcc: `for_semicolon.c:4:20: error: expected ';' before 'i'`,
  },
  {
    name: 'member_semicolon',
    match: 'text',
    source: `struct point {
  int x
  int y;
};`,
    gcc: `member_semicolon.c:3:3: error: expected ':', ',', ';', '}' or '__attribute__' before 'int'
    3 |   int y;
      |   ^~~`,
  },
  {
    name: 'missing_bracket',
    match: 'lines',
    source: `int f(void)
{
  int a[3;
  return 0;
}`,
    gcc: `missing_bracket.c:3:10: error: expected ']' before ';' token`,
  },
  {
    name: 'semi_decl_file',
    match: 'text',
    source: `int x = 1
int y;`,
    gcc: `semi_decl_file.c:2:1: error: expected ',' or ';' before 'int'
    2 | int y;
      | ^~~`,
  },
  {
    name: 'semi_return',
    match: 'lines',
    source: `int f(int a)
{
  return a
}`,
    gcc: `semi_return.c:3:11: error: expected ';' before '}' token`,
  },
  {
    name: 'stray_brace',
    match: 'text',
    source: `}
int x;`,
    gcc: `stray_brace.c:1:1: error: expected identifier or '(' before '}' token
    1 | }
      | ^`,
  },
  {
    name: 'stray_paren',
    match: 'lines',
    source: `int f(void)
{
  int a = 1;
  ) 
  return a;
}`,
    gcc: `stray_paren.c:4:3: error: expected statement before ')' token`,
  },
  {
    name: 'two_statements',
    match: 'lines',
    source: `int f(void)
{
  int x;
  x = 3 x = 4;
  return x;
}`,
    gcc: `two_statements.c:4:8: error: expected ';' before 'x'`,
  },
  {
    name: 'while_paren',
    match: 'lines',
    source: `int f(int n)
{
  while (n > 0 {
    n--;
  }
  return n;
}`,
    gcc: `while_paren.c:3:15: error: expected ')' before '{' token`,
  },
  {
    name: 'member_junk',
    match: 'text',
    source: `struct s {
  int a;
  5;
};`,
    gcc: `member_junk.c:3:3: error: expected specifier-qualifier-list before numeric constant
    3 |   5;
      |   ^`,
  },
  {
    name: 'missing_semi_next_line',
    match: 'lines',
    source: `int main(void)
{
  int x = 1;
  x++
  return x;
}`,
    gcc: `missing_semi_next_line.c:4:6: error: expected ';' before 'return'`,
  },
  {
    name: 'do_without_while',
    match: 'text',
    source: `int f(int n)
{
  do {
    n--;
  } (n > 0);
  return n;
}`,
    gcc: `do_without_while.c:5:5: error: expected 'while' before '(' token
    5 |   } (n > 0);
      |     ^`,
  },
];

describe('syntax errors match gcc', () => {
  checkAgainstGcc(cases);
});

describe('limits', () => {
  it('a program nested beyond the parser\'s recursion is a fatal CompileError, and the parser recovers', () => {
    const deep = `int f(void) { return ${'('.repeat(3000)}1${')'.repeat(3000)}; }\n`;
    expect(() => compile(deep, 'deep.c')).toThrow(CompileError);
    try {
      compile(deep, 'deep.c');
    } catch (e) {
      expect((e as CompileError).diagnostics[0]).toMatchObject({ severity: 'fatal error', file: 'deep.c', line: 1 });
    }
    expect(compile('int g(int a) { return ((((a)))) * 2; }\n').text).toBe('');
  });
});
