// Control flow and traps: jumps, JTAB, calls and returns with their checks, SYS,
// the instruction budget and resumption, and the step count.
import { describe, expect, it } from 'vitest';
import { TEXT_BASE } from '../src/isa/abi.js';
import { SYS_LENGTH, Trap } from '../src/vm/cpu.js';
import { interpret } from '../src/vm/interpreter.js';
import { machine, peek, poke, run, snapshot, SP0, type Machine } from './vm-helpers.js';

function finish(m: Machine): void {
  expect(run(m)).toBe(Trap.SYSCALL);
}

function expectUnchangedTrap(m: Machine, trap: Trap): void {
  const before = snapshot(m);
  expect(run(m, 1)).toBe(trap);
  const after = snapshot(m);
  expect({ ...after, memory: undefined }).toEqual({ ...before, memory: undefined });
  expect(Buffer.compare(after.memory, before.memory)).toBe(0);
}

describe('jumps', () => {
  it('JZ and JNZ take the branch only on zero / non-zero', () => {
    const m = machine(`
      IMM 0
      JZ taken1
      SYS 9
      taken1:
      JNZ bad
      IMM 3
      JZ bad
      JNZ taken2
      bad:
      SYS 9
      taken2:
      JMP end
      SYS 9
      end:
      SYS 1`);
    finish(m);
    expect(m.cpu.trapArg).toBe(1);
  });

  describe('JTAB lo n default t0..t(n-1)', () => {
    const program = (lo: number): string => `
      .func main
        LLI 0
        JTAB ${lo} 3 other case0 case1 case2
      case0:
        IMM 100
        SYS 1
      case1:
        IMM 101
        SYS 1
      case2:
        IMM 102
        SYS 1
      other:
        IMM -1
        SYS 1`;
    const cases: [number, number, number][] = [
      [10, 10, 100],
      [10, 11, 101],
      [10, 12, 102],
      [10, 13, -1],
      [10, 9, -1],
      [10, -2147483648, -1],
      [10, 2147483647, -1],
      [-1, -1, 100],
      [-1, 1, 102],
      [-1, -2, -1],
      [-2147483648, -2147483648, 100],
      [-2147483648, -2147483646, 102],
      [-2147483648, 2147483647, -1],
      [2147483647, 2147483647, 100],
      [2147483647, -2147483648, 101],
    ];
    for (const [lo, value, expected] of cases) {
      it(`lo=${lo} a=${value} → ${expected}`, () => {
        const m = machine(program(lo));
        poke(m, SP0, value);
        finish(m);
        expect(m.cpu.a).toBe(expected);
      });
    }

    it('JTAB with an empty table always takes the default', () => {
      const m = machine(`
        IMM 0
        JTAB 0 0 dflt
        SYS 9
        dflt:
        SYS 1`);
      finish(m);
      expect(m.cpu.trapArg).toBe(1);
    });
  });
});

describe('calls and returns', () => {
  const addProgram = `
    .func main
      ENT 0
      PIMM 2
      PIMM 40
      CALL add
      ADJ 8
      SYS 1
    .func add           ; int add(int x, int y) { return x + y; }
      ENT 4
      LLI 8
      PSH
      LLI 12
      ADD
      SLI -4
      LLI -4
      LEV`;

  it('CALL pushes TEXT_BASE + the next index; ENT/LEV restore bp and sp', () => {
    const m = machine(addProgram);
    expect(run(m, 4)).toBe(Trap.BUDGET);
    expect(m.cpu.pc).toBe(m.image.module.functions[1].start);
    expect(peek(m, m.cpu.sp)).toBe(TEXT_BASE + 8); // CALL at 6, 2 words
    finish(m);
    expect(m.cpu.a).toBe(42);
    expect(m.cpu.sp).toBe(SP0 - 4);
    expect(m.cpu.bp).toBe(SP0 - 4);
  });

  it('recursion: fib(15) = 610', () => {
    const m = machine(`
      .func main
        PIMM 15
        CALL fib
        ADJ 4
        SYS 1
      .func fib
        ENT 0
        LLI 8
        PSH
        IMM 2
        LT
        JZ recurse
        LLI 8
        LEV
      recurse:
        LLI 8
        ADDI -1
        PSH
        CALL fib
        ADJ 4
        PSH
        LLI 8
        ADDI -2
        PSH
        CALL fib
        ADJ 4
        ADD
        LEV`);
    finish(m);
    expect(m.cpu.a).toBe(610);
    expect(m.cpu.sp).toBe(SP0);
    expect(m.cpu.bp).toBe(SP0);
  });

  it('CALLI calls through a function pointer', () => {
    const m = machine(addProgram.replace('CALL add', `IMM ${TEXT_BASE} \n ADDI add \n CALLI`));
    finish(m);
    expect(m.cpu.a).toBe(42);
    expect(m.cpu.sp).toBe(SP0 - 4);
  });

  for (const [what, target] of [
    ['the middle of a function', 'add + 2'],
    ['a code index past the end', 'end'],
    ['NULL', 'null'],
    ['a data address', 'data'],
  ] as const) {
    it(`CALLI to ${what} traps BAD_CALL with no effect`, () => {
      const m = machine(`
        .func main
          LLI 0
          CALLI
          SYS 1
        .func add
          ENT 0
          LEV`);
      const add = m.image.module.functions[1].start;
      const value = { 'add + 2': TEXT_BASE + add + 2, end: TEXT_BASE + m.image.code.length, null: 0, data: 0x08000000 }[target];
      poke(m, SP0, value);
      expect(run(m, 1)).toBe(Trap.BUDGET);
      expectUnchangedTrap(m, Trap.BAD_CALL);
      expect(m.cpu.trapAddr).toBe(value);
      expect(m.cpu.pc).toBe(2);
    });
  }

  it('LEV to a corrupted return address traps BAD_RETURN with no effect', () => {
    for (const bad of [TEXT_BASE + 12 /* add's entry, not a return site */, 0, -1, TEXT_BASE + 10_000]) {
      const m = machine(addProgram);
      expect(run(m, 11)).toBe(Trap.BUDGET); // inside add, just before LEV
      expect(m.cpu.pc).toBe(m.image.code.length - 1);
      poke(m, m.cpu.bp + 4, bad);
      expectUnchangedTrap(m, Trap.BAD_RETURN);
      expect(m.cpu.trapAddr).toBe(bad >>> 0);
    }
  });

  it('LEV may return to the sigreturn stub', () => {
    const m = machine(`
      .func handler
        ENT 0
        IMM 7
        LEV
      .sigreturn
        SYS 119`);
    const stub = m.image.module.sigreturn;
    m.cpu.sp = SP0 - 4;
    poke(m, SP0 - 4, TEXT_BASE + stub);
    expect(run(m)).toBe(Trap.SYSCALL);
    expect(m.cpu.trapArg).toBe(119);
    expect(m.cpu.pc).toBe(stub);
    expect(m.cpu.a).toBe(7);
  });

  it('LEV whose saved frame straddles pages reads both words', () => {
    const m = machine(`
      .func main
        CALL f
        SYS 1
      .func f
        ENT 0
        IMM 5
        LEV`);
    m.cpu.sp = m.cpu.bp = 0xbffff006; // bp will sit at 0xbfffeffe: saved bp and return address cross pages
    finish(m);
    expect(m.cpu.a).toBe(5);
    expect(m.cpu.sp).toBe(0xbffff006);
    expect(m.cpu.bp).toBe(0xbffff006);
  });
});

describe('SYS', () => {
  it('traps with the number in trapArg and pc at the SYS; the kernel resumes past it', () => {
    const m = machine(`
      PIMM 3
      SYS 4
      ADJ 4
      SYS 1`);
    expect(run(m)).toBe(Trap.SYSCALL);
    expect(m.cpu.trapArg).toBe(4);
    expect(m.cpu.pc).toBe(2);
    expect(peek(m, m.cpu.sp)).toBe(3);
    expect(m.cpu.steps).toBe(2);
    m.cpu.a = 99;
    m.cpu.pc += SYS_LENGTH;
    expect(run(m)).toBe(Trap.SYSCALL);
    expect(m.cpu.trapArg).toBe(1);
    expect(m.cpu.a).toBe(99);
    expect(m.cpu.sp).toBe(SP0);
    expect(m.cpu.steps).toBe(4);
  });
});

describe('budget', () => {
  const countdown = `
    .func main
      IMM 1000
      SLI 0
    loop:
      INCL 0 -1
      JNZ loop
      SYS 1`;

  it('stops after exactly budget instructions with pc at the next one', () => {
    const m = machine(`
      IMM 5
      IMM 6
      SYS 1`);
    expect(run(m, 1)).toBe(Trap.BUDGET);
    expect(m.cpu.pc).toBe(2);
    expect(m.cpu.a).toBe(5);
    expect(m.cpu.steps).toBe(1);
    expect(run(m, 1)).toBe(Trap.BUDGET);
    expect(m.cpu.pc).toBe(4);
    expect(run(m, 1)).toBe(Trap.SYSCALL);
    expect(m.cpu.steps).toBe(3);
  });

  it('resuming in slices of any size gives the same result and step count as one run', () => {
    const whole = machine(countdown);
    finish(whole);
    expect(whole.cpu.steps).toBe(2 + 2 * 1000 + 1);
    for (const slice of [1, 2, 3, 7, 64, 1999]) {
      const m = machine(countdown);
      let trap: Trap;
      let calls = 0;
      while ((trap = run(m, slice)) === Trap.BUDGET) calls++;
      expect(trap).toBe(Trap.SYSCALL);
      expect(m.cpu.steps).toBe(whole.cpu.steps);
      expect(calls).toBe(Math.floor((whole.cpu.steps - 1) / slice));
      const [got, want] = [snapshot(m), snapshot(whole)];
      expect({ ...got, memory: undefined }).toEqual({ ...want, memory: undefined });
      expect(Buffer.compare(got.memory, want.memory)).toBe(0);
    }
  });

  it('a faulting instruction is not counted as a step', () => {
    const m = machine(`
      IMM 0
      LI`);
    expect(run(m, 10)).toBe(Trap.PAGE_FAULT);
    expect(m.cpu.steps).toBe(1);
  });
});

describe('register representation', () => {
  it('writes sp and bp back unsigned and accepts them signed', () => {
    const m = machine(`
      PIMM 1
      SYS 1`);
    m.cpu.sp = SP0 | 0;
    m.cpu.bp = SP0 | 0;
    finish(m);
    expect(m.cpu.sp).toBe(SP0 - 4);
    expect(m.cpu.bp).toBe(SP0);
  });

  it('panics when pc runs off the end of the code', () => {
    const m = machine('IMM 1');
    expect(() => interpret(m.cpu, m.mmu, m.image, 5)).toThrow('interpret: no instruction at pc 2');
  });
});
