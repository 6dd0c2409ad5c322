// Memory: the loader's layout, page tables and demand-zero faults, copy-on-write
// after fork (frame counts, not just values), brk, frame accounting back to the
// initial count, and the deaths: SIGSEGV, SIGFPE, stack overflow, out of memory.
import { describe, expect, it } from 'vitest';
import { DATA_BASE, MMAP_BASE, PAGE_SIZE, STACK_MAX, STACK_TOP } from '../src/isa/abi.js';
import { sys_brk } from '../src/kernel/brk.js';
import { procExit } from '../src/kernel/exit.js';
import { forkProc } from '../src/kernel/fork.js';
import { Proc } from '../src/kernel/proc.js';
import { copyin, copyout, readI32, readString, BAD_ADDRESS } from '../src/kernel/uaccess.js';
import { PTE_COW, PTE_WRITE } from '../src/vm/mmu.js';
import { A, addr, boot, program, runProgram, sys, words } from './kernel-helpers.js';
import type { Item } from './isa-assemble.js';

const MiB = 1024 * 1024;
const idle = program({ _start: sys('exit', 0) });

function brk(k: ReturnType<typeof boot>['kernel'], p: Proc, to: number): number {
  return sys_brk(k, p, Int32Array.of(to));
}

function byteAt(k: ReturnType<typeof boot>['kernel'], p: Proc, at: number): number {
  const b = new Uint8Array(1);
  expect(copyin(k, p, at, b)).toBe(0);
  return b[0];
}

describe('loading', () => {
  it('lays out data, bss, heap and the argv/envp block on the stack', () => {
    const { kernel } = boot();
    const p = kernel.spawn(program({ _start: sys('exit', 0) }, 'abc', 10_000), ['prog', 'x'], ['A=1']);
    expect(p.mm.areas.map((a) => a.describe())).toEqual([
      '08000000-08001000 rw data',
      '08001000-08003000 rw bss',
      '08003000-08003000 rw heap',
      'bf7ff000-bf800000 -- guard',
      'bf800000-c0000000 rw stack',
    ]);
    expect(p.mm.brk).toBe(DATA_BASE + 3 * PAGE_SIZE);
    expect(byteAt(kernel, p, DATA_BASE + 1)).toBe('b'.charCodeAt(0));
    const sp = p.cpu.sp;
    expect(sp % 16).toBe(0);
    const word = (a: number) => readI32(kernel, p, a);
    expect(word(sp)).toBe(0);
    expect(word(sp + 4)).toBe(2);
    const argv = word(sp + 8) >>> 0;
    const envp = word(sp + 12) >>> 0;
    expect(readString(kernel, p, word(argv))).toBe('prog');
    expect(readString(kernel, p, word(argv + 4))).toBe('x');
    expect(word(argv + 8)).toBe(0);
    expect(readString(kernel, p, word(envp))).toBe('A=1');
    expect(word(envp + 4)).toBe(0);
    // Only the data page and the top stack page are resident; bss comes on demand.
    expect(p.mm.residentPages()).toBe(2);
    expect(readI32(kernel, p, DATA_BASE + 5000)).toBe(0);
    expect(p.stats.faultsDemandZero).toBe(1);
    expect(readI32(kernel, p, 0)).toBe(BAD_ADDRESS);
    expect(readI32(kernel, p, STACK_TOP - STACK_MAX - 4)).toBe(BAD_ADDRESS);
  });

  it('refuses an argument block beyond ARG_MAX', () => {
    const { kernel } = boot();
    expect(() => kernel.spawn(idle, ['prog', 'x'.repeat(200_000)])).toThrow(/Argument list too long/);
  });
});

describe('copy-on-write fork', () => {
  it('copies no frame of a 16 MiB heap until a page is written', () => {
    const { kernel } = boot({ memBytes: 64 * MiB });
    const mem = kernel.mem;
    const initialFree = mem.freeFrames();
    const parent = kernel.spawn(idle, ['prog']);
    const heap = parent.mm.brk;
    expect(brk(kernel, parent, heap + 16 * MiB)).toBe(heap + 16 * MiB);
    for (let at = heap; at < heap + 16 * MiB; at += PAGE_SIZE) expect(copyout(kernel, parent, at, Uint8Array.of(1))).toBe(0);
    expect(parent.stats.faultsDemandZero).toBe(4096);

    const allocated = mem.framesAllocated;
    const child = forkProc(kernel, parent);
    if (typeof child === 'number') throw new Error(`fork failed: ${child}`);
    expect(mem.framesAllocated).toBe(allocated);
    expect(child.mm.residentPages()).toBe(parent.mm.residentPages());
    const vpn = heap / PAGE_SIZE;
    expect(parent.mm.mmu.getPte(vpn) & (PTE_COW | PTE_WRITE)).toBe(PTE_COW);
    expect(child.mm.mmu.getPte(vpn)).toBe(parent.mm.mmu.getPte(vpn));

    // The child's write copies exactly one frame; the parent still sees its byte.
    expect(copyout(kernel, child, heap, Uint8Array.of(2))).toBe(0);
    expect(mem.framesAllocated).toBe(allocated + 1);
    expect(byteAt(kernel, parent, heap)).toBe(1);
    expect(byteAt(kernel, child, heap)).toBe(2);
    expect(child.stats.faultsCow).toBe(1);

    // The parent writing that page again is the last sharer: no copy, just writable.
    expect(copyout(kernel, parent, heap, Uint8Array.of(3))).toBe(0);
    expect(mem.framesAllocated).toBe(allocated + 1);
    expect(parent.stats.faultsCow).toBe(1);
    expect(byteAt(kernel, child, heap)).toBe(2);

    procExit(kernel, child, 0);
    procExit(kernel, parent, 0);
    kernel.checkInvariants();
    expect(mem.freeFrames()).toBe(initialFree);
  });

  it('keeps the child\'s writes to a global out of the parent (guest program)', async () => {
    // global = 5; the child sets it to 9 and exits with it; the parent exits with
    // global + 16 * the child's exit code.
    const r = await runProgram(
      program(
        {
          _start: [
            ['ENT', 16],
            ...sys('fork'),
            ['JNZ', 'parent'],
            ['PIMM', DATA_BASE],
            ['IMM', 9],
            ['SI'],
            ['IMM', DATA_BASE],
            ['LI'],
            ...sys('exit', A),
            'parent:',
            ...sys('wait4', -1, addr(-4), 0, 0),
            ['LLI', -4],
            ['PSH'],
            ['IMM', 4],
            ['SHR'],
            ['PSH'],
            ['IMM', DATA_BASE],
            ['LI'],
            ['ADD'],
            ...sys('exit', A),
          ],
        },
        words(5),
      ),
    );
    expect(r.result.status).toBe(5 + 16 * 9);
  });
});

describe('accounting', () => {
  it('returns every frame after a run, and checkInvariants notices a leak', async () => {
    const r = await runProgram(program({ _start: [...sys('fork'), ...sys('fork'), ...sys('exit', 0)] }));
    // Four processes, each with one stack page of its own after its first push.
    expect(r.kernel.mem.framesAllocated).toBe(4);
    expect(r.kernel.mem.framesFreed).toBe(r.kernel.mem.framesAllocated);
    r.kernel.mem.allocFrame();
    expect(() => r.kernel.checkInvariants()).toThrow(/frame \d+ has refcount 1 but 0 mappings/);
  });

  it('copies strings and words across pages and reports bad ones', () => {
    const { kernel } = boot();
    const p = kernel.spawn(idle, ['prog']);
    const at = STACK_TOP - STACK_MAX + PAGE_SIZE - 3;
    expect(copyout(kernel, p, at, new TextEncoder().encode('across\0'))).toBe(0);
    expect(readString(kernel, p, at)).toBe('across');
    expect(readI32(kernel, p, at + 1)).toBe(0x736f7263);
    expect(copyout(kernel, p, at, new Uint8Array(10).fill(65))).toBe(0);
    expect(readString(kernel, p, at, 8)).toBe(-36 /* ENAMETOOLONG */);
    expect(copyout(kernel, p, STACK_TOP - 2, Uint8Array.of(65, 66))).toBe(0);
    expect(readString(kernel, p, STACK_TOP - 2)).toBe(-14 /* EFAULT: no NUL before the end of the stack */);
    expect(copyin(kernel, p, 0xfffffffe, new Uint8Array(4))).toBe(-14);
  });
});

describe('brk', () => {
  it('grows, shrinks (dropping pages) and refuses what does not fit', () => {
    const { kernel } = boot();
    const p = kernel.spawn(idle, ['prog']);
    const start = p.mm.brk;
    expect(brk(kernel, p, 0)).toBe(start);
    expect(brk(kernel, p, start - 1)).toBe(start);
    expect(brk(kernel, p, start + 10_000)).toBe(start + 10_000);
    expect(copyout(kernel, p, start + 9_999, Uint8Array.of(7))).toBe(0);
    expect(copyout(kernel, p, start + 3 * PAGE_SIZE, Uint8Array.of(7))).toBe(-14);
    expect(brk(kernel, p, start + 100)).toBe(start + 100);
    expect(p.mm.residentPages()).toBe(1);
    expect(readI32(kernel, p, start + 8_192)).toBe(BAD_ADDRESS);
    expect(brk(kernel, p, start + 10_000)).toBe(start + 10_000);
    expect(byteAt(kernel, p, start + 9_999)).toBe(0);
    expect(brk(kernel, p, MMAP_BASE + PAGE_SIZE)).toBe(start + 10_000);
    expect(brk(kernel, p, start + kernel.mem.frameCount * PAGE_SIZE + PAGE_SIZE)).toBe(start + 10_000);
  });
});

describe('faults', () => {
  it('kills a NULL dereference with SIGSEGV: status 139 and a message', async () => {
    const r = await runProgram(program({ _start: [['IMM', 0], ['LI'], ...sys('exit', 0)] }));
    expect(r.result.status).toBe(139);
    expect(r.stderr()).toBe('ipcvm: pid 1 killed by SIGSEGV (address 0x00000000) (core dumped)\n');
  });

  it('kills a division by zero with SIGFPE: status 136', async () => {
    const r = await runProgram(program({ _start: [['PIMM', 1], ['IMM', 0], ['DIV'], ...sys('exit', 0)] }));
    expect(r.result.status).toBe(136);
    expect(r.stderr()).toBe('ipcvm: pid 1 killed by SIGFPE (core dumped)\n');
  });

  it('lets the parent see the child\'s SIGSEGV through wait4', async () => {
    const r = await runProgram(
      program({
        _start: [
          ['ENT', 16],
          ...sys('fork'),
          ['JNZ', 'parent'],
          ['PIMM', 16],
          ['IMM', 1],
          ['SI'],
          ...sys('exit', 0),
          'parent:',
          ...sys('wait4', -1, addr(-4), 0, 0),
          ...sys('write', 1, addr(-4), 4),
          ...sys('exit', 0),
        ],
      }),
    );
    expect(r.stdoutWords()).toEqual([0x80 | 11]);
    expect(r.stderr()).toBe('ipcvm: pid 2 killed by SIGSEGV (address 0x00000010) (core dumped)\n');
  });

  it('stops runaway recursion at the stack guard page', async () => {
    const r = await runProgram(program({ _start: [['CALL', 'f']], f: [['ENT', 4096], ['CALL', 'f']] }));
    expect(r.result.status).toBe(139);
    const address = Number.parseInt(/address 0x([0-9a-f]{8})/.exec(r.stderr())![1], 16);
    expect(address).toBeGreaterThanOrEqual(STACK_TOP - STACK_MAX - PAGE_SIZE);
    expect(address).toBeLessThan(STACK_TOP - STACK_MAX);
  });

  it('gives -EFAULT, not a signal, for a bad buffer passed to the kernel', async () => {
    const r = await runProgram(program({ _start: [...sys('write', 1, 0, 4), ['NEG'], ...sys('exit', A)] }));
    expect(r.result.status).toBe(14);
    expect(r.stderr()).toBe('');
  });
});

describe('out of memory', () => {
  /** Two children each touch 200 pages of heap in a 256-frame machine. */
  const child: Item[] = [
    ...sys('brk', 0),
    ['SLI', -4],
    ['ADDI', 200 * PAGE_SIZE],
    ...sys('brk', A),
    ['IMM', 0],
    ['SLI', -8],
    'loop:',
    ['LLI', -8],
    ['PSH'],
    ['IMM', 200],
    ['LT'],
    ['JZ', 'done'],
    ['LLI', -8],
    ['PSH'],
    ['IMM', 12],
    ['SHL'],
    ['PSH'],
    ['LLI', -4],
    ['ADD'],
    ['PSH'],
    ['IMM', 7],
    ['SI'],
    ['INCL', -8, 1],
    ['JMP', 'loop'],
    'done:',
    ...sys('exit', 0),
  ];

  it('kills the process that runs out of frames and lets the others go on', async () => {
    const r = await runProgram(
      program({
        _start: [
          ['ENT', 16],
          ...sys('fork'),
          ['JZ', 'child'],
          ...sys('fork'),
          ['JZ', 'child'],
          ...sys('wait4', -1, addr(-4), 0, 0),
          ...sys('write', 1, addr(-4), 4),
          ...sys('wait4', -1, addr(-4), 0, 0),
          ...sys('write', 1, addr(-4), 4),
          ...sys('exit', 0),
          'child:',
          ...child,
        ],
      }),
      { memBytes: MiB },
    );
    expect(r.result.status).toBe(0);
    expect(r.stdoutWords().sort()).toEqual([0, 9]);
    expect(r.stderr()).toMatch(/^ipcvm: pid [23] killed: out of memory \(--mem 1M exhausted\)\n$/);
  });
});
