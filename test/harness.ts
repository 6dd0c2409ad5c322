// Runs guest programs for the tests: compile with the real compiler, boot a fresh
// kernel with captured stdin/stdout/stderr, run to completion, then check the kernel
// is back to baseline (no frame, zombie or sleeper left).
import { compileProgram } from '../src/compiler/driver.js';
import { Kernel, type KernelOptions } from '../src/kernel/kernel.js';

export interface GuestRun {
  stdout: string;
  stderr: string;
  status: number;
  compileErrors: string;
}

export interface GuestOptions extends Partial<KernelOptions> {
  stdin?: string;
  args?: string[];
  /** Skip the baseline check (for tests that deliberately leave IPC objects). */
  skipInvariants?: boolean;
}

export async function runGuestFiles(files: string[], opts: GuestOptions = {}): Promise<GuestRun> {
  const compiled = compileProgram(files);
  if (!compiled.module) return { stdout: '', stderr: '', status: -1, compileErrors: compiled.text };
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const input = new TextEncoder().encode(opts.stdin ?? '');
  let inputPos = 0;
  const kernel = new Kernel({
    memBytes: 16 * 1024 * 1024,
    quantum: 1000,
    sched: 'rr',
    seed: 1,
    maxSteps: 200_000_000,
    clock: 'virtual',
    maxProcs: 64,
    uid: 1000,
    stats: false,
    ...opts,
    stdout: (b: Uint8Array) => out.push(b.slice()),
    stderr: (b: Uint8Array) => err.push(b.slice()),
    stdin: (max: number) => {
      const chunk = input.subarray(inputPos, inputPos + max);
      inputPos += chunk.length;
      return chunk;
    },
  });
  kernel.spawn(compiled.module, [files[0], ...(opts.args ?? [])]);
  const result = await kernel.run();
  if (!opts.skipInvariants) kernel.checkInvariants();
  const text = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString('latin1');
  return { stdout: text(out), stderr: text(err), status: result.status, compileErrors: compiled.text };
}
