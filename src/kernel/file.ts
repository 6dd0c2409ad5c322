// The one open-file abstraction (xv6's struct file, Browsix's File): every kind of
// file a descriptor can name implements `File`, and an `OpenFile` is an open file
// description: the file, its access mode and status flags, its offset and the
// number of descriptors (in any process) that share it. dup and fork share the
// description, so they share the offset and O_NONBLOCK, as on Linux.
//
// Today: the console and /dev/null. The files-and-pipes issue adds pipe ends,
// FIFOs and regular files of the in-memory file system behind this same interface.
import type { Kernel } from './kernel.js';
import type { Proc } from './proc.js';

// open(2) flags, Linux's (i386) values.
export const O_RDONLY = 0;
export const O_WRONLY = 1;
export const O_RDWR = 2;
export const O_ACCMODE = 3;
export const O_APPEND = 0o2000;
export const O_NONBLOCK = 0o4000;

export type FileKind = 'console' | 'null';

export interface File {
  readonly kind: FileKind;
  /** Reads up to dst.length bytes into dst. Returns the count (0 at end of file),
   *  -errno, or BLOCKED after putting p to sleep (the call re-runs when woken). */
  read(k: Kernel, p: Proc, f: OpenFile, dst: Uint8Array): number;
  /** Writes src (valid only during the call: copy what must be kept). Returns the
   *  count, -errno, or BLOCKED after putting p to sleep. */
  write(k: Kernel, p: Proc, f: OpenFile, src: Uint8Array): number;
  /** 0 or a positive result, or -errno (-ENOTTY for requests the file does not know). */
  ioctl(k: Kernel, p: Proc, f: OpenFile, request: number, arg: number): number;
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

/** One more descriptor refers to f (dup, fork). */
export function fileDup(f: OpenFile): OpenFile {
  f.refs++;
  return f;
}

/** A descriptor referring to f was closed; the last one releases the file. */
export function fileClose(k: Kernel, f: OpenFile): void {
  if (--f.refs === 0) f.file.release(k, f);
}
