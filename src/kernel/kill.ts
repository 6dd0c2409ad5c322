// Sending signals. postSignal is the one way in (kill, sigqueue, faults, SIGCHLD,
// SIGPIPE, alarms, the OOM killer, Ctrl-C on the host); acting on a pending signal
// happens when the target next returns to user mode (sigdeliver.ts).
//
// Sending follows Linux's prepare_signal/__send_signal: a stop signal cancels a
// pending SIGCONT and SIGCONT cancels pending stops and resumes a stopped process
// at once, whatever its disposition; a signal ignored at that moment is dropped,
// unless blocked (its disposition may change before it is unblocked); a standard
// signal already pending is dropped; a real-time one is queued with its info, up
// to SIGQUEUE_MAX instances for the user (Linux's RLIMIT_SIGPENDING): beyond,
// sigqueue fails with EAGAIN while kill, which may not fail for want of memory,
// makes the signal pending without its info (lost if it was pending already).
// A pending, unblocked signal wakes a sleeping target, whose call then ends with
// EINTR or restarts (sigrestart.ts); only SIGKILL wakes a stopped one.
import { E } from './errno.js';
import { continueProc } from './jobctl.js';
import type { Kernel } from './kernel.js';
import { PAGE_TABLES_MAX, SIGQUEUE_MAX } from './param.js';
import type { Proc } from './proc.js';
import { SI_KERNEL, SI_TKILL, SI_USER, SIG_DFL, type SigInfo } from './sigstate.js';
import { defaultAction, isValidSignal, KERNEL_SIGRTMIN, SIG } from './signals.js';
import { wakeProc } from './sleep.js';
import { copyin } from './uaccess.js';

const STOP_SIGNALS = [SIG.SIGSTOP, SIG.SIGTSTP, SIG.SIGTTIN, SIG.SIGTTOU];

/** Bytes of siginfo_t. */
export const SIGINFO_SIZE = 128;

/** Sends sig to p (nothing for a zombie). Never blocks. 0, or -EAGAIN for a
 *  real-time signal not sent by kill (si_code other than SI_USER) when the user
 *  has SIGQUEUE_MAX instances queued already. */
export function postSignal(k: Kernel, p: Proc, sig: number, info: SigInfo): number {
  if (!p.isAlive()) return 0;
  const s = p.sig;
  if (defaultAction(sig) === 'stop') s.discard(SIG.SIGCONT);
  else if (sig === SIG.SIGCONT) {
    for (const stop of STOP_SIGNALS) s.discard(stop);
    if (p.state === 'stopped') continueProc(k, p);
  }
  const blocked = s.blocked.has(sig);
  if (!blocked && s.isIgnored(sig)) return 0;
  let added: boolean;
  if (sig >= KERNEL_SIGRTMIN && s.user.sigpending >= SIGQUEUE_MAX) {
    if (info.code !== SI_USER) return -E.EAGAIN;
    added = s.markPendingWithoutInfo(sig);
  } else {
    added = s.enqueue(sig, info);
  }
  if (!added || blocked) return 0;
  if (p.state === 'sleeping') wakeProc(k, p);
  else if (p.state === 'stopped' && sig === SIG.SIGKILL) k.makeRunnable(p);
  return 0;
}

/** Linux's force_sig for p's own fault (SIGSEGV, SIGFPE): a blocked or ignored
 *  fault signal is unblocked and reset to SIG_DFL, so it kills; a handler that is
 *  not blocked runs. Its death is reported on stderr. */
export function raiseFault(p: Proc, sig: number, code: number, addr: number): void {
  const s = p.sig;
  if (s.blocked.has(sig) || s.isIgnored(sig)) {
    s.writableAction(sig).handler = SIG_DFL;
    s.blocked.delete(sig);
  }
  s.discard(sig);
  s.enqueue(sig, { signo: sig, code, pid: 0, uid: 0, addr: addr >>> 0, fault: true });
}

/** No frame (or no page table: vmlimits.ts) is left for p: it gets SIGKILL, with
 *  a message saying why. */
export function oomKill(k: Kernel, p: Proc): void {
  if (p.sig.isPending(SIG.SIGKILL)) return;
  const exhausted = k.mem.freeFrames() === 0 ? `--mem ${formatSize(k.options.memBytes)}` : `page tables, ${PAGE_TABLES_MAX} in all processes`;
  k.log(`pid ${p.pid} killed: out of memory (${exhausted} exhausted)`);
  postSignal(k, p, SIG.SIGKILL, { signo: SIG.SIGKILL, code: SI_KERNEL, pid: 0, uid: 0, addr: 0, fault: false });
}

/** Linux's kill_ok_by_cred: root, or the sender's real or effective uid is the
 *  target's real uid (saved uids are the real ones here); SIGCONT also within the
 *  sender's session. */
function maySignal(sender: Proc, target: Proc, sig: number): boolean {
  const s = sender.cred;
  if (s.euid === 0 || s.euid === target.cred.uid || s.uid === target.cred.uid) return true;
  return sig === SIG.SIGCONT && sender.sid === target.sid;
}

/** Checks permission and sends; signal 0 only checks. 0, -EPERM or -EAGAIN. */
function sendTo(k: Kernel, sender: Proc, target: Proc, sig: number, info: SigInfo): number {
  if (!maySignal(sender, target, sig)) return -E.EPERM;
  return sig === 0 ? 0 : postSignal(k, target, sig, info);
}

/** kill(pid, sig): pid > 0 one process, 0 the caller's group, -1 every process but
 *  1 and the caller, < -1 the group -pid. Signal 0 only checks. ESRCH when no
 *  process matches; EPERM when no member of the group may be signalled (for -1,
 *  as on Linux, processes the caller may not signal are skipped silently);
 *  EINVAL for a bad signal. */
export function sys_kill(k: Kernel, p: Proc, args: Int32Array): number {
  const pid = args[0];
  const sig = args[1];
  if (sig !== 0 && !isValidSignal(sig)) return -E.EINVAL;
  const info: SigInfo = { signo: sig, code: SI_USER, pid: p.pid, uid: p.cred.uid, addr: 0, fault: false };
  if (pid > 0) {
    const target = k.procs.get(pid);
    return target ? sendTo(k, p, target, sig, info) : -E.ESRCH;
  }
  if (pid === -1) {
    let matched = false;
    let result = 0;
    for (const target of [...k.procs.values()]) {
      if (target.pid === 1 || target === p) continue;
      matched = true;
      const sent = sendTo(k, p, target, sig, info);
      if (sent !== -E.EPERM) result = sent;
    }
    return matched ? result : -E.ESRCH;
  }
  const pgid = pid === 0 ? p.pgid : -pid;
  let delivered = false;
  let result = -E.ESRCH;
  for (const target of [...k.procs.values()]) {
    if (target.pgid !== pgid) continue;
    result = sendTo(k, p, target, sig, info);
    if (result === 0) delivered = true;
  }
  return delivered ? 0 : result;
}

/** rt_sigqueueinfo(pid, sig, info): sends sig to pid with the caller's siginfo
 *  (si_code, si_pid, si_uid, si_value; si_signo becomes sig). A si_code >= 0 may
 *  only be used on oneself (EPERM). ESRCH, EPERM, EINVAL, EFAULT, EAGAIN when the
 *  user has SIGQUEUE_MAX real-time signals queued. */
export function sys_rt_sigqueueinfo(k: Kernel, p: Proc, args: Int32Array): number {
  const pid = args[0];
  const sig = args[1];
  const bytes = new Uint8Array(SIGINFO_SIZE);
  if (copyin(k, p, args[2], bytes) < 0) return -E.EFAULT;
  const view = new DataView(bytes.buffer);
  const code = view.getInt32(8, true);
  if ((code >= 0 || code === SI_TKILL) && pid !== p.pid) return -E.EPERM;
  if (sig !== 0 && !isValidSignal(sig)) return -E.EINVAL;
  const target = pid > 0 ? k.procs.get(pid) : undefined;
  if (!target) return -E.ESRCH;
  const info: SigInfo = {
    signo: sig,
    code,
    pid: view.getInt32(12, true),
    uid: view.getInt32(16, true),
    addr: 0,
    fault: false,
    value: view.getInt32(20, true),
  };
  return sendTo(k, p, target, sig, info);
}

/** "64M", "512K" or a byte count: how --mem was most likely written. */
export function formatSize(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)}M`;
  if (bytes % 1024 === 0) return `${bytes / 1024}K`;
  return `${bytes}`;
}
