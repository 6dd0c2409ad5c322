// Turns a file named on the command line into a verified Module: `.ipx` files are
// decoded and verified, `.c` files compiled (diagnostics printed as gcc does).
// A `.c` program compiled before comes from the whole-program cache
// (compiler/program-cache.ts); the compiler itself is imported only on a miss,
// since loading it costs more than a small program's whole run. A cached module
// is not verified again: it was verified when it was linked, by the same
// verifier (its code is part of the compiler fingerprint), and the entry's
// checksum catches damage since.
import { readFileSync } from 'node:fs';
import type { Module } from '../isa/module.js';
import { decodeModule, encodeModule, ModuleError } from '../isa/ipx.js';
import { verifyModule } from '../isa/verify.js';
import { ProgramCache, type ProgramCacheOptions } from '../compiler/program-cache.js';

/** A program that cannot be loaded; the message is ready to print. */
export class ProgramError extends Error {}

function readBytes(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'No such file or directory' : code === 'EISDIR' ? 'Is a directory' : String(code);
    throw new ProgramError(`ipcvm: ${file}: ${why}`);
  }
}

/** The program in file, compiled (or taken from the cache) when it is C source;
 *  its diagnostics are printed on stderr. cache: for tests. */
export async function loadProgram(file: string, cache: ProgramCacheOptions = {}): Promise<Module> {
  if (file.endsWith('.ipx')) {
    const bytes = readBytes(file);
    try {
      const module = decodeModule(bytes);
      verifyModule(module);
      return module;
    } catch (e) {
      if (e instanceof ModuleError) throw new ProgramError(`${file}: invalid bytecode: ${e.message}`);
      throw e;
    }
  }
  readBytes(file); // a missing file gets the same message as for .ipx
  const programs = new ProgramCache(file, cache);
  const cached = programs.lookup();
  if (cached !== undefined) {
    const module = decodeOrUndefined(cached.module);
    if (module !== undefined) {
      if (cached.text) process.stderr.write(cached.text);
      return module;
    }
  }
  const { compileProgram } = await import('../compiler/driver.js');
  const result = compileProgram([file], { readFile: programs.readFile }); // verifies what it links
  if (result.text) process.stderr.write(result.text);
  if (!result.module) throw new ProgramError('');
  programs.store(encodeModule(result.module), result.text);
  return result.module;
}

/** A cached module that cannot be decoded is compiled again. */
function decodeOrUndefined(bytes: Uint8Array): Module | undefined {
  try {
    return decodeModule(bytes);
  } catch (e) {
    if (e instanceof ModuleError) return undefined;
    throw e;
  }
}
