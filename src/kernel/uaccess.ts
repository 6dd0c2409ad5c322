// Copies between guest memory and the kernel (Linux's copy_from_user/copy_to_user).
// A page that is not mapped yet is faulted in exactly as the interpreter's access
// would be (demand-zero, copy-on-write, shared segments); an address the guest may
// not touch gives -EFAULT, never an exception and never a signal. If no frame is
// left the process is OOM-killed (the kill lands at its return to user mode) and
// the copy fails with -EFAULT. Bulk copies move a page-sized run at a time.
//
// These run on every system call, so they allocate nothing on their common paths:
// a page the process's TLB already holds needs no page-table walk, a short run is
// copied byte by byte (a typed-array view costs more than the bytes), and a
// caller copying to or from part of a buffer passes an offset, not a subarray.
import { PAGE_SHIFT, PAGE_SIZE } from '../isa/abi.js';
import { TLB_MASK } from '../vm/mmu.js';
import { E } from './errno.js';
import { handlePageFault } from './fault.js';
import type { Kernel } from './kernel.js';
import { oomKill } from './kill.js';
import { panic } from './panic.js';
import { PATH_MAX } from './param.js';
import type { Proc } from './proc.js';
import { PROT_READ, PROT_WRITE } from './vmarea.js';

/** What readI32 returns for an address the guest may not read (not an int32). */
export const BAD_ADDRESS = 2 ** 32;

const OFFSET_MASK = PAGE_SIZE - 1;
const utf8 = new TextDecoder('utf-8');

/** Physical byte address of guest address addr for the access, faulting the page
 *  in if needed; -1 when the guest may not make that access. */
function physical(k: Kernel, p: Proc, addr: number, write: boolean): number {
  const mmu = p.mm.mmu;
  const vpn = addr >>> PAGE_SHIFT;
  const slot = vpn & TLB_MASK;
  if (write) {
    if (mmu.tlbWriteTag[slot] === vpn) return mmu.tlbWriteBase[slot] + (addr & OFFSET_MASK);
  } else if (mmu.tlbReadTag[slot] === vpn) return mmu.tlbReadBase[slot] + (addr & OFFSET_MASK);
  const phys = mmu.translate(addr, write);
  if (phys >= 0) return phys;
  const outcome = handlePageFault(k, p, addr, write);
  if (outcome === 'segv') return -1;
  if (outcome === 'oom') {
    oomKill(k, p);
    return -1;
  }
  const mapped = mmu.translate(addr, write);
  if (mapped < 0) panic('uaccess', `pid ${p.pid}: ${outcome} fault at 0x${addr.toString(16)} left the page unmapped`);
  return mapped;
}

function inRange(addr: number, length: number): boolean {
  return addr + length <= 2 ** 32;
}

/** Runs up to this many bytes are copied byte by byte rather than through a view. */
const SHORT_RUN = 64;

/** Fills dst from guest memory at addr. 0, or -EFAULT (dst partly filled). */
export function copyin(k: Kernel, p: Proc, addr: number, dst: Uint8Array): number {
  return copyinTo(k, p, addr, dst, 0, dst.length);
}

/** Fills dst[at, at + n) from guest memory at addr. 0, or -EFAULT (partly filled). */
export function copyinTo(k: Kernel, p: Proc, addr: number, dst: Uint8Array, at: number, n: number): number {
  const from = addr >>> 0;
  // The common case, small enough for V8 to inline into the caller: a short run
  // within one page the TLB holds (a sembuf, a pipe's byte, a struct).
  const offset = from & OFFSET_MASK;
  const mmu = p.mm.mmu;
  const vpn = from >>> PAGE_SHIFT;
  const slot = vpn & TLB_MASK;
  if (n <= SHORT_RUN && offset + n <= PAGE_SIZE && mmu.tlbReadTag[slot] === vpn) {
    const u8 = k.mem.u8;
    const phys = mmu.tlbReadBase[slot] + offset;
    for (let i = 0; i < n; i++) dst[at + i] = u8[phys + i];
    return 0;
  }
  return copyinPages(k, p, from, dst, at, n);
}

/** copyinTo's general case: page by page, faulting pages in. */
function copyinPages(k: Kernel, p: Proc, addr: number, dst: Uint8Array, at: number, n: number): number {
  let from = addr;
  if (!inRange(from, n)) return -E.EFAULT;
  const u8 = k.mem.u8;
  for (let done = 0; done < n; ) {
    const run = Math.min(n - done, PAGE_SIZE - (from & OFFSET_MASK));
    const phys = physical(k, p, from, false);
    if (phys < 0) return -E.EFAULT;
    if (run <= SHORT_RUN) for (let i = 0, to = at + done; i < run; i++) dst[to + i] = u8[phys + i];
    else dst.set(u8.subarray(phys, phys + run), at + done);
    done += run;
    from += run;
  }
  return 0;
}

/** Writes src to guest memory at addr. 0, or -EFAULT (a prefix may be written). */
export function copyout(k: Kernel, p: Proc, addr: number, src: Uint8Array): number {
  return copyoutFrom(k, p, addr, src, 0, src.length);
}

/** Writes src[at, at + n) to guest memory at addr. 0, or -EFAULT (a prefix may be
 *  written). */
export function copyoutFrom(k: Kernel, p: Proc, addr: number, src: Uint8Array, at: number, n: number): number {
  const to = addr >>> 0;
  // The common case inline, as in copyinTo.
  const offset = to & OFFSET_MASK;
  const mmu = p.mm.mmu;
  const vpn = to >>> PAGE_SHIFT;
  const slot = vpn & TLB_MASK;
  if (n <= SHORT_RUN && offset + n <= PAGE_SIZE && mmu.tlbWriteTag[slot] === vpn) {
    const u8 = k.mem.u8;
    const phys = mmu.tlbWriteBase[slot] + offset;
    for (let i = 0; i < n; i++) u8[phys + i] = src[at + i];
    return 0;
  }
  return copyoutPages(k, p, to, src, at, n);
}

/** copyoutFrom's general case: page by page, faulting pages in. */
function copyoutPages(k: Kernel, p: Proc, addr: number, src: Uint8Array, at: number, n: number): number {
  let to = addr;
  if (!inRange(to, n)) return -E.EFAULT;
  const u8 = k.mem.u8;
  for (let done = 0; done < n; ) {
    const run = Math.min(n - done, PAGE_SIZE - (to & OFFSET_MASK));
    const phys = physical(k, p, to, true);
    if (phys < 0) return -E.EFAULT;
    if (run <= SHORT_RUN) for (let i = 0, from = at + done; i < run; i++) u8[phys + i] = src[from + i];
    else u8.set(src.subarray(at + done, at + done + run), phys);
    done += run;
    to += run;
  }
  return 0;
}

/** The int32 at addr (any alignment), or BAD_ADDRESS. */
export function readI32(k: Kernel, p: Proc, addr: number): number {
  const at = addr >>> 0;
  if ((at & 3) === 0 && inRange(at, 4)) {
    const phys = physical(k, p, at, false);
    return phys < 0 ? BAD_ADDRESS : k.mem.i32[phys >> 2];
  }
  const bytes = new Uint8Array(4);
  if (copyin(k, p, at, bytes) < 0) return BAD_ADDRESS;
  return bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24);
}

/** Stores value at addr (any alignment). 0, or -EFAULT. */
export function writeI32(k: Kernel, p: Proc, addr: number, value: number): number {
  const at = addr >>> 0;
  if ((at & 3) === 0 && inRange(at, 4)) {
    const phys = physical(k, p, at, true);
    if (phys < 0) return -E.EFAULT;
    k.mem.i32[phys >> 2] = value;
    return 0;
  }
  return copyout(k, p, at, new Uint8Array([value, value >>> 8, value >>> 16, value >>> 24]));
}

/** Reads `count` consecutive int32s at addr (a struct of words) into out. False
 *  when any of them cannot be read (out is then partly filled). */
export function readI32s(k: Kernel, p: Proc, addr: number, out: Int32Array | number[], count: number): boolean {
  const at = addr >>> 0;
  if (!inRange(at, 4 * count)) return false;
  if (count > 0 && (at & 3) === 0 && (at & OFFSET_MASK) + 4 * count <= PAGE_SIZE) {
    const phys = physical(k, p, at, false);
    if (phys < 0) return false;
    const i32 = k.mem.i32;
    for (let i = 0, w = phys >> 2; i < count; i++) out[i] = i32[w + i];
    return true;
  }
  for (let i = 0; i < count; i++) {
    const v = readI32(k, p, at + 4 * i);
    if (v === BAD_ADDRESS) return false;
    out[i] = v;
  }
  return true;
}

/** Writes consecutive int32s (a struct of words: timespec, rusage). 0 or -EFAULT. */
export function writeI32s(k: Kernel, p: Proc, addr: number, values: ArrayLike<number>, count = values.length): number {
  const at = addr >>> 0;
  if (count > 0 && (at & 3) === 0 && (at & OFFSET_MASK) + 4 * count <= PAGE_SIZE) {
    const phys = physical(k, p, at, true);
    if (phys < 0) return -E.EFAULT;
    const i32 = k.mem.i32;
    for (let i = 0, w = phys >> 2; i < count; i++) i32[w + i] = values[i];
    return 0;
  }
  if (!inRange(at, 4 * count)) return -E.EFAULT;
  for (let i = 0; i < count; i++) if (writeI32(k, p, at + 4 * i, values[i]) < 0) return -E.EFAULT;
  return 0;
}

/** Reads `count` system call arguments (int32 words at sp) into out. False when
 *  the stack cannot be read. */
export function readArgs(k: Kernel, p: Proc, count: number, out: Int32Array): boolean {
  const sp = p.cpu.sp >>> 0;
  if ((sp & 3) === 0 && (sp & OFFSET_MASK) + 4 * count <= PAGE_SIZE) {
    const phys = physical(k, p, sp, false);
    if (phys < 0) return false;
    const i32 = k.mem.i32;
    for (let i = 0, w = phys >> 2; i < count; i++) out[i] = i32[w + i];
    return true;
  }
  for (let i = 0; i < count; i++) {
    const v = readI32(k, p, sp + 4 * i);
    if (v === BAD_ADDRESS) return false;
    out[i] = v;
  }
  return true;
}

/** The NUL-terminated UTF-8 string at addr: the string, -EFAULT, or
 *  -ENAMETOOLONG when no NUL comes within max bytes. */
export function readString(k: Kernel, p: Proc, addr: number, max = PATH_MAX): string | number {
  let at = addr >>> 0;
  const u8 = k.mem.u8;
  const parts: Uint8Array[] = [];
  let length = 0;
  while (length < max) {
    if (at >= 2 ** 32) return -E.EFAULT;
    const phys = physical(k, p, at, false);
    if (phys < 0) return -E.EFAULT;
    const run = Math.min(max - length, PAGE_SIZE - (at & OFFSET_MASK));
    const chunk = u8.subarray(phys, phys + run);
    const nul = chunk.indexOf(0);
    if (nul >= 0) {
      parts.push(chunk.subarray(0, nul));
      return utf8.decode(parts.length === 1 ? parts[0] : Buffer.concat(parts));
    }
    parts.push(chunk.slice());
    length += run;
    at += run;
  }
  return -E.ENAMETOOLONG;
}

/** True when every byte of [addr, addr + length) lies in areas that allow the
 *  access (checked before a call consumes data it might then fail to store). */
export function accessOk(p: Proc, addr: number, length: number, write: boolean): boolean {
  let at = addr >>> 0;
  const end = at + length;
  if (end > 2 ** 32) return false;
  while (at < end) {
    const area = p.mm.findArea(at);
    if (!area || (area.prot & (write ? PROT_WRITE : PROT_READ)) === 0) return false;
    at = area.end;
  }
  return true;
}
