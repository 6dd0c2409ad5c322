// FIFOs (named pipes, mkfifo): a file system node whose opens meet in one pipe.
// The pipe exists while anyone has the FIFO open and is dropped, with any data it
// still holds, when the last opener closes.
//
// Opening follows Linux's fifo_open. An open counts itself at once as a reader or
// writer of the pipe, then, if it needs a partner that is not there (a blocking
// O_RDONLY open with no writer, or O_WRONLY with no reader), sleeps until the
// other side's open count changes. Because the waiting open is counted, a partner
// that arrives sees it and does not wait, and a reader does not take a writer
// still inside its open for end of file. The counted-but-unfinished description
// is kept in p.fds.pendingOpen: the re-run after wakeup finds it there, and if
// the call is abandoned (a signal, exit) it is released like any closed
// descriptor -- at exit with the table, or when the process makes its next
// system call (syscall.ts) -- so the counts stay right whatever happens.
// O_NONBLOCK: a read-open never waits; a write-open with no reader fails ENXIO.
// O_RDWR is both a reader and a writer and never waits.
import { E } from './errno.js';
import { fileOpen, O_ACCMODE, O_NONBLOCK, O_RDONLY, O_RDWR, O_WRONLY, type OpenFile } from './file.js';
import type { FifoInode } from './inode.js';
import type { Kernel } from './kernel.js';
import { panic } from './panic.js';
import { newPipeSlots, Pipe, PipeEnd } from './pipe.js';
import type { Proc } from './proc.js';
import { sleepOn, wakeup, WaitChannel } from './sleep.js';

export class Fifo {
  /** The pipe its opens share, while any exists. */
  pipe: Pipe | null = null;
  /** Opens ever started on each side (Linux's r_counter and w_counter): a waiting
   *  open completes when the other side's count has moved. */
  readOpens = 0;
  writeOpens = 0;
  /** Opens waiting for their other side. */
  readonly openWait = new WaitChannel('a FIFO open');
}

/** Opens FIFO node (reached by path) with open(2) flags. Returns the new open file
 *  description (the caller installs it), -ENXIO (O_WRONLY|O_NONBLOCK with no
 *  reader), -EINVAL (no access mode), -ENOMEM (the first open, when the user's
 *  pipes are at PIPE_USER_PAGES_HARD), or BLOCKED until the other side opens
 *  (the call then re-runs through fifoResume). */
export function fifoOpen(k: Kernel, p: Proc, node: FifoInode, flags: number, path: string): OpenFile | number {
  const fifo = node.fifo;
  const mode = flags & O_ACCMODE;
  if (mode === O_WRONLY && flags & O_NONBLOCK && (fifo.pipe?.readers ?? 0) === 0) return -E.ENXIO;
  if (mode !== O_RDONLY && mode !== O_WRONLY && mode !== O_RDWR) return -E.EINVAL;
  let pipe = fifo.pipe;
  if (!pipe) {
    const slots = newPipeSlots(k.user, p.cred.euid);
    if (slots === 0) return -E.ENOMEM;
    pipe = new Pipe(node, path, slots, k.user);
    fifo.pipe = pipe;
    k.fs.livePipes.add(pipe);
  }
  if (mode !== O_WRONLY) {
    pipe.readers++;
    fifo.readOpens++;
  }
  if (mode !== O_RDONLY) {
    pipe.writers++;
    fifo.writeOpens++;
  }
  wakeup(k, fifo.openWait);
  const seen = mode === O_RDONLY ? fifo.writeOpens : fifo.readOpens;
  const f = fileOpen(k, new PipeEnd(pipe, fifo, seen), flags);
  const waits = (mode === O_RDONLY && pipe.writers === 0 && !(flags & O_NONBLOCK)) || (mode === O_WRONLY && pipe.readers === 0);
  if (!waits) return f;
  p.fds.pendingOpen = f;
  return sleepForPartner(p, fifo, f);
}

/** The re-run of an open that waited (p.fds.pendingOpen): the description once
 *  the other side has opened since, else BLOCKED again. */
export function fifoResume(p: Proc, pending: OpenFile): OpenFile | number {
  const end = pending.file;
  if (!(end instanceof PipeEnd) || !end.fifo) return panic('fifoResume', `pid ${p.pid}: pending open of ${end.describe()} is not a FIFO's`);
  const fifo = end.fifo;
  const reading = !pending.writable();
  const opensNow = reading ? fifo.writeOpens : fifo.readOpens;
  const partners = reading ? end.pipe.writers : end.pipe.readers;
  if (partners === 0 && opensNow === end.partnerOpensSeen) return sleepForPartner(p, fifo, pending);
  p.fds.pendingOpen = null;
  return pending;
}

function sleepForPartner(p: Proc, fifo: Fifo, f: OpenFile): number {
  const name = f.file.describe();
  const what = f.writable() ? `open(${name}, O_WRONLY): FIFO has no reader` : `open(${name}, O_RDONLY): FIFO has no writer`;
  return sleepOn(p, fifo.openWait, what);
}
