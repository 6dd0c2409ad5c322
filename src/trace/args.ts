// System call arguments decoded by their kind in the syscall table -- never by the
// call's name -- so a call added to the table is traced without touching this
// file, and a kind added to the table fails to compile here until it is decoded.
// Arguments before the first out* kind are printed when the call starts; that one
// and every later one when it returns (strace's order: `read(3, ` ... `"hi", 10)`).
import type { Kernel } from '../kernel/kernel.js';
import { O_CREAT } from '../kernel/file.js';
import type { Proc } from '../kernel/proc.js';
import type { ArgKind } from '../kernel/syscall-table.js';
import {
  CLOCK_IDS,
  FCNTL_COMMANDS,
  fcntlArg,
  flagNames,
  hex,
  IOCTL_REQUESTS,
  ipcCommand,
  ipcGetFlags,
  isDeviceMode,
  mapFlags,
  modeText,
  MSG_COMMANDS,
  MSG_FLAGS,
  openFlags,
  pipeFlags,
  PROT_FLAGS,
  SEEK_WHENCE,
  SEM_COMMANDS,
  SHM_COMMANDS,
  SHM_FLAGS,
  SIG_HOW,
  valueName,
  WAIT_OPTIONS,
} from './flags.js';
import { isErrorResult } from './result.js';
import { signalText } from './siginfo.js';
import {
  formatArgv,
  formatBuffer,
  formatFdPair,
  formatMsgBuf,
  formatPath,
  formatSemBufs,
  formatSigAction,
  formatSigInfoAt,
  formatSigSetAt,
  formatStat,
  formatTimespec,
  formatTimeval,
  formatWaitStatusAt,
  pointer,
} from './structs.js';

/** Whether the call reads the argument (printed at entry) or fills it (at exit). */
const DIRECTION: Readonly<Record<ArgKind, 'in' | 'out'>> = {
  int: 'in',
  uint: 'in',
  hex: 'in',
  fd: 'in',
  pid: 'in',
  sig: 'in',
  path: 'in',
  inbuf: 'in',
  outbuf: 'out',
  argv: 'in',
  oflags: 'in',
  pipeflags: 'in',
  mode: 'in',
  ipcflags: 'in',
  msgflags: 'in',
  sembuf: 'in',
  struct: 'in',
  waitopts: 'in',
  fcntlcmd: 'in',
  semcmd: 'in',
  msgcmd: 'in',
  shmcmd: 'in',
  sighow: 'in',
  prot: 'in',
  mapflags: 'in',
  seek: 'in',
  ipckey: 'in',
  outfds: 'out',
  timespec: 'in',
  outtimespec: 'out',
  outtimeval: 'out',
  outstat: 'out',
  outstatus: 'out',
  sigaction: 'in',
  outsigaction: 'out',
  sigset: 'in',
  outsigset: 'out',
  siginfo: 'in',
  msgbuf: 'in',
  outmsgbuf: 'out',
  clockid: 'in',
  shmflags: 'in',
  fcntlarg: 'in',
  ioctlreq: 'in',
  dev: 'in',
};

/** Index of the first argument printed when the call returns (kinds.length when
 *  the whole call is printed at entry). */
export function firstExitArg(kinds: readonly ArgKind[]): number {
  const i = kinds.findIndex((kind) => DIRECTION[kind] === 'out');
  return i < 0 ? kinds.length : i;
}

/** One call's arguments and, once it returned, its result. */
export interface CallView {
  readonly k: Kernel;
  readonly p: Proc;
  readonly kinds: readonly ArgKind[];
  readonly args: Int32Array;
  /** The result; null at entry, or when the call never returned (exit, kill). */
  readonly result: number | null;
}

/** True when the call returned a value (not an error): out arguments are filled. */
function filled(c: CallView): boolean {
  return c.result !== null && !isErrorResult(c.result);
}

/** Argument i as text, or null when strace leaves it out (open's mode without
 *  O_CREAT, fcntl's argument for F_GETFL, mknod's device for a FIFO). */
export function decodeArg(c: CallView, i: number): string | null {
  const { k, p, args } = c;
  const v = args[i];
  const next = args[i + 1];
  const kind = c.kinds[i];
  switch (kind) {
    case 'int':
    case 'fd':
    case 'pid':
      return String(v);
    case 'uint':
      return String(v >>> 0);
    case 'hex':
    case 'struct':
      return pointer(v);
    case 'sig':
      return v === 0 ? '0' : signalText(v);
    case 'path':
      return formatPath(k, p, v);
    case 'inbuf':
      return formatBuffer(k, p, v, next >>> 0);
    case 'outbuf':
      return filled(c) ? formatBuffer(k, p, v, c.result ?? 0) : pointer(v);
    case 'argv':
      return formatArgv(k, p, v);
    case 'oflags':
      return openFlags(v);
    case 'pipeflags':
      return pipeFlags(v);
    case 'mode':
      return c.kinds[i - 1] === 'oflags' && (args[i - 1] & O_CREAT) === 0 ? null : modeText(v);
    case 'ipcflags':
      return ipcGetFlags(v);
    case 'msgflags':
      return flagNames(v, MSG_FLAGS);
    case 'sembuf':
      return formatSemBufs(k, p, v, next >>> 0);
    case 'waitopts':
      return flagNames(v, WAIT_OPTIONS);
    case 'fcntlcmd':
      return valueName(v, FCNTL_COMMANDS);
    case 'fcntlarg':
      return fcntlArg(args[i - 1], v);
    case 'semcmd':
      return ipcCommand(v, SEM_COMMANDS);
    case 'msgcmd':
      return ipcCommand(v, MSG_COMMANDS);
    case 'shmcmd':
      return ipcCommand(v, SHM_COMMANDS);
    case 'sighow':
      return valueName(v, SIG_HOW);
    case 'prot':
      return flagNames(v, PROT_FLAGS, 'PROT_NONE');
    case 'mapflags':
      return mapFlags(v);
    case 'seek':
      return valueName(v, SEEK_WHENCE);
    case 'ipckey':
      return v === 0 ? 'IPC_PRIVATE' : hex(v);
    case 'clockid':
      return valueName(v, CLOCK_IDS);
    case 'shmflags':
      return flagNames(v, SHM_FLAGS);
    case 'ioctlreq':
      return valueName(v, IOCTL_REQUESTS, hex);
    case 'dev':
      return isDeviceMode(args[i - 1]) ? `makedev(${hex(v >>> 8)}, ${hex(v & 0xff)})` : null;
    case 'timespec':
      return formatTimespec(k, p, v);
    case 'sigaction':
      return formatSigAction(k, p, v);
    case 'sigset':
      return formatSigSetAt(k, p, v);
    case 'siginfo':
      return formatSigInfoAt(k, p, v);
    case 'msgbuf':
      return formatMsgBuf(k, p, v, next >>> 0);
    case 'outfds':
      return filled(c) ? formatFdPair(k, p, v) : pointer(v);
    case 'outtimespec':
      return filled(c) ? formatTimespec(k, p, v) : pointer(v);
    case 'outtimeval':
      return filled(c) ? formatTimeval(k, p, v) : pointer(v);
    case 'outstat':
      return filled(c) ? formatStat(k, p, v) : pointer(v);
    case 'outstatus':
      return filled(c) && (c.result ?? 0) > 0 ? formatWaitStatusAt(k, p, v) : pointer(v);
    case 'outsigaction':
      return filled(c) ? formatSigAction(k, p, v) : pointer(v);
    case 'outsigset':
      return filled(c) ? formatSigSetAt(k, p, v) : pointer(v);
    case 'outmsgbuf':
      return filled(c) ? formatMsgBuf(k, p, v, c.result ?? 0) : pointer(v);
    default: {
      const never: never = kind;
      throw new Error(`decodeArg: unknown argument kind ${String(never)}`);
    }
  }
}

/** Arguments [from, to) as text, the omitted ones left out. */
export function decodeArgs(c: CallView, from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const text = decodeArg(c, i);
    if (text !== null) out.push(text);
  }
  return out;
}
