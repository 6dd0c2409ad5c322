// Process exit and the family bookkeeping around it: close descriptors, free the
// address space (detaching shared memory), apply SEM_UNDO adjustments, forget
// pending signals (giving their queue's place in the user's account back), become a
// zombie holding the wait status, hand the children to pid 1 (or to the kernel
// once pid 1 is gone), and tell the parent (wakeup of its wait4 channel, SIGCHLD).
// A process the kernel started itself (ppid 0) is reaped by the kernel at once.
import { cancelAlarm } from './alarm.js';
import { reapsAtOnce, sendsSigchld } from './jobctl.js';
import type { Kernel } from './kernel.js';
import { postSignal } from './kill.js';
import { panic } from './panic.js';
import type { Proc } from './proc.js';
import { semExit } from './semundo.js';
import { CLD_DUMPED, CLD_EXITED, CLD_KILLED } from './sigstate.js';
import { SIG } from './signals.js';
import { cancelSleep, wakeup, withdrawWaitRecord } from './sleep.js';
import { NO_RESULT } from './sysresult.js';

/** Ends p with a wait status in Linux's encoding. p may be running, runnable,
 *  sleeping or stopped; it is a zombie (or reaped) afterwards. */
export function procExit(k: Kernel, p: Proc, status: number): void {
  if (!p.isAlive()) panic('procExit', `pid ${p.pid} is already a zombie`);
  k.sched.remove(p);
  cancelSleep(p);
  withdrawWaitRecord(p);
  if (p.callTimer) {
    k.clock.cancel(p.callTimer);
    p.callTimer = null;
  }
  cancelAlarm(k, p);
  p.fds.closeAll(k);
  p.mm.release(k, p);
  semExit(k, p);
  p.sig.discardAll();
  p.state = 'zombie';
  p.exitStatus = status;
  k.noteExit(p);
  reparentChildren(k, p);
  if (p.ppid === 0) {
    k.reap(p);
    return;
  }
  const signalled = status & 0x7f;
  if (signalled === 0) notifyParent(k, p, CLD_EXITED, (status >> 8) & 0xff);
  else notifyParent(k, p, status & 0x80 ? CLD_DUMPED : CLD_KILLED, signalled);
  if (reapsAtOnce(k.procs.get(p.ppid))) k.reap(p);
}

/** A child changed state (exited, stopped, continued): wake the parent's wait4 and
 *  send it SIGCHLD (ignored by default) unless its disposition says not to
 *  (jobctl.ts). `value` is si_status. */
export function notifyParent(k: Kernel, child: Proc, code: number, value: number): void {
  const parent = k.procs.get(child.ppid);
  if (!parent) return;
  wakeup(k, parent.childWait);
  if (sendsSigchld(parent, code)) postSignal(k, parent, SIG.SIGCHLD, { signo: SIG.SIGCHLD, code, pid: child.pid, uid: child.cred.uid, addr: value, fault: false });
}

/** Orphans go to pid 1 while it lives; after that to the kernel, which reaps them. */
function reparentChildren(k: Kernel, p: Proc): void {
  const init = k.procs.get(1);
  const heir = init && init !== p && init.isAlive() ? init : null;
  for (const child of p.children) {
    if (heir) {
      child.ppid = heir.pid;
      heir.children.push(child);
      if (!child.isAlive()) {
        wakeup(k, heir.childWait);
        if (reapsAtOnce(heir)) k.reap(child);
      }
    } else {
      child.ppid = 0;
      if (!child.isAlive()) k.reap(child);
    }
  }
  if (p.children.length > 0) p.children.length = 0;
}

/** exit(status): the low 8 bits become the exit code. Does not return. */
export function sys_exit(k: Kernel, p: Proc, args: Int32Array): number {
  procExit(k, p, (args[0] & 0xff) << 8);
  return NO_RESULT;
}

/** exit_group: with one thread per process, the same as exit. */
export function sys_exit_group(k: Kernel, p: Proc, args: Int32Array): number {
  return sys_exit(k, p, args);
}
