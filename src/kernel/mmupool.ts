// Page tables recycled between the processes of one kernel (Linux keeps caches of
// page-table pages for the same reason). A process that has been reaped leaves an
// empty Mmu -- no present page, its second-level tables still allocated -- and the
// next fork or exec takes it instead of allocating a directory, four TLB arrays and
// the tables afresh: on fork+exit+wait those allocations cost more than the copy.
import { Mmu } from '../vm/mmu.js';
import type { PhysMem } from '../vm/physmem.js';
import { panic } from './panic.js';

/** Empty Mmus kept at most; beyond, a released one is left to the garbage collector. */
const POOL_MAX = 64;
/** An Mmu with more second-level tables than this (4 KiB each) is not kept: a
 *  process that spread its pages over the address space should not leave its
 *  tables allocated for the rest of the run. */
const TABLES_MAX = 16;

export class MmuPool {
  private readonly free: Mmu[] = [];

  /** An empty Mmu over mem: a recycled one when there is one. */
  take(mem: PhysMem): Mmu {
    const mmu = this.free.pop();
    if (!mmu) return new Mmu(mem);
    if (mmu.mem !== mem) panic('MmuPool.take', 'an Mmu of another machine');
    return mmu;
  }

  /** Takes back the Mmu of an address space nothing uses any more (its process was
   *  reaped); it must map nothing. */
  give(mmu: Mmu): void {
    if (mmu.presentPages() !== 0) panic('MmuPool.give', `${mmu.presentPages()} pages still mapped`);
    if (this.free.length >= POOL_MAX || mmu.tableCount() > TABLES_MAX) return;
    mmu.flushTlb();
    this.free.push(mmu);
  }
}
