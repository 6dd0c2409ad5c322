// brk: the program break, the top of the heap area (malloc sits on it). Growing
// only moves the area's end (pages come on demand); shrinking unmaps the pages
// above the new end, so growing again gives zeroed pages, as on Linux.
import { MMAP_BASE, PAGE_SIZE } from '../isa/abi.js';
import { pageUp } from './addrspace.js';
import type { Kernel } from './kernel.js';
import type { Proc } from './proc.js';

/** brk(addr): the new break, or the current one when addr is below the heap's
 *  start, would run into the next area or MMAP_BASE, or asks for more pages than
 *  physical memory has (Linux's overcommit heuristic refuses those too). */
export function sys_brk(k: Kernel, p: Proc, args: Int32Array): number {
  const mm = p.mm;
  const want = args[0] >>> 0;
  if (want < mm.startBrk) return mm.brk;
  const newEnd = pageUp(want);
  const heap = mm.heap;
  if (newEnd > heap.end) {
    const limit = Math.min(mm.nextArea(heap.end)?.start ?? MMAP_BASE, MMAP_BASE);
    if (newEnd > limit || (newEnd - heap.start) / PAGE_SIZE > k.mem.frameCount) return mm.brk;
  } else if (newEnd < heap.end) {
    mm.unmapPages(newEnd, heap.end);
  }
  heap.end = newEnd;
  mm.brk = want;
  return want;
}
