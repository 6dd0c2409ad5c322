// Named limits and defaults of the kernel, in one place so every "table full" or
// "too big" path is a real, testable limit (xv6's param.h). Where Linux has the same
// limit, the value and the errno it produces are Linux's.
import { STACK_MAX as ABI_STACK_MAX } from '../isa/abi.js';

/** Default for --max-procs: live processes (zombies included) before fork fails
 *  with EAGAIN, like RLIMIT_NPROC. Stops a fork bomb long before host memory does. */
export const NPROC = 512;

/** Descriptors per process (RLIMIT_NOFILE's default soft limit): EMFILE beyond. */
export const NOFILE = 1024;

/** Open file descriptions system wide (Linux's NR_FILE, the floor of fs.file-max):
 *  open, creat, pipe and a FIFO's open fail with ENFILE beyond; dup and fork share
 *  a description and never do. Linux lets CAP_SYS_ADMIN past it; here it binds
 *  uid 0 too, since it is what bounds the host's memory. */
export const NFILE = 8192;

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

/** Bytes of C source -- a file and what it #includes from the file system -- that
 *  a guest may have compiled at once (execve of a .c file, /bin/cc): a compile
 *  costs the host some hundred times its source, so a larger one fails (ENOEXEC,
 *  with a message saying why). */
export const COMPILE_SOURCE_MAX = 256 * 1024;

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
/** --timeout stopped the run (as timeout(1) exits); --max-output stopped it. */
export const STATUS_TIMEOUT = 124;
export const STATUS_OUTPUT_LIMIT = 125;

/** Default --max-output: bytes the guest may write to the console in one run. */
export const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

// ---- System V IPC and mmap (Linux's defaults, include/uapi/linux/{msg,sem,shm}.h) ----

/** An IPC id is seq * IPCMNI + slot index (Linux's IPCMNI_SHIFT of 15). */
export const IPCMNI = 32768;
/** Slot indexes are handed out cyclically over at least this many (Linux's
 *  ipc_min_cycle), so a removed id is not reused at once. */
export const IPC_MIN_CYCLE = 64;
/** Sequence numbers wrap after this (INT_MAX >> IPCMNI_SHIFT). */
export const IPC_SEQ_MAX = 65535;

/** Message queues system wide: msgget fails with ENOSPC beyond. */
export const MSGMNI = 32000;
/** Largest message text: msgsnd fails with EINVAL beyond. */
export const MSGMAX = 8192;
/** Default msg_qbytes of a new queue; only uid 0 may raise a queue above it. */
export const MSGMNB = 16384;

/** Bytes the messages of all queues may take together, each counted as its text
 *  plus MSG_HEADER_BYTES: msgsnd fails with ENOMEM beyond, which is what Linux's
 *  msgsnd says when it cannot allocate a message (Linux has no such pool: its
 *  queues are bounded only by memory, MSGMNI x MSGMNB = 500 MiB of text). */
export const MSG_MEM_MAX = 64 * 1024 * 1024;
/** What a queued message costs the host besides its text (i386 Linux's struct
 *  msg_msg is 24 bytes; a message record here costs about 256). */
export const MSG_HEADER_BYTES = 256;

/** Semaphore sets system wide (ENOSPC beyond). */
export const SEMMNI = 32000;
/** Semaphores per set: semget fails with EINVAL beyond. */
export const SEMMSL = 32000;
/** Semaphores in all sets: semget fails with ENOSPC beyond. Linux's default since
 *  3.19 is SEMMNI x SEMMSL (1,024,000,000), a limit only memory enforces; this is
 *  its default before then, which still lets one set have SEMMSL. */
export const SEMMNS = 32000;
/** Operations per semop call: E2BIG beyond. */
export const SEMOPM = 500;
/** Largest semaphore value: ERANGE beyond. */
export const SEMVMX = 32767;
/** Largest SEM_UNDO adjustment in either direction: ERANGE beyond. */
export const SEMAEM = SEMVMX;
/** Sets a process may hold SEM_UNDO adjustments for (Linux's SEMUME, which Linux
 *  reports but does not enforce): a semop with SEM_UNDO on one more fails with
 *  ENOMEM, Linux's error when it cannot allocate the undo structure. */
export const SEMUME = SEMOPM;

/** Shared memory segments system wide (ENOSPC beyond). */
export const SHMMNI = 4096;
/** Smallest and largest segment (i386's ULONG_MAX - 2^24): EINVAL outside. */
export const SHMMIN = 1;
export const SHMMAX = 0xfeffffff;
/** Pages in all segments together: ENOSPC beyond. */
export const SHMALL = 0xfeffffff;

/** Lowest address a fixed mapping may take (vm.mmap_min_addr): EPERM below. */
export const MMAP_MIN_ADDR = 65536;

/** Areas a process may have (Linux's vm.max_map_count): mmap, shmat and a munmap
 *  that would cut an area in three fail with ENOMEM beyond. */
export const MAX_MAP_COUNT = 65530;

/** Areas of all processes together: beyond, fork and the calls above fail with
 *  ENOMEM. Linux has no such limit, only memory; without one, fork would copy
 *  MAX_MAP_COUNT areas into each of NPROC processes. */
export const VM_AREAS_MAX = 262144;

/** Page tables of all processes together (1024 entries, 4 KiB of host memory
 *  each: 64 MiB): beyond, fork fails with ENOMEM and a page fault that needs one
 *  more kills the process as when memory runs out. Linux takes page tables out of
 *  RAM; here they are not part of --mem, and fork copies them, so they have a
 *  bound of their own. */
export const PAGE_TABLES_MAX = 16384;

/** Bytes a new pipe holds (Linux's default, 16 pages); F_SETPIPE_SZ changes it. */
export const PIPE_SIZE = 64 * 1024;

/** Pages of a new pipe once its user is over PIPE_USER_PAGES_SOFT (Linux's
 *  PIPE_MIN_DEF_BUFFERS). */
export const PIPE_MIN_DEF_BUFFERS = 2;

/** Page slots all pipes of a user may have before new pipes get only
 *  PIPE_MIN_DEF_BUFFERS pages and F_SETPIPE_SZ may not grow a pipe (EPERM); uid 0
 *  is exempt (Linux's default /proc/sys/fs/pipe-user-pages-soft: 64 MiB). */
export const PIPE_USER_PAGES_SOFT = 16384;

/** Page slots all pipes may have, whoever owns them: beyond, pipe fails with
 *  ENFILE, a FIFO's first open with ENOMEM and F_SETPIPE_SZ with EPERM, as Linux
 *  does at pipe-user-pages-hard (which is off by default there, and spares uid 0).
 *  Only uid 0 can reach it: others get small pipes past the soft limit first. */
export const PIPE_USER_PAGES_HARD = 32768;

/** Writes of at most this many bytes to a pipe are atomic (POSIX PIPE_BUF). */
export const PIPE_BUF = 4096;

/** Largest F_SETPIPE_SZ an unprivileged process may ask for (EPERM beyond), Linux's
 *  /proc/sys/fs/pipe-max-size. */
export const PIPE_MAX_SIZE = 1024 * 1024;

/** Longest file name component (ENAMETOOLONG beyond). */
export const NAME_MAX = 255;

/** The file mode creation mask of every process (no umask call): Linux's default. */
export const UMASK = 0o022;

/** Largest in-memory file (writes beyond fail with EFBIG), and all file contents
 *  together (ENOSPC, as a tmpfs mounted with size=128m): a guest writing without
 *  end cannot exhaust the host. */
export const FILE_MAX_BYTES = 64 * 1024 * 1024;
export const FS_MAX_BYTES = 128 * 1024 * 1024;

/** Files and FIFOs the in-memory file system holds at once (a tmpfs's nr_inodes,
 *  whose default is half the pages of memory: 8192 for 64 MiB): open(O_CREAT),
 *  creat and mknod fail with ENOSPC beyond. The host view's entries do not count. */
export const FS_MAX_INODES = 8192;

/** Queued real-time signal instances of all the user's processes together (Linux's
 *  RLIMIT_SIGPENDING, which counts per user; a run has one user): sigqueue fails
 *  with EAGAIN beyond, kill makes the signal pending without its siginfo. */
export const SIGQUEUE_MAX = 4096;
