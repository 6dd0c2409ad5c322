// Error numbers: Linux's values (asm-generic/errno-base.h, errno.h) with the texts
// glibc's strerror gives, so perror output matches Linux byte for byte. A system
// call fails by returning -errno; the C library turns that into -1 and errno.
// The table is the single source: the `E` constants, errnoName (traces) and
// strerrorText (the guest header generator, tests) all read it.

export interface ErrnoInfo {
  readonly nr: number;
  readonly name: string;
  readonly text: string;
}

export const ERRNOS = [
  { nr: 1, name: 'EPERM', text: 'Operation not permitted' },
  { nr: 2, name: 'ENOENT', text: 'No such file or directory' },
  { nr: 3, name: 'ESRCH', text: 'No such process' },
  { nr: 4, name: 'EINTR', text: 'Interrupted system call' },
  { nr: 5, name: 'EIO', text: 'Input/output error' },
  { nr: 6, name: 'ENXIO', text: 'No such device or address' },
  { nr: 7, name: 'E2BIG', text: 'Argument list too long' },
  { nr: 8, name: 'ENOEXEC', text: 'Exec format error' },
  { nr: 9, name: 'EBADF', text: 'Bad file descriptor' },
  { nr: 10, name: 'ECHILD', text: 'No child processes' },
  { nr: 11, name: 'EAGAIN', text: 'Resource temporarily unavailable' },
  { nr: 12, name: 'ENOMEM', text: 'Cannot allocate memory' },
  { nr: 13, name: 'EACCES', text: 'Permission denied' },
  { nr: 14, name: 'EFAULT', text: 'Bad address' },
  { nr: 15, name: 'ENOTBLK', text: 'Block device required' },
  { nr: 16, name: 'EBUSY', text: 'Device or resource busy' },
  { nr: 17, name: 'EEXIST', text: 'File exists' },
  { nr: 18, name: 'EXDEV', text: 'Invalid cross-device link' },
  { nr: 19, name: 'ENODEV', text: 'No such device' },
  { nr: 20, name: 'ENOTDIR', text: 'Not a directory' },
  { nr: 21, name: 'EISDIR', text: 'Is a directory' },
  { nr: 22, name: 'EINVAL', text: 'Invalid argument' },
  { nr: 23, name: 'ENFILE', text: 'Too many open files in system' },
  { nr: 24, name: 'EMFILE', text: 'Too many open files' },
  { nr: 25, name: 'ENOTTY', text: 'Inappropriate ioctl for device' },
  { nr: 26, name: 'ETXTBSY', text: 'Text file busy' },
  { nr: 27, name: 'EFBIG', text: 'File too large' },
  { nr: 28, name: 'ENOSPC', text: 'No space left on device' },
  { nr: 29, name: 'ESPIPE', text: 'Illegal seek' },
  { nr: 30, name: 'EROFS', text: 'Read-only file system' },
  { nr: 31, name: 'EMLINK', text: 'Too many links' },
  { nr: 32, name: 'EPIPE', text: 'Broken pipe' },
  { nr: 33, name: 'EDOM', text: 'Numerical argument out of domain' },
  { nr: 34, name: 'ERANGE', text: 'Numerical result out of range' },
  { nr: 35, name: 'EDEADLK', text: 'Resource deadlock avoided' },
  { nr: 36, name: 'ENAMETOOLONG', text: 'File name too long' },
  { nr: 37, name: 'ENOLCK', text: 'No locks available' },
  { nr: 38, name: 'ENOSYS', text: 'Function not implemented' },
  { nr: 39, name: 'ENOTEMPTY', text: 'Directory not empty' },
  { nr: 40, name: 'ELOOP', text: 'Too many levels of symbolic links' },
  { nr: 42, name: 'ENOMSG', text: 'No message of desired type' },
  { nr: 43, name: 'EIDRM', text: 'Identifier removed' },
  { nr: 75, name: 'EOVERFLOW', text: 'Value too large for defined data type' },
  { nr: 95, name: 'EOPNOTSUPP', text: 'Operation not supported' },
  { nr: 110, name: 'ETIMEDOUT', text: 'Connection timed out' },
] as const satisfies readonly ErrnoInfo[];

export type ErrnoName = (typeof ERRNOS)[number]['name'];

/** Errno numbers by name: `-E.ENOENT` is what a failing handler returns. */
export const E: Readonly<Record<ErrnoName, number>> = Object.fromEntries(ERRNOS.map((e) => [e.name, e.nr])) as Record<
  ErrnoName,
  number
>;

const BY_NR: ReadonlyMap<number, ErrnoInfo> = new Map(ERRNOS.map((e) => [e.nr, e]));

/** "ENOENT", or "E123" for a number the table does not know. */
export function errnoName(nr: number): string {
  return BY_NR.get(nr)?.name ?? `E${nr}`;
}

/** glibc's strerror text: "No such file or directory", or "Unknown error 123". */
export function strerrorText(nr: number): string {
  return BY_NR.get(nr)?.text ?? `Unknown error ${nr}`;
}
