// Descriptor system calls that work on any File: read, write, close, dup, dup2,
// ioctl. Each file moves the data itself between guest memory and its storage,
// at most MAX_RW_COUNT bytes per call (a larger count is a short transfer).
import { E } from './errno.js';
import { fileClose, fileDup } from './file.js';
import type { Kernel } from './kernel.js';
import { MAX_RW_COUNT, NOFILE } from './param.js';
import type { Proc } from './proc.js';
import { accessOk } from './uaccess.js';

/** read(fd, buf, count): bytes read, 0 at end of file; EBADF, EFAULT. May block. */
export function sys_read(k: Kernel, p: Proc, args: Int32Array): number {
  const f = p.fds.get(args[0]);
  if (!f || !f.readable()) return -E.EBADF;
  const count = Math.min(args[2] >>> 0, MAX_RW_COUNT);
  if (count === 0) return 0;
  if (!accessOk(p, args[1], count, true)) return -E.EFAULT;
  return f.file.read(k, p, f, args[1] >>> 0, count);
}

/** write(fd, buf, count): bytes written; EBADF, EFAULT, or the file's errors.
 *  May block. */
export function sys_write(k: Kernel, p: Proc, args: Int32Array): number {
  const f = p.fds.get(args[0]);
  if (!f || !f.writable()) return -E.EBADF;
  const count = Math.min(args[2] >>> 0, MAX_RW_COUNT);
  if (count === 0) return 0;
  if (!accessOk(p, args[1], count, false)) return -E.EFAULT;
  return f.file.write(k, p, f, args[1] >>> 0, count);
}

export function sys_close(k: Kernel, p: Proc, args: Int32Array): number {
  return p.fds.close(k, args[0]);
}

/** dup(fd): the lowest free descriptor, sharing fd's open file description. */
export function sys_dup(k: Kernel, p: Proc, args: Int32Array): number {
  const f = p.fds.get(args[0]);
  if (!f) return -E.EBADF;
  const fd = p.fds.alloc(fileDup(f));
  if (fd < 0) fileClose(k, f);
  return fd;
}

/** dup2(old, new): new, now sharing old's description (new is closed first). */
export function sys_dup2(k: Kernel, p: Proc, args: Int32Array): number {
  const [oldFd, newFd] = args;
  const f = p.fds.get(oldFd);
  if (!f || newFd < 0 || newFd >= NOFILE) return -E.EBADF;
  if (oldFd !== newFd) p.fds.install(k, newFd, fileDup(f));
  return newFd;
}

/** ioctl(fd, request, arg): whatever the file answers (ENOTTY if it does not know). */
export function sys_ioctl(k: Kernel, p: Proc, args: Int32Array): number {
  const f = p.fds.get(args[0]);
  if (!f) return -E.EBADF;
  return f.file.ioctl(k, p, f, args[1], args[2]);
}
