// The JS tier against the interpreter on hand-assembled programs: the same registers,
// step counts, traps and memory at every budget end and every trap, whatever the
// slice size (so preemption lands on the same instruction), through faults (the
// faulting instruction has no effect and runs again), division by zero, bad calls
// and returns, recursion deeper than the JS stack is allowed to go, and random
// straight-line arithmetic over every operator form.
import { describe, expect, it } from 'vitest';
import { DATA_BASE, PAGE_SIZE, STACK_TOP, TEXT_BASE } from '../src/isa/abi.js';
import { Trap } from '../src/vm/cpu.js';
import { PTE_WRITE, TLB_SIZE } from '../src/vm/mmu.js';
import { MAX_INLINE_WORDS, MAX_UNIT_WORDS } from '../src/vm/jit.js';
import { MAX_JS_DEPTH } from '../src/vm/jit-ops.js';
import { rng, runBoth, runBothSliced, tieredMachine } from './jit-helpers.js';
import { run } from './vm-helpers.js';

const UNMAPPED = DATA_BASE + 2 * PAGE_SIZE;

describe('JS tier: the same run as the interpreter', () => {
  it('compiles every function of a program and runs it', () => {
    const m = tieredMachine(
      `.func main
        ENT 4
        IMM 10
        SLI -4
      loop:
        INCL -4 -1
        JNZ loop
        SYS 1`,
      'eager',
    );
    expect(m.image.jit?.compiled).toBe(1);
    expect(run(m)).toBe(Trap.SYSCALL);
    expect(m.image.jit?.entered).toBeGreaterThan(0);
    expect(m.cpu.steps).toBe(3 + 2 * 10 + 1);
  });

  it('compiles a small callee into its caller (a call is a jump) and a long one apart', () => {
    const long = Array.from({ length: MAX_INLINE_WORDS }, () => 'NOP').join('\n');
    const m = tieredMachine(
      `.func main
        ENT 0
        CALL small
        CALL big
        SYS 1
      .func small
        ENT 0
        IMM 1
        LEV
      .func big
        ENT 0
        ${long}
        IMM 2
        LEV`,
      'on',
    );
    const jit = m.image.jit;
    if (jit === null) throw new Error('no tier');
    const [main, small, big] = m.image.module.functions;
    expect(jit.prepare(main.start, m.mmu)).toBe(true);
    expect(jit.entries[small.start]).toBe(jit.entries[main.start]);
    expect(jit.entries[big.start]).toBeUndefined();
    expect(jit.prepare(big.start, m.mmu)).toBe(true);
    expect(jit.entries[big.start]).not.toBe(jit.entries[main.start]);
    expect(jit.compiled).toBe(2);
  });

  it('compiles only the hot loop of a function too long to compile whole', () => {
    const padding = Array.from({ length: MAX_UNIT_WORDS }, () => 'NOP').join('\n');
    const source = `
      .func main
        ENT 8
        ${padding}
        IMM 30
        SLI -4
      loop:
        PLI -4
        CALL square
        ADJ 4
        ADDL -8
        SLI -8
        INCL -4 -1
        JNZ loop
        LLI -8
        ${padding}
        SYS 1
      .func square
        ENT 0
        LLI 8
        MULL 8
        LEV`;
    const m = tieredMachine(source, 'on');
    const jit = m.image.jit;
    if (jit === null) throw new Error('no tier');
    const main = m.image.module.functions[0];
    expect(jit.prepare(main.start, m.mmu)).toBe(false);
    const loop = main.start + 2 + MAX_UNIT_WORDS + 4;
    expect(m.image.code[loop]).toBe(22); // PLI, the loop head
    expect(jit.prepare(loop, m.mmu)).toBe(true);
    expect(jit.entries[main.start]).toBeUndefined();
    const { compiled } = runBothSliced(source);
    expect(compiled.cpu.a).toBe((30 * 31 * 61) / 6);
    expect(compiled.image.jit?.entries[main.start]).toBeUndefined();
  });

  it('loops, calls and returns, at every slice size', () => {
    const { compiled } = runBothSliced(`
      .func main
        ENT 8
        IMM 40
        SLI -4
      loop:
        PLI -4
        CALL triple_plus
        ADJ 4
        ADDL -8
        SLI -8
        LLI -4
        JGTI 1 down
        JMP next
      down:
        NOP
      next:
        INCL -4 -1
        JNZ loop
        LLI -8
        SYS 1
      .func triple_plus
        ENT 4
        LLI 8
        MULI 3
        SLI -4
        PLI -4
        LLI 8
        ADD
        LEV`);
    // sum of 4n for n = 1..40
    expect(compiled.cpu.a).toBe(4 * ((40 * 41) / 2));
  });

  it('self recursion (jumps inside one compiled function) at every slice size', () => {
    const depth = 500;
    const { compiled } = runBothSliced(
      `.func main
        PIMM ${depth}
        CALL sum
        ADJ 4
        SYS 1
      .func sum
        ENT 0
        LLI 8
        JZ base
        LLI 8
        ADDI -1
        PSH
        CALL sum
        ADJ 4
        ADDL 8
      base:
        LEV`,
      [1_000_000, 7, 64],
    );
    expect(compiled.cpu.a).toBe((depth * (depth + 1)) / 2);
  });

  it('mutual recursion deeper than MAX_JS_DEPTH goes through the driver and stays exact', () => {
    // Both functions are too long to be compiled into each other's unit (NOP padding),
    // so each call is a JS call between two compiled units.
    const depth = 3 * MAX_JS_DEPTH + 5;
    const padding = Array.from({ length: MAX_INLINE_WORDS + 1 }, () => 'NOP').join('\n');
    const { compiled } = runBothSliced(
      `.func main
        PIMM ${depth}
        CALL even
        ADJ 4
        SYS 1
      .func even
        ENT 0
        ${padding}
        LLI 8
        JZ yes
        ADDI -1
        PSH
        CALL odd
        ADJ 4
        LEV
      yes:
        IMM 1
        LEV
      .func odd
        ENT 0
        ${padding}
        LLI 8
        JZ no
        ADDI -1
        PSH
        CALLI_EVEN
        ADJ 4
        LEV
      no:
        IMM 0
        LEV`.replace('CALLI_EVEN', `IMM ${TEXT_BASE}\n ADDI even\n CALLI`),
      [1_000_000, 7, 64],
    );
    expect(compiled.cpu.a).toBe(depth % 2 === 0 ? 1 : 0);
  });

  it('a page fault in the middle of a block leaves the interpreter state; the retry completes', () => {
    const { trap, stops } = runBoth(
      `.func main
        ENT 8
        IMM 7
        SLI -4
        PIMM 11
        PLI -4
        IMM ${UNMAPPED + 8}
        LI
        ADD
        PSH
        IMM ${UNMAPPED + 4096 + 3}
        SC
        IMM ${UNMAPPED + 2 * 4096 + 2}
        PSH
        IMM 99
        SI
        SYS 1`,
      1_000_000,
    );
    expect(trap).toBe(Trap.SYSCALL);
    expect(stops).toBe(3);
  });

  it('faults on the stack: pushes and calls that run into an unmapped page', () => {
    // Two stack pages are mapped; recursion runs past them, one fault per new page.
    runBothSliced(
      `.func main
        PIMM 700
        CALL down
        ADJ 4
        SYS 1
      .func down
        ENT 4
        LLI 8
        SLI -4
        JZ out
        LLI 8
        ADDI -1
        PSH
        CALL down
        ADJ 4
      out:
        LEV`,
      [1_000_000, 9],
    );
  });

  it('division by zero traps at the same instruction in every operator form', () => {
    for (const divide of ['PSH\n IMM 0\n DIV', 'DIVI 0', 'DIVUL -4', 'MODL -4', 'PSH\n IMM 0\n MODU', 'MODUI 0']) {
      const { trap, compiled } = runBoth(
        `.func main
          ENT 4
          IMM 0
          SLI -4
          IMM 17
          ${divide}
          SYS 1`,
        1_000_000,
      );
      expect(trap).toBe(Trap.DIVIDE_BY_ZERO);
      expect(compiled.cpu.a === 17 || compiled.cpu.a === 0).toBe(true);
    }
  });

  it('INT_MIN / -1 and INT_MIN % -1 wrap as in the interpreter', () => {
    const { compiled } = runBoth(
      `.func main
        ENT 8
        IMM -1
        SLI -4
        IMM -2147483648
        DIVL -4
        SLI -8
        IMM -2147483648
        MODI -1
        ADDL -8
        SYS 1`,
      1_000_000,
    );
    expect(compiled.cpu.a).toBe(-2147483648);
  });

  it('a bad CALLI target and a corrupted return address trap as in the interpreter', () => {
    const badCall = runBoth(
      `.func main
        ENT 0
        IMM 12345
        CALLI
        SYS 1`,
      1_000_000,
    );
    expect(badCall.trap).toBe(Trap.BAD_CALL);
    expect(badCall.compiled.cpu.trapAddr).toBe(12345);
    const badReturn = runBoth(
      `.func main
        ENT 0
        CALL f
        SYS 1
      .func f
        ENT 0
        IMM 999
        SLI 4
        LEV`,
      1_000_000,
    );
    expect(badReturn.trap).toBe(Trap.BAD_RETURN);
    expect(badReturn.compiled.cpu.trapAddr).toBe(999);
  });

  it('a callee that returns to another return site than its caller expects', () => {
    // f rewrites its return address to the return site after the second CALL.
    const { compiled } = runBothSliced(`
      .func main
        ENT 0
        IMM 1
        CALL f
        IMM 111
        SYS 1
        CALL f
      second:
        IMM 222
        SYS 1
      .func f
        ENT 0
        IMM ${TEXT_BASE}
        ADDI second
        SLI 4
        LEV`);
    expect(compiled.cpu.a).toBe(222);
  });

  it('a store into a pushed stack word is seen by the pop', () => {
    const { compiled } = runBoth(
      `.func main
        ENT 0
        PIMM 5
        LEA -4
        PSH
        IMM 9
        SI
        IMM 1
        ADD
        SYS 1`,
      1_000_000,
    );
    expect(compiled.cpu.a).toBe(10);
  });

  it('JTAB, MCPY, MZERO, byte and halfword accesses, an unaligned stack', () => {
    const { compiled } = runBothSliced(`
      .func main
        ENT 16
        IMM 2
      again:
        JTAB 0 3 other zero one two
      zero:
        IMM 100
        JMP done
      one:
        IMM -300
        JMP done
      two:
        IMM 0x12345678
        SLI -4
        LEA -8
        PSH
        LEA -4
        MCPY 4
        LS
        SLI -12
        LEA -7
        LC
        ADDL -12
        SLI -12
        LEA -4
        MZERO 2
        LEA -4
        LUS
        ADDL -12
        SLI -12
        IMM 1
        JMP again
      other:
        IMM -1
      done:
        ALLOC 2
        PSH
        PIMM 3
        ADD
        ADJ 2
        ADDL -12
        SYS 1`);
    expect(compiled.cpu.trapArg).toBe(1);
  });

  it('byte and halfword locals (LLC LLUC LLS LLUS SLC SLS): sign and zero extension, odd offsets, against the stack forms', () => {
    const { compiled } = runBothSliced(`
      .func main
        ENT 16
        IMM 0x1234fe80
        SLI -4
        SLI -8
        LLC -4
        SLI -12
        LLUC -4
        ADDL -12
        SLI -12
        LLS -4
        ADDL -12
        SLI -12
        LLUS -4
        ADDL -12
        SLI -12
        LLS -3
        ADDL -12
        SLI -12
        LLUS -1
        ADDL -12
        SLI -12
        IMM -2
        SLC -7
        IMM 0x18001
        SLS -6
        IMM 0x7fff
        SLS -5
        LLI -8
        ADDL -12
        SYS 1`);
    expect(compiled.cpu.trapArg).toBe(1);
    // What the stack forms give: the same words, then the same sum.
    const { compiled: stack } = runBothSliced(`
      .func main
        ENT 16
        IMM 0x1234fe80
        SLI -4
        SLI -8
        LEA -4
        LC
        SLI -12
        LEA -4
        LUC
        ADDL -12
        SLI -12
        LEA -4
        LS
        ADDL -12
        SLI -12
        LEA -4
        LUS
        ADDL -12
        SLI -12
        LEA -3
        LS
        ADDL -12
        SLI -12
        LEA -1
        LUS
        ADDL -12
        SLI -12
        LEA -7
        PSH
        IMM -2
        SC
        LEA -6
        PSH
        IMM 0x18001
        SS
        LEA -5
        PSH
        IMM 0x7fff
        SS
        LLI -8
        ADDL -12
        SYS 1`);
    expect(compiled.cpu.a).toBe(stack.cpu.a);
    expect(compiled.cpu.a).not.toBe(0);
  });

  it('random straight-line arithmetic over every operator form', () => {
    for (let seed = 1; seed <= 40; seed++) runBothSliced(randomProgram(rng(seed), 60), [1_000_000, 3, 11]);
  });
});

const BINARY = ['ADD', 'SUB', 'MUL', 'DIV', 'DIVU', 'MOD', 'MODU', 'AND', 'OR', 'XOR', 'SHL', 'SHR', 'SHRU', 'EQ', 'NE', 'LT', 'LE', 'GT', 'GE', 'LTU', 'LEU', 'GTU', 'GEU'];
const COMPARE = ['EQ', 'NE', 'LT', 'LE', 'GT', 'GE', 'LTU', 'LEU', 'GTU', 'GEU'];
const UNARY = ['NEG', 'NOT', 'LNOT', 'SXB', 'ZXB', 'SXH', 'ZXH', 'BOOL'];
const VALUES = [0, 1, -1, 2, 3, 7, 31, 32, 33, 255, 256, 65535, 0x7fffffff, -0x80000000, 0x12345678];

/** A random function of one block per few instructions: every operator form on four
 *  locals and the operand stack, loads and stores through local addresses, forward
 *  compare-and-branches. Division by zero may end it early (on both tiers alike). */
function randomProgram(random: () => number, length: number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const value = (): number => (random() < 0.7 ? pick(VALUES) : (random() * 2 ** 32) | 0);
  const local = (): number => -4 * (1 + Math.floor(random() * 4));
  const lines = ['.func main', 'ENT 16'];
  for (const off of [-4, -8, -12, -16]) lines.push(`IMM ${value()}`, `SLI ${off}`);
  let depth = 0;
  for (let i = 0; i < length; i++) {
    const r = random();
    if (r < 0.12) lines.push(`IMM ${value()}`);
    else if (r < 0.22) (lines.push(pick(['PSH', `PIMM ${value()}`, `PLI ${local()}`])), depth++);
    else if (r < 0.32 && depth > 0) (lines.push(pick(BINARY)), depth--);
    else if (r < 0.42) lines.push(`${pick(BINARY.filter((b) => b !== 'ADD' && b !== 'SUB'))}I ${value()}`);
    else if (r < 0.52) lines.push(`${pick(BINARY)}L ${local()}`);
    else if (r < 0.58) lines.push(pick(UNARY));
    else if (r < 0.64) lines.push(`SLI ${local()}`, `LLI ${local()}`);
    else if (r < 0.68) lines.push(`INCL ${local()} ${value()}`);
    else if (r < 0.72) lines.push(`ADDI ${value()}`);
    else if (r < 0.78) lines.push(`LEA ${local()}`, 'PSH', `IMM ${value()}`, pick(['SI', 'SC', 'SS']));
    else if (r < 0.84) lines.push(`LEA ${local() + pick([0, 1, 2])}`, pick(['LI', 'LC', 'LUC', 'LS', 'LUS']));
    else if (r < 0.92) {
      const label = `skip${i}`;
      const test = random() < 0.5 ? `J${pick(COMPARE)}I ${value()}` : `J${pick(COMPARE)}L ${local()}`;
      lines.push(`${test} ${label}`, `ADDI ${value()}`, `${label}:`);
    } else if (depth > 0) (lines.push('ADJ 4'), depth--);
  }
  lines.push('SYS 1');
  return lines.join('\n');
}

describe('JS tier: the stack pages', () => {
  it('a stack page made read-only between runs (as fork does for copy-on-write) faults on the next store', () => {
    const { trap, stops, compiled } = runBoth(
      `.func main
        ENT 4
        IMM 1
        SLI -4
        PIMM 2
        SYS 7
        IMM 3
        SLI -4
        PIMM 4
        ADD
        SYS 1`,
      1_000_000,
      {
        syscall: (m) => {
          const vpn = (STACK_TOP - PAGE_SIZE) >>> 12;
          m.mmu.setPte(vpn, m.mmu.getPte(vpn) & ~PTE_WRITE);
        },
      },
    );
    expect([trap, stops]).toEqual([Trap.SYSCALL, 2]);
    expect(compiled.cpu.a).toBe(4 + 3);
  });

  it('a push straddling two stack pages goes through the slow path in both tiers', () => {
    // After ENT, sp = STACK_TOP - 20; ALLOC moves it so the next push covers the
    // last two bytes of one page and the first two of the next.
    const { compiled } = runBothSliced(`
      .func main
        ENT 0
        IMM 5
        SLI -4
        ALLOC ${PAGE_SIZE - 22}
        PIMM 0x55667788
        PLI -4
        ADD
        ADD
        SYS 1`);
    expect(compiled.cpu.sp).toBe(STACK_TOP - PAGE_SIZE + 2);
    expect(compiled.cpu.a).toBe(0x55667788 + 10);
  });
});

describe('JS tier: stack words checked per block, the interpreter as the slow path', () => {
  const nested = `
    .func main
      ENT 12
      IMM 0
      SLI -12
      IMM 5
      SLI -4
    outer:
      IMM 7
      SLI -8
    inner:
      LLI -4
      MULL -8
      ADDL -12
      SLI -12
      INCL -8 -1
      JNZ inner
      INCL -4 -1
      JNZ outer
      LLI -12
      SYS 1`;

  it('a hot block in a loop compiles the innermost loop around it; a function entry, the function', () => {
    const m = tieredMachine(nested, 'on');
    const jit = m.image.jit;
    if (jit === null) throw new Error('no tier');
    const main = m.image.module.functions[0];
    const outer = main.start + 2 + 4 + 4;
    const inner = outer + 4;
    expect(m.image.code[inner]).toBe(m.image.code[main.start + 2 + 4 + 4 + 4]);
    expect(jit.prepare(inner, m.mmu)).toBe(true);
    expect(jit.entries[outer]).toBeUndefined();
    expect(jit.entries[main.start]).toBeUndefined();
    expect(jit.prepare(outer, m.mmu)).toBe(true);
    expect(jit.entries[inner]).not.toBe(jit.entries[outer]);
    expect(jit.prepare(main.start, m.mmu)).toBe(true);
    expect(jit.compiled).toBe(3);
    const { compiled } = runBothSliced(nested, undefined, { lazy: true });
    expect(compiled.cpu.a).toBe(15 * 28);
    expect(compiled.image.jit?.compiled).toBe(2);
  });

  it('frames that straddle a stack page boundary, down and up again, at every slice size', () => {
    // 20-byte frames from just under STACK_TOP down past the page boundary below it:
    // blocks whose words lie on both pages fail their check and run in the interpreter.
    const { compiled } = runBothSliced(`
      .func main
        ENT 8
        IMM 3
        SLI -4
      again:
        PIMM 250
        CALL down
        ADJ 4
        SLI -8
        INCL -4 -1
        JNZ again
        LLI -8
        SYS 1
      .func down
        ENT 8
        LLI 8
        SLI -4
        SLI -8
        JZ out
        LLI 8
        ADDI -1
        PSH
        CALL down
        ADJ 4
        ADDL -8
        LEV
      out:
        LEV`);
    expect(compiled.cpu.a).toBe((250 * 251) / 2);
  });

  it('a loop unit whose frame straddles a page boundary runs its blocks in the interpreter', () => {
    // main's frame: bp = STACK_TOP - 4096, two locals on the page below, a word at bp + 4
    // on the page above; the loop's words are checked once when its unit is entered.
    const { compiled } = runBothSliced(
      `.func main
        ALLOC 4076
        ENT 8
        IMM 7
        SLI 4
        SLI -4
        IMM 0
        SLI -8
      loop:
        LLI -8
        ADDL 4
        ADDL -4
        SLI -8
        INCL -4 -1
        JNZ loop
        LLI -8
        SYS 1`,
      undefined,
      { lazy: true },
    );
    expect(compiled.cpu.bp).toBe(STACK_TOP - PAGE_SIZE);
    expect(compiled.cpu.a).toBe(7 * 7 + (7 * 8) / 2);
  });

  it('an unaligned frame: every block of the function runs in the interpreter', () => {
    const { compiled } = runBothSliced(`
      .func main
        ALLOC 2
        PIMM 9
        CALL twice
        ADJ 4
        SYS 1
      .func twice
        ENT 4
        LLI 8
        SLI -4
        ADDL -4
        INCL -4 1
        ADDL -4
        LEV`);
    expect(compiled.cpu.a).toBe((9 + 1) * 2);
  });

  it('a loop unit meets TLB misses, a fault and a TLB slot conflict in the middle of its blocks', () => {
    // Bytes at DATA_BASE + 300 i (into an unmapped third page), and a word on a page
    // TLB_SIZE pages up (the same TLB slot as DATA_BASE): a miss on every iteration.
    const far = DATA_BASE + TLB_SIZE * PAGE_SIZE;
    const { trap, stops, compiled } = runBoth(
      `.func main
        ENT 8
        IMM 40
        SLI -4
      loop:
        LLI -4
        MULI 300
        ADDI ${DATA_BASE}
        PSH
        LLI -4
        SC
        IMM ${far}
        PSH
        LLI -4
        ADDL -8
        SI
        IMM ${DATA_BASE}
        LUC
        ADDI ${far}
        LI
        SLI -8
        INCL -4 -1
        JNZ loop
        LLI -8
        SYS 1`,
      1_000_000,
      { lazy: true },
    );
    expect(trap).toBe(Trap.SYSCALL);
    expect(stops).toBe(2);
    expect(compiled.cpu.a).toBe((40 * 41) / 2);
    for (const budget of [1, 2, 3, 5, 8, 13, 100]) runBoth(`.func main\n SYS 1`, budget);
  });
});

describe('JS tier: data page caches', () => {
  it('a data page remapped, then made read-only between runs: the loop reads the new frame, then faults', () => {
    // The loop reads and writes DATA_BASE through pointers (cached translations); the
    // "kernel" (SYS 7) remaps the page to a fresh frame on the first call and makes it
    // read-only on the second: the next load must see the new frame, the next store fault.
    const calls = new Map<object, number>();
    const { trap, compiled } = runBoth(
      `.func main
        ENT 4
        IMM 30
        SLI -4
      loop:
        IMM ${DATA_BASE}
        LI
        ADDL -4
        PSH
        IMM ${DATA_BASE}
        PSH
        LLI -4
        ADDI 1
        SI
        ADJ 4
        LLI -4
        ANDI 7
        JNZ skip
        SYS 7
      skip:
        INCL -4 -1
        JNZ loop
        SYS 1`,
      1_000_000,
      {
        lazy: true,
        maxFaults: 0,
        syscall: (m) => {
          const vpn = DATA_BASE >>> 12;
          const call = calls.get(m.mem) ?? 0;
          calls.set(m.mem, call + 1);
          if (call === 0) {
            const frame = m.mem.allocFrame();
            m.mmu.setPte(vpn, (frame << 12) | (m.mmu.getPte(vpn) & 0xfff));
          } else {
            m.mmu.setPte(vpn, m.mmu.getPte(vpn) & ~PTE_WRITE);
          }
        },
      },
    );
    expect(trap).toBe(Trap.PAGE_FAULT);
    expect(compiled.cpu.trapAddr).toBe(DATA_BASE);
    expect(compiled.cpu.trapWrite).toBe(1);
  });
});

describe('JS tier: one program in two kernels', () => {
  it('code compiled for one physical memory is dropped, not run, when another runs the program', () => {
    const source = `
      .func main
        ENT 8
        IMM 300
        SLI -4
      loop:
        LLI -4
        MULI 3
        ADDL -8
        SLI -8
        INCL -4 -1
        JNZ loop
        LLI -8
        SYS 1`;
    const reference = tieredMachine(source, 'off');
    expect(run(reference, 1_000_000)).toBe(Trap.SYSCALL);
    const first = tieredMachine(source, 'on');
    const second = { ...tieredMachine(source, 'off'), image: first.image };
    const jit = first.image.jit;
    if (jit === null) throw new Error('no tier');
    // Slices of each in turn until both reach SYS 1.
    let done = [false, false];
    for (let stops = 0; stops < 1000 && !(done[0] && done[1]); stops++) {
      done = [done[0] || run(first, 37) === Trap.SYSCALL, done[1] || run(second, 53) === Trap.SYSCALL];
    }
    for (const m of [first, second]) {
      expect(m.cpu.pc).toBe(reference.cpu.pc);
      expect(m.cpu.a).toBe(reference.cpu.a);
      expect(m.cpu.steps).toBe(reference.cpu.steps);
    }
    expect(jit.entered).toBeGreaterThan(0);
    expect(jit.compiled).toBeGreaterThan(1);
  });
});
