// The IPC namespace (ids, keys, permissions) and message queues: every errno, the
// byte budget, msgtyp selection, and each wake-up path -- a receiver handed a
// message directly, a sender woken by room, IPC_RMID's EIDRM, a call abandoned by
// a signal -- stepped through with the system call driver of ipc-helpers.ts.
import { describe, expect, it } from 'vitest';
import { E } from '../src/kernel/errno.js';
import { IPC_CREAT, IPC_EXCL, IPC_NOWAIT, IPC_PRIVATE, IPC_RMID, IPC_SET, IPC_STAT } from '../src/kernel/ipc.js';
import { ipcsReport } from '../src/kernel/ipcs.js';
import { MSG_EXCEPT, MSG_NOERROR } from '../src/kernel/msg.js';
import { MSGMAX, MSGMNB, VIRTUAL_EPOCH_SECONDS } from '../src/kernel/param.js';
import { procExit } from '../src/kernel/exit.js';
import { wakeProc } from '../src/kernel/sleep.js';
import { ASLEEP, BUF, bootIdle, call, completed, finish, fork, get, msgbuf, put } from './ipc-helpers.js';
import { boot, program, sys } from './kernel-helpers.js';

const MSG_INFO = 12;
const SIGKILL = 9;

function stat(k: ReturnType<typeof bootIdle>['k'], p: ReturnType<typeof bootIdle>['p'], q: number) {
  expect(call(k, p, 'msgctl', q, IPC_STAT, BUF + 0x800)).toBe(0);
  const v = get(k, p, BUF + 0x800, 88);
  return {
    key: v.getInt32(0, true),
    uid: v.getUint32(4, true),
    cuid: v.getUint32(12, true),
    mode: v.getUint16(20, true),
    stime: v.getInt32(36, true),
    rtime: v.getInt32(44, true),
    ctime: v.getInt32(52, true),
    cbytes: v.getUint32(60, true),
    qnum: v.getUint32(64, true),
    qbytes: v.getUint32(68, true),
    lspid: v.getInt32(72, true),
    lrpid: v.getInt32(76, true),
  };
}

/** msgsnd of (type, text) from p's scratch buffer. */
function send(k: ReturnType<typeof bootIdle>['k'], p: ReturnType<typeof bootIdle>['p'], q: number, type: number, text: string, flags = 0) {
  put(k, p, BUF, msgbuf(type, text));
  return call(k, p, 'msgsnd', q, BUF, text.length, flags);
}

/** msgrcv into p's scratch buffer: [result, type, text]. */
function receive(k: ReturnType<typeof bootIdle>['k'], p: ReturnType<typeof bootIdle>['p'], q: number, type: number, flags = 0, size = 64) {
  const n = call(k, p, 'msgrcv', q, BUF + 0x100, size, type, flags);
  if (typeof n !== 'number' || n < 0) return [n, 0, ''] as const;
  return [n, ...bufferOf(k, p, n)] as const;
}

function bufferOf(k: ReturnType<typeof bootIdle>['k'], p: ReturnType<typeof bootIdle>['p'], n: number): [number, string] {
  const v = get(k, p, BUF + 0x100, 4 + n);
  return [v.getInt32(0, true), Buffer.from(v.buffer, 4, n).toString('latin1')];
}

describe('IPC ids and keys', () => {
  it('builds ids from a cyclic slot index and a sequence number, never reusing one at once', () => {
    const { k, p } = bootIdle();
    const ids: number[] = [];
    for (let i = 0; i < 66; i++) {
      const id = call(k, p, 'msgget', IPC_PRIVATE, IPC_CREAT | 0o600) as number;
      ids.push(id);
      expect(call(k, p, 'msgctl', id, IPC_RMID, 0)).toBe(0);
    }
    expect(ids.slice(0, 3)).toEqual([0, 1, 2]);
    expect(ids[63]).toBe(63);
    expect(ids.slice(64)).toEqual([32768, 32769]);
    // The next object takes slot 2 with sequence 1; the stale id 2 names that slot.
    const live = call(k, p, 'msgget', IPC_PRIVATE, IPC_CREAT | 0o600) as number;
    expect(live).toBe(32770);
    expect(call(k, p, 'msgctl', 2, IPC_STAT, BUF)).toBe(-E.EINVAL);
    expect(call(k, p, 'msgctl', live, IPC_RMID, 0)).toBe(0);
    finish(k);
  });

  it('gives a stale id EINVAL even when its slot holds a new object', () => {
    const { k, p } = bootIdle();
    for (let i = 0; i < 64; i++) call(k, p, 'msgctl', call(k, p, 'msgget', IPC_PRIVATE, IPC_CREAT | 0o600) as number, IPC_RMID, 0);
    const reused = call(k, p, 'msgget', IPC_PRIVATE, IPC_CREAT | 0o600) as number;
    expect(reused % 32768).toBe(0);
    expect(call(k, p, 'msgctl', 0, IPC_STAT, BUF)).toBe(-E.EINVAL);
    expect(call(k, p, 'msgctl', reused, IPC_STAT, BUF)).toBe(0);
    call(k, p, 'msgctl', reused, IPC_RMID, 0);
    finish(k);
  });

  it('finds objects by key: ENOENT, EEXIST, the same id, and a fresh object after IPC_RMID', () => {
    const { k, p } = bootIdle();
    const key = 0x3a00beef;
    expect(call(k, p, 'msgget', key, 0o600)).toBe(-E.ENOENT);
    const q = call(k, p, 'msgget', key, IPC_CREAT | IPC_EXCL | 0o600) as number;
    expect(q).toBeGreaterThanOrEqual(0);
    expect(call(k, p, 'msgget', key, IPC_CREAT | IPC_EXCL | 0o600)).toBe(-E.EEXIST);
    expect(call(k, p, 'msgget', key, 0)).toBe(q);
    expect(call(k, p, 'msgget', key, IPC_CREAT | 0o600)).toBe(q);
    expect(call(k, p, 'msgget', IPC_PRIVATE, IPC_CREAT | IPC_EXCL | 0o600)).not.toBe(q);
    expect(stat(k, p, q)).toMatchObject({ key, uid: 1000, cuid: 1000, mode: 0o600, qbytes: MSGMNB, qnum: 0, lspid: 0, lrpid: 0 });
    expect(call(k, p, 'msgctl', q, IPC_RMID, 0)).toBe(0);
    expect(call(k, p, 'msgget', key, 0)).toBe(-E.ENOENT);
    expect(call(k, p, 'msgctl', 1, IPC_RMID, 0)).toBe(0);
    finish(k);
  });

  it('checks permissions: EACCES for other users, EPERM for IPC_SET/IPC_RMID, uid 0 may do all', () => {
    const { k, p } = bootIdle();
    const q = call(k, p, 'msgget', 77, IPC_CREAT | 0o640) as number;
    const other = fork(k, p);
    other.cred.euid = other.cred.uid = 2000;
    other.cred.egid = 2000;
    expect(call(k, other, 'msgget', 77, 0o400)).toBe(-E.EACCES);
    expect(call(k, other, 'msgget', 77, 0)).toBe(q);
    expect(send(k, other, q, 1, 'x')).toBe(-E.EACCES);
    expect(call(k, other, 'msgctl', q, IPC_STAT, BUF)).toBe(-E.EACCES);
    expect(call(k, other, 'msgctl', q, IPC_RMID, 0)).toBe(-E.EPERM);
    const groupMate = fork(k, p);
    groupMate.cred.euid = 2001;
    expect(call(k, groupMate, 'msgget', 77, 0o040)).toBe(q);
    expect(call(k, groupMate, 'msgctl', q, IPC_STAT, BUF)).toBe(0);
    expect(send(k, groupMate, q, 1, 'x')).toBe(-E.EACCES);
    const root = fork(k, p);
    root.cred.euid = 0;
    expect(send(k, root, q, 1, 'x')).toBe(0);
    expect(call(k, root, 'msgctl', q, IPC_RMID, 0)).toBe(0);
    finish(k);
  });
});

describe('message queues', () => {
  it('selects by msgtyp 0, > 0, < 0 and MSG_EXCEPT; ENOMSG with IPC_NOWAIT', () => {
    const { k, p } = bootIdle();
    const q = call(k, p, 'msgget', IPC_PRIVATE, IPC_CREAT | 0o600) as number;
    for (const [type, text] of [[1, 'a1'], [3, 'c1'], [2, 'b1'], [1, 'a2'], [3, 'c2'], [2, 'b2'], [5, 'e1']] as const) {
      expect(send(k, p, q, type, text)).toBe(0);
    }
    expect(receive(k, p, q, 2)).toEqual([2, 2, 'b1']);
    expect(receive(k, p, q, -2)).toEqual([2, 1, 'a1']);
    expect(receive(k, p, q, 0)).toEqual([2, 3, 'c1']);
    expect(receive(k, p, q, 3, MSG_EXCEPT)).toEqual([2, 1, 'a2']);
    expect(receive(k, p, q, 4, IPC_NOWAIT)).toEqual([-E.ENOMSG, 0, '']);
    expect(receive(k, p, q, -1, IPC_NOWAIT)).toEqual([-E.ENOMSG, 0, '']);
    expect(receive(k, p, q, -10)).toEqual([2, 2, 'b2']);
    expect(receive(k, p, q, -(2 ** 31))).toEqual([2, 3, 'c2']);
    expect(receive(k, p, q, 0)).toEqual([2, 5, 'e1']);
    expect(receive(k, p, q, 0, IPC_NOWAIT)).toEqual([-E.ENOMSG, 0, '']);
    call(k, p, 'msgctl', q, IPC_RMID, 0);
    finish(k);
  });

  it('rejects bad sends: mtype < 1, msgsz > MSGMAX, a bad id, an unreadable buffer', () => {
    const { k, p } = bootIdle();
    const q = call(k, p, 'msgget', IPC_PRIVATE, IPC_CREAT | 0o600) as number;
    expect(send(k, p, q, 0, 'x')).toBe(-E.EINVAL);
    expect(send(k, p, q, -4, 'x')).toBe(-E.EINVAL);
    put(k, p, BUF, msgbuf(1, ''));
    expect(call(k, p, 'msgsnd', q, BUF, MSGMAX + 1, 0)).toBe(-E.EINVAL);
    expect(call(k, p, 'msgsnd', q, BUF, -1, 0)).toBe(-E.EINVAL);
    expect(call(k, p, 'msgsnd', q, 0, 1, 0)).toBe(-E.EFAULT);
    expect(call(k, p, 'msgsnd', q + 1, BUF, 1, 0)).toBe(-E.EINVAL);
    expect(call(k, p, 'msgsnd', -1, BUF, 1, 0)).toBe(-E.EINVAL);
    expect(call(k, p, 'msgsnd', q, BUF, MSGMAX, IPC_NOWAIT)).toBe(0);
    expect(call(k, p, 'msgrcv', q, BUF, -1, 0, 0)).toBe(-E.EINVAL);
    expect(call(k, p, 'msgrcv', q, 16, MSGMAX, 0, 0)).toBe(-E.EFAULT);
    expect(stat(k, p, q).qnum).toBe(1);
    call(k, p, 'msgctl', q, IPC_RMID, 0);
    finish(k);
  });

  it('E2BIG leaves the message queued; MSG_NOERROR truncates; zero-length messages carry a type', () => {
    const { k, p } = bootIdle();
    const q = call(k, p, 'msgget', IPC_PRIVATE, IPC_CREAT | 0o600) as number;
    send(k, p, q, 9, '0123456789ABCDEFGHIJ');
    expect(receive(k, p, q, 0, IPC_NOWAIT, 10)[0]).toBe(-E.E2BIG);
    expect(stat(k, p, q)).toMatchObject({ qnum: 1, cbytes: 20 });
    expect(receive(k, p, q, 0, IPC_NOWAIT | MSG_NOERROR, 10)).toEqual([10, 9, '0123456789']);
    expect(stat(k, p, q)).toMatchObject({ qnum: 0, cbytes: 0 });
    send(k, p, q, 7, '');
    expect(receive(k, p, q, 0, 0, 0)).toEqual([0, 7, '']);
    call(k, p, 'msgctl', q, IPC_RMID, 0);
    finish(k);
  });

  it('keeps to msg_qbytes: EAGAIN at the byte limit, yet a zero-length message fits', () => {
    const { k, p } = bootIdle();
    const q = call(k, p, 'msgget', IPC_PRIVATE, IPC_CREAT | 0o600) as number;
    const kilobyte = 'k'.repeat(1024);
    for (let i = 0; i < 16; i++) expect(send(k, p, q, 1, kilobyte, IPC_NOWAIT)).toBe(0);
    expect(send(k, p, q, 1, 'x', IPC_NOWAIT)).toBe(-E.EAGAIN);
    expect(send(k, p, q, 1, '', IPC_NOWAIT)).toBe(0);
    expect(stat(k, p, q)).toMatchObject({ qnum: 17, cbytes: 16384, lspid: p.pid, lrpid: 0 });
    // IPC_SET lowers msg_qbytes for the owner; only uid 0 raises it past MSGMNB.
    const ds = get(k, p, BUF + 0x800, 88);
    ds.setUint32(68, 2, true);
    put(k, p, BUF + 0x800, new Uint8Array(ds.buffer));
    expect(call(k, p, 'msgctl', q, IPC_SET, BUF + 0x800)).toBe(0);
    expect(stat(k, p, q).qbytes).toBe(2);
    expect(send(k, p, q, 1, '', IPC_NOWAIT)).toBe(-E.EAGAIN);
    ds.setUint32(68, MSGMNB + 1, true);
    put(k, p, BUF + 0x800, new Uint8Array(ds.buffer));
    expect(call(k, p, 'msgctl', q, IPC_SET, BUF + 0x800)).toBe(-E.EPERM);
    p.cred.euid = 0;
    expect(call(k, p, 'msgctl', q, IPC_SET, BUF + 0x800)).toBe(0);
    expect(stat(k, p, q).qbytes).toBe(MSGMNB + 1);
    call(k, p, 'msgctl', q, IPC_RMID, 0);
    finish(k);
  });

  it('records pids and times in IPC_STAT, and counts queues and messages in MSG_INFO', () => {
    const { k, p } = bootIdle();
    const q = call(k, p, 'msgget', IPC_PRIVATE, IPC_CREAT | 0o600) as number;
    expect(stat(k, p, q)).toMatchObject({ stime: 0, rtime: 0, ctime: VIRTUAL_EPOCH_SECONDS });
    const child = fork(k, p);
    send(k, p, q, 1, 'abc');
    send(k, p, q, 1, 'de');
    receive(k, child, q, 0);
    expect(stat(k, p, q)).toMatchObject({ qnum: 1, cbytes: 2, lspid: p.pid, lrpid: child.pid, stime: VIRTUAL_EPOCH_SECONDS });
    expect(call(k, p, 'msgctl', 0, MSG_INFO, BUF)).toBe(0);
    const info = get(k, p, BUF, 32);
    expect([info.getInt32(0, true), info.getInt32(4, true), info.getInt32(24, true)]).toEqual([1, 1, 2]);
    call(k, p, 'msgctl', q, IPC_RMID, 0);
    finish(k);
  });
});

describe('message queue wake-ups', () => {
  it('hands a message straight to a receiver waiting for its type; others stay queued', () => {
    const { k, p } = bootIdle();
    const q = call(k, p, 'msgget', IPC_PRIVATE, IPC_CREAT | 0o600) as number;
    const waiter = fork(k, p);
    expect(receive(k, waiter, q, 42)[0]).toBe(ASLEEP);
    expect(waiter.sleepWhat).toBe(`msgrcv from queue ${q} (type 42)`);
    expect(send(k, p, q, 41, 'for nobody yet')).toBe(0);
    expect(waiter.state).toBe('sleeping');
    expect(send(k, p, q, 42, 'for the waiter')).toBe(0);
    expect(completed(waiter)).toBe(14);
    expect(bufferOf(k, waiter, 14)).toEqual([42, 'for the waiter']);
    // Handed over, never queued: only the type-41 message is there.
    expect(stat(k, p, q)).toMatchObject({ qnum: 1, cbytes: 14, lrpid: waiter.pid });
    call(k, p, 'msgctl', q, IPC_RMID, 0);
    finish(k);
  });

  it('gives E2BIG to a waiting receiver whose buffer is too small and passes the message on', () => {
    const { k, p } = bootIdle();
    const q = call(k, p, 'msgget', IPC_PRIVATE, IPC_CREAT | 0o600) as number;
    const small = fork(k, p);
    const truncating = fork(k, p);
    expect(receive(k, small, q, 0, 0, 4)[0]).toBe(ASLEEP);
    expect(receive(k, truncating, q, 0, MSG_NOERROR, 4)[0]).toBe(ASLEEP);
    expect(send(k, p, q, 3, 'too long')).toBe(0);
    expect(completed(small)).toBe(-E.E2BIG);
    expect(completed(truncating)).toBe(4);
    expect(bufferOf(k, truncating, 4)).toEqual([3, 'too ']);
    expect(stat(k, p, q).qnum).toBe(0);
    call(k, p, 'msgctl', q, IPC_RMID, 0);
    finish(k);
  });

  it('serves waiting receivers in arrival order, by type', () => {
    const { k, p } = bootIdle();
    const q = call(k, p, 'msgget', IPC_PRIVATE, IPC_CREAT | 0o600) as number;
    const [r1, r2, r3] = [fork(k, p), fork(k, p), fork(k, p)];
    receive(k, r1, q, -2);
    receive(k, r2, q, 0);
    receive(k, r3, q, 5);
    send(k, p, q, 5, 'five');
    expect([r1.state, completed(r2), r3.state]).toEqual(['sleeping', 4, 'sleeping']);
    send(k, p, q, 9, 'nine');
    send(k, p, q, 1, 'one');
    send(k, p, q, 5, 'FIVE');
    expect([completed(r1), completed(r3)]).toEqual([3, 4]);
    expect([bufferOf(k, r1, 3)[1], bufferOf(k, r2, 4)[1], bufferOf(k, r3, 4)[1]]).toEqual(['one', 'five', 'FIVE']);
    expect(receive(k, p, q, 0, IPC_NOWAIT)).toEqual([4, 9, 'nine']);
    call(k, p, 'msgctl', q, IPC_RMID, 0);
    finish(k);
  });

  it('blocks a sender on a full queue until a receive makes room', () => {
    const { k, p } = bootIdle();
    const q = call(k, p, 'msgget', IPC_PRIVATE, IPC_CREAT | 0o600) as number;
    const big = 'b'.repeat(8192);
    expect(send(k, p, q, 1, big)).toBe(0);
    expect(send(k, p, q, 2, big)).toBe(0);
    const sender = fork(k, p);
    expect(send(k, sender, q, 3, 'x')).toBe(ASLEEP);
    expect(sender.sleepWhat).toMatch(/^msgsnd of 1 bytes to queue \d+ \(full: 16384 of 16384 bytes\)$/);
    expect(call(k, p, 'msgrcv', q, BUF + 0x1000, 8192, 1, 0)).toBe(8192);
    // Woken to re-run its call, which now fits.
    expect(sender.state).toBe('runnable');
    expect(sender.blockedSyscall).not.toBe(0);
    expect(send(k, sender, q, 3, 'x')).toBe(0);
    expect(stat(k, p, q)).toMatchObject({ qnum: 2, cbytes: 8193, lspid: sender.pid });
    call(k, p, 'msgctl', q, IPC_RMID, 0);
    finish(k);
  });

  it('ends every blocked call with EIDRM on IPC_RMID; new calls get EINVAL', () => {
    const { k, p } = bootIdle();
    const q = call(k, p, 'msgget', IPC_PRIVATE, IPC_CREAT | 0o600) as number;
    const kilobyte = 'k'.repeat(1024);
    for (let i = 0; i < 16; i++) send(k, p, q, 10, kilobyte, IPC_NOWAIT);
    const [r1, r2, s] = [fork(k, p), fork(k, p), fork(k, p)];
    expect(receive(k, r1, q, 99)[0]).toBe(ASLEEP);
    expect(receive(k, r2, q, -5)[0]).toBe(ASLEEP);
    expect(send(k, s, q, 10, 'x')).toBe(ASLEEP);
    expect(call(k, p, 'msgctl', q, IPC_RMID, 0)).toBe(0);
    expect([completed(r1), completed(r2), completed(s)]).toEqual([-E.EIDRM, -E.EIDRM, -E.EIDRM]);
    expect(send(k, p, q, 1, 'x', IPC_NOWAIT)).toBe(-E.EINVAL);
    expect(receive(k, p, q, 0, IPC_NOWAIT)[0]).toBe(-E.EINVAL);
    finish(k);
  });

  it('drops a receiver whose call a signal abandoned: the message is queued instead', () => {
    const { k, p } = bootIdle();
    const q = call(k, p, 'msgget', IPC_PRIVATE, IPC_CREAT | 0o600) as number;
    const r = fork(k, p);
    expect(receive(k, r, q, 0)[0]).toBe(ASLEEP);
    // What postSignal and an EINTR return do: wake it, and the call is over.
    wakeProc(k, r);
    r.blockedSyscall = 0;
    expect(send(k, p, q, 1, 'kept')).toBe(0);
    expect(stat(k, p, q).qnum).toBe(1);
    // Its next call finds the message; a fresh wait is served by the next send.
    expect(receive(k, r, q, 0)).toEqual([4, 1, 'kept']);
    expect(receive(k, r, q, 0)[0]).toBe(ASLEEP);
    send(k, p, q, 2, 'new');
    expect(completed(r)).toBe(3);
    call(k, p, 'msgctl', q, IPC_RMID, 0);
    finish(k);
  });

  it('keeps no record of an abandoned receive once its process makes another call or exits', () => {
    const { k, p } = bootIdle();
    const first = call(k, p, 'msgget', IPC_PRIVATE, IPC_CREAT | 0o600) as number;
    const second = call(k, p, 'msgget', IPC_PRIVATE, IPC_CREAT | 0o600) as number;
    const r = fork(k, p);
    const s = fork(k, p);
    expect(receive(k, r, first, 0)[0]).toBe(ASLEEP);
    expect(receive(k, s, second, 0)[0]).toBe(ASLEEP);
    wakeProc(k, r);
    r.blockedSyscall = 0;
    expect(k.ipc.msg.get(first)?.receivers.length).toBe(1);
    call(k, r, 'getpid');
    expect(k.ipc.msg.get(first)?.receivers.length).toBe(0);
    procExit(k, s, SIGKILL);
    expect(k.ipc.msg.get(second)?.receivers.length).toBe(0);
    call(k, p, 'msgctl', first, IPC_RMID, 0);
    call(k, p, 'msgctl', second, IPC_RMID, 0);
    finish(k);
  });

  it('re-runs waiting receivers after IPC_SET, which re-check their permission', () => {
    const { k, p } = bootIdle();
    const q = call(k, p, 'msgget', IPC_PRIVATE, IPC_CREAT | 0o666) as number;
    const other = fork(k, p);
    other.cred.euid = 2000;
    expect(receive(k, other, q, 0)[0]).toBe(ASLEEP);
    call(k, p, 'msgctl', q, IPC_STAT, BUF + 0x800);
    const ds = get(k, p, BUF + 0x800, 88);
    ds.setUint16(20, 0o600, true);
    put(k, p, BUF + 0x800, new Uint8Array(ds.buffer));
    expect(call(k, p, 'msgctl', q, IPC_SET, BUF + 0x800)).toBe(0);
    expect(other.state).toBe('runnable');
    expect(receive(k, other, q, 0)[0]).toBe(-E.EACCES);
    call(k, p, 'msgctl', q, IPC_RMID, 0);
    finish(k);
  });
});

describe('--ipcs', () => {
  it('prints the objects left at the end of a run on stderr', async () => {
    const booted = boot({ ipcs: true });
    booted.kernel.spawn(program({ _start: [...sys('msgget', 0x77, IPC_CREAT | 0o600), ...sys('exit', 0)] }), ['prog']);
    expect((await booted.kernel.run()).status).toBe(0);
    expect(booted.stderr()).toContain('------ Message Queues --------\n');
    expect(booted.stderr()).toContain('\n0x00000077 0          1000       600        0            0           \n');
  });

  it('lists what is left in the column layout of ipcs', () => {
    const { k, p } = bootIdle();
    const q = call(k, p, 'msgget', 0x1234, IPC_CREAT | 0o644) as number;
    send(k, p, q, 1, 'hello');
    const s = call(k, p, 'semget', IPC_PRIVATE, 3, IPC_CREAT | 0o600) as number;
    const m = call(k, p, 'shmget', IPC_PRIVATE, 100, IPC_CREAT | 0o600) as number;
    expect(ipcsReport(k.ipc)).toBe(
      [
        '',
        '------ Message Queues --------',
        'key        msqid      owner      perms      used-bytes   messages    ',
        `0x00001234 ${q}          1000       644        5            1           `,
        '',
        '------ Shared Memory Segments --------',
        'key        shmid      owner      perms      bytes      nattch     status      ',
        `0x00000000 ${m}          1000       600        100        0                       `,
        '',
        '------ Semaphore Arrays --------',
        'key        semid      owner      perms      nsems     ',
        `0x00000000 ${s}          1000       600        3         `,
        '',
        '',
      ].join('\n'),
    );
    call(k, p, 'msgctl', q, IPC_RMID, 0);
    call(k, p, 'semctl', s, 0, IPC_RMID, 0);
    call(k, p, 'shmctl', m, IPC_RMID, 0);
    finish(k);
  });
});
