// The one open-file abstraction (xv6's struct file, Browsix's File): every kind of
// file a descriptor can name implements `File`, and an `OpenFile` is an open file
// description: the file, its access mode and status flags, its offset and the
// number of descriptors (in any process) that share it. dup and fork share the
// description, so they share the offset and O_NONBLOCK, as on Linux. The kernel
// counts the descriptions alive (Linux's nr_files): fileOpen makes one, at most
// NFILE, and the last fileClose ends it.
//
// Behind it: the console, devices (/dev/null, /dev/tty), pipe and FIFO ends
// (pipe.ts), regular files and directories (regfile.ts). read and write get the
// guest address and count, so each file copies straight between guest frames and
// its own storage (uaccess.ts) with no bounce through a kernel buffer.
import { E } from './errno.js';
import type { Inode } from './inode.js';
import type { Kernel } from './kernel.js';
import { NFILE } from './param.js';
import type { Proc } from './proc.js';

// open(2) flags, Linux's (i386) values.
export const O_RDONLY = 0;
export const O_WRONLY = 1;
export const O_RDWR = 2;
export const O_ACCMODE = 3;
export const O_CREAT = 0o100;
export const O_EXCL = 0o200;
export const O_NOCTTY = 0o400;
export const O_TRUNC = 0o1000;
export const O_APPEND = 0o2000;
export const O_NONBLOCK = 0o4000;
export const O_DIRECT = 0o40000;
export const O_DIRECTORY = 0o200000;
export const O_NOFOLLOW = 0o400000;
export const O_CLOEXEC = 0o2000000;
/** The status flags F_SETFL may change. */
export const O_SETFL_MASK = O_APPEND | O_NONBLOCK;

export type FileKind = 'console' | 'null' | 'tty' | 'pipe' | 'fifo' | 'regular' | 'directory';

export interface File {
  readonly kind: FileKind;
  /** What fstat reports; the console has none (sys-stat.ts describes it). */
  readonly inode?: Inode;
  /** Reads up to count bytes into guest memory at addr (the caller checked the
   *  range is writable; 0 < count <= MAX_RW_COUNT). Returns the count (0 at end of
   *  file), -errno, or BLOCKED after putting p to sleep (the call re-runs when woken). */
  read(k: Kernel, p: Proc, f: OpenFile, addr: number, count: number): number;
  /** Writes count bytes from guest memory at addr (checked readable; 0 < count <=
   *  MAX_RW_COUNT). Returns the count written, -errno, or BLOCKED after putting p
   *  to sleep. */
  write(k: Kernel, p: Proc, f: OpenFile, addr: number, count: number): number;
  /** 0 or a positive result, or -errno (-ENOTTY for requests the file does not know). */
  ioctl(k: Kernel, p: Proc, f: OpenFile, request: number, arg: number): number;
  /** lseek: the new offset, or -errno. Absent for files that cannot seek (ESPIPE). */
  seek?(f: OpenFile, offset: number, whence: number): number;
  /** The last descriptor naming an open file description of this file was closed. */
  release(k: Kernel, f: OpenFile): void;
  /** For deadlock reports and traces: "console", "/dev/null", "pipe:[3]". */
  describe(): string;
}

export class OpenFile {
  /** Descriptors (in every process) that refer to this description. */
  refs = 1;
  offset = 0;

  constructor(
    readonly file: File,
    /** Access mode (O_ACCMODE bits) and status flags (O_APPEND, O_NONBLOCK). */
    public flags: number,
  ) {}

  readable(): boolean {
    return (this.flags & O_ACCMODE) !== O_WRONLY;
  }

  writable(): boolean {
    return (this.flags & O_ACCMODE) !== O_RDONLY;
  }
}

/** Whether `count` more open file descriptions may be made: 0, or -ENFILE when the
 *  system already has NFILE of them (Linux's file-max). */
export function fileRoom(k: Kernel, count = 1): number {
  return k.fs.openFiles + count > NFILE ? -E.ENFILE : 0;
}

/** A new open file description of file with one reference, counted until its last
 *  close. The caller checked fileRoom first. */
export function fileOpen(k: Kernel, file: File, flags: number): OpenFile {
  k.fs.openFiles++;
  return new OpenFile(file, flags);
}

/** One more descriptor refers to f (dup, fork). */
export function fileDup(f: OpenFile): OpenFile {
  f.refs++;
  return f;
}

/** A descriptor referring to f was closed; the last one releases the file. */
export function fileClose(k: Kernel, f: OpenFile): void {
  if (--f.refs !== 0) return;
  k.fs.openFiles--;
  f.file.release(k, f);
}
