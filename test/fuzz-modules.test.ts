// Hostile bytecode: byte mutations of real compiled programs (.ipx files) go
// through decode and verify, which must refuse them with a ModuleError or accept
// them; an accepted one is run under a small --max-steps and must be contained:
// the run ends with some status, the kernel never throws, and every frame, pipe
// and process is gone afterwards. (isa-ipx.test.ts covers decode + verify alone
// on small modules; this adds the run, on modules the compiler really makes.)
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeModule, encodeModule, ModuleError } from '../src/isa/ipx.js';
import type { Module } from '../src/isa/module.js';
import { verifyModule } from '../src/isa/verify.js';
import { budget, Fuzz, runContained } from './fuzz-helpers.js';
import { compile } from './trace-helpers.js';

const golden = join(import.meta.dirname, 'golden');
const SOURCES = ['pipe.c', 'msg.c', 'sem.c', 'signal.c'].map((f) => join(golden, f));
const HOSTILE_WORDS = [0, 1, -1, 0x7fffffff, -0x80000000, 0x1000, 0xbffffffc, 4096 * 1024];

/** Mutates 1..4 places of bytes: a random byte, a hostile word, a bit flip. */
function mutate(bytes: Uint8Array, fuzz: Fuzz): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  for (let n = 1 + fuzz.below(4); n > 0; n--) {
    const at = fuzz.below(out.length);
    switch (fuzz.below(3)) {
      case 0:
        out[at] = fuzz.below(256);
        break;
      case 1:
        if (at + 4 <= out.length) view.setInt32(at & ~3, fuzz.pick(HOSTILE_WORDS), true);
        break;
      default:
        out[at] ^= 1 << fuzz.below(8);
    }
  }
  return out;
}

function decodeVerified(bytes: Uint8Array): Module | null {
  try {
    const m = decodeModule(bytes);
    verifyModule(m);
    return m;
  } catch (e) {
    if (e instanceof ModuleError) return null;
    throw e;
  }
}

describe('mutated bytecode is refused or contained', () => {
  const trials = budget(600, 20_000);
  it(`${trials} seeded mutations of compiled programs`, async () => {
    const images = SOURCES.map((f) => encodeModule(compile(f)));
    let accepted = 0;
    for (let trial = 0; trial < trials; trial++) {
      const seed = 0x5eed0000 + trial;
      const fuzz = new Fuzz(seed);
      const bytes = mutate(images[trial % images.length], fuzz);
      const label = `seed 0x${seed.toString(16)} (${SOURCES[trial % SOURCES.length]})`;
      let module: Module | null;
      try {
        module = decodeVerified(bytes);
      } catch (e) {
        throw new Error(`${label}: decode/verify threw ${String(e)}`);
      }
      if (!module) continue;
      accepted++;
      try {
        await runContained(module, 20_000);
      } catch (e) {
        throw new Error(`${label}: the run threw ${e instanceof Error ? e.stack : String(e)}`);
      }
    }
    expect(accepted).toBeGreaterThan(0);
  });
});
