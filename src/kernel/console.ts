// The console: descriptors 0, 1 and 2 of the first processes, bound to the host's
// stdin, stdout and stderr (or to the callbacks a test injects). Reads of a pipe
// or file block the whole VM in the host's read, which keeps runs deterministic;
// reads of a terminal sleep in the kernel while the rest runs (terminal-input.ts);
// writes go straight out, unbuffered: buffering is the guest C library's job.
// isatty is answered by TCGETS, true only when the host stream is a terminal.
import { readSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import { E } from './errno.js';
import { O_NONBLOCK, type File, type OpenFile } from './file.js';
import type { DeviceInode } from './inode.js';
import type { Kernel, KernelOptions } from './kernel.js';
import { postSignal } from './kill.js';
import type { Proc } from './proc.js';
import { kernelInfo, SI_KERNEL } from './sigstate.js';
import { SIG } from './signals.js';
import { sleepOn } from './sleep.js';
import type { TerminalInput } from './terminal-input.js';
import { foregroundIoctl, TIOCGPGRP, TIOCSPGRP } from './ttyctl.js';
import { copyin, copyout } from './uaccess.js';

export type ConsoleStream = 0 | 1 | 2;

/** The host side of the console. */
export interface HostIo {
  /** Up to max bytes of input; an empty array at end of input; null when the host
   *  cannot read (the guest gets EIO). May block. */
  read(max: number): Uint8Array | null;
  /** Writes all of bytes to stream 1 or 2; false when the host stream is closed
   *  or broken (the guest then gets EPIPE and SIGPIPE). */
  write(stream: ConsoleStream, bytes: Uint8Array): boolean;
  isatty(stream: ConsoleStream): boolean;
}

const TCGETS = 0x5401;
const TIOCGWINSZ = 0x5413;

/** struct termios (i386) of a terminal in its usual cooked mode: ICRNL|IXON,
 *  OPOST|ONLCR, B38400|CS8|CREAD, ISIG|ICANON|ECHO|ECHOE|ECHOK|ECHOCTL|ECHOKE|IEXTEN,
 *  line discipline 0, then c_cc (VINTR ^C, VQUIT ^\, VERASE DEL, VKILL ^U, VEOF ^D,
 *  VTIME 0, VMIN 1). */
function cookedTermios(): Uint8Array {
  const bytes = new Uint8Array(36);
  const view = new DataView(bytes.buffer);
  [0x500, 0x5, 0xbf, 0x8a3b].forEach((flag, i) => view.setUint32(4 * i, flag, true));
  bytes.set([3, 0x1c, 0x7f, 0x15, 4, 0, 1], 17);
  return bytes;
}

export class ConsoleFile implements File {
  readonly kind = 'console';

  constructor(
    readonly stream: ConsoleStream,
    private readonly host: HostIo,
  ) {}

  read(k: Kernel, p: Proc, f: OpenFile, addr: number, count: number): number {
    if (this.stream !== 0) return -E.EBADF;
    const terminal = k.terminal;
    let data: Uint8Array | number | null;
    if (terminal) {
      const refused = backgroundRead(k, p, terminal);
      if (refused !== 0) return refused;
      data = terminal.take(count);
      if (data === null) return f.flags & O_NONBLOCK ? -E.EAGAIN : sleepOn(p, terminal.arrived, 'input from the terminal');
    } else {
      data = this.host.read(count) ?? -E.EIO;
    }
    if (typeof data === 'number') return data;
    const n = Math.min(data.length, count);
    return copyout(k, p, addr, data.subarray(0, n)) < 0 ? -E.EFAULT : n;
  }

  write(k: Kernel, p: Proc, _f: OpenFile, addr: number, count: number): number {
    if (this.stream === 0) return -E.EBADF;
    const src = k.scratch.subarray(0, count);
    if (copyin(k, p, addr, src) < 0) return -E.EFAULT;
    // --max-output (limits.ts): what goes beyond it is not written; the run stops.
    const allowed = k.limits.allowOutput(count);
    if (allowed === 0) return -E.EFBIG;
    if (this.host.write(this.stream, src.subarray(0, allowed))) return allowed;
    postSignal(k, p, SIG.SIGPIPE, { signo: SIG.SIGPIPE, code: SI_KERNEL, pid: 0, uid: 0, addr: 0, fault: false });
    return -E.EPIPE;
  }

  ioctl(k: Kernel, p: Proc, _f: OpenFile, request: number, arg: number): number {
    if (!this.host.isatty(this.stream)) return -E.ENOTTY;
    switch (request) {
      case TCGETS:
        return copyout(k, p, arg, cookedTermios());
      case TIOCGWINSZ:
        return copyout(k, p, arg, new Uint8Array([24, 0, 80, 0, 0, 0, 0, 0]));
      case TIOCGPGRP:
      case TIOCSPGRP:
        return foregroundIoctl(k, p, request, arg);
      default:
        return -E.ENOTTY;
    }
  }

  release(): void {}

  describe(): string {
    return ['console (stdin)', 'console (stdout)', 'console (stderr)'][this.stream];
  }
}

/** A read of the terminal by a process outside its foreground group, once a shell
 *  has taken the terminal (Linux's job-control check): -EIO when the process
 *  ignores or blocks SIGTTIN, else SIGTTIN to its whole group and the read restarts
 *  after the group is continued (sleepOn sees the signal: syscall.ts restarts the
 *  call). 0 for a foreground reader. */
function backgroundRead(k: Kernel, p: Proc, terminal: TerminalInput): number {
  if (k.foregroundPgid === 0 || p.pgid === k.foregroundPgid) return 0;
  if (p.sig.isIgnored(SIG.SIGTTIN) || p.sig.blocked.has(SIG.SIGTTIN)) return -E.EIO;
  for (const q of k.procs.values()) if (q.pgid === p.pgid && q.isAlive()) postSignal(k, q, SIG.SIGTTIN, kernelInfo(SIG.SIGTTIN));
  return sleepOn(p, terminal.arrived, 'input from the terminal');
}

/** /dev/null: reads see end of file, writes vanish, seeks stay at 0. */
export class NullFile implements File {
  readonly kind = 'null';

  constructor(readonly inode?: DeviceInode) {}

  read(): number {
    return 0;
  }

  write(_k: Kernel, _p: Proc, _f: OpenFile, _addr: number, count: number): number {
    return count;
  }

  ioctl(): number {
    return -E.ENOTTY;
  }

  seek(f: OpenFile): number {
    f.offset = 0;
    return 0;
  }

  release(): void {}

  describe(): string {
    return '/dev/null';
  }
}

/** Waits about ms milliseconds without returning to the event loop. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
}

/** The host process's own fds 0, 1, 2. A non-blocking host fd is polled. */
export const HOST_IO: HostIo = {
  read(max: number): Uint8Array | null {
    const buf = new Uint8Array(max);
    for (;;) {
      try {
        return buf.subarray(0, readSync(0, buf, 0, max, null));
      } catch (e) {
        if (errorCode(e) === 'EAGAIN') pause(5);
        else if (errorCode(e) === 'EOF') return buf.subarray(0, 0);
        else return null;
      }
    }
  },
  write(stream: ConsoleStream, bytes: Uint8Array): boolean {
    for (let done = 0; done < bytes.length; ) {
      try {
        done += writeSync(stream, bytes, done, bytes.length - done);
      } catch (e) {
        if (errorCode(e) === 'EAGAIN') pause(5);
        else return false;
      }
    }
    return true;
  },
  isatty(stream: ConsoleStream): boolean {
    return isatty(stream);
  },
};

/** The console's host side: injected callbacks where given, else the host's fds. */
export function hostIoFor(o: Pick<KernelOptions, 'stdout' | 'stderr' | 'stdin' | 'terminal'>): HostIo {
  const writers = [undefined, o.stdout, o.stderr];
  return {
    read: o.stdin ?? HOST_IO.read,
    write(stream: ConsoleStream, bytes: Uint8Array): boolean {
      const writer = writers[stream];
      if (!writer) return HOST_IO.write(stream, bytes);
      writer(bytes);
      return true;
    },
    isatty(stream: ConsoleStream): boolean {
      if (stream === 0 && o.terminal) return true;
      const injected = stream === 0 ? o.stdin : writers[stream];
      return !injected && HOST_IO.isatty(stream);
    },
  };
}
