// Loading a program: a fresh address space for a Module, laid out as abi.ts says.
//   DATA_BASE  the data image, copied into frames now (area 'data'), then the bss
//              (area 'bss', demand-zero; bss bytes sharing the last data page are
//              already zero), then the heap at the next page boundary (brk).
//   stack      [STACK_TOP - STACK_MAX, STACK_TOP), demand-zero, a PROT_NONE guard
//              area below it; the top holds the argv/envp strings and arrays and
//              the initial frame of _start(argc, argv, envp):
//              [sp] = 0 (return address), [sp+4] = argc, [sp+8] = argv, [sp+12] = envp.
// No area covers the code: TEXT_BASE addresses are code indexes, not memory.
// Used by spawn today and by execve later (which builds the new image completely
// before it gives up the old one).
import { DATA_BASE, MMAP_BASE, PAGE_SHIFT, PAGE_SIZE, STACK_TOP } from '../isa/abi.js';
import type { Module } from '../isa/module.js';
import { makeImage, type Image } from '../vm/image.js';
import { PTE_PRESENT, PTE_WRITE } from '../vm/mmu.js';
import { AddressSpace, pageDown, pageUp } from './addrspace.js';
import { E } from './errno.js';
import type { Kernel } from './kernel.js';
import { ARG_MAX, STACK_MAX } from './param.js';
import { ANON_PRIVATE, PROT_NONE, PROT_READ, PROT_WRITE, VmArea } from './vmarea.js';

export interface LoadedImage {
  mm: AddressSpace;
  image: Image;
  /** Initial stack pointer (the frame of _start). */
  sp: number;
  /** Initial pc: module.entry. */
  pc: number;
}

const STACK_BOTTOM = STACK_TOP - STACK_MAX;
const RW = PROT_READ | PROT_WRITE;

/** Builds the address space of module with these arguments. Returns it, -E2BIG
 *  when argv and envp exceed ARG_MAX, or -ENOMEM when the image does not fit the
 *  address space or physical memory (nothing stays allocated then). */
export function loadImage(k: Kernel, module: Module, argv: readonly string[], envp: readonly string[]): LoadedImage | number {
  const stackBlock = buildArgBlock(argv, envp);
  if (!stackBlock) return -E.E2BIG;
  const dataEnd = DATA_BASE + module.data.length;
  const bssEnd = dataEnd + module.bssSize;
  if (!(module.bssSize >= 0 && bssEnd <= MMAP_BASE)) return -E.ENOMEM;
  const mm = new AddressSpace(k.mmus.take(k.mem), pageUp(bssEnd));
  if (pageUp(dataEnd) > DATA_BASE) mm.addArea(new VmArea(DATA_BASE, pageUp(dataEnd), RW, 'data', ANON_PRIVATE));
  if (pageUp(bssEnd) > pageUp(dataEnd)) mm.addArea(new VmArea(pageUp(dataEnd), pageUp(bssEnd), RW, 'bss', ANON_PRIVATE));
  mm.addArea(new VmArea(STACK_BOTTOM - PAGE_SIZE, STACK_BOTTOM, PROT_NONE, 'guard', ANON_PRIVATE));
  mm.addArea(new VmArea(STACK_BOTTOM, STACK_TOP, RW, 'stack', ANON_PRIVATE));
  const sp = STACK_TOP - stackBlock.length;
  if (!storeEagerly(k, mm, DATA_BASE, module.data) || !storeEagerly(k, mm, sp, stackBlock)) {
    releaseUnowned(mm);
    return -E.ENOMEM;
  }
  return { mm, image: makeImage(module, { jit: k.options.jit }), sp, pc: module.entry };
}

/** The bytes from the initial sp up to STACK_TOP, or null beyond ARG_MAX. */
function buildArgBlock(argv: readonly string[], envp: readonly string[]): Uint8Array | null {
  const encoder = new TextEncoder();
  const strings = [...argv, ...envp].map((s) => encoder.encode(s + '\0'));
  const stringBytes = strings.reduce((n, s) => n + s.length, 0);
  const words = 4 + argv.length + 1 + envp.length + 1;
  // 4 zero bytes at the very top, then the strings, then the word-aligned arrays.
  const size = Math.ceil((4 + stringBytes + 4 * words) / 16) * 16;
  if (size > ARG_MAX) return null;
  const block = new Uint8Array(size);
  const view = new DataView(block.buffer);
  const base = STACK_TOP - size;
  const pointers: number[] = [];
  let at = size - 4;
  for (const s of strings) {
    at -= s.length;
    block.set(s, at);
    pointers.push(base + at);
  }
  const argvAddr = base + 16;
  const envpAddr = argvAddr + 4 * (argv.length + 1);
  const frame = [0, argv.length, argvAddr, envpAddr, ...pointers.slice(0, argv.length), 0, ...pointers.slice(argv.length), 0];
  frame.forEach((word, i) => view.setUint32(4 * i, word >>> 0, true));
  return block;
}

/** Maps fresh frames under [addr, addr + bytes.length) and copies bytes there.
 *  False when a frame cannot be had. */
function storeEagerly(k: Kernel, mm: AddressSpace, addr: number, bytes: Uint8Array): boolean {
  const mem = k.mem;
  for (let page = pageDown(addr); page < addr + bytes.length; page += PAGE_SIZE) {
    const frame = mem.allocFrame();
    if (frame < 0) return false;
    mm.mmu.setPte(page >>> PAGE_SHIFT, (frame << PAGE_SHIFT) | PTE_PRESENT | PTE_WRITE);
    const from = Math.max(addr, page);
    const to = Math.min(addr + bytes.length, page + PAGE_SIZE);
    mem.u8.set(bytes.subarray(from - addr, to - addr), (frame << PAGE_SHIFT) + (from - page));
  }
  return true;
}

/** Frees a half-built address space that no process owns yet. */
function releaseUnowned(mm: AddressSpace): void {
  for (const area of mm.areas) mm.unmapPages(area.start, area.end);
}
