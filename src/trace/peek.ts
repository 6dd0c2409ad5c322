// Reading guest memory for the tracer and the deadlock report without changing
// anything. uaccess.ts faults missing pages in (allocating frames, counting
// faults), which would make a traced run differ from an untraced one; here a page
// that is present is read through its frame, a page of private anonymous memory
// not touched yet reads as the zeros its first fault would give, and anything else
// (unmapped, or a shared page this process has not faulted in) is unreadable: the
// caller prints the address instead, as strace does for memory it cannot read.
import { PAGE_SHIFT, PAGE_SIZE } from '../isa/abi.js';
import type { Kernel } from '../kernel/kernel.js';
import type { Proc } from '../kernel/proc.js';
import { ANON_PRIVATE, PROT_READ } from '../kernel/vmarea.js';
import { PTE_PRESENT } from '../vm/mmu.js';

const OFFSET_MASK = PAGE_SIZE - 1;

/** Physical address of guest byte addr, 0 for a zero page, -1 when unreadable. */
function physical(k: Kernel, p: Proc, addr: number): number {
  const pte = p.mm.mmu.getPte(addr >>> PAGE_SHIFT);
  if (pte & PTE_PRESENT) return ((pte >>> PAGE_SHIFT) << PAGE_SHIFT) + (addr & OFFSET_MASK);
  const area = p.mm.findArea(addr);
  return area && area.backing === ANON_PRIVATE && (area.prot & PROT_READ) !== 0 && pte === 0 ? 0 : -1;
}

/** length bytes at addr, or null when some of them cannot be read. */
export function peekBytes(k: Kernel, p: Proc, addr: number, length: number): Uint8Array | null {
  let at = addr >>> 0;
  if (!p.isAlive() || at + length > 2 ** 32) return null;
  const out = new Uint8Array(length);
  for (let done = 0; done < length; ) {
    const run = Math.min(length - done, PAGE_SIZE - (at & OFFSET_MASK));
    const phys = physical(k, p, at);
    if (phys < 0) return null;
    if (phys > 0) out.set(k.mem.u8.subarray(phys, phys + run), done);
    done += run;
    at += run;
  }
  return out;
}

/** count little-endian int32 words at addr, or null. */
export function peekWords(k: Kernel, p: Proc, addr: number, count: number): Int32Array | null {
  const bytes = peekBytes(k, p, addr, 4 * count);
  if (!bytes) return null;
  const view = new DataView(bytes.buffer);
  return Int32Array.from({ length: count }, (_, i) => view.getInt32(4 * i, true));
}

/** The bytes of the NUL-terminated string at addr (without the NUL), at most max
 *  of them; `complete` is false when no NUL came within max bytes. Null when the
 *  first byte cannot be read. */
export function peekString(k: Kernel, p: Proc, addr: number, max: number): { bytes: Uint8Array; complete: boolean } | null {
  const chunks: Uint8Array[] = [];
  let at = addr >>> 0;
  let length = 0;
  while (length < max) {
    const run = Math.min(max - length, PAGE_SIZE - (at & OFFSET_MASK));
    const chunk = peekBytes(k, p, at, run);
    if (!chunk) return length === 0 ? null : { bytes: concat(chunks), complete: false };
    const nul = chunk.indexOf(0);
    if (nul >= 0) {
      chunks.push(chunk.subarray(0, nul));
      return { bytes: concat(chunks), complete: true };
    }
    chunks.push(chunk);
    length += run;
    at += run;
  }
  return { bytes: concat(chunks), complete: false };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  return chunks.length === 1 ? chunks[0] : new Uint8Array(Buffer.concat(chunks));
}
