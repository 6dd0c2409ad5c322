// One process's address space (Linux's mm_struct): its page table (the VM's Mmu),
// the sorted list of vm areas, and the program break. It owns the frames its
// present PTEs name: one reference each, dropped when a page is unmapped.
import { PAGE_SHIFT, PAGE_SIZE } from '../isa/abi.js';
import type { Mmu } from '../vm/mmu.js';
import type { Kernel } from './kernel.js';
import { removeAt } from './list.js';
import { panic } from './panic.js';
import type { Proc } from './proc.js';
import { ANON_PRIVATE, PROT_READ, PROT_WRITE, VmArea } from './vmarea.js';

export function pageDown(addr: number): number {
  return addr - (addr % PAGE_SIZE);
}

export function pageUp(addr: number): number {
  return pageDown(addr + PAGE_SIZE - 1);
}

export class AddressSpace {
  readonly mmu: Mmu;
  /** Sorted by start, never overlapping. */
  readonly areas: VmArea[] = [];
  /** The heap area: [startBrk rounded, brk rounded up to a page). */
  readonly heap: VmArea;
  startBrk: number;
  brk: number;

  /** mmu: an empty one (MmuPool.take). */
  constructor(mmu: Mmu, heapStart: number) {
    this.mmu = mmu;
    this.startBrk = heapStart;
    this.brk = heapStart;
    this.heap = new VmArea(heapStart, heapStart, PROT_READ | PROT_WRITE, 'heap', ANON_PRIVATE);
    this.areas.push(this.heap);
  }

  /** The area holding addr (an unsigned address), if any. */
  findArea(addr: number): VmArea | undefined {
    const areas = this.areas;
    let lo = 0;
    let hi = areas.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const area = areas[mid];
      if (addr < area.start) hi = mid - 1;
      else if (addr >= area.end) lo = mid + 1;
      else return area;
    }
    return undefined;
  }

  /** The first area starting at or after addr, if any. */
  nextArea(addr: number): VmArea | undefined {
    return this.areas.find((a) => a.start >= addr && a.end > a.start);
  }

  /** True when no non-empty area intersects [start, end). The non-empty areas are
   *  sorted and disjoint, so only the last one starting below end can. */
  isFree(start: number, end: number): boolean {
    const areas = this.areas;
    let lo = 0;
    let hi = areas.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (areas[mid].start < end) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0; i--) if (areas[i].start !== areas[i].end) return areas[i].end <= start;
    return true;
  }

  /** True when unmapping [start, end) would cut an area in three, leaving one more
   *  area than before (the heap is never cut: see unmapRange). */
  cutsInThree(start: number, end: number): boolean {
    const area = this.findArea(start);
    return area !== undefined && area !== this.heap && area.start < start && area.end > end;
  }

  /** fork: makes this (new) address space's areas copies of parent's, in the same
   *  order and with the same backings, the heap being this one's own. Returns the
   *  copies, index for index with parent.areas. */
  copyAreasFrom(parent: AddressSpace): VmArea[] {
    if (this.areas.length !== 1) panic('copyAreasFrom', 'the address space is not new');
    this.areas.pop();
    for (const area of parent.areas) {
      this.areas.push(area === parent.heap ? this.heap : new VmArea(area.start, area.end, area.prot, area.kind, area.backing));
    }
    return this.areas.slice();
  }

  /** Inserts an area in order; panics when it overlaps one already there. */
  addArea(area: VmArea): void {
    if (!this.isFree(area.start, area.end)) panic('addArea', `${area.describe()} overlaps an existing area`);
    let i = this.areas.length;
    while (i > 0 && this.areas[i - 1].start > area.start) i--;
    this.areas.splice(i, 0, area);
  }

  /** Unmaps the area's pages and removes it from the list. */
  removeArea(k: Kernel, p: Proc, area: VmArea): void {
    // From the end: release removes the last area each time.
    const i = this.areas.lastIndexOf(area);
    if (i < 0) panic('removeArea', `${area.describe()} is not in the address space`);
    this.unmapPages(area.start, area.end);
    removeAt(this.areas, i);
    area.backing.released(k, area, p);
  }

  /** Cuts area in two at page-aligned `at` (strictly inside it); returns the new
   *  upper piece, which shares the backing. */
  splitArea(k: Kernel, p: Proc, area: VmArea, at: number): VmArea {
    if (!(at > area.start && at < area.end && at % PAGE_SIZE === 0)) panic('splitArea', `0x${at.toString(16)} is not inside ${area.describe()}`);
    const piece = new VmArea(at, area.end, area.prot, area.kind, area.backing);
    area.end = at;
    this.areas.splice(this.areas.indexOf(area) + 1, 0, piece);
    area.backing.split(k, area, piece, p);
    return piece;
  }

  /** munmap: removes [start, end) (page aligned) from the address space, cutting
   *  the areas that straddle its ends. The heap only loses its pages there: its
   *  bounds belong to brk. */
  unmapRange(k: Kernel, p: Proc, start: number, end: number): void {
    for (const area of [...this.areas]) {
      if (area.start === area.end || area.end <= start || area.start >= end) continue;
      if (area === this.heap) {
        this.unmapPages(Math.max(start, area.start), Math.min(end, area.end));
        continue;
      }
      const inside = area.start < start ? this.splitArea(k, p, area, start) : area;
      if (inside.end > end) this.splitArea(k, p, inside, end);
      this.removeArea(k, p, inside);
    }
  }

  /** Clears every present PTE in [start, end) and drops its frame reference. */
  unmapPages(start: number, end: number): void {
    const mmu = this.mmu;
    const mem = mmu.mem;
    const last = end >>> PAGE_SHIFT;
    for (let vpn = mmu.nextPresent(start >>> PAGE_SHIFT, last); vpn >= 0; vpn = mmu.nextPresent(vpn + 1, last)) {
      const pte = mmu.getPte(vpn);
      mmu.clearPte(vpn);
      mem.unref(pte >>> PAGE_SHIFT);
    }
  }

  /** Unmaps everything (exit, or exec replacing the image). */
  release(k: Kernel, p: Proc): void {
    while (this.areas.length > 0) this.removeArea(k, p, this.areas[this.areas.length - 1]);
    if (this.mmu.presentPages() !== 0) panic('AddressSpace.release', `${this.mmu.presentPages()} pages mapped outside any area`);
  }

  residentPages(): number {
    return this.mmu.presentPages();
  }
}
