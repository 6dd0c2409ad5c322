// stat and fstat: fill the guest's struct stat (lang/include/sys/stat.h: thirteen
// 4-byte fields) from an inode. Host files report the host's st_ino and st_dev, so
// ftok gives the keys it gives on the host; in-memory files have their own
// numbers on device MEMFS_DEV, pipes on PIPEFS_DEV. The console, which has no
// inode, reads as a terminal (a character device of the pts major).
import { E } from './errno.js';
import { S_IFCHR, type Inode } from './inode.js';
import type { Kernel } from './kernel.js';
import type { Proc } from './proc.js';
import { readString, writeI32s } from './uaccess.js';

const BLOCK_SIZE = 4096;
/** The console's made-up identity: /dev/pts/0 (136:0) on devpts (0:24). */
const CONSOLE_DEV = 0x18;
const CONSOLE_RDEV = 0x8800;
const CONSOLE_INO = 3;
const TTY_GID = 5;

/** The struct stat words for inode. */
function statWords(node: Inode): number[] {
  const size = node.size();
  const blocks = node.type === 'reg' || node.type === 'dir' ? Math.ceil(size / BLOCK_SIZE) * (BLOCK_SIZE / 512) : 0;
  return [
    node.dev,
    node.ino,
    node.mode,
    node.nlink,
    node.uid,
    node.gid,
    node.rdev,
    size,
    node.atime,
    node.mtime,
    node.ctime,
    BLOCK_SIZE,
    blocks,
  ];
}

function consoleWords(k: Kernel, p: Proc): number[] {
  const now = k.fs.now();
  return [CONSOLE_DEV, CONSOLE_INO, S_IFCHR | 0o620, 1, p.cred.uid, TTY_GID, CONSOLE_RDEV, 0, now, now, now, 1024, 0];
}

/** stat(path, buf): 0; ENOENT, ENOTDIR, EACCES, ENAMETOOLONG, EFAULT. */
export function sys_stat(k: Kernel, p: Proc, args: Int32Array): number {
  const path = readString(k, p, args[0]);
  if (typeof path === 'number') return path;
  const node = k.fs.lookup(p, path);
  if (typeof node === 'number') return node;
  return writeI32s(k, p, args[1], statWords(node));
}

/** fstat(fd, buf): 0; EBADF, EFAULT. */
export function sys_fstat(k: Kernel, p: Proc, args: Int32Array): number {
  const f = p.fds.get(args[0]);
  if (!f) return -E.EBADF;
  const node = f.file.inode;
  return writeI32s(k, p, args[1], node ? statWords(node) : consoleWords(k, p));
}
