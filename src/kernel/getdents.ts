// getdents64: the entries of an open directory, for ls and the shell's globbing.
// A directory lists ".", "..", then its names in byte order: the in-memory ones
// and, for a directory of the host view, the host's names that have not been
// unlinked in the guest (each looked up through the file system, so a name the
// view refuses -- a link leading out of it, a socket -- is not listed). The
// description's offset counts entries already returned, so a listing continues
// across calls; a directory changed in between may skip or repeat a name, as
// POSIX allows. Entries are Linux's struct linux_dirent64.
//
// The host directory is read here with readdirSync (hostfs.ts has no listing);
// like hostfs.ts, this only ever reads the host.
import { readdirSync } from 'node:fs';
import { E } from './errno.js';
import type { DirInode, Inode } from './inode.js';
import type { Kernel } from './kernel.js';
import { panic } from './panic.js';
import type { Proc } from './proc.js';
import { copyout } from './uaccess.js';

// d_type values (dirent.h).
const DT_FIFO = 1;
const DT_CHR = 2;
const DT_DIR = 4;
const DT_REG = 8;
/** d_ino 8, d_off 8, d_reclen 2, d_type 1, then the name and its NUL. */
const DIRENT_HEADER = 19;

function typeOf(node: Inode): number {
  switch (node.type) {
    case 'dir':
      return DT_DIR;
    case 'reg':
      return DT_REG;
    case 'fifo':
    case 'pipe':
      return DT_FIFO;
    case 'chr':
      return DT_CHR;
    default: {
      const never: never = node;
      return panic('getdents64', `unknown inode ${String(never)}`);
    }
  }
}

/** Names of the host directory at path, or none when it cannot be read. */
function hostNames(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

/** Every entry of dir, in listing order. */
function listDirectory(k: Kernel, dir: DirInode): [string, Inode][] {
  const names = new Set(dir.entries.keys());
  if (dir.hostPath !== null) for (const name of hostNames(dir.hostPath)) if (!dir.whiteouts.has(name)) names.add(name);
  const entries: [string, Inode][] = [
    ['.', dir],
    ['..', dir.parent],
  ];
  const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of sorted) {
    const node = k.fs.child(dir, name);
    if (node !== null && typeof node !== 'number') entries.push([name, node]);
  }
  return entries;
}

/** getdents64(fd, buf, count): bytes of entries stored, 0 at the end; EBADF,
 *  ENOTDIR, EINVAL (buf too small for the next entry), EFAULT. */
export function sys_getdents64(k: Kernel, p: Proc, args: Int32Array): number {
  const f = p.fds.get(args[0]);
  if (!f) return -E.EBADF;
  const inode = f.file.inode;
  if (f.file.kind !== 'directory' || !inode || inode.type !== 'dir') return -E.ENOTDIR;
  const count = args[2] >>> 0;
  const entries = listDirectory(k, inode);
  const encoder = new TextEncoder();
  const out = new Uint8Array(Math.min(count, 64 * 1024));
  const view = new DataView(out.buffer);
  let used = 0;
  let index = f.offset;
  for (; index < entries.length; index++) {
    const [name, node] = entries[index];
    const bytes = encoder.encode(name);
    const reclen = (DIRENT_HEADER + bytes.length + 1 + 7) & ~7;
    if (used + reclen > out.length) break;
    view.setUint32(used, node.ino >>> 0, true);
    view.setUint32(used + 8, index + 1, true);
    view.setUint16(used + 16, reclen, true);
    out[used + 18] = typeOf(node);
    out.set(bytes, used + DIRENT_HEADER);
    used += reclen;
  }
  if (used === 0 && index < entries.length) return -E.EINVAL;
  if (used > 0 && copyout(k, p, args[1], out.subarray(0, used)) < 0) return -E.EFAULT;
  f.offset = index;
  return used;
}
