// One harness for every guest program under test/guest/: each file carries its own
// expectations, in the manner of clox's tests:
//   // expect: TEXT          a line of expected stdout (in order; all lines concatenated)
//   // expect exit: N        the exit status (default 0)
//   // stdin: TEXT           a line of standard input
//   // args: A B C           guest arguments
// A sibling NAME.out file, when present, is the whole expected stdout instead.
// Each program runs on a fresh kernel, which must be back to baseline afterwards.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGuestFiles } from './harness.js';

// Guest programs live in test/guest/ and, for the C library's own tests, lang/tests/.
const roots = [join(import.meta.dirname, 'guest'), join(import.meta.dirname, '..', 'lang', 'tests')];

function findPrograms(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? findPrograms(join(dir, e.name)) : e.name.endsWith('.c') ? [join(dir, e.name)] : [],
  );
}

function directives(source: string, name: string): string[] {
  const re = new RegExp(`//\\s*${name}:\\s?(.*)$`, 'gm');
  return [...source.matchAll(re)].map((m) => m[1]);
}

describe('guest programs', () => {
  const files = roots.flatMap((root) => findPrograms(root).map((file) => ({ root, file })));
  for (const { root, file } of files.sort((x, y) => (x.file < y.file ? -1 : 1))) {
    const source = readFileSync(file, 'utf8');
    const outFile = file.replace(/\.c$/, '.out');
    const expectedOut = existsSync(outFile)
      ? readFileSync(outFile, 'latin1')
      : directives(source, 'expect').map((l) => l + '\n').join('');
    const exit = directives(source, 'expect exit');
    const stdinLines = directives(source, 'stdin');
    const args = directives(source, 'args').flatMap((l) => l.split(/\s+/).filter(Boolean));
    it(file.slice(join(root, '..').length + 1), async () => {
      const run = await runGuestFiles([file], {
        stdin: stdinLines.map((l) => l + '\n').join(''),
        args,
      });
      expect(run.compileErrors).toBe('');
      expect(run.stdout).toBe(expectedOut);
      expect(run.status).toBe(exit.length ? Number(exit[0]) : 0);
    });
  }
});
