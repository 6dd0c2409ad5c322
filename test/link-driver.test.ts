// The compiler driver: the whole pipeline from C text to a verified Module, and
// its failures printed as gcc and ld print them.
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../src/compiler/driver.js';
import { runBare } from './codegen-harness.js';

/** compileProgram over in-memory files (system headers still come from lang/). */
const compileSources = (files: Record<string, string>) =>
  compileProgram(Object.keys(files), { readFile: (p) => files[p] });

describe('driver', () => {
  it('compiles and links a program with the C library', () => {
    const r = compileSources({ '/virtual/ok.c': 'int main(void) { return 6 * 7; }\n' });
    expect(r.text).toBe('');
    expect(r.module).toBeDefined();
    expect(r.module!.functions.map((f) => f.name)).toContain('main');
    expect(runBare(r.module!).status).toBe(42);
  });

  it('links several user files together', () => {
    const r = compileSources({
      '/virtual/main.c': 'int helper(int);\nint main(void) { return helper(20); }\n',
      '/virtual/helper.c': 'static int twice(int x) { return 2 * x; }\nint helper(int x) { return twice(x) + 2; }\n',
    });
    expect(r.text).toBe('');
    expect(runBare(r.module!).status).toBe(42);
  });

  it('prints compile errors as gcc does and produces no module', () => {
    const r = compileSources({ '/virtual/bad.c': 'int main(void) {\n  return undeclared_name;\n}\n' });
    expect(r.module).toBeUndefined();
    expect(r.text).toContain("/virtual/bad.c:2:10: error: 'undeclared_name' undeclared");
    expect(r.text).toContain('    2 |   return undeclared_name;');
  });

  it('prints link errors as ld does', () => {
    const r = compileSources({ '/virtual/link.c': 'int missing(void);\nint main(void)\n{\n  return missing();\n}\n' });
    expect(r.module).toBeUndefined();
    expect(r.text).toBe(
      "ld: /virtual/link.c: in function `main':\n" +
        "/virtual/link.c:4: undefined reference to `missing'\n" +
        'collect2: error: ld returned 1 exit status\n',
    );
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'error', file: '/virtual/link.c', line: 4 })]);
  });

  it('reports a multiple definition across files', () => {
    const r = compileSources({ '/virtual/a.c': 'int x = 1;\nint main(void) { return x; }\n', '/virtual/b.c': 'int x = 2;\n' });
    expect(r.text).toBe("ld: /virtual/b.c:1: multiple definition of `x'; /virtual/a.c:1: first defined here\ncollect2: error: ld returned 1 exit status\n");
  });

  it('reports a missing input file and an empty file list without throwing', () => {
    expect(compileProgram(['/nonexistent/nothing.c']).text).toContain('No such file or directory');
    expect(compileProgram([]).text).toBe('ipcvm: fatal error: no input files\ncompilation terminated.\n');
  });

  it('turns an exception inside a stage into an internal compiler error', () => {
    const r = compileProgram(['/virtual/x.c'], {
      readFile: () => {
        throw new Error('disk on fire');
      },
    });
    expect(r.module).toBeUndefined();
    expect(r.text).toBe('ipcvm: internal compiler error: disk on fire\n');
  });
});
