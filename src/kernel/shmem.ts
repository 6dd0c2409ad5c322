// Shared pages: the memory behind a System V segment or a MAP_SHARED anonymous
// mapping (Linux backs both with shmem). No frame exists until some process first
// touches a page: that fault allocates a zeroed frame and records it here; a later
// fault on the same page, by any attached process, maps the recorded frame. The
// store holds one reference on each of its frames (so data outlives every
// attachment, as a segment's must) and each mapping PTE holds another. A store
// that holds frames is listed in the IPC namespace, for the frame accounting of
// checkInvariants.
import { PAGE_SHIFT } from '../isa/abi.js';
import { PTE_PRESENT, PTE_SHARED, PTE_WRITE } from '../vm/mmu.js';
import type { Kernel } from './kernel.js';
import type { Proc } from './proc.js';
import type { FaultOutcome } from './vmarea.js';

export class SharedPages {
  /** Frame of each page touched so far, by page index. */
  private readonly frames = new Map<number, number>();
  private freed = false;

  constructor(
    /** Pages the store spans. */
    readonly pageCount: number,
  ) {}

  /** Maps page `index` of the store at vpn in p's page table, writable or not. Never
   *  blocks. 'shared-new' when the page got its frame now, 'shared-existing' when
   *  it had one, 'oom' when no frame is left (nothing mapped). */
  mapPage(k: Kernel, p: Proc, vpn: number, index: number, writable: boolean): FaultOutcome {
    if (this.freed || index < 0 || index >= this.pageCount) {
      throw new Error(`SharedPages.mapPage: page ${index} of a ${this.freed ? 'freed ' : ''}store of ${this.pageCount}`);
    }
    let frame = this.frames.get(index);
    const outcome: FaultOutcome = frame === undefined ? 'shared-new' : 'shared-existing';
    if (frame === undefined) {
      frame = k.mem.allocFrame();
      if (frame < 0) return 'oom';
      if (this.frames.size === 0) k.ipc.shmem.add(this);
      this.frames.set(index, frame);
    }
    k.mem.ref(frame);
    p.mm.mmu.setPte(vpn, (frame << PAGE_SHIFT) | PTE_PRESENT | PTE_SHARED | (writable ? PTE_WRITE : 0));
    return outcome;
  }

  /** Pages that have a frame. */
  residentPages(): number {
    return this.frames.size;
  }

  /** The frames the store holds a reference on (checkInvariants counts them). */
  heldFrames(): IterableIterator<number> {
    return this.frames.values();
  }

  /** Drops the store's references; a frame no process maps any more is free. */
  free(k: Kernel): void {
    for (const frame of this.frames.values()) k.mem.unref(frame);
    this.frames.clear();
    this.freed = true;
    k.ipc.shmem.delete(this);
  }
}
