// Hostile source: random bytes and mutated valid programs go into the compiler,
// which must answer with diagnostics (or a module) and never throw or report an
// internal compiler error; a mutant that still compiles is run under a small
// --max-steps and must be contained like any program (fuzz-helpers.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../src/compiler/driver.js';
import { budget, Fuzz, runContained } from './fuzz-helpers.js';

const root = join(import.meta.dirname, '..');

/** Valid programs to mutate: the labs and the golden-trace programs. */
function seeds(): { name: string; text: string }[] {
  const dirs = ['programs/labs/pipes', 'programs/labs/sem', 'programs/labs/signals', 'programs/labs/msg', 'test/golden'];
  return dirs.flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.c'))
      .sort()
      .map((f) => ({ name: `${dir}/${f}`, text: readFileSync(join(root, dir, f), 'latin1') })),
  );
}

/** Pieces of C that are likely to confuse a parser when dropped in anywhere. */
const FRAGMENTS = [
  '{', '}', '(', ')', '[', ']', ';', ',', '*', '&', '->', '.', '...', '#', '##', '"', "'", '\\', '/*', '*/', '//',
  '\n#define X(a) a##a\n', '\n#if 1\n', '\n#endif\n', '\n#include "nope.h"\n', 'int', 'struct', 'union', 'typedef',
  'sizeof', 'return', 'goto', 'case 1:', 'default:', '0x', '1e', '08', "'\\", 'L"', '??/', '\0', '\u00e9', '=', '==',
  '<<=', '?', ':', 'va_arg(', 'static', 'extern', 'void', '-2147483648', '4294967296',
];

function mutate(text: string, fuzz: Fuzz): string {
  let s = text;
  for (let n = 1 + fuzz.below(4); n > 0; n--) {
    const at = fuzz.below(s.length + 1);
    switch (fuzz.below(5)) {
      case 0:
        s = s.slice(0, at) + s.slice(at + 1 + fuzz.below(40));
        break;
      case 1:
        s = s.slice(0, at) + fuzz.pick(FRAGMENTS) + s.slice(at);
        break;
      case 2: {
        const from = fuzz.below(s.length + 1);
        s = s.slice(0, at) + s.slice(from, from + fuzz.below(80)) + s.slice(at);
        break;
      }
      case 3:
        s = s.slice(0, at) + String.fromCharCode(fuzz.below(128)) + s.slice(at + 1);
        break;
      default:
        s = s.slice(0, at);
    }
  }
  return s;
}

function randomBytes(fuzz: Fuzz): string {
  let s = '';
  for (let n = fuzz.below(400); n > 0; n--) s += String.fromCharCode(fuzz.below(256));
  return s;
}

/** Compiles text as /fuzz/prog.c; throws with the reproducing seed on an
 *  exception or an internal compiler error. */
function compileText(text: string, label: string) {
  const path = '/fuzz/prog.c';
  let result: ReturnType<typeof compileProgram>;
  try {
    result = compileProgram([path], { readFile: (p) => (p === path ? text : undefined) });
  } catch (e) {
    throw new Error(`${label}: compileProgram threw ${e instanceof Error ? e.stack : String(e)}`);
  }
  if (/internal (compiler )?error/.test(result.text)) throw new Error(`${label}:\n${result.text}`);
  if (!result.module) expect(result.text, label).toMatch(/error/);
  return result;
}

describe('the compiler on hostile source', () => {
  const programs = seeds();

  const byteTrials = budget(60, 2000);
  it(`${byteTrials} random byte strings give diagnostics`, () => {
    for (let trial = 0; trial < byteTrials; trial++) {
      const seed = 0xb17e0000 + trial;
      compileText(randomBytes(new Fuzz(seed)), `seed 0x${seed.toString(16)}`);
    }
  });

  const mutantTrials = budget(300, 5000);
  it(`${mutantTrials} mutated programs give diagnostics or a contained program`, async () => {
    let compiled = 0;
    for (let trial = 0; trial < mutantTrials; trial++) {
      const seed = 0xc0de0000 + trial;
      const fuzz = new Fuzz(seed);
      const source = programs[trial % programs.length];
      const label = `seed 0x${seed.toString(16)} (${source.name})`;
      const result = compileText(mutate(source.text, fuzz), label);
      if (!result.module) continue;
      compiled++;
      try {
        await runContained(result.module, 50_000);
      } catch (e) {
        throw new Error(`${label}: the run threw ${e instanceof Error ? e.stack : String(e)}`);
      }
    }
    expect(compiled).toBeGreaterThan(0);
  });
});
