// Every conformance program (SPEC's yardstick: the bytes Linux prints) under many
// random schedules: --sched random with seeds 1..N must print exactly the
// expected output and exit with the expected status every time, so no result
// depends on scheduling luck. Under `npm test` each program runs under a few
// seeds (a different few for each program, all fixed); IPCVM_FUZZ=full runs all
// 20 seeds for every program. IPCVM_CONFORMANCE names another copy of the suite.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, runTraced } from './trace-helpers.js';

const suite = process.env.IPCVM_CONFORMANCE ?? '/work/shared/conformance';
const full = process.env.IPCVM_FUZZ === 'full';
const SEEDS = 20;
const SEEDS_QUICK = 3;

function programs(): string[] {
  if (!existsSync(suite)) return [];
  return readdirSync(suite, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(suite, d.name))
        .filter((f) => f.endsWith('.c') && existsSync(join(suite, d.name, f.replace(/\.c$/, '.out'))))
        .map((f) => join(suite, d.name, f)),
    )
    .sort();
}

/** The seeds a program runs under: all of them, or a fixed few spread by index. */
function seedsFor(index: number): number[] {
  if (full) return Array.from({ length: SEEDS }, (_, i) => i + 1);
  return Array.from({ length: SEEDS_QUICK }, (_, i) => ((index * SEEDS_QUICK + i) % SEEDS) + 1);
}

describe('conformance programs under random schedules', () => {
  const files = programs();
  it.skipIf(files.length > 0)(`conformance suite not found at ${suite} (set IPCVM_CONFORMANCE)`, () => {});
  files.forEach((file, index) => {
    const name = file.slice(suite.length + 1);
    it(name, async () => {
      const source = readFileSync(file, 'latin1');
      const expectedExit = Number(/^\/\/ expect-exit: (\d+)/.exec(source)?.[1] ?? 0);
      const expected = readFileSync(file.replace(/\.c$/, '.out'), 'latin1');
      const inFile = file.replace(/\.c$/, '.in');
      const stdin = existsSync(inFile) ? readFileSync(inFile, 'latin1') : '';
      const module = compile(file);
      for (const seed of seedsFor(index)) {
        const run = await runTraced(module, { classes: [], sched: 'random', seed, quantum: 1000, stdin, hostFs: true, maxSteps: 500_000_000 });
        expect({ seed, stdout: run.stdout, status: run.result.status }).toEqual({ seed, stdout: expected, status: expectedExit });
      }
    });
  });
});
