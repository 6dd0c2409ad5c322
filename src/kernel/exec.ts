// execve: replace the calling process's program with one from the file system.
// What an executable file may hold, tried in this order (Linux's binfmt handlers):
//   a .ipx module   (magic IPX1): decoded and verified here;
//   a "#!" script   the interpreter named on the first line runs with the script's
//                   path as an argument (binfmt_script), up to MAX_INTERPRETER_DEPTH;
//   anything else   handed to the kernel's ProgramLoader (KernelOptions.loadProgram),
//                   which the CLI sets to compile C sources on the fly -- the kernel
//                   never imports the compiler. Without a loader, or when the loader
//                   does not know the file, execve fails with ENOEXEC.
// The new image is built completely (loader.ts) before the old one is given up, so
// every failure returns to the caller intact. On success the old address space is
// released (frames back to the pool, shared segments detached), descriptors marked
// close-on-exec are closed, caught signals go back to SIG_DFL (ignored ones, the
// mask, pending signals and the alarm stay), and the process starts at _start
// with the new argv and envp on its stack.
import { basename } from 'node:path';
import { decodeModule, ModuleError } from '../isa/ipx.js';
import type { Module } from '../isa/module.js';
import { MODULE_MAGIC } from '../isa/module.js';
import { verifyModule } from '../isa/verify.js';
import { E } from './errno.js';
import { hostReadAll } from './hostfs.js';
import { MAY_EXEC, MAY_READ, permitted, type RegInode } from './inode.js';
import type { Kernel } from './kernel.js';
import { loadImage, type LoadedImage } from './loader.js';
import { ARG_MAX, FILE_MAX_BYTES } from './param.js';
import type { Proc } from './proc.js';
import { NO_RESULT } from './sysresult.js';
import { BAD_ADDRESS, readI32, readString } from './uaccess.js';

/** What the kernel asks of a ProgramLoader: turn the contents of an executable
 *  file that is neither a module nor a script into a Module. */
export interface LoadRequest {
  /** The path as the caller of execve gave it (for diagnostics). */
  readonly path: string;
  readonly bytes: Uint8Array;
  /** Reads another file (an #include) as the caller would see it: resolved in the
   *  in-memory file system from the caller's working directory; undefined when
   *  it cannot be read. */
  readFile(path: string): string | undefined;
}

/** A Module; a string of diagnostics to print (the file is a program of the
 *  loader's kind but cannot be built); or null when the loader does not know the
 *  file. Both failures make execve fail with ENOEXEC. Never throws. */
export type ProgramLoader = (request: LoadRequest) => Module | string | null;

/** Nested "#!" interpreters execve follows before giving up (ELOOP), as Linux. */
const MAX_INTERPRETER_DEPTH = 4;
/** Longest "#!" line read, Linux's BINPRM_BUF_SIZE. */
const SHEBANG_MAX = 256;

const latin1 = new TextDecoder('latin1');

/** The bytes of a regular file (host-backed or in memory), or -errno. */
export function fileContents(node: RegInode): Uint8Array | number {
  if (node.length > FILE_MAX_BYTES) return -E.EFBIG;
  if (node.hostPath !== null) return hostReadAll(node.hostPath);
  return node.data.subarray(0, node.length);
}

/** The regular file path names for p: the inode or -errno (EISDIR, EACCES for
 *  other kinds of file). */
export function regularFile(k: Kernel, p: Proc, path: string): RegInode | number {
  const node = k.fs.lookup(p, path);
  if (typeof node === 'number') return node;
  if (node.type === 'dir') return -E.EISDIR;
  return node.type === 'reg' ? node : -E.EACCES;
}

/** LoadRequest.readFile for p: the file's text (latin1, byte for byte). */
export function fileReaderFor(k: Kernel, p: Proc): (path: string) => string | undefined {
  return (path) => {
    const node = regularFile(k, p, path);
    if (typeof node === 'number' || !permitted(p.cred.euid, p.cred.egid, node, MAY_READ)) return undefined;
    const bytes = fileContents(node);
    return typeof bytes === 'number' ? undefined : latin1.decode(bytes);
  };
}

/** The NULL-terminated array of strings at addr (NULL: an empty array), counting
 *  its bytes against *budget as the stack will hold them. -EFAULT, -E2BIG. */
function readStringArray(k: Kernel, p: Proc, addr: number, budget: { left: number }): string[] | number {
  const out: string[] = [];
  if (addr === 0) return out;
  for (let at = addr >>> 0; ; at += 4) {
    if (at + 4 > 2 ** 32) return -E.EFAULT;
    const ptr = readI32(k, p, at);
    if (ptr === BAD_ADDRESS) return -E.EFAULT;
    if (ptr === 0) return out;
    const s = readString(k, p, ptr, Math.max(1, budget.left));
    if (typeof s === 'number') return s === -E.ENAMETOOLONG ? -E.E2BIG : s;
    budget.left -= Buffer.byteLength(s) + 1 + 4;
    if (budget.left < 0) return -E.E2BIG;
    out.push(s);
  }
}

/** A module from a .ipx file's bytes, or -ENOEXEC when it is corrupt. */
function decodeIpx(bytes: Uint8Array): Module | number {
  try {
    const module = decodeModule(bytes);
    verifyModule(module);
    return module;
  } catch (e) {
    if (e instanceof ModuleError) return -E.ENOEXEC;
    throw e;
  }
}

function startsWith(bytes: Uint8Array, text: string): boolean {
  if (bytes.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

/** A "#!" line's interpreter and its one optional argument, as Linux splits it. */
function parseShebang(bytes: Uint8Array): { interpreter: string; arg: string | null } | null {
  const head = latin1.decode(bytes.subarray(2, SHEBANG_MAX));
  const line = head.split('\n')[0].trim();
  if (line === '') return null;
  const blank = line.search(/[ \t]/);
  if (blank < 0) return { interpreter: line, arg: null };
  return { interpreter: line.slice(0, blank), arg: line.slice(blank).trim() || null };
}

/** What execve of path would run: the module and the final argv, or -errno.
 *  A file needs execute permission, except a source the ProgramLoader builds
 *  (a C file), which needs only read permission: sources rarely have the x bit,
 *  and `./kirk.c` is meant to run. */
function resolveProgram(k: Kernel, p: Proc, path: string, argv: string[], depth: number): { module: Module; argv: string[] } | number {
  const node = k.fs.lookup(p, path);
  if (typeof node === 'number') return node;
  if (node.type !== 'reg') return -E.EACCES;
  const executable = permitted(p.cred.euid, p.cred.egid, node, MAY_EXEC);
  if (!executable && !permitted(p.cred.euid, p.cred.egid, node, MAY_READ)) return -E.EACCES;
  const bytes = fileContents(node);
  if (typeof bytes === 'number') return bytes;
  if (!executable) {
    const source = startsWith(bytes, MODULE_MAGIC) || startsWith(bytes, '#!') ? null : buildWithLoader(k, p, path, bytes);
    if (source === null) return -E.EACCES;
    return typeof source === 'number' ? source : { module: source, argv };
  }
  if (startsWith(bytes, MODULE_MAGIC)) {
    const module = decodeIpx(bytes);
    return typeof module === 'number' ? module : { module, argv };
  }
  if (startsWith(bytes, '#!')) {
    if (depth >= MAX_INTERPRETER_DEPTH) return -E.ELOOP;
    const shebang = parseShebang(bytes);
    if (!shebang) return -E.ENOEXEC;
    const scriptArgv = [shebang.interpreter, ...(shebang.arg === null ? [] : [shebang.arg]), path, ...argv.slice(1)];
    return resolveProgram(k, p, shebang.interpreter, scriptArgv, depth + 1);
  }
  const built = buildWithLoader(k, p, path, bytes);
  return typeof built === 'number' || built === null ? -E.ENOEXEC : { module: built, argv };
}

/** The ProgramLoader's module for a file; null when there is no loader or it
 *  does not know the file; -ENOEXEC when it knows it but cannot build it (its
 *  messages go to the host's stderr). */
function buildWithLoader(k: Kernel, p: Proc, path: string, bytes: Uint8Array): Module | null | number {
  const loader = k.options.loadProgram;
  if (!loader) return null;
  const built = loader({ path, bytes, readFile: fileReaderFor(k, p) });
  if (typeof built !== 'string') return built;
  k.host.write(2, new TextEncoder().encode(built));
  return -E.ENOEXEC;
}

/** Gives p the loaded image: the point of no return of execve. */
function replaceImage(k: Kernel, p: Proc, loaded: LoadedImage, path: string, argv: readonly string[]): void {
  p.mm.release(k, p);
  p.mm = loaded.mm;
  p.image = loaded.image;
  p.fds.closeOnExec(k);
  p.sig.resetForExec();
  p.name = basename(path);
  p.argv = argv;
  const cpu = p.cpu;
  cpu.pc = loaded.pc;
  cpu.sp = loaded.sp;
  cpu.bp = 0;
  cpu.a = 0;
  p.notePeakResident();
}

/** execve(path, argv, envp): does not return on success (NO_RESULT, the new
 *  program starts); ENOENT, ENOTDIR, EACCES (not a regular file, no execute
 *  permission), ENOEXEC (not a program), ELOOP, E2BIG, ENOMEM, EFAULT. */
export function sys_execve(k: Kernel, p: Proc, args: Int32Array): number {
  const path = readString(k, p, args[0]);
  if (typeof path === 'number') return path;
  const budget = { left: ARG_MAX };
  const argv = readStringArray(k, p, args[1], budget);
  if (typeof argv === 'number') return argv;
  const envp = readStringArray(k, p, args[2], budget);
  if (typeof envp === 'number') return envp;
  const program = resolveProgram(k, p, path, argv, 0);
  if (typeof program === 'number') return program;
  const loaded = loadImage(k, program.module, program.argv, envp);
  if (typeof loaded === 'number') return loaded;
  replaceImage(k, p, loaded, path, program.argv);
  return NO_RESULT;
}
