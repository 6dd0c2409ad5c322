// Runs guest shell command lines for the tests: a fresh kernel with /bin (the
// userland of programs/bin) and captured stdin/stdout/stderr, its working
// directory a host directory the test fills (files written there before the run),
// then the kernel's baseline check (no frame, zombie, pipe or sleeper left).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { bootKernel } from '../src/cli/sh.js';
import { ProgramLibrary } from '../src/cli/programs.js';
import type { Kernel, KernelOptions } from '../src/kernel/kernel.js';
import { DEFAULT_ENV } from '../src/kernel/param.js';

export interface ShellRun {
  stdout: string;
  stderr: string;
  status: number;
  kernel: Kernel;
}

export interface ShellOptions extends Partial<KernelOptions> {
  stdin?: string;
  /** Files to create in the working directory (a fresh host temp directory). */
  files?: Record<string, string>;
  /** Skip the baseline check (a test that leaves an IPC object on purpose). */
  skipInvariants?: boolean;
}

let library: Promise<ProgramLibrary> | undefined;

/** The /bin programs, read once for all tests of a file. */
export function testLibrary(): Promise<ProgramLibrary> {
  library ??= ProgramLibrary.load();
  return library;
}

const madeDirs: string[] = [];
afterAll(() => {
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh host directory holding files (removed after the test file's tests). */
export function hostDirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ipcvm-sh-'));
  madeDirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Runs argv (after "sh") in the guest shell; `sh(['-c', 'echo hi'])`. */
export async function runShellArgs(shArgs: string[], opts: ShellOptions = {}): Promise<ShellRun> {
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const input = new TextEncoder().encode(opts.stdin ?? '');
  let inputPos = 0;
  const lib = await testLibrary();
  const kernel = bootKernel(
    {
      memBytes: 32 * 1024 * 1024,
      quantum: 1000,
      sched: 'rr',
      seed: 1,
      maxSteps: 500_000_000,
      clock: 'virtual',
      maxProcs: 64,
      uid: 1000,
      stats: false,
      hostDir: opts.hostDir ?? hostDirWith(opts.files ?? {}),
      ...opts,
      stdout: (b: Uint8Array) => out.push(b.slice()),
      stderr: (b: Uint8Array) => err.push(b.slice()),
      stdin: (max: number) => {
        const chunk = input.subarray(inputPos, inputPos + max);
        inputPos += chunk.length;
        return chunk;
      },
    },
    lib,
  );
  const sh = lib.binModule('sh');
  if (sh === null || typeof sh === 'string') throw new Error(`/bin/sh does not build:\n${sh ?? 'missing'}`);
  kernel.spawn(sh, ['sh', ...shArgs], DEFAULT_ENV);
  const result = await kernel.run();
  if (!opts.skipInvariants) kernel.checkInvariants();
  const text = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString('latin1');
  return { stdout: text(out), stderr: text(err), status: result.status, kernel };
}

/** Runs one command line with `sh -c`. */
export function sh(command: string, opts: ShellOptions = {}): Promise<ShellRun> {
  return runShellArgs(['-c', command], opts);
}
