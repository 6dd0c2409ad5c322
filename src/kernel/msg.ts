// System V message queues (Linux's ipc/msg.c). A queue is a FIFO list of typed
// messages within a byte budget (msg_qbytes, MSGMNB by default), plus two kinds of
// sleepers:
//   - receivers, recorded in arrival order with what they wait for. A sender that
//     finds one waiting for its type hands the message straight to it and never
//     queues it (Linux's pipelined_send): the message is copied into the receiver's
//     buffer and the receiver's call is completed on its behalf.
//   - senders of a message that does not fit; they re-run their whole call each
//     time a message leaves the queue or msg_qbytes changes.
// IPC_RMID completes every sleeper's call with EIDRM; a later call on the removed id
// gets EINVAL, as on Linux. The messages of all queues share one budget,
// MSG_MEM_MAX, counting MSG_HEADER_BYTES per message besides its text. A receiver record is live only while its process sleeps
// on the queue: one woken by a signal (whose call then ends with EINTR) is dropped.
import { E } from './errno.js';
import {
  IPC_64,
  IPC_INFO,
  IPC_NOWAIT,
  IPC_PERM_SIZE,
  IPC_RMID,
  IPC_SET,
  IPC_STAT,
  ipcGet,
  ipcMayChange,
  ipcNow,
  ipcPermits,
  IpcPerm,
  S_IRUGO,
  S_IWUGO,
  type IpcObject,
} from './ipc.js';
import type { Kernel } from './kernel.js';
import { removeAt, removeItem } from './list.js';
import { MSG_HEADER_BYTES, MSG_MEM_MAX, MSGMAX, MSGMNB, MSGMNI } from './param.js';
import type { Proc } from './proc.js';
import { sleepOn, wakeup, WaitChannel, type SleepReason, type WaitRecord } from './sleep.js';
import { completeBlockedCall } from './syscall.js';
import { accessOk, BAD_ADDRESS, copyin, copyinTo, copyout, copyoutFrom, readI32, writeI32, writeI32s } from './uaccess.js';

export const MSG_NOERROR = 0o10000;
export const MSG_EXCEPT = 0o20000;
const MSG_COPY = 0o40000;
const MSG_STAT = 11;
const MSG_INFO = 12;
/** struct msginfo's msgssz and msgseg, Linux's constants. */
const MSGSSZ = 16;
const MSGSEG = 0xffff;

/** Bytes of struct msqid_ds (Linux i386 msqid64_ds). */
const MSQID_DS_SIZE = 88;

interface Message {
  readonly type: number;
  readonly text: Uint8Array;
}

/** How msgrcv picks a message: msgtyp 0 the first; > 0 the first of that type (of
 *  any other type with MSG_EXCEPT); < 0 the first of the lowest type <= |msgtyp|. */
type SearchMode = 'any' | 'equal' | 'not-equal' | 'less-equal';

/** A msgrcv waiting on a queue; also what its process sleeps for, in words. */
class Receiver implements SleepReason, WaitRecord {
  constructor(
    readonly p: Proc,
    readonly mode: SearchMode,
    readonly type: number,
    readonly buffer: number,
    readonly size: number,
    readonly noError: boolean,
    private readonly queueId: number,
    /** The queue's list of receivers, which holds this one. */
    private readonly list: Receiver[],
  ) {}

  withdraw(): void {
    removeItem(this.list, this);
  }

  describe(): string {
    const mode = this.mode;
    const wanted = mode === 'any' ? 'any type' : `type ${mode === 'equal' ? '' : mode === 'not-equal' ? '!= ' : '<= '}${this.type}`;
    return `msgrcv from queue ${this.queueId} (${wanted})`;
  }
}

export class MsgQueue implements IpcObject {
  readonly messages: Message[] = [];
  cbytes = 0;
  qbytes = MSGMNB;
  lspid = 0;
  lrpid = 0;
  stime = 0;
  rtime = 0;
  readonly receivers: Receiver[] = [];
  readonly receiveChannel = new WaitChannel('message queue receivers');
  readonly sendChannel = new WaitChannel('message queue senders');

  constructor(
    readonly perm: IpcPerm,
    public ctime: number,
  ) {}

  /** Linux's msg_fits_inqueue: the bytes and the message count stay within
   *  msg_qbytes (so a zero-length message fits a queue full of bytes). */
  fits(size: number): boolean {
    return this.cbytes + size <= this.qbytes && this.messages.length + 1 <= this.qbytes;
  }

  isWaiting(r: Receiver): boolean {
    return r.p.sleepChannel === this.receiveChannel;
  }

  /** Drops p's record, left by an earlier call a signal interrupted. */
  dropReceiver(p: Proc): void {
    const receivers = this.receivers;
    for (let i = 0; i < receivers.length; i++) {
      if (receivers[i].p !== p) continue;
      removeAt(receivers, i);
      return;
    }
  }

  /** Index of the message msgrcv takes, or -1. */
  find(mode: SearchMode, type: number): number {
    let found = -1;
    for (let i = 0; i < this.messages.length; i++) {
      const m = this.messages[i];
      if (!matches(m.type, mode, type)) continue;
      if (mode !== 'less-equal') return i;
      if (found < 0 || m.type < this.messages[found].type) found = i;
      if (m.type === 1) break;
    }
    return found;
  }
}

function matches(messageType: number, mode: SearchMode, type: number): boolean {
  switch (mode) {
    case 'any':
      return true;
    case 'equal':
      return messageType === type;
    case 'not-equal':
      return messageType !== type;
    case 'less-equal':
      return messageType <= type;
    default: {
      const never: never = mode;
      throw new Error(`matches: unknown mode ${String(never)}`);
    }
  }
}

function searchMode(msgtyp: number, flags: number): SearchMode {
  if (msgtyp === 0) return 'any';
  if (msgtyp < 0) return 'less-equal';
  return flags & MSG_EXCEPT ? 'not-equal' : 'equal';
}

/** The type searchMode's mode compares with. */
function searchType(msgtyp: number): number {
  if (msgtyp === 0) return 0;
  if (msgtyp < 0) return msgtyp === -(2 ** 31) ? 2 ** 31 - 1 : -msgtyp;
  return msgtyp;
}

/** Copies a message (type, then at most `size` of its `length` bytes of text) to the
 *  guest's struct msgbuf at addr: the bytes of text copied, or -EFAULT. */
function deliver(k: Kernel, p: Proc, addr: number, size: number, type: number, text: Uint8Array, length: number): number {
  const n = Math.min(size, length);
  if ((addr >>> 0) + 4 + n > 2 ** 32) return -E.EFAULT;
  if (writeI32(k, p, addr, type) < 0 || copyoutFrom(k, p, addr + 4, text, 0, n) < 0) return -E.EFAULT;
  return n;
}

/** Linux's pipelined_send: gives the message (type, text[0, length)) to the first
 *  live receiver waiting for its type, completing that receiver's msgrcv. One whose
 *  buffer is too small (without MSG_NOERROR) gets E2BIG and the search goes on.
 *  True when the message was handed over. */
function handOver(k: Kernel, q: MsgQueue, type: number, text: Uint8Array, length: number): boolean {
  for (let i = 0; i < q.receivers.length; ) {
    const r = q.receivers[i];
    if (!q.isWaiting(r)) {
      removeAt(q.receivers, i);
      continue;
    }
    if (!matches(type, r.mode, r.type)) {
      i++;
      continue;
    }
    removeAt(q.receivers, i);
    if (!r.noError && length > r.size) {
      completeBlockedCall(k, r.p, -E.E2BIG);
      continue;
    }
    q.lrpid = r.p.pid;
    q.rtime = ipcNow(k);
    const result = deliver(k, r.p, r.buffer, r.size, type, text, length);
    // Out of frames for the receiver's buffer: it is already woken to die.
    if (r.p.state === 'sleeping') completeBlockedCall(k, r.p, result);
    return true;
  }
  return false;
}

/** msgget(key, msgflg): the queue's id, or ENOENT / EEXIST / EACCES / ENOSPC. */
export function sys_msgget(k: Kernel, p: Proc, args: Int32Array): number {
  const key = args[0];
  const flags = args[1];
  return ipcGet(
    k.ipc.msg,
    key,
    flags,
    p.cred,
    () => new MsgQueue(new IpcPerm(key, flags & 0o777, p.cred), ipcNow(k)),
    () => 0,
  );
}

/** msgsnd(id, msgp, msgsz, msgflg): 0, or EFAULT, EINVAL (bad id or size, mtype <
 *  1), ENOMEM (the messages of all queues would pass MSG_MEM_MAX: checked when the
 *  call starts, where Linux allocates the message, before it looks up the queue),
 *  EACCES, EAGAIN (full with IPC_NOWAIT), EIDRM (removed while blocked). Blocks
 *  while the queue has no room. */
export function sys_msgsnd(k: Kernel, p: Proc, args: Int32Array): number {
  const id = args[0];
  const msgp = args[1];
  const size = args[2];
  const flags = args[3];
  const type = readI32(k, p, msgp);
  if (type === BAD_ADDRESS) return -E.EFAULT;
  if (size < 0 || size > MSGMAX || id < 0 || type < 1) return -E.EINVAL;
  // The text passes through the kernel's scratch buffer: a message handed straight
  // to a waiting receiver needs no copy of its own, one left in the queue does.
  const text = k.scratch;
  if (copyinTo(k, p, msgp + 4, text, 0, size) < 0) return -E.EFAULT;
  if (p.blockedSyscall === 0 && k.ipc.msgBytes + size + MSG_HEADER_BYTES > MSG_MEM_MAX) return -E.ENOMEM;
  const q = k.ipc.msg.get(id);
  if (!q) return -E.EINVAL;
  if (!ipcPermits(q.perm, p.cred, S_IWUGO)) return -E.EACCES;
  if (!q.fits(size)) {
    if (flags & IPC_NOWAIT) return -E.EAGAIN;
    return sleepOn(p, q.sendChannel, `msgsnd of ${size} bytes to queue ${id} (full: ${q.cbytes} of ${q.qbytes} bytes)`);
  }
  q.lspid = p.pid;
  q.stime = ipcNow(k);
  if (!handOver(k, q, type, text, size)) {
    q.messages.push({ type, text: text.slice(0, size) });
    q.cbytes += size;
    k.ipc.msgBytes += size + MSG_HEADER_BYTES;
  }
  return 0;
}

/** msgrcv(id, msgp, msgsz, msgtyp, msgflg): the bytes of text received, or EINVAL,
 *  EACCES, E2BIG (the message stays queued), ENOMSG (IPC_NOWAIT), EFAULT, EIDRM.
 *  Blocks until a suitable message arrives. */
export function sys_msgrcv(k: Kernel, p: Proc, args: Int32Array): number {
  const id = args[0];
  const msgp = args[1];
  const size = args[2];
  const flags = args[4];
  if (id < 0 || size < 0) return -E.EINVAL;
  if (flags & MSG_COPY) {
    k.warnOnce('msgrcv MSG_COPY', 'msgrcv: MSG_COPY is not implemented');
    return -E.ENOSYS;
  }
  const mode = searchMode(args[3], flags);
  const type = searchType(args[3]);
  const q = k.ipc.msg.get(id);
  if (!q) return -E.EINVAL;
  if (!ipcPermits(q.perm, p.cred, S_IRUGO)) return -E.EACCES;
  q.dropReceiver(p);
  const i = q.find(mode, type);
  if (i >= 0) {
    const m = q.messages[i];
    if (m.text.length > size && (flags & MSG_NOERROR) === 0) return -E.E2BIG;
    if (!accessOk(p, msgp, 4 + Math.min(size, m.text.length), true)) return -E.EFAULT;
    removeAt(q.messages, i);
    q.cbytes -= m.text.length;
    k.ipc.msgBytes -= m.text.length + MSG_HEADER_BYTES;
    q.lrpid = p.pid;
    q.rtime = ipcNow(k);
    wakeup(k, q.sendChannel);
    return deliver(k, p, msgp, size, m.type, m.text, m.text.length);
  }
  if (flags & IPC_NOWAIT) return -E.ENOMSG;
  const receiver = new Receiver(p, mode, type, msgp, size, (flags & MSG_NOERROR) !== 0, id, q.receivers);
  q.receivers.push(receiver);
  p.waitRecord = receiver;
  return sleepOn(p, q.receiveChannel, receiver);
}

/** msgctl(id, cmd, buf): IPC_STAT, IPC_SET (msg_qbytes above MSGMNB needs uid 0),
 *  IPC_RMID, and for ipcs MSG_STAT (by index), IPC_INFO and MSG_INFO. 0 (the id
 *  for MSG_STAT, the highest index for the INFO commands), or EINVAL, EACCES,
 *  EPERM, EFAULT. */
export function sys_msgctl(k: Kernel, p: Proc, args: Int32Array): number {
  const id = args[0];
  const cmd = args[1] & ~IPC_64;
  const buf = args[2];
  if (id < 0 || cmd < 0) return -E.EINVAL;
  switch (cmd) {
    case IPC_INFO:
    case MSG_INFO:
      return msgInfo(k, p, cmd, buf);
    case IPC_STAT:
    case MSG_STAT: {
      const q = cmd === MSG_STAT ? k.ipc.msg.atIndex(id) : k.ipc.msg.get(id);
      if (!q) return -E.EINVAL;
      if (!ipcPermits(q.perm, p.cred, S_IRUGO)) return -E.EACCES;
      if (copyout(k, p, buf, encodeMsqid(q)) < 0) return -E.EFAULT;
      return cmd === MSG_STAT ? q.perm.id : 0;
    }
    case IPC_SET: {
      const bytes = new Uint8Array(MSQID_DS_SIZE);
      if (copyin(k, p, buf, bytes) < 0) return -E.EFAULT;
      const view = new DataView(bytes.buffer);
      const q = k.ipc.msg.get(id);
      if (!q) return -E.EINVAL;
      if (!ipcMayChange(q.perm, p.cred)) return -E.EPERM;
      const qbytes = view.getUint32(68, true);
      if (qbytes > MSGMNB && p.cred.euid !== 0) return -E.EPERM;
      q.perm.update(view, 0);
      q.qbytes = qbytes;
      q.ctime = ipcNow(k);
      // Receivers re-check their permission, senders the new room (Linux's
      // expunge_all with EAGAIN and ss_wakeup).
      wakeup(k, q.receiveChannel);
      wakeup(k, q.sendChannel);
      return 0;
    }
    case IPC_RMID: {
      const q = k.ipc.msg.get(id);
      if (!q) return -E.EINVAL;
      if (!ipcMayChange(q.perm, p.cred)) return -E.EPERM;
      msgRemove(k, q);
      return 0;
    }
    default:
      return -E.EINVAL;
  }
}

/** Removes q: every blocked msgsnd and msgrcv on it ends with EIDRM. */
export function msgRemove(k: Kernel, q: MsgQueue): void {
  for (const s of [...q.receiveChannel.sleepers, ...q.sendChannel.sleepers]) completeBlockedCall(k, s, -E.EIDRM);
  q.receivers.length = 0;
  k.ipc.msgBytes -= q.cbytes + q.messages.length * MSG_HEADER_BYTES;
  q.messages.length = 0;
  q.cbytes = 0;
  k.ipc.msg.remove(q);
}

/** IPC_INFO (the limits) and MSG_INFO (queues, messages and bytes in use in
 *  msgpool, msgmap and msgtql): fills struct msginfo, returns the highest index. */
function msgInfo(k: Kernel, p: Proc, cmd: number, buf: number): number {
  const queues = k.ipc.msg.all();
  const inUse = cmd === MSG_INFO;
  const pool = inUse ? queues.length : (MSGMNI * MSGMNB) / 1024;
  const map = inUse ? queues.reduce((n, q) => n + q.messages.length, 0) : MSGMNB;
  const tql = inUse ? queues.reduce((n, q) => n + q.cbytes, 0) : MSGMNB;
  if (writeI32s(k, p, buf, [pool, map, MSGMAX, MSGMNB, MSGMNI, MSGSSZ, tql, MSGSEG]) < 0) return -E.EFAULT;
  return Math.max(k.ipc.msg.maxIndex(), 0);
}

function encodeMsqid(q: MsgQueue): Uint8Array {
  const bytes = new Uint8Array(MSQID_DS_SIZE);
  const view = new DataView(bytes.buffer);
  q.perm.encode(view, 0);
  view.setInt32(IPC_PERM_SIZE, q.stime, true);
  view.setInt32(44, q.rtime, true);
  view.setInt32(52, q.ctime, true);
  view.setUint32(60, q.cbytes, true);
  view.setUint32(64, q.messages.length, true);
  view.setUint32(68, q.qbytes, true);
  view.setInt32(72, q.lspid, true);
  view.setInt32(76, q.lrpid, true);
  return bytes;
}

/** Throws when a queue's byte count disagrees with its messages, or the budget's
 *  with all the queues'. */
export function msgCheckInvariants(k: Kernel): void {
  let charged = 0;
  for (const q of k.ipc.msg.all()) {
    const bytes = q.messages.reduce((n, m) => n + m.text.length, 0);
    if (bytes !== q.cbytes) throw new Error(`checkInvariants: queue ${q.perm.id} counts ${q.cbytes} bytes, holds ${bytes}`);
    charged += bytes + q.messages.length * MSG_HEADER_BYTES;
  }
  if (charged !== k.ipc.msgBytes) throw new Error(`checkInvariants: ${k.ipc.msgBytes} bytes of messages counted, ${charged} queued`);
}
