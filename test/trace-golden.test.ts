// Golden traces: each program in test/golden/NAME.c is run under the tracer and
// its trace must equal test/golden/NAME.trace byte for byte (and NAME.json.trace
// for --trace-format json where present). UPDATE_GOLDEN=1 rewrites them -- read
// the diff before committing one. The programs cover a pipe, a message queue, a
// semaphore and signals: blocking shown as <unfinished ...>/<... resumed>, errors,
// decoded flags and structs, signal delivery, exits and kills.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, runTraced } from './trace-helpers.js';

const dir = join(import.meta.dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

/** Virtual times and instruction counts change whenever the compiler or the C
 *  library does; the goldens keep their place, not their value. */
function withoutCounts(trace: string): string {
  return trace
    .replace(/\b\d+\.\d{9} /g, 'T ')
    .replace(/instructions=\d+/g, 'instructions=N')
    .replace(/"(time|end)":\d+/g, '"$1":T');
}

function checkGolden(file: string, actual: string): void {
  if (update || !existsSync(file)) {
    writeFileSync(file, actual);
    if (!update) throw new Error(`${file} did not exist: written, check it and rerun`);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'latin1'));
}

describe('golden traces', () => {
  for (const name of ['pipe', 'msg', 'sem', 'signal']) {
    it(`${name}.c (text)`, async () => {
      const run = await runTraced(compile(join(dir, `${name}.c`)));
      expect(run.result.status).toBe(0);
      checkGolden(join(dir, `${name}.trace`), run.trace);
    });
  }

  it('pipe.c with --trace-time and faults/sched classes', async () => {
    const run = await runTraced(compile(join(dir, 'pipe.c')), {
      classes: ['syscalls', 'signals', 'faults', 'sched'],
      trace: { time: true },
    });
    checkGolden(join(dir, 'pipe-all.trace'), withoutCounts(run.trace));
  });

  it('tracing changes nothing: same output, instruction count and frames as an untraced run', async () => {
    for (const name of ['pipe', 'msg', 'sem', 'signal']) {
      const module = compile(join(dir, `${name}.c`));
      const plain = await runTraced(module, { observe: false, sched: 'random', seed: 3 });
      const traced = await runTraced(module, { classes: ['syscalls', 'signals', 'faults', 'sched'], sched: 'random', seed: 3 });
      expect(traced.trace.length).toBeGreaterThan(0);
      expect({ out: traced.stdout, err: traced.stderr, result: traced.result }).toEqual({ out: plain.stdout, err: plain.stderr, result: plain.result });
    }
  });

  it('sem.c as JSON', async () => {
    const run = await runTraced(compile(join(dir, 'sem.c')), { trace: { format: 'json' } });
    checkGolden(join(dir, 'sem.json.trace'), withoutCounts(run.trace));
    for (const line of run.trace.trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });
});
