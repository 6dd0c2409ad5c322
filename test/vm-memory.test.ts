// Loads, stores and block operations through the MMU: every width, sign and zero
// extension, unaligned and page-crossing accesses, MCPY/MZERO across pages, and
// restartable page faults (no visible effect, success once the page is mapped).
import { describe, expect, it } from 'vitest';
import { DATA_BASE, PAGE_SIZE, STACK_TOP } from '../src/isa/abi.js';
import { Trap } from '../src/vm/cpu.js';
import { PTE_PRESENT, PTE_WRITE } from '../src/vm/mmu.js';
import { machine, mapPage, peek, poke, RO, run, RW, snapshot, SP0, type Machine } from './vm-helpers.js';

const D = DATA_BASE;
const PAGE2 = DATA_BASE + PAGE_SIZE; // second mapped data page
const UNMAPPED = DATA_BASE + 2 * PAGE_SIZE; // first data page not mapped

function finish(m: Machine, budget = 100_000): void {
  expect(run(m, budget)).toBe(Trap.SYSCALL);
}

/** Runs the first `count` instructions, then the next one expecting a fault, and
 *  checks that nothing visible changed. */
function expectRestartableFault(m: Machine, count: number, addr: number, write: boolean): void {
  if (count > 0) expect(run(m, count)).toBe(Trap.BUDGET);
  const before = snapshot(m);
  expect(run(m, 1)).toBe(Trap.PAGE_FAULT);
  expect(m.cpu.trapAddr).toBe(addr >>> 0);
  expect(m.cpu.trapWrite).toBe(write ? 1 : 0);
  const after = snapshot(m);
  expect({ ...after, memory: undefined }).toEqual({ ...before, memory: undefined });
  expect(Buffer.compare(after.memory, before.memory)).toBe(0);
}

describe('loads and stores of each width', () => {
  it('SI/LI round-trip a word and SI keeps a', () => {
    const m = machine(`
      IMM ${D + 8}
      PSH
      IMM -123456
      SI
      SYS 1
      IMM ${D + 8}
      LI
      SYS 2`);
    finish(m);
    expect(m.cpu.a).toBe(-123456);
    expect(peek(m, D + 8)).toBe(-123456);
    expect(m.cpu.sp).toBe(SP0);
    m.cpu.pc += 2;
    finish(m);
    expect(m.cpu.a).toBe(-123456);
  });

  it('SC stores the low byte only; LC sign-extends and LUC zero-extends', () => {
    const m = machine(`
      IMM ${D + 1}
      PSH
      IMM 0x1ff
      SC
      SYS 1
      IMM ${D + 1}
      LC
      SYS 2
      IMM ${D + 1}
      LUC
      SYS 3`);
    poke(m, D, 0x11223344);
    finish(m);
    expect(m.cpu.a).toBe(0x1ff);
    expect(peek(m, D)).toBe(0x1122ff44);
    m.cpu.pc += 2;
    finish(m);
    expect(m.cpu.a).toBe(-1);
    m.cpu.pc += 2;
    finish(m);
    expect(m.cpu.a).toBe(255);
  });

  it('SS stores the low half only; LS sign-extends and LUS zero-extends', () => {
    const m = machine(`
      IMM ${D + 2}
      PSH
      IMM 0x38001
      SS
      IMM ${D + 2}
      LS
      SYS 1
      IMM ${D + 2}
      LUS
      SYS 2`);
    poke(m, D, 0x11223344);
    finish(m);
    expect(peek(m, D)).toBe(0x80013344 | 0);
    expect(m.cpu.a).toBe(-32767);
    m.cpu.pc += 2;
    finish(m);
    expect(m.cpu.a).toBe(0x8001);
  });

  it('unaligned word and half-word accesses inside a page', () => {
    const m = machine(`
      IMM ${D + 5}
      PSH
      IMM 0x0a0b0c0d
      SI
      IMM ${D + 3}
      PSH
      IMM 0xbeef
      SS
      IMM ${D + 5}
      LI
      SYS 1
      IMM ${D + 3}
      LS
      SYS 2`);
    finish(m);
    expect(peek(m, D + 4)).toBe(0x0b0c0dbe); // the SS overwrote D+4
    expect(peek(m, D + 8, 1)).toBe(0x0a);
    expect(peek(m, D + 3, 1)).toBe(0xef);
    expect(m.cpu.a).toBe(0x0a0b0c0d);
    m.cpu.pc += 2;
    finish(m);
    expect(m.cpu.a).toBe(-0x4111); // 0xbeef as a short
  });

  it('page-crossing word and half-word accesses are little endian across the boundary', () => {
    const m = machine(`
      IMM ${PAGE2 - 2}
      PSH
      IMM 0x44332211
      SI
      IMM ${PAGE2 - 1}
      LI
      SYS 1
      IMM ${PAGE2 - 1}
      PSH
      IMM 0xa55a
      SS
      IMM ${PAGE2 - 1}
      LUS
      SYS 2`);
    finish(m);
    expect(peek(m, PAGE2 - 2, 1)).toBe(0x11);
    expect(peek(m, PAGE2 - 1, 1)).toBe(0x22);
    expect(peek(m, PAGE2, 1)).toBe(0x33);
    expect(peek(m, PAGE2 + 1, 1)).toBe(0x44);
    expect(m.cpu.a).toBe(0x00443322);
    m.cpu.pc += 2;
    finish(m);
    expect(m.cpu.a).toBe(0xa55a);
    expect(peek(m, PAGE2 - 1, 1)).toBe(0x5a);
    expect(peek(m, PAGE2, 1)).toBe(0xa5);
  });

  it('the two pages of a crossing access may live in unrelated frames', () => {
    const m = machine(`
      IMM ${UNMAPPED - 3}
      LI
      SYS 1`);
    mapPage(m.mmu, UNMAPPED, RW);
    mapPage(m.mmu, UNMAPPED - 1, RW); // remaps PAGE2 to a fresh frame
    poke(m, UNMAPPED - 3, 0x00ccbbaa, 3);
    poke(m, UNMAPPED, 0xdd, 1);
    finish(m);
    expect(m.cpu.a).toBe(0xddccbbaa | 0);
  });
});

describe('local-variable superinstructions and the stack', () => {
  it('ENT, SLI, LLI, PLI, PIMM, INCL, ALLOC and ADJ', () => {
    const m = machine(`
      ENT 8
      IMM 40
      SLI -4
      INCL -4 2
      PSH
      PLI -4
      PIMM -9
      ALLOC 12
      ADJ 12
      ADD
      ADD
      SLI -8
      LLI -8
      SYS 1`);
    finish(m);
    expect(m.cpu.a).toBe(42 + 42 - 9);
    expect(m.cpu.bp).toBe(SP0 - 4);
    expect(m.cpu.sp).toBe(SP0 - 4 - 8 - 4);
    expect(peek(m, SP0 - 4)).toBe(SP0 | 0); // saved bp
    expect(peek(m, SP0 - 8)).toBe(42);
    expect(peek(m, SP0 - 12)).toBe(75);
  });

  it('INCL wraps and leaves the new value in a', () => {
    const m = machine(`
      INCL 0 -1
      INCL 0 -2147483647
      SYS 1`);
    poke(m, SP0, 0);
    finish(m);
    expect(m.cpu.a).toBe(-2147483648);
    expect(peek(m, SP0)).toBe(-2147483648);
  });

  it('PSH and the pops of binary operators work at unaligned and page-crossing sp', () => {
    const m = machine(`
      IMM 1000
      PSH
      IMM 234
      ADD
      SYS 1`);
    m.cpu.sp = STACK_TOP - PAGE_SIZE + 2; // the pushed word straddles two stack pages
    finish(m);
    expect(m.cpu.a).toBe(1234);
    expect(m.cpu.sp).toBe(STACK_TOP - PAGE_SIZE + 2);
    expect(peek(m, STACK_TOP - PAGE_SIZE - 2)).toBe(1000);
  });
});

describe('MCPY and MZERO', () => {
  it('MCPY copies across page boundaries, pops the destination and leaves it in a', () => {
    const n = 5000;
    const src = D + 100;
    const dst = UNMAPPED + 4000; // spans three pages
    const m = machine(`
      IMM ${dst}
      PSH
      IMM ${src}
      MCPY ${n}
      SYS 1`);
    for (let page = 2; page < 5; page++) mapPage(m.mmu, DATA_BASE + page * PAGE_SIZE, RW);
    for (let i = 0; i < n; i++) poke(m, src + i, (i * 7 + 3) & 0xff, 1);
    poke(m, dst - 1, 0x77, 1);
    poke(m, dst + n, 0x88, 1);
    finish(m);
    expect(m.cpu.a).toBe(dst);
    expect(m.cpu.sp).toBe(SP0);
    for (let i = 0; i < n; i++) expect(peek(m, dst + i, 1)).toBe((i * 7 + 3) & 0xff);
    expect(peek(m, dst - 1, 1)).toBe(0x77);
    expect(peek(m, dst + n, 1)).toBe(0x88);
  });

  it('MCPY of 0 bytes touches nothing but still pops', () => {
    const m = machine(`
      IMM 16
      PSH
      IMM 32
      MCPY 0
      SYS 1`);
    finish(m);
    expect(m.cpu.a).toBe(16);
    expect(m.cpu.sp).toBe(SP0);
  });

  it('MZERO clears exactly n bytes across a page boundary and keeps a', () => {
    const m = machine(`
      IMM ${PAGE2 - 10}
      MZERO 20
      SYS 1`);
    for (let i = -11; i < 11; i++) poke(m, PAGE2 + i, 0xee, 1);
    finish(m);
    expect(m.cpu.a).toBe(PAGE2 - 10);
    expect(peek(m, PAGE2 - 11, 1)).toBe(0xee);
    for (let i = -10; i < 10; i++) expect(peek(m, PAGE2 + i, 1)).toBe(0);
    expect(peek(m, PAGE2 + 10, 1)).toBe(0xee);
  });

  it('MCPY faulting on a later destination page copies nothing, then completes', () => {
    const m = machine(`
      IMM ${PAGE2 + 4090}
      PSH
      IMM ${D}
      MCPY 100
      SYS 1`);
    for (let i = 0; i < 100; i++) poke(m, D + i, i + 1, 1);
    expectRestartableFault(m, 3, UNMAPPED, true);
    mapPage(m.mmu, UNMAPPED, RW);
    finish(m);
    for (let i = 0; i < 100; i++) expect(peek(m, PAGE2 + 4090 + i, 1)).toBe(i + 1);
  });

  it('MCPY faulting on the source reports a read fault', () => {
    const m = machine(`
      IMM ${D}
      PSH
      IMM ${PAGE2 + 4000}
      MCPY 200
      SYS 1`);
    expectRestartableFault(m, 3, UNMAPPED, false);
  });

  it('MZERO into a read-only page faults as a write and clears nothing', () => {
    const m = machine(`
      IMM ${PAGE2 - 8}
      MZERO 16
      SYS 1`);
    m.mmu.setPte(PAGE2 >>> 12, m.mmu.getPte(PAGE2 >>> 12) & ~PTE_WRITE);
    poke(m, PAGE2 - 8, -1);
    expectRestartableFault(m, 1, PAGE2, true);
    expect(peek(m, PAGE2 - 8)).toBe(-1);
  });
});

describe('page faults are restartable', () => {
  it('a load from a non-present page faults with registers unchanged, then succeeds', () => {
    const m = machine(`
      IMM 5
      PSH
      IMM ${UNMAPPED + 8}
      LI
      ADD
      SYS 1`);
    expectRestartableFault(m, 3, UNMAPPED + 8, false);
    expect(m.cpu.pc).toBe(5);
    const frame = mapPage(m.mmu, UNMAPPED, RW);
    m.mem.i32[(frame * PAGE_SIZE + 8) >> 2] = 37;
    finish(m);
    expect(m.cpu.a).toBe(42);
    expect(m.cpu.steps).toBe(6);
  });

  it('a byte load from page 0 faults (NULL)', () => {
    const m = machine(`
      IMM 0
      LC
      SYS 1`);
    expectRestartableFault(m, 1, 0, false);
  });

  it('a write to a read-only page faults with trapWrite=1 until the PTE allows writes', () => {
    const m = machine(`
      IMM ${UNMAPPED + 4}
      LI
      IMM ${UNMAPPED + 4}
      PSH
      IMM 99
      SI
      SYS 1`);
    const frame = mapPage(m.mmu, UNMAPPED, RO);
    poke(m, UNMAPPED + 4, 7);
    expectRestartableFault(m, 5, UNMAPPED + 4, true);
    expect(m.cpu.a).toBe(99);
    expect(peek(m, UNMAPPED + 4)).toBe(7); // the read filled the read TLB only
    m.mmu.setPte(UNMAPPED >>> 12, (frame << 12) | PTE_PRESENT | PTE_WRITE);
    finish(m);
    expect(peek(m, UNMAPPED + 4)).toBe(99);
    expect(m.cpu.sp).toBe(SP0);
  });

  it('SC and SS to a read-only page fault without popping', () => {
    for (const op of ['SC', 'SS']) {
      const m = machine(`
        IMM ${UNMAPPED}
        PSH
        IMM 1
        ${op}
        SYS 1`);
      mapPage(m.mmu, UNMAPPED, RO);
      expectRestartableFault(m, 3, UNMAPPED, true);
    }
  });

  it('a page-crossing store whose second page is missing writes nothing', () => {
    const m = machine(`
      IMM ${UNMAPPED - 2}
      PSH
      IMM -1
      SI
      SYS 1`);
    expectRestartableFault(m, 3, UNMAPPED, true);
    expect(peek(m, UNMAPPED - 2, 2)).toBe(0);
    mapPage(m.mmu, UNMAPPED, RW);
    finish(m);
    expect(peek(m, UNMAPPED - 2, 2)).toBe(0xffff);
    expect(peek(m, UNMAPPED, 2)).toBe(0xffff);
  });

  it('PSH onto a missing stack page leaves sp alone, then pushes after the page is mapped', () => {
    const m = machine(`
      IMM 77
      PSH
      SYS 1`);
    const low = STACK_TOP - 2 * PAGE_SIZE;
    m.cpu.sp = low;
    expectRestartableFault(m, 1, low - 4, true);
    mapPage(m.mmu, low - PAGE_SIZE, RW);
    finish(m);
    expect(m.cpu.sp).toBe(low - 4);
    expect(peek(m, low - 4)).toBe(77);
  });

  it('ENT, CALL and PLI onto a missing stack page fault without effect', () => {
    const low = STACK_TOP - 2 * PAGE_SIZE;
    for (const [source, count] of [
      ['ENT 0\nSYS 1', 0],
      ['.func main\nCALL f\nSYS 1\n.func f\nENT 0\nLEV', 0],
      ['PLI 0\nSYS 1', 0],
      ['PIMM 3\nSYS 1', 0],
    ] as const) {
      const m = machine(source);
      m.cpu.sp = low;
      m.cpu.bp = SP0;
      expectRestartableFault(m, count, low - 4, true);
    }
  });

  it('a store whose target is missing does not pop its address', () => {
    const m = machine(`
      IMM ${UNMAPPED}
      PSH
      IMM 5
      SI
      SYS 1`);
    expectRestartableFault(m, 3, UNMAPPED, true);
    expect(m.cpu.sp).toBe(SP0 - 4);
  });

  it('INCL on a read-only local faults as a write', () => {
    const m = machine(`
      INCL 8 1
      SYS 1`);
    mapPage(m.mmu, UNMAPPED, RO);
    m.cpu.bp = UNMAPPED;
    expectRestartableFault(m, 0, UNMAPPED + 8, true);
  });

  it('the TLB never serves a page after its PTE is cleared or moved', () => {
    const m = machine(`
      loop:
      IMM ${D}
      LI
      SYS 1
      JMP loop`);
    poke(m, D, 11);
    finish(m);
    expect(m.cpu.a).toBe(11);
    const frame = m.mem.allocFrame();
    m.mem.i32[(frame * PAGE_SIZE) >> 2] = 22;
    m.mmu.setPte(D >>> 12, (frame << 12) | PTE_PRESENT | PTE_WRITE);
    m.cpu.pc += 2;
    finish(m);
    expect(m.cpu.a).toBe(22);
    m.mmu.clearPte(D >>> 12);
    m.cpu.pc += 2;
    expect(run(m)).toBe(Trap.PAGE_FAULT);
    expect(m.cpu.trapAddr).toBe(D);
  });
});
