// The command line of observability and reproducibility: `ipcvm trace`, the
// --trace-* options, --show-config, --explore, --timeout and --max-output, run
// in-process through main().
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exploreSchedules, replayCommand } from '../src/cli/explore.js';
import { main } from '../src/cli/main.js';
import { compileSource } from './trace-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ipcvm-trace-'));
function source(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Runs main() with stderr captured (the guests here print nothing on stdout). */
async function ipcvm(...args: string[]): Promise<{ status: number; stderr: string }> {
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  });
  try {
    return { status: await main(['node', 'ipcvm', ...args]), stderr };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

const quiet = source('quiet.c', 'int main(void) { return 3; }\n');
const loop = source('loop.c', 'int main(void) { for (;;) ; }\n');

describe('ipcvm trace and --trace-*', () => {
  it('writes the trace to --trace-file and keeps the exit status', async () => {
    const file = join(dir, 'out.trace');
    const r = await ipcvm('trace', '--trace-file', file, quiet);
    expect(r.status).toBe(3);
    expect(readFileSync(file, 'utf8')).toBe('exit_group(3)                           = ?\n+++ exited with 3 +++\n');
  });

  it('a bare --trace before the file does not take the file as its value', async () => {
    const file = join(dir, 'bare.trace');
    const r = await ipcvm('run', '--trace-file', file, '--trace', quiet);
    expect(r.status).toBe(3);
    expect(readFileSync(file, 'utf8')).toContain('+++ exited with 3 +++');
  });

  it('--trace-summary alone prints only the table, --trace-format json objects', async () => {
    const file = join(dir, 'summary.trace');
    const r = await ipcvm('run', '--trace-summary', '--trace-file', file, '--trace-format', 'json', quiet);
    expect(r.status).toBe(3);
    const [first, ...rest] = readFileSync(file, 'utf8').split('\n');
    expect(JSON.parse(first)).toMatchObject({ type: 'syscall', pid: 1, name: 'exit_group', args: ['3'], result: null });
    expect(rest.join('\n')).toContain('100.00    0.000000           0         1           total');
  });

  it('rejects a bad --trace value as a usage error', async () => {
    const r = await ipcvm('run', '--trace=nosuchcall', quiet);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("ipcvm: --trace: 'nosuchcall' is neither an event class (syscalls, signals, faults, sched, all) nor a system call\n");
  });
});

describe('reproducible runs', () => {
  it('--show-config prints the command that replays the run', async () => {
    const r = await ipcvm('run', '--show-config', '--sched', 'random', '--seed', '42', '--mem', '8M', quiet, '--', 'a b', 'c');
    expect(r.status).toBe(3);
    expect(r.stderr).toBe(
      `ipcvm: config: ipcvm run ${quiet} --sched random --seed 42 --quantum 10000 --mem 8M --max-steps 0 --max-procs 512 ` +
        `--clock virtual --uid 1000 --timeout 0 --max-output 64M -- 'a b' c\n`,
    );
  });

  it('--explore finds the seed whose schedule changes the output, and the command replaying it', async () => {
    const racy = compileSource(`
      #include <stdio.h>
      #include <unistd.h>
      #include <sys/wait.h>
      int main(void) {
        int i;
        setvbuf(stdout, NULL, _IONBF, 0);
        if (fork() == 0) { for (i = 0; i < 3; i++) printf("child %d\\n", i); _exit(0); }
        for (i = 0; i < 3; i++) printf("parent %d\\n", i);
        wait(NULL);
        return 0;
      }`);
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((stderr += String(chunk)), true));
    const settings = { seed: 1, sched: 'rr' as const, quantum: 50, maxSteps: 0, memBytes: 16 << 20, clock: 'virtual' as const, uid: 1000, maxProcs: 64 };
    const status = await exploreSchedules(racy, { file: 'racy.c', guestArgs: [], settings }, 12);
    expect(status).toBe(1);
    const seed = Number(/seed (\d+) is the first that differs/.exec(stderr)?.[1]);
    expect(seed).toBeGreaterThanOrEqual(1);
    expect(stderr).toMatch(/ipcvm: {3}stdout differs at line \d+:\n/);
    expect(stderr).toContain(`replay it with: ${replayCommand({ file: 'racy.c', guestArgs: [], settings: { ...settings, sched: 'random', seed } })}`);
  });

  it('--explore on a deterministic program: every schedule agrees, status 0', async () => {
    const r = await ipcvm('run', '--explore', '4', quiet);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('ipcvm: explore: all 4 schedules (--sched random, seeds 1..4) gave the same output (0 bytes) and status 3\n');
  });
});

describe('limits from the command line', () => {
  it('--timeout stops an infinite loop with status 124', async () => {
    // The kernel's message goes to fd 2 directly (limits-run.test.ts checks it).
    const started = performance.now();
    const r = await ipcvm('run', '--timeout', '1', loop);
    expect(r.status).toBe(124);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
