// Timing and checking shared by both sides. Each run of a benchmark program is one
// tinybench sample (its duration supplied by the runner, so VM set-up or process
// spawn can be left out), and every timed run's output must equal the checked
// output: a fast wrong answer fails instead of scoring.
import { Bench } from 'tinybench';

/** One run of a benchmark program, on either side. */
export interface ProgramRun {
  status: number;
  stdout: string;
  stderr: string;
  /** the time that counts, in milliseconds */
  ms: number;
}

export interface Measurement {
  runs: number;
  /** median milliseconds per run, after any start-up overhead was subtracted */
  msPerRun: number;
  /** relative margin of error of the mean, percent */
  rmePercent: number;
  opsPerRun: number;
  opsPerSec: number;
  nsPerOp: number;
}

export class CheckError extends Error {}

/** The `ops N` line every benchmark program prints. */
export function opsFrom(stdout: string): number {
  const m = /^ops (\d+)$/m.exec(stdout);
  if (!m) throw new CheckError('no "ops N" line in the output');
  return Number(m[1]);
}

/** Throws CheckError unless the run exited 0 and printed exactly `expected`. */
export function checkRun(run: ProgramRun, expected: string): void {
  if (run.status !== 0) {
    const why = run.stderr.trim() || run.stdout.trim();
    throw new CheckError(`exit status ${run.status}${why ? `: ${why.split('\n')[0]}` : ''}`);
  }
  if (run.stdout !== expected) {
    const got = run.stdout.split('\n')[0];
    throw new CheckError(`wrong output: "${got}", expected "${expected.split('\n')[0]}"`);
  }
}

export interface MeasureOptions {
  runs: number;
  /** checked output every run must reproduce */
  expected: string;
  /** ops one run performs (a benchmark program's `ops N`) */
  opsPerRun: number;
  /** milliseconds to subtract from each run's time (native process start-up) */
  overheadMs?: number;
  /** untimed runs first: at least this many (default 1)... */
  warmupRuns?: number;
  /** ...and until their timed parts add up to this many milliseconds (default 0) */
  warmupMs?: number;
}

/** Runs `once` under tinybench (the warm-up runs, then `runs` samples). */
export async function measure(name: string, once: () => Promise<ProgramRun>, opts: MeasureOptions): Promise<Measurement> {
  const warmupIterations = opts.warmupRuns ?? 1;
  const warmupTime = opts.warmupMs ?? 0;
  const bench = new Bench({ iterations: opts.runs, time: 0, warmupIterations, warmupTime, throws: true });
  bench.add(name, async () => {
    const run = await once();
    checkRun(run, opts.expected);
    return { overriddenDuration: run.ms };
  });
  await bench.run();
  const result = bench.tasks[0].result;
  if (result.state !== 'completed') throw new Error(`${name}: tinybench ended in state ${result.state}`);
  const opsPerRun = opts.opsPerRun;
  // The median, not the mean: on a shared machine a run is now and then descheduled
  // for much of its time, and one such run among three moved the mean by up to 2x
  // (rme above 100%) for either side.
  const msPerRun = Math.max(result.latency.p50 - (opts.overheadMs ?? 0), 1e-6);
  return {
    runs: bench.tasks[0].runs,
    msPerRun,
    rmePercent: result.latency.rme,
    opsPerRun,
    opsPerSec: (opsPerRun * 1000) / msPerRun,
    nsPerOp: (msPerRun * 1e6) / opsPerRun,
  };
}

/** Throws CheckError unless a run exited 0, printed its `ops N` and reported no FAIL. */
export function checkSelf(run: ProgramRun): void {
  if (run.status !== 0 || /^FAIL/m.test(run.stdout)) {
    const why = (/^FAIL.*$/m.exec(run.stdout)?.[0] ?? run.stderr.trim()) || run.stdout.trim();
    throw new CheckError(`exit status ${run.status}${why ? `: ${why.split('\n')[0]}` : ''}`);
  }
  opsFrom(run.stdout);
}
