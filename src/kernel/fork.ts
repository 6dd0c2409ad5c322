// fork: a new process sharing everything copy-on-write. The cost is one pass over
// the parent's page table, never a byte of memory: every private writable page is
// marked PTE_COW (read-only) in both tables and its frame gets one more reference;
// pages of shared segments (PTE_SHARED) and read-only pages are simply shared.
// The first write on either side faults and copies (fault.ts).
import { PAGE_SHIFT } from '../isa/abi.js';
import { SYS_LENGTH } from '../vm/cpu.js';
import { PTE_COW, PTE_SHARED, PTE_WRITE } from '../vm/mmu.js';
import { AddressSpace } from './addrspace.js';
import type { Kernel } from './kernel.js';
import { Proc } from './proc.js';
import type { VmArea } from './vmarea.js';
import { forkRoom } from './vmlimits.js';

/** The child's address space: same areas, every page shared or copy-on-write.
 *  `copies[i]` is the child's copy of parent.areas[i]. */
function copyAddressSpace(k: Kernel, parent: AddressSpace): { mm: AddressSpace; copies: VmArea[] } {
  const child = new AddressSpace(k.mmus.take(k.mem), parent.startBrk);
  child.brk = parent.brk;
  child.heap.end = parent.heap.end;
  const copies = child.copyAreasFrom(parent);
  const mem = k.mem;
  const from = parent.mmu;
  const to = child.mmu;
  from.forEachPte((vpn, pte) => {
    let shared = pte;
    if ((pte & PTE_SHARED) === 0 && (pte & (PTE_WRITE | PTE_COW)) !== 0) {
      shared = (pte & ~PTE_WRITE) | PTE_COW;
      if (shared !== pte) from.setPte(vpn, shared);
    }
    to.setPte(vpn, shared);
    mem.ref(pte >>> PAGE_SHIFT);
  });
  return { mm: child, copies };
}

/** Creates p's child, runnable, returning from the same fork with 0. Returns the
 *  child, -EAGAIN when the process table is full, or -ENOMEM when the copy of p's
 *  areas or page tables would pass the system's bounds (vmlimits.ts). */
export function forkProc(k: Kernel, p: Proc): Proc | number {
  const pid = k.allocPid();
  if (pid < 0) return pid;
  const room = forkRoom(k, p);
  if (room < 0) return room;
  const { mm, copies } = copyAddressSpace(k, p.mm);
  const child = new Proc(pid, p.name, p.cred, mm, p.image, p.fds.fork(), k.user);
  child.ppid = p.pid;
  child.pgid = p.pgid;
  child.sid = p.sid;
  child.cwd = p.cwd;
  child.argv = p.argv;
  child.cpu.copyFrom(p.cpu);
  child.cpu.a = 0;
  child.cpu.pc += SYS_LENGTH;
  child.sig.inheritFrom(p.sig);
  child.stats.peakResidentPages = child.mm.residentPages();
  p.mm.areas.forEach((area, i) => area.backing.forked(k, copies[i], child));
  p.children.push(child);
  k.addProc(child);
  return child;
}

/** fork(): the child's pid in the parent, 0 in the child; EAGAIN at the limit of
 *  processes, ENOMEM at that of areas or page tables. */
export function sys_fork(k: Kernel, p: Proc): number {
  const child = forkProc(k, p);
  return typeof child === 'number' ? child : child.pid;
}

