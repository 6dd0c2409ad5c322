// pipe and pipe2: a new anonymous pipe (pipe.ts) and two descriptors, the read end
// first, at the two lowest free numbers. pipe2 takes O_NONBLOCK (on both open file
// descriptions) and O_CLOEXEC (on both descriptors).
import { E } from './errno.js';
import { fileClose, fileOpen, fileRoom, O_CLOEXEC, O_DIRECT, O_NONBLOCK, O_RDONLY, O_WRONLY, type OpenFile } from './file.js';
import { PIPEFS_DEV, PipeInode, S_IFIFO } from './inode.js';
import type { Kernel } from './kernel.js';
import { newPipeSlots, Pipe, PipeEnd } from './pipe.js';
import type { Proc } from './proc.js';
import { writeI32s } from './uaccess.js';

/** A new pipe with one read and one write description (one reference each), or
 *  -ENFILE when the system has no room for two more descriptions or the pipe's
 *  user none for its pages (PIPE_USER_PAGES_HARD). */
function pipeCreate(k: Kernel, p: Proc, statusFlags: number): [OpenFile, OpenFile] | number {
  const full = fileRoom(k, 2);
  if (full < 0) return full;
  const slots = newPipeSlots(k.user, p.cred.euid);
  if (slots === 0) return -E.ENFILE;
  const fs = k.fs;
  const inode = new PipeInode(fs.allocIno(), PIPEFS_DEV, S_IFIFO | 0o600, p.cred.euid, p.cred.egid, fs.now());
  const pipe = new Pipe(inode, `pipe:[${inode.ino}]`, slots, k.user);
  fs.livePipes.add(pipe);
  pipe.readers = 1;
  pipe.writers = 1;
  const end = new PipeEnd(pipe, null);
  return [fileOpen(k, end, O_RDONLY | statusFlags), fileOpen(k, end, O_WRONLY | statusFlags)];
}

/** pipe2(fds, flags): 0 with fds[0] the read end, fds[1] the write end; EINVAL
 *  (unknown flags; O_DIRECT packet mode is not built), ENFILE, EMFILE, EFAULT. */
export function sys_pipe2(k: Kernel, p: Proc, args: Int32Array): number {
  return pipeInto(k, p, args[0], args[1]);
}

/** pipe(fds): pipe2 with no flags. */
export function sys_pipe(k: Kernel, p: Proc, args: Int32Array): number {
  return pipeInto(k, p, args[0], 0);
}

function pipeInto(k: Kernel, p: Proc, fdsAddr: number, flags: number): number {
  if (flags & O_DIRECT) k.warnOnce('pipe2 O_DIRECT', 'pipe2: O_DIRECT (packet mode) is not supported');
  if (flags & ~(O_NONBLOCK | O_CLOEXEC)) return -E.EINVAL;
  const cloexec = (flags & O_CLOEXEC) !== 0;
  const ends = pipeCreate(k, p, flags & O_NONBLOCK);
  if (typeof ends === 'number') return ends;
  const [r, w] = ends;
  const rfd = p.fds.alloc(r, 0, cloexec);
  const wfd = rfd < 0 ? rfd : p.fds.alloc(w, 0, cloexec);
  if (rfd < 0 || wfd < 0) {
    if (rfd < 0) fileClose(k, r);
    else p.fds.close(k, rfd);
    fileClose(k, w);
    return -E.EMFILE;
  }
  if (writeI32s(k, p, fdsAddr, [rfd, wfd]) < 0) {
    p.fds.close(k, rfd);
    p.fds.close(k, wfd);
    return -E.EFAULT;
  }
  return 0;
}
