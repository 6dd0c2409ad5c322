// The data structures behind the fast kernel paths (issue 9) against simple
// reference models: the MMU's present bitmap, the run-queue ring, allocation-free
// list removal, the no-copy user-access helpers at page boundaries, dispositions
// shared copy-on-write after fork, recycled page tables, shared pages released in
// touch order, the kernel-side re-run of a blocked call, and recycled semaphore
// waiters.
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, STACK_TOP } from '../src/isa/abi.js';
import { Op } from '../src/isa/op.js';
import { removeAt, removeItem } from '../src/kernel/list.js';
import { Proc } from '../src/kernel/proc.js';
import { Random } from '../src/kernel/random.js';
import { Scheduler } from '../src/kernel/sched.js';
import { SharedPages } from '../src/kernel/shmem.js';
import { SIG_DFL, SIG_IGN, SignalState } from '../src/kernel/sigstate.js';
import { UserAccount } from '../src/kernel/user.js';
import { SIG } from '../src/kernel/signals.js';
import { reissueBlockedCall } from '../src/kernel/syscall.js';
import { BAD_ADDRESS, copyinTo, copyoutFrom, readI32, readI32s, writeI32s } from '../src/kernel/uaccess.js';
import { Trap } from '../src/vm/cpu.js';
import { Mmu, PTE_PRESENT, PTE_WRITE } from '../src/vm/mmu.js';
import { PhysMem } from '../src/vm/physmem.js';
import { IPC_CREAT, IPC_PRIVATE } from '../src/kernel/ipc.js';
import { GETALL, GETNCNT, GETZCNT } from '../src/kernel/semctl.js';
import { ASLEEP, BUF, bootIdle, call, completed, fork, get, put, sembufs } from './ipc-helpers.js';

describe('MMU present bitmap', () => {
  it('walks exactly the present pages, in order, after random changes', () => {
    const mem = new PhysMem(64 * PAGE_SIZE);
    const mmu = new Mmu(mem);
    const model = new Map<number, number>();
    const random = new Random(7);
    const vpns = [0, 1, 31, 32, 33, 1023, 1024, 2047, 0x8000, 0x8001, 0xbfffe, 0xbffff, 0xfffff];
    for (let step = 0; step < 2000; step++) {
      const vpn = vpns[random.below(vpns.length)] + (random.below(2) ? 0 : random.below(40));
      const kind = random.below(3);
      const pte = kind === 0 ? 0 : kind === 1 ? ((1 + random.below(60)) << 12) | PTE_PRESENT | PTE_WRITE : 0x40;
      if (vpn >= 1 << 20) continue;
      mmu.setPte(vpn, pte);
      if (pte & PTE_PRESENT) model.set(vpn, pte);
      else model.delete(vpn);
    }
    const expected = [...model.entries()].sort((a, b) => a[0] - b[0]);
    const walked: [number, number][] = [];
    mmu.forEachPte((vpn, pte) => walked.push([vpn, pte]));
    expect(walked).toEqual(expected);
    expect(mmu.presentPages()).toBe(expected.length);
    const stepped: number[] = [];
    for (let vpn = mmu.nextPresent(0, 1 << 20); vpn >= 0; vpn = mmu.nextPresent(vpn + 1, 1 << 20)) stepped.push(vpn);
    expect(stepped).toEqual(expected.map(([vpn]) => vpn));
  });

  it('bounds nextPresent by its end and skips absent tables', () => {
    const mmu = new Mmu(new PhysMem(16 * PAGE_SIZE));
    mmu.setPte(5, (1 << 12) | PTE_PRESENT);
    mmu.setPte(3000, (2 << 12) | PTE_PRESENT);
    expect(mmu.nextPresent(0, 5)).toBe(-1);
    expect(mmu.nextPresent(0, 6)).toBe(5);
    expect(mmu.nextPresent(6, 1 << 20)).toBe(3000);
    expect(mmu.nextPresent(3001, 1 << 20)).toBe(-1);
    mmu.setPte(3000, 0);
    expect(mmu.nextPresent(6, 1 << 20)).toBe(-1);
  });
});

/** The run queue as it was: an array; shift for rr, splice at a random index. */
class ReferenceQueue {
  readonly pids: number[] = [];
  private readonly random = new Random(3);

  constructor(private readonly policy: 'rr' | 'random') {}

  pick(): number | undefined {
    if (this.pids.length === 0) return undefined;
    return this.policy === 'rr' ? this.pids.shift() : this.pids.splice(this.random.below(this.pids.length), 1)[0];
  }
}

describe('run queue ring', () => {
  for (const policy of ['rr', 'random'] as const) {
    it(`picks as the array queue did under ${policy}, across growth and removals`, () => {
      const { p: first } = bootIdle();
      const procs = Array.from({ length: 60 }, (_, i) => new Proc(100 + i, 'p', first.cred, first.mm, first.image, first.fds, first.sig.user));
      const sched = new Scheduler(policy, 10, 3);
      const reference = new ReferenceQueue(policy);
      const random = new Random(11);
      let picks = 0;
      for (let step = 0; step < 3000; step++) {
        const r = random.below(10);
        const p = procs[random.below(procs.length)];
        if (r < 5 && !p.onRunQueue) {
          sched.enqueue(p);
          reference.pids.push(p.pid);
        } else if (r < 6 && p.onRunQueue) {
          sched.remove(p);
          reference.pids.splice(reference.pids.indexOf(p.pid), 1);
        } else if (r >= 6) {
          const expected = reference.pick();
          expect(sched.pickNext()?.pid).toBe(expected);
          if (expected !== undefined) picks++;
        }
        expect(sched.runnable()).toBe(reference.pids.length);
      }
      expect(picks).toBeGreaterThan(500);
    });
  }
});

describe('list removal', () => {
  it('removes by index and by identity, keeping the order', () => {
    const list = ['a', 'b', 'c', 'd'];
    removeAt(list, 1);
    expect(list).toEqual(['a', 'c', 'd']);
    expect(removeItem(list, 'd')).toBe(true);
    expect(removeItem(list, 'x')).toBe(false);
    removeAt(list, 0);
    expect(list).toEqual(['c']);
  });
});

describe('user access without views', () => {
  it('copies short and long runs across a page boundary both ways', () => {
    const { k, p } = bootIdle();
    for (const n of [1, 7, 64, 65, 3000, 9000]) {
      const at = BUF + PAGE_SIZE - 5;
      const src = Uint8Array.from({ length: n + 8 }, (_, i) => (i * 7 + n) & 0xff);
      expect(copyoutFrom(k, p, at, src, 3, n)).toBe(0);
      const back = new Uint8Array(n + 4);
      expect(copyinTo(k, p, at, back, 2, n)).toBe(0);
      expect([...back.subarray(2, 2 + n)]).toEqual([...src.subarray(3, 3 + n)]);
      expect(back[0] | back[1] | back[n + 2] | back[n + 3]).toBe(0);
    }
  });

  it('reads and writes words in one page, across pages and unaligned, and fails on unmapped memory', () => {
    const { k, p } = bootIdle();
    for (const at of [BUF, BUF + PAGE_SIZE - 8, BUF + 2 * PAGE_SIZE + 1]) {
      expect(writeI32s(k, p, at, [1, -2, 0x7fffffff, 0x80000000, 5])).toBe(0);
      const out = [0, 0, 0, 0, 0];
      expect(readI32s(k, p, at, out, 5)).toBe(true);
      expect(out).toEqual([1, -2, 0x7fffffff, -0x80000000, 5]);
      expect(readI32(k, p, at + 4)).toBe(-2);
    }
    const unmapped = STACK_TOP + PAGE_SIZE;
    expect(readI32s(k, p, unmapped, [0], 1)).toBe(false);
    expect(readI32(k, p, unmapped)).toBe(BAD_ADDRESS);
    expect(writeI32s(k, p, unmapped, [1])).toBeLessThan(0);
    expect(readI32s(k, p, 0xfffffffc, [0, 0], 2)).toBe(false);
  });
});

describe('dispositions after fork', () => {
  it('are shared until one side changes one, then each keeps its own', () => {
    const parent = new SignalState(new UserAccount());
    parent.writableAction(SIG.SIGUSR1).handler = 0x400010;
    const child = new SignalState(new UserAccount());
    child.inheritFrom(parent);
    expect(child.actions).toBe(parent.actions);
    child.writableAction(SIG.SIGUSR1).handler = SIG_IGN;
    expect(parent.actions[SIG.SIGUSR1].handler).toBe(0x400010);
    parent.writableAction(SIG.SIGUSR2).handler = SIG_IGN;
    expect(child.actions[SIG.SIGUSR2].handler).toBe(SIG_DFL);
    expect(child.actions[SIG.SIGUSR1].handler).toBe(SIG_IGN);
    const grandchild = new SignalState(new UserAccount());
    grandchild.inheritFrom(child);
    grandchild.resetForExec();
    expect(grandchild.actions[SIG.SIGUSR1].handler).toBe(SIG_IGN);
    expect(child.actions[SIG.SIGUSR1].handler).toBe(SIG_IGN);
    expect(parent.actions[SIG.SIGUSR1].handler).toBe(0x400010);
  });

  it('a forked child that installs a handler through the call leaves its parent alone', () => {
    const { k, p } = bootIdle();
    const act = BUF;
    writeI32s(k, p, act, [SIG_IGN, 0, 0, 0]);
    expect(call(k, p, 'rt_sigaction', SIG.SIGUSR1, act, 0)).toBe(0);
    const child = fork(k, p);
    expect(call(k, child, 'rt_sigaction', SIG.SIGTERM, act, 0)).toBe(0);
    expect(child.sig.actions[SIG.SIGTERM].handler).toBe(SIG_IGN);
    expect(p.sig.actions[SIG.SIGTERM].handler).toBe(SIG_DFL);
  });
});

describe('recycled page tables', () => {
  it('a reaped child leaves an empty MMU that the next fork takes', () => {
    const { k, p } = bootIdle();
    const child = fork(k, p);
    const mmu = child.mm.mmu;
    expect(call(k, child, 'exit', 0)).toBe(0);
    expect(call(k, p, 'wait4', child.pid, 0, 0, 0)).toBe(child.pid);
    const next = fork(k, p);
    expect(next.mm.mmu).toBe(mmu);
    expect(next.mm.residentPages()).toBe(p.mm.residentPages());
    let mapped = 0;
    mmu.forEachPte(() => mapped++);
    expect(mapped).toBe(p.mm.residentPages());
  });
});

describe('shared pages', () => {
  it('hold frames by page and release them so the free stack hands them out in page order', () => {
    const { k, p } = bootIdle();
    const pages = new SharedPages(3000);
    for (const index of [2999, 0, 1500, 1024]) expect(pages.mapPage(k, p, 0x50000 + index, index, true)).toBe('shared-new');
    expect(pages.mapPage(k, p, 0x50000 + 1500, 1500, true)).toBe('shared-existing');
    const held = pages.heldFrames();
    // By page, whatever the order they were touched in.
    expect(held).toEqual([0, 1024, 1500, 2999].map((index) => p.mm.mmu.getPte(0x50000 + index) >>> 12));
    expect(pages.residentPages()).toBe(4);
    p.mm.unmapPages(0x50000 * PAGE_SIZE, (0x50000 + 3000) * PAGE_SIZE);
    pages.free(k);
    // Released from the last page to the first, so page 0's frame comes out first
    // (page 1500, mapped twice at one vpn, keeps the second mapping's reference).
    expect([0, 1, 2].map(() => k.mem.allocFrame())).toEqual([held[0], held[1], held[3]]);
  });
});

describe('a woken call re-runs in the kernel', () => {
  it('counts the SYS once more and traps with its number, as the interpreter would', () => {
    const { p } = bootIdle();
    const code = p.image.code;
    const sysAt = code.indexOf(Op.SYS);
    expect(sysAt).toBeGreaterThanOrEqual(0);
    p.cpu.pc = sysAt;
    const steps = p.cpu.steps;
    expect(reissueBlockedCall(p)).toBe(Trap.SYSCALL);
    expect(p.cpu.trapArg).toBe(code[sysAt + 1]);
    expect(p.cpu.steps).toBe(steps + 1);
    expect(p.cpu.pc).toBe(sysAt);
    p.cpu.pc = code.indexOf(Op.PIMM);
    expect(() => reissueBlockedCall(p)).toThrow(/no SYS/);
  });

});

describe('recycled semaphore waiters', () => {
  it('hold the operations of the call now blocked, whatever an earlier one held', () => {
    const { k, p } = bootIdle();
    const a = fork(k, p);
    const b = fork(k, p);
    const id = call(k, p, 'semget', IPC_PRIVATE, 3, IPC_CREAT | 0o600) as number;
    const semop = (q: typeof p, ...ops: [number, number, number][]) => {
      put(k, q, BUF, sembufs(...ops));
      return call(k, q, 'semop', id, BUF, ops.length);
    };
    for (let round = 0; round < 3; round++) {
      // b blocks with one operation, a with three: in the second round each may get
      // the other's waiter of the first.
      const [first, second] = round === 1 ? [a, b] : [b, a];
      expect(first === b ? semop(b, [2, -1, 0]) : semop(a, [0, -1, 0], [1, -1, 0], [2, 0, 0])).toBe(ASLEEP);
      expect(second === b ? semop(b, [2, -1, 0]) : semop(a, [0, -1, 0], [1, -1, 0], [2, 0, 0])).toBe(ASLEEP);
      expect([0, 1, 2].map((num) => call(k, p, 'semctl', id, num, GETNCNT, 0))).toEqual([1, 0, 1]);
      expect(call(k, p, 'semctl', id, 2, GETZCNT, 0)).toBe(0);
      expect(semop(p, [0, 1, 0], [1, 1, 0])).toBe(0);
      expect(completed(a)).toBe(0);
      expect(semop(p, [2, 1, 0])).toBe(0);
      expect(completed(b)).toBe(0);
      expect(call(k, p, 'semctl', id, 0, GETALL, BUF + 0x100)).toBe(0);
      expect([0, 1, 2].map((i) => get(k, p, BUF + 0x100, 6).getUint16(2 * i, true))).toEqual([0, 0, 0]);
    }
  });
});
