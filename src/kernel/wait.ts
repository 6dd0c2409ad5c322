// wait4: collect a child's change of state. Exited children are zombies until a
// wait reaps them; stops (WUNTRACED) and continues (WCONTINUED) are reported once.
// Children are scanned oldest first, as Linux walks its children list.
import { E } from './errno.js';
import type { Kernel } from './kernel.js';
import type { Proc } from './proc.js';
import { sleepOn, type SleepReason } from './sleep.js';
import { copyout, writeI32 } from './uaccess.js';

export const WNOHANG = 1;
export const WUNTRACED = 2;
export const WCONTINUED = 8;
const WNOTHREAD = 0x20000000;
const WALL = 0x40000000;
const WCLONE = 0x80000000 | 0;
const KNOWN_OPTIONS = WNOHANG | WUNTRACED | WCONTINUED | WNOTHREAD | WALL | WCLONE;

/** Size of struct rusage on ILP32 (two timevals and 14 longs). */
const RUSAGE_SIZE = 72;

function matches(child: Proc, pid: number, caller: Proc): boolean {
  if (pid > 0) return child.pid === pid;
  if (pid === -1) return true;
  if (pid === 0) return child.pgid === caller.pgid;
  return child.pgid === -pid;
}

/** The status wait4 would report for child now, or -1 when it has nothing new. */
function reportable(child: Proc, options: number): number {
  if (!child.isAlive()) return child.exitStatus;
  if (options & WUNTRACED && child.stopReport !== 0) return (child.stopReport << 8) | 0x7f;
  if (options & WCONTINUED && child.continueReport) return 0xffff;
  return -1;
}

/** What a wait4 sleeps for, worded on demand. */
class WaitReason implements SleepReason {
  constructor(private readonly pid: number) {}

  describe(): string {
    const pid = this.pid;
    if (pid > 0) return `wait4 for child ${pid}`;
    if (pid === -1) return 'wait4 for any child';
    if (pid === 0) return 'wait4 for a child in its process group';
    return `wait4 for a child in process group ${-pid}`;
  }
}

/** wait4(pid, status*, options, rusage*): the child's pid, 0 with WNOHANG when no
 *  child has news, or ECHILD / EINVAL / EFAULT. Blocks otherwise. The rusage is
 *  zero-filled (ipcvm keeps no per-child resource times yet). */
export function sys_wait4(k: Kernel, p: Proc, args: Int32Array): number {
  const pid = args[0];
  const statusAddr = args[1];
  const options = args[2];
  const rusageAddr = args[3];
  if ((options & ~KNOWN_OPTIONS) !== 0) return -E.EINVAL;
  let matched = false;
  for (const child of p.children) {
    if (!matches(child, pid, p)) continue;
    matched = true;
    const status = reportable(child, options);
    if (status < 0) continue;
    if (statusAddr !== 0 && writeI32(k, p, statusAddr, status) < 0) return -E.EFAULT;
    if (rusageAddr !== 0 && copyout(k, p, rusageAddr, new Uint8Array(RUSAGE_SIZE)) < 0) return -E.EFAULT;
    if (!child.isAlive()) k.reap(child);
    else if (status === 0xffff) child.continueReport = false;
    else child.stopReport = 0;
    return child.pid;
  }
  if (!matched) return -E.ECHILD;
  if (options & WNOHANG) return 0;
  return sleepOn(p, p.childWait, new WaitReason(pid));
}
