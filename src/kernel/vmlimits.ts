// What address spaces cost the host besides their frames, bounded: the areas of
// each process (Linux's vm.max_map_count) and of all of them (VM_AREAS_MAX), and
// the page tables of all of them (PAGE_TABLES_MAX). fork copies both, so without
// the system-wide bounds NPROC processes would multiply what one may have. A call
// that would pass a bound fails with ENOMEM, Linux's error when it runs out of
// memory for them; a page fault that needs a page table past the bound is an
// out-of-memory fault. The totals are summed over the processes when a limit is
// checked (at most NPROC of them), so there is no count to keep in step.
import { E } from './errno.js';
import type { Kernel } from './kernel.js';
import { MAX_MAP_COUNT, PAGE_TABLES_MAX, VM_AREAS_MAX } from './param.js';
import type { Proc } from './proc.js';

function areasOfAll(k: Kernel): number {
  let n = 0;
  for (const q of k.procs.values()) n += q.mm.areas.length;
  return n;
}

/** Page tables of every process, zombies' included (freed when reaped). */
function pageTablesOfAll(k: Kernel): number {
  let n = 0;
  for (const q of k.procs.values()) n += q.mm.mmu.tableCount();
  return n;
}

/** 0 when p may have `more` areas (mmap, shmat, a munmap that cuts an area in
 *  three); -ENOMEM past MAX_MAP_COUNT for p or VM_AREAS_MAX for all. */
export function areaRoom(k: Kernel, p: Proc, more: number): number {
  if (p.mm.areas.length + more > MAX_MAP_COUNT) return -E.ENOMEM;
  return areasOfAll(k) + more > VM_AREAS_MAX ? -E.ENOMEM : 0;
}

/** 0 when a child of p may copy p's areas and page tables; -ENOMEM past
 *  VM_AREAS_MAX or PAGE_TABLES_MAX. */
export function forkRoom(k: Kernel, p: Proc): number {
  if (areasOfAll(k) + p.mm.areas.length > VM_AREAS_MAX) return -E.ENOMEM;
  return pageTablesOfAll(k) + p.mm.mmu.tableCount() > PAGE_TABLES_MAX ? -E.ENOMEM : 0;
}

/** Whether p may map page vpn: true when its page table exists already or one
 *  more keeps all of them within PAGE_TABLES_MAX. */
export function pageTableRoom(k: Kernel, p: Proc, vpn: number): boolean {
  return p.mm.mmu.hasTable(vpn) || pageTablesOfAll(k) < PAGE_TABLES_MAX;
}
