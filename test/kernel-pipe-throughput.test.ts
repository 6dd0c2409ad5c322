// Bulk transfer through a pipe between two processes (test/guest/pipe/
// throughput.c): 16 MiB in 64 KiB writes must arrive whole and in order, and the
// run prints its throughput (ring <-> guest frames by page-sized copies).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGuestFiles } from './harness.js';

describe('pipe throughput', () => {
  it('moves 16 MiB from a child to its parent', async () => {
    const started = process.hrtime.bigint();
    const run = await runGuestFiles([join(import.meta.dirname, 'guest/pipe/throughput.c')]);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    expect(run.compileErrors).toBe('');
    expect(run.stdout).toBe('16777216 bytes, 0 bad, writer status 0\n');
    expect(run.status).toBe(0);
    console.log(`pipe throughput: 16 MiB in ${seconds.toFixed(2)} s (${(16 / seconds).toFixed(0)} MiB/s, compile included)`);
  });
});
