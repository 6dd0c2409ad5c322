// Small process system calls: identities, process groups, yielding the CPU.
// fork, exit and wait4 live with their concepts (fork.ts, exit.ts, wait.ts).
import { E } from './errno.js';
import type { Kernel } from './kernel.js';
import type { Proc } from './proc.js';

export function sys_getpid(_k: Kernel, p: Proc): number {
  return p.pid;
}

export function sys_getppid(_k: Kernel, p: Proc): number {
  return p.ppid;
}

export function sys_getuid(_k: Kernel, p: Proc): number {
  return p.cred.uid;
}

export function sys_geteuid(_k: Kernel, p: Proc): number {
  return p.cred.euid;
}

export function sys_getgid(_k: Kernel, p: Proc): number {
  return p.cred.gid;
}

export function sys_getegid(_k: Kernel, p: Proc): number {
  return p.cred.egid;
}

export function sys_getpgrp(_k: Kernel, p: Proc): number {
  return p.pgid;
}

/** getpgid(pid): pid 0 is the caller; ESRCH when there is no such process. */
export function sys_getpgid(k: Kernel, p: Proc, args: Int32Array): number {
  const target = args[0] === 0 ? p : k.procs.get(args[0]);
  return target ? target.pgid : -E.ESRCH;
}

/** setpgid(pid, pgid) with Linux's rules: the target is the caller or one of its
 *  children (ESRCH), in the caller's session and not a session leader (EPERM); it
 *  joins an existing group of that session or starts its own (pgid == its pid). */
export function sys_setpgid(k: Kernel, p: Proc, args: Int32Array): number {
  const pgid = args[1];
  if (pgid < 0) return -E.EINVAL;
  const target = args[0] === 0 ? p : k.procs.get(args[0]);
  if (!target || (target !== p && target.ppid !== p.pid)) return -E.ESRCH;
  if (target.sid !== p.sid || target.sid === target.pid) return -E.EPERM;
  const group = pgid === 0 ? target.pid : pgid;
  if (group !== target.pid) {
    const exists = [...k.procs.values()].some((q) => q.pgid === group && q.sid === p.sid);
    if (!exists) return -E.EPERM;
  }
  target.pgid = group;
  return 0;
}

/** sched_yield: the caller goes to the back of the run queue. */
export function sys_sched_yield(k: Kernel, p: Proc): number {
  if (k.sched.runnable() > 0) {
    p.stats.voluntarySwitches++;
    p.state = 'runnable';
    k.sched.enqueue(p);
  }
  return 0;
}
