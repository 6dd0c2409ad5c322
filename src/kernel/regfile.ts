// Regular files and directories behind descriptors. A regular file reads and
// writes at the description's offset (O_APPEND: at the end, for every write),
// moving page-sized runs between its bytes and guest frames. A file still backed
// by the host is read from the host on each read; the first change (write,
// O_TRUNC) copies it into memory ("copy-up"), and from then on it is the guest's
// own: the host file is never written. A directory can be opened (read-only) and
// stat'ed, but read gives EISDIR. Bytes of data past a file's length are always
// zero, so a write past the end leaves a zero-filled gap, as on Linux.
import { E } from './errno.js';
import { O_APPEND, type File, type OpenFile } from './file.js';
import { hostRead, hostReadAll } from './hostfs.js';
import type { DirInode, RegInode } from './inode.js';
import type { Kernel } from './kernel.js';
import { FILE_MAX_BYTES } from './param.js';
import type { Proc } from './proc.js';
import { copyin, copyout } from './uaccess.js';

export const SEEK_SET = 0;
export const SEEK_CUR = 1;
export const SEEK_END = 2;
export const SEEK_DATA = 3;
export const SEEK_HOLE = 4;

/** Largest offset an off_t (32 bits) can hold. */
const OFF_MAX = 0x7fffffff;

/** lseek on a file of the given size: the new offset (stored in f), or -EINVAL
 *  (bad whence, negative result), -ENXIO (SEEK_DATA/SEEK_HOLE at or past the end),
 *  -EOVERFLOW (beyond what off_t holds). */
export function seekTo(f: OpenFile, size: number, offset: number, whence: number): number {
  let to: number;
  switch (whence) {
    case SEEK_SET:
      to = offset;
      break;
    case SEEK_CUR:
      to = f.offset + offset;
      break;
    case SEEK_END:
      to = size + offset;
      break;
    case SEEK_DATA:
    case SEEK_HOLE:
      if (offset < 0) return -E.EINVAL;
      if (offset >= size) return -E.ENXIO;
      to = whence === SEEK_DATA ? offset : size;
      break;
    default:
      return -E.EINVAL;
  }
  if (to < 0) return -E.EINVAL;
  if (to > OFF_MAX) return -E.EOVERFLOW;
  f.offset = to;
  return to;
}

/** Brings a host-backed file's contents into memory. 0, -EIO, -EFBIG, -ENOSPC. */
function copyUp(k: Kernel, node: RegInode): number {
  const path = node.hostPath;
  if (path === null) return 0;
  if (node.length > FILE_MAX_BYTES) return -E.EFBIG;
  const bytes = hostReadAll(path);
  if (typeof bytes === 'number') return bytes;
  node.hostPath = null;
  node.length = 0;
  const full = k.fs.reserve(node, bytes.length);
  if (full < 0) return full;
  node.data.set(bytes);
  node.length = bytes.length;
  return 0;
}

/** Cuts node to size 0 (O_TRUNC). The bytes past the end are kept zero. */
export function truncateFile(k: Kernel, node: RegInode): void {
  if (node.hostPath === null) node.data.fill(0, 0, node.length);
  node.hostPath = null;
  node.length = 0;
  node.mtime = node.ctime = k.fs.now();
}

export class RegularFile implements File {
  readonly kind = 'regular';

  constructor(readonly inode: RegInode) {
    inode.opens++;
  }

  read(k: Kernel, p: Proc, f: OpenFile, addr: number, count: number): number {
    const node = this.inode;
    const n = Math.min(count, Math.max(0, node.length - f.offset));
    if (n === 0) return 0;
    let moved: number;
    if (node.hostPath !== null) {
      moved = hostRead(node.hostPath, f.offset, k.scratch.subarray(0, n));
      if (moved > 0 && copyout(k, p, addr, k.scratch.subarray(0, moved)) < 0) return -E.EFAULT;
    } else {
      moved = copyout(k, p, addr, node.data.subarray(f.offset, f.offset + n)) < 0 ? -E.EFAULT : n;
    }
    if (moved > 0) f.offset += moved;
    return moved;
  }

  write(k: Kernel, p: Proc, f: OpenFile, addr: number, count: number): number {
    const node = this.inode;
    const loaded = copyUp(k, node);
    if (loaded < 0) return loaded;
    const at = f.flags & O_APPEND ? node.length : f.offset;
    if (at >= FILE_MAX_BYTES) return -E.EFBIG;
    const n = Math.min(count, FILE_MAX_BYTES - at);
    const full = k.fs.reserve(node, at + n);
    if (full < 0) return full;
    if (copyin(k, p, addr, node.data.subarray(at, at + n)) < 0) {
      node.data.fill(0, Math.max(at, node.length), at + n);
      return -E.EFAULT;
    }
    node.length = Math.max(node.length, at + n);
    node.mtime = node.ctime = k.fs.now();
    f.offset = at + n;
    return n;
  }

  ioctl(): number {
    return -E.ENOTTY;
  }

  seek(f: OpenFile, offset: number, whence: number): number {
    return seekTo(f, this.inode.length, offset, whence);
  }

  release(k: Kernel): void {
    this.inode.opens--;
    k.fs.maybeFree(this.inode);
  }

  describe(): string {
    return `file (inode ${this.inode.ino})`;
  }
}

export class DirectoryFile implements File {
  readonly kind = 'directory';

  constructor(readonly inode: DirInode) {}

  read(): number {
    return -E.EISDIR;
  }

  write(): number {
    return -E.EISDIR;
  }

  ioctl(): number {
    return -E.ENOTTY;
  }

  seek(f: OpenFile, offset: number, whence: number): number {
    return seekTo(f, 0, offset, whence);
  }

  release(): void {}

  describe(): string {
    return `directory (inode ${this.inode.ino})`;
  }
}
