// One process's page table and its software TLB.
//
// A PTE is an int32: the frame number in bits 12..31 and flags in the low bits.
// The MMU itself looks only at PRESENT and WRITE; COW and SHARED are bookkeeping
// for the kernel (which page to copy on a write fault, which frame belongs to a
// segment). The table has two levels, a 1024-entry directory of 1024-entry tables
// created on first use, so a small process costs a few KiB instead of the 4 MiB of
// a flat table over the 2^20 pages of a 32-bit address space.
//
// The TLB is direct mapped and split in a read half and a write half, each a pair of
// Int32Arrays (tag = vpn or -1, base = physical byte address of the page), so the
// interpreter's fast path is one compare and one add. A write entry exists only for a
// present, writable page; every PTE change goes through setPte, which drops that vpn
// from both halves, so the TLB never outlives the table.
import { PAGE_SHIFT, PAGE_SIZE } from '../isa/abi.js';
import type { PhysMem } from './physmem.js';

export const PTE_PRESENT = 1;
export const PTE_WRITE = 2;
export const PTE_COW = 4;
export const PTE_SHARED = 8;

export const TLB_SIZE = 256;
export const TLB_MASK = TLB_SIZE - 1;

const DIR_SHIFT = 10;
const TABLE_SIZE = 1 << DIR_SHIFT;
const TABLE_MASK = TABLE_SIZE - 1;
const VPN_LIMIT = 1 << (32 - PAGE_SHIFT);
const OFFSET_MASK = PAGE_SIZE - 1;
const FRAME_MASK = ~OFFSET_MASK;

export class Mmu {
  readonly mem: PhysMem;
  readonly tlbReadTag = new Int32Array(TLB_SIZE).fill(-1);
  readonly tlbReadBase = new Int32Array(TLB_SIZE);
  readonly tlbWriteTag = new Int32Array(TLB_SIZE).fill(-1);
  readonly tlbWriteBase = new Int32Array(TLB_SIZE);
  private readonly directory: (Int32Array | null)[] = new Array<Int32Array | null>(TABLE_SIZE).fill(null);
  private present = 0;
  private tables = 0;

  constructor(mem: PhysMem) {
    this.mem = mem;
  }

  /** The PTE of page vpn; 0 when there is none. */
  getPte(vpn: number): number {
    const table = this.directory[vpn >>> DIR_SHIFT];
    return table ? table[vpn & TABLE_MASK] : 0;
  }

  /** Installs a PTE (0 removes it) and drops the page from both TLB halves.
   *  Panics on a vpn outside the address space or a present PTE naming no frame. */
  setPte(vpn: number, pte: number): void {
    if (!(Number.isInteger(vpn) && vpn >= 0 && vpn < VPN_LIMIT)) throw new Error(`setPte: vpn ${vpn} out of range`);
    if (pte & PTE_PRESENT) {
      const frame = pte >>> PAGE_SHIFT;
      if (frame === 0 || frame >= this.mem.frameCount) throw new Error(`setPte: frame ${frame} out of range`);
    }
    let table = this.directory[vpn >>> DIR_SHIFT];
    if (!table) {
      if (pte === 0) return;
      table = new Int32Array(TABLE_SIZE);
      this.directory[vpn >>> DIR_SHIFT] = table;
      this.tables++;
    }
    const old = table[vpn & TABLE_MASK];
    this.present += (pte & PTE_PRESENT) - (old & PTE_PRESENT);
    table[vpn & TABLE_MASK] = pte;
    this.invalidate(vpn);
  }

  clearPte(vpn: number): void {
    this.setPte(vpn, 0);
  }

  /** Calls fn for every present PTE in ascending vpn order; fn may change or clear
   *  the entry it is given. */
  forEachPte(fn: (vpn: number, pte: number) => void): void {
    for (let d = 0; d < TABLE_SIZE; d++) {
      const table = this.directory[d];
      if (!table) continue;
      for (let i = 0; i < TABLE_SIZE; i++) {
        const pte = table[i];
        if (pte & PTE_PRESENT) fn((d << DIR_SHIFT) | i, pte);
      }
    }
  }

  /** Resident pages: PTEs with PRESENT set. */
  presentPages(): number {
    return this.present;
  }

  /** Second-level tables created so far (each costs 4 KiB of host memory). */
  tableCount(): number {
    return this.tables;
  }

  flushTlb(): void {
    this.tlbReadTag.fill(-1);
    this.tlbWriteTag.fill(-1);
  }

  /** Physical byte address of the byte at guest address addr, or -1 when the page is
   *  not present or (for a write) not writable. Fills the TLB on success. */
  translate(addr: number, write: boolean): number {
    const vpn = addr >>> PAGE_SHIFT;
    const pte = this.getPte(vpn);
    if ((pte & PTE_PRESENT) === 0) return -1;
    const writable = (pte & PTE_WRITE) !== 0;
    if (write && !writable) return -1;
    const base = pte & FRAME_MASK;
    const slot = vpn & TLB_MASK;
    this.tlbReadTag[slot] = vpn;
    this.tlbReadBase[slot] = base;
    if (writable) {
      this.tlbWriteTag[slot] = vpn;
      this.tlbWriteBase[slot] = base;
    }
    return base + (addr & OFFSET_MASK);
  }

  private invalidate(vpn: number): void {
    const slot = vpn & TLB_MASK;
    if (this.tlbReadTag[slot] === vpn) this.tlbReadTag[slot] = -1;
    if (this.tlbWriteTag[slot] === vpn) this.tlbWriteTag[slot] = -1;
  }
}
