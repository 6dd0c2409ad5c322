// The compiler's C test programs (test/lang/*.c, chibicc style: ASSERT(expected,
// expr) written in C). Each file carries its expectations in comments:
//   // expect: TEXT        a line of expected stdout (all lines, in order)
//   // expect exit: N      the exit status (default 0)
// Each is compiled with the real driver (user file + C library) and run on the
// bare interpreter (codegen-harness.ts), which only knows write and exit.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../src/compiler/driver.js';
import { runBare } from './codegen-harness.js';

const dir = join(import.meta.dirname, 'lang');

function directives(source: string, name: string): string[] {
  return [...source.matchAll(new RegExp(`^//\\s*${name}:\\s?(.*)$`, 'gm'))].map((m) => m[1]);
}

describe('C test programs (test/lang)', () => {
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.c')).sort()) {
    const file = join(dir, name);
    const source = readFileSync(file, 'utf8');
    it(name, () => {
      const compiled = compileProgram([file]);
      if (compiled.module === undefined) throw new Error(`compile failed:\n${compiled.text}`);
      const run = runBare(compiled.module);
      expect(run.stdout).toBe(directives(source, 'expect').map((l) => `${l}\n`).join(''));
      const exit = directives(source, 'expect exit');
      expect(run.status).toBe(exit.length > 0 ? Number(exit[0]) : 0);
    });
  }
});
