// File system calls on names: open, creat, mknod (mkfifo), unlink, chdir, getcwd,
// and lseek on a descriptor. Paths are resolved by vfs.ts with the caller's
// credentials; errors are Linux's, checked in Linux's order (for open: the name,
// O_CREAT/O_EXCL, the file type against the access mode, then permission).
import { openDevice } from './dev.js';
import { E } from './errno.js';
import { fifoOpen, fifoResume } from './fifo.js';
import {
  fileClose,
  fileOpen,
  fileRoom,
  O_ACCMODE,
  O_CLOEXEC,
  O_CREAT,
  O_DIRECTORY,
  O_EXCL,
  O_NOCTTY,
  O_RDONLY,
  O_TRUNC,
  O_WRONLY,
  type OpenFile,
} from './file.js';
import { MAY_EXEC, MAY_READ, MAY_WRITE, permitted, S_IALLUGO, S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFMT, S_IFREG, S_IFSOCK, type Inode } from './inode.js';
import type { Kernel } from './kernel.js';
import { panic } from './panic.js';
import { UMASK } from './param.js';
import type { Proc } from './proc.js';
import { DirectoryFile, RegularFile, SEEK_HOLE, truncateFile } from './regfile.js';
import { copyout, readString } from './uaccess.js';

/** Flags open uses up: they are not kept in the description (F_GETFL). */
const OPEN_ONLY_FLAGS = O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC;

/** The permission an open with these flags needs (Linux's ACC_MODE, plus write
 *  for O_TRUNC). */
function accessWanted(flags: number): number {
  const mode = flags & O_ACCMODE;
  let want = mode === O_WRONLY ? MAY_WRITE : mode === O_RDONLY ? MAY_READ : MAY_READ | MAY_WRITE;
  if (flags & O_TRUNC) want |= MAY_WRITE;
  return want;
}

/** Installs f at the lowest free descriptor: the descriptor, or -EMFILE. */
function install(k: Kernel, p: Proc, f: OpenFile, flags: number): number {
  const fd = p.fds.alloc(f, 0, (flags & O_CLOEXEC) !== 0);
  if (fd < 0) fileClose(k, f);
  return fd;
}

/** The open file description for an existing node, or -errno / BLOCKED. */
function openNode(k: Kernel, p: Proc, node: Inode, flags: number, path: string, created: boolean): OpenFile | number {
  const want = accessWanted(flags);
  if (node.type === 'dir' && want & MAY_WRITE) return -E.EISDIR;
  if (!created && !permitted(p.cred.euid, p.cred.egid, node, want)) return -E.EACCES;
  const kept = flags & ~OPEN_ONLY_FLAGS;
  switch (node.type) {
    case 'dir':
      return fileOpen(k, new DirectoryFile(node), kept);
    case 'reg':
      if (flags & O_TRUNC) truncateFile(k, node);
      return fileOpen(k, new RegularFile(node), kept);
    case 'fifo':
      return fifoOpen(k, p, node, kept, path);
    case 'chr':
      return fileOpen(k, openDevice(k, node), kept);
    case 'pipe':
      return panic('openNode', `${path}: an anonymous pipe has a name`);
    default: {
      const never: never = node;
      return panic('openNode', `unknown inode ${String(never)}`);
    }
  }
}

/** open(path, flags, mode) and creat: a descriptor; ENOENT, EEXIST, EISDIR,
 *  ENOTDIR, EACCES, ENXIO, EMFILE, ENFILE (checked first, as Linux allocates the
 *  description before it looks at the path), ENOSPC, ENAMETOOLONG, EFAULT. Blocks
 *  on a FIFO until the other side opens (see fifo.ts). */
function openPath(k: Kernel, p: Proc, pathAddr: number, flags: number, mode: number): number {
  const pending = p.fds.pendingOpen;
  if (pending) {
    const resumed = fifoResume(p, pending);
    return typeof resumed === 'number' ? resumed : install(k, p, resumed, flags);
  }
  const path = readString(k, p, pathAddr);
  if (typeof path === 'number') return path;
  const full = fileRoom(k);
  if (full < 0) return full;
  const r = k.fs.resolve(p, path);
  if (typeof r === 'number') return r;
  let node = r.node;
  let created = false;
  if (node) {
    if ((flags & (O_CREAT | O_EXCL)) === (O_CREAT | O_EXCL)) return -E.EEXIST;
    if (flags & O_CREAT && node.type === 'dir') return -E.EISDIR;
  } else {
    if (!(flags & O_CREAT)) return -E.ENOENT;
    if (r.trailingSlash) return -E.EISDIR;
    const made = k.fs.create(p, r, 'reg', mode & S_IALLUGO & ~UMASK);
    if (typeof made === 'number') return made;
    node = made;
    created = true;
  }
  if (flags & O_DIRECTORY && node.type !== 'dir') return -E.ENOTDIR;
  const f = openNode(k, p, node, flags, path, created);
  return typeof f === 'number' ? f : install(k, p, f, flags);
}

export function sys_open(k: Kernel, p: Proc, args: Int32Array): number {
  return openPath(k, p, args[0], args[1], args[2]);
}

export function sys_creat(k: Kernel, p: Proc, args: Int32Array): number {
  return openPath(k, p, args[0], O_CREAT | O_WRONLY | O_TRUNC, args[1]);
}

/** mknod(path, mode, dev): makes a FIFO (S_IFIFO, mkfifo) or an empty regular
 *  file (S_IFREG or no type). 0; EEXIST, ENOENT, EACCES; EPERM for directories,
 *  devices and sockets; EINVAL for an unknown type. */
export function sys_mknod(k: Kernel, p: Proc, args: Int32Array): number {
  const mode = args[1];
  const type = mode & S_IFMT;
  let kind: 'reg' | 'fifo';
  if (type === 0 || type === S_IFREG) kind = 'reg';
  else if (type === S_IFIFO) kind = 'fifo';
  else if (type === S_IFDIR || type === S_IFCHR || type === S_IFBLK || type === S_IFSOCK) return -E.EPERM;
  else return -E.EINVAL;
  const path = readString(k, p, args[0]);
  if (typeof path === 'number') return path;
  const r = k.fs.resolve(p, path);
  if (typeof r === 'number') return r;
  if (r.node) return -E.EEXIST;
  if (r.trailingSlash) return -E.ENOENT;
  const made = k.fs.create(p, r, kind, mode & S_IALLUGO & ~UMASK);
  return typeof made === 'number' ? made : 0;
}

/** unlink(path): 0; ENOENT, EISDIR, EACCES, EPERM (sticky /tmp), ENOTDIR. */
export function sys_unlink(k: Kernel, p: Proc, args: Int32Array): number {
  const path = readString(k, p, args[0]);
  if (typeof path === 'number') return path;
  const r = k.fs.resolve(p, path);
  return typeof r === 'number' ? r : k.fs.unlink(p, r);
}

/** chdir(path): 0; ENOENT, ENOTDIR, EACCES (no search permission). */
export function sys_chdir(k: Kernel, p: Proc, args: Int32Array): number {
  const path = readString(k, p, args[0]);
  if (typeof path === 'number') return path;
  const node = k.fs.lookup(p, path);
  if (typeof node === 'number') return node;
  if (node.type !== 'dir') return -E.ENOTDIR;
  if (!permitted(p.cred.euid, p.cred.egid, node, MAY_EXEC)) return -E.EACCES;
  p.cwd = node;
  return 0;
}

/** getcwd(buf, size): as Linux's system call, the length stored including the
 *  NUL; ERANGE when size is too small, EFAULT. */
export function sys_getcwd(k: Kernel, p: Proc, args: Int32Array): number {
  const bytes = new TextEncoder().encode(k.fs.pathOf(k.fs.cwd(p)) + '\0');
  if (bytes.length > args[1] >>> 0) return -E.ERANGE;
  return copyout(k, p, args[0], bytes) < 0 ? -E.EFAULT : bytes.length;
}

/** lseek(fd, offset, whence): the new offset; EBADF, EINVAL (whence, negative
 *  offset), ESPIPE (pipes, FIFOs, terminals), ENXIO, EOVERFLOW. */
export function sys_lseek(k: Kernel, p: Proc, args: Int32Array): number {
  const f = p.fds.get(args[0]);
  if (!f) return -E.EBADF;
  const whence = args[2];
  if (whence < 0 || whence > SEEK_HOLE) return -E.EINVAL;
  return f.file.seek ? f.file.seek(f, args[1], whence) : -E.ESPIPE;
}
