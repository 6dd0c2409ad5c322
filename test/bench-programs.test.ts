// The benchmark programs are ordinary C: each must build with gcc (the flags the
// runner uses) and print its checked result. Expected outputs are recomputed here
// independently, with small iteration counts so the suite stays fast. Skipped when
// gcc is not installed.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCHMARKS } from '../bench/suite.js';
import { buildNative, hasGcc, runProcess } from '../bench/native.js';

const PROGRAMS = join(import.meta.dirname, '..', 'bench', 'programs');

function sum(n: number, f: (i: number) => number): number {
  let total = 0;
  for (let i = 0; i < n; i++) total = (total + f(i)) >>> 0;
  return total;
}

function loopChecksum(n: number): number {
  let x = 12345;
  let acc = 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    acc = ((acc ^ (x >>> 7)) + i) >>> 0;
  }
  return acc;
}

function matmulChecksum(reps: number): number {
  const N = 96;
  const a = Array.from({ length: N }, (_, i) => Array.from({ length: N }, (_, j) => ((i * 7 + j * 3) % 17) - 8));
  const b = Array.from({ length: N }, (_, i) => Array.from({ length: N }, (_, j) => ((i * 5 + j * 11) % 13) - 6));
  let checksum = 0;
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < N; i++)
      for (let j = 0; j < N; j++) {
        let c = 0;
        for (let k = 0; k < N; k++) c += a[i][k] * b[k][j];
        checksum = (Math.imul(checksum, 31) + c) >>> 0;
      }
    a[r % N][r % N] += 1;
  }
  return checksum;
}

function stringsOutput(n: number): string {
  let previous = '';
  let checksum = 0;
  let ordered = 0;
  for (let i = 0; i < n; i++) {
    const line = `item-${i}-${(i * 7 + 1).toString(16)}:${i & 1 ? 'odd' : 'even'}`;
    if (previous < line) ordered++;
    const joined = `${previous}|${line}`;
    checksum = (Math.imul(checksum, 33) + joined.length) >>> 0;
    checksum = (checksum ^ line.indexOf(':')) >>> 0;
    previous = line;
  }
  return `strings checksum = ${checksum} ordered = ${ordered}\n`;
}

const ROUND_TRIPS = 300;
const byteChecksum = sum(ROUND_TRIPS, (i) => (i + 1) & 255);

/** argv[1] and the exact output each program must print with it. */
const EXPECTED: Record<string, { arg: string; output: string }> = {
  null_syscall: { arg: '1000', output: 'null_syscall: 1000 getppid calls agree\nops 1000\n' },
  pipe_pingpong: { arg: `${ROUND_TRIPS}`, output: `pipe_pingpong: 300 round trips, checksum ${byteChecksum}\nops 300\n` },
  pipe_bandwidth: { arg: '8', output: 'pipe_bandwidth: 524288 bytes in 64 KiB writes, intact\nops 8\n' },
  fifo_pingpong: { arg: `${ROUND_TRIPS}`, output: `fifo_pingpong: 300 round trips, checksum ${byteChecksum}\nops 300\n` },
  msg_pingpong: { arg: `${ROUND_TRIPS}`, output: `msg_pingpong: 300 round trips, checksum ${sum(ROUND_TRIPS, (i) => i + 1)}\nops 300\n` },
  sem_pingpong: { arg: `${ROUND_TRIPS}`, output: 'sem_pingpong: 300 round trips, semaphores back at 0\nops 300\n' },
  shm_counter: { arg: `${ROUND_TRIPS}`, output: 'shm_counter: 300 round trips, counter = 600\nops 300\n' },
  shm_fault: { arg: '1', output: 'shm_fault: 1 rounds of 16384 pages (64 MiB), all zero-filled\nops 16384\n' },
  signal_pingpong: { arg: `${ROUND_TRIPS}`, output: 'signal_pingpong: 300 round trips, 300 signals caught by each side\nops 300\n' },
  fork_wait: { arg: '50', output: 'fork_wait: 50 children forked and reaped\nops 50\n' },
  fib: { arg: '20', output: 'fib(20) = 6765\nops 21891\n' },
  sieve: { arg: '1', output: 'primes below 2000000 = 148933\nops 1\n' },
  loop: { arg: '1000', output: `checksum = ${loopChecksum(1000)}\nops 1000\n` },
  matmul: { arg: '2', output: `matmul 96x96 checksum = ${matmulChecksum(2)}\nops ${2 * 96 ** 3}\n` },
  strings: { arg: '1000', output: `${stringsOutput(1000)}ops 1000\n` },
};

describe('benchmark table', () => {
  it('lists every program in bench/programs, and only those', () => {
    const files = readdirSync(PROGRAMS).filter((f) => f.endsWith('.c')).map((f) => f.slice(0, -2)).sort();
    expect(BENCHMARKS.map((b) => b.name).sort()).toEqual(files);
    expect(Object.keys(EXPECTED).sort()).toEqual(files);
  });
});

describe.skipIf(!hasGcc())('benchmark programs built natively with gcc', () => {
  let outDir = '';
  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'ipcvm-bench-test-'));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  for (const spec of BENCHMARKS) {
    it(`${spec.name} prints its checked result`, () => {
      const exe = buildNative(join(PROGRAMS, `${spec.name}.c`), outDir);
      const expected = EXPECTED[spec.name];
      const run = runProcess(exe, [expected.arg], false);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(expected.output);
      expect(run.status).toBe(0);
    });
  }
});
