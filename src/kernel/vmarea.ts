// Virtual memory areas (Linux's vm_area_struct): a process's address space is a
// sorted list of non-overlapping page-aligned ranges, each with its protection, a
// kind (for stats and maps) and a backing that resolves a fault on a page of it.
// Everything not covered by an area is unmapped: an access there is SIGSEGV.
//
// The backing is the hook for every kind of memory: `ANON_PRIVATE` (data, bss,
// heap, stack, MAP_PRIVATE|MAP_ANONYMOUS) hands out zeroed frames on demand;
// shared memory segments and MAP_SHARED mappings (shm.ts, mmap.ts) implement the
// same interface, mapping the frame recorded in their store with PTE_SHARED, and
// use `forked`/`split`/`released` to count the areas attached to it. Copy-on-write
// is not a backing: it is a property of a page (PTE_COW) handled in fault.ts for
// every private area alike.
import { PAGE_SHIFT } from '../isa/abi.js';
import { PTE_PRESENT, PTE_WRITE } from '../vm/mmu.js';
import type { Kernel } from './kernel.js';
import type { Proc } from './proc.js';

// Protection bits, Linux's PROT_* values.
export const PROT_NONE = 0;
export const PROT_READ = 1;
export const PROT_WRITE = 2;
export const PROT_EXEC = 4;

export type AreaKind = 'data' | 'bss' | 'heap' | 'stack' | 'guard' | 'mmap' | 'shm';

/** How a page fault ended. The first four are resolved (the instruction re-runs):
 *  a private page got a zeroed frame, a copy-on-write page its own copy, a shared
 *  page a new frame recorded in its store or the frame the store already had.
 *  'segv' and 'oom' are not resolved. */
export type FaultOutcome = 'demand-zero' | 'cow' | 'shared-new' | 'shared-existing' | 'segv' | 'oom';

export interface AreaBacking {
  /** Maps page vpn of area, which has no present PTE, into p's page table. Called
   *  only when the area's protection allows the access. Never blocks; 'oom' when no
   *  frame is left (nothing is mapped then). */
  fault(k: Kernel, p: Proc, area: VmArea, vpn: number, write: boolean): FaultOutcome;
  /** fork copied `area` into `child` (the PTEs are already copied). */
  forked(k: Kernel, area: VmArea, child: Proc): void;
  /** munmap (or a fixed mapping) cut `area` of p in two: `piece`, with the same
   *  backing, now holds the upper part. */
  split(k: Kernel, area: VmArea, piece: VmArea, p: Proc): void;
  /** The area left p's address space (munmap, shmdt, exec or exit); its pages are
   *  already unmapped. */
  released(k: Kernel, area: VmArea, p: Proc): void;
}

export class VmArea {
  constructor(
    /** First byte, page aligned, as an unsigned number. */
    public start: number,
    /** One past the last byte, page aligned; start === end is an empty area. */
    public end: number,
    public prot: number,
    public readonly kind: AreaKind,
    public readonly backing: AreaBacking,
  ) {}

  describe(): string {
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    const r = this.prot & PROT_READ ? 'r' : '-';
    const w = this.prot & PROT_WRITE ? 'w' : '-';
    return `${hex(this.start)}-${hex(this.end)} ${r}${w} ${this.kind}`;
  }
}

/** Private anonymous memory: a zeroed frame on the first touch of a page. */
export const ANON_PRIVATE: AreaBacking = {
  fault(k: Kernel, p: Proc, area: VmArea, vpn: number): FaultOutcome {
    const frame = k.mem.allocFrame();
    if (frame < 0) return 'oom';
    const flags = area.prot & PROT_WRITE ? PTE_PRESENT | PTE_WRITE : PTE_PRESENT;
    p.mm.mmu.setPte(vpn, (frame << PAGE_SHIFT) | flags);
    return 'demand-zero';
  },
  forked(): void {},
  split(): void {},
  released(): void {},
};
