// One benchmark, both sides: the native build runs first with the VM's argument to
// produce the checked output the VM must print, then each side is timed with its own
// argument. A failing check or a side that cannot run is recorded, never thrown, so
// one broken benchmark does not hide the others.
import { join } from 'node:path';
import type { BenchmarkSpec } from './suite.js';
import { CheckError, checkRun, checkSelf, measure, opsFrom, type Measurement, type ProgramRun } from './measure.js';
import { buildNative, runProcess } from './native.js';
import { compileForVm } from './vm.js';
import { runInVm } from './vm-run.js';

export type Status = 'ok' | 'fail' | 'error';

export interface SideResult {
  measurement?: Measurement;
  /** why this side has no figure */
  error?: string;
}

export interface BenchResult {
  spec: BenchmarkSpec;
  /** fail: a wrong answer; error: a side could not run (not built yet, crashed) */
  status: Status;
  vm: SideResult;
  native?: SideResult & { pinned: boolean };
  /** ipcvm ops/s divided by native ops/s: higher is better for ipcvm */
  ratio?: number;
  targetMet?: boolean;
  /** true when the VM's output was compared with the native build's */
  checkedAgainstNative: boolean;
}

export interface NativeSetup {
  outDir: string;
  /** taskset is available: syscall programs run pinned to core 0 */
  canPin: boolean;
  /** start-up time of an empty native program, subtracted from native figures */
  overheadMs: { pinned: number; unpinned: number };
}

interface Failure {
  status: Status;
  message: string;
}

function failureOf(e: unknown): Failure {
  const message = e instanceof Error ? e.message : String(e);
  return { status: e instanceof CheckError ? 'fail' : 'error', message: message.split('\n').slice(0, 3).join(' ') };
}

/** Untimed runs of the VM side before the timed ones: each run boots a fresh kernel,
 *  and V8 takes many runs to settle -- code optimised against one kernel's objects
 *  deoptimises on the next one's, and each cold path of compiled guest code (a TLB
 *  miss's slow path, a run's last lines) deoptimises its whole unit the first time
 *  it runs, which leaves that run 2-6x slower while V8 re-optimises: in a trace of
 *  30 sem_pingpong runs such deopts still came at runs 12, 15 and 22. A native
 *  process has no such warm-up and keeps one. */
export const VM_WARMUP = { runs: 10, ms: 2000 };

async function timeSide(name: string, run: () => Promise<ProgramRun>, first: ProgramRun, runs: number, overheadMs = 0, warmup = { runs: 1, ms: 0 }) {
  return measure(name, run, { runs, expected: first.stdout, opsPerRun: opsFrom(first.stdout), overheadMs, warmupRuns: warmup.runs, warmupMs: warmup.ms });
}

export async function runBenchmark(spec: BenchmarkSpec, programsDir: string, runs: number, native?: NativeSetup): Promise<BenchResult> {
  const source = join(programsDir, `${spec.name}.c`);
  const failures: Failure[] = [];
  let expectedVmOutput: string | undefined;
  let nativeSide: BenchResult['native'];
  if (native) {
    const pinned = native.canPin && spec.suite === 'syscall';
    nativeSide = { pinned };
    try {
      const exe = buildNative(source, native.outDir);
      const reference = runProcess(exe, [spec.vmArg], pinned);
      checkSelf(reference);
      expectedVmOutput = reference.stdout;
      const once = async () => runProcess(exe, [spec.nativeArg], pinned);
      const first = await once();
      checkSelf(first);
      const overhead = pinned ? native.overheadMs.pinned : native.overheadMs.unpinned;
      nativeSide.measurement = await timeSide(`${spec.name}/native`, once, first, runs, overhead);
    } catch (e) {
      const failure = failureOf(e);
      failures.push(failure);
      nativeSide.error = `native: ${failure.message}`;
    }
  }
  const vm: SideResult = {};
  try {
    const module = compileForVm(source);
    const argv = [spec.name, spec.vmArg];
    const once = () => runInVm(module, argv, spec.memBytes);
    const first = await once();
    if (expectedVmOutput !== undefined) checkRun(first, expectedVmOutput);
    else checkSelf(first);
    vm.measurement = await timeSide(`${spec.name}/ipcvm`, once, first, runs, 0, VM_WARMUP);
  } catch (e) {
    const failure = failureOf(e);
    failures.push(failure);
    vm.error = `ipcvm: ${failure.message}`;
  }
  const status: Status = failures.some((f) => f.status === 'fail') ? 'fail' : failures.length > 0 ? 'error' : 'ok';
  const result: BenchResult = { spec, status, vm, native: nativeSide, checkedAgainstNative: expectedVmOutput !== undefined };
  if (vm.measurement && nativeSide?.measurement) {
    result.ratio = vm.measurement.opsPerSec / nativeSide.measurement.opsPerSec;
    if (spec.targetRatio !== undefined) result.targetMet = result.ratio >= spec.targetRatio;
  }
  return result;
}
