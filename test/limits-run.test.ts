// Guests that try to hold the host: a fork bomb, a malloc bomb, an infinite loop
// and an output flood are each stopped cleanly, well under 10 s, with a message
// naming the limit and that limit's own exit status.
import { describe, expect, it } from 'vitest';
import { NPROC } from '../src/kernel/param.js';
import { compileSource, runTraced } from './trace-helpers.js';

async function run(source: string, opts: Parameters<typeof runTraced>[1]) {
  const started = performance.now();
  const r = await runTraced(compileSource(source), { classes: [], maxSteps: 0, ...opts });
  return { ...r, seconds: (performance.now() - started) / 1000 };
}

describe('run limits', () => {
  it('a fork bomb fills the process table, fork fails EAGAIN, and --timeout stops it', async () => {
    const r = await run(
      `#include <stdio.h>
       #include <unistd.h>
       int main(void) {
         int failed = 0;
         for (;;)
           if (fork() < 0 && !failed++)
             perror("fork");
       }`,
      { maxProcs: NPROC, timeoutMs: 2000 },
    );
    expect(r.result).toMatchObject({ status: 124, end: 'timeout' });
    expect(r.stderr).toContain(`ipcvm: fork: ${NPROC} processes exist (--max-procs ${NPROC}): fork fails with EAGAIN\n`);
    expect(r.stderr).toContain('fork: Resource temporarily unavailable\n');
    expect(r.stderr).toContain('ipcvm: timeout: stopped after 2 seconds of wall-clock time (--timeout)\n');
    expect(r.seconds).toBeLessThan(10);
  });

  it('a malloc bomb in one process: malloc returns NULL once the heap would outgrow --mem', async () => {
    const r = await run(
      `#include <stdio.h>
       #include <stdlib.h>
       int main(void) {
         int n = 0;
         while (malloc(1 << 20)) n++;
         printf("malloc failed after %d MiB\\n", n);
         return 0;
       }`,
      { memBytes: 16 * 1024 * 1024 },
    );
    expect(r.stdout).toMatch(/^malloc failed after 1[0-5] MiB\n$/);
    expect(r.result.status).toBe(0);
    expect(r.seconds).toBeLessThan(10);
  });

  it('malloc bombs in several processes: the one that finds no frame is killed; the rest goes on', async () => {
    const r = await run(
      `#include <stdio.h>
       #include <stdlib.h>
       #include <string.h>
       #include <unistd.h>
       #include <sys/wait.h>
       int main(void) {
         int i, status, killed = 0;
         for (i = 0; i < 4; i++)
           if (fork() == 0) {
             char *p = malloc(6 << 20);
             if (!p) return 3;
             memset(p, 1, 6 << 20);
             sleep(5);
             return 0;
           }
         for (i = 0; i < 4; i++) {
           wait(&status);
           if (WIFSIGNALED(status) && WTERMSIG(status) == 9) killed++;
         }
         printf("%d killed\\n", killed);
         return 0;
       }`,
      { memBytes: 16 * 1024 * 1024 },
    );
    expect(r.stderr).toMatch(/^(ipcvm: pid \d killed: out of memory \(--mem 16M exhausted\)\n)+$/);
    expect(r.stdout).toMatch(/^[1-3] killed\n$/);
    expect(r.result.status).toBe(0);
    expect(r.seconds).toBeLessThan(10);
  });

  it('an infinite loop is stopped by --timeout (status 124)', async () => {
    const r = await run('int main(void) { for (;;) ; }', { timeoutMs: 1000 });
    expect(r.result).toMatchObject({ status: 124, end: 'timeout' });
    expect(r.stderr).toBe('ipcvm: timeout: stopped after 1 seconds of wall-clock time (--timeout)\n');
    expect(r.seconds).toBeLessThan(10);
  });

  it('an infinite loop is stopped by --max-steps (status 124)', async () => {
    const r = await run('int main(void) { for (;;) ; }', { maxSteps: 5_000_000 });
    expect(r.result).toMatchObject({ status: 124, end: 'max-steps' });
    expect(r.stderr).toBe('ipcvm: stopped after 5000000 instructions (--max-steps)\n');
  });

  it('an output flood is cut at --max-output (status 125)', async () => {
    const r = await run(
      `#include <stdio.h>
       int main(void) { for (;;) printf("all work and no play makes jack a dull boy\\n"); }`,
      { maxOutput: 1024 * 1024 },
    );
    expect(r.result).toMatchObject({ status: 125, end: 'output-limit' });
    expect(r.stdout.length).toBe(1024 * 1024);
    expect(r.stderr).toBe('ipcvm: output limit: stopped after 1M of guest output (--max-output)\n');
    expect(r.seconds).toBeLessThan(10);
  });

  it('a guest under the output limit is not affected by it', async () => {
    const r = await run('#include <stdio.h>\nint main(void) { printf("12345"); return 0; }', { maxOutput: 5 });
    expect(r.result.status).toBe(0);
    expect(r.stdout).toBe('12345');
  });
});
