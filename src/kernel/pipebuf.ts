// A pipe's storage, kept as Linux keeps it, because its capacity rules are
// observable: a ring of page-sized slots (16 by default), each holding one run of
// bytes (offset, length) inside its own page. A reader takes bytes from the oldest
// slots and frees each slot it empties; a writer fills new slots a page at a
// time, except that the part of a write below a page (count % 4096) may first be
// appended to the newest slot when it fits whole in that page (Linux's merge).
// So 1024-byte writes fill 64 of them into 64 KiB, but 100-byte writes only 40
// per page, and F_SETPIPE_SZ refuses (EBUSY) to go below the slots in use.
// Bytes move between a slot and guest memory as one typed-array copy per guest
// page (copyinTo/copyoutFrom): a 64 KiB transfer is a handful of copies.
// A slot's page is allocated the first time the slot is filled and kept until the
// pipe goes (so a busy pipe allocates nothing), and a buffer that empties starts
// again at its first slot: a pipe costs the host only the pages its data has
// needed at once, not its capacity.
import { PAGE_SIZE } from '../isa/abi.js';
import { E } from './errno.js';
import type { Kernel } from './kernel.js';
import type { Proc } from './proc.js';
import { copyinTo, copyoutFrom } from './uaccess.js';

export class PipeBuffer {
  /** The page of each slot, null until the slot is first filled. */
  private pages: (Uint8Array | null)[];
  private offsets: Int32Array;
  private lengths: Int32Array;
  /** The oldest occupied slot. */
  private first = 0;
  /** Occupied slots. */
  used = 0;
  /** Bytes held in all slots. */
  bytes = 0;

  constructor(slots: number) {
    this.pages = new Array<Uint8Array | null>(slots).fill(null);
    this.offsets = new Int32Array(slots);
    this.lengths = new Int32Array(slots);
  }

  slots(): number {
    return this.offsets.length;
  }

  full(): boolean {
    return this.used === this.offsets.length;
  }

  private slotAt(i: number): number {
    return (this.first + i) % this.offsets.length;
  }

  /** Moves up to count bytes to guest memory at addr, oldest first, freeing the
   *  slots it empties. The count moved, or -EFAULT if nothing could be. */
  drainTo(k: Kernel, p: Proc, addr: number, count: number): number {
    let moved = 0;
    while (moved < count && this.used > 0) {
      const slot = this.first;
      const n = Math.min(this.lengths[slot], count - moved);
      if (copyoutFrom(k, p, addr + moved, this.pageOf(slot), this.offsets[slot], n) < 0) return moved > 0 ? moved : -E.EFAULT;
      moved += n;
      this.bytes -= n;
      this.offsets[slot] += n;
      this.lengths[slot] -= n;
      if (this.lengths[slot] === 0) {
        this.used--;
        this.first = this.used === 0 ? 0 : (slot + 1) % this.offsets.length;
      }
    }
    return moved;
  }

  /** The page of slot, allocated on first use. */
  private pageOf(slot: number): Uint8Array {
    return this.pages[slot] ?? (this.pages[slot] = new Uint8Array(PAGE_SIZE));
  }

  /** Linux's merge: appends n (< PAGE_SIZE) bytes from addr to the newest slot if
   *  they fit whole in its page. n, 0 when they do not fit, or -EFAULT. */
  appendToLast(k: Kernel, p: Proc, addr: number, n: number): number {
    if (this.used === 0) return 0;
    const slot = this.slotAt(this.used - 1);
    const end = this.offsets[slot] + this.lengths[slot];
    if (end + n > PAGE_SIZE) return 0;
    if (copyinTo(k, p, addr, this.pageOf(slot), end, n) < 0) return -E.EFAULT;
    this.lengths[slot] += n;
    this.bytes += n;
    return n;
  }

  /** Puts n (1..PAGE_SIZE) bytes from addr in a new slot; the caller checked the
   *  buffer is not full. n, or -EFAULT (then no slot is taken). */
  fillNewSlot(k: Kernel, p: Proc, addr: number, n: number): number {
    const slot = this.slotAt(this.used);
    if (copyinTo(k, p, addr, this.pageOf(slot), 0, n) < 0) return -E.EFAULT;
    this.offsets[slot] = 0;
    this.lengths[slot] = n;
    this.used++;
    this.bytes += n;
    return n;
  }

  /** Changes the number of slots, keeping the data (its pages move to the front,
   *  the empty ones are dropped). 0, or -EBUSY when fewer slots than are in use
   *  are asked for. */
  resize(slots: number): number {
    if (slots < this.used) return -E.EBUSY;
    const pages = new Array<Uint8Array | null>(slots).fill(null);
    const offsets = new Int32Array(slots);
    const lengths = new Int32Array(slots);
    for (let i = 0; i < this.used; i++) {
      const slot = this.slotAt(i);
      pages[i] = this.pages[slot];
      offsets[i] = this.offsets[slot];
      lengths[i] = this.lengths[slot];
    }
    this.pages = pages;
    this.offsets = offsets;
    this.lengths = lengths;
    this.first = 0;
    return 0;
  }

  /** What is wrong with the bookkeeping, or null. */
  brokenInvariant(): string | null {
    if (this.used < 0 || this.used > this.offsets.length) return `${this.used} of ${this.offsets.length} slots in use`;
    let sum = 0;
    for (let i = 0; i < this.used; i++) {
      const slot = this.slotAt(i);
      const off = this.offsets[slot];
      const len = this.lengths[slot];
      if (len <= 0 || off < 0 || off + len > PAGE_SIZE) return `slot ${slot} holds [${off}, ${off + len})`;
      sum += len;
    }
    return sum === this.bytes ? null : `${this.bytes} bytes counted, ${sum} held`;
  }
}
