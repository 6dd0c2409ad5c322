// The guest's programs, on the host side. /bin holds the userland of programs/bin:
// each NAME.c (or directory NAME/ of .c and .h files, for a larger program such as
// sh) is installed as the file /bin/NAME with its C source as contents (`cat
// /bin/wc` shows it), and compiled the first time something executes it.
// The kernel's ProgramLoader (execve, /bin/cc) is built here, since the kernel
// never imports the compiler: a file whose name ends in .c is compiled with its
// #includes read from the guest's file system, COMPILE_SOURCE_MAX bytes of them
// at most; a /bin program is recognised by its contents. Anything else is not a
// program the loader knows (execve: ENOEXEC).
//
// Compiled /bin programs are kept on disk by the whole-program cache (so a new
// ipcvm process loads them without compiling) and in memory per source hash for
// the life of the host process (tests and `ipcvm sh` execute the same ones again
// and again). User programs are compiled at each exec (the driver caches their
// translation units): their headers may have changed in between.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { compileProgram } from '../compiler/driver.js';
import { findProjectRoot, ProgramCache } from '../compiler/program-cache.js';
import { decodeModule, encodeModule, ModuleError } from '../isa/ipx.js';
import type { Module } from '../isa/module.js';
import type { LoadRequest, ProgramLoader } from '../kernel/exec.js';
import { COMPILE_SOURCE_MAX } from '../kernel/param.js';
import type { FileSystem } from '../kernel/vfs.js';

/** The compiler's entry point (imported lazily: loading it is costly). */
export type Compile = typeof compileProgram;

/** A /bin program: its name, its translation units on the host, and the
 *  contents of /bin/NAME (the source; all of a directory's files, one after the
 *  other, each under a comment naming it). */
interface BinProgram {
  readonly name: string;
  /** What names it in the program cache: the .c file, or the directory. */
  readonly path: string;
  readonly units: string[];
  readonly source: Uint8Array;
}

// Process-wide memo of immutable results: compiled /bin modules by source hash.
const compiledBin = new Map<string, Module>();

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function fileProgram(name: string, path: string): BinProgram {
  return { name, path, units: [path], source: new Uint8Array(readFileSync(path)) };
}

function directoryProgram(name: string, dir: string): BinProgram | null {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.c') || f.endsWith('.h'))
    .sort();
  const units = files.filter((f) => f.endsWith('.c')).map((f) => join(dir, f));
  if (units.length === 0) return null;
  const text = files.map((f) => `/* ==== ${name}/${f} ==== */\n${readFileSync(join(dir, f), 'latin1')}`).join('\n');
  return { name, path: dir, units, source: new Uint8Array(Buffer.from(text, 'latin1')) };
}

/** A cached module, or undefined when the entry cannot be decoded. */
function decodeCached(bytes: Uint8Array): Module | undefined {
  try {
    return decodeModule(bytes);
  } catch (e) {
    if (e instanceof ModuleError) return undefined;
    throw e;
  }
}

export class ProgramLibrary {
  /** /bin's programs by source hash. */
  private readonly bySource = new Map<string, BinProgram>();
  private readonly byName = new Map<string, BinProgram>();

  /** binDir: the sources of /bin (default programs/bin of the project). */
  constructor(
    private readonly compile: Compile,
    binDir = join(findProjectRoot(), 'programs', 'bin'),
  ) {
    if (!existsSync(binDir)) return;
    for (const entry of readdirSync(binDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(binDir, entry.name);
      const program = entry.isDirectory() ? directoryProgram(entry.name, path) : entry.name.endsWith('.c') ? fileProgram(entry.name.slice(0, -2), path) : null;
      if (!program) continue;
      this.bySource.set(sha256(program.source), program);
      this.byName.set(program.name, program);
    }
  }

  /** A library with the compiler imported. */
  static async load(binDir?: string): Promise<ProgramLibrary> {
    const { compileProgram } = await import('../compiler/driver.js');
    return new ProgramLibrary(compileProgram, binDir);
  }

  /** Names of the /bin programs, sorted. */
  names(): string[] {
    return [...this.byName.keys()];
  }

  /** Puts /bin/NAME (mode 0755, owned by root) in fs for every program. */
  installBin(fs: FileSystem): void {
    for (const program of this.byName.values()) fs.installFile(`/bin/${program.name}`, program.source);
  }

  /** The module of /bin/NAME, or the compiler's diagnostics, or null when there
   *  is no such program. */
  binModule(name: string): Module | string | null {
    const program = this.byName.get(name);
    return program ? this.build(program) : null;
  }

  /** The kernel's ProgramLoader (KernelOptions.loadProgram). */
  readonly loader: ProgramLoader = (request: LoadRequest) => {
    const program = this.bySource.get(sha256(request.bytes));
    if (program) return this.build(program);
    if (!request.path.endsWith('.c')) return null;
    return this.compileGuestSource(request);
  };

  /** A guest's C file, compiled with its #includes read through request.readFile
   *  while they and it stay within COMPILE_SOURCE_MAX bytes. */
  private compileGuestSource(request: LoadRequest): Module | string {
    let left = COMPILE_SOURCE_MAX;
    const readFile = (path: string): string | undefined => {
      const text = request.readFile(path);
      if (text === undefined) return undefined;
      left -= text.length;
      // Past the budget an empty file, not undefined: the compiler would look for
      // the name elsewhere.
      return left < 0 ? '' : text;
    };
    const result = this.compile([request.path], { readFile });
    if (left < 0) return `ipcvm: ${request.path}: more than ${COMPILE_SOURCE_MAX / 1024} KiB of C source with what it includes: too much to compile\n`;
    return result.module ?? (result.text || `ipcvm: ${request.path}: compilation failed\n`);
  }

  private build(program: BinProgram): Module | string {
    const key = sha256(program.source);
    const known = compiledBin.get(key);
    if (known) return known;
    const cache = new ProgramCache(program.path);
    const cached = cache.lookup();
    let module = cached ? decodeCached(cached.module) : undefined;
    if (!module) {
      const result = this.compile(program.units, { readFile: cache.readFile });
      if (!result.module) return result.text || `ipcvm: ${program.path}: compilation failed\n`;
      module = result.module;
      cache.store(encodeModule(module), result.text);
    }
    compiledBin.set(key, module);
    return module;
  }
}
