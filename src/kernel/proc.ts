// A process: its registers, address space, program image, descriptors, family
// (parent, children, process group, session), credentials, signal state, what it
// sleeps on, and its counters for --stats. The Kernel's table owns every Proc; a
// zombie keeps its entry (and exit status) until its parent reaps it.
import { Cpu, type KernelGate } from '../vm/cpu.js';
import type { Image } from '../vm/image.js';
import type { AddressSpace } from './addrspace.js';
import type { Timer } from './clock.js';
import type { FdTable } from './fdtable.js';
import type { SemUndo } from './semundo.js';
import type { DirInode } from './inode.js';
import { SignalState } from './sigstate.js';
import { WaitChannel, type SleepReason, type WaitRecord } from './sleep.js';
import type { UserAccount } from './user.js';
import { SYSCALLS } from './syscall-table.js';

/** runnable: on the run queue; running: on the CPU; sleeping: on a wait channel;
 *  stopped: by a stop signal until SIGCONT; zombie: exited, not yet reaped. */
export type ProcState = 'runnable' | 'running' | 'sleeping' | 'stopped' | 'zombie';

/** One past the highest syscall number: the size of per-number tables. */
export const SYSCALL_NR_LIMIT = Math.max(...SYSCALLS.map((s) => s.nr)) + 1;

/** Each syscall number's slot in ProcStats.syscalls -- its place in SYSCALLS, which
 *  is in ascending order of number -- or -1 for a number that names no call. The
 *  counters are dense because a fork allocates them for every child. */
export const SYSCALL_SLOT = new Int16Array(SYSCALL_NR_LIMIT).fill(-1);
SYSCALLS.forEach((s, slot) => (SYSCALL_SLOT[s.nr] = slot));

/** A zero per syscall slot, copied for each process: a plain array is copied in tens of
 *  nanoseconds, while a typed array this long lives off the V8 heap and took ~0.7 us to
 *  make -- the costliest single part of a fork. */
const NO_SYSCALLS: readonly number[] = SYSCALLS.map(() => 0);

export class ProcStats {
  /** Completed-or-blocked system calls by SYSCALL_SLOT (a call re-run after a
   *  wakeup counts once). */
  readonly syscalls: number[] = NO_SYSCALLS.slice();
  faultsDemandZero = 0;
  faultsCow = 0;
  /** Shared-memory faults that gave a page of a segment (or MAP_SHARED mapping)
   *  its first frame, and those that mapped the frame it already had. */
  faultsSharedNew = 0;
  faultsSharedExisting = 0;
  /** Slices given up by sleeping or yielding. */
  voluntarySwitches = 0;
  /** Slices ended by the quantum while another process was runnable. */
  involuntarySwitches = 0;
  peakResidentPages = 0;
}

export interface Credentials {
  uid: number;
  euid: number;
  gid: number;
  egid: number;
}

export class Proc {
  readonly pid: number;
  /** 0 for a process the kernel itself started (it is reaped by the kernel). */
  ppid = 0;
  pgid: number;
  sid: number;
  readonly cred: Credentials;
  /** argv[0]'s last component, for reports. */
  name: string;
  /** The argument vector its program was started with (spawn, execve), for ps. */
  argv: readonly string[] = [];
  state: ProcState = 'runnable';
  readonly cpu = new Cpu();
  mm: AddressSpace;
  image: Image;
  fds: FdTable;
  /** Children not yet reaped, oldest first (wait4 scans them in this order). */
  readonly children: Proc[] = [];
  /** Where wait4 sleeps; woken when a child exits, stops or continues. */
  readonly childWait: WaitChannel;
  /** Wait status once a zombie, Linux's encoding (code << 8, or signal | 0x80). */
  exitStatus = 0;
  /** A stop (its signal) or a continue that the parent's wait4 has not yet seen. */
  stopReport = 0;
  continueReport = false;
  readonly sig: SignalState;
  /** While sleeping: the channel and what it waits for (see sleepWhat). */
  sleepChannel: WaitChannel | null = null;
  sleepReason: string | SleepReason = '';
  /** The syscall number that blocked and will re-run; 0 when none. */
  blockedSyscall = 0;
  /** What the blocking call left in a queue's or set's list of waiters (sleep.ts). */
  waitRecord: WaitRecord | null = null;
  /** The deadline of the blocked call (nanosleep), dropped when the call ends. */
  callTimer: Timer | null = null;
  /** Bytes a blocked call has already transferred (a pipe write larger than
   *  PIPE_BUF that sleeps for room); reset when a new call starts. If the call is
   *  interrupted, this (when > 0) is its result instead of EINTR, as on Linux. */
  callProgress = 0;
  /** Working directory; null until the first chdir: the file system's start
   *  directory (vfs.ts). */
  cwd: DirInode | null = null;
  /** Set and cleared only by the scheduler. */
  onRunQueue = false;
  /** How the JS tier hands the kernel this process's system calls (Kernel.addProc). */
  gate: KernelGate | null = null;
  readonly stats = new ProcStats();
  /** SEM_UNDO adjustments, one entry per semaphore set (semundo.ts); applied at
   *  exit, not inherited by fork. */
  readonly semUndos: SemUndo[] = [];

  constructor(pid: number, name: string, cred: Credentials, mm: AddressSpace, image: Image, fds: FdTable, user: UserAccount) {
    this.pid = pid;
    this.sig = new SignalState(user);
    this.pgid = pid;
    this.sid = pid;
    this.name = name;
    this.cred = { ...cred };
    this.mm = mm;
    this.image = image;
    this.fds = fds;
    this.childWait = new WaitChannel(`children of pid ${pid}`);
  }

  /** What p waits for (or last waited for), in words. */
  get sleepWhat(): string {
    const reason = this.sleepReason;
    return typeof reason === 'string' ? reason : reason.describe();
  }

  isAlive(): boolean {
    return this.state !== 'zombie';
  }

  notePeakResident(): void {
    const pages = this.mm.residentPages();
    if (pages > this.stats.peakResidentPages) this.stats.peakResidentPages = pages;
  }
}
