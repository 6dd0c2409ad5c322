import { describe, expect, test } from 'vitest';
import { tokenMatcher } from '../src/compiler/chevrotain.js';
import { lexSource, lexFragment } from '../src/compiler/lexer.js';
import * as T from '../src/compiler/tokens.js';

const kinds = (source: string): string[] => lexSource('t.c', source).map((t) => `${t.tokenType.name}:${t.image}`);

describe('token types', () => {
  test('keywords, alternate gcc spellings, and identifiers that merely start like keywords', () => {
    expect(kinds('int intx _Bool double do inline __inline__ __restrict constant __attribute__ $dollar __func__')).toEqual([
      'Int:int', 'Identifier:intx', 'Bool:_Bool', 'Double:double', 'Do:do', 'Inline:inline', 'Inline:__inline__',
      'Restrict:__restrict', 'Identifier:constant', 'Attribute:__attribute__', 'Identifier:$dollar',
      'Identifier:__func__',
    ]);
  });

  test('every keyword is in the Keyword category, identifiers are not', () => {
    const [kw, id] = lexSource('t.c', 'while whilst');
    expect(tokenMatcher(kw, T.Keyword)).toBe(true);
    expect(tokenMatcher(id, T.Keyword)).toBe(false);
  });

  test('integer constants with every valid suffix, floats, and malformed numbers', () => {
    expect(kinds('0 017 0x1Fu 42UL 7lu 9ll 10LLU 3uLL 1.5 .5e3 1e10f 08 12abc 0x 1lul 1lL')).toEqual([
      'IntegerLiteral:0', 'IntegerLiteral:017', 'IntegerLiteral:0x1Fu', 'IntegerLiteral:42UL', 'IntegerLiteral:7lu',
      'IntegerLiteral:9ll', 'IntegerLiteral:10LLU', 'IntegerLiteral:3uLL', 'FloatLiteral:1.5', 'FloatLiteral:.5e3',
      'FloatLiteral:1e10f', 'PPNumber:08', 'PPNumber:12abc', 'PPNumber:0x', 'PPNumber:1lul', 'PPNumber:1lL',
    ]);
  });

  test('character and string literals with escapes, and unterminated ones', () => {
    expect(kinds(String.raw`'a' '\n' '\'' '\\' '\x41' '\101' "a\"b\\" ""`)).toEqual([
      "CharLiteral:'a'", String.raw`CharLiteral:'\n'`, String.raw`CharLiteral:'\''`, String.raw`CharLiteral:'\\'`,
      String.raw`CharLiteral:'\x41'`, String.raw`CharLiteral:'\101'`, String.raw`StringLiteral:"a\"b\\"`,
      'StringLiteral:""',
    ]);
    expect(kinds(`x = "abc;\ny = 'q`)).toEqual([
      'Identifier:x', 'Assign:=', 'UnterminatedLiteral:"abc;', 'Identifier:y', 'Assign:=', "UnterminatedLiteral:'q",
    ]);
  });

  test('punctuators take the longest match; digraphs are their tokens', () => {
    expect(kinds('a->b ++ += <<= >>= ... ## # <: :> <% %> %: %:%: a&&b||c != ==').map((k) => k.split(':')[0])).toEqual([
      'Identifier', 'Arrow', 'Identifier', 'PlusPlus', 'PlusAssign', 'ShiftLeftAssign', 'ShiftRightAssign', 'Ellipsis',
      'HashHash', 'Hash', 'LBracket', 'RBracket', 'LBrace', 'RBrace', 'Hash', 'HashHash', 'Identifier', 'AmpAmp',
      'Identifier', 'PipePipe', 'Identifier', 'NotEqual', 'EqualEqual',
    ]);
  });

  test('assignment operators share the AssignmentOperator category', () => {
    const tokens = lexSource('t.c', '= *= |= == +');
    expect(tokens.map((t) => tokenMatcher(t, T.AssignmentOperator))).toEqual([true, true, true, false, false]);
  });

  test('characters that start no token become Stray, never a lexer error', () => {
    expect(kinds('a @ ` \\ b')).toEqual(['Identifier:a', 'Stray:@', 'Stray:`', 'Stray:\\', 'Identifier:b']);
  });

  test('comments and whitespace vanish but are remembered as spaceBefore', () => {
    const tokens = lexSource('t.c', 'a/* c */b //x\n  c(d) e (');
    expect(tokens.map((t) => [t.image, t.spaceBefore, t.lineStart])).toEqual([
      ['a', false, true], ['b', true, false], ['c', true, true], ['(', false, false], ['d', false, false],
      [')', false, false], ['e', true, false], ['(', true, false],
    ]);
  });

  test('an unterminated comment is one final token', () => {
    expect(kinds('a /* b\nc')).toEqual(['Identifier:a', 'UnterminatedComment:/* b\nc']);
  });
});

describe('positions', () => {
  test('line and column, with tabs counted to the next multiple of 8 as gcc does', () => {
    // gcc: "tab.c:1:13: error: 'y' undeclared" for "int\tx = y;"
    const [, x, , y] = lexSource('tab.c', 'int\tx = y;');
    expect([x.startLine, x.startColumn, y.startColumn, y.endColumn]).toEqual([1, 9, 13, 13]);
  });

  test('a backslash-newline splices lines anywhere, positions stay in the original file', () => {
    const tokens = lexSource('t.c', 'int ab\\\ncd = 1 \\\r\n + "x\\\ny";\nnext');
    expect(tokens.map((t) => [t.image, t.startLine, t.startColumn, t.lineStart])).toEqual([
      ['int', 1, 1, true], ['abcd', 1, 5, false], ['=', 2, 4, false], ['1', 2, 6, false], ['+', 3, 2, false],
      ['"xy"', 3, 4, false], [';', 4, 3, false], ['next', 5, 1, true],
    ]);
  });

  test('offsets and the end of a token', () => {
    const [name] = lexSource('t.c', '\n  identifier');
    expect([name.startOffset, name.endOffset, name.startColumn, name.endColumn, name.file]).toEqual([3, 12, 3, 12, 't.c']);
  });

  test('lexFragment places every token at the given location', () => {
    const tokens = lexFragment('a ## 1', { file: 'f.c', line: 7, column: 3 });
    expect(tokens.map((t) => [t.image, t.startLine, t.startColumn, t.spaceBefore])).toEqual([
      ['a', 7, 3, false], ['##', 7, 3, true], ['1', 7, 3, true],
    ]);
  });
});
