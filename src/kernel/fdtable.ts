// A process's descriptor table: small integers naming open file descriptions.
// New descriptors take the lowest free number (POSIX), up to NOFILE (EMFILE).
// fork copies the table, sharing every description (one more reference each).
import { E } from './errno.js';
import { fileClose, fileDup, type OpenFile } from './file.js';
import type { Kernel } from './kernel.js';
import { NOFILE } from './param.js';

export class FdTable {
  private readonly slots: (OpenFile | null)[] = [];

  /** The description behind fd, or null when fd is not open. */
  get(fd: number): OpenFile | null {
    return Number.isInteger(fd) && fd >= 0 && fd < this.slots.length ? this.slots[fd] : null;
  }

  /** Installs f at the lowest free descriptor >= min. Takes over the caller's
   *  reference. Returns the descriptor or -EMFILE. */
  alloc(f: OpenFile, min = 0): number {
    let fd = min;
    while (fd < this.slots.length && this.slots[fd] !== null) fd++;
    if (fd >= NOFILE) return -E.EMFILE;
    while (this.slots.length <= fd) this.slots.push(null);
    this.slots[fd] = f;
    return fd;
  }

  /** Installs f at fd (0 <= fd < NOFILE), closing what was there (dup2). Takes
   *  over the caller's reference. */
  install(k: Kernel, fd: number, f: OpenFile): void {
    while (this.slots.length <= fd) this.slots.push(null);
    const old = this.slots[fd];
    this.slots[fd] = f;
    if (old) fileClose(k, old);
  }

  /** 0, or -EBADF when fd is not open. */
  close(k: Kernel, fd: number): number {
    const f = this.get(fd);
    if (!f) return -E.EBADF;
    this.slots[fd] = null;
    fileClose(k, f);
    return 0;
  }

  closeAll(k: Kernel): void {
    for (let fd = 0; fd < this.slots.length; fd++) if (this.slots[fd]) this.close(k, fd);
    this.slots.length = 0;
  }

  /** The child's copy for fork: same descriptions, one more reference each. */
  fork(): FdTable {
    const copy = new FdTable();
    for (const f of this.slots) copy.slots.push(f ? fileDup(f) : null);
    return copy;
  }
}
