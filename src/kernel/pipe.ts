// Pipes: a byte ring (PIPE_SIZE by default, F_SETPIPE_SZ resizes it), the number
// of open read and write ends, and two wait channels. Anonymous pipes (pipe(2))
// and FIFOs (fifo.ts) share all of it; PipeEnd is the File both put behind their
// descriptors.
//
// Linux semantics kept here: a write of at most PIPE_BUF bytes goes in whole or
// not at all (it waits, or gives EAGAIN, until all of it fits), so records of
// several writers never interleave; a larger write puts in what fits and, when
// blocking, sleeps for the rest (its progress lives in p.callProgress across the
// re-runs); with no read end open a write sends SIGPIPE and fails with EPIPE; a
// read returns what is there (partial), 0 once no write end is open, EAGAIN with
// O_NONBLOCK. Bytes move between the ring and guest frames by page-sized typed
// array copies (copyin/copyout): a 64 KiB transfer is a handful of copies.
import { E } from './errno.js';
import { O_NONBLOCK, type File, type OpenFile } from './file.js';
import type { Fifo } from './fifo.js';
import type { FifoInode, PipeInode } from './inode.js';
import type { Kernel } from './kernel.js';
import { postSignal } from './kill.js';
import { PAGE_SIZE } from '../isa/abi.js';
import { panic } from './panic.js';
import { PIPE_BUF, PIPE_MAX_SIZE } from './param.js';
import type { Proc } from './proc.js';
import { SI_USER } from './sigstate.js';
import { SIG } from './signals.js';
import { sleepOn, wakeup, WaitChannel } from './sleep.js';
import { copyin, copyout, writeI32 } from './uaccess.js';

const FIONREAD = 0x541b;

export class Pipe {
  /** Open file descriptions that can read / write it (a FIFO's pending opens too). */
  readers = 0;
  writers = 0;
  /** Bytes held, starting at ring[head] and wrapping around. */
  count = 0;
  private head = 0;
  private ring: Uint8Array;
  /** Readers wait here for data (or for the last writer to go). */
  readonly readWait: WaitChannel;
  /** Writers wait here for room (or for the last reader to go). */
  readonly writeWait: WaitChannel;

  constructor(
    /** What fstat reports: the pipe's own inode, or the FIFO's. */
    readonly inode: PipeInode | FifoInode,
    /** "pipe:[7]" or the FIFO's path, for traces and deadlock reports. */
    readonly name: string,
    capacity: number,
  ) {
    this.ring = new Uint8Array(capacity);
    this.readWait = new WaitChannel(`${name} (read side)`);
    this.writeWait = new WaitChannel(`${name} (write side)`);
  }

  capacity(): number {
    return this.ring.length;
  }

  /** What is wrong with this pipe's bookkeeping, or null (checkInvariants). */
  brokenInvariant(): string | null {
    if (this.count < 0 || this.count > this.ring.length) return `${this.name} holds ${this.count} bytes in ${this.ring.length}`;
    if (this.head < 0 || this.head >= this.ring.length || (this.count === 0 && this.head !== 0)) return `${this.name} head at ${this.head}`;
    if (this.readers < 0 || this.writers < 0 || this.readers + this.writers === 0) {
      return `${this.name} is live with ${this.readers} readers and ${this.writers} writers`;
    }
    return null;
  }

  /** Copies up to count held bytes to guest memory at addr and consumes them.
   *  Returns the count moved, or -EFAULT if none could be. */
  drainTo(k: Kernel, p: Proc, addr: number, count: number): number {
    const n = Math.min(count, this.count);
    const first = Math.min(n, this.ring.length - this.head);
    if (copyout(k, p, addr, this.ring.subarray(this.head, this.head + first)) < 0) return -E.EFAULT;
    let moved = first;
    if (n > first && copyout(k, p, addr + first, this.ring.subarray(0, n - first)) === 0) moved = n;
    this.head = (this.head + moved) % this.ring.length;
    this.count -= moved;
    if (this.count === 0) this.head = 0;
    return moved;
  }

  /** Appends count bytes from guest memory at addr (the caller checked they fit).
   *  Returns count, or -EFAULT (then nothing is appended). */
  fillFrom(k: Kernel, p: Proc, addr: number, count: number): number {
    const cap = this.ring.length;
    if (count > cap - this.count) panic('pipeWrite', `${this.name}: ${count} bytes do not fit in ${cap - this.count}`);
    const tail = (this.head + this.count) % cap;
    const first = Math.min(count, cap - tail);
    if (copyin(k, p, addr, this.ring.subarray(tail, tail + first)) < 0) return -E.EFAULT;
    if (count > first && copyin(k, p, addr + first, this.ring.subarray(0, count - first)) < 0) return -E.EFAULT;
    this.count += count;
    return count;
  }

  /** F_SETPIPE_SZ: Linux rounds up to a power of two of pages (at least one).
   *  The new size, EBUSY if the data held would not fit, EPERM above
   *  PIPE_MAX_SIZE for a user other than root, EINVAL when absurd. */
  resize(bytes: number, euid: number): number {
    const asked = bytes >>> 0;
    if (asked > 2 ** 31) return -E.EINVAL;
    let size = PAGE_SIZE;
    while (size < asked) size *= 2;
    if (size > PIPE_MAX_SIZE && euid !== 0) return -E.EPERM;
    if (size < this.count) return -E.EBUSY;
    if (size !== this.ring.length) {
      const ring = new Uint8Array(size);
      const first = Math.min(this.count, this.ring.length - this.head);
      ring.set(this.ring.subarray(this.head, this.head + first));
      ring.set(this.ring.subarray(0, this.count - first), first);
      this.ring = ring;
      this.head = 0;
    }
    return size;
  }
}

/** The pids of processes holding an end of pipe open for reading (write false)
 *  or writing, for deadlock reports: "pid 4, 5" or "none". */
function holders(k: Kernel, pipe: Pipe, writing: boolean): string {
  const pids: number[] = [];
  for (const q of k.procs.values()) {
    if (!q.isAlive()) continue;
    const holds = q.fds.some((f) => f.file instanceof PipeEnd && f.file.pipe === pipe && (writing ? f.writable() : f.readable()));
    if (holds) pids.push(q.pid);
  }
  return pids.length === 0 ? 'none' : `pid ${pids.join(', ')}`;
}

function callName(p: Proc, f: OpenFile, call: 'read' | 'write', pipe: Pipe): string {
  const fd = p.fds.fdOf(f);
  return `${call}(${fd >= 0 ? `fd ${fd} = ` : ''}${pipe.name})`;
}

/** read on a pipe: the bytes moved (partial: what is there), 0 when empty with no
 *  write end open, -EAGAIN when empty under O_NONBLOCK. Blocks while empty. */
export function pipeRead(k: Kernel, p: Proc, f: OpenFile, pipe: Pipe, addr: number, count: number): number {
  if (pipe.count === 0) {
    if (pipe.writers === 0) return 0;
    if (f.flags & O_NONBLOCK) return -E.EAGAIN;
    return sleepOn(p, pipe.readWait, `${callName(p, f, 'read', pipe)}: no data, writers: ${holders(k, pipe, true)}`);
  }
  const n = pipe.drainTo(k, p, addr, count);
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
  let done = p.callProgress;
  if (pipe.readers === 0) {
    brokenPipe(k, p);
    p.callProgress = 0;
    return done > 0 ? done : -E.EPIPE;
  }
  const room = pipe.capacity() - pipe.count;
  const atomic = count <= PIPE_BUF;
  if (atomic ? room >= count : room > 0) {
    const n = Math.min(room, count - done);
    const put = pipe.fillFrom(k, p, addr + done, n);
    if (put < 0) {
      p.callProgress = 0;
      return done > 0 ? done : put;
    }
    done += put;
    wakeup(k, pipe.readWait);
    if (done === count) {
      p.callProgress = 0;
      return count;
    }
  }
  if (f.flags & O_NONBLOCK) {
    p.callProgress = 0;
    return done > 0 ? done : -E.EAGAIN;
  }
  p.callProgress = done;
  const need = atomic ? `needs ${count} at once` : `${count - done} of ${count} bytes left`;
  const free = pipe.capacity() - pipe.count;
  return sleepOn(p, pipe.writeWait, `${callName(p, f, 'write', pipe)}: ${free} bytes free, ${need}, readers: ${holders(k, pipe, false)}`);
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
      k.fs.livePipes.delete(pipe);
      if (this.fifo?.pipe === pipe) this.fifo.pipe = null;
    }
  }

  describe(): string {
    return this.pipe.name;
  }
}
