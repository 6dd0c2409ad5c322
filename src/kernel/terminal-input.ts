// Input from the host's terminal, read without stopping the VM. When the guest's
// stdin is a terminal (an interactive `ipcvm sh` or `ipcvm run`), a read that finds
// nothing typed yet sleeps on `arrived` like any blocking read, and the other
// processes (background jobs) go on; the kernel's run loop polls the terminal each
// time it hands the host's event loop a turn (kernel.ts run) and wakes the sleepers
// when a line came in. A terminal read never waits in the host: the host side is
// a second, non-blocking file description of the same terminal.
//
// Input from a pipe or a file is not read this way: there the whole VM waits in
// the host's read, which keeps runs deterministic (console.ts).
import { closeSync, openSync, readSync, constants } from 'node:fs';
import { E } from './errno.js';
import type { Kernel } from './kernel.js';
import { WaitChannel, wakeup } from './sleep.js';

/** Nothing typed yet: the answer of a TerminalSource that would have to wait. */
export const NOT_YET = 'not yet';

/** The host side of a terminal: what has been typed, without waiting. */
export interface TerminalSource {
  /** Up to max bytes typed so far; an empty array at end of input (Ctrl-D at the
   *  start of a line: the next read waits again, as on a terminal); NOT_YET when
   *  nothing was typed; null when the terminal cannot be read (the guest gets EIO). */
  readNow(max: number): Uint8Array | null | typeof NOT_YET;
  close(): void;
}

/** Bytes the kernel takes from the terminal at a time (one line, usually). */
const CHUNK = 4096;

/** Host milliseconds between looks at the terminal while every process waits. */
export const TERMINAL_POLL_MS = 20;

export class TerminalInput {
  /** Readers of the terminal with nothing to read yet. */
  readonly arrived = new WaitChannel('input from the terminal');
  /** Typed but not yet read by the guest; an empty array is one end of input. */
  private pending: Uint8Array | null = null;
  /** The terminal could not be read: every read from now on gets EIO. */
  private broken = false;

  constructor(private readonly source: TerminalSource) {}

  /** A read of up to count bytes: bytes, an empty array at end of input, -EIO, or
   *  null when nothing was typed yet (the caller sleeps on `arrived`). */
  take(count: number): Uint8Array | number | null {
    const data = this.pending ?? this.fetch();
    if (data === null) return -E.EIO;
    if (data === NOT_YET) return null;
    const n = Math.min(count, data.length);
    this.pending = n < data.length ? data.subarray(n) : null;
    return data.subarray(0, n);
  }

  /** True when some reader is waiting for the terminal: the run is not deadlocked,
   *  it waits for the person at the keyboard. */
  awaited(): boolean {
    return this.arrived.sleepers.length > 0;
  }

  /** Called by the run loop at each turn of the host's event loop: wakes the
   *  waiting readers when something was typed. */
  poll(k: Kernel): void {
    if (!this.awaited()) return;
    if (this.pending === null) {
      const data = this.fetch();
      if (data === NOT_YET) return;
      // A broken terminal wakes the readers too: their calls re-run and get EIO.
      this.pending = data;
    }
    wakeup(k, this.arrived);
  }

  close(): void {
    this.source.close();
  }

  private fetch(): Uint8Array | null | typeof NOT_YET {
    const data = this.broken ? null : this.source.readNow(CHUNK);
    if (data === null) this.broken = true;
    return data;
  }
}

/** The host's own terminal on fd 0, reopened non-blocking (a separate file
 *  description: the host's fd 0 keeps its flags); undefined when it cannot be. */
export function hostTerminal(): TerminalSource | undefined {
  let fd: number;
  try {
    fd = openSync('/proc/self/fd/0', constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch {
    return undefined;
  }
  return {
    readNow(max: number): Uint8Array | null | typeof NOT_YET {
      const buf = new Uint8Array(max);
      try {
        return buf.subarray(0, readSync(fd, buf, 0, max, null));
      } catch (e) {
        const code = typeof e === 'object' && e !== null && 'code' in e ? e.code : '';
        if (code === 'EAGAIN' || code === 'EINTR') return NOT_YET;
        return code === 'EOF' ? buf.subarray(0, 0) : null;
      }
    },
    close(): void {
      closeSync(fd);
    },
  };
}
