// Semaphores: semget/semop/semctl errnos, all-or-nothing operations, and each
// wake-up path of the pending list (decrements, waits for zero, several semaphores
// at once, SETVAL/SETALL, SEM_UNDO at exit, IPC_RMID, a call abandoned by a
// signal), stepped through with the system call driver of ipc-helpers.ts.
import { describe, expect, it } from 'vitest';
import { E } from '../src/kernel/errno.js';
import { procExit } from '../src/kernel/exit.js';
import { IPC_CREAT, IPC_NOWAIT, IPC_PRIVATE, IPC_RMID, IPC_SET, IPC_STAT } from '../src/kernel/ipc.js';
import type { Kernel } from '../src/kernel/kernel.js';
import { SEMMSL, SEMOPM, VIRTUAL_EPOCH_SECONDS } from '../src/kernel/param.js';
import type { Proc } from '../src/kernel/proc.js';
import { SEM_UNDO } from '../src/kernel/sem.js';
import { GETALL, GETNCNT, GETPID, GETVAL, GETZCNT, SEM_INFO, SEM_STAT, SETALL, SETVAL } from '../src/kernel/semctl.js';
import { wakeProc } from '../src/kernel/sleep.js';
import { ASLEEP, BUF, bootIdle, call, completed, finish, fork, get, put, sembufs } from './ipc-helpers.js';

const SIGKILL = 9;

function semop(k: Kernel, p: Proc, id: number, ...ops: [number, number, number][]) {
  put(k, p, BUF, sembufs(...ops));
  return call(k, p, 'semop', id, BUF, ops.length);
}

function values(k: Kernel, p: Proc, id: number, n: number): number[] {
  expect(call(k, p, 'semctl', id, 0, GETALL, BUF + 0x100)).toBe(0);
  const v = get(k, p, BUF + 0x100, 2 * n);
  return Array.from({ length: n }, (_, i) => v.getUint16(2 * i, true));
}

function setAll(k: Kernel, p: Proc, id: number, vals: number[]) {
  const bytes = new Uint8Array(2 * vals.length);
  vals.forEach((v, i) => new DataView(bytes.buffer).setUint16(2 * i, v, true));
  put(k, p, BUF + 0x200, bytes);
  return call(k, p, 'semctl', id, 0, SETALL, BUF + 0x200);
}

function newSet(k: Kernel, p: Proc, nsems: number): number {
  const id = call(k, p, 'semget', IPC_PRIVATE, nsems, IPC_CREAT | 0o600);
  if (typeof id !== 'number' || id < 0) throw new Error(`semget: ${id}`);
  return id;
}

describe('semget and semctl', () => {
  it('validates nsems: EINVAL for 0 on creation, above SEMMSL, or above an existing set', () => {
    const { k, p } = bootIdle();
    expect(call(k, p, 'semget', IPC_PRIVATE, 0, IPC_CREAT | 0o600)).toBe(-E.EINVAL);
    expect(call(k, p, 'semget', IPC_PRIVATE, SEMMSL + 1, IPC_CREAT | 0o600)).toBe(-E.EINVAL);
    expect(call(k, p, 'semget', IPC_PRIVATE, -1, IPC_CREAT | 0o600)).toBe(-E.EINVAL);
    const id = call(k, p, 'semget', 0x55, 2, IPC_CREAT | 0o600) as number;
    expect(call(k, p, 'semget', 0x55, 3, 0)).toBe(-E.EINVAL);
    expect(call(k, p, 'semget', 0x55, 0, 0)).toBe(id);
    expect(call(k, p, 'semget', 0x55, 2, 0)).toBe(id);
    call(k, p, 'semctl', id, 0, IPC_RMID, 0);
    finish(k);
  });

  it('gets and sets values, pids and the status; ERANGE outside 0..32767; EINVAL after removal', () => {
    const { k, p } = bootIdle();
    const id = newSet(k, p, 3);
    expect(values(k, p, id, 3)).toEqual([0, 0, 0]);
    expect(setAll(k, p, id, [1, 5, 32767])).toBe(0);
    expect(setAll(k, p, id, [1, 32768, 0])).toBe(-E.ERANGE);
    expect(values(k, p, id, 3)).toEqual([1, 5, 32767]);
    expect(call(k, p, 'semctl', id, 0, SETVAL, 4)).toBe(0);
    expect(call(k, p, 'semctl', id, 0, GETVAL, 0)).toBe(4);
    expect(call(k, p, 'semctl', id, 1, SETVAL, 32768)).toBe(-E.ERANGE);
    expect(call(k, p, 'semctl', id, 1, SETVAL, -1)).toBe(-E.ERANGE);
    expect(call(k, p, 'semctl', id, 3, SETVAL, 1)).toBe(-E.EINVAL);
    expect(call(k, p, 'semctl', id, -1, GETVAL, 0)).toBe(-E.EINVAL);
    expect(call(k, p, 'semctl', id, 0, 99, 0)).toBe(-E.EINVAL);
    const child = fork(k, p);
    expect(semop(k, child, id, [1, -2, 0])).toBe(0);
    expect(call(k, p, 'semctl', id, 1, GETPID, 0)).toBe(child.pid);
    expect(call(k, p, 'semctl', id, 0, GETPID, 0)).toBe(p.pid);
    expect(semop(k, p, id, [2, 1, 0])).toBe(-E.ERANGE);
    expect(semop(k, p, id, [1, -10, IPC_NOWAIT])).toBe(-E.EAGAIN);
    expect(values(k, p, id, 3)).toEqual([4, 3, 32767]);
    expect(call(k, p, 'semctl', id, 0, IPC_STAT, BUF + 0x400)).toBe(0);
    const ds = get(k, p, BUF + 0x400, 64);
    expect([ds.getUint16(20, true), ds.getInt32(36, true), ds.getInt32(44, true), ds.getUint32(52, true)]).toEqual([
      0o600,
      VIRTUAL_EPOCH_SECONDS,
      VIRTUAL_EPOCH_SECONDS,
      3,
    ]);
    ds.setUint16(20, 0o640, true);
    put(k, p, BUF + 0x400, new Uint8Array(ds.buffer));
    expect(call(k, p, 'semctl', id, 0, IPC_SET, BUF + 0x400)).toBe(0);
    expect(call(k, p, 'semctl', id % 32768, 0, SEM_STAT, BUF + 0x400)).toBe(id);
    expect(get(k, p, BUF + 0x400, 64).getUint16(20, true)).toBe(0o640);
    expect(call(k, p, 'semctl', 0, 0, SEM_INFO, BUF + 0x400)).toBe(id % 32768);
    expect([get(k, p, BUF + 0x400, 40).getInt32(28, true), get(k, p, BUF + 0x400, 40).getInt32(36, true)]).toEqual([1, 3]);
    expect(call(k, p, 'semctl', id, 0, IPC_RMID, 0)).toBe(0);
    expect(semop(k, p, id, [0, 1, 0])).toBe(-E.EINVAL);
    expect(call(k, p, 'semctl', id, 0, GETVAL, 0)).toBe(-E.EINVAL);
    finish(k);
  });

  it('rejects bad semops: EINVAL, E2BIG, EFAULT, EFBIG, EACCES, EPERM', () => {
    const { k, p } = bootIdle();
    const id = newSet(k, p, 2);
    expect(call(k, p, 'semop', id, BUF, 0)).toBe(-E.EINVAL);
    expect(call(k, p, 'semop', -1, BUF, 1)).toBe(-E.EINVAL);
    expect(call(k, p, 'semop', id, BUF, SEMOPM + 1)).toBe(-E.E2BIG);
    expect(call(k, p, 'semop', id, 0, 1)).toBe(-E.EFAULT);
    expect(semop(k, p, id, [0, 1, 0], [2, 1, 0])).toBe(-E.EFBIG);
    const other = fork(k, p);
    other.cred.euid = 2000;
    other.cred.egid = 2000;
    expect(semop(k, other, id, [0, 0, IPC_NOWAIT])).toBe(-E.EACCES);
    expect(call(k, other, 'semctl', id, 0, GETVAL, 0)).toBe(-E.EACCES);
    expect(call(k, other, 'semctl', id, 0, SETVAL, 1)).toBe(-E.EACCES);
    expect(call(k, other, 'semctl', id, 0, IPC_RMID, 0)).toBe(-E.EPERM);
    call(k, p, 'semctl', id, 0, IPC_RMID, 0);
    finish(k);
  });
});

describe('semop', () => {
  it('applies all operations in order or none', () => {
    const { k, p } = bootIdle();
    const id = newSet(k, p, 2);
    expect(semop(k, p, id, [0, 1, IPC_NOWAIT], [1, -1, IPC_NOWAIT])).toBe(-E.EAGAIN);
    expect(values(k, p, id, 2)).toEqual([0, 0]);
    call(k, p, 'semctl', id, 0, SETVAL, 1);
    expect(semop(k, p, id, [0, -1, IPC_NOWAIT], [0, -1, IPC_NOWAIT])).toBe(-E.EAGAIN);
    expect(semop(k, p, id, [0, 1, 0], [0, -2, 0])).toBe(0);
    expect(semop(k, p, id, [1, 0, IPC_NOWAIT], [0, 5, IPC_NOWAIT])).toBe(0);
    expect(semop(k, p, id, [0, 0, IPC_NOWAIT], [1, 5, IPC_NOWAIT])).toBe(-E.EAGAIN);
    expect(values(k, p, id, 2)).toEqual([5, 0]);
    call(k, p, 'semctl', id, 0, IPC_RMID, 0);
    finish(k);
  });

  it('takes two semaphores at once for a blocked waiter, counting it by its blocking operation', () => {
    const { k, p } = bootIdle();
    const id = newSet(k, p, 2);
    const child = fork(k, p);
    expect(semop(k, child, id, [0, -1, 0], [1, -1, 0])).toBe(ASLEEP);
    expect(child.sleepWhat).toBe(`semop on set ${id}: semaphore 0 -1`);
    expect([call(k, p, 'semctl', id, 0, GETNCNT, 0), call(k, p, 'semctl', id, 1, GETNCNT, 0)]).toEqual([1, 0]);
    expect(semop(k, p, id, [0, 1, 0])).toBe(0);
    expect(child.state).toBe('sleeping');
    expect(values(k, p, id, 2)).toEqual([1, 0]);
    expect([call(k, p, 'semctl', id, 0, GETNCNT, 0), call(k, p, 'semctl', id, 1, GETNCNT, 0)]).toEqual([0, 1]);
    expect(semop(k, p, id, [1, 1, 0])).toBe(0);
    expect(completed(child)).toBe(0);
    expect(values(k, p, id, 2)).toEqual([0, 0]);
    expect(call(k, p, 'semctl', id, 0, GETPID, 0)).toBe(child.pid);
    call(k, p, 'semctl', id, 0, IPC_RMID, 0);
    finish(k);
  });

  it('wakes waiters for zero when the value reaches zero, and counts them in GETZCNT', () => {
    const { k, p } = bootIdle();
    const id = newSet(k, p, 1);
    call(k, p, 'semctl', id, 0, SETVAL, 2);
    const [z1, z2] = [fork(k, p), fork(k, p)];
    expect(semop(k, z1, id, [0, 0, 0])).toBe(ASLEEP);
    expect(semop(k, z2, id, [0, 0, 0])).toBe(ASLEEP);
    expect(call(k, p, 'semctl', id, 0, GETZCNT, 0)).toBe(2);
    expect(semop(k, p, id, [0, -1, 0])).toBe(0);
    expect([z1.state, z2.state]).toEqual(['sleeping', 'sleeping']);
    expect(call(k, p, 'semctl', id, 0, SETVAL, 0)).toBe(0);
    expect([completed(z1), completed(z2)]).toEqual([0, 0]);
    expect(call(k, p, 'semctl', id, 0, GETZCNT, 0)).toBe(0);
    call(k, p, 'semctl', id, 0, IPC_RMID, 0);
    finish(k);
  });

  it('serves a satisfiable waiter behind an unsatisfiable one, and hands a release to the longest waiter', () => {
    const { k, p } = bootIdle();
    const id = newSet(k, p, 1);
    const [big, small, late] = [fork(k, p), fork(k, p), fork(k, p)];
    expect(semop(k, big, id, [0, -2, 0])).toBe(ASLEEP);
    expect(semop(k, small, id, [0, -1, 0])).toBe(ASLEEP);
    expect(semop(k, late, id, [0, -1, 0])).toBe(ASLEEP);
    expect(call(k, p, 'semctl', id, 0, GETNCNT, 0)).toBe(3);
    expect(semop(k, p, id, [0, 1, 0])).toBe(0);
    expect([big.state, completed(small), late.state]).toEqual(['sleeping', 0, 'sleeping']);
    expect(semop(k, p, id, [0, 2, 0])).toBe(0);
    expect([completed(big), late.state]).toEqual([0, 'sleeping']);
    // A mutex released while someone waits goes to the waiter: the releaser's own
    // next -1 must wait.
    expect(semop(k, small, id, [0, 1, 0])).toBe(0);
    expect(completed(late)).toBe(0);
    expect(semop(k, small, id, [0, -1, 0])).toBe(ASLEEP);
    expect(values(k, p, id, 1)).toEqual([0]);
    expect(call(k, p, 'semctl', id, 0, IPC_RMID, 0)).toBe(0);
    expect(completed(small)).toBe(-E.EIDRM);
    finish(k);
  });

  it('ends blocked semops with EIDRM on IPC_RMID', () => {
    const { k, p } = bootIdle();
    const id = newSet(k, p, 2);
    const [dec, zero] = [fork(k, p), fork(k, p)];
    call(k, p, 'semctl', id, 1, SETVAL, 1);
    expect(semop(k, dec, id, [0, -1, 0])).toBe(ASLEEP);
    expect(semop(k, zero, id, [1, 0, 0])).toBe(ASLEEP);
    expect(call(k, p, 'semctl', id, 0, IPC_RMID, 0)).toBe(0);
    expect([completed(dec), completed(zero)]).toEqual([-E.EIDRM, -E.EIDRM]);
    finish(k);
  });

  it('drops a waiter whose call a signal abandoned: it is neither counted nor granted', () => {
    const { k, p } = bootIdle();
    const id = newSet(k, p, 1);
    const w = fork(k, p);
    expect(semop(k, w, id, [0, -1, 0])).toBe(ASLEEP);
    wakeProc(k, w);
    w.blockedSyscall = 0;
    expect(call(k, p, 'semctl', id, 0, GETNCNT, 0)).toBe(0);
    expect(semop(k, p, id, [0, 1, 0])).toBe(0);
    expect(values(k, p, id, 1)).toEqual([1]);
    // Its next call takes the unit itself.
    expect(semop(k, w, id, [0, -1, 0])).toBe(0);
    call(k, p, 'semctl', id, 0, IPC_RMID, 0);
    finish(k);
  });

  it('keeps no record of an abandoned wait once its process makes another call or exits', () => {
    const { k, p } = bootIdle();
    const first = newSet(k, p, 1);
    const second = newSet(k, p, 1);
    const w = fork(k, p);
    const x = fork(k, p);
    expect(semop(k, w, first, [0, -1, 0])).toBe(ASLEEP);
    expect(semop(k, x, second, [0, -1, 0])).toBe(ASLEEP);
    wakeProc(k, w);
    w.blockedSyscall = 0;
    expect(k.ipc.sem.get(first)?.pending.length).toBe(1);
    call(k, w, 'getpid');
    expect(k.ipc.sem.get(first)?.pending.length).toBe(0);
    procExit(k, x, SIGKILL);
    expect(k.ipc.sem.get(second)?.pending.length).toBe(0);
    call(k, p, 'semctl', first, 0, IPC_RMID, 0);
    call(k, p, 'semctl', second, 0, IPC_RMID, 0);
    finish(k);
  });
});

describe('SEM_UNDO', () => {
  it('applies adjustments at exit, only for SEM_UNDO operations, clamped at zero', () => {
    const { k, p } = bootIdle();
    const id = newSet(k, p, 1);
    call(k, p, 'semctl', id, 0, SETVAL, 5);
    const a = fork(k, p);
    expect(semop(k, a, id, [0, -2, SEM_UNDO])).toBe(0);
    expect(values(k, p, id, 1)).toEqual([3]);
    procExit(k, a, 0);
    expect(values(k, p, id, 1)).toEqual([5]);
    expect(call(k, p, 'semctl', id, 0, GETPID, 0)).toBe(a.pid);

    const b = fork(k, p);
    semop(k, b, id, [0, 3, SEM_UNDO]);
    semop(k, b, id, [0, -1, SEM_UNDO]);
    semop(k, b, id, [0, -1, 0]);
    expect(values(k, p, id, 1)).toEqual([6]);
    procExit(k, b, SIGKILL);
    expect(values(k, p, id, 1)).toEqual([4]);

    const c = fork(k, p);
    semop(k, c, id, [0, 2, SEM_UNDO]);
    semop(k, p, id, [0, -6, 0]);
    procExit(k, c, 0);
    expect(values(k, p, id, 1)).toEqual([0]);
    call(k, p, 'semctl', id, 0, IPC_RMID, 0);
    finish(k);
  });

  it('forgets adjustments on SETVAL and SETALL, and with the set on IPC_RMID', () => {
    const { k, p } = bootIdle();
    const id = newSet(k, p, 2);
    const a = fork(k, p);
    semop(k, a, id, [0, 2, SEM_UNDO], [1, 3, SEM_UNDO]);
    call(k, p, 'semctl', id, 0, SETVAL, 10);
    procExit(k, a, 0);
    expect(values(k, p, id, 2)).toEqual([10, 0]);
    const b = fork(k, p);
    semop(k, b, id, [0, 2, SEM_UNDO], [1, 3, SEM_UNDO]);
    setAll(k, p, id, [1, 1]);
    procExit(k, b, 0);
    expect(values(k, p, id, 2)).toEqual([1, 1]);
    const c = fork(k, p);
    semop(k, c, id, [0, 1, SEM_UNDO]);
    expect(c.semUndos).toHaveLength(1);
    call(k, p, 'semctl', id, 0, IPC_RMID, 0);
    expect(c.semUndos).toHaveLength(0);
    finish(k);
  });

  it('records the adjustment of an operation granted to a sleeper, and wakes waiters at exit', () => {
    const { k, p } = bootIdle();
    const id = newSet(k, p, 1);
    const holder = fork(k, p);
    const waiter = fork(k, p);
    call(k, p, 'semctl', id, 0, SETVAL, 1);
    expect(semop(k, holder, id, [0, -1, SEM_UNDO])).toBe(0);
    expect(semop(k, waiter, id, [0, -1, SEM_UNDO])).toBe(ASLEEP);
    // The holder dies holding the unit: its undo gives it to the waiter...
    procExit(k, holder, SIGKILL);
    expect(completed(waiter)).toBe(0);
    expect(values(k, p, id, 1)).toEqual([0]);
    // ...whose own undo gives it back when it exits.
    procExit(k, waiter, 0);
    expect(values(k, p, id, 1)).toEqual([1]);
    call(k, p, 'semctl', id, 0, IPC_RMID, 0);
    finish(k);
  });

  it('fails with ERANGE when an adjustment would leave -32768..32767', () => {
    const { k, p } = bootIdle();
    const id = newSet(k, p, 1);
    expect(semop(k, p, id, [0, 32767, SEM_UNDO])).toBe(0);
    expect(semop(k, p, id, [0, -32767, 0])).toBe(0);
    expect(semop(k, p, id, [0, 1, SEM_UNDO])).toBe(0);
    expect(semop(k, p, id, [0, -1, 0])).toBe(0);
    expect(semop(k, p, id, [0, 1, SEM_UNDO])).toBe(-E.ERANGE);
    expect(values(k, p, id, 1)).toEqual([0]);
    call(k, p, 'semctl', id, 0, IPC_RMID, 0);
    finish(k);
  });
});
