// The skeleton of a generated function (the JS tier; the blocks inside it come from
// jit-compile.ts and jit-ops.ts): its prologue, the loops that run the blocks, the
// handlers of what the blocks leave to it, and its epilogue; and the checks of stack
// words it makes before a block (or a loop unit) runs.
//
//   out: for (;;) {
//     [a loop unit with a fixed frame: check its stack words, else SLOW the next block]
//     run: for (;;) { switch (blk) { case 0: ... case 1: ... } }
//     [handlers, by act: page refill, SLOW (the interpreter runs the rest of a block),
//      a SYS (to the kernel's gate in place, or out with the trap), a call of another
//      unit's code]
//   }
//   [epilogue: registers and budget back to the JitMachine]
//
// `run` makes no calls and carries only the registers, the budget and the page caches
// from block to block, so that V8 keeps them in machine registers and what it knows of
// the arrays; whatever needs more leaves it with `act` set (and pc, n, ... as the
// handler needs) and comes back through `out`. Every exit is constant assignments and
// a break: code that first runs after V8 optimised the function must not need type
// feedback, or V8 throws the optimised code away.
import { Trap } from './cpu.js';
import { TLB_MASK } from './mmu.js';
import { LOW_BUDGET, RESUME, RETURNED } from './jit-exits.js';

/** Compiled frames nested on the JS stack before a call goes through the driver
 *  instead (bounds the JS stack whatever the guest's recursion depth). */
export const MAX_JS_DEPTH = 64;

/** What the blocks left `run` for. */
export const ACT = {
  /** The interpreter runs n instructions from pc (the rest of a block, already taken
   *  from the budget; runBlock gives back those not run). */
  SLOW: 1,
  /** Cache the page of bp + k / sp + k and run the block `back` again (REFILL_BP is
   *  CACHE.bp.refill, REFILL_SP CACHE.sp.refill). */
  REFILL_BP: 2,
  REFILL_SP: 3,
  /** Call the compiled code of `callee`; `ret` is the call's return site, the start of
   *  the unit's block `site` (-1: not a block of the unit). */
  CALL: 4,
  /** blk is not a block of the unit. */
  BAD_ENTRY: 5,
  /** The SYS at pc (counted, the last instruction of its block) for the kernel. */
  SYS: 6,
} as const;

/** A stack register. */
export type StackReg = 'sp' | 'bp';

/** Per stack register, the locals of its page cache (guest address of the page, 1
 *  when none; physical base), of its offset from that page, and of its word index in
 *  i32; and the act that refills the cache. */
export const CACHE = {
  bp: { page: 'pb', phys: 'hb', offset: 'o', index: 'qb', refill: ACT.REFILL_BP },
  sp: { page: 'ps', phys: 'hs', offset: 'y', index: 'qs', refill: ACT.REFILL_SP },
} as const;

/** The lowest offset and the limit of the range check of words at these offsets. */
function range(offsets: readonly number[]): { lo: number; limit: number } {
  const lo = Math.min(...offsets);
  return { lo, limit: 4092 - (Math.max(...offsets) - lo) };
}

/** Lines checking that the words a block uses at `offsets` from reg's block-start
 *  value lie in reg's cached page and reg is aligned, and setting its word index;
 *  on failure ACT.REFILL_* caches the page of the lowest word (if the write TLB has it
 *  and it is another page) and runs the block again, else ACT.SLOW runs it. `slow`:
 *  the exit to SLOW from the block start. */
export function blockCheck(reg: StackReg, offsets: readonly number[], start: number, count: number, caseNumber: number, slow: string): string[] {
  if (offsets.length === 0) return [];
  const { lo, limit } = range(offsets);
  const c = CACHE[reg];
  if (limit < 0) return [slow];
  const retry = `{ pc = ${start}; n = ${count}; k = ${lo}; back = ${caseNumber}; act = ${c.refill}; break run; }`;
  return [
    `${c.offset} = (${reg} - ${c.page}) | 0;`,
    `if (((${c.offset} + ${lo}) >>> 0) > ${limit} || (${c.offset} & 3) !== 0) ${retry}`,
    `${c.index} = (${c.phys} + ${c.offset}) >> 2;`,
  ];
}

/** For a unit with a fixed frame: the check, made whenever `run` is entered, that every
 *  stack word the unit uses (offsets from sp's and bp's values at its first block: x
 *  and y) lies in the cached page of its register (refilled from the write TLB) and the
 *  registers are aligned; `bases` sets qb/qs for the whole unit. Null when the words
 *  span over a page. */
export function frameCheck(used: Readonly<Record<StackReg, readonly number[]>>): { prepare: string; test: string; bases: string } | null {
  const parts = (['bp', 'sp'] as const).flatMap((reg) => {
    if (used[reg].length === 0) return [];
    return [{ reg, ...range(used[reg]), value: reg === 'bp' ? 'y' : 'x', offset: reg === 'bp' ? 'o' : 'k' }];
  });
  if (parts.some((p) => p.limit < 0)) return null;
  const inPage = (p: (typeof parts)[number]): string => `((${p.offset} + ${p.lo}) >>> 0) <= ${p.limit} && (${p.offset} & 3) === 0`;
  const prepare = parts.map((p) => {
    const c = CACHE[p.reg];
    return (
      `${p.offset} = (${p.value} - ${c.page}) | 0; ` +
      `if (!(${inPage(p)})) { vpn = (${p.value} + ${p.lo}) >>> 12; s = vpn & ${TLB_MASK}; if (wTag[s] === vpn) { ${c.page} = vpn << 12; ${c.phys} = wBase[s]; ${p.offset} = (${p.value} - ${c.page}) | 0; } }`
    );
  });
  const test = parts.map(inPage).join(' && ') || 'true';
  const bases = parts.map((p) => `${CACHE[p.reg].index} = (${CACHE[p.reg].phys} + ${p.offset}) >> 2;`).join(' ');
  return { prepare: prepare.join('\n'), test, bases };
}

/** For a unit with a fixed frame: the check of its words before `run` (which is then
 *  inside an if); when it fails, the interpreter runs the block about to start. The
 *  tables (names): sp's and bp's offsets, the start and the length of each block. */
export function frameEntry(check: { prepare: string; test: string; bases: string }, tables: { sp: string; bp: string; starts: string; counts: string }, blocks: number): string[] {
  const { sp, bp, starts, counts } = tables;
  return [
    `if (blk >>> 0 >= ${blocks}) throw new Error(\`compiled code entered at \${pc}, not a block start\`);`,
    `x = (sp - ${sp}[blk]) | 0; y = (bp - ${bp}[blk]) | 0;`,
    check.prepare,
    `if (!(${check.test})) {`,
    `if (left < ${counts}[blk]) { pc = ${starts}[blk]; give = 0; why = ${LOW_BUDGET}; break; }`,
    `left = (left - ${counts}[blk]) | 0; pc = ${starts}[blk]; n = ${counts}[blk]; act = ${ACT.SLOW};`,
    '} else {',
    check.bases,
  ];
}

/** What goes into a generated function besides the skeleton. */
export interface UnitParts {
  name: string;
  /** The memory views are read from the JitMachine (else constants of the factory). */
  sharedMemory: boolean;
  /** Factory-scope declarations (constant tables). */
  tables: readonly string[];
  /** Known-stack temporaries, and accesses with a page cache of their own. */
  temps: number;
  sites: number;
  /** Sets blk from pc (the entry). */
  dispatch: readonly string[];
  /** frameEntry's lines, or none. */
  frame: readonly string[];
  /** The cases of the blocks. */
  body: readonly string[];
  /** Goes on (`continue out`) at the block starting at pc, if it is one of the unit's. */
  continueAtPc: string;
}

/** The source of the factory `(rt) => function (m, entry)` of a unit. */
export function unitSource(u: UnitParts): string {
  const temps = Array.from({ length: u.temps }, (_, i) => `, t${i} = 0`).join('');
  const sites = Array.from({ length: u.sites }, (_, n) => `, c${n} = -1, h${n} = 0`).join('');
  const refill = (reg: StackReg): string => {
    const c = CACHE[reg];
    return (
      `if (act === ${c.refill}) { x = (${reg} + k) | 0; vpn = x >>> 12; s = vpn & ${TLB_MASK}; ` +
      `if (wTag[s] === vpn && ${c.page} !== vpn << 12) { ${c.page} = vpn << 12; ${c.phys} = wBase[s]; left = (left + n) | 0; blk = back; continue; } act = ${ACT.SLOW}; }`
    );
  };
  // After the kernel may have changed page tables (a SYS or a fault handled in place,
  // also in a callee: fork's copy-on-write, munmap): the stack pages again from the
  // TLB (which the kernel keeps right), every access's page cache empty.
  const recache = [
    `vpn = bp >>> 12; s = vpn & ${TLB_MASK}; if (wTag[s] === vpn) { pb = vpn << 12; hb = wBase[s]; } else pb = 1;`,
    `vpn = sp >>> 12; s = vpn & ${TLB_MASK}; if (wTag[s] === vpn) { ps = vpn << 12; hs = wBase[s]; } else ps = 1;`,
    ...Array.from({ length: u.sites }, (_, n) => `c${n} = -1;`),
  ].join(' ');
  return [
    '"use strict";',
    'const runBlock = rt.runBlock, kernelCall = rt.kernelCall;',
    ...(u.sharedMemory ? [] : ['const u8 = rt.u8, u16 = rt.u16, i32 = rt.i32;']),
    'const entries = rt.entries, isEntry = rt.isEntry, isReturnSite = rt.isReturnSite;',
    ...u.tables,
    `return function ${u.name}(m, entry) {`,
    u.sharedMemory ? 'const cpu = m.cpu, mmu = m.mmu, u8 = m.u8, u16 = m.u16, i32 = m.i32;' : 'const cpu = m.cpu, mmu = m.mmu;',
    'const rTag = m.rTag, rBase = m.rBase, wTag = m.wTag, wBase = m.wBase;',
    'let sp = m.sp | 0, bp = m.bp | 0, a = m.a | 0, left = m.left | 0, pc = entry | 0, why = 0, give = 0, n = 0, k = 0, back = 0;',
    'let pb = 1, hb = 0, ps = 1, hs = 0, o = 0, y = 0, qb = 0, qs = 0, act = 0, callee = 0, ret = 0, site = 0, g = null;',
    `let x = 0, vpn = 0, s = 0, b = 0, blk = -1${temps}${sites};`,
    ...u.dispatch,
    `vpn = bp >>> 12; s = vpn & ${TLB_MASK}; if (wTag[s] === vpn) { pb = vpn << 12; hb = wBase[s]; }`,
    `vpn = sp >>> 12; s = vpn & ${TLB_MASK}; if (wTag[s] === vpn) { ps = vpn << 12; hs = wBase[s]; }`,
    'out: for (;;) {',
    ...u.frame,
    'run: for (;;) {',
    'switch (blk) {',
    ...u.body,
    `default: act = ${ACT.BAD_ENTRY}; break run;`,
    '}',
    '}',
    ...(u.frame.length === 0 ? [] : ['}']),
    `if (act === ${ACT.BAD_ENTRY}) throw new Error(\`compiled code entered at \${pc}, not a block start\`);`,
    refill('bp'),
    refill('sp'),
    `if (act === ${ACT.SLOW}) {`,
    'm.sp = sp; m.bp = bp; m.a = a; m.left = left;',
    'why = runBlock(m, pc, n);',
    'sp = m.sp; bp = m.bp; a = m.a; left = m.left; pc = m.pc; give = 0;',
    `if (m.flush !== 0) { m.flush = 0; ${recache} }`,
    'if (why !== 0) break;',
    u.continueAtPc,
    `why = ${RESUME}; break;`,
    '}',
    `if (act === ${ACT.SYS}) {`,
    `give = 0; if (m.gate === null) { why = ${Trap.SYSCALL}; break; }`,
    'm.sp = sp; m.bp = bp; m.a = a; m.left = left;',
    'y = kernelCall(m, pc) ? 1 : 0;',
    'sp = m.sp | 0; bp = m.bp | 0; a = m.a | 0; pc = m.pc | 0;',
    `if (y === 0) { why = ${Trap.SYSCALL_DONE}; break; }`,
    recache,
    u.continueAtPc,
    `why = ${RESUME}; break;`,
    '}',
    // ACT.CALL
    'g = entries[callee]; give = 0;',
    `if (g === undefined || m.depth >= ${MAX_JS_DEPTH}) { pc = callee; why = ${RESUME}; break; }`,
    'm.sp = sp; m.bp = bp; m.a = a; m.left = left; m.depth++;',
    'why = g(m, callee) | 0;',
    'm.depth--; sp = m.sp | 0; bp = m.bp | 0; a = m.a | 0; left = m.left | 0;',
    recache,
    `if (why !== ${RETURNED} || m.pc !== ret || site < 0) { pc = m.pc | 0; if (why === ${RETURNED}) why = ${RESUME}; break; }`,
    'blk = site;',
    '}',
    'm.pc = pc; m.sp = sp; m.bp = bp; m.a = a; m.left = (left + give) | 0;',
    'return why;',
    '};',
  ].join('\n');
}
