import { readFileSync } from 'node:fs';
import { it, expect } from 'vitest';
import { compileProgram } from '../src/compiler/driver.js';
import { runBare } from './codegen-harness.js';
it('e2e', () => {
  const compiled = compileProgram(['/tmp/e2e/t1.c']);
  if (compiled.module === undefined) throw new Error(`compile failed:\n${compiled.text}`);
  const run = runBare(compiled.module);
  expect(run.stdout).toBe(readFileSync('/tmp/e2e/t1.gcc', 'utf8'));
});
