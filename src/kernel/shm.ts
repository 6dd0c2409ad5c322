// System V shared memory (Linux's ipc/shm.c). A segment is a store of shared pages
// (shmem.ts) sized in whole pages, while shm_segsz keeps the size asked for. No
// frame exists at shmget or shmat: shmat only adds a vm area whose backing is the
// attachment, and each page gets its frame at the first touch by any process.
//
// shm_nattch counts the areas attached to the segment, as Linux counts vmas: shmat,
// fork and a munmap that cuts an attachment in two add one; shmdt, munmap and exit
// take one away (and set shm_lpid and shm_dtime). IPC_RMID of an attached segment
// only marks it (SHM_DEST) and frees its key at once; the segment, and its frames,
// go with the last attachment.
import { PAGE_SHIFT, PAGE_SIZE } from '../isa/abi.js';
import { E } from './errno.js';
import {
  IPC_64,
  IPC_INFO,
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
import { fixedRangeError, pickMapAddress } from './mmap.js';
import { SHMALL, SHMMAX, SHMMIN, SHMMNI } from './param.js';
import type { Proc } from './proc.js';
import { SharedPages } from './shmem.js';
import { copyin, copyout, writeI32s } from './uaccess.js';
import { PROT_READ, PROT_WRITE, VmArea, type AreaBacking, type FaultOutcome } from './vmarea.js';
import { areaRoom } from './vmlimits.js';

// Flags and commands, Linux's values (sys/shm.h).
export const SHM_RDONLY = 0o10000;
export const SHM_RND = 0o20000;
export const SHM_REMAP = 0o40000;
/** perm.mode bits: marked for removal, locked in memory. */
export const SHM_DEST = 0o1000;
export const SHM_LOCKED = 0o2000;
const SHM_LOCK = 11;
const SHM_UNLOCK = 12;
const SHM_STAT = 13;
const SHM_INFO = 14;
/** Attach addresses round down to this with SHM_RND. */
const SHMLBA = PAGE_SIZE;

/** Bytes of struct shmid_ds (Linux i386 shmid64_ds). */
const SHMID_DS_SIZE = 84;

export class ShmSegment implements IpcObject {
  nattch = 0;
  lpid = 0;
  atime = 0;
  dtime = 0;

  constructor(
    readonly perm: IpcPerm,
    /** The size asked for (shm_segsz); the pages cover it rounded up. */
    readonly size: number,
    readonly cpid: number,
    public ctime: number,
    readonly pages: SharedPages,
  ) {}
}

/** The backing of one attachment, shared by the pieces munmap cuts it into and by
 *  the copies fork makes. */
class ShmAttachment implements AreaBacking {
  constructor(
    readonly segment: ShmSegment,
    /** The address shmat returned: page i of the segment is at base + i pages. */
    readonly base: number,
  ) {}

  fault(k: Kernel, p: Proc, area: VmArea, vpn: number): FaultOutcome {
    return this.segment.pages.mapPage(k, p, vpn, vpn - (this.base >>> PAGE_SHIFT), (area.prot & PROT_WRITE) !== 0);
  }

  forked(k: Kernel, _area: VmArea, child: Proc): void {
    shmOpen(k, this.segment, child.ppid);
  }

  split(k: Kernel, _area: VmArea, _piece: VmArea, p: Proc): void {
    shmOpen(k, this.segment, p.pid);
  }

  released(k: Kernel, _area: VmArea, p: Proc): void {
    const seg = this.segment;
    seg.nattch--;
    seg.dtime = ipcNow(k);
    seg.lpid = p.pid;
    if (seg.nattch === 0 && seg.perm.mode & SHM_DEST) shmDestroy(k, seg);
  }
}

/** One more area is attached (Linux's shm_open); `pid` did it. */
function shmOpen(k: Kernel, seg: ShmSegment, pid: number): void {
  seg.nattch++;
  seg.atime = ipcNow(k);
  seg.lpid = pid;
}

function shmDestroy(k: Kernel, seg: ShmSegment): void {
  seg.pages.free(k);
  k.ipc.shm.remove(seg);
}

/** shmget(key, size, shmflg): the segment's id, or EINVAL (size outside
 *  SHMMIN..SHMMAX, or larger than the existing segment), ENOENT, EEXIST, EACCES,
 *  ENOSPC. */
export function sys_shmget(k: Kernel, p: Proc, args: Int32Array): number {
  const key = args[0];
  const size = args[1] >>> 0;
  const flags = args[2];
  const create = (): ShmSegment | number => {
    if (size < SHMMIN || size > SHMMAX) return -E.EINVAL;
    const pages = Math.ceil(size / PAGE_SIZE);
    if (k.ipc.shm.totalUnits() + pages > SHMALL) return -E.ENOSPC;
    return new ShmSegment(new IpcPerm(key, flags & 0o777, p.cred), size, p.pid, ipcNow(k), new SharedPages(pages));
  };
  return ipcGet(k.ipc.shm, key, flags, p.cred, create, (seg) => (size > seg.size ? -E.EINVAL : 0));
}

/** shmat(id, addr, shmflg): the attachment's address, or EINVAL (bad id; addr
 *  unaligned without SHM_RND, or taken without SHM_REMAP), EACCES, ENOMEM (no
 *  room, or too many areas: vmlimits.ts), EPERM.
 *  With addr 0 the kernel picks the address in the mmap region. */
export function sys_shmat(k: Kernel, p: Proc, args: Int32Array): number {
  const id = args[0];
  let addr = args[1] >>> 0;
  const flags = args[2];
  if (id < 0) return -E.EINVAL;
  if (addr !== 0 && addr % SHMLBA !== 0) {
    if ((flags & SHM_RND) === 0) return -E.EINVAL;
    addr -= addr % SHMLBA;
    if (addr === 0 && flags & SHM_REMAP) return -E.EINVAL;
  } else if (addr === 0 && flags & SHM_REMAP) {
    return -E.EINVAL;
  }
  const readOnly = (flags & SHM_RDONLY) !== 0;
  const seg = k.ipc.shm.get(id);
  if (!seg) return -E.EINVAL;
  if (!ipcPermits(seg.perm, p.cred, readOnly ? S_IRUGO : S_IRUGO | S_IWUGO)) return -E.EACCES;
  const length = seg.pages.pageCount * PAGE_SIZE;
  const room = areaRoom(k, p, addr !== 0 && p.mm.cutsInThree(addr, addr + length) ? 2 : 1);
  if (room < 0) return room;
  if (addr !== 0) {
    if (!p.mm.isFree(addr, addr + length) && (flags & SHM_REMAP) === 0) return -E.EINVAL;
    const error = fixedRangeError(p.mm, addr, length);
    if (error < 0) return error;
    p.mm.unmapRange(k, p, addr, addr + length);
  } else {
    addr = pickMapAddress(p.mm, length);
    if (addr < 0) return addr;
  }
  const prot = readOnly ? PROT_READ : PROT_READ | PROT_WRITE;
  p.mm.addArea(new VmArea(addr, addr + length, prot, 'shm', new ShmAttachment(seg, addr)));
  shmOpen(k, seg, p.pid);
  return addr | 0;
}

/** shmdt(addr): detaches the attachment shmat returned at addr (every piece of
 *  it). 0, or EINVAL when none is there. */
export function sys_shmdt(k: Kernel, p: Proc, args: Int32Array): number {
  const addr = args[0] >>> 0;
  if (addr % PAGE_SIZE !== 0) return -E.EINVAL;
  const first = p.mm.areas.find((a) => a.backing instanceof ShmAttachment && a.backing.base === addr);
  if (!first) return -E.EINVAL;
  for (const area of p.mm.areas.filter((a) => a.backing === first.backing)) p.mm.removeArea(k, p, area);
  return 0;
}

/** shmctl(id, cmd, buf): IPC_STAT, IPC_SET, IPC_RMID, SHM_LOCK/SHM_UNLOCK (only
 *  recorded), and for ipcs SHM_STAT (by index), IPC_INFO and SHM_INFO. 0 (the id
 *  for SHM_STAT, the highest index for the INFO commands), or EINVAL, EACCES,
 *  EPERM, EFAULT. */
export function sys_shmctl(k: Kernel, p: Proc, args: Int32Array): number {
  const id = args[0];
  const cmd = args[1] & ~IPC_64;
  const buf = args[2];
  if (id < 0 || cmd < 0) return -E.EINVAL;
  switch (cmd) {
    case IPC_INFO:
    case SHM_INFO:
      return shmInfo(k, p, cmd, buf);
    case IPC_STAT:
    case SHM_STAT: {
      const seg = cmd === SHM_STAT ? k.ipc.shm.atIndex(id) : k.ipc.shm.get(id);
      if (!seg) return -E.EINVAL;
      if (!ipcPermits(seg.perm, p.cred, S_IRUGO)) return -E.EACCES;
      if (copyout(k, p, buf, encodeShmid(seg)) < 0) return -E.EFAULT;
      return cmd === SHM_STAT ? seg.perm.id : 0;
    }
    case IPC_SET:
    case IPC_RMID:
    case SHM_LOCK:
    case SHM_UNLOCK:
      return changeSegment(k, p, id, cmd, buf);
    default:
      return -E.EINVAL;
  }
}

function changeSegment(k: Kernel, p: Proc, id: number, cmd: number, buf: number): number {
  const bytes = new Uint8Array(SHMID_DS_SIZE);
  if (cmd === IPC_SET && copyin(k, p, buf, bytes) < 0) return -E.EFAULT;
  const seg = k.ipc.shm.get(id);
  if (!seg) return -E.EINVAL;
  if (!ipcMayChange(seg.perm, p.cred)) return -E.EPERM;
  switch (cmd) {
    case IPC_SET:
      seg.perm.update(new DataView(bytes.buffer), 0);
      seg.ctime = ipcNow(k);
      break;
    case IPC_RMID:
      if (seg.nattch === 0) {
        shmDestroy(k, seg);
      } else {
        seg.perm.mode |= SHM_DEST;
        k.ipc.shm.releaseKey(seg);
      }
      break;
    case SHM_LOCK:
      seg.perm.mode |= SHM_LOCKED;
      break;
    default:
      seg.perm.mode &= ~SHM_LOCKED;
  }
  return 0;
}

/** IPC_INFO fills struct shminfo64 with the limits; SHM_INFO fills struct shm_info
 *  with the segments, pages and resident pages in use. The highest index. */
function shmInfo(k: Kernel, p: Proc, cmd: number, buf: number): number {
  const segments = k.ipc.shm.all();
  const words =
    cmd === IPC_INFO
      ? [SHMMAX, SHMMIN, SHMMNI, SHMMNI, SHMALL, 0, 0, 0, 0]
      : [
          segments.length,
          k.ipc.shm.totalUnits(),
          segments.reduce((n, s) => n + s.pages.residentPages(), 0),
          0,
          0,
          0,
        ];
  if (writeI32s(k, p, buf, words) < 0) return -E.EFAULT;
  return Math.max(k.ipc.shm.maxIndex(), 0);
}

function encodeShmid(seg: ShmSegment): Uint8Array {
  const bytes = new Uint8Array(SHMID_DS_SIZE);
  const view = new DataView(bytes.buffer);
  seg.perm.encode(view, 0);
  view.setUint32(IPC_PERM_SIZE, seg.size, true);
  view.setInt32(40, seg.atime, true);
  view.setInt32(48, seg.dtime, true);
  view.setInt32(56, seg.ctime, true);
  view.setInt32(64, seg.cpid, true);
  view.setInt32(68, seg.lpid, true);
  view.setUint32(72, seg.nattch, true);
  return bytes;
}

/** Throws when a segment's attachment count disagrees with the areas attached to
 *  it in all processes. */
export function shmCheckInvariants(k: Kernel): void {
  const areas = new Map<ShmSegment, number>();
  for (const p of k.procs.values()) {
    for (const a of p.mm.areas) if (a.backing instanceof ShmAttachment) areas.set(a.backing.segment, (areas.get(a.backing.segment) ?? 0) + 1);
  }
  for (const seg of k.ipc.shm.all()) {
    const n = areas.get(seg) ?? 0;
    if (n !== seg.nattch) throw new Error(`checkInvariants: segment ${seg.perm.id} has shm_nattch ${seg.nattch} but ${n} areas`);
    areas.delete(seg);
  }
  for (const seg of areas.keys()) throw new Error(`checkInvariants: an area is attached to destroyed segment ${seg.perm.id}`);
}
