// Named limits and defaults of the kernel, in one place so every "table full" or
// "too big" path is a real, testable limit (xv6's param.h). Where Linux has the same
// limit, the value and the errno it produces are Linux's.
import { STACK_MAX as ABI_STACK_MAX } from '../isa/abi.js';

/** Default for --max-procs: live processes (zombies included) before fork fails
 *  with EAGAIN, like RLIMIT_NPROC. Stops a fork bomb long before host memory does. */
export const NPROC = 512;

/** Descriptors per process (RLIMIT_NOFILE's default soft limit): EMFILE beyond. */
export const NOFILE = 1024;

/** Highest pid before allocation wraps (Linux's default pid_max). */
export const PID_MAX = 32768;

/** Default --quantum: instructions a process runs before the next runnable one. */
export const DEFAULT_QUANTUM = 10_000;

/** Default --mem: physical memory shared by every process. */
export const DEFAULT_MEM_BYTES = 64 * 1024 * 1024;

/** Largest stack, with an unmapped guard page below it (abi.ts). */
export const STACK_MAX = ABI_STACK_MAX;

/** Bytes of argv and envp strings plus their pointer arrays a new image may get
 *  (exec fails with E2BIG beyond; Linux allows a quarter of the stack). */
export const ARG_MAX = 128 * 1024;

/** Longest path or string the kernel reads from a guest (PATH_MAX): ENAMETOOLONG. */
export const PATH_MAX = 4096;

/** Largest read/write count moved in one call (Linux's MAX_RW_COUNT is ~2 GiB; a
 *  larger call is a short transfer, which every caller of write must handle). */
export const MAX_RW_COUNT = 1024 * 1024;

/** Virtual time: nanoseconds one instruction takes (a 1 GHz machine, one
 *  instruction per cycle). Sleeping costs no instructions: the clock jumps. */
export const NS_PER_INSTRUCTION = 1;

/** Virtual CLOCK_REALTIME starts here (seconds since the Epoch, 2023-11-14), so
 *  runs are reproducible. */
export const VIRTUAL_EPOCH_SECONDS = 1_700_000_000;

/** Default user and group of the first process (--uid). */
export const DEFAULT_UID = 1000;
export const DEFAULT_GID = 1000;

/** Environment of a spawned process when the caller gives none: fixed, so output
 *  never depends on the host's environment. */
export const DEFAULT_ENV: readonly string[] = ['PATH=/bin', 'HOME=/', 'USER=user', 'SHELL=/bin/sh'];

/** Kernel exit statuses of a run that did not end by its first process exiting. */
export const STATUS_DEADLOCK = 2;
export const STATUS_MAX_STEPS = 124;
