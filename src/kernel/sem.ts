// System V semaphore sets (Linux's ipc/sem.c): semget and semop; semctl is in
// semctl.ts, SEM_UNDO in semundo.ts.
//
// semop applies all its operations, in order, or none. One that cannot proceed
// (a decrement below zero, a wait for zero) goes on the set's pending list, in
// arrival order, and its process sleeps. Every change of the values re-examines that
// list from the front (Linux's update_queue): an operation that can proceed now is
// performed by the waker on the sleeper's behalf and the sleeper's call is completed
// (completeBlockedCall), so no wake-up is lost, a satisfiable waiter never waits
// behind an unsatisfiable one, and a released semaphore goes to the longest waiter
// rather than to whoever runs next. A pending entry is live only while its process
// sleeps on the set: one woken by a signal (its call ends with EINTR) is dropped.
import { E } from './errno.js';
import { IPC_NOWAIT, ipcGet, ipcNow, ipcPermits, IpcPerm, S_IRUGO, S_IWUGO, type IpcObject } from './ipc.js';
import type { Kernel } from './kernel.js';
import { removeAt, removeItem } from './list.js';
import { SEMAEM, SEMMNS, SEMMSL, SEMOPM, SEMVMX } from './param.js';
import type { Proc } from './proc.js';
import { semUndoFor, type SemUndo } from './semundo.js';
import { sleepOn, WaitChannel, type SleepReason, type WaitRecord } from './sleep.js';
import { panic } from './panic.js';
import { completeBlockedCall } from './syscall.js';
import { copyinTo } from './uaccess.js';

export const SEM_UNDO = 0x1000;

/** Bytes of struct sembuf: sem_num (u16), sem_op (s16), sem_flg (s16). */
const SEMBUF_SIZE = 6;

export interface SemOp {
  readonly num: number;
  readonly op: number;
  readonly flags: number;
}

// A semop's operations stay in the guest's encoding, an array of struct sembuf
// (little-endian u16 sem_num, s16 sem_op, s16 sem_flg): a call is checked and
// performed straight from the bytes it copied in, with no object per operation.
function semNum(ops: Uint8Array, i: number): number {
  const at = i * SEMBUF_SIZE;
  return ops[at] | (ops[at + 1] << 8);
}

function semOp(ops: Uint8Array, i: number): number {
  const at = i * SEMBUF_SIZE + 2;
  return ((ops[at] | (ops[at + 1] << 8)) << 16) >> 16;
}

function semFlags(ops: Uint8Array, i: number): number {
  const at = i * SEMBUF_SIZE + 4;
  return ((ops[at] | (ops[at + 1] << 8)) << 16) >> 16;
}

/** A semop waiting on a set; also what its process sleeps for, in words, and the
 *  record its process withdraws if the call is abandoned (sleep.ts WaitRecord). A
 *  set recycles its waiters (SemSet.spare), so a semop that blocks allocates
 *  nothing: a ping-pong blocks once per turn. */
class SemWaiter implements SleepReason, WaitRecord {
  p: Proc;
  /** The call's sembufs (a copy; its first count * SEMBUF_SIZE bytes). */
  ops: Uint8Array;
  count = 0;
  /** Some operation changes a value (not only waits for zero). */
  alter = false;
  undo = false;
  /** The operation that could not proceed at the last attempt (GETNCNT and
   *  GETZCNT count waiters by it, as Linux has since 3.16). */
  blockingIndex = 0;
  /** The operation that blocked the call when it went to sleep. */
  private blockedFirst = 0;

  constructor(
    p: Proc,
    /** The set whose pending list holds this waiter while it waits. */
    private readonly set: SemSet,
  ) {
    this.p = p;
    this.ops = new Uint8Array(SEMBUF_SIZE);
  }

  /** Makes this the waiter of p's call: count sembufs of ops, blocked by op index blocked. */
  arm(p: Proc, ops: Uint8Array, count: number, alter: boolean, undo: boolean, blocked: number): void {
    const bytes = count * SEMBUF_SIZE;
    if (this.ops.length < bytes) this.ops = new Uint8Array(bytes);
    for (let i = 0; i < bytes; i++) this.ops[i] = ops[i];
    this.p = p;
    this.count = count;
    this.alter = alter;
    this.undo = undo;
    this.blockingIndex = blocked;
    this.blockedFirst = blocked;
  }

  withdraw(): void {
    const i = this.set.pending.indexOf(this);
    if (i >= 0) this.set.dropPending(i);
  }

  /** The operation blockingIndex names. */
  get blocking(): SemOp {
    const i = this.blockingIndex;
    return { num: semNum(this.ops, i), op: semOp(this.ops, i), flags: semFlags(this.ops, i) };
  }

  describe(): string {
    const op = semOp(this.ops, this.blockedFirst);
    const what = op === 0 ? 'wait for zero' : `${op}`;
    return `semop on set ${this.set.perm.id}: semaphore ${semNum(this.ops, this.blockedFirst)} ${what}`;
  }
}

export class SemSet implements IpcObject {
  readonly values: Int32Array;
  /** Pid of the last process to change or set each semaphore (GETPID). */
  readonly pids: Int32Array;
  /** CLOCK_MONOTONIC of the last semop that changed or waited through the set, -1
   *  before the first: every semop sets it, so it is kept as the clock's reading
   *  and turned into sem_otime's seconds only when asked (otime). */
  lastOpNs = -1;
  readonly pending: SemWaiter[] = [];
  /** Waiters off the pending list, for the next semop that blocks. */
  private readonly spare: SemWaiter[] = [];
  /** Every process's SEM_UNDO adjustments on this set. */
  readonly undos = new Set<SemUndo>();
  readonly channel = new WaitChannel('semaphore set');

  constructor(
    readonly perm: IpcPerm,
    nsems: number,
    public ctime: number,
  ) {
    this.values = new Int32Array(nsems);
    this.pids = new Int32Array(nsems);
  }

  get nsems(): number {
    return this.values.length;
  }

  /** sem_otime: seconds of the last semop, 0 before the first. */
  otime(k: Kernel): number {
    return this.lastOpNs < 0 ? 0 : k.clock.realtimeSecondsAt(this.lastOpNs);
  }

  /** A waiter for p's call (armed by the caller). */
  takeWaiter(p: Proc): SemWaiter {
    return this.spare.pop() ?? new SemWaiter(p, this);
  }

  /** Removes pending[i], keeping it for a later call; its process no longer has
   *  it to withdraw. */
  dropPending(i: number): void {
    const w = this.pending[i];
    if (w.p.waitRecord === w) w.p.waitRecord = null;
    this.spare.push(w);
    removeAt(this.pending, i);
  }

  isWaiting(w: SemWaiter): boolean {
    return w.p.sleepChannel === this.channel;
  }

  /** Waiters now blocked on semaphore num: decrements, or waits for zero. */
  waiters(num: number, forZero: boolean): number {
    let n = 0;
    for (const w of this.pending) {
      if (!this.isWaiting(w) || semNum(w.ops, w.blockingIndex) !== num) continue;
      const op = semOp(w.ops, w.blockingIndex);
      if (forZero ? op === 0 : op < 0) n++;
    }
    return n;
  }
}

/** Linux's perform_atomic_semop: applies the count sembufs of ops in order to set,
 *  recording SEM_UNDO adjustments in undo, or changes nothing. 0 when done; -ERANGE
 *  when a value or an adjustment would leave its range; -EAGAIN when the op that
 *  cannot proceed has IPC_NOWAIT; else 1 + the index of that op (the caller waits). */
function perform(set: SemSet, ops: Uint8Array, count: number, undo: SemUndo | null, pid: number): number {
  const values = set.values;
  let i = 0;
  let result = 0;
  for (; i < count; i++) {
    const num = semNum(ops, i);
    const op = semOp(ops, i);
    const flags = semFlags(ops, i);
    const value = values[num] + op;
    if ((op === 0 && values[num] !== 0) || value < 0) {
      result = flags & IPC_NOWAIT ? -E.EAGAIN : 1 + i;
      break;
    }
    if (value > SEMVMX) {
      result = -E.ERANGE;
      break;
    }
    if (flags & SEM_UNDO && undo) {
      const adjustment = undo.adj[num] - op;
      if (adjustment < -SEMAEM - 1 || adjustment > SEMAEM) {
        result = -E.ERANGE;
        break;
      }
      undo.adj[num] = adjustment;
    }
    values[num] = value;
  }
  if (result === 0) {
    for (let j = 0; j < count; j++) set.pids[semNum(ops, j)] = pid;
    return 0;
  }
  while (--i >= 0) {
    const num = semNum(ops, i);
    const op = semOp(ops, i);
    values[num] -= op;
    if (semFlags(ops, i) & SEM_UNDO && undo) undo.adj[num] += op;
  }
  return result;
}

/** Linux's update_queue: performs every pending operation that can proceed now,
 *  longest waiter first, completing its sleeper's call (0, or -ERANGE / -EAGAIN).
 *  Called after anything changed the values. Never blocks. */
export function semUpdate(k: Kernel, set: SemSet): void {
  for (let i = 0; i < set.pending.length; ) {
    const w = set.pending[i];
    if (!set.isWaiting(w)) {
      set.dropPending(i);
      continue;
    }
    const undo = w.undo ? (semUndoFor(set, w.p) ?? panic('semUpdate', `pid ${w.p.pid} waits with SEM_UNDO but has no undo entry`)) : null;
    const result = perform(set, w.ops, w.count, undo, w.p.pid);
    if (result > 0) {
      w.blockingIndex = result - 1;
      i++;
      continue;
    }
    set.dropPending(i);
    if (result === 0) set.lastOpNs = k.clock.now();
    completeBlockedCall(k, w.p, result);
    // The values changed: earlier waiters may proceed now.
    if (result === 0 && w.alter) i = 0;
  }
}

/** semget(key, nsems, semflg): the set's id, or EINVAL (nsems out of 1..SEMMSL, or
 *  more than an existing set has), ENOENT, EEXIST, EACCES, ENOSPC (SEMMNI sets, or
 *  SEMMNS semaphores in all of them). */
export function sys_semget(k: Kernel, p: Proc, args: Int32Array): number {
  const key = args[0];
  const nsems = args[1];
  const flags = args[2];
  if (nsems < 0 || nsems > SEMMSL) return -E.EINVAL;
  return ipcGet(
    k.ipc.sem,
    key,
    flags,
    p.cred,
    () => {
      if (nsems === 0) return -E.EINVAL;
      if (k.ipc.sem.totalUnits() + nsems > SEMMNS) return -E.ENOSPC;
      return new SemSet(new IpcPerm(key, flags & 0o777, p.cred), nsems, ipcNow(k));
    },
    (set) => (nsems > set.nsems ? -E.EINVAL : 0),
  );
}

/** semop(id, sops, nsops): 0, or EINVAL, E2BIG (nsops > SEMOPM), EFAULT, ENOMEM
 *  (SEM_UNDO on a set beyond SEMUME), EFBIG (sem_num >= nsems), EACCES, EAGAIN,
 *  ERANGE, EIDRM (removed while blocked). Blocks until all the operations can be
 *  applied together. */
export function sys_semop(k: Kernel, p: Proc, args: Int32Array): number {
  const id = args[0];
  const count = args[2] >>> 0;
  if (count < 1 || id < 0) return -E.EINVAL;
  if (count > SEMOPM) return -E.E2BIG;
  // The sembufs pass through the kernel's scratch buffer (no read or write is
  // under way during semop).
  const ops = k.scratch;
  if (copyinTo(k, p, args[1], ops, 0, count * SEMBUF_SIZE) < 0) return -E.EFAULT;
  const set = k.ipc.sem.get(id);
  if (!set) return -E.EINVAL;
  let tooBig = false;
  let alter = false;
  let undo = false;
  for (let i = 0; i < count; i++) {
    if (semNum(ops, i) >= set.nsems) tooBig = true;
    if (semOp(ops, i) !== 0) alter = true;
    if ((semFlags(ops, i) & SEM_UNDO) !== 0) undo = true;
  }
  // Linux finds or makes the undo entry before the other checks.
  const undoEntry = undo ? semUndoFor(set, p) : null;
  if (undo && !undoEntry) return -E.ENOMEM;
  if (tooBig) return -E.EFBIG;
  if (!ipcPermits(set.perm, p.cred, alter ? S_IWUGO : S_IRUGO)) return -E.EACCES;
  const pending = set.pending;
  for (let i = 0; i < pending.length; i++) {
    if (pending[i].p !== p) continue;
    set.dropPending(i);
    break;
  }
  const result = perform(set, ops, count, undoEntry, p.pid);
  if (result === 0) {
    set.lastOpNs = k.clock.now();
    if (alter) semUpdate(k, set);
    return 0;
  }
  if (result < 0) return result;
  const waiter = set.takeWaiter(p);
  waiter.arm(p, ops, count, alter, undo, result - 1);
  pending.push(waiter);
  p.waitRecord = waiter;
  return sleepOn(p, set.channel, waiter);
}

/** Throws when a value left 0..SEMVMX. */
export function semCheckInvariants(set: SemSet): void {
  for (let i = 0; i < set.nsems; i++) {
    const v = set.values[i];
    if (v < 0 || v > SEMVMX) throw new Error(`checkInvariants: semaphore ${i} of set ${set.perm.id} is ${v}`);
  }
}
