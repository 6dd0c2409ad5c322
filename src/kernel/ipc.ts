// System V IPC: the namespace the kernel owns -- one id table per kind (message
// queues, semaphore sets, shared memory segments) -- with Linux's rules for keys and
// ids, struct ipc_perm and its permission checks. The objects themselves live in
// msg.ts, sem.ts and shm.ts; this file knows them only as types.
//
// Ids are Linux's (ipc/util.c): id = seq * IPCMNI + index. Indexes are handed out
// cyclically over max(3/2 of the ids in use, IPC_MIN_CYCLE) slots and the sequence
// number moves on each time the cycle wraps, so a removed id is not reused at once
// and a stale id fails with EINVAL.
import { E } from './errno.js';
import type { Kernel } from './kernel.js';
import { msgCheckInvariants, type MsgQueue } from './msg.js';
import { IPC_MIN_CYCLE, IPC_SEQ_MAX, IPCMNI, MSGMNI, SEMMNI, SHMMNI } from './param.js';
import type { Credentials } from './proc.js';
import { semCheckInvariants, type SemSet } from './sem.js';
import { shmCheckInvariants, type ShmSegment } from './shm.js';
import type { SharedPages } from './shmem.js';

// Flags and commands, Linux's values (sys/ipc.h).
export const IPC_PRIVATE = 0;
export const IPC_CREAT = 0o1000;
export const IPC_EXCL = 0o2000;
export const IPC_NOWAIT = 0o4000;
export const IPC_RMID = 0;
export const IPC_SET = 1;
export const IPC_STAT = 2;
export const IPC_INFO = 3;
/** Added to a ctl command by C libraries that ask for the 64-bit layouts, which
 *  are the only ones ipcvm has. */
export const IPC_64 = 0x100;

/** Access asked of ipcPermits: read (IPC_STAT, msgrcv, GETVAL) or write. */
export const S_IRUGO = 0o444;
export const S_IWUGO = 0o222;

/** Bytes of struct ipc_perm (Linux i386 ipc64_perm) at the start of every *_ds. */
export const IPC_PERM_SIZE = 36;

export class IpcPerm {
  /** seq * IPCMNI + index once the object is in its table. */
  id = -1;
  seq = 0;
  uid: number;
  gid: number;
  readonly cuid: number;
  readonly cgid: number;

  constructor(
    /** IPC_PRIVATE (0) for private objects and for segments marked for removal. */
    public key: number,
    /** Permission bits, plus SHM_DEST for a segment marked for removal. */
    public mode: number,
    cred: Credentials,
  ) {
    this.uid = this.cuid = cred.euid;
    this.gid = this.cgid = cred.egid;
  }

  /** Writes struct ipc_perm at view[at]. */
  encode(view: DataView, at: number): void {
    view.setInt32(at, this.key, true);
    view.setUint32(at + 4, this.uid, true);
    view.setUint32(at + 8, this.gid, true);
    view.setUint32(at + 12, this.cuid, true);
    view.setUint32(at + 16, this.cgid, true);
    view.setUint16(at + 20, this.mode, true);
    view.setUint16(at + 24, this.seq, true);
  }

  /** IPC_SET: owner, group and the permission bits from struct ipc_perm at view[at]. */
  update(view: DataView, at: number): void {
    this.uid = view.getUint32(at + 4, true);
    this.gid = view.getUint32(at + 8, true);
    this.mode = (this.mode & ~0o777) | (view.getUint16(at + 20, true) & 0o777);
  }
}

export interface IpcObject {
  readonly perm: IpcPerm;
}

/** Linux's ipcperms: may cred make the accesses in `flags` (rwx bits in any of the
 *  three positions, e.g. S_IRUGO or a get call's mode) on the object? Owner or
 *  creator bits first, then group, then other; uid 0 may do anything. */
export function ipcPermits(perm: IpcPerm, cred: Credentials, flags: number): boolean {
  const requested = ((flags >> 6) | (flags >> 3) | flags) & 0o7;
  let granted = perm.mode;
  if (cred.euid === perm.cuid || cred.euid === perm.uid) granted >>= 6;
  else if (cred.egid === perm.cgid || cred.egid === perm.gid) granted >>= 3;
  return (requested & ~granted & 0o7) === 0 || cred.euid === 0;
}

/** IPC_SET and IPC_RMID are for the owner, the creator and uid 0 (else EPERM). */
export function ipcMayChange(perm: IpcPerm, cred: Credentials): boolean {
  return cred.euid === 0 || cred.euid === perm.uid || cred.euid === perm.cuid;
}

/** One kind's table: slots by index, and the objects that have a key by key. */
export class IpcIds<T extends IpcObject> {
  private readonly slots: (T | null)[] = [];
  private readonly byKey = new Map<number, T>();
  private inUse = 0;
  /** The units (unitsOf) of every object in the table. */
  private units = 0;
  private seq = 0;
  private lastIndex = -1;
  /** Where the cyclic search for a free index starts (idr_alloc_cyclic's next). */
  private cursor = 0;

  constructor(
    readonly kind: string,
    /** Most objects at once (MSGMNI, SEMMNI, SHMMNI): ENOSPC beyond. */
    readonly limit: number,
    /** What an object counts toward its kind's system-wide total: semaphores
     *  (SEMMNS), pages (SHMALL); the get call checks the total. */
    private readonly unitsOf: (obj: T) => number = () => 0,
  ) {}

  /** Enters obj (its perm.key already set), giving it an id. The id, or -ENOSPC. */
  add(obj: T): number {
    if (this.inUse >= this.limit) return -E.ENOSPC;
    const cycle = Math.min(Math.max(Math.floor((this.inUse * 3) / 2), IPC_MIN_CYCLE), IPCMNI);
    const index = this.freeIndex(this.cursor, cycle) ?? this.freeIndex(0, cycle);
    if (index === undefined) return -E.ENOSPC;
    this.cursor = index + 1;
    if (index <= this.lastIndex) this.seq = this.seq + 1 >= IPC_SEQ_MAX ? 0 : this.seq + 1;
    this.lastIndex = index;
    while (this.slots.length <= index) this.slots.push(null);
    this.slots[index] = obj;
    this.inUse++;
    this.units += this.unitsOf(obj);
    obj.perm.seq = this.seq;
    obj.perm.id = this.seq * IPCMNI + index;
    if (obj.perm.key !== IPC_PRIVATE) this.byKey.set(obj.perm.key, obj);
    return obj.perm.id;
  }

  private freeIndex(from: number, end: number): number | undefined {
    for (let i = from; i < end; i++) if (!this.slots[i]) return i;
    return undefined;
  }

  /** The object with this id, or undefined (the caller's EINVAL). */
  get(id: number): T | undefined {
    if (!Number.isInteger(id) || id < 0) return undefined;
    const obj = this.slots[id % IPCMNI];
    return obj && obj.perm.id === id ? obj : undefined;
  }

  /** The object in slot `index` whatever its sequence number (the *_STAT commands
   *  of ipcs take indexes), or undefined. */
  atIndex(index: number): T | undefined {
    return Number.isInteger(index) && index >= 0 && index < IPCMNI ? (this.slots[index] ?? undefined) : undefined;
  }

  /** The highest index in use, or -1 (the *_INFO commands return it). */
  maxIndex(): number {
    for (let i = this.slots.length - 1; i >= 0; i--) if (this.slots[i]) return i;
    return -1;
  }

  findKey(key: number): T | undefined {
    return this.byKey.get(key);
  }

  /** The key is free again (IPC_RMID of an attached segment); the id stays valid. */
  releaseKey(obj: T): void {
    if (this.byKey.get(obj.perm.key) === obj) this.byKey.delete(obj.perm.key);
    obj.perm.key = IPC_PRIVATE;
  }

  /** Takes obj out of the table: its id and key are gone. */
  remove(obj: T): void {
    const index = obj.perm.id % IPCMNI;
    if (this.slots[index] !== obj) throw new Error(`IpcIds.remove: ${this.kind} ${obj.perm.id} is not in the table`);
    this.releaseKey(obj);
    this.slots[index] = null;
    this.inUse--;
    this.units -= this.unitsOf(obj);
  }

  /** Live objects in index order (ipcs lists them so). */
  all(): T[] {
    return this.slots.filter((obj): obj is T => obj !== null);
  }

  count(): number {
    return this.inUse;
  }

  /** The units of all the objects in the table. */
  totalUnits(): number {
    return this.units;
  }
}

/** The IPC namespace of one kernel. */
export class IpcNamespace {
  readonly msg = new IpcIds<MsgQueue>('message queue', MSGMNI);
  readonly sem = new IpcIds<SemSet>('semaphore set', SEMMNI, (set) => set.nsems);
  readonly shm = new IpcIds<ShmSegment>('shared memory segment', SHMMNI, (seg) => seg.pages.pageCount);
  /** Every store of shared pages -- segments' and MAP_SHARED mappings' -- that
   *  holds frames, for the frame accounting of checkInvariants. */
  readonly shmem = new Set<SharedPages>();
  /** Text plus MSG_HEADER_BYTES of every queued message (MSG_MEM_MAX at most). */
  msgBytes = 0;

  /** Objects left in the three tables. */
  count(): number {
    return this.msg.count() + this.sem.count() + this.shm.count();
  }

  /** "queue 0, set 32768": the objects left, for reports. */
  describe(): string {
    const ids = (kind: string, objects: IpcObject[]) => objects.map((o) => `${kind} ${o.perm.id}`);
    return [...ids('queue', this.msg.all()), ...ids('set', this.sem.all()), ...ids('segment', this.shm.all())].join(', ');
  }
}

/** Throws when an IPC object's bookkeeping is broken: a queue's byte count or the
 *  message budget's, a semaphore out of range, a segment's shm_nattch against the
 *  areas attached. */
export function ipcCheckInvariants(k: Kernel): void {
  msgCheckInvariants(k);
  for (const set of k.ipc.sem.all()) semCheckInvariants(set);
  shmCheckInvariants(k);
}

/** msgget/semget/shmget (Linux's ipcget): a new object for IPC_PRIVATE or for a
 *  missing key with IPC_CREAT; otherwise the existing one after EEXIST (IPC_CREAT
 *  with IPC_EXCL), `check` (a size or count larger than the object's: EINVAL) and
 *  the permission check against the mode bits of `flags` (EACCES). `create`
 *  validates and builds the object (or returns -errno); it is entered here. Returns
 *  the id or -errno: ENOENT without IPC_CREAT, ENOSPC when the table is full. */
export function ipcGet<T extends IpcObject>(
  ids: IpcIds<T>,
  key: number,
  flags: number,
  cred: Credentials,
  create: () => T | number,
  check: (obj: T) => number,
): number {
  const found = key === IPC_PRIVATE ? undefined : ids.findKey(key);
  if (!found) {
    if (key !== IPC_PRIVATE && (flags & IPC_CREAT) === 0) return -E.ENOENT;
    const obj = create();
    return typeof obj === 'number' ? obj : ids.add(obj);
  }
  if (flags & IPC_CREAT && flags & IPC_EXCL) return -E.EEXIST;
  const error = check(found);
  if (error < 0) return error;
  if (!ipcPermits(found.perm, cred, flags)) return -E.EACCES;
  return found.perm.id;
}

/** CLOCK_REALTIME seconds, for the *_time fields. */
export function ipcNow(k: Kernel): number {
  return k.clock.realtimeSeconds();
}
