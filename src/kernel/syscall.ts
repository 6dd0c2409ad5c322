// System call dispatch. The guest pushes the arguments right to left and runs
// `SYS nr` (see syscall-table.ts); the interpreter traps with pc on the SYS. Here
// the arguments are read from i32[sp + 4*i] (as many as the table gives the call),
// the handler runs, and its result goes to register a with pc moved past the SYS
// -- unless the handler blocked (pc stays, the call re-runs when the process is
// woken) or produced no result (exit). A stack that cannot be read gives -EFAULT.
// Every name in SYSCALLS is bound here to its sys_<name> handler: the Record type
// makes the compiler reject a missing one. Calls of later issues answer ENOSYS
// and say so on stderr (once per call per kernel), never a silent success.
import { SYS_LENGTH } from '../vm/cpu.js';
import { sys_brk } from './brk.js';
import { E } from './errno.js';
import { sys_exit, sys_exit_group } from './exit.js';
import { sys_fork } from './fork.js';
import type { Kernel } from './kernel.js';
import { sys_kill } from './kill.js';
import type { Proc } from './proc.js';
import { SYSCALL_NR_LIMIT } from './proc.js';
import { sys_close, sys_dup, sys_dup2, sys_ioctl, sys_read, sys_write } from './sys-file.js';
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
import { sys_clock_gettime, sys_gettimeofday, sys_nanosleep, sys_time } from './sys-time.js';
import { SYSCALLS, type SyscallName } from './syscall-table.js';
import { BLOCKED, NO_RESULT, type SyscallHandler } from './sysresult.js';
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
  open: notYet('open'),
  close: sys_close,
  creat: notYet('creat'),
  unlink: notYet('unlink'),
  execve: notYet('execve'),
  chdir: notYet('chdir'),
  time: sys_time,
  mknod: notYet('mknod'),
  lseek: notYet('lseek'),
  getpid: sys_getpid,
  getuid: sys_getuid,
  alarm: notYet('alarm'),
  pause: notYet('pause'),
  kill: sys_kill,
  dup: sys_dup,
  pipe: notYet('pipe'),
  brk: sys_brk,
  getgid: sys_getgid,
  geteuid: sys_geteuid,
  getegid: sys_getegid,
  ioctl: sys_ioctl,
  fcntl: notYet('fcntl'),
  setpgid: sys_setpgid,
  dup2: sys_dup2,
  getppid: sys_getppid,
  getpgrp: sys_getpgrp,
  gettimeofday: sys_gettimeofday,
  munmap: notYet('munmap'),
  stat: notYet('stat'),
  fstat: notYet('fstat'),
  wait4: sys_wait4,
  getpgid: sys_getpgid,
  sched_yield: sys_sched_yield,
  nanosleep: sys_nanosleep,
  rt_sigreturn: notYet('rt_sigreturn'),
  rt_sigaction: notYet('rt_sigaction'),
  rt_sigprocmask: notYet('rt_sigprocmask'),
  rt_sigpending: notYet('rt_sigpending'),
  rt_sigqueueinfo: notYet('rt_sigqueueinfo'),
  rt_sigsuspend: notYet('rt_sigsuspend'),
  getcwd: notYet('getcwd'),
  mmap: notYet('mmap'),
  exit_group: sys_exit_group,
  clock_gettime: sys_clock_gettime,
  pipe2: notYet('pipe2'),
  semget: notYet('semget'),
  semctl: notYet('semctl'),
  shmget: notYet('shmget'),
  shmctl: notYet('shmctl'),
  shmat: notYet('shmat'),
  shmdt: notYet('shmdt'),
  msgget: notYet('msgget'),
  msgsnd: notYet('msgsnd'),
  msgrcv: notYet('msgrcv'),
  msgctl: notYet('msgctl'),
  semop: notYet('semop'),
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
  let result: number;
  if (!handler) {
    k.warnOnce(`nr ${nr}`, `pid ${p.pid}: unknown system call ${nr}`);
    result = -E.ENOSYS;
  } else {
    if (p.blockedSyscall !== nr) p.stats.syscalls[nr]++;
    result = readArgs(k, p, ARG_COUNT[nr], args) ? handler(k, p, args) : -E.EFAULT;
  }
  k.observer?.syscall?.(p, nr, args, result);
  if (result === BLOCKED) {
    p.blockedSyscall = nr;
    return;
  }
  p.blockedSyscall = 0;
  if (p.callTimer) {
    k.clock.cancel(p.callTimer);
    p.callTimer = null;
  }
  if (result === NO_RESULT) return;
  cpu.a = result | 0;
  cpu.pc += SYS_LENGTH;
}
