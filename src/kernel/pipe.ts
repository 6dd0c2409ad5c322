// Pipes: the storage (pipebuf.ts: 16 page slots by default, F_SETPIPE_SZ resizes
// it), the number of open read and write ends, and two wait channels. Anonymous
// pipes (pipe(2)) and FIFOs (fifo.ts) share all of it; PipeEnd is the File both
// put behind their descriptors. Every pipe's slots are charged to its user's
// account while it lives, with Linux's limits: past PIPE_USER_PAGES_SOFT a new
// pipe gets PIPE_MIN_DEF_BUFFERS pages and F_SETPIPE_SZ may not grow one; past
// PIPE_USER_PAGES_HARD no pipe is made at all.
//
// Linux's pipe_read/pipe_write, step for step: a write of at most PIPE_BUF bytes
// goes in whole or not at all (appended to the newest page, or in a free slot),
// so records of several writers never interleave; a larger write fills what free
// slots there are and, when blocking, sleeps for the rest (its progress lives in
// p.callProgress across the re-runs, and is its result if a signal cuts it
// short); with no read end open a write sends SIGPIPE and fails with EPIPE (or
// returns what it had written); a read returns what is there (partial), 0 once no
// write end is open, EAGAIN with O_NONBLOCK.
import { PAGE_SIZE } from '../isa/abi.js';
import { E } from './errno.js';
import { O_NONBLOCK, type File, type OpenFile } from './file.js';
import type { Fifo } from './fifo.js';
import type { FifoInode, PipeInode } from './inode.js';
import type { Kernel } from './kernel.js';
import { postSignal } from './kill.js';
import { panic } from './panic.js';
import { PIPE_MAX_SIZE, PIPE_MIN_DEF_BUFFERS, PIPE_SIZE, PIPE_USER_PAGES_HARD, PIPE_USER_PAGES_SOFT } from './param.js';
import { PipeBuffer } from './pipebuf.js';
import type { Proc } from './proc.js';
import { SI_USER } from './sigstate.js';
import { SIG } from './signals.js';
import { sleepOn, wakeup, WaitChannel } from './sleep.js';
import { writeI32 } from './uaccess.js';
import type { UserAccount } from './user.js';

const FIONREAD = 0x541b;

/** Page slots for a new pipe of a process with effective uid euid (Linux's
 *  alloc_pipe_info): PIPE_SIZE's, or PIPE_MIN_DEF_BUFFERS once the user's pipes
 *  would pass PIPE_USER_PAGES_SOFT (uid 0 is exempt); 0 when even that would pass
 *  PIPE_USER_PAGES_HARD, and the caller fails (ENFILE for pipe, ENOMEM for a FIFO). */
export function newPipeSlots(account: UserAccount, euid: number): number {
  let slots = PIPE_SIZE / PAGE_SIZE;
  if (account.pipePages + slots > PIPE_USER_PAGES_SOFT && euid !== 0) slots = PIPE_MIN_DEF_BUFFERS;
  return account.pipePages + slots > PIPE_USER_PAGES_HARD ? 0 : slots;
}

export class Pipe {
  /** Open file descriptions that can read / write it (a FIFO's pending opens too). */
  readers = 0;
  writers = 0;
  readonly buffer: PipeBuffer;
  /** Readers wait here for data (or for the last writer to go). */
  readonly readWait: WaitChannel;
  /** Writers wait here for room (or for the last reader to go). */
  readonly writeWait: WaitChannel;
  /** What a sleeper on each channel waits for, in words (the deadlock report
   *  says more: deadlock-explain.ts finds the pipe by its channels). */
  readonly readerWait: string;
  readonly writerWait: string;

  constructor(
    /** What fstat reports: the pipe's own inode, or the FIFO's. */
    readonly inode: PipeInode | FifoInode,
    /** "pipe:[7]" or the FIFO's path, for traces and deadlock reports. */
    readonly name: string,
    /** Page slots (newPipeSlots), charged to account until freePages. */
    slots: number,
    private readonly account: UserAccount,
  ) {
    this.buffer = new PipeBuffer(slots);
    account.pipePages += slots;
    this.readWait = new WaitChannel(`${name} (read side)`);
    this.writeWait = new WaitChannel(`${name} (write side)`);
    this.readerWait = `read(${name}): no data`;
    this.writerWait = `write(${name}): pipe full`;
  }

  /** Bytes held. */
  get count(): number {
    return this.buffer.bytes;
  }

  capacity(): number {
    return this.buffer.slots() * PAGE_SIZE;
  }

  /** What is wrong with this pipe's bookkeeping, or null (checkInvariants). */
  brokenInvariant(): string | null {
    const broken = this.buffer.brokenInvariant();
    if (broken) return `${this.name}: ${broken}`;
    if (this.readers < 0 || this.writers < 0 || this.readers + this.writers === 0) {
      return `${this.name} is live with ${this.readers} readers and ${this.writers} writers`;
    }
    return null;
  }

  /** F_SETPIPE_SZ: Linux rounds up to a power of two of pages (at least one).
   *  The new size, EBUSY if fewer pages than are in use, EINVAL when absurd;
   *  growing fails with EPERM above PIPE_MAX_SIZE or past PIPE_USER_PAGES_SOFT
   *  for a user other than root, and past PIPE_USER_PAGES_HARD for anyone. */
  resize(bytes: number, euid: number): number {
    const asked = bytes >>> 0;
    if (asked > 2 ** 31) return -E.EINVAL;
    let size = PAGE_SIZE;
    while (size < asked) size *= 2;
    const slots = size / PAGE_SIZE;
    const growing = slots > this.buffer.slots();
    if (growing && size > PIPE_MAX_SIZE && euid !== 0) return -E.EPERM;
    const userPages = this.account.pipePages - this.buffer.slots() + slots;
    if (growing && (userPages > PIPE_USER_PAGES_HARD || (userPages > PIPE_USER_PAGES_SOFT && euid !== 0))) return -E.EPERM;
    const resized = this.buffer.resize(slots);
    if (resized < 0) return resized;
    this.account.pipePages = userPages;
    return size;
  }

  /** The last end closed: the pipe's slots leave its user's account. */
  freePages(): void {
    this.account.pipePages -= this.buffer.slots();
  }
}

/** read on a pipe: the bytes moved (partial: what is there), 0 when empty with no
 *  write end open, -EAGAIN when empty under O_NONBLOCK. Blocks while empty. */
export function pipeRead(k: Kernel, p: Proc, f: OpenFile, pipe: Pipe, addr: number, count: number): number {
  if (pipe.buffer.used === 0) {
    if (pipe.writers === 0) return 0;
    if (f.flags & O_NONBLOCK) return -E.EAGAIN;
    return sleepOn(p, pipe.readWait, pipe.readerWait);
  }
  const n = pipe.buffer.drainTo(k, p, addr, count);
  if (n > 0) wakeup(k, pipe.writeWait);
  return n;
}

/** SIGPIPE as Linux sends it for a broken pipe: from the writer to itself. */
function brokenPipe(k: Kernel, p: Proc): void {
  postSignal(k, p, SIG.SIGPIPE, { signo: SIG.SIGPIPE, code: SI_USER, pid: p.pid, uid: p.cred.uid, addr: 0, fault: false });
}

/** write on a pipe: count when all went in; a partial count only for a large
 *  (> PIPE_BUF) write under O_NONBLOCK or cut short by a broken pipe; -EAGAIN,
 *  -EPIPE (with SIGPIPE), -EFAULT. Blocks until all of it is written. */
export function pipeWrite(k: Kernel, p: Proc, f: OpenFile, pipe: Pipe, addr: number, count: number): number {
  const buf = pipe.buffer;
  const before = p.callProgress;
  let done = before;
  if (pipe.readers === 0) {
    brokenPipe(k, p);
    p.callProgress = 0;
    return done > 0 ? done : -E.EPIPE;
  }
  // Only the first run of the call tries the merge, as Linux does before its loop.
  const tail = count & (PAGE_SIZE - 1);
  if (p.blockedSyscall === 0 && tail !== 0) {
    const merged = buf.appendToLast(k, p, addr, tail);
    if (merged < 0) return merged;
    done += merged;
  }
  let failed = 0;
  while (done < count && !buf.full()) {
    const put = buf.fillNewSlot(k, p, addr + done, Math.min(PAGE_SIZE, count - done));
    if (put < 0) {
      failed = put;
      break;
    }
    done += put;
  }
  if (done > before) wakeup(k, pipe.readWait);
  if (done === count || failed < 0 || f.flags & O_NONBLOCK) {
    p.callProgress = 0;
    if (done > 0) return done;
    return failed < 0 ? failed : -E.EAGAIN;
  }
  p.callProgress = done;
  return sleepOn(p, pipe.writeWait, pipe.writerWait);
}

/** The File behind a pipe or FIFO descriptor. An anonymous pipe's two ends share
 *  one PipeEnd (the description's access mode says which end it is); each FIFO
 *  open has its own, remembering how many opens of the other side it had seen. */
export class PipeEnd implements File {
  readonly kind: 'pipe' | 'fifo';

  constructor(
    readonly pipe: Pipe,
    /** The FIFO this pipe belongs to (it drops the pipe when the last end
     *  closes), or null for pipe(2). */
    readonly fifo: Fifo | null,
    /** For a FIFO open waiting for its other side: the other side's open count
     *  when it started to wait (Linux's r_counter/w_counter). */
    readonly partnerOpensSeen = 0,
  ) {
    this.kind = fifo ? 'fifo' : 'pipe';
  }

  get inode(): PipeInode | FifoInode {
    return this.pipe.inode;
  }

  read(k: Kernel, p: Proc, f: OpenFile, addr: number, count: number): number {
    return pipeRead(k, p, f, this.pipe, addr, count);
  }

  write(k: Kernel, p: Proc, f: OpenFile, addr: number, count: number): number {
    return pipeWrite(k, p, f, this.pipe, addr, count);
  }

  ioctl(k: Kernel, p: Proc, _f: OpenFile, request: number, arg: number): number {
    if (request !== FIONREAD) return -E.ENOTTY;
    return writeI32(k, p, arg, this.pipe.count);
  }

  release(k: Kernel, f: OpenFile): void {
    const pipe = this.pipe;
    if (f.readable() && --pipe.readers === 0) wakeup(k, pipe.writeWait);
    if (f.writable() && --pipe.writers === 0) wakeup(k, pipe.readWait);
    if (pipe.readers < 0 || pipe.writers < 0) panic('pipeRelease', `${pipe.name}: ${pipe.readers} readers, ${pipe.writers} writers`);
    if (pipe.readers === 0 && pipe.writers === 0) {
      pipe.freePages();
      k.fs.livePipes.delete(pipe);
      if (this.fifo?.pipe === pipe) this.fifo.pipe = null;
    }
  }

  describe(): string {
    return this.pipe.name;
  }
}
