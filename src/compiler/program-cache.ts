// The whole-program cache: `ipcvm run prog.c` of a program compiled before loads
// the linked module from disk without importing any other compiler module (loading
// the preprocessor, parser and code generator costs more than running a small
// program). So this file imports nothing from the compiler.
//
// An entry is named by the project root and the main file (as spelled and as an
// absolute path). It records everything the compile depended on, and is used only
// if all of it is unchanged:
//   - every path the compile tried to read, with a hash of its content or "absent"
//     (so a header that newly shadows another one invalidates the entry too);
//   - the C library (lang/lib and lang/include, every file);
//   - the compiler's fingerprint (its own source: this directory, ../isa and the
//     syscall table).
// It holds the encoded module and the diagnostics text, which the caller prints
// again on every run. The file starts with a sha256 of the rest, so a torn or
// corrupt entry is ignored. At most MAX_PROGRAMS entries are kept (oldest removed).

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, type Dirent, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ENTRY_MAGIC = 'ipcvm-program-1';
const ENTRY_SUFFIX = '.bin';
const PROGRAM_DIR = 'programs';
export const MAX_PROGRAMS = 64;

export interface CachedProgram {
  /** The module, encoded as an .ipx file. */
  module: Uint8Array;
  /** The diagnostics (warnings) the compile printed. */
  text: string;
}

export interface ProgramCacheOptions {
  /** Cache directories, tried in order (default: cacheDirs(project root)); untrusted ones are skipped. */
  dirs?: string[];
  /** The compiler's identity (default: compilerFingerprint()). */
  fingerprint?: string;
}

/** A path the compile read, with the sha256 of what it found (null: nothing). */
type Input = [path: string, hash: string | null];

interface EntryHeader {
  file: string;
  absolute: string;
  root: string;
  fingerprint: string;
  library: string;
  inputs: Input[];
  text: string;
}

/** The cache as seen by one compile of one program (with the driver's default
 *  options: the key holds no -D or -I): look it up, and on a miss compile with
 *  readFile (which records the inputs) and store the result. */
export class ProgramCache {
  private readonly root = findProjectRoot();
  private readonly absolute: string;
  private readonly dirs: string[];
  private readonly fingerprint: string;
  private readonly library: string;
  private readonly name: string;
  private readonly inputs = new Map<string, string | null>();
  /** A file read twice changed in between: what the compile saw is unknown. */
  private inconsistent = false;

  constructor(private readonly file: string, options: ProgramCacheOptions = {}) {
    this.absolute = resolve(file);
    this.dirs = options.dirs?.filter(isTrustedDir) ?? cacheDirs(this.root);
    this.fingerprint = options.fingerprint ?? compilerFingerprint();
    this.library = libraryFingerprint(this.root);
    this.name = sha256(`${this.root}\u0000${this.absolute}\u0000${file}`).slice(0, 40) + ENTRY_SUFFIX;
  }

  /** The stored program, if every input it was compiled from is unchanged. */
  lookup(): CachedProgram | undefined {
    for (const dir of this.dirs) {
      const found = this.readEntry(join(dir, PROGRAM_DIR, this.name));
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** Reads a file for the compiler (undefined when it cannot be read), recording it. */
  readonly readFile = (path: string): string | undefined => {
    const bytes = readOrUndefined(path);
    const hash = bytes === undefined ? null : sha256(bytes);
    if (this.inputs.has(path) && this.inputs.get(path) !== hash) this.inconsistent = true;
    this.inputs.set(path, hash);
    return bytes?.toString('utf8');
  };

  /** Stores a compiled program with the inputs readFile saw. Failure to write is
   *  not an error: the next run compiles again. */
  store(module: Uint8Array, text: string): void {
    if (this.inconsistent) return;
    const header: EntryHeader = {
      file: this.file, absolute: this.absolute, root: this.root, fingerprint: this.fingerprint,
      library: this.library, inputs: [...this.inputs], text,
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(headerBytes.length);
    const rest = Buffer.concat([length, headerBytes, module]);
    const body = Buffer.concat([Buffer.from(`${ENTRY_MAGIC} ${sha256(rest)}\n`, 'latin1'), rest]);
    for (const dir of this.dirs) {
      try {
        const programDir = join(dir, PROGRAM_DIR);
        mkdirSync(programDir, { recursive: true });
        const path = join(programDir, this.name);
        const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        writeFileSync(temporary, body);
        renameSync(temporary, path);
        pruneOldest(programDir, MAX_PROGRAMS);
        return;
      } catch {
        continue;
      }
    }
  }

  private readEntry(path: string): CachedProgram | undefined {
    const bytes = readOrUndefined(path);
    if (bytes === undefined) return undefined;
    const newline = bytes.indexOf(0x0a);
    const rest = bytes.subarray(newline + 1);
    if (newline < 0 || bytes.toString('latin1', 0, newline) !== `${ENTRY_MAGIC} ${sha256(rest)}` || rest.length < 4) return undefined;
    const headerLength = rest.readUInt32LE(0);
    if (4 + headerLength > rest.length) return undefined;
    let header: EntryHeader;
    try {
      header = JSON.parse(rest.toString('utf8', 4, 4 + headerLength)) as EntryHeader;
    } catch {
      return undefined;
    }
    const current = header.file === this.file && header.absolute === this.absolute && header.root === this.root &&
      header.fingerprint === this.fingerprint && header.library === this.library &&
      Array.isArray(header.inputs) && header.inputs.every(([p, hash]) => inputHash(p) === hash);
    if (!current || typeof header.text !== 'string') return undefined;
    return { module: rest.subarray(4 + headerLength), text: header.text };
  }
}

/** The directory holding lang/include and lang/lib, found upward from this module
 *  (src/compiler under vitest, dist/src/compiler when compiled). */
export function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'lang', 'include'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the lang/ directory (lang/include) above the compiler');
    dir = parent;
  }
}

/** Where the compiler's caches live: node_modules/.cache/ipcvm under the project
 *  root, or a directory of the user's in the system temp directory when that
 *  cannot be written. A directory someone else could have planted (owned by
 *  another user than root, or writable by all) is left out: what the caches hold
 *  is run without further checks. */
export function cacheDirs(projectRoot: string): string[] {
  const user = process.getuid?.() ?? 'user';
  return [join(projectRoot, 'node_modules', '.cache', 'ipcvm'), join(tmpdir(), `ipcvm-cache-${user}`)].filter(isTrustedDir);
}

function isTrustedDir(dir: string): boolean {
  const s = statSync(dir, { throwIfNoEntry: false });
  if (s === undefined || process.getuid === undefined) return true; // created by us when first written
  return s.isDirectory() && (s.uid === process.getuid() || s.uid === 0) && (s.mode & 0o002) === 0;
}

// Process-wide memo: the fingerprint of the compiler this process runs.
let fingerprint: string | undefined;

/** The compiler's sources (src/ or dist/src/ alike): this directory, ../isa, and
 *  the syscall table the linker reads. */
const COMPILER_SOURCES: [dir: string, keep: (name: string) => boolean][] = [
  ['.', () => true],
  ['../isa', () => true],
  ['../kernel', (name) => name.startsWith('syscall-table.')],
];

/** A hash of the compiler's own modules, so any change to it invalidates the
 *  caches. Computed once per process (about a millisecond). */
export function compilerFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const [relativeDir, keep] of COMPILER_SOURCES) {
    const dir = join(here, relativeDir);
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => (n.endsWith('.ts') || n.endsWith('.js')) && keep(n)).sort();
    } catch {
      continue;
    }
    for (const name of names) hash.update(`${relativeDir}/${name}\u0000`).update(readFileSync(join(dir, name))).update('\u0000');
  }
  fingerprint = hash.digest('hex');
  return fingerprint;
}

/** A hash of every file under lang/lib and lang/include (names and contents). */
function libraryFingerprint(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      hash.update(`${dir}\u0000absent\u0000`);
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(`${path}\u0000`).update(readOrUndefined(path) ?? 'unreadable').update('\u0000');
    }
  };
  walk(join(root, 'lang', 'lib'));
  walk(join(root, 'lang', 'include'));
  return hash.digest('hex');
}

function inputHash(path: unknown): string | null {
  if (typeof path !== 'string') return 'invalid';
  const bytes = readOrUndefined(path);
  return bytes === undefined ? null : sha256(bytes);
}

function readOrUndefined(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function pruneOldest(dir: string, keep: number): void {
  const names = readdirSync(dir).filter((n) => n.endsWith(ENTRY_SUFFIX));
  if (names.length <= keep) return;
  const byAge = names.map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs })).sort((a, b) => a.t - b.t);
  for (const { n } of byAge.slice(0, names.length - keep)) {
    try {
      unlinkSync(join(dir, n));
    } catch {
      // another process removed it first
    }
  }
}
