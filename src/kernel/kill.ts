// Sending signals and acting on them. postSignal is the one way in (kill, faults,
// SIGCHLD, the OOM killer); deliverSignals runs when a process returns to user mode
// (the start of its slice, the end of each system call or fault) and acts on what
// is pending, lowest number first, as Linux does.
//
// Today every disposition is the default: term/core kill the process (with the
// core bit in its wait status for core signals), stop/cont stop and continue it,
// ignore discards the signal when it is sent. The signals issue adds handlers and
// masks: a caught signal pushes a frame here, and a process asleep in a call is
// already woken by postSignal so that the call can end with EINTR or restart.
import { E } from './errno.js';
import { notifyParent, procExit } from './exit.js';
import type { Kernel } from './kernel.js';
import { panic } from './panic.js';
import type { Proc } from './proc.js';
import { CLD_CONTINUED, CLD_STOPPED, SI_KERNEL, SI_USER, type SigInfo } from './sigstate.js';
import { defaultAction, isValidSignal, SIG, signalName } from './signals.js';
import { wakeProc } from './sleep.js';

/** Sends sig to p (nothing for a zombie). Never blocks. */
export function postSignal(k: Kernel, p: Proc, sig: number, info: SigInfo): void {
  if (!p.isAlive()) return;
  const action = defaultAction(sig);
  if (action === 'cont') {
    for (const stop of [SIG.SIGSTOP, SIG.SIGTSTP, SIG.SIGTTIN, SIG.SIGTTOU]) dropPending(p, stop);
    if (p.state === 'stopped') continueProc(k, p);
    return;
  }
  if (action === 'ignore') return;
  if (p.sig.pending.has(sig)) return;
  p.sig.pending.add(sig);
  p.sig.info[sig] = info;
  if (p.state === 'sleeping') wakeProc(k, p);
  else if (p.state === 'stopped' && sig === SIG.SIGKILL) k.makeRunnable(p);
}

/** A signal the kernel raises for p's own fault (SIGSEGV, SIGFPE): always pending
 *  with this fault's info, and its death is reported on stderr. */
export function raiseFault(p: Proc, sig: number, code: number, addr: number): void {
  p.sig.pending.add(sig);
  p.sig.info[sig] = { signo: sig, code, pid: 0, uid: 0, addr: addr >>> 0, fault: true };
}

/** No frame is left for p: it gets SIGKILL, with a message saying why. */
export function oomKill(k: Kernel, p: Proc): void {
  if (p.sig.pending.has(SIG.SIGKILL)) return;
  k.log(`pid ${p.pid} killed: out of memory (--mem ${formatSize(k.options.memBytes)} exhausted)`);
  postSignal(k, p, SIG.SIGKILL, { signo: SIG.SIGKILL, code: SI_KERNEL, pid: 0, uid: 0, addr: 0, fault: false });
}

/** Acts on p's pending signals; p is the running process, returning to user mode.
 *  Afterwards p may be stopped or a zombie. */
export function deliverSignals(k: Kernel, p: Proc): void {
  while (p.state === 'running' && !p.sig.pending.isEmpty()) {
    const sig = p.sig.pending.lowest();
    const info = p.sig.info[sig] ?? panic('deliverSignals', `pid ${p.pid}: ${signalName(sig)} pending without info`);
    dropPending(p, sig);
    const action = defaultAction(sig);
    switch (action) {
      case 'ignore':
      case 'cont':
        break;
      case 'stop':
        stopProc(k, p, sig);
        break;
      case 'term':
      case 'core':
        killBySignal(k, p, sig, info);
        break;
      default: {
        const never: never = action;
        panic('deliverSignals', `unknown action ${String(never)}`);
      }
    }
  }
}

/** p dies of sig: wait status sig, with 0x80 (core dumped) for core signals. */
function killBySignal(k: Kernel, p: Proc, sig: number, info: SigInfo): void {
  if (info.fault) {
    const where = sig === SIG.SIGSEGV ? ` (address 0x${info.addr.toString(16).padStart(8, '0')})` : '';
    k.log(`pid ${p.pid} killed by ${signalName(sig)}${where}`);
  }
  procExit(k, p, defaultAction(sig) === 'core' ? sig | 0x80 : sig);
}

function stopProc(k: Kernel, p: Proc, sig: number): void {
  k.sched.remove(p);
  p.state = 'stopped';
  p.stopReport = sig;
  p.continueReport = false;
  notifyParent(k, p, CLD_STOPPED, sig);
}

function continueProc(k: Kernel, p: Proc): void {
  p.stopReport = 0;
  p.continueReport = true;
  k.makeRunnable(p);
  notifyParent(k, p, CLD_CONTINUED, SIG.SIGCONT);
}

function dropPending(p: Proc, sig: number): void {
  p.sig.pending.delete(sig);
  p.sig.info[sig] = null;
}

/** Linux's kill_ok_by_cred: root, or the sender's real or effective uid is the
 *  target's real uid (saved uids are the real ones here). */
function maySignal(sender: Proc, target: Proc): boolean {
  const s = sender.cred;
  return s.euid === 0 || s.euid === target.cred.uid || s.uid === target.cred.uid;
}

function sendUserSignal(k: Kernel, sender: Proc, target: Proc, sig: number): number {
  if (!maySignal(sender, target)) return -E.EPERM;
  if (sig !== 0) postSignal(k, target, sig, { signo: sig, code: SI_USER, pid: sender.pid, uid: sender.cred.uid, addr: 0, fault: false });
  return 0;
}

/** kill(pid, sig): pid > 0 one process, 0 the caller's group, -1 every process but
 *  1 and the caller, < -1 the group -pid. Signal 0 only checks. ESRCH when no
 *  process matches, EPERM when none may be signalled, EINVAL for a bad signal. */
export function sys_kill(k: Kernel, p: Proc, args: Int32Array): number {
  const pid = args[0];
  const sig = args[1];
  if (sig !== 0 && !isValidSignal(sig)) return -E.EINVAL;
  if (pid > 0) {
    const target = k.procs.get(pid);
    return target ? sendUserSignal(k, p, target, sig) : -E.ESRCH;
  }
  if (pid === -1) {
    let found = false;
    for (const target of [...k.procs.values()]) {
      if (target.pid === 1 || target === p) continue;
      found = true;
      sendUserSignal(k, p, target, sig);
    }
    return found ? 0 : -E.ESRCH;
  }
  const pgid = pid === 0 ? p.pgid : -pid;
  let result = -E.ESRCH;
  let delivered = false;
  for (const target of [...k.procs.values()]) {
    if (target.pgid !== pgid) continue;
    result = sendUserSignal(k, p, target, sig);
    if (result === 0) delivered = true;
  }
  return delivered ? 0 : result;
}

/** "64M", "512K" or a byte count: how --mem was most likely written. */
export function formatSize(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)}M`;
  if (bytes % 1024 === 0) return `${bytes / 1024}K`;
  return `${bytes}`;
}
