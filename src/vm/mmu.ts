// One process's page table and its software TLB.
//
// A PTE is an int32: the frame number in bits 12..31 and flags in the low bits.
// The MMU itself looks only at PRESENT and WRITE; COW and SHARED are bookkeeping
// for the kernel (which page to copy on a write fault, which frame belongs to a
// segment). The table has two levels, a 1024-entry directory of 1024-entry tables
// created on first use, so a small process costs a few KiB instead of the 4 MiB of
// a flat table over the 2^20 pages of a 32-bit address space. Each table ends with
// a bitmap of its present entries, and the directory keeps the list of its tables,
// so walking the present pages (fork, exit, munmap) skips the empty ones 32 at a
// time instead of reading all 1024 entries of each table.
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

/** Entries per TLB half: 4 MiB of reach, so that a loop over an array of a few MiB
 *  (a 2 MB sieve) does not miss on every page by conflict; each miss leaves the JS
 *  tier's compiled code for the interpreter. */
export const TLB_SIZE = 1024;
export const TLB_MASK = TLB_SIZE - 1;

const DIR_SHIFT = 10;
const TABLE_SIZE = 1 << DIR_SHIFT;
const TABLE_MASK = TABLE_SIZE - 1;
/** Words of the present bitmap at the end of each table. */
const BITMAP_WORDS = TABLE_SIZE / 32;
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
  /** Directory indexes that have a table, ascending. */
  private readonly tableIndexes: number[] = [];
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
      table = this.addTable(vpn >>> DIR_SHIFT);
    }
    const i = vpn & TABLE_MASK;
    const old = table[i];
    this.present += (pte & PTE_PRESENT) - (old & PTE_PRESENT);
    table[i] = pte;
    if (pte & PTE_PRESENT) table[TABLE_SIZE + (i >> 5)] |= 1 << (i & 31);
    else table[TABLE_SIZE + (i >> 5)] &= ~(1 << (i & 31));
    this.invalidate(vpn);
  }

  clearPte(vpn: number): void {
    this.setPte(vpn, 0);
  }

  /** Calls fn for every present PTE in ascending vpn order; fn may change or clear
   *  the entry it is given. */
  forEachPte(fn: (vpn: number, pte: number) => void): void {
    for (const d of this.tableIndexes) {
      const table = this.directory[d] as Int32Array;
      for (let w = 0; w < BITMAP_WORDS; w++) {
        let bits = table[TABLE_SIZE + w];
        while (bits !== 0) {
          const i = (w << 5) | (31 - Math.clz32(bits & -bits));
          bits &= bits - 1;
          fn((d << DIR_SHIFT) | i, table[i]);
        }
      }
    }
  }

  /** The first vpn in [from, end) whose PTE is present, or -1. */
  nextPresent(from: number, end: number): number {
    for (let d = from >>> DIR_SHIFT, start = from & TABLE_MASK; d << DIR_SHIFT < end && d < TABLE_SIZE; d++, start = 0) {
      const table = this.directory[d];
      if (!table) continue;
      let w = start >> 5;
      let bits = table[TABLE_SIZE + w] & (-1 << (start & 31));
      for (;;) {
        if (bits !== 0) {
          const vpn = (d << DIR_SHIFT) | (w << 5) | (31 - Math.clz32(bits & -bits));
          return vpn < end ? vpn : -1;
        }
        if (++w === BITMAP_WORDS) break;
        bits = table[TABLE_SIZE + w];
      }
    }
    return -1;
  }

  /** Resident pages: PTEs with PRESENT set. */
  presentPages(): number {
    return this.present;
  }

  /** Second-level tables created so far (each costs 4 KiB of host memory). */
  tableCount(): number {
    return this.tables;
  }

  /** Whether page vpn's second-level table exists (a PTE there costs no table). */
  hasTable(vpn: number): boolean {
    return this.directory[vpn >>> DIR_SHIFT] !== null;
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

  /** A new, empty table for directory index d (with its present bitmap). */
  private addTable(d: number): Int32Array {
    const table = new Int32Array(TABLE_SIZE + BITMAP_WORDS);
    this.directory[d] = table;
    this.tables++;
    let at = this.tableIndexes.length;
    while (at > 0 && this.tableIndexes[at - 1] > d) at--;
    this.tableIndexes.splice(at, 0, d);
    return table;
  }

  private invalidate(vpn: number): void {
    const slot = vpn & TLB_MASK;
    if (this.tlbReadTag[slot] === vpn) this.tlbReadTag[slot] = -1;
    if (this.tlbWriteTag[slot] === vpn) this.tlbWriteTag[slot] = -1;
  }
}
