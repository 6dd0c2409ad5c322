// The file system of one kernel: an in-memory tree of inodes with /bin, /tmp and
// /dev (null, and tty when the host has a terminal), and the guest's starting
// working directory: the host directory ipcvm was started in, shown read-only at
// its own absolute path (so getcwd reads as on the host). Names there are looked up
// on the host lazily (hostfs.ts) and then kept as inodes of the tree; anything
// the guest creates, writes or unlinks lives in memory only. Without the host
// view (hostFs false) the start directory is an empty /home/user. Like a tmpfs,
// the memory is bounded: FS_MAX_INODES files and FIFOs, FS_MAX_BYTES of contents.
//
// Name resolution (resolve) walks one component at a time, checking search
// permission on each directory; ".." is always the in-memory parent, so no path
// reaches a host directory outside the view. The owner of everything in the view
// is the first process's user (the host's owners mean nothing in the guest).
import { resolve as resolveHostPath, sep } from 'node:path';
import { E } from './errno.js';
import { hostLookup, hostRealRoot, hostRootEntry, type HostEntry } from './hostfs.js';
import { Fifo } from './fifo.js';
import {
  DeviceInode,
  DirInode,
  FifoInode,
  MAY_EXEC,
  MAY_WRITE,
  MEMFS_DEV,
  permitted,
  RegInode,
  S_IFCHR,
  S_IFDIR,
  S_IFIFO,
  S_IFREG,
  S_ISVTX,
  type DeviceKind,
  type Inode,
} from './inode.js';
import { panic } from './panic.js';
import { FS_MAX_BYTES, FS_MAX_INODES, NAME_MAX } from './param.js';
import type { Pipe } from './pipe.js';
import type { Proc } from './proc.js';

export interface FsOptions {
  /** The host directory to show, or null for none. */
  hostDir: string | null;
  /** Owner of the view and of the start directory. */
  uid: number;
  gid: number;
  /** Offer /dev/tty (the host has a terminal). */
  tty: boolean;
  /** CLOCK_REALTIME seconds, for file times. */
  now: () => number;
}

/** A path resolved up to its last component: the directory holding it, the name,
 *  and the inode it names (null when absent). "." and ".." name a directory
 *  itself; "dir/" asks for a directory (trailingSlash). */
export interface Resolved {
  readonly dir: DirInode;
  readonly name: string;
  readonly node: Inode | null;
  readonly trailingSlash: boolean;
}

/** How far past the size asked a growing file's storage may reach. */
const GROWTH_SLACK = 16 * 1024 * 1024;

/** Device numbers (st_rdev) of /dev/null (1:3) and /dev/tty (5:0). */
const DEVICE_RDEV: Record<DeviceKind, number> = { null: 0x103, tty: 0x500 };

export class FileSystem {
  readonly root: DirInode;
  /** The working directory of the first process. */
  readonly startDir: DirInode;
  /** Pipes with an end open anywhere (checked empty after a run). */
  readonly livePipes = new Set<Pipe>();
  /** Bytes of file contents held in memory (FS_MAX_BYTES at most). */
  bytesUsed = 0;
  /** Files and FIFOs made in memory and not yet freed (FS_MAX_INODES at most). */
  inodesUsed = 0;
  /** Open file descriptions of every kind, in the whole system (file.ts; NFILE at
   *  most). */
  openFiles = 0;
  readonly now: () => number;
  private lastIno = 1;
  private readonly hostRoot: string | null;
  private readonly owner: { uid: number; gid: number };

  constructor(o: FsOptions) {
    this.now = o.now;
    this.owner = { uid: o.uid, gid: o.gid };
    const hostDir = o.hostDir === null ? null : resolveHostPath(o.hostDir);
    this.hostRoot = hostDir === null ? null : hostRealRoot(hostDir);
    const rootEntry = hostDir === sep && this.hostRoot ? hostRootEntry(this.hostRoot) : null;
    this.root = rootEntry ? this.hostDirInode(rootEntry, '', null) : this.memDir('', null, 0o755, 0, 0);
    this.ensureDir(this.root, 'bin', 0o755);
    this.ensureDir(this.root, 'tmp', 0o777 | S_ISVTX);
    this.startDir = this.mountStart(hostDir);
    const dev = this.ensureDir(this.root, 'dev', 0o755);
    this.addDevice(dev, 'null');
    if (o.tty) this.addDevice(dev, 'tty');
  }

  allocIno(): number {
    return ++this.lastIno;
  }

  // ---- building the tree ----

  private memDir(name: string, parent: DirInode | null, perm: number, uid: number, gid: number): DirInode {
    const dir = new DirInode(this.allocIno(), MEMFS_DEV, S_IFDIR | perm, uid, gid, this.now(), name, parent, null);
    if (parent) this.link(parent, name, dir);
    return dir;
  }

  private hostDirInode(e: HostEntry, name: string, parent: DirInode | null): DirInode {
    const { uid, gid } = this.owner;
    const dir = new DirInode(e.ino, e.dev, S_IFDIR | e.perm, uid, gid, e.mtime, name, parent, e.path, e.size);
    dir.nlink = e.nlink;
    dir.ctime = e.ctime;
    dir.fromHostView = true;
    return dir;
  }

  private ensureDir(parent: DirInode, name: string, perm: number): DirInode {
    const found = this.child(parent, name);
    if (found instanceof DirInode) return found;
    return this.memDir(name, parent, perm, 0, 0);
  }

  /** Makes the directories down to hostDir and shows the host's contents in the
   *  last one; /home/user when there is no host view. */
  private mountStart(hostDir: string | null): DirInode {
    if (hostDir === null || this.hostRoot === null) {
      const home = this.ensureDir(this.root, 'home', 0o755);
      return this.memDir('user', home, 0o755, this.owner.uid, this.owner.gid);
    }
    const names = hostDir.split(sep).filter((n) => n !== '');
    let dir = this.root;
    for (const name of names.slice(0, -1)) dir = this.ensureDir(dir, name, 0o755);
    const last = names.at(-1);
    if (last === undefined) return this.root;
    const view = this.hostDirInode(hostRootEntry(this.hostRoot), last, dir);
    if (dir.entries.get(last)?.type === 'dir') dir.nlink--;
    this.link(dir, last, view);
    return view;
  }

  private addDevice(dev: DirInode, kind: DeviceKind): void {
    const node = new DeviceInode(this.allocIno(), MEMFS_DEV, S_IFCHR | 0o666, 0, 0, this.now(), kind);
    node.rdev = DEVICE_RDEV[kind];
    this.link(dev, kind, node);
  }

  private link(dir: DirInode, name: string, node: Inode): void {
    dir.entries.set(name, node);
    if (node.type === 'dir') dir.nlink++;
    dir.mtime = dir.ctime = this.now();
  }

  /** An inode for a host entry found in dir (a directory of the view). */
  private fromHost(dir: DirInode, name: string, e: HostEntry): Inode {
    const { uid, gid } = this.owner;
    switch (e.kind) {
      case 'dir':
        return this.hostDirInode(e, name, dir);
      case 'reg': {
        const file = new RegInode(e.ino, e.dev, S_IFREG | e.perm, uid, gid, e.mtime);
        file.hostPath = e.path;
        file.length = e.size;
        file.nlink = e.nlink;
        file.ctime = e.ctime;
        file.fromHostView = true;
        return file;
      }
      case 'fifo': {
        const fifo = new FifoInode(e.ino, e.dev, S_IFIFO | e.perm, uid, gid, e.mtime, new Fifo());
        fifo.fromHostView = true;
        return fifo;
      }
      default: {
        const never: never = e.kind;
        return panic('fromHost', `unknown kind ${String(never)}`);
      }
    }
  }

  // ---- lookups ----

  /** The inode named name in dir: null when there is none, or -errno. */
  child(dir: DirInode, name: string): Inode | null | number {
    if (name === '.') return dir;
    if (name === '..') return dir.parent;
    const found = dir.entries.get(name);
    if (found) return found;
    if (dir.hostPath === null || this.hostRoot === null || dir.whiteouts.has(name)) return null;
    const e = hostLookup(this.hostRoot, dir.hostPath, name);
    if (e === null || typeof e === 'number') return e;
    const node = this.fromHost(dir, name, e);
    dir.entries.set(name, node);
    return node;
  }

  /** Resolves path for p up to its last component (which may be absent).
   *  -ENOENT (empty path, missing directory), -ENOTDIR, -EACCES (no search
   *  permission), -ENAMETOOLONG. */
  resolve(p: Proc, path: string): Resolved | number {
    if (path === '') return -E.ENOENT;
    const names = path.split('/').filter((n) => n !== '');
    const trailingSlash = path.endsWith('/');
    let dir = path.startsWith('/') ? this.root : this.cwd(p);
    const last = names.pop() ?? '.';
    for (const name of names) {
      if (name.length > NAME_MAX) return -E.ENAMETOOLONG;
      if (!permitted(p.cred.euid, p.cred.egid, dir, MAY_EXEC)) return -E.EACCES;
      const next = this.child(dir, name);
      if (next === null) return -E.ENOENT;
      if (typeof next === 'number') return next;
      if (next.type !== 'dir') return -E.ENOTDIR;
      dir = next;
    }
    if (last.length > NAME_MAX) return -E.ENAMETOOLONG;
    if (!permitted(p.cred.euid, p.cred.egid, dir, MAY_EXEC)) return -E.EACCES;
    const node = this.child(dir, last);
    if (typeof node === 'number') return node;
    if (node && trailingSlash && node.type !== 'dir') return -E.ENOTDIR;
    return { dir, name: last, node, trailingSlash };
  }

  /** The inode path names for p, or -errno (-ENOENT when absent). */
  lookup(p: Proc, path: string): Inode | number {
    const r = this.resolve(p, path);
    if (typeof r === 'number') return r;
    return r.node ?? -E.ENOENT;
  }

  cwd(p: Proc): DirInode {
    return p.cwd ?? this.startDir;
  }

  /** The absolute path of directory dir. */
  pathOf(dir: DirInode): string {
    const names: string[] = [];
    for (let d = dir; d !== this.root; d = d.parent) names.push(d.name);
    return '/' + names.reverse().join('/');
  }

  // ---- changes ----

  /** May p create or remove names in dir? 0 or -EACCES. */
  private mayChange(p: Proc, dir: DirInode): number {
    return permitted(p.cred.euid, p.cred.egid, dir, MAY_WRITE | MAY_EXEC) ? 0 : -E.EACCES;
  }

  /** Creates a regular file or FIFO at r (whose node is null) owned by p, with
   *  permission bits perm (the caller has applied the umask). The inode, -EACCES,
   *  or -ENOSPC when FS_MAX_INODES exist. */
  create(p: Proc, r: Resolved, kind: 'reg' | 'fifo', perm: number): RegInode | FifoInode | number {
    const denied = this.mayChange(p, r.dir);
    if (denied < 0) return denied;
    if (this.inodesUsed >= FS_MAX_INODES) return -E.ENOSPC;
    this.inodesUsed++;
    const { euid, egid } = p.cred;
    const now = this.now();
    const node =
      kind === 'reg'
        ? new RegInode(this.allocIno(), MEMFS_DEV, S_IFREG | perm, euid, egid, now)
        : new FifoInode(this.allocIno(), MEMFS_DEV, S_IFIFO | perm, euid, egid, now, new Fifo());
    this.link(r.dir, r.name, node);
    return node;
  }

  /** Removes the name r (unlink). An open file lives on until its last close.
   *  0, -ENOENT, -EISDIR, -EACCES, or -EPERM (sticky directory, not the owner). */
  unlink(p: Proc, r: Resolved): number {
    const node = r.node;
    if (!node) return -E.ENOENT;
    if (node.type === 'dir') return -E.EISDIR;
    const denied = this.mayChange(p, r.dir);
    if (denied < 0) return denied;
    const euid = p.cred.euid;
    if (r.dir.mode & S_ISVTX && euid !== 0 && euid !== node.uid && euid !== r.dir.uid) return -E.EPERM;
    r.dir.entries.delete(r.name);
    // A name made in memory hides no host entry (or one already whited out).
    if (node.fromHostView) r.dir.whiteouts.add(r.name);
    r.dir.mtime = r.dir.ctime = node.ctime = this.now();
    node.nlink--;
    if (node.type === 'reg') this.maybeFree(node);
    else if (node.type === 'fifo' && !node.fromHostView) this.inodesUsed--;
    return 0;
  }

  /** Frees a regular file's contents, and its inode's place, once no name and no
   *  open file refer to it. */
  maybeFree(node: RegInode): void {
    if (node.nlink > 0 || node.opens > 0) return;
    this.bytesUsed -= node.data.length;
    node.data = new Uint8Array(0);
    node.length = 0;
    if (!node.fromHostView) this.inodesUsed--;
  }

  /** Grows the capacity of node's contents to at least size bytes (contents
   *  already in memory). 0, or -ENOSPC when the file system is full. */
  reserve(node: RegInode, size: number): number {
    const held = node.data.length;
    if (size <= held) return 0;
    // Grow geometrically (at most GROWTH_SLACK past what is needed), or exactly
    // when the file system is nearly full.
    const roomy = Math.max(size, Math.min(2 * held, size + GROWTH_SLACK), 256);
    const capacity = this.bytesUsed + roomy - held <= FS_MAX_BYTES ? roomy : size;
    if (this.bytesUsed + capacity - held > FS_MAX_BYTES) return -E.ENOSPC;
    this.setCapacity(node, capacity);
    return 0;
  }

  private setCapacity(node: RegInode, capacity: number): void {
    const data = new Uint8Array(capacity);
    data.set(node.data.subarray(0, node.length));
    this.bytesUsed += capacity - node.data.length;
    node.data = data;
  }

  /** Broken invariants in words (invariants.ts): pipe bookkeeping, FIFOs holding
   *  a pipe nobody has open, file sizes past their storage; when idle (no process
   *  left) also any pipe or open regular file still alive, and an inode count
   *  other than the files and FIFOs in the tree. */
  invariantProblems(idle: boolean): string[] {
    const problems: string[] = [];
    for (const pipe of this.livePipes) {
      const broken = pipe.brokenInvariant();
      if (broken) problems.push(broken);
    }
    if (idle && this.livePipes.size > 0) problems.push(`${this.livePipes.size} pipes still open: ${[...this.livePipes].map((q) => q.name).join(' ')}`);
    let inodes = 0;
    const walk = (dir: DirInode, path: string): void => {
      for (const [name, node] of dir.entries) {
        const where = `${path}/${name}`;
        if ((node.type === 'reg' || node.type === 'fifo') && !node.fromHostView) inodes++;
        if (node.type === 'dir' && node.parent === dir) walk(node, where);
        else if (node.type === 'fifo' && node.fifo.pipe && !this.livePipes.has(node.fifo.pipe)) problems.push(`${where}: FIFO keeps a closed pipe`);
        else if (node.type === 'reg' && node.length > node.data.length && node.hostPath === null) problems.push(`${where}: length ${node.length} past its storage`);
        else if (node.type === 'reg' && idle && node.opens !== 0) problems.push(`${where}: ${node.opens} opens left`);
      }
    };
    walk(this.root, '');
    if (idle && inodes !== this.inodesUsed) problems.push(`${this.inodesUsed} inodes counted, ${inodes} in the tree`);
    return problems;
  }

  /** Puts a file in the tree (programs for /bin): the bytes, mode 0755 by default,
   *  owned by root. Replaces what had that name. */
  installFile(path: string, bytes: Uint8Array, perm = 0o755): RegInode {
    const names = path.split('/').filter((n) => n !== '');
    const name = names.pop();
    if (name === undefined) throw new Error(`installFile: ${path} has no file name`);
    let dir = this.root;
    for (const n of names) dir = this.ensureDir(dir, n, 0o755);
    const old = dir.entries.get(name);
    if (old?.type === 'reg') {
      old.nlink--;
      this.maybeFree(old);
    }
    const node = new RegInode(this.allocIno(), MEMFS_DEV, S_IFREG | perm, 0, 0, this.now());
    this.inodesUsed++;
    this.setCapacity(node, bytes.length);
    node.data.set(bytes);
    node.length = bytes.length;
    this.link(dir, name, node);
    return node;
  }
}
