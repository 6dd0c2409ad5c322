/* The gcc layout of diagnostics. Golden texts are what `LC_ALL=C gcc -fsyntax-only` (gcc 12.2) printed. */
import { describe, expect, test } from 'vitest';
import {
  CompileError, DiagnosticBag, displayColumn, expandTabs, formatDiagnostics, formatLocation, makeDiagnostic,
  type Diagnostic,
} from '../src/compiler/diagnostics.js';

const sources: Record<string, string> = {
  'a.c': 'int main(void)\n{\n\tint x = y;\n  int z = 1 +\n  (w * 2);\n}\n',
  'b.c': 'int f(int a, int b);\nint main(void) {\n  int *p = 0;\n  return f(1) + *p->x;\n  int a = 3\n  return 0;\n}\n',
};
const read = (file: string): string | undefined => sources[file];

describe('formatDiagnostics', () => {
  test('caret under the column; tabs in the line are expanded and count to the next multiple of 8', () => {
    const d = makeDiagnostic('error', { file: 'a.c', line: 3, column: 17 }, "'y' undeclared (first use in this function)");
    expect(formatDiagnostics([d], read)).toBe(`a.c:3:17: error: 'y' undeclared (first use in this function)
    3 |         int x = y;
      |                 ^
`);
  });

  test('a range gets tildes; a note follows its diagnostic', () => {
    const bag = new DiagnosticBag();
    const call = bag.error({ file: 'b.c', line: 4, column: 10 }, "too few arguments to function 'f'");
    bag.note(call, { file: 'b.c', line: 1, column: 5 }, 'declared here');
    bag.error({ file: 'b.c', line: 4, column: 19, endColumn: 20 }, "request for member 'x' in something not a structure or union");
    bag.error({ file: 'b.c', line: 6, column: 3, endColumn: 8 }, "expected ',' or ';' before 'return'");
    expect(formatDiagnostics(bag.items, read)).toBe(`b.c:4:10: error: too few arguments to function 'f'
    4 |   return f(1) + *p->x;
      |          ^
b.c:1:5: note: declared here
    1 | int f(int a, int b);
      |     ^
b.c:4:19: error: request for member 'x' in something not a structure or union
    4 |   return f(1) + *p->x;
      |                   ^~
b.c:6:3: error: expected ',' or ';' before 'return'
    6 |   return 0;
      |   ^~~~~~
`);
  });

  test('column 0 means the whole line: no column and an empty caret line', () => {
    const d = makeDiagnostic('warning', { file: 'a.c', line: 2, column: 0 }, '"G" redefined');
    expect(formatDiagnostics([d], read)).toBe('a.c:2: warning: "G" redefined\n    2 | {\n      | \n');
  });

  test('the gutter widens for line numbers of more than five digits', () => {
    const big = `${'\n'.repeat(100002)}int y = z;\n`;
    const d = makeDiagnostic('error', { file: 'big.c', line: 100003, column: 9 }, "'z' undeclared here (not in a function)");
    expect(formatDiagnostics([d], () => big)).toBe(`big.c:100003:9: error: 'z' undeclared here (not in a function)
100003 | int y = z;
       |         ^
`);
  });

  test('no source available: only the message line', () => {
    const d = makeDiagnostic('error', { file: 'zz.c', line: 100, column: 4 }, '#if with no expression');
    expect(formatDiagnostics([d], read)).toBe('zz.c:100:4: error: #if with no expression\n');
  });

  test('the include chain is printed when it changes, innermost first', () => {
    const outer = { file: 'main.c', line: 3 };
    const inner = { file: 'a.h', line: 2, parent: outer };
    const diags: Diagnostic[] = [
      makeDiagnostic('error', { file: 'b.h', line: 1, column: 1, includedFrom: inner }, 'one'),
      makeDiagnostic('error', { file: 'b.h', line: 2, column: 1, includedFrom: inner }, 'two'),
      makeDiagnostic('error', { file: 'main.c', line: 4, column: 1 }, 'three'),
    ];
    expect(formatDiagnostics(diags, () => undefined)).toBe(`In file included from a.h:2,
                 from main.c:3:
b.h:1:1: error: one
b.h:2:1: error: two
main.c:4:1: error: three
`);
  });

  test('a fatal error ends the listing with "compilation terminated."', () => {
    const diags = [
      makeDiagnostic('fatal error', { file: 'a.c', line: 1, column: 1 }, 'nope.h: No such file or directory'),
      makeDiagnostic('error', { file: 'a.c', line: 2, column: 1 }, 'never printed'),
    ];
    expect(formatDiagnostics(diags, () => undefined)).toBe(
      'a.c:1:1: fatal error: nope.h: No such file or directory\ncompilation terminated.\n',
    );
  });

  test('a location without a line is just the name (as gcc prints "cc1: fatal error: ...")', () => {
    const d = makeDiagnostic('fatal error', { file: 'ipcvm', line: 0, column: 0 }, 'x.c: No such file or directory');
    expect(formatDiagnostics([d], read)).toBe('ipcvm: fatal error: x.c: No such file or directory\ncompilation terminated.\n');
  });
});

describe('helpers', () => {
  test('formatLocation', () => {
    expect(formatLocation({ file: 'x.c', line: 3, column: 7 })).toBe('x.c:3:7');
    expect(formatLocation({ file: 'x.c', line: 3, column: 0 })).toBe('x.c:3');
  });

  test('display columns and tab expansion agree', () => {
    expect(displayColumn('\tint x', 0, 1)).toBe(9);
    expect(displayColumn('x\nab\tc', 2, 5)).toBe(9);
    expect(expandTabs('ab\tc')).toBe('ab      c');
  });

  test('DiagnosticBag counts errors but not warnings or notes', () => {
    const bag = new DiagnosticBag();
    const w = bag.warning({ file: 'x.c', line: 1, column: 1 }, 'w');
    bag.note(w, { file: 'x.c', line: 1, column: 1 }, 'n');
    expect([bag.hasErrors, bag.errorCount]).toEqual([false, 0]);
    bag.fatal({ file: 'x.c', line: 2, column: 1 }, 'f');
    bag.error({ file: 'x.c', line: 3, column: 1 }, 'e');
    expect([bag.hasErrors, bag.errorCount, bag.items.length]).toEqual([true, 2, 3]);
  });

  test('CompileError carries its diagnostics', () => {
    const d = makeDiagnostic('error', { file: 'x.c', line: 1, column: 2 }, 'bad');
    const e = new CompileError([d]);
    expect(e).toBeInstanceOf(Error);
    expect(e.diagnostics).toEqual([d]);
    expect(e.message).toBe('x.c:1:2: error: bad');
  });
});
