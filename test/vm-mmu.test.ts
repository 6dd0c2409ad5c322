// Mmu: the two-level page table, translation with permissions, and the software TLB.
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE } from '../src/isa/abi.js';
import { Mmu, PTE_COW, PTE_PRESENT, PTE_SHARED, PTE_WRITE, TLB_MASK, TLB_SIZE } from '../src/vm/mmu.js';
import { PhysMem } from '../src/vm/physmem.js';

const RW = PTE_PRESENT | PTE_WRITE;

function fresh(frames = 16): Mmu {
  return new Mmu(new PhysMem(frames * PAGE_SIZE));
}

describe('Mmu page table', () => {
  it('starts empty and creates second-level tables only when needed', () => {
    const mmu = fresh();
    expect(mmu.getPte(0)).toBe(0);
    expect(mmu.getPte(0xfffff)).toBe(0);
    expect(mmu.tableCount()).toBe(0);
    mmu.clearPte(0x12345);
    expect(mmu.tableCount()).toBe(0);
    mmu.setPte(0x3ff, (1 << 12) | RW);
    mmu.setPte(0x000, (2 << 12) | RW);
    expect(mmu.tableCount()).toBe(1);
    mmu.setPte(0x400, (3 << 12) | RW);
    mmu.setPte(0xfffff, (4 << 12) | PTE_PRESENT);
    expect(mmu.tableCount()).toBe(3);
    expect(mmu.getPte(0x3ff)).toBe((1 << 12) | RW);
    expect(mmu.getPte(0x400)).toBe((3 << 12) | RW);
    expect(mmu.getPte(0xfffff)).toBe((4 << 12) | PTE_PRESENT);
    expect(mmu.getPte(0x401)).toBe(0);
  });

  it('keeps the kernel bookkeeping bits', () => {
    const mmu = fresh();
    mmu.setPte(7, (5 << 12) | PTE_PRESENT | PTE_COW | PTE_SHARED);
    expect(mmu.getPte(7) & (PTE_COW | PTE_SHARED)).toBe(PTE_COW | PTE_SHARED);
    expect(mmu.getPte(7) >>> 12).toBe(5);
  });

  it('counts present pages through replace and clear', () => {
    const mmu = fresh();
    mmu.setPte(10, (1 << 12) | RW);
    mmu.setPte(11, (2 << 12) | PTE_PRESENT);
    mmu.setPte(12, PTE_COW); // bookkeeping only, not present
    expect(mmu.presentPages()).toBe(2);
    mmu.setPte(10, (3 << 12) | PTE_PRESENT);
    expect(mmu.presentPages()).toBe(2);
    mmu.clearPte(11);
    mmu.clearPte(11);
    expect(mmu.presentPages()).toBe(1);
    mmu.setPte(12, (4 << 12) | RW);
    expect(mmu.presentPages()).toBe(2);
  });

  it('lists present entries in ascending vpn order and lets the callback clear them', () => {
    const mmu = fresh();
    for (const vpn of [0xbffff, 0x8000, 0x400, 0x3ff, 1]) mmu.setPte(vpn, (2 << 12) | RW);
    mmu.setPte(0x500, PTE_COW);
    const seen: number[] = [];
    mmu.forEachPte((vpn, pte) => {
      expect(pte & PTE_PRESENT).toBe(PTE_PRESENT);
      seen.push(vpn);
      mmu.clearPte(vpn);
    });
    expect(seen).toEqual([1, 0x3ff, 0x400, 0x8000, 0xbffff]);
    expect(mmu.presentPages()).toBe(0);
  });

  it('panics on a vpn outside the address space or a frame outside memory', () => {
    const mmu = fresh(16);
    expect(() => mmu.setPte(0x100000, (1 << 12) | RW)).toThrow('setPte: vpn 1048576 out of range');
    expect(() => mmu.setPte(-1, 0)).toThrow('out of range');
    expect(() => mmu.setPte(5, (16 << 12) | RW)).toThrow('setPte: frame 16 out of range');
    expect(() => mmu.setPte(5, PTE_PRESENT)).toThrow('setPte: frame 0 out of range');
  });
});

describe('Mmu translation and TLB', () => {
  it('translates present pages and enforces write permission', () => {
    const mmu = fresh();
    mmu.setPte(0x8000, (3 << 12) | RW);
    mmu.setPte(0x8001, (4 << 12) | PTE_PRESENT);
    expect(mmu.translate(0x08000123, false)).toBe(3 * PAGE_SIZE + 0x123);
    expect(mmu.translate(0x08000fff, true)).toBe(3 * PAGE_SIZE + 0xfff);
    expect(mmu.translate(0x08001004, false)).toBe(4 * PAGE_SIZE + 4);
    expect(mmu.translate(0x08001004, true)).toBe(-1);
    expect(mmu.translate(0x08002000, false)).toBe(-1);
    expect(mmu.translate(0, false)).toBe(-1);
  });

  it('accepts addresses above 2^31 in signed or unsigned form', () => {
    const mmu = fresh();
    mmu.setPte(0xbffff, (2 << 12) | RW);
    expect(mmu.translate(0xbffffff0, true)).toBe(2 * PAGE_SIZE + 0xff0);
    expect(mmu.translate(0xbffffff0 | 0, true)).toBe(2 * PAGE_SIZE + 0xff0);
  });

  it('fills the read TLB for any present page and the write TLB only for writable ones', () => {
    const mmu = fresh();
    expect(TLB_SIZE & TLB_MASK).toBe(0);
    const rw = 0x8000;
    const ro = 0x8001;
    mmu.setPte(rw, (3 << 12) | RW);
    mmu.setPte(ro, (4 << 12) | PTE_PRESENT);
    expect(mmu.tlbReadTag.every((t) => t === -1)).toBe(true);
    mmu.translate(ro << 12, false);
    expect(mmu.tlbReadTag[ro & TLB_MASK]).toBe(ro);
    expect(mmu.tlbReadBase[ro & TLB_MASK]).toBe(4 * PAGE_SIZE);
    expect(mmu.tlbWriteTag[ro & TLB_MASK]).toBe(-1);
    mmu.translate(rw << 12, false);
    expect(mmu.tlbWriteTag[rw & TLB_MASK]).toBe(rw);
    expect(mmu.tlbWriteBase[rw & TLB_MASK]).toBe(3 * PAGE_SIZE);
  });

  it('drops a page from both TLB halves when its PTE changes or is cleared', () => {
    const mmu = fresh();
    const vpn = 0x8000;
    const other = vpn + TLB_SIZE; // same slot, different page
    mmu.setPte(vpn, (3 << 12) | RW);
    mmu.translate(vpn << 12, true);
    mmu.setPte(other, (5 << 12) | RW);
    expect(mmu.tlbReadTag[vpn & TLB_MASK]).toBe(vpn); // a different vpn in the slot is kept
    mmu.setPte(vpn, (4 << 12) | PTE_PRESENT);
    expect(mmu.tlbReadTag[vpn & TLB_MASK]).toBe(-1);
    expect(mmu.tlbWriteTag[vpn & TLB_MASK]).toBe(-1);
    expect(mmu.translate(vpn << 12, false)).toBe(4 * PAGE_SIZE);
    expect(mmu.translate(vpn << 12, true)).toBe(-1);
    mmu.clearPte(vpn);
    expect(mmu.tlbReadTag[vpn & TLB_MASK]).toBe(-1);
    expect(mmu.translate(vpn << 12, false)).toBe(-1);
  });

  it('flushTlb empties every slot', () => {
    const mmu = fresh();
    for (let vpn = 0x8000; vpn < 0x8004; vpn++) {
      mmu.setPte(vpn, ((vpn - 0x7fff) << 12) | RW);
      mmu.translate(vpn << 12, true);
    }
    mmu.flushTlb();
    expect(mmu.tlbReadTag.every((t) => t === -1)).toBe(true);
    expect(mmu.tlbWriteTag.every((t) => t === -1)).toBe(true);
  });
});

describe('PhysMem frames', () => {
  it('hands out zeroed frames, fresh or recycled, in ascending then most-recently-freed order', () => {
    const mem = new PhysMem(8 * PAGE_SIZE);
    const zero = (frame: number) => mem.u8.subarray(frame * PAGE_SIZE, (frame + 1) * PAGE_SIZE).every((b) => b === 0);
    const a = mem.allocFrame();
    const b = mem.allocFrame();
    expect([a, b]).toEqual([1, 2]);
    expect(zero(a) && zero(b)).toBe(true);
    mem.u8.fill(0xab, a * PAGE_SIZE, (a + 1) * PAGE_SIZE);
    mem.u8[b * PAGE_SIZE + PAGE_SIZE - 1] = 7;
    mem.unref(a);
    mem.unref(b);
    const c = mem.allocFrame();
    const d = mem.allocFrame();
    const e = mem.allocFrame();
    expect([c, d, e]).toEqual([b, a, 3]);
    expect(zero(c) && zero(d) && zero(e)).toBe(true);
    mem.checkInvariants();
  });
});
