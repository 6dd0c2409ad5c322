// The benchmark table: every program in bench/programs, the argument each side runs
// it with, and the target for the ipcvm/native throughput ratio. Programs
// print `ops N`; figures are per op, so the VM can run a shorter version than gcc's
// build and the two still compare. Both sides' arguments are sized for runs of
// roughly 0.1-1.5 s on the machine the suite was calibrated on, so process start-up
// is a small (and subtracted) part of the native figure, and on the VM side a run's
// fixed costs (the garbage collector catching up with the previous run's kernel,
// whose 64 MiB it frees during the next run; new code paths met once) are a small
// part of the per-op figure: at 20,000 round trips (27 ms) they were a fifth of it.

export type SuiteName = 'syscall' | 'compute';

export interface BenchmarkSpec {
  /** file stem in bench/programs */
  readonly name: string;
  readonly suite: SuiteName;
  /** what one op is, for the table's footnotes */
  readonly op: string;
  /** argv[1] inside the VM */
  readonly vmArg: string;
  /** argv[1] for the native build */
  readonly nativeArg: string;
  /** the target for ipcvm ops/s divided by native ops/s; none for compute */
  readonly targetRatio?: number;
  /** physical memory for the VM when the default is too small */
  readonly memBytes?: number;
}

const ROUND_TRIP_TARGET = 4;

export const BENCHMARKS: readonly BenchmarkSpec[] = [
  { name: 'null_syscall', suite: 'syscall', op: 'getppid call', vmArg: '5000000', nativeArg: '2000000', targetRatio: 2 },
  { name: 'pipe_pingpong', suite: 'syscall', op: 'round trip', vmArg: '200000', nativeArg: '100000', targetRatio: ROUND_TRIP_TARGET },
  { name: 'pipe_bandwidth', suite: 'syscall', op: '64 KiB block', vmArg: '32768', nativeArg: '16384', targetRatio: 0.5 },
  { name: 'fifo_pingpong', suite: 'syscall', op: 'round trip', vmArg: '200000', nativeArg: '100000', targetRatio: ROUND_TRIP_TARGET },
  { name: 'msg_pingpong', suite: 'syscall', op: 'round trip', vmArg: '200000', nativeArg: '100000', targetRatio: ROUND_TRIP_TARGET },
  { name: 'sem_pingpong', suite: 'syscall', op: 'round trip', vmArg: '200000', nativeArg: '100000', targetRatio: ROUND_TRIP_TARGET },
  { name: 'shm_counter', suite: 'syscall', op: 'round trip', vmArg: '200000', nativeArg: '100000', targetRatio: ROUND_TRIP_TARGET },
  // The same 8 rounds on both sides: round 1 touches memory new to the process (on
  // the host, fresh ArrayBuffer pages; natively, pages the kernel hands out for the
  // first time), later rounds reuse the frames the previous segment freed -- so
  // each side's figure averages the same mix.
  {
    name: 'shm_fault',
    suite: 'syscall',
    op: 'page touched',
    vmArg: '8',
    nativeArg: '8',
    targetRatio: 4,
    memBytes: 160 * 1024 * 1024,
  },
  { name: 'signal_pingpong', suite: 'syscall', op: 'round trip', vmArg: '200000', nativeArg: '100000', targetRatio: ROUND_TRIP_TARGET },
  { name: 'fork_wait', suite: 'syscall', op: 'fork+exit+wait', vmArg: '40000', nativeArg: '5000', targetRatio: 10 },
  { name: 'fib', suite: 'compute', op: 'call (argv[1] is n)', vmArg: '32', nativeArg: '40' },
  { name: 'sieve', suite: 'compute', op: 'sieve below 2,000,000', vmArg: '1', nativeArg: '100' },
  { name: 'loop', suite: 'compute', op: 'loop iteration', vmArg: '20000000', nativeArg: '300000000' },
  { name: 'matmul', suite: 'compute', op: 'multiply-add', vmArg: '1', nativeArg: '400' },
  { name: 'strings', suite: 'compute', op: 'iteration', vmArg: '20000', nativeArg: '3000000' },
];

/** fib(35) wall times quoted by the issue (not measured here), for the compute comparison. */
export const FIB35_ANCHORS_SECONDS: readonly { readonly name: string; readonly seconds: number }[] = [
  { name: 'Lua 5.4', seconds: 0.49 },
  { name: 'CPython', seconds: 1.1 },
  { name: 'c4', seconds: 1.1 },
];

/** Calls made by recursive fib(n): 2 * fib(n + 1) - 1. */
export function fibCalls(n: number): number {
  let a = 0;
  let b = 1;
  for (let i = 0; i < n + 1; i++) [a, b] = [b, a + b];
  return 2 * a - 1;
}

/** Start-up target: `ipcvm run hello.c` within this factor of `node -e 0`. */
export const STARTUP_TARGET_FACTOR = 2;
