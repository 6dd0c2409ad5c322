// System call dispatch. The guest pushes the arguments right to left and runs
// `SYS nr` (see syscall-table.ts); the interpreter traps with pc on the SYS. Here
// the arguments are read from i32[sp + 4*i] (as many as the table gives the call),
// the handler runs, and its result goes to register a with pc moved past the SYS
// -- unless the handler blocked (pc stays, the call re-runs when the process is
// woken) or produced no result (exit). A stack that cannot be read gives -EFAULT.
// Every name in SYSCALLS is bound here to its sys_<name> handler: the Record type
// makes the compiler reject a missing one. Calls of later issues answer ENOSYS
// and say so on stderr (once per call per kernel), never a silent success.
import { Op } from '../isa/op.js';
import { SYS_LENGTH, Trap } from '../vm/cpu.js';
import { sys_alarm } from './alarm.js';
import { sys_brk } from './brk.js';
import { sys_ipcvm_compile } from './cc.js';
import { E } from './errno.js';
import { sys_execve } from './exec.js';
import { sys_exit, sys_exit_group } from './exit.js';
import { sys_fcntl } from './fcntl.js';
import { sys_fork } from './fork.js';
import { sys_getdents64 } from './getdents.js';
import type { Kernel } from './kernel.js';
import { sys_kill, sys_rt_sigqueueinfo } from './kill.js';
import { sys_mmap, sys_munmap } from './mmap.js';
import { sys_msgctl, sys_msgget, sys_msgrcv, sys_msgsnd } from './msg.js';
import { panic } from './panic.js';
import type { Proc } from './proc.js';
import { sys_ipcvm_procstat } from './procstat.js';
import { SYSCALL_NR_LIMIT, SYSCALL_SLOT } from './proc.js';
import { sys_semget, sys_semop } from './sem.js';
import { sys_semctl } from './semctl.js';
import { sys_shmat, sys_shmctl, sys_shmdt, sys_shmget } from './shm.js';
import { sys_rt_sigreturn } from './sigframe.js';
import { interruptCall, isRestartCode } from './sigrestart.js';
import { cancelSleep, withdrawWaitRecord } from './sleep.js';
import { sys_close, sys_dup, sys_dup2, sys_ioctl, sys_read, sys_write } from './sys-file.js';
import { sys_chdir, sys_creat, sys_getcwd, sys_lseek, sys_mknod, sys_open, sys_unlink } from './sys-fs.js';
import { sys_pipe, sys_pipe2 } from './sys-pipe.js';
import { sys_pause, sys_rt_sigaction, sys_rt_sigpending, sys_rt_sigprocmask, sys_rt_sigsuspend } from './sys-signal.js';
import {
  sys_getegid,
  sys_geteuid,
  sys_getgid,
  sys_getpgid,
  sys_getpgrp,
  sys_getpid,
  sys_getppid,
  sys_getuid,
  sys_sched_yield,
  sys_setpgid,
} from './sys-proc.js';
import { sys_fstat, sys_stat } from './sys-stat.js';
import { sys_clock_gettime, sys_gettimeofday, sys_nanosleep, sys_time } from './sys-time.js';
import { SYSCALLS, type SyscallName } from './syscall-table.js';
import { BLOCKED, NO_RESULT, type SyscallHandler } from './sysresult.js';
import { TRACING } from './tracing-build.js';
import { readArgs } from './uaccess.js';
import { sys_wait4 } from './wait.js';

/** A handler for a call a later issue implements: -ENOSYS, with a message. */
function notYet(name: SyscallName): SyscallHandler {
  return (k) => {
    k.warnOnce(name, `${name}: not implemented yet`);
    return -E.ENOSYS;
  };
}

const HANDLERS: Record<SyscallName, SyscallHandler> = {
  exit: sys_exit,
  fork: sys_fork,
  read: sys_read,
  write: sys_write,
  open: sys_open,
  close: sys_close,
  creat: sys_creat,
  unlink: sys_unlink,
  execve: sys_execve,
  chdir: sys_chdir,
  time: sys_time,
  mknod: sys_mknod,
  lseek: sys_lseek,
  getpid: sys_getpid,
  getuid: sys_getuid,
  alarm: sys_alarm,
  pause: sys_pause,
  kill: sys_kill,
  dup: sys_dup,
  pipe: sys_pipe,
  brk: sys_brk,
  getgid: sys_getgid,
  geteuid: sys_geteuid,
  getegid: sys_getegid,
  ioctl: sys_ioctl,
  fcntl: sys_fcntl,
  setpgid: sys_setpgid,
  dup2: sys_dup2,
  getppid: sys_getppid,
  getpgrp: sys_getpgrp,
  gettimeofday: sys_gettimeofday,
  munmap: sys_munmap,
  stat: sys_stat,
  fstat: sys_fstat,
  wait4: sys_wait4,
  getpgid: sys_getpgid,
  sched_yield: sys_sched_yield,
  nanosleep: sys_nanosleep,
  rt_sigreturn: sys_rt_sigreturn,
  rt_sigaction: sys_rt_sigaction,
  rt_sigprocmask: sys_rt_sigprocmask,
  rt_sigpending: sys_rt_sigpending,
  rt_sigqueueinfo: sys_rt_sigqueueinfo,
  rt_sigsuspend: sys_rt_sigsuspend,
  getcwd: sys_getcwd,
  mmap: sys_mmap,
  getdents64: sys_getdents64,
  exit_group: sys_exit_group,
  clock_gettime: sys_clock_gettime,
  pipe2: sys_pipe2,
  semget: sys_semget,
  semctl: sys_semctl,
  shmget: sys_shmget,
  shmctl: sys_shmctl,
  shmat: sys_shmat,
  shmdt: sys_shmdt,
  msgget: sys_msgget,
  msgsnd: sys_msgsnd,
  msgrcv: sys_msgrcv,
  msgctl: sys_msgctl,
  semop: sys_semop,
  ipcvm_procstat: sys_ipcvm_procstat,
  ipcvm_compile: sys_ipcvm_compile,
};

/** Handlers and argument counts indexed by number (holes are undefined / 0). */
const BY_NR: (SyscallHandler | undefined)[] = new Array<SyscallHandler | undefined>(SYSCALL_NR_LIMIT).fill(undefined);
const ARG_COUNT = new Uint8Array(SYSCALL_NR_LIMIT);
for (const s of SYSCALLS) {
  BY_NR[s.nr] = HANDLERS[s.name];
  ARG_COUNT[s.nr] = s.args.length;
}

/** Runs the system call p (the running process) trapped on. */
export function syscall(k: Kernel, p: Proc): void {
  const cpu = p.cpu;
  const nr = cpu.trapArg;
  const handler = nr >= 0 && nr < SYSCALL_NR_LIMIT ? BY_NR[nr] : undefined;
  const args = k.syscallArgs;
  // Read once for both hooks: with tracing off, one load per call (two optional
  // chains cost null_syscall ~1.5% over a build without hooks, this under 1%).
  const observer = TRACING ? k.observer : undefined;
  let result: number;
  p.sig.restartCode = 0;
  if (!handler) {
    k.warnOnce(`nr ${nr}`, `pid ${p.pid}: unknown system call ${nr}`);
    result = -E.ENOSYS;
  } else {
    const fresh = p.blockedSyscall !== nr;
    if (fresh) {
      // A new call, not the re-run of a blocked one: what an abandoned call left
      // (an interrupted FIFO open's description, a pipe write's progress, a
      // msgrcv's record on its queue) goes.
      p.stats.syscalls[SYSCALL_SLOT[nr]]++;
      p.callProgress = 0;
      p.fds.dropPendingOpen(k);
      withdrawWaitRecord(p);
    }
    const readable = readArgs(k, p, ARG_COUNT[nr], args);
    if (TRACING && fresh && observer !== undefined) observer.syscallEnter?.(p, nr, args);
    result = readable ? handler(k, p, args) : -E.EFAULT;
  }
  // Blocked but still running: a signal kept it from sleeping (sigrestart.ts).
  if (result === BLOCKED && p.state === 'running') result = interruptCall(k, p, nr);
  if (TRACING && observer !== undefined) observer.syscall?.(p, nr, args, result);
  if (result === BLOCKED) {
    p.blockedSyscall = nr;
    return;
  }
  p.blockedSyscall = 0;
  if (isRestartCode(result)) return;
  if (p.callTimer) {
    k.clock.cancel(p.callTimer);
    p.callTimer = null;
  }
  if (result === NO_RESULT) return;
  cpu.a = result | 0;
  cpu.pc += SYS_LENGTH;
}

/** A process woken from a sleep re-runs the call it blocked in: this does what the
 *  interpreter would do with the SYS instruction its pc is still on (trap with the
 *  call's number, counting one step) without entering the interpreter for a single
 *  instruction. Returns the trap for the kernel to handle. */
export function reissueBlockedCall(p: Proc): Trap {
  const cpu = p.cpu;
  const code = p.image.code;
  if (code[cpu.pc] !== Op.SYS) panic('reissueBlockedCall', `pid ${p.pid}: no SYS at pc ${cpu.pc}`);
  cpu.trapArg = code[cpu.pc + 1];
  cpu.steps++;
  return Trap.SYSCALL;
}

/** Ends the call p sleeps in with `result`, on p's behalf, instead of letting it
 *  re-run: for a waker that did the call's work itself (a semaphore operation
 *  granted, a message handed over, as Linux's wake_q does) or ends it with an error
 *  (EIDRM). p leaves its channel and becomes runnable past its SYS instruction, so a
 *  signal arriving before it runs finds a finished call, not one to interrupt. */
export function completeBlockedCall(k: Kernel, p: Proc, result: number): void {
  const nr = p.blockedSyscall;
  if (p.state !== 'sleeping' || nr === 0) panic('completeBlockedCall', `pid ${p.pid} is ${p.state}, not asleep in a call`);
  cancelSleep(p);
  p.blockedSyscall = 0;
  if (p.callTimer) {
    k.clock.cancel(p.callTimer);
    p.callTimer = null;
  }
  if (TRACING && k.observer?.syscall) {
    const args = new Int32Array(k.syscallArgs.length);
    readArgs(k, p, ARG_COUNT[nr], args);
    k.observer.syscall(p, nr, args, result);
  }
  p.cpu.a = result | 0;
  p.cpu.pc += SYS_LENGTH;
  k.makeRunnable(p);
}
