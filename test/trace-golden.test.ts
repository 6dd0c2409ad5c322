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
    checkGolden(join(dir, 'pipe-all.trace'), run.trace);
  });

  it('sem.c as JSON', async () => {
    const run = await runTraced(compile(join(dir, 'sem.c')), { trace: { format: 'json' } });
    checkGolden(join(dir, 'sem.json.trace'), run.trace);
    for (const line of run.trace.trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });
});
