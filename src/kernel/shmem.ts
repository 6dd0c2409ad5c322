// Shared pages: the memory behind a System V segment or a MAP_SHARED anonymous
// mapping (Linux backs both with shmem). No frame exists until some process first
// touches a page: that fault allocates a zeroed frame and records it here; a later
// fault on the same page, by any attached process, maps the recorded frame. The
// store holds one reference on each of its frames (so data outlives every
// attachment, as a segment's must) and each mapping PTE holds another. A store
// that holds frames is listed in the IPC namespace, for the frame accounting of
// checkInvariants.
//
// The frames are kept in arrays of CHUNK_PAGES pages each, made when a page of the
// chunk is first touched (0: no frame yet; frame 0 is never handed out), so a fault
// is two array reads and writes, allocates nothing but a chunk now and then, and a
// huge segment nobody touches costs nothing. The chunks are plain arrays of small
// integers, on the JS heap: a typed array's memory is off the heap, counted as
// external memory, and with the machine's large buffer each one made during a run
// pushed the collector's incremental marking on (shm_fault: a mark-compact in every
// run instead of every third).
//
// The frames are released from the last page to the first: the free stack then
// hands them out again in page order (ascending on a fresh pool for pages touched
// in order, which the host zeroes at twice the speed of a descending run), and those
// runs of consecutive frames are zeroed at once when they are freed (physmem.ts).
import { PAGE_SHIFT } from '../isa/abi.js';
import { PTE_PRESENT, PTE_SHARED, PTE_WRITE } from '../vm/mmu.js';
import type { Kernel } from './kernel.js';
import type { Proc } from './proc.js';
import type { FaultOutcome } from './vmarea.js';

const CHUNK_SHIFT = 10;
const CHUNK_PAGES = 1 << CHUNK_SHIFT;

export class SharedPages {
  /** Frame of page i at chunks[i >> CHUNK_SHIFT][i % CHUNK_PAGES]; 0 for none. */
  private readonly chunks: (number[] | null)[] = [];
  /** Pages that have a frame. */
  private resident = 0;
  private freed = false;

  constructor(
    /** Pages the store spans. */
    readonly pageCount: number,
  ) {
    for (let c = 0; c < pageCount; c += CHUNK_PAGES) this.chunks.push(null);
  }

  /** Maps page `index` of the store at vpn in p's page table, writable or not. Never
   *  blocks. 'shared-new' when the page got its frame now, 'shared-existing' when
   *  it had one, 'oom' when no frame is left (nothing mapped). */
  mapPage(k: Kernel, p: Proc, vpn: number, index: number, writable: boolean): FaultOutcome {
    if (this.freed || index < 0 || index >= this.pageCount) {
      throw new Error(`SharedPages.mapPage: page ${index} of a ${this.freed ? 'freed ' : ''}store of ${this.pageCount}`);
    }
    const chunk = this.chunks[index >> CHUNK_SHIFT];
    let frame = chunk ? chunk[index & (CHUNK_PAGES - 1)] : 0;
    const outcome: FaultOutcome = frame === 0 ? 'shared-new' : 'shared-existing';
    if (frame === 0) {
      frame = k.mem.allocFrame();
      if (frame < 0) return 'oom';
      if (this.resident++ === 0) k.ipc.shmem.add(this);
      (chunk ?? (this.chunks[index >> CHUNK_SHIFT] = new Array<number>(CHUNK_PAGES).fill(0)))[index & (CHUNK_PAGES - 1)] = frame;
    }
    k.mem.ref(frame);
    p.mm.mmu.setPte(vpn, (frame << PAGE_SHIFT) | PTE_PRESENT | PTE_SHARED | (writable ? PTE_WRITE : 0));
    return outcome;
  }

  /** Pages that have a frame. */
  residentPages(): number {
    return this.resident;
  }

  /** The frames the store holds a reference on, by page (checkInvariants counts
   *  them). */
  heldFrames(): number[] {
    const frames: number[] = [];
    for (const chunk of this.chunks) if (chunk) for (const frame of chunk) if (frame !== 0) frames.push(frame);
    return frames;
  }

  /** Drops the store's references; a frame no process maps any more is free, and
   *  zeroed here, with the others freed now, rather than when it is next allocated. */
  free(k: Kernel): void {
    const since = k.mem.freeFrames();
    for (let c = this.chunks.length - 1; c >= 0; c--) {
      const chunk = this.chunks[c];
      if (chunk) for (let i = CHUNK_PAGES - 1; i >= 0; i--) if (chunk[i] !== 0) k.mem.unref(chunk[i]);
    }
    k.mem.zeroFreedSince(since);
    this.chunks.fill(null);
    this.resident = 0;
    this.freed = true;
    k.ipc.shmem.delete(this);
  }
}
