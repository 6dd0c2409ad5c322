// Turns a file named on the command line into a verified Module: `.ipx` files are
// decoded and verified, `.c` files compiled (diagnostics printed as gcc does).
import { readFileSync } from 'node:fs';
import type { Module } from '../isa/module.js';
import { decodeModule, ModuleError } from '../isa/ipx.js';
import { verifyModule } from '../isa/verify.js';
import { compileProgram } from '../compiler/driver.js';

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

export function loadProgram(file: string): Module {
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
  const result = compileProgram([file]); // verifies what it links
  if (result.text) process.stderr.write(result.text);
  if (!result.module) throw new ProgramError('');
  return result.module;
}
