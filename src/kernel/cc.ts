// ipcvm_compile: the compiler behind /bin/cc. The guest names a C source and an
// output path; the kernel reads the source from the file system, has the
// ProgramLoader (KernelOptions.loadProgram, the same hook execve uses) build it,
// and writes the module as a .ipx file (mode 0777 less the umask, as a linker
// does), so `cc kirk.c -o kirk` then `./kirk` runs it. The compiler's messages go
// into the caller's buffer for cc to print on its own stderr.
import { encodeModule } from '../isa/ipx.js';
import { E } from './errno.js';
import { fileContents, fileReaderFor, regularFile } from './exec.js';
import { MAY_READ, MAY_WRITE, permitted } from './inode.js';
import type { Kernel } from './kernel.js';
import { UMASK } from './param.js';
import type { Proc } from './proc.js';
import { truncateFile } from './regfile.js';
import { copyout, readString } from './uaccess.js';

/** Replaces the contents of the regular file at path (created if absent) with
 *  bytes. 0; ENOENT, EACCES, EISDIR, ENOSPC. */
function writeWholeFile(k: Kernel, p: Proc, path: string, bytes: Uint8Array): number {
  const r = k.fs.resolve(p, path);
  if (typeof r === 'number') return r;
  let node = r.node;
  if (node === null) {
    if (r.trailingSlash) return -E.EISDIR;
    const made = k.fs.create(p, r, 'reg', 0o777 & ~UMASK);
    if (typeof made === 'number') return made;
    node = made;
  }
  if (node.type === 'dir') return -E.EISDIR;
  if (node.type !== 'reg') return -E.EACCES;
  if (!permitted(p.cred.euid, p.cred.egid, node, MAY_WRITE)) return -E.EACCES;
  truncateFile(k, node);
  const full = k.fs.reserve(node, bytes.length);
  if (full < 0) return full;
  node.data.set(bytes);
  node.length = bytes.length;
  return 0;
}

/** Stores text in the guest's buffer (cut to size - 1 bytes, NUL-terminated). */
function storeMessages(k: Kernel, p: Proc, addr: number, size: number, text: string): number {
  if (size === 0) return 0;
  const bytes = new TextEncoder().encode(text).subarray(0, size - 1);
  const out = new Uint8Array(bytes.length + 1);
  out.set(bytes);
  return copyout(k, p, addr, out);
}

/** ipcvm_compile(source, output, messages, size): 0 when output now holds the
 *  module; ENOEXEC when the source does not compile (the messages say why) or is
 *  not a C file; ENOENT, EACCES, EISDIR, ENOSPC, EFAULT; ENOSYS when the kernel
 *  has no compiler (no ProgramLoader). */
export function sys_ipcvm_compile(k: Kernel, p: Proc, args: Int32Array): number {
  const source = readString(k, p, args[0]);
  if (typeof source === 'number') return source;
  const output = readString(k, p, args[1]);
  if (typeof output === 'number') return output;
  const node = regularFile(k, p, source);
  if (typeof node === 'number') return node;
  if (!permitted(p.cred.euid, p.cred.egid, node, MAY_READ)) return -E.EACCES;
  const bytes = fileContents(node);
  if (typeof bytes === 'number') return bytes;
  const loader = k.options.loadProgram;
  if (!loader) {
    k.warnOnce('ipcvm_compile', 'ipcvm_compile: this kernel has no compiler');
    return -E.ENOSYS;
  }
  const built = loader({ path: source, bytes, readFile: fileReaderFor(k, p) });
  if (built === null) return -E.ENOEXEC;
  if (typeof built === 'string') return storeMessages(k, p, args[2], args[3] >>> 0, built) < 0 ? -E.EFAULT : -E.ENOEXEC;
  return writeWholeFile(k, p, output, encodeModule(built));
}
