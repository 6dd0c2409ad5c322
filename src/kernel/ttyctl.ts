// The terminal's foreground process group: the group Ctrl-C on the host signals
// (hostintr.ts) and ps marks with "+". A job-control shell moves it with
// tcsetpgrp -- the TIOCSPGRP ioctl on the console or /dev/tty (console.ts) -- to
// each foreground job and back to itself; tcgetpgrp reads it (TIOCGPGRP). Until
// someone sets it, it is pid 1's group.
import { E } from './errno.js';
import type { Kernel } from './kernel.js';
import type { Proc } from './proc.js';
import { BAD_ADDRESS, readI32, writeI32 } from './uaccess.js';

export const TIOCGPGRP = 0x540f;
export const TIOCSPGRP = 0x5410;

/** The foreground process group now (0 when nobody set it and pid 1 is gone). */
export function foregroundGroup(k: Kernel): number {
  return k.foregroundPgid || (k.procs.get(1)?.pgid ?? 0);
}

/** TIOCGPGRP stores the foreground group at arg; TIOCSPGRP makes the group at
 *  arg the foreground one: it must be a live group of the caller's session
 *  (EPERM) that exists (ESRCH); a negative one is EINVAL. 0 or -errno. */
export function foregroundIoctl(k: Kernel, p: Proc, request: typeof TIOCGPGRP | typeof TIOCSPGRP, arg: number): number {
  if (request === TIOCGPGRP) return writeI32(k, p, arg, foregroundGroup(k)) < 0 ? -E.EFAULT : 0;
  const pgid = readI32(k, p, arg);
  if (pgid === BAD_ADDRESS) return -E.EFAULT;
  if (pgid < 0) return -E.EINVAL;
  const members = [...k.procs.values()].filter((q) => q.isAlive() && q.pgid === pgid);
  if (members.length === 0) return -E.ESRCH;
  if (!members.some((q) => q.sid === p.sid)) return -E.EPERM;
  k.foregroundPgid = pgid;
  return 0;
}
