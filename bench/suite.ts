// The benchmark table: every program in bench/programs, the argument each side runs
// it with, and the target for the ipcvm/native throughput ratio. Programs
// print `ops N`; figures are per op, so the VM can run a shorter version than gcc's
// build and the two still compare. Both sides' arguments are sized for runs of
// roughly 0.2-1.5 s on the machine the suite was calibrated on, so process start-up
// is a small (and subtracted) part of the native figure.

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
  { name: 'null_syscall', suite: 'syscall', op: 'getppid call', vmArg: '2000000', nativeArg: '2000000', targetRatio: 2 },
  { name: 'pipe_pingpong', suite: 'syscall', op: 'round trip', vmArg: '20000', nativeArg: '100000', targetRatio: ROUND_TRIP_TARGET },
  { name: 'pipe_bandwidth', suite: 'syscall', op: '64 KiB block', vmArg: '8192', nativeArg: '16384', targetRatio: 0.5 },
  { name: 'fifo_pingpong', suite: 'syscall', op: 'round trip', vmArg: '20000', nativeArg: '100000', targetRatio: ROUND_TRIP_TARGET },
  { name: 'msg_pingpong', suite: 'syscall', op: 'round trip', vmArg: '20000', nativeArg: '100000', targetRatio: ROUND_TRIP_TARGET },
  { name: 'sem_pingpong', suite: 'syscall', op: 'round trip', vmArg: '20000', nativeArg: '100000', targetRatio: ROUND_TRIP_TARGET },
  { name: 'shm_counter', suite: 'syscall', op: 'round trip', vmArg: '20000', nativeArg: '100000', targetRatio: ROUND_TRIP_TARGET },
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
  { name: 'signal_pingpong', suite: 'syscall', op: 'round trip', vmArg: '20000', nativeArg: '100000', targetRatio: ROUND_TRIP_TARGET },
  { name: 'fork_wait', suite: 'syscall', op: 'fork+exit+wait', vmArg: '2000', nativeArg: '5000', targetRatio: 10 },
  { name: 'fib', suite: 'compute', op: 'call (argv[1] is n)', vmArg: '28', nativeArg: '40' },
  { name: 'sieve', suite: 'compute', op: 'sieve below 2,000,000', vmArg: '1', nativeArg: '100' },
  { name: 'loop', suite: 'compute', op: 'loop iteration', vmArg: '2000000', nativeArg: '300000000' },
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
