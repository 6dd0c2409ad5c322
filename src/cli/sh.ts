// The host side of `ipcvm sh` and of `ipcvm run a.c b.c`: guest programs under one
// kernel whose /bin holds the userland of programs/bin and whose execve compiles C
// sources (programs.ts).
//   ipcvm sh                  the guest shell on the host's terminal (or reading
//                             commands from the host's stdin), as pid 1
//   ipcvm sh -c 'CMD'         one command line, no prompt
//   ipcvm sh SCRIPT           a script file
//   ipcvm run a.c b.c ...     the programs as siblings: pids 1, 2, ... in one
//                             process group; stdin goes to the last, the others
//                             read /dev/null; the status is the worst of theirs.
// A `run` whose programs never call execve gets no /bin and no compiler in the
// kernel: importing the compiler costs more than a small program's whole run.
import { readFileSync } from 'node:fs';
import { basename, relative, resolve, sep } from 'node:path';
import { Op } from '../isa/op.js';
import { instructionLength } from '../isa/opcodes.js';
import type { Module } from '../isa/module.js';
import { Kernel, type KernelOptions, type RunResult } from '../kernel/kernel.js';
import { DEFAULT_ENV } from '../kernel/param.js';
import type { Proc } from '../kernel/proc.js';
import { SYSCALLS } from '../kernel/syscall-table.js';
import { ProgramError } from './load.js';
import { ProgramLibrary } from './programs.js';

/** System calls that need the compiler in the kernel (execve, /bin/cc's). */
const LOADER_CALLS = new Set<number>(SYSCALLS.filter((s) => s.name === 'execve' || s.name === 'ipcvm_compile').map((s) => s.nr));

/** Whether module contains a system call that may run another program (the
 *  linker keeps only the library functions a program uses). */
export function mayExec(module: Module): boolean {
  const code = module.code;
  for (let pc = 0; pc < code.length; pc += instructionLength(code, pc)) if (code[pc] === Op.SYS && LOADER_CALLS.has(code[pc + 1])) return true;
  return false;
}

/** A kernel with /bin installed and C sources executable. */
export function bootKernel(options: KernelOptions, library: ProgramLibrary): Kernel {
  const kernel = new Kernel({ ...options, loadProgram: library.loader });
  library.installBin(kernel.fs);
  return kernel;
}

/** The kernel for running modules: with /bin and the compiler when one of them
 *  may execute another program, plain otherwise. */
export async function kernelFor(modules: readonly Module[], options: KernelOptions): Promise<Kernel> {
  return modules.some(mayExec) ? bootKernel(options, await ProgramLibrary.load()) : new Kernel(options);
}

/** Starts the programs (files[i] compiled to modules[i]) as siblings (see the
 *  header); the first is pid 1 when the kernel is fresh. */
export function spawnSiblings(kernel: Kernel, modules: readonly Module[], files: readonly string[], guestArgs: readonly string[]): Proc[] {
  const procs: Proc[] = [];
  modules.forEach((module, i) => {
    const last = i === modules.length - 1;
    procs.push(kernel.spawn(module, [files[i], ...guestArgs], DEFAULT_ENV, { stdinNull: !last, group: procs[0] }));
  });
  return procs;
}

/** The status of a run of siblings: the worst exit status of theirs (128+N for
 *  a death by signal N), or the kernel's when the run did not end by exits. */
export function siblingsStatus(result: RunResult, procs: readonly Proc[]): number {
  if (result.end !== 'exit') return result.status;
  return Math.max(...procs.map((p) => ((p.exitStatus & 0x7f) === 0 ? (p.exitStatus >> 8) & 0xff : 128 + (p.exitStatus & 0x7f))));
}

/** The shell's module, or a ProgramError saying why there is none. */
function shellModule(library: ProgramLibrary): Module {
  const module = library.binModule('sh');
  if (module === null) throw new ProgramError('ipcvm: /bin/sh: programs/bin/sh is missing');
  if (typeof module === 'string') throw new ProgramError(`${module}ipcvm: /bin/sh does not compile`);
  return module;
}

/** The path a host script has in the guest: as given when it lies inside the
 *  host view (the working directory), else a copy put in /tmp. */
function guestScriptPath(kernel: Kernel, script: string, hostDir: string): string {
  const full = resolve(hostDir, script);
  if (kernel.options.hostFs !== false && full.startsWith(hostDir === sep ? sep : hostDir + sep)) return relative(hostDir, full);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(full);
  } catch {
    throw new ProgramError(`ipcvm: ${script}: No such file or directory`);
  }
  const copy = `/tmp/${basename(full)}`;
  kernel.fs.installFile(copy, bytes, 0o644);
  return copy;
}

export interface ShellArgs {
  /** -c: the command line to run. */
  command?: string;
  /** Without -c: a script file (on the host); with -c: $0. */
  script?: string;
  /** $1, $2, ... */
  args: readonly string[];
}

/** Whether `ipcvm sh` with these arguments will prompt (no -c, no script, stdin
 *  a terminal): it then wants the real clock. */
export function shellIsInteractive(a: ShellArgs): boolean {
  return a.command === undefined && a.script === undefined && process.stdin.isTTY === true;
}

/** Runs the guest shell as pid 1 (`sh -c CMD`, `sh SCRIPT`, or `sh`); attach
 *  sees the kernel first (a tracer). Its exit status, or the kernel's (deadlock,
 *  limits). */
export async function runShell(a: ShellArgs, options: KernelOptions, attach?: (kernel: Kernel) => void): Promise<number> {
  const library = await ProgramLibrary.load();
  const kernel = bootKernel(options, library);
  attach?.(kernel);
  const argv = ['sh'];
  if (a.command !== undefined) argv.push('-c', a.command, ...(a.script !== undefined ? [a.script] : []), ...a.args);
  else if (a.script !== undefined) argv.push(guestScriptPath(kernel, a.script, resolve(options.hostDir ?? process.cwd())), ...a.args);
  kernel.spawn(shellModule(library), argv, DEFAULT_ENV);
  return (await kernel.run()).status;
}
