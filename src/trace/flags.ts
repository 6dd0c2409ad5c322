// Symbolic names of flag words and command numbers, as strace prints them:
// `O_WRONLY|O_NONBLOCK`, `IPC_CREAT|0644`, `SEM_UNDO|IPC_NOWAIT`, `F_SETFL`.
// Values come from the kernel's own constants where it exports them, so a name
// can never disagree with what the kernel does; the rest are Linux's (i386) ABI.
// Bits no table names are printed in hex after the names (`O_CREAT|0x80000000`).
import { F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD, F_GETFL, F_GETPIPE_SZ, F_SETFD, F_SETFL, F_SETPIPE_SZ } from '../kernel/fcntl.js';
import { FD_CLOEXEC } from '../kernel/fdtable.js';
import {
  O_ACCMODE,
  O_APPEND,
  O_CLOEXEC,
  O_CREAT,
  O_DIRECT,
  O_DIRECTORY,
  O_EXCL,
  O_NOCTTY,
  O_NOFOLLOW,
  O_NONBLOCK,
  O_RDONLY,
  O_RDWR,
  O_TRUNC,
  O_WRONLY,
} from '../kernel/file.js';
import { S_IFBLK, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFMT, S_IFREG, S_IFSOCK } from '../kernel/inode.js';
import { IPC_64, IPC_CREAT, IPC_EXCL, IPC_INFO, IPC_NOWAIT, IPC_RMID, IPC_SET, IPC_STAT } from '../kernel/ipc.js';
import { MAP_ANONYMOUS, MAP_FIXED, MAP_FIXED_NOREPLACE, MAP_PRIVATE, MAP_SHARED } from '../kernel/mmap.js';
import { MSG_EXCEPT, MSG_NOERROR } from '../kernel/msg.js';
import { SEM_UNDO } from '../kernel/sem.js';
import { GETALL, GETNCNT, GETPID, GETVAL, GETZCNT, SEM_INFO, SEM_STAT, SETALL, SETVAL } from '../kernel/semctl.js';
import { SHM_RDONLY, SHM_REMAP, SHM_RND } from '../kernel/shm.js';
import { SA_NOCLDSTOP, SA_NOCLDWAIT, SA_NODEFER, SA_RESETHAND, SA_RESTART, SA_SIGINFO } from '../kernel/sigstate.js';
import { PROT_EXEC, PROT_READ, PROT_WRITE } from '../kernel/vmarea.js';
import { WCONTINUED, WNOHANG, WUNTRACED } from '../kernel/wait.js';

/** [value, name] pairs: single bits for flag words, whole values for commands. */
export type Names = readonly (readonly [number, string])[];

/** `0x1f`, the way strace prints bits it has no name for. */
export function hex(value: number): string {
  return `0x${(value >>> 0).toString(16)}`;
}

/** The names of the bits set in value, joined by `|`, unknown bits in hex after
 *  them; `zero` when value is 0. */
export function flagNames(value: number, names: Names, zero = '0'): string {
  const parts: string[] = [];
  let rest = value >>> 0;
  for (const [bit, name] of names) {
    if (bit !== 0 && (rest & bit) >>> 0 === bit >>> 0) {
      parts.push(name);
      rest = (rest & ~bit) >>> 0;
    }
  }
  if (rest !== 0) parts.push(hex(rest));
  return parts.length === 0 ? zero : parts.join('|');
}

/** The name of a command value, or `unknown(value)` (its number). */
export function valueName(value: number, names: Names, unknown: (value: number) => string = String): string {
  for (const [v, name] of names) if (v === value) return name;
  return unknown(value);
}

/** Octal as strace prints modes: `0644`, `000`. */
export function octal(value: number): string {
  return `0${value.toString(8).padStart(2, '0')}`;
}

const OPEN_FLAGS: Names = [
  [O_CREAT, 'O_CREAT'],
  [O_EXCL, 'O_EXCL'],
  [O_NOCTTY, 'O_NOCTTY'],
  [O_TRUNC, 'O_TRUNC'],
  [O_APPEND, 'O_APPEND'],
  [O_NONBLOCK, 'O_NONBLOCK'],
  [O_DIRECT, 'O_DIRECT'],
  [O_DIRECTORY, 'O_DIRECTORY'],
  [O_NOFOLLOW, 'O_NOFOLLOW'],
  [O_CLOEXEC, 'O_CLOEXEC'],
];

const ACCESS_MODES: Names = [
  [O_RDONLY, 'O_RDONLY'],
  [O_WRONLY, 'O_WRONLY'],
  [O_RDWR, 'O_RDWR'],
];

/** open(2) flags: the access mode, always, then the other flags. */
export function openFlags(value: number): string {
  const mode = valueName(value & O_ACCMODE, ACCESS_MODES);
  const rest = flagNames(value & ~O_ACCMODE, OPEN_FLAGS, '');
  return rest ? `${mode}|${rest}` : mode;
}

/** pipe2's flags: no access mode. */
export function pipeFlags(value: number): string {
  return flagNames(value, OPEN_FLAGS);
}

const FILE_TYPES: Names = [
  [S_IFREG, 'S_IFREG'],
  [S_IFDIR, 'S_IFDIR'],
  [S_IFCHR, 'S_IFCHR'],
  [S_IFBLK, 'S_IFBLK'],
  [S_IFIFO, 'S_IFIFO'],
  [S_IFLNK, 'S_IFLNK'],
  [S_IFSOCK, 'S_IFSOCK'],
];

/** A mode: `0644`, or with a file type `S_IFIFO|0644`. */
export function modeText(value: number): string {
  const type = value & S_IFMT;
  const perm = octal(value & 0o7777);
  return type ? `${valueName(type, FILE_TYPES)}|${perm}` : perm;
}

/** True when a mode's type is a device (mknod's dev argument then matters). */
export function isDeviceMode(value: number): boolean {
  const type = value & S_IFMT;
  return type === S_IFCHR || type === S_IFBLK;
}

/** msgget/semget/shmget flags: `IPC_CREAT|IPC_EXCL|0600`. */
export function ipcGetFlags(value: number): string {
  const names = flagNames(value & ~0o777, [
    [IPC_CREAT, 'IPC_CREAT'],
    [IPC_EXCL, 'IPC_EXCL'],
  ], '');
  const perm = value & 0o777;
  if (!names) return octal(perm);
  return perm ? `${names}|${octal(perm)}` : names;
}

export const MSG_FLAGS: Names = [
  [IPC_NOWAIT, 'IPC_NOWAIT'],
  [MSG_NOERROR, 'MSG_NOERROR'],
  [MSG_EXCEPT, 'MSG_EXCEPT'],
];

export const SEM_FLAGS: Names = [
  [SEM_UNDO, 'SEM_UNDO'],
  [IPC_NOWAIT, 'IPC_NOWAIT'],
];

export const SHM_FLAGS: Names = [
  [SHM_RDONLY, 'SHM_RDONLY'],
  [SHM_RND, 'SHM_RND'],
  [SHM_REMAP, 'SHM_REMAP'],
];

export const WAIT_OPTIONS: Names = [
  [WNOHANG, 'WNOHANG'],
  [WUNTRACED, 'WUNTRACED'],
  [WCONTINUED, 'WCONTINUED'],
  [0x01000000, 'WNOWAIT'],
  [0x20000000, '__WNOTHREAD'],
  [0x40000000, '__WALL'],
  [0x80000000 | 0, '__WCLONE'],
];

export const FCNTL_COMMANDS: Names = [
  [F_DUPFD, 'F_DUPFD'],
  [F_GETFD, 'F_GETFD'],
  [F_SETFD, 'F_SETFD'],
  [F_GETFL, 'F_GETFL'],
  [F_SETFL, 'F_SETFL'],
  [5, 'F_GETLK'],
  [6, 'F_SETLK'],
  [7, 'F_SETLKW'],
  [8, 'F_SETOWN'],
  [9, 'F_GETOWN'],
  [F_DUPFD_CLOEXEC, 'F_DUPFD_CLOEXEC'],
  [F_SETPIPE_SZ, 'F_SETPIPE_SZ'],
  [F_GETPIPE_SZ, 'F_GETPIPE_SZ'],
];

/** fcntl's third argument as the command gives it meaning; null when the command
 *  takes none (strace then prints only two arguments). */
export function fcntlArg(cmd: number, arg: number): string | null {
  switch (cmd) {
    case F_GETFD:
    case F_GETFL:
    case F_GETPIPE_SZ:
    case 9:
      return null;
    case F_SETFL:
      return openFlags(arg);
    case F_SETFD:
      return flagNames(arg, [[FD_CLOEXEC, 'FD_CLOEXEC']]);
    default:
      return String(arg);
  }
}

const IPC_COMMANDS: Names = [
  [IPC_RMID, 'IPC_RMID'],
  [IPC_SET, 'IPC_SET'],
  [IPC_STAT, 'IPC_STAT'],
  [IPC_INFO, 'IPC_INFO'],
];

export const SEM_COMMANDS: Names = [
  ...IPC_COMMANDS,
  [GETPID, 'GETPID'],
  [GETVAL, 'GETVAL'],
  [GETALL, 'GETALL'],
  [GETNCNT, 'GETNCNT'],
  [GETZCNT, 'GETZCNT'],
  [SETVAL, 'SETVAL'],
  [SETALL, 'SETALL'],
  [SEM_STAT, 'SEM_STAT'],
  [SEM_INFO, 'SEM_INFO'],
];

export const MSG_COMMANDS: Names = [...IPC_COMMANDS, [11, 'MSG_STAT'], [12, 'MSG_INFO']];

export const SHM_COMMANDS: Names = [...IPC_COMMANDS, [11, 'SHM_LOCK'], [12, 'SHM_UNLOCK'], [13, 'SHM_STAT'], [14, 'SHM_INFO']];

/** A msgctl/semctl/shmctl command, with IPC_64 when the caller set it. */
export function ipcCommand(value: number, names: Names): string {
  const name = valueName(value & ~IPC_64, names);
  return value & IPC_64 ? `IPC_64|${name}` : name;
}

export const SIG_HOW: Names = [
  [0, 'SIG_BLOCK'],
  [1, 'SIG_UNBLOCK'],
  [2, 'SIG_SETMASK'],
];

export const PROT_FLAGS: Names = [
  [PROT_READ, 'PROT_READ'],
  [PROT_WRITE, 'PROT_WRITE'],
  [PROT_EXEC, 'PROT_EXEC'],
];

const MAP_TYPES: Names = [
  [MAP_SHARED, 'MAP_SHARED'],
  [MAP_PRIVATE, 'MAP_PRIVATE'],
  [3, 'MAP_SHARED_VALIDATE'],
];

/** mmap flags: the mapping type, then the other flags. */
export function mapFlags(value: number): string {
  const type = valueName(value & 0xf, MAP_TYPES);
  const rest = flagNames(value & ~0xf, [
    [MAP_FIXED, 'MAP_FIXED'],
    [MAP_ANONYMOUS, 'MAP_ANONYMOUS'],
    [MAP_FIXED_NOREPLACE, 'MAP_FIXED_NOREPLACE'],
  ], '');
  return rest ? `${type}|${rest}` : type;
}

export const SEEK_WHENCE: Names = [
  [0, 'SEEK_SET'],
  [1, 'SEEK_CUR'],
  [2, 'SEEK_END'],
];

export const CLOCK_IDS: Names = [
  [0, 'CLOCK_REALTIME'],
  [1, 'CLOCK_MONOTONIC'],
  [2, 'CLOCK_PROCESS_CPUTIME_ID'],
  [3, 'CLOCK_THREAD_CPUTIME_ID'],
  [4, 'CLOCK_MONOTONIC_RAW'],
  [5, 'CLOCK_REALTIME_COARSE'],
  [6, 'CLOCK_MONOTONIC_COARSE'],
  [7, 'CLOCK_BOOTTIME'],
];

export const IOCTL_REQUESTS: Names = [
  [0x5401, 'TCGETS'],
  [0x5402, 'TCSETS'],
  [0x540f, 'TIOCGPGRP'],
  [0x5410, 'TIOCSPGRP'],
  [0x5413, 'TIOCGWINSZ'],
  [0x541b, 'FIONREAD'],
  [0x5421, 'FIONBIO'],
];

export const SA_FLAGS: Names = [
  [SA_NOCLDSTOP, 'SA_NOCLDSTOP'],
  [SA_NOCLDWAIT, 'SA_NOCLDWAIT'],
  [SA_SIGINFO, 'SA_SIGINFO'],
  [0x04000000, 'SA_RESTORER'],
  [0x08000000, 'SA_ONSTACK'],
  [SA_RESTART, 'SA_RESTART'],
  [SA_NODEFER, 'SA_NODEFER'],
  [SA_RESETHAND, 'SA_RESETHAND'],
];
