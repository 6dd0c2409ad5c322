// mmap and munmap: MAP_SHARED anonymous memory is the same frames in parent and
// children (faulted in page by page), MAP_PRIVATE is copy-on-write, protections
// are enforced, munmap of part of a region leaves the rest usable, and every errno.
import { describe, expect, it } from 'vitest';
import { MMAP_BASE, PAGE_SIZE } from '../src/isa/abi.js';
import { E } from '../src/kernel/errno.js';
import { procExit } from '../src/kernel/exit.js';
import { handlePageFault } from '../src/kernel/fault.js';
import type { Kernel } from '../src/kernel/kernel.js';
import { MAP_ANONYMOUS, MAP_FIXED, MAP_FIXED_NOREPLACE, MAP_PRIVATE, MAP_SHARED } from '../src/kernel/mmap.js';
import type { Proc } from '../src/kernel/proc.js';
import { copyin, copyout } from '../src/kernel/uaccess.js';
import { PROT_NONE, PROT_READ, PROT_WRITE } from '../src/kernel/vmarea.js';
import { bootIdle, call, finish, fork } from './ipc-helpers.js';

const RW = PROT_READ | PROT_WRITE;
const SHARED = MAP_SHARED | MAP_ANONYMOUS;
const PRIVATE = MAP_PRIVATE | MAP_ANONYMOUS;

function mmap(k: Kernel, p: Proc, length: number, prot = RW, flags = SHARED, addr = 0, fd = -1, offset = 0): number {
  return call(k, p, 'mmap', addr, length, prot, flags, fd, offset) as number;
}

function word(k: Kernel, p: Proc, addr: number): number {
  const b = new Uint8Array(4);
  expect(copyin(k, p, addr, b)).toBe(0);
  return new DataView(b.buffer).getInt32(0, true);
}

function store(k: Kernel, p: Proc, addr: number, value: number): void {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, value, true);
  expect(copyout(k, p, addr, b)).toBe(0);
}

describe('mmap', () => {
  it('shares MAP_SHARED pages with children, each page getting its frame on the first touch by anyone', () => {
    const { k, p } = bootIdle();
    const sh = mmap(k, p, 16 * PAGE_SIZE) >>> 0;
    expect(sh).toBe(MMAP_BASE);
    store(k, p, sh, 1);
    const kids = [fork(k, p), fork(k, p)];
    call(k, p, 'getpid', 0);
    kids.forEach((c) => call(k, c, 'getpid', 0));
    const before = k.mem.framesAllocated;
    store(k, kids[0], sh + 4 * PAGE_SIZE, 22);
    store(k, kids[1], sh + 8 * PAGE_SIZE, 33);
    expect(word(k, p, sh + 4 * PAGE_SIZE)).toBe(22);
    expect(word(k, kids[0], sh + 8 * PAGE_SIZE)).toBe(33);
    expect(word(k, kids[1], sh)).toBe(1);
    expect(k.mem.framesAllocated - before).toBe(2);
    expect(kids[0].stats.faultsSharedNew).toBe(1);
    expect(p.stats.faultsSharedExisting).toBe(1);
    // The region outlives any one process, and goes with the last area.
    procExit(k, p, 0);
    expect(word(k, kids[0], sh + 8 * PAGE_SIZE)).toBe(33);
    const freed = k.mem.framesFreed;
    expect(call(k, kids[0], 'munmap', sh, 16 * PAGE_SIZE)).toBe(0);
    expect(k.mem.framesFreed).toBe(freed);
    expect([...k.ipc.shmem].map((store) => store.residentPages())).toEqual([3]);
    procExit(k, kids[1], 0);
    expect(k.ipc.shmem.size).toBe(0);
    finish(k);
  });

  it('makes MAP_PRIVATE copy-on-write both ways, zero-filled', () => {
    const { k, p } = bootIdle();
    const pr = mmap(k, p, 2 * PAGE_SIZE, RW, PRIVATE) >>> 0;
    expect(word(k, p, pr + PAGE_SIZE + 8)).toBe(0);
    store(k, p, pr, 1);
    const child = fork(k, p);
    expect(word(k, child, pr)).toBe(1);
    store(k, child, pr + 4, 33);
    store(k, p, pr + 8, 77);
    expect([word(k, p, pr + 4), word(k, child, pr + 8)]).toEqual([0, 0]);
    expect(child.stats.faultsCow).toBe(1);
    finish(k);
  });

  it('enforces protections: PROT_NONE faults, read-only faults on writes, write implies read', () => {
    const { k, p } = bootIdle();
    const none = mmap(k, p, PAGE_SIZE, PROT_NONE, PRIVATE) >>> 0;
    const ro = mmap(k, p, PAGE_SIZE, PROT_READ, SHARED) >>> 0;
    const wo = mmap(k, p, PAGE_SIZE, PROT_WRITE, PRIVATE) >>> 0;
    expect(handlePageFault(k, p, none, false)).toBe('segv');
    expect(word(k, p, ro)).toBe(0);
    expect(handlePageFault(k, p, ro, true)).toBe('segv');
    store(k, p, wo, 5);
    expect(word(k, p, wo)).toBe(5);
    finish(k);
  });

  it('rejects bad requests: EINVAL, ENOMEM, EPERM, EEXIST, EBADF, ENOSYS for files', () => {
    const { k, p } = bootIdle();
    expect(mmap(k, p, 0, RW, PRIVATE)).toBe(-E.EINVAL);
    expect(mmap(k, p, PAGE_SIZE, RW, MAP_ANONYMOUS)).toBe(-E.EINVAL);
    expect(mmap(k, p, PAGE_SIZE, RW, PRIVATE, 0, -1, 100)).toBe(-E.EINVAL);
    expect(mmap(k, p, 0xf0000000, RW, PRIVATE)).toBe(-E.ENOMEM);
    expect(mmap(k, p, 64 * 1024 * 1024, RW, PRIVATE)).toBe(-E.ENOMEM);
    expect(mmap(k, p, PAGE_SIZE, RW, PRIVATE | MAP_FIXED, 0x50000010)).toBe(-E.EINVAL);
    expect(mmap(k, p, PAGE_SIZE, RW, PRIVATE | MAP_FIXED, 0x1000)).toBe(-E.EPERM);
    expect(mmap(k, p, 2 * PAGE_SIZE, RW, PRIVATE | MAP_FIXED, 0xbffff000)).toBe(-E.ENOMEM);
    expect(mmap(k, p, PAGE_SIZE, RW, MAP_PRIVATE, 0, 99)).toBe(-E.EBADF);
    expect(mmap(k, p, PAGE_SIZE, RW, MAP_PRIVATE, 0, 0)).toBe(-E.ENOSYS);
    const fixed = 0x50000000;
    expect(mmap(k, p, 2 * PAGE_SIZE, RW, PRIVATE | MAP_FIXED, fixed) >>> 0).toBe(fixed);
    expect(mmap(k, p, PAGE_SIZE, RW, PRIVATE | MAP_FIXED_NOREPLACE, fixed + PAGE_SIZE)).toBe(-E.EEXIST);
    store(k, p, fixed + PAGE_SIZE, 9);
    // MAP_FIXED replaces what was there: a fresh zero page.
    expect(mmap(k, p, PAGE_SIZE, RW, SHARED | MAP_FIXED, fixed + PAGE_SIZE) >>> 0).toBe(fixed + PAGE_SIZE);
    expect(word(k, p, fixed + PAGE_SIZE)).toBe(0);
    // A free hint is taken as is.
    expect(mmap(k, p, PAGE_SIZE, RW, PRIVATE, 0x60000123) >>> 0).toBe(0x60001000);
    finish(k);
  });
});

describe('munmap', () => {
  it('cuts a region: the other pages stay usable, the unmapped ones fault', () => {
    const { k, p } = bootIdle();
    const sh = mmap(k, p, 3 * PAGE_SIZE) >>> 0;
    for (let i = 0; i < 3; i++) store(k, p, sh + i * PAGE_SIZE, i + 1);
    const child = fork(k, p);
    expect(call(k, p, 'munmap', sh + PAGE_SIZE, PAGE_SIZE)).toBe(0);
    expect(p.mm.areas.filter((a) => a.kind === 'mmap').map((a) => [a.start - sh, a.end - sh])).toEqual([
      [0, PAGE_SIZE],
      [2 * PAGE_SIZE, 3 * PAGE_SIZE],
    ]);
    expect(handlePageFault(k, p, sh + PAGE_SIZE, false)).toBe('segv');
    expect([word(k, p, sh), word(k, p, sh + 2 * PAGE_SIZE)]).toEqual([1, 3]);
    store(k, p, sh + 2 * PAGE_SIZE, 30);
    expect(word(k, child, sh + 2 * PAGE_SIZE)).toBe(30);
    expect(word(k, child, sh + PAGE_SIZE)).toBe(2);
    // Unmapping where nothing is mapped is fine; the hole is reused first.
    expect(call(k, p, 'munmap', sh + PAGE_SIZE, PAGE_SIZE)).toBe(0);
    expect(mmap(k, p, PAGE_SIZE, RW, PRIVATE) >>> 0).toBe(sh + PAGE_SIZE);
    finish(k);
  });

  it('rejects an unaligned address or a zero length with EINVAL', () => {
    const { k, p } = bootIdle();
    const pr = mmap(k, p, PAGE_SIZE, RW, PRIVATE) >>> 0;
    expect(call(k, p, 'munmap', pr + 1, PAGE_SIZE)).toBe(-E.EINVAL);
    expect(call(k, p, 'munmap', pr, 0)).toBe(-E.EINVAL);
    expect(call(k, p, 'munmap', 0xfffff000, 2 * PAGE_SIZE)).toBe(-E.EINVAL);
    expect(call(k, p, 'munmap', pr, 1)).toBe(0);
    expect(handlePageFault(k, p, pr, false)).toBe('segv');
    finish(k);
  });
});
