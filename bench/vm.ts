// The ipcvm side's compile step: each benchmark program is compiled once, then run
// many times on fresh kernels (vm-run.ts).
import type { Module } from '../src/isa/module.js';
import { compileProgram } from '../src/compiler/driver.js';

/** Compiles `file`; throws with the compiler's diagnostics when it does not compile. */
export function compileForVm(file: string): Module {
  const compiled = compileProgram([file]);
  if (!compiled.module) throw new Error(`ipcvm cannot compile ${file}:\n${compiled.text}`);
  return compiled.module;
}
