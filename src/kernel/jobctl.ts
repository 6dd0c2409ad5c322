// Job control and the parent's view of its children's changes of state: stopping
// a process (default action of SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU), continuing it
// (SIGCONT, whatever its disposition), and the rules of the parent's SIGCHLD
// disposition (Linux's do_notify_parent and do_notify_parent_cldstop):
//   SIG_IGN        no SIGCHLD at all, and exited children are reaped at once
//                  (wait then fails with ECHILD once none is left);
//   SA_NOCLDWAIT   exited children are reaped at once (SIGCHLD is still sent);
//   SA_NOCLDSTOP   no SIGCHLD for a stop or a continue.
// The parent's wait4 is woken in every case (exit.ts notifyParent).
import { notifyParent } from './exit.js';
import type { Kernel } from './kernel.js';
import type { Proc } from './proc.js';
import { CLD_CONTINUED, CLD_STOPPED, SA_NOCLDSTOP, SA_NOCLDWAIT, SIG_IGN } from './sigstate.js';
import { SIG } from './signals.js';

/** p (running, returning to user mode) stops on sig until SIGCONT or SIGKILL;
 *  its parent's wait4 (WUNTRACED) sees it once. */
export function stopProc(k: Kernel, p: Proc, sig: number): void {
  k.sched.remove(p);
  p.state = 'stopped';
  p.stopReport = sig;
  p.continueReport = false;
  notifyParent(k, p, CLD_STOPPED, sig);
}

/** Stopped p runs again; its parent's wait4 (WCONTINUED) sees it once. */
export function continueProc(k: Kernel, p: Proc): void {
  p.stopReport = 0;
  p.continueReport = true;
  k.makeRunnable(p);
  notifyParent(k, p, CLD_CONTINUED, SIG.SIGCONT);
}

/** Whether a child's change of state (a CLD_* code) sends SIGCHLD to parent. */
export function sendsSigchld(parent: Proc, code: number): boolean {
  const action = parent.sig.actions[SIG.SIGCHLD];
  if (action.handler === SIG_IGN) return false;
  return (code !== CLD_STOPPED && code !== CLD_CONTINUED) || (action.flags & SA_NOCLDSTOP) === 0;
}

/** Whether parent's exited children are reaped as soon as they exit. */
export function reapsAtOnce(parent: Proc | undefined): boolean {
  if (!parent) return false;
  const action = parent.sig.actions[SIG.SIGCHLD];
  return action.handler === SIG_IGN || (action.flags & SA_NOCLDWAIT) !== 0;
}
