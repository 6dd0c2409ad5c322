// The native side: build a benchmark program with gcc (the flags the issue names)
// and run it, pinned to one core with `taskset -c 0` when asked — the fair match for
// a single-threaded VM, since two processes ping-ponging on two cores never pay for
// a context switch.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { join, basename } from 'node:path';
import { constants } from 'node:os';
import type { ProgramRun } from './measure.js';

export const GCC_FLAGS = ['-std=gnu99', '-O2', '-w'];

/** A tiny program whose run time is pure process start-up, subtracted from native figures. */
export const EMPTY_PROGRAM = 'int main(void) { return 0; }\n';

export function hasGcc(): boolean {
  return spawnSync('gcc', ['--version']).status === 0;
}

export function hasTaskset(): boolean {
  return spawnSync('taskset', ['-c', '0', 'true']).status === 0;
}

/** Compiles `source` into `outDir`; throws with gcc's diagnostics on failure. */
export function buildNative(source: string, outDir: string): string {
  const exe = join(outDir, basename(source, '.c'));
  const gcc = spawnSync('gcc', [...GCC_FLAGS, '-o', exe, source], { encoding: 'utf8' });
  if (gcc.status !== 0) throw new Error(`gcc failed on ${source}:\n${gcc.stderr}`);
  return exe;
}

/** Runs a host program (a native build, or node) to completion; `ms` is the wall time of the whole process. */
export function runProcess(exe: string, args: string[], pinned: boolean, cwd?: string): ProgramRun {
  const [cmd, argv] = pinned ? ['taskset', ['-c', '0', exe, ...args]] : [exe, args];
  const start = performance.now();
  const child = spawnSync(cmd, argv, { cwd, encoding: 'latin1', maxBuffer: 16 * 1024 * 1024 });
  const ms = performance.now() - start;
  if (child.error) throw child.error;
  const status = child.status ?? 128 + (child.signal !== null ? constants.signals[child.signal] : 0);
  return { status, stdout: child.stdout, stderr: child.stderr, ms };
}
