// The read-only window on the host: the directory ipcvm was started in, shown as
// the guest's working directory. Only this file touches the host file system, and
// only to read: lstat/stat/realpath to look a name up, and reads of file contents.
// Nothing is ever written, created or removed on the host (writes copy the file
// into memory first: regfile.ts).
//
// Every name is looked up one component at a time inside a directory already
// known to be in the view, so a guest path can only leave it through ".." (which
// the in-memory tree answers, never the host) or a host symbolic link. A link is
// followed only when its fully resolved target (realpath) is still inside the
// view's root; one that points outside is refused (EACCES), a dangling one does
// not exist. Sockets and device nodes of the host are refused too.
import { closeSync, lstatSync, openSync, readFileSync, readSync, realpathSync, statSync, type BigIntStats } from 'node:fs';
import { join, sep } from 'node:path';
import { E } from './errno.js';

export type HostKind = 'dir' | 'reg' | 'fifo';

export interface HostEntry {
  readonly kind: HostKind;
  /** The real path of the file (a link's target). */
  readonly path: string;
  readonly ino: number;
  readonly dev: number;
  /** Permission bits (type bits excluded). */
  readonly perm: number;
  readonly nlink: number;
  readonly size: number;
  /** Modification and status change times, seconds since the Epoch. */
  readonly mtime: number;
  readonly ctime: number;
}

/** The real path of the view's root, or null when it cannot be read. */
export function hostRealRoot(dir: string): string | null {
  try {
    return statSync(dir).isDirectory() ? realpathSync(dir) : null;
  } catch {
    return null;
  }
}

function inside(root: string, path: string): boolean {
  return root === sep || path === root || path.startsWith(root + sep);
}

function kindOf(st: BigIntStats): HostKind | null {
  if (st.isDirectory()) return 'dir';
  if (st.isFile()) return 'reg';
  if (st.isFIFO()) return 'fifo';
  return null;
}

function low32(n: bigint): number {
  return Number(n & 0xffffffffn);
}

function entryOf(kind: HostKind, path: string, st: BigIntStats): HostEntry {
  return {
    kind,
    path,
    ino: low32(st.ino),
    dev: low32(st.dev),
    perm: Number(st.mode & 0o7777n),
    nlink: Number(st.nlink),
    size: Number(st.size),
    mtime: Number(st.mtimeMs / 1000n),
    ctime: Number(st.ctimeMs / 1000n),
  };
}

/** Looks name up in the host directory dirPath (inside the view rooted at root).
 *  The entry, null when there is none, or -EACCES (a link leaving the view, a
 *  socket or device, an unreadable directory). */
export function hostLookup(root: string, dirPath: string, name: string): HostEntry | null | number {
  const full = join(dirPath, name);
  try {
    let st = lstatSync(full, { bigint: true, throwIfNoEntry: false });
    if (!st) return null;
    let path = full;
    if (st.isSymbolicLink()) {
      path = realpathSync(full);
      if (!inside(root, path)) return -E.EACCES;
      st = statSync(path, { bigint: true });
    }
    const kind = kindOf(st);
    return kind ? entryOf(kind, path, st) : -E.EACCES;
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : '';
    return code === 'ENOENT' || code === 'ELOOP' || code === 'ENOTDIR' ? null : -E.EACCES;
  }
}

/** The stat of the view's root directory itself. */
export function hostRootEntry(root: string): HostEntry {
  return entryOf('dir', root, statSync(root, { bigint: true }));
}

/** Reads up to dst.length bytes of the host file at position. The count, or -EIO. */
export function hostRead(path: string, position: number, dst: Uint8Array): number {
  let fd = -1;
  try {
    fd = openSync(path, 'r');
    let done = 0;
    while (done < dst.length) {
      const n = readSync(fd, dst, done, dst.length - done, position + done);
      if (n === 0) break;
      done += n;
    }
    return done;
  } catch {
    return -E.EIO;
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

/** The whole host file (for a copy into memory), or -EIO. */
export function hostReadAll(path: string): Uint8Array | number {
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    return -E.EIO;
  }
}
