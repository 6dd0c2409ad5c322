// The slow paths of guest memory access, kept out of the dispatch loop: TLB misses,
// unaligned or page-crossing loads and stores, and the block operations behind MCPY
// and MZERO. The interpreter's inline fast path handles an aligned access to a page
// already in the TLB and calls these for everything else.
//
// Restartability: every operation first translates every page it will touch
// (`probe`), and changes nothing until all of them are mapped with the needed
// permission. A fault therefore leaves memory as it was, and the kernel can map the
// page and re-run the instruction. Guest memory is little endian, byte by byte.
import { PAGE_SIZE } from '../isa/abi.js';
import { Trap, type Cpu } from './cpu.js';
import type { Mmu } from './mmu.js';

const OFFSET_MASK = PAGE_SIZE - 1;

/** Records a page fault at addr in cpu and returns the trap to hand back. */
export function pageFault(cpu: Cpu, addr: number, write: boolean): Trap {
  cpu.trapAddr = addr >>> 0;
  cpu.trapWrite = write ? 1 : 0;
  return Trap.PAGE_FAULT;
}

/** True when every page of [addr, addr + len) is present (and writable for a write);
 *  otherwise records the first faulting address in cpu and returns false. len >= 1. */
export function probe(cpu: Cpu, mmu: Mmu, addr: number, len: number, write: boolean): boolean {
  let at = addr | 0;
  let left = len;
  while (left > 0) {
    if (mmu.translate(at, write) < 0) {
      pageFault(cpu, at, write);
      return false;
    }
    const run = Math.min(left, PAGE_SIZE - (at & OFFSET_MASK));
    left -= run;
    at = (at + run) | 0;
  }
  return true;
}

/** The len (1, 2 or 4) bytes at addr, little endian, as an int32 (zero-extended below
 *  4 bytes). The caller has probed the range. */
export function readBytes(mmu: Mmu, addr: number, len: number): number {
  const u8 = mmu.mem.u8;
  if ((addr & OFFSET_MASK) + len <= PAGE_SIZE) {
    const p = mmu.translate(addr, false);
    if (len === 4) return u8[p] | (u8[p + 1] << 8) | (u8[p + 2] << 16) | (u8[p + 3] << 24);
    if (len === 2) return u8[p] | (u8[p + 1] << 8);
    return u8[p];
  }
  let value = 0;
  for (let i = 0; i < len; i++) value |= u8[mmu.translate((addr + i) | 0, false)] << (i << 3);
  return value;
}

/** Stores the low len bytes of value at addr, little endian. The caller has probed
 *  the range for writing. */
export function writeBytes(mmu: Mmu, addr: number, len: number, value: number): void {
  const u8 = mmu.mem.u8;
  for (let i = 0; i < len; i++) u8[mmu.translate((addr + i) | 0, true)] = value >>> (i << 3);
}

/** MCPY: copies n bytes from src to dst in runs that stay inside one source and one
 *  destination page. memcpy semantics: for overlapping ranges the result is
 *  unspecified (memmove must not be built on it). False (with the fault recorded in
 *  cpu and nothing copied) when a page is missing. */
export function copyBlock(cpu: Cpu, mmu: Mmu, dst: number, src: number, n: number): boolean {
  if (n === 0) return true;
  if (!probe(cpu, mmu, src, n, false) || !probe(cpu, mmu, dst, n, true)) return false;
  const u8 = mmu.mem.u8;
  let s = src | 0;
  let d = dst | 0;
  let left = n;
  while (left > 0) {
    const run = Math.min(left, PAGE_SIZE - (s & OFFSET_MASK), PAGE_SIZE - (d & OFFSET_MASK));
    const ps = mmu.translate(s, false);
    u8.copyWithin(mmu.translate(d, true), ps, ps + run);
    left -= run;
    s = (s + run) | 0;
    d = (d + run) | 0;
  }
  return true;
}

/** MZERO: zeroes n bytes at addr, a page-sized run at a time. False (with the fault
 *  recorded in cpu and nothing written) when a page is missing or read-only. */
export function zeroBlock(cpu: Cpu, mmu: Mmu, addr: number, n: number): boolean {
  if (n === 0) return true;
  if (!probe(cpu, mmu, addr, n, true)) return false;
  const u8 = mmu.mem.u8;
  let at = addr | 0;
  let left = n;
  while (left > 0) {
    const run = Math.min(left, PAGE_SIZE - (at & OFFSET_MASK));
    const p = mmu.translate(at, true);
    u8.fill(0, p, p + run);
    left -= run;
    at = (at + run) | 0;
  }
  return true;
}

