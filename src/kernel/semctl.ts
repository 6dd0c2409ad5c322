// semctl: reading and setting semaphore values, the set's status, and removal.
// The fourth argument is the raw value of the caller's union semun: an int for
// SETVAL, a pointer for the others that use it. Setting values (SETVAL, SETALL)
// forgets the SEM_UNDO adjustments of those semaphores in every process and wakes
// the waiters that can now proceed; IPC_RMID completes every waiter with EIDRM.
import { E } from './errno.js';
import {
  IPC_64,
  IPC_INFO,
  IPC_PERM_SIZE,
  IPC_RMID,
  IPC_SET,
  IPC_STAT,
  ipcMayChange,
  ipcNow,
  ipcPermits,
  S_IRUGO,
  S_IWUGO,
} from './ipc.js';
import type { Kernel } from './kernel.js';
import { SEMAEM, SEMMNI, SEMMNS, SEMMSL, SEMOPM, SEMUME, SEMVMX } from './param.js';
import type { Proc } from './proc.js';
import { semUpdate, type SemSet } from './sem.js';
import { semUndoClear, semUndoDropSet } from './semundo.js';
import { completeBlockedCall } from './syscall.js';
import { copyin, copyout, writeI32s } from './uaccess.js';

// Commands, Linux's values (sys/sem.h).
export const GETPID = 11;
export const GETVAL = 12;
export const GETALL = 13;
export const GETNCNT = 14;
export const GETZCNT = 15;
export const SETVAL = 16;
export const SETALL = 17;
export const SEM_STAT = 18;
export const SEM_INFO = 19;

/** Bytes of struct semid_ds (Linux i386 semid64_ds). */
const SEMID_DS_SIZE = 64;

/** semctl(id, semnum, cmd, arg): the value asked for (GETVAL, GETPID, GETNCNT,
 *  GETZCNT; the id for SEM_STAT; the highest index for IPC_INFO/SEM_INFO) or 0, or
 *  EINVAL (bad id, command or semnum), EACCES, EPERM, ERANGE, EFAULT. */
export function sys_semctl(k: Kernel, p: Proc, args: Int32Array): number {
  const id = args[0];
  const num = args[1];
  const cmd = args[2] & ~IPC_64;
  const arg = args[3];
  if (id < 0) return -E.EINVAL;
  switch (cmd) {
    case IPC_INFO:
    case SEM_INFO:
      return semInfo(k, p, cmd, arg);
    case IPC_STAT:
    case SEM_STAT: {
      const set = cmd === SEM_STAT ? k.ipc.sem.atIndex(id) : k.ipc.sem.get(id);
      if (!set) return -E.EINVAL;
      if (!ipcPermits(set.perm, p.cred, S_IRUGO)) return -E.EACCES;
      if (copyout(k, p, arg, encodeSemid(k, set)) < 0) return -E.EFAULT;
      return cmd === SEM_STAT ? set.perm.id : 0;
    }
    case SETVAL:
      return setValue(k, p, id, num, arg);
    case GETVAL:
    case GETPID:
    case GETNCNT:
    case GETZCNT:
    case GETALL:
    case SETALL:
      return valuesCommand(k, p, id, num, cmd, arg);
    case IPC_SET:
    case IPC_RMID:
      return changeSet(k, p, id, cmd, arg);
    default:
      return -E.EINVAL;
  }
}

function valuesCommand(k: Kernel, p: Proc, id: number, num: number, cmd: number, arg: number): number {
  const set = k.ipc.sem.get(id);
  if (!set) return -E.EINVAL;
  if (!ipcPermits(set.perm, p.cred, cmd === SETALL ? S_IWUGO : S_IRUGO)) return -E.EACCES;
  if (cmd === GETALL) {
    const bytes = new Uint8Array(2 * set.nsems);
    const view = new DataView(bytes.buffer);
    set.values.forEach((v, i) => view.setUint16(2 * i, v, true));
    return copyout(k, p, arg, bytes) < 0 ? -E.EFAULT : 0;
  }
  if (cmd === SETALL) return setAll(k, p, set, arg);
  if (num < 0 || num >= set.nsems) return -E.EINVAL;
  switch (cmd) {
    case GETVAL:
      return set.values[num];
    case GETPID:
      return set.pids[num];
    case GETNCNT:
      return set.waiters(num, false);
    default:
      return set.waiters(num, true);
  }
}

function setAll(k: Kernel, p: Proc, set: SemSet, arg: number): number {
  const bytes = new Uint8Array(2 * set.nsems);
  if (copyin(k, p, arg, bytes) < 0) return -E.EFAULT;
  const view = new DataView(bytes.buffer);
  const values = Array.from({ length: set.nsems }, (_, i) => view.getUint16(2 * i, true));
  if (values.some((v) => v > SEMVMX)) return -E.ERANGE;
  values.forEach((v, i) => {
    set.values[i] = v;
    set.pids[i] = p.pid;
  });
  semUndoClear(set, -1);
  set.ctime = ipcNow(k);
  semUpdate(k, set);
  return 0;
}

function setValue(k: Kernel, p: Proc, id: number, num: number, value: number): number {
  if (value < 0 || value > SEMVMX) return -E.ERANGE;
  const set = k.ipc.sem.get(id);
  if (!set || num < 0 || num >= set.nsems) return -E.EINVAL;
  if (!ipcPermits(set.perm, p.cred, S_IWUGO)) return -E.EACCES;
  semUndoClear(set, num);
  set.values[num] = value;
  set.pids[num] = p.pid;
  set.ctime = ipcNow(k);
  semUpdate(k, set);
  return 0;
}

function changeSet(k: Kernel, p: Proc, id: number, cmd: number, arg: number): number {
  const bytes = new Uint8Array(SEMID_DS_SIZE);
  if (cmd === IPC_SET && copyin(k, p, arg, bytes) < 0) return -E.EFAULT;
  const set = k.ipc.sem.get(id);
  if (!set) return -E.EINVAL;
  if (!ipcMayChange(set.perm, p.cred)) return -E.EPERM;
  if (cmd === IPC_SET) {
    set.perm.update(new DataView(bytes.buffer), 0);
    set.ctime = ipcNow(k);
  } else {
    semRemove(k, set);
  }
  return 0;
}

/** Removes set: every blocked semop on it ends with EIDRM, and the processes'
 *  adjustments on it are dropped. */
export function semRemove(k: Kernel, set: SemSet): void {
  for (const s of [...set.channel.sleepers]) completeBlockedCall(k, s, -E.EIDRM);
  set.pending.length = 0;
  semUndoDropSet(set);
  k.ipc.sem.remove(set);
}

/** IPC_INFO (the limits) and SEM_INFO (the same, with sets and semaphores in use
 *  in semusz and semaem): fills struct seminfo, returns the highest index in use.
 *  semmap and semmnu, which nothing enforces, are Linux's constants. */
function semInfo(k: Kernel, p: Proc, cmd: number, arg: number): number {
  const linuxSemmns = SEMMNI * SEMMSL;
  const inUse = cmd === SEM_INFO;
  const usz = inUse ? k.ipc.sem.count() : 20;
  const aem = inUse ? k.ipc.sem.totalUnits() : SEMAEM;
  const info = [linuxSemmns, SEMMNI, SEMMNS, linuxSemmns, SEMMSL, SEMOPM, SEMUME, usz, SEMVMX, aem];
  if (writeI32s(k, p, arg, info) < 0) return -E.EFAULT;
  return Math.max(k.ipc.sem.maxIndex(), 0);
}

function encodeSemid(k: Kernel, set: SemSet): Uint8Array {
  const bytes = new Uint8Array(SEMID_DS_SIZE);
  const view = new DataView(bytes.buffer);
  set.perm.encode(view, 0);
  view.setInt32(IPC_PERM_SIZE, set.otime(k), true);
  view.setInt32(44, set.ctime, true);
  view.setUint32(52, set.nsems, true);
  return bytes;
}
