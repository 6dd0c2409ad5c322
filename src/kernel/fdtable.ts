// A process's descriptor table: small integers naming open file descriptions.
// New descriptors take the lowest free number (POSIX), up to NOFILE (EMFILE).
// Each descriptor has its own FD_CLOEXEC flag (the description's status flags are
// shared; this one is not). fork copies the table, sharing every description (one
// more reference each) and keeping the flags.
//
// pendingOpen: the description a blocked open has already made and counted (a
// FIFO open waiting for its other side, fifo.ts). The table owns that reference,
// so it is released with the table at exit, or by dropPendingOpen when the
// process starts another system call instead of re-running the open.
import { E } from './errno.js';
import { fileClose, fileDup, type OpenFile } from './file.js';
import type { Kernel } from './kernel.js';
import { NOFILE } from './param.js';

export const FD_CLOEXEC = 1;

export class FdTable {
  private readonly slots: (OpenFile | null)[] = [];
  /** FD_CLOEXEC per descriptor. */
  private readonly cloexec: boolean[] = [];
  pendingOpen: OpenFile | null = null;

  /** The description behind fd, or null when fd is not open. */
  get(fd: number): OpenFile | null {
    return Number.isInteger(fd) && fd >= 0 && fd < this.slots.length ? this.slots[fd] : null;
  }

  /** Installs f at the lowest free descriptor >= min. Takes over the caller's
   *  reference. Returns the descriptor or -EMFILE (the caller keeps f then). */
  alloc(f: OpenFile, min = 0, closeOnExec = false): number {
    let fd = min;
    while (fd < this.slots.length && this.slots[fd] !== null) fd++;
    if (fd >= NOFILE) return -E.EMFILE;
    while (this.slots.length <= fd) {
      this.slots.push(null);
      this.cloexec.push(false);
    }
    this.slots[fd] = f;
    this.cloexec[fd] = closeOnExec;
    return fd;
  }

  /** Installs f at fd (0 <= fd < NOFILE) with FD_CLOEXEC clear, closing what was
   *  there (dup2). Takes over the caller's reference. */
  install(k: Kernel, fd: number, f: OpenFile): void {
    while (this.slots.length <= fd) {
      this.slots.push(null);
      this.cloexec.push(false);
    }
    const old = this.slots[fd];
    this.slots[fd] = f;
    this.cloexec[fd] = false;
    if (old) fileClose(k, old);
  }

  /** 0, or -EBADF when fd is not open. */
  close(k: Kernel, fd: number): number {
    const f = this.get(fd);
    if (!f) return -E.EBADF;
    this.slots[fd] = null;
    this.cloexec[fd] = false;
    fileClose(k, f);
    return 0;
  }

  closeAll(k: Kernel): void {
    for (let fd = 0; fd < this.slots.length; fd++) if (this.slots[fd]) this.close(k, fd);
    this.slots.length = 0;
    this.cloexec.length = 0;
    this.dropPendingOpen(k);
  }

  /** Closes every descriptor marked FD_CLOEXEC (execve). */
  closeOnExec(k: Kernel): void {
    for (let fd = 0; fd < this.slots.length; fd++) if (this.cloexec[fd]) this.close(k, fd);
  }

  /** The descriptor flags of an open fd (FD_CLOEXEC or 0). */
  fdFlags(fd: number): number {
    return this.cloexec[fd] ? FD_CLOEXEC : 0;
  }

  setFdFlags(fd: number, flags: number): void {
    this.cloexec[fd] = (flags & FD_CLOEXEC) !== 0;
  }

  /** The lowest descriptor naming f, or -1. */
  fdOf(f: OpenFile): number {
    return this.slots.indexOf(f);
  }

  /** Whether some open descriptor's description satisfies test. */
  some(test: (f: OpenFile) => boolean): boolean {
    return this.slots.some((f) => f !== null && test(f));
  }

  /** Releases the description of an open that will not re-run (see above). */
  dropPendingOpen(k: Kernel): void {
    const f = this.pendingOpen;
    if (!f) return;
    this.pendingOpen = null;
    fileClose(k, f);
  }

  /** The child's copy for fork: same descriptions, one more reference each. */
  fork(): FdTable {
    const copy = new FdTable();
    for (const f of this.slots) copy.slots.push(f ? fileDup(f) : null);
    copy.cloexec.push(...this.cloexec);
    return copy;
  }
}
