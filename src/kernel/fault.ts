// Page faults: the interpreter (or a kernel copy in uaccess.ts) touched a page that
// is not present, or wrote to one that is not writable. The area holding the
// address decides: its backing maps a missing page (demand-zero, or a shared
// segment's frame), a write to a copy-on-write page gets its own copy, and anything
// else (no area, or the access is not allowed) is a segmentation fault. A page
// whose page table would pass PAGE_TABLES_MAX (vmlimits.ts) is out of memory too.
// The caller turns 'segv' into SIGSEGV and 'oom' into the OOM kill (kill.ts).
import { PAGE_SHIFT, PAGE_SIZE } from '../isa/abi.js';
import { PTE_COW, PTE_PRESENT, PTE_WRITE, type Mmu } from '../vm/mmu.js';
import type { PhysMem } from '../vm/physmem.js';
import type { Kernel } from './kernel.js';
import { panic } from './panic.js';
import type { Proc } from './proc.js';
import { TRACING } from './tracing-build.js';
import { PROT_READ, PROT_WRITE, type FaultOutcome } from './vmarea.js';
import { pageTableRoom } from './vmlimits.js';

/** Resolves a fault of p at addr (unsigned). Never blocks. On a resolved outcome
 *  the access succeeds when retried. */
export function handlePageFault(k: Kernel, p: Proc, addr: number, write: boolean): FaultOutcome {
  const outcome = resolveFault(k, p, addr >>> 0, write);
  switch (outcome) {
    case 'demand-zero':
      p.stats.faultsDemandZero++;
      p.notePeakResident();
      break;
    case 'shared-new':
      p.stats.faultsSharedNew++;
      p.notePeakResident();
      break;
    case 'shared-existing':
      p.stats.faultsSharedExisting++;
      p.notePeakResident();
      break;
    case 'cow':
      p.stats.faultsCow++;
      break;
    case 'segv':
    case 'oom':
      break;
    default: {
      const never: never = outcome;
      panic('handlePageFault', `unknown outcome ${String(never)}`);
    }
  }
  if (TRACING) k.observer?.fault?.(p, addr >>> 0, write, outcome);
  return outcome;
}

function resolveFault(k: Kernel, p: Proc, addr: number, write: boolean): FaultOutcome {
  const area = p.mm.findArea(addr);
  if (!area || (area.prot & (write ? PROT_WRITE : PROT_READ)) === 0) return 'segv';
  const vpn = addr >>> PAGE_SHIFT;
  const pte = p.mm.mmu.getPte(vpn);
  if ((pte & PTE_PRESENT) === 0) return pageTableRoom(k, p, vpn) ? area.backing.fault(k, p, area, vpn, write) : 'oom';
  if (write && (pte & PTE_COW) !== 0) return breakCow(k.mem, p.mm.mmu, vpn, pte);
  return panic('handlePageFault', `pid ${p.pid}: ${write ? 'write' : 'read'} fault at 0x${addr.toString(16)} on a page mapped 0x${pte.toString(16)}`);
}

/** A write to a copy-on-write page: the last sharer takes the frame over; the
 *  others copy it to a new frame and drop their reference to the old one. */
function breakCow(mem: PhysMem, mmu: Mmu, vpn: number, pte: number): FaultOutcome {
  const frame = pte >>> PAGE_SHIFT;
  const flags = ((pte & ~PTE_COW) | PTE_WRITE) & (PAGE_SIZE - 1);
  if (mem.refCount(frame) === 1) {
    mmu.setPte(vpn, (frame << PAGE_SHIFT) | flags);
    return 'cow';
  }
  const copy = mem.allocFrame();
  if (copy < 0) return 'oom';
  const from = frame << PAGE_SHIFT;
  mem.u8.copyWithin(copy << PAGE_SHIFT, from, from + PAGE_SIZE);
  mmu.setPte(vpn, (copy << PAGE_SHIFT) | flags);
  mem.unref(frame);
  return 'cow';
}
