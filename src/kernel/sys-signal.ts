// The signal system calls on a process's own signal state: dispositions
// (rt_sigaction), the blocked mask (rt_sigprocmask), pending signals
// (rt_sigpending), and waiting for a signal (pause, rt_sigsuspend). Sending is in
// kill.ts, returning from a handler in sigframe.ts.
//
// ABI (lang/include/signal.h): sigset_t is 8 bytes, two words; struct sigaction is
// 16 bytes (handler, mask, flags) and passed to rt_sigaction as is.
import { E } from './errno.js';
import type { Kernel } from './kernel.js';
import type { Proc } from './proc.js';
import { SigSet } from './sigstate.js';
import { isValidSignal, SIG } from './signals.js';
import { sleepOn } from './sleep.js';
import { BAD_ADDRESS, copyin, readI32, writeI32s } from './uaccess.js';

const SIG_BLOCK = 0;
const SIG_UNBLOCK = 1;
const SIG_SETMASK = 2;

const SIGSET_SIZE = 8;
const SIGACTION_SIZE = 16;

/** Reads the sigset_t at addr into out; false (out unchanged) when it cannot be
 *  read. */
function readSigSet(k: Kernel, p: Proc, addr: number, out: SigSet): boolean {
  if ((addr >>> 0) + SIGSET_SIZE > 2 ** 32) return false;
  const lo = readI32(k, p, addr);
  if (lo === BAD_ADDRESS) return false;
  const hi = readI32(k, p, addr + 4);
  if (hi === BAD_ADDRESS) return false;
  out.set(lo, hi);
  return true;
}

/** rt_sigaction(sig, act, oact): installs *act (unless NULL) and stores the
 *  previous disposition in *oact (unless NULL). EINVAL for a bad signal or for a
 *  new disposition of SIGKILL/SIGSTOP, EFAULT. A signal that becomes ignored loses
 *  its pending instances, blocked or not (POSIX). */
export function sys_rt_sigaction(k: Kernel, p: Proc, args: Int32Array): number {
  const sig = args[0];
  const act = args[1];
  const oact = args[2];
  if (!isValidSignal(sig)) return -E.EINVAL;
  let fresh: DataView | null = null;
  if (act !== 0) {
    if (sig === SIG.SIGKILL || sig === SIG.SIGSTOP) return -E.EINVAL;
    const bytes = new Uint8Array(SIGACTION_SIZE);
    if (copyin(k, p, act, bytes) < 0) return -E.EFAULT;
    fresh = new DataView(bytes.buffer);
  }
  const s = p.sig;
  const current = s.actions[sig];
  const old = [current.handler, current.mask.lo, current.mask.hi, current.flags];
  if (fresh) {
    const action = s.writableAction(sig);
    action.handler = fresh.getInt32(0, true);
    action.mask.set(fresh.getInt32(4, true), fresh.getInt32(8, true));
    action.mask.dropUnblockable();
    action.flags = fresh.getInt32(12, true);
    if (s.isIgnored(sig)) s.discard(sig);
  }
  if (oact !== 0 && writeI32s(k, p, oact, old) < 0) return -E.EFAULT;
  return 0;
}

/** rt_sigprocmask(how, set, oset): SIG_BLOCK, SIG_UNBLOCK or SIG_SETMASK with
 *  *set (unless NULL); the previous mask goes to *oset (unless NULL). SIGKILL and
 *  SIGSTOP are never blocked. EINVAL for a bad how, EFAULT. Signals it unblocks
 *  are delivered as the call returns. */
export function sys_rt_sigprocmask(k: Kernel, p: Proc, args: Int32Array): number {
  const how = args[0];
  const setAddr = args[1];
  const oset = args[2];
  const blocked = p.sig.blocked;
  const old = [blocked.lo, blocked.hi];
  if (setAddr !== 0) {
    const set = new SigSet();
    if (!readSigSet(k, p, setAddr, set)) return -E.EFAULT;
    switch (how) {
      case SIG_BLOCK:
        blocked.set(blocked.lo | set.lo, blocked.hi | set.hi);
        break;
      case SIG_UNBLOCK:
        blocked.set(blocked.lo & ~set.lo, blocked.hi & ~set.hi);
        break;
      case SIG_SETMASK:
        blocked.copyFrom(set);
        break;
      default:
        return -E.EINVAL;
    }
    blocked.dropUnblockable();
  }
  if (oset !== 0 && writeI32s(k, p, oset, old) < 0) return -E.EFAULT;
  return 0;
}

/** rt_sigpending(set): the signals pending while blocked. EFAULT. */
export function sys_rt_sigpending(k: Kernel, p: Proc, args: Int32Array): number {
  const s = p.sig;
  return writeI32s(k, p, args[0], [s.pending.lo & s.blocked.lo, s.pending.hi & s.blocked.hi]) < 0 ? -E.EFAULT : 0;
}

/** pause(): sleeps until a signal runs a handler (then -EINTR) or kills. */
export function sys_pause(_k: Kernel, p: Proc): number {
  return sleepOn(p, p.sig.suspendWait, 'pause');
}

/** rt_sigsuspend(mask): replaces the mask with *mask and sleeps until a signal
 *  runs a handler (then -EINTR, the old mask back once the handler returns) or
 *  kills. EFAULT. A re-run after a wakeup keeps the mask saved by the first run. */
export function sys_rt_sigsuspend(k: Kernel, p: Proc, args: Int32Array): number {
  const s = p.sig;
  if (!s.maskSaved) s.savedMask.copyFrom(s.blocked);
  if (!readSigSet(k, p, args[0], s.blocked)) return -E.EFAULT;
  s.maskSaved = true;
  s.blocked.dropUnblockable();
  return sleepOn(p, s.suspendWait, 'sigsuspend');
}
