// System V shared memory: segments get frames page by page, on the first touch by
// any process, and later touches map the same frame; frame accounting to the page;
// shm_nattch/shm_lpid across shmat, fork, exit and shmdt; IPC_RMID while attached;
// SHM_RDONLY, SHM_RND and fixed addresses; every errno.
import { describe, expect, it } from 'vitest';
import { MMAP_BASE, PAGE_SIZE } from '../src/isa/abi.js';
import { E } from '../src/kernel/errno.js';
import { procExit } from '../src/kernel/exit.js';
import { handlePageFault } from '../src/kernel/fault.js';
import { IPC_CREAT, IPC_EXCL, IPC_PRIVATE, IPC_RMID, IPC_SET, IPC_STAT } from '../src/kernel/ipc.js';
import type { Kernel } from '../src/kernel/kernel.js';
import { SHMMAX, VIRTUAL_EPOCH_SECONDS } from '../src/kernel/param.js';
import type { Proc } from '../src/kernel/proc.js';
import { SHM_DEST, SHM_RDONLY, SHM_REMAP, SHM_RND } from '../src/kernel/shm.js';
import { copyin, copyout } from '../src/kernel/uaccess.js';
import type { FaultOutcome } from '../src/kernel/vmarea.js';
import { PTE_SHARED, PTE_WRITE } from '../src/vm/mmu.js';
import { BUF, bootIdle, call, finish, fork, get, put } from './ipc-helpers.js';

const MiB = 1024 * 1024;
const SHM_INFO = 14;

function shmStat(k: Kernel, p: Proc, id: number) {
  const r = call(k, p, 'shmctl', id, IPC_STAT, BUF + 0x800);
  if (r !== 0) return { error: r };
  const v = get(k, p, BUF + 0x800, 84);
  return {
    key: v.getInt32(0, true),
    mode: v.getUint16(20, true),
    segsz: v.getUint32(36, true),
    atime: v.getInt32(40, true),
    dtime: v.getInt32(48, true),
    ctime: v.getInt32(56, true),
    cpid: v.getInt32(64, true),
    lpid: v.getInt32(68, true),
    nattch: v.getUint32(72, true),
  };
}

function attach(k: Kernel, p: Proc, id: number, addr = 0, flags = 0): number {
  const at = call(k, p, 'shmat', id, addr, flags) as number;
  if (at < 0 && at > -4096) throw new Error(`shmat: ${at}`);
  return at >>> 0;
}

function touch(k: Kernel, p: Proc, addr: number, value: number): void {
  expect(copyout(k, p, addr, Uint8Array.of(value))).toBe(0);
}

function peek(k: Kernel, p: Proc, addr: number): number {
  const b = new Uint8Array(1);
  expect(copyin(k, p, addr, b)).toBe(0);
  return b[0];
}

function frameAt(p: Proc, addr: number): number {
  return p.mm.mmu.getPte(addr >>> 12) >>> 12;
}

describe('shmget', () => {
  it('reports the size asked for, rounds to pages, and checks sizes and keys', () => {
    const { k, p } = bootIdle();
    const key = 0x3b000001;
    expect(call(k, p, 'shmget', key, 0, IPC_CREAT | 0o600)).toBe(-E.EINVAL);
    expect(call(k, p, 'shmget', key, SHMMAX + 1, IPC_CREAT | 0o600)).toBe(-E.EINVAL);
    expect(call(k, p, 'shmget', key, 100, 0o600)).toBe(-E.ENOENT);
    const id = call(k, p, 'shmget', key, 100, IPC_CREAT | IPC_EXCL | 0o600) as number;
    expect(call(k, p, 'shmget', key, 100, IPC_CREAT | IPC_EXCL | 0o600)).toBe(-E.EEXIST);
    expect(call(k, p, 'shmget', key, 8192, 0)).toBe(-E.EINVAL);
    expect(call(k, p, 'shmget', key, 0, 0)).toBe(id);
    expect(shmStat(k, p, id)).toMatchObject({ key, segsz: 100, nattch: 0, cpid: p.pid, lpid: 0, mode: 0o600, ctime: VIRTUAL_EPOCH_SECONDS });
    const at = attach(k, p, id);
    touch(k, p, at + 4000, 7);
    expect(peek(k, p, at + 4000)).toBe(7);
    expect(handlePageFault(k, p, at + PAGE_SIZE, false)).toBe('segv');
    call(k, p, 'shmdt', at);
    call(k, p, 'shmctl', id, IPC_RMID, 0);
    finish(k);
  });
});

describe('frames come page by page, on first touch', () => {
  it('allocates no frame at shmget or shmat; exactly one per page touched, freed after RMID and the last detach', () => {
    const { k, p } = bootIdle(64 * MiB);
    const mem = k.mem;
    const id = call(k, p, 'shmget', IPC_PRIVATE, MiB, IPC_CREAT | 0o600) as number;
    const child = fork(k, p);
    // Break copy-on-write on the stack page the driver writes arguments to, in both,
    // so only segment pages count.
    call(k, p, 'getpid', 0);
    call(k, child, 'getpid', 0);
    const before = mem.framesAllocated;
    const a = attach(k, p, id);
    const b = attach(k, child, id);
    expect(mem.framesAllocated).toBe(before);
    // Ten pages between them, some touched by both: five by the parent, five more by
    // the child, and the child also reads three of the parent's.
    for (let page = 0; page < 5; page++) touch(k, p, a + page * 64 * 1024, page + 1);
    for (let page = 5; page < 10; page++) touch(k, child, b + page * 64 * 1024, page + 1);
    for (let page = 0; page < 3; page++) expect(peek(k, child, b + page * 64 * 1024)).toBe(page + 1);
    for (let page = 5; page < 10; page++) expect(peek(k, p, a + page * 64 * 1024)).toBe(page + 1);
    expect(mem.framesAllocated - before).toBe(10);
    expect(p.stats.faultsSharedNew + child.stats.faultsSharedNew).toBe(10);
    expect(p.stats.faultsSharedExisting + child.stats.faultsSharedExisting).toBe(8);
    expect(frameAt(child, b)).toBe(frameAt(p, a));
    expect(p.mm.mmu.getPte(a >>> 12) & (PTE_SHARED | PTE_WRITE)).toBe(PTE_SHARED | PTE_WRITE);
    k.checkInvariants();

    expect(call(k, p, 'shmctl', id, IPC_RMID, 0)).toBe(0);
    expect(call(k, p, 'shmdt', a)).toBe(0);
    const freedBefore = mem.framesFreed;
    expect(call(k, child, 'shmdt', b)).toBe(0);
    expect(mem.framesFreed - freedBefore).toBe(10);
    expect(call(k, p, 'shmctl', id, IPC_STAT, BUF)).toBe(-E.EINVAL);
    finish(k);
  });

  it('gives a new segment zeroed frames, those of a removed one included', () => {
    const { k, p } = bootIdle(64 * MiB);
    const pages = 64;
    const used = new Set<number>();
    for (let round = 0; round < 3; round++) {
      const id = call(k, p, 'shmget', IPC_PRIVATE, pages * PAGE_SIZE, IPC_CREAT | 0o600) as number;
      const a = attach(k, p, id);
      for (let page = 0; page < pages; page++) {
        expect(peek(k, p, a + page * PAGE_SIZE + 4095)).toBe(0);
        expect(peek(k, p, a + page * PAGE_SIZE)).toBe(0);
        used.add(frameAt(p, a + page * PAGE_SIZE));
        for (const offset of [0, 2048, 4095]) touch(k, p, a + page * PAGE_SIZE + offset, 0xa5);
      }
      // Removed while attached, then detached: freed at the last detach.
      expect(call(k, p, 'shmctl', id, IPC_RMID, 0)).toBe(0);
      expect(call(k, p, 'shmdt', a)).toBe(0);
      k.checkInvariants();
    }
    // The later rounds got the frames of the first back.
    expect(used.size).toBe(pages);
    finish(k);
  });

  it('reports each fault as a new or an existing frame to the observer', () => {
    const faults: [number, FaultOutcome][] = [];
    const { k, p } = bootIdle();
    (k as { observer: Kernel['observer'] }).observer = { fault: (q, _addr, _write, outcome) => faults.push([q.pid, outcome]) };
    const id = call(k, p, 'shmget', IPC_PRIVATE, 2 * PAGE_SIZE, IPC_CREAT | 0o600) as number;
    const child = fork(k, p);
    const a = attach(k, p, id);
    const b = attach(k, child, id);
    faults.length = 0;
    touch(k, child, b + PAGE_SIZE, 1);
    touch(k, p, a + PAGE_SIZE, 2);
    touch(k, p, a, 3);
    expect(faults).toEqual([
      [child.pid, 'shared-new'],
      [p.pid, 'shared-existing'],
      [p.pid, 'shared-new'],
    ]);
    call(k, p, 'shmctl', id, IPC_RMID, 0);
    finish(k);
  });
});

describe('attachments', () => {
  it('counts attachments across shmat, fork, exit and shmdt, with shm_lpid', () => {
    const { k, p } = bootIdle();
    const id = call(k, p, 'shmget', IPC_PRIVATE, 3 * PAGE_SIZE, IPC_CREAT | 0o600) as number;
    const at = attach(k, p, id);
    expect(at).toBe(MMAP_BASE);
    expect(shmStat(k, p, id)).toMatchObject({ nattch: 1, lpid: p.pid, atime: VIRTUAL_EPOCH_SECONDS });
    touch(k, p, at + PAGE_SIZE, 42);
    const child = fork(k, p);
    expect(shmStat(k, p, id)).toMatchObject({ nattch: 2, lpid: p.pid });
    expect(peek(k, child, at + PAGE_SIZE)).toBe(42);
    touch(k, child, at, 9);
    expect(peek(k, p, at)).toBe(9);
    procExit(k, child, 0);
    expect(shmStat(k, p, id)).toMatchObject({ nattch: 1, lpid: child.pid, dtime: VIRTUAL_EPOCH_SECONDS });
    expect(call(k, p, 'shmdt', at)).toBe(0);
    expect(shmStat(k, p, id)).toMatchObject({ nattch: 0, lpid: p.pid });
    expect(call(k, p, 'shmdt', at)).toBe(-E.EINVAL);
    expect(handlePageFault(k, p, at, false)).toBe('segv');
    // The data stays with the segment for the next attacher.
    const again = attach(k, p, id);
    expect(peek(k, p, again + PAGE_SIZE)).toBe(42);
    call(k, p, 'shmdt', again);
    call(k, p, 'shmctl', id, IPC_RMID, 0);
    finish(k);
  });

  it('keeps a segment marked by IPC_RMID usable until its last attachment goes; the key is free at once', () => {
    const { k, p } = bootIdle();
    const key = 0x3c000001;
    const id = call(k, p, 'shmget', key, PAGE_SIZE, IPC_CREAT | IPC_EXCL | 0o600) as number;
    const at = attach(k, p, id);
    touch(k, p, at, 1);
    const child = fork(k, p);
    expect(call(k, p, 'shmctl', id, IPC_RMID, 0)).toBe(0);
    const marked = shmStat(k, p, id);
    expect(marked).toMatchObject({ key: 0, nattch: 2 });
    expect(marked.mode! & SHM_DEST).toBe(SHM_DEST);
    expect(call(k, p, 'shmget', key, 0, 0)).toBe(-E.ENOENT);
    const id2 = call(k, p, 'shmget', key, PAGE_SIZE, IPC_CREAT | IPC_EXCL | 0o600) as number;
    expect(id2).not.toBe(id);
    call(k, p, 'shmctl', id2, IPC_RMID, 0);
    touch(k, child, at, 2);
    expect(peek(k, p, at)).toBe(2);
    procExit(k, child, 0);
    expect(shmStat(k, p, id)).toMatchObject({ nattch: 1 });
    const freed = k.mem.framesFreed;
    expect(call(k, p, 'shmdt', at)).toBe(0);
    expect(k.mem.framesFreed - freed).toBe(1);
    expect(call(k, p, 'shmctl', id, IPC_STAT, BUF)).toBe(-E.EINVAL);
    finish(k);
  });

  it('faults on writes through SHM_RDONLY and leaves the data alone', () => {
    const { k, p } = bootIdle();
    const id = call(k, p, 'shmget', IPC_PRIVATE, PAGE_SIZE, IPC_CREAT | 0o600) as number;
    const rw = attach(k, p, id);
    touch(k, p, rw, 5);
    const ro = attach(k, p, id, 0, SHM_RDONLY);
    expect(ro).not.toBe(rw);
    expect(peek(k, p, ro)).toBe(5);
    expect(handlePageFault(k, p, ro, true)).toBe('segv');
    expect(copyout(k, p, ro, Uint8Array.of(1))).toBe(-E.EFAULT);
    expect(peek(k, p, rw)).toBe(5);
    touch(k, p, rw, 6);
    expect(peek(k, p, ro)).toBe(6);
    expect(shmStat(k, p, id).nattch).toBe(2);
    const reader = fork(k, p);
    reader.cred.euid = 2000;
    reader.cred.egid = 2000;
    expect(call(k, reader, 'shmat', id, 0, SHM_RDONLY)).toBe(-E.EACCES);
    call(k, p, 'shmctl', id, IPC_RMID, 0);
    finish(k);
  });

  it('places attachments at a given address: SHM_RND rounds, unaligned or taken is EINVAL, SHM_REMAP replaces', () => {
    const { k, p } = bootIdle();
    const id = call(k, p, 'shmget', IPC_PRIVATE, 2 * PAGE_SIZE, IPC_CREAT | 0o600) as number;
    const want = 0x50000000;
    expect(call(k, p, 'shmat', id, want + 12, 0)).toBe(-E.EINVAL);
    expect(attach(k, p, id, want + 12, SHM_RND)).toBe(want);
    expect(call(k, p, 'shmat', id, want + PAGE_SIZE, 0)).toBe(-E.EINVAL);
    expect(call(k, p, 'shmat', id, 0, SHM_REMAP)).toBe(-E.EINVAL);
    expect(call(k, p, 'shmat', id, 0x1000, 0)).toBe(-E.EPERM);
    expect(attach(k, p, id, want + PAGE_SIZE, SHM_REMAP)).toBe(want + PAGE_SIZE);
    // The first attachment lost its second page to the second one.
    expect(shmStat(k, p, id).nattch).toBe(2);
    expect(call(k, p, 'shmat', id + 1, 0, 0)).toBe(-E.EINVAL);
    expect(call(k, p, 'shmdt', want + 1)).toBe(-E.EINVAL);
    call(k, p, 'shmdt', want);
    call(k, p, 'shmdt', want + PAGE_SIZE);
    call(k, p, 'shmctl', id, IPC_RMID, 0);
    finish(k);
  });

  it('counts the pieces munmap cuts an attachment into, as Linux counts vmas; shmdt takes them all', () => {
    const { k, p } = bootIdle();
    const id = call(k, p, 'shmget', IPC_PRIVATE, 3 * PAGE_SIZE, IPC_CREAT | 0o600) as number;
    const at = attach(k, p, id);
    expect(call(k, p, 'munmap', at + PAGE_SIZE, PAGE_SIZE)).toBe(0);
    expect(shmStat(k, p, id).nattch).toBe(2);
    touch(k, p, at + 2 * PAGE_SIZE, 3);
    expect(handlePageFault(k, p, at + PAGE_SIZE, false)).toBe('segv');
    expect(call(k, p, 'shmdt', at)).toBe(0);
    expect(shmStat(k, p, id).nattch).toBe(0);
    expect(p.mm.areas.some((a) => a.kind === 'shm')).toBe(false);
    call(k, p, 'shmctl', id, IPC_RMID, 0);
    finish(k);
  });

  it('lets the owner change the mode with IPC_SET, and reports segments in SHM_INFO', () => {
    const { k, p } = bootIdle();
    const id = call(k, p, 'shmget', IPC_PRIVATE, 5000, IPC_CREAT | 0o600) as number;
    const at = attach(k, p, id);
    touch(k, p, at, 1);
    call(k, p, 'shmctl', id, IPC_STAT, BUF + 0x800);
    const ds = get(k, p, BUF + 0x800, 84);
    ds.setUint16(20, 0o644, true);
    put(k, p, BUF + 0x800, new Uint8Array(ds.buffer));
    expect(call(k, p, 'shmctl', id, IPC_SET, BUF + 0x800)).toBe(0);
    expect(shmStat(k, p, id).mode).toBe(0o644);
    const other = fork(k, p);
    other.cred.euid = 2000;
    expect(call(k, other, 'shmctl', id, IPC_SET, BUF + 0x800)).toBe(-E.EPERM);
    expect(call(k, other, 'shmctl', id, IPC_RMID, 0)).toBe(-E.EPERM);
    expect(call(k, p, 'shmctl', 0, SHM_INFO, BUF)).toBe(id % 32768);
    const info = get(k, p, BUF, 24);
    expect([info.getInt32(0, true), info.getInt32(4, true), info.getInt32(8, true)]).toEqual([1, 2, 1]);
    call(k, p, 'shmctl', id, IPC_RMID, 0);
    finish(k);
  });
});
