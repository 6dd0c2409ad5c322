// Structures in guest memory as strace prints them. Each decoder takes the guest
// address and returns the text, or the address itself (`0xbfff0010`, `NULL`) when
// the memory cannot be read. Layouts are the guest ABI's (ILP32, lang/include):
// every field below is a 4-byte word unless said otherwise.
import type { Kernel } from '../kernel/kernel.js';
import type { Proc } from '../kernel/proc.js';
import { SIG_DFL, SIG_IGN } from '../kernel/sigstate.js';
import { PATH_MAX } from '../kernel/param.js';
import { SIG } from '../kernel/signals.js';
import { flagNames, hex, isDeviceMode, modeText, SA_FLAGS, SEM_FLAGS } from './flags.js';
import { peekBytes, peekString, peekWords } from './peek.js';
import { quoteBuffer, quoteBytes, STRING_LIMIT } from './quote.js';
import { formatSigInfo, formatSigSet, formatWaitStatus } from './siginfo.js';

/** A pointer printed as strace prints one it does not follow. */
export function pointer(addr: number): string {
  return addr === 0 ? 'NULL' : hex(addr);
}

/** Most array elements shown before `...` (strace's default). */
const ARRAY_LIMIT = 32;

export function formatPath(k: Kernel, p: Proc, addr: number): string {
  const s = addr === 0 ? null : peekString(k, p, addr, PATH_MAX);
  if (!s) return pointer(addr);
  return quoteBytes(s.bytes) + (s.complete ? '' : '...');
}

/** A NUL-terminated string inside an array (argv): cut like a buffer. */
function formatCString(k: Kernel, p: Proc, addr: number): string {
  const s = peekString(k, p, addr, STRING_LIMIT + 1);
  if (!s) return pointer(addr);
  return quoteBytes(s.bytes.subarray(0, STRING_LIMIT), s.complete ? s.bytes.length : STRING_LIMIT + 1);
}

/** length bytes at addr, the first STRING_LIMIT of them quoted. */
export function formatBuffer(k: Kernel, p: Proc, addr: number, length: number): string {
  const bytes = peekBytes(k, p, addr, Math.min(Math.max(length, 0), STRING_LIMIT));
  return bytes ? quoteBuffer(bytes, Math.max(length, 0)) : pointer(addr);
}

/** A NULL-terminated array of strings: `["ls", "-l"]`. */
export function formatArgv(k: Kernel, p: Proc, addr: number): string {
  if (addr === 0) return 'NULL';
  const items: string[] = [];
  for (let i = 0; ; i++) {
    const word = peekWords(k, p, addr + 4 * i, 1);
    if (!word) return items.length === 0 ? pointer(addr) : `[${items.join(', ')}, ...]`;
    if (word[0] === 0) break;
    if (i === ARRAY_LIMIT) return `[${items.join(', ')}, ...]`;
    items.push(formatCString(k, p, word[0]));
  }
  return `[${items.join(', ')}]`;
}

/** The `count` words at addr formatted by `show`, or the address. */
function words(k: Kernel, p: Proc, addr: number, count: number, show: (w: Int32Array) => string): string {
  const w = addr === 0 ? null : peekWords(k, p, addr, count);
  return w ? show(w) : pointer(addr);
}

export function formatFdPair(k: Kernel, p: Proc, addr: number): string {
  return words(k, p, addr, 2, (w) => `[${w[0]}, ${w[1]}]`);
}

export function formatTimespec(k: Kernel, p: Proc, addr: number): string {
  return words(k, p, addr, 2, (w) => `{tv_sec=${w[0]}, tv_nsec=${w[1]}}`);
}

export function formatTimeval(k: Kernel, p: Proc, addr: number): string {
  return words(k, p, addr, 2, (w) => `{tv_sec=${w[0]}, tv_usec=${w[1]}}`);
}

/** struct stat (sys-stat.ts): dev, ino, mode, nlink, uid, gid, rdev, size, ... --
 *  abridged as strace does: the mode and the size (the device for a device). */
export function formatStat(k: Kernel, p: Proc, addr: number): string {
  return words(k, p, addr, 8, (w) => {
    const extra = isDeviceMode(w[2]) ? `st_rdev=makedev(${hex(w[6] >>> 8)}, ${hex(w[6] & 0xff)})` : `st_size=${w[7]}`;
    return `{st_mode=${modeText(w[2])}, ${extra}, ...}`;
  });
}

export function formatWaitStatusAt(k: Kernel, p: Proc, addr: number): string {
  return words(k, p, addr, 1, (w) => formatWaitStatus(w[0]));
}

export function formatSigSetAt(k: Kernel, p: Proc, addr: number): string {
  return words(k, p, addr, 2, (w) => formatSigSet(w[0], w[1]));
}

function handlerText(handler: number): string {
  if (handler === SIG_DFL) return 'SIG_DFL';
  if (handler === SIG_IGN) return 'SIG_IGN';
  return hex(handler);
}

/** struct sigaction (sys-signal.ts): handler, mask (two words), flags. */
export function formatSigAction(k: Kernel, p: Proc, addr: number): string {
  return words(k, p, addr, 4, (w) => {
    const flags = flagNames(w[3], SA_FLAGS);
    return `{sa_handler=${handlerText(w[0])}, sa_mask=${formatSigSet(w[1], w[2])}, sa_flags=${flags}}`;
  });
}

/** siginfo_t (i386): signo, errno, code, then pid, uid and value (or status for
 *  SIGCHLD); a fault's address overlays pid. */
export function formatSigInfoAt(k: Kernel, p: Proc, addr: number): string {
  return words(k, p, addr, 6, (w) =>
    formatSigInfo({ signo: w[0], code: w[2], pid: w[3], uid: w[4], addr: w[0] === SIG.SIGCHLD ? w[5] : w[3], value: w[5] }),
  );
}

/** struct sembuf[count]: sem_num (u16), sem_op (s16), sem_flg (s16). */
export function formatSemBufs(k: Kernel, p: Proc, addr: number, count: number): string {
  const shown = Math.min(Math.max(count, 0), ARRAY_LIMIT);
  const bytes = addr === 0 ? null : peekBytes(k, p, addr, 6 * shown);
  if (!bytes) return pointer(addr);
  const view = new DataView(bytes.buffer);
  const items: string[] = [];
  for (let i = 0; i < shown; i++) {
    const flags = flagNames(view.getInt16(6 * i + 4, true) & 0xffff, SEM_FLAGS);
    items.push(`{sem_num=${view.getUint16(6 * i, true)}, sem_op=${view.getInt16(6 * i + 2, true)}, sem_flg=${flags}}`);
  }
  return `[${items.join(', ')}${count > shown ? ', ...' : ''}]`;
}

/** struct msgbuf: mtype (long), then `length` bytes of mtext. */
export function formatMsgBuf(k: Kernel, p: Proc, addr: number, length: number): string {
  const type = addr === 0 ? null : peekWords(k, p, addr, 1);
  if (!type) return pointer(addr);
  return `{mtype=${type[0]}, mtext=${formatBuffer(k, p, addr + 4, length)}}`;
}
