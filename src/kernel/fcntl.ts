// fcntl: descriptor flags (FD_CLOEXEC), the open file description's status flags
// (F_SETFL changes only O_APPEND and O_NONBLOCK, shared by every dup and fork
// copy), duplication at or above a number, and a pipe's capacity. Record locks,
// owners, signals and leases are not built: they answer ENOSYS and say so.
import { E } from './errno.js';
import { fileClose, fileDup, O_SETFL_MASK } from './file.js';
import type { Kernel } from './kernel.js';
import { NOFILE } from './param.js';
import { PipeEnd } from './pipe.js';
import type { Proc } from './proc.js';
import { wakeup } from './sleep.js';

export const F_DUPFD = 0;
export const F_GETFD = 1;
export const F_SETFD = 2;
export const F_GETFL = 3;
export const F_SETFL = 4;
export const F_DUPFD_CLOEXEC = 1030;
export const F_SETPIPE_SZ = 1031;
export const F_GETPIPE_SZ = 1032;

/** Commands Linux has that ipcvm does not build, by name (for the message). */
const NOT_BUILT = new Map<number, string>([
  [5, 'F_GETLK'],
  [6, 'F_SETLK'],
  [7, 'F_SETLKW'],
  [8, 'F_SETOWN'],
  [9, 'F_GETOWN'],
  [10, 'F_SETSIG'],
  [11, 'F_GETSIG'],
  [36, 'F_OFD_GETLK'],
  [37, 'F_OFD_SETLK'],
  [38, 'F_OFD_SETLKW'],
  [1024, 'F_SETLEASE'],
  [1025, 'F_GETLEASE'],
  [1026, 'F_NOTIFY'],
]);

/** fcntl(fd, cmd, arg): per command (see above); EBADF for a closed fd (or a pipe
 *  command on something else), EINVAL for an unknown command or a bad F_DUPFD
 *  minimum, EMFILE, EBUSY/EPERM from F_SETPIPE_SZ. */
export function sys_fcntl(k: Kernel, p: Proc, args: Int32Array): number {
  const [fd, cmd, arg] = args;
  const f = p.fds.get(fd);
  if (!f) return -E.EBADF;
  switch (cmd) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC: {
      if (arg < 0 || arg >= NOFILE) return -E.EINVAL;
      const copy = p.fds.alloc(fileDup(f), arg, cmd === F_DUPFD_CLOEXEC);
      if (copy < 0) fileClose(k, f);
      return copy;
    }
    case F_GETFD:
      return p.fds.fdFlags(fd);
    case F_SETFD:
      p.fds.setFdFlags(fd, arg);
      return 0;
    case F_GETFL:
      return f.flags;
    case F_SETFL:
      f.flags = (f.flags & ~O_SETFL_MASK) | (arg & O_SETFL_MASK);
      return 0;
    case F_GETPIPE_SZ:
      return f.file instanceof PipeEnd ? f.file.pipe.capacity() : -E.EBADF;
    case F_SETPIPE_SZ: {
      if (!(f.file instanceof PipeEnd)) return -E.EBADF;
      const pipe = f.file.pipe;
      const size = pipe.resize(arg, p.cred.euid);
      if (size > 0) wakeup(k, pipe.writeWait);
      return size;
    }
    default: {
      const name = NOT_BUILT.get(cmd);
      if (name === undefined) return -E.EINVAL;
      k.warnOnce(`fcntl ${name}`, `fcntl: ${name} is not implemented`);
      return -E.ENOSYS;
    }
  }
}
