// Inodes: what a name in the file system (or an anonymous pipe) stands for. Each
// kind is a class with a `type` tag, so code that acts on a node switches on it
// exhaustively. An inode carries what stat reports (ino, dev, mode, owner, link
// count, times) and its kind's state:
//   dir   named children in memory, plus (overlay) the host directory it shows
//         read-only, with the names unlinked from that view (whiteouts);
//   reg   bytes in memory, or -- until the first change -- a host file read lazily;
//   fifo  a named pipe (fifo.ts);
//   chr   a device (/dev/null, /dev/tty);
//   pipe  the inode of an anonymous pipe (pipe.ts), which no directory names.
// Contents are never shared between inodes, so "copy-up" is simply the moment a
// host-backed file loads its bytes into memory (regfile.ts).
import type { Fifo } from './fifo.js';

export const S_IFMT = 0o170000;
export const S_IFSOCK = 0o140000;
export const S_IFLNK = 0o120000;
export const S_IFREG = 0o100000;
export const S_IFBLK = 0o060000;
export const S_IFDIR = 0o040000;
export const S_IFCHR = 0o020000;
export const S_IFIFO = 0o010000;
export const S_ISVTX = 0o1000;
/** Permission bits and set-id/sticky bits. */
export const S_IALLUGO = 0o7777;

/** Device numbers (st_dev) of the in-memory file system and of anonymous pipes,
 *  in Linux's encoding (major << 8 | minor): anonymous devices 0:27 and 0:13. */
export const MEMFS_DEV = 0x1b;
export const PIPEFS_DEV = 0x0d;

/** Permission requests (the rwx bits of one class). */
export const MAY_READ = 4;
export const MAY_WRITE = 2;
export const MAY_EXEC = 1;

export type DeviceKind = 'null' | 'tty';

abstract class InodeBase {
  nlink = 1;
  atime: number;
  mtime: number;
  ctime: number;
  /** Device number a device inode stands for (st_rdev). */
  rdev = 0;
  /** An entry of the host view, not made in memory: it does not count against
   *  FS_MAX_INODES, and unlinking it leaves a whiteout. */
  fromHostView = false;

  constructor(
    readonly ino: number,
    readonly dev: number,
    /** File type and permission bits, as st_mode. */
    public mode: number,
    public uid: number,
    public gid: number,
    /** Creation time, seconds since the Epoch. */
    now: number,
  ) {
    this.atime = now;
    this.mtime = now;
    this.ctime = now;
  }

  /** st_size. */
  size(): number {
    return 0;
  }
}

export class DirInode extends InodeBase {
  readonly type = 'dir';
  /** Children by name: created in memory, or host entries already looked up. */
  readonly entries = new Map<string, Inode>();
  /** Host names unlinked from the view: they are gone even though the host has them. */
  readonly whiteouts = new Set<string>();
  /** Containing directory ("..", and getcwd's walk); the root's is itself. */
  parent: DirInode;

  constructor(
    ino: number,
    dev: number,
    mode: number,
    uid: number,
    gid: number,
    now: number,
    /** Name in the parent ('' for the root). */
    readonly name: string,
    parent: DirInode | null,
    /** The host directory shown read-only under this one, or null. */
    readonly hostPath: string | null,
    private readonly hostSize = 4096,
  ) {
    super(ino, dev, mode, uid, gid, now);
    this.parent = parent ?? this;
    this.nlink = 2;
  }

  override size(): number {
    return this.hostPath === null ? 4096 : this.hostSize;
  }
}

export class RegInode extends InodeBase {
  readonly type = 'reg';
  /** The contents once in memory: bytes [0, length) of data. */
  data = new Uint8Array(0);
  length = 0;
  /** While the contents are still the host file's (never changed): its path. */
  hostPath: string | null = null;
  /** Open file descriptions of this file (an unlinked file lives until they end). */
  opens = 0;

  override size(): number {
    return this.length;
  }
}

export class FifoInode extends InodeBase {
  readonly type = 'fifo';

  constructor(
    ino: number,
    dev: number,
    mode: number,
    uid: number,
    gid: number,
    now: number,
    readonly fifo: Fifo,
  ) {
    super(ino, dev, mode, uid, gid, now);
  }
}

export class DeviceInode extends InodeBase {
  readonly type = 'chr';

  constructor(
    ino: number,
    dev: number,
    mode: number,
    uid: number,
    gid: number,
    now: number,
    readonly device: DeviceKind,
  ) {
    super(ino, dev, mode, uid, gid, now);
  }
}

export class PipeInode extends InodeBase {
  readonly type = 'pipe';
}

export type Inode = DirInode | RegInode | FifoInode | DeviceInode | PipeInode;

/** Whether the credentials (euid, egid) may access inode as `want` (MAY_* bits),
 *  by its owner, group or other bits. Root may do anything, except execute a
 *  file that has no execute bit at all. */
export function permitted(euid: number, egid: number, inode: Inode, want: number): boolean {
  if (euid === 0) return (want & MAY_EXEC) === 0 || inode.type === 'dir' || (inode.mode & 0o111) !== 0;
  const mode = inode.mode;
  const bits = euid === inode.uid ? mode >> 6 : egid === inode.gid ? mode >> 3 : mode;
  return (bits & want & 7) === want;
}
