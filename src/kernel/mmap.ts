// mmap and munmap of anonymous memory, and the choice of addresses in the mmap
// region that shmat shares. MAP_PRIVATE regions are ordinary private areas (zeroed
// frames on demand, copy-on-write after fork); MAP_SHARED regions are backed by a
// store of shared pages (shmem.ts), so a parent and its children fault the same
// frames in. munmap of part of a region cuts it, and the rest stays usable.
// Mappings of files answer ENOSYS for now, and say so.
//
// Addresses are picked first fit upward from MMAP_BASE (Linux's legacy layout on
// i386, whose TASK_UNMAPPED_BASE is the same 1 GiB), below the stack's guard page.
import { MMAP_BASE, PAGE_SHIFT, PAGE_SIZE, STACK_TOP } from '../isa/abi.js';
import { pageUp, type AddressSpace } from './addrspace.js';
import { E } from './errno.js';
import type { Kernel } from './kernel.js';
import { MMAP_MIN_ADDR } from './param.js';
import type { Proc } from './proc.js';
import { SharedPages } from './shmem.js';
import { areaRoom } from './vmlimits.js';
import { ANON_PRIVATE, PROT_EXEC, PROT_READ, PROT_WRITE, VmArea, type AreaBacking, type FaultOutcome } from './vmarea.js';

// Flags, Linux's values (sys/mman.h).
export const MAP_SHARED = 0x01;
export const MAP_PRIVATE = 0x02;
export const MAP_SHARED_VALIDATE = 0x03;
export const MAP_TYPE = 0x0f;
export const MAP_FIXED = 0x10;
export const MAP_ANONYMOUS = 0x20;
export const MAP_FIXED_NOREPLACE = 0x100000;

/** The top of user space (i386's TASK_SIZE). */
const TASK_SIZE = STACK_TOP;

/** A MAP_SHARED anonymous region: its pages, shared by every area cut from it and
 *  every copy fork made; freed with the last of them. */
class SharedAnonymous implements AreaBacking {
  private areas = 1;

  constructor(
    readonly pages: SharedPages,
    /** Where the region started: page i of the store is at base + i pages. */
    readonly base: number,
  ) {}

  fault(k: Kernel, p: Proc, area: VmArea, vpn: number): FaultOutcome {
    return this.pages.mapPage(k, p, vpn, vpn - (this.base >>> PAGE_SHIFT), (area.prot & PROT_WRITE) !== 0);
  }

  forked(): void {
    this.areas++;
  }

  split(): void {
    this.areas++;
  }

  released(k: Kernel): void {
    if (--this.areas === 0) this.pages.free(k);
  }
}

/** A free page-aligned range of `length` bytes for a new region: the hint (rounded
 *  up to a page) when it is free, else the lowest gap from MMAP_BASE up. The
 *  address, or -ENOMEM when no gap is large enough. */
export function pickMapAddress(mm: AddressSpace, length: number, hint = 0): number {
  if (hint !== 0) {
    const at = pageUp(hint);
    if (at >= MMAP_MIN_ADDR && at + length <= TASK_SIZE && mm.isFree(at, at + length) && !overlapsHeap(mm, at, length)) return at;
  }
  let at = MMAP_BASE;
  for (const area of mm.areas) {
    if (area.start === area.end || area.end <= at) continue;
    if (area.start >= at + length) break;
    at = area.end;
  }
  return at + length <= TASK_SIZE ? at : -E.ENOMEM;
}

function overlapsHeap(mm: AddressSpace, addr: number, length: number): boolean {
  const heap = mm.heap;
  return heap.start < heap.end && addr < heap.end && addr + length > heap.start;
}

/** Why a fixed region [addr, addr + length) cannot be mapped: EINVAL unaligned,
 *  ENOMEM beyond user space, EPERM below MMAP_MIN_ADDR, ENOMEM over the heap
 *  (whose bounds belong to brk). 0 when it can. */
export function fixedRangeError(mm: AddressSpace, addr: number, length: number): number {
  if (addr % PAGE_SIZE !== 0) return -E.EINVAL;
  if (length > TASK_SIZE || addr > TASK_SIZE - length) return -E.ENOMEM;
  if (addr < MMAP_MIN_ADDR) return -E.EPERM;
  return overlapsHeap(mm, addr, length) ? -E.ENOMEM : 0;
}

/** mmap(addr, length, prot, flags, fd, offset): the region's address, or EINVAL
 *  (length 0, no MAP_SHARED/MAP_PRIVATE, an unaligned offset or fixed address),
 *  ENOMEM (no room, more than physical memory, too many areas: vmlimits.ts),
 *  EPERM, EEXIST (MAP_FIXED_NOREPLACE over a mapping), EBADF, ENOSYS (a file
 *  mapping). The offset is in bytes. PROT_WRITE and PROT_EXEC imply PROT_READ,
 *  as on x86. */
export function sys_mmap(k: Kernel, p: Proc, args: Int32Array): number {
  const hint = args[0] >>> 0;
  const length = args[1] >>> 0;
  const flags = args[3];
  if (args[5] % PAGE_SIZE !== 0) return -E.EINVAL;
  if ((flags & MAP_ANONYMOUS) === 0) {
    if (!p.fds.get(args[4])) return -E.EBADF;
    k.warnOnce('mmap of a file', 'mmap: mappings of files are not implemented yet');
    return -E.ENOSYS;
  }
  if (length === 0) return -E.EINVAL;
  const type = flags & MAP_TYPE;
  if (type !== MAP_SHARED && type !== MAP_PRIVATE && type !== MAP_SHARED_VALIDATE) return -E.EINVAL;
  const size = pageUp(length);
  if (size > TASK_SIZE || size / PAGE_SIZE > k.mem.frameCount) return -E.ENOMEM;
  let addr = hint;
  const fixed = (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) !== 0;
  const room = areaRoom(k, p, fixed && p.mm.cutsInThree(addr, addr + size) ? 2 : 1);
  if (room < 0) return room;
  if (fixed) {
    const error = fixedRangeError(p.mm, addr, size);
    if (error < 0) return error;
    if (!p.mm.isFree(addr, addr + size)) {
      if (flags & MAP_FIXED_NOREPLACE) return -E.EEXIST;
      p.mm.unmapRange(k, p, addr, addr + size);
    }
  } else {
    addr = pickMapAddress(p.mm, size, hint);
    if (addr < 0) return addr;
  }
  let prot = args[2] & (PROT_READ | PROT_WRITE | PROT_EXEC);
  if (prot & (PROT_WRITE | PROT_EXEC)) prot |= PROT_READ;
  const backing = type === MAP_PRIVATE ? ANON_PRIVATE : new SharedAnonymous(new SharedPages(size / PAGE_SIZE), addr);
  p.mm.addArea(new VmArea(addr, addr + size, prot, 'mmap', backing));
  return addr | 0;
}

/** munmap(addr, length): 0, or EINVAL (unaligned, out of user space, length 0),
 *  ENOMEM (cutting an area in three would make too many: vmlimits.ts).
 *  Unmapping where nothing is mapped is not an error. */
export function sys_munmap(k: Kernel, p: Proc, args: Int32Array): number {
  const addr = args[0] >>> 0;
  const length = args[1] >>> 0;
  if (addr % PAGE_SIZE !== 0 || addr > TASK_SIZE || length > TASK_SIZE - addr) return -E.EINVAL;
  const size = pageUp(length);
  if (size === 0) return -E.EINVAL;
  if (p.mm.cutsInThree(addr, addr + size)) {
    const room = areaRoom(k, p, 1);
    if (room < 0) return room;
  }
  p.mm.unmapRange(k, p, addr, addr + size);
  return 0;
}
