// The `ipcvm` command line (commander): run, build, disasm. Every failure a user can
// cause ends in a one-line message and a non-zero status; a JavaScript stack trace
// never reaches the terminal (an unexpected exception is reported as an internal error).
import { Command, CommanderError } from 'commander';
import { readFileSync, writeFileSync } from 'node:fs';
import { encodeModule } from '../isa/ipx.js';
import { disassemble } from '../isa/disasm.js';
import { loadProgram, ProgramError } from './load.js';
import { parseChoice, parseCount, parseSize, UsageError } from './options.js';
import { DEFAULT_MEM_BYTES, DEFAULT_QUANTUM, MAX_OUTPUT_BYTES, NPROC } from '../kernel/param.js';
import { formatSize } from '../kernel/kill.js';
import { openTraceSession, type TraceFlags } from '../trace/session.js';
import { exploreSchedules, replayCommand } from './explore.js';
import { kernelFor, runShell, shellIsInteractive, siblingsStatus, spawnSiblings } from './sh.js';

interface RunFlags extends TraceFlags {
  timeout: string;
  maxOutput: string;
  showConfig?: boolean;
  explore?: string;
  seed: string;
  sched: string;
  quantum: string;
  maxSteps: string;
  mem: string;
  stats?: boolean;
  ipcs?: boolean;
  clock: string;
  uid: string;
  maxProcs: string;
  hostFs: boolean;
  /** false with --no-jit */
  jit: boolean;
}

/** The kernel options the run options give. */
function kernelOptions(flags: RunFlags) {
  const options = {
    seed: parseCount(flags.seed, '--seed', 0, 0xffffffff),
    sched: parseChoice(flags.sched, '--sched', ['rr', 'random'] as const),
    quantum: parseCount(flags.quantum, '--quantum', 1, 1e9),
    maxSteps: parseCount(flags.maxSteps, '--max-steps'),
    memBytes: parseSize(flags.mem, '--mem'),
    clock: parseChoice(flags.clock, '--clock', ['virtual', 'real'] as const),
    uid: parseCount(flags.uid, '--uid', 0, 65535),
    maxProcs: parseCount(flags.maxProcs, '--max-procs', 1, 1e6),
    stats: flags.stats === true,
    ipcs: flags.ipcs === true,
    hostFs: flags.hostFs,
    timeoutMs: parseCount(flags.timeout, '--timeout', 0, 1e6) * 1000,
    maxOutput: parseSize(flags.maxOutput, '--max-output'),
    jit: flags.jit === false ? ('off' as const) : undefined,
  };
  if (options.memBytes < 1024 * 1024) throw new UsageError('--mem: at least 1M is needed');
  return options;
}

/** run FILE..., one program or several as siblings (sh.ts). */
async function runCommand(files: string[], guestArgs: string[], flags: RunFlags): Promise<number> {
  const options = kernelOptions(flags);
  const file = files[0];
  const config = { file, guestArgs, settings: options };
  if (flags.showConfig) process.stderr.write(`ipcvm: config: ${replayCommand(config)}\n`);
  const modules = [];
  for (const f of files) modules.push(await loadProgram(f));
  const module = modules[0];
  if (flags.explore !== undefined) {
    if (files.length > 1) throw new UsageError('--explore runs one program');
    return exploreSchedules(module, config, parseCount(flags.explore, '--explore', 1, 100_000));
  }
  const trace = openTraceSession(flags);
  if (typeof trace === 'string') throw new UsageError(trace);
  const kernel = await kernelFor(modules, { ...options, observer: trace?.tracer });
  trace?.tracer.attach(kernel);
  const procs = spawnSiblings(kernel, modules, files, guestArgs);
  try {
    return siblingsStatus(await kernel.run(), procs);
  } finally {
    trace?.close();
  }
}

async function buildCommand(file: string, output: string | undefined): Promise<number> {
  const module = await loadProgram(file);
  const target = output ?? file.replace(/\.c$/, '') + '.ipx';
  writeFileSync(target, encodeModule(module));
  return 0;
}

async function disasmCommand(file: string): Promise<number> {
  const module = await loadProgram(file);
  const sourceOf = (path: string): string | undefined => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
  process.stdout.write(disassemble(module, sourceOf));
  return 0;
}

function addRunOptions(cmd: Command): Command {
  return cmd
    .option('--seed <n>', 'seed for --sched random', '1')
    .option('--sched <policy>', 'scheduler: rr (round-robin) or random', 'rr')
    .option('--quantum <n>', 'instructions a process runs before preemption', String(DEFAULT_QUANTUM))
    .option('--max-steps <n>', 'stop the VM after this many instructions in all (0 = no limit)', '0')
    .option('--mem <size>', 'physical memory (frames of 4 KiB)', `${DEFAULT_MEM_BYTES / (1024 * 1024)}M`)
    .option('--stats', 'print per-process statistics at exit')
    .option('--ipcs', 'print the IPC objects left at exit, as ipcs does')
    .option('--clock <kind>', 'virtual (deterministic) or real', 'virtual')
    .option('--uid <n>', 'user id of the first process', '1000')
    .option('--max-procs <n>', 'most processes at once (fork then fails with EAGAIN)', String(NPROC))
    .option('--no-host-fs', 'hide the host directory (the guest starts in an empty /home/user)')
    .option('--no-jit', 'run every instruction in the interpreter (no JS tier; the run is the same, only slower)')
    .option('--timeout <seconds>', 'stop the VM after this many seconds of wall-clock time, status 124 (0 = none)', '0')
    .option('--max-output <size>', 'stop the VM once the guest wrote this much to stdout and stderr, status 125 (0 = no limit)', formatSize(MAX_OUTPUT_BYTES))
    .option('--trace [events]', 'log system calls, signals and exits as strace -f does; events: syscalls,signals,faults,sched,all or system call names')
    .option('--trace-file <file>', 'write the trace to a file instead of stderr')
    .option('--trace-time', 'start each trace line with the virtual time in seconds')
    .option('--trace-format <format>', 'trace as text (strace) or json (one object per line)')
    .option('--trace-summary', 'at the end, a table of calls, errors and virtual time per system call (strace -c)')
    .option('--show-config', 'print the command that reproduces this run, every option and the seed, on stderr')
    .option('--explore <k>', 'run under K random schedules (seeds 1..K); report the first seed whose output or status differs');
}

/** A reader that goes away (`ipcvm disasm x.c | head`) ends ipcvm quietly, with the
 *  status a native program killed by SIGPIPE would have; other stream errors are
 *  reported in one line. */
function guardHostStreams(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') process.stderr.write(`ipcvm: ${e.message}\n`);
      process.exit(e.code === 'EPIPE' ? 141 : 1);
    });
  }
}

export async function main(argv: string[]): Promise<number> {
  guardHostStreams();
  // Arguments after `--` belong to the guest program, not to ipcvm.
  const dashes = argv.indexOf('--', 2);
  const guestArgs = dashes >= 0 ? argv.slice(dashes + 1) : [];
  // --trace takes its optional value only as --trace=EVENTS, so that
  // `ipcvm run --trace prog.c` does not read prog.c as the events.
  const ours = (dashes >= 0 ? argv.slice(0, dashes) : argv).map((a) => (a === '--trace' ? '--trace=' : a));
  let status = 0;
  const program = new Command()
    .name('ipcvm')
    .description('Run, compile and measure Unix IPC programs written in a C subset, on a multi-process VM.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  addRunOptions(
    program
      .command('run')
      .argument('<files...>', 'a .c or .ipx program, or several run side by side (stdin to the last)')
      .description('compile and run programs (guest arguments after --, given to each)'),
  ).action(async (files: string[], flags: RunFlags) => {
    status = await runCommand(files, guestArgs, flags);
  });
  addRunOptions(program.command('trace').argument('<files...>', 'a .c or .ipx program, or several').description('run programs with --trace: an strace -f style log on stderr'))
    .action(async (files: string[], flags: RunFlags) => {
      status = await runCommand(files, guestArgs, { ...flags, trace: flags.trace ?? true });
    });
  addRunOptions(
    program
      .command('sh')
      .argument('[file]', 'a script to run (with -c: the name given as $0)')
      .option('-c <command>', 'run this command line instead of reading commands')
      .description('the guest shell, /bin/sh: a prompt on a terminal, or -c CMD, or a script (its arguments after --)'),
  ).action(async (file: string | undefined, flags: RunFlags & { c?: string }, cmd: Command) => {
    const shell = { command: flags.c, script: file, args: guestArgs };
    const clock = cmd.getOptionValueSource('clock') === 'default' && shellIsInteractive(shell) ? 'real' : flags.clock;
    const trace = openTraceSession(flags);
    if (typeof trace === 'string') throw new UsageError(trace);
    try {
      status = await runShell(shell, { ...kernelOptions({ ...flags, clock }), observer: trace?.tracer }, (k) => trace?.tracer.attach(k));
    } finally {
      trace?.close();
    }
  });
  program
    .command('build')
    .argument('<file>', 'a .c program')
    .option('-o <output>', 'the .ipx file to write')
    .description('compile a program to a bytecode module (.ipx)')
    .action(async (file: string, flags: { o?: string }) => {
      status = await buildCommand(file, flags.o);
    });
  program
    .command('disasm')
    .argument('<file>', 'a .c or .ipx program')
    .description('print the bytecode with source lines')
    .action(async (file: string) => {
      status = await disasmCommand(file);
    });

  program
    .command('bench')
    .description('the syscall-throughput and compute benchmarks against native gcc builds (--json, --filter, --runs)')
    .allowUnknownOption()
    .allowExcessArguments()
    .helpOption(false)
    .action(async (_flags: unknown, cmd: Command) => {
      const { benchMain } = await import('../../bench/run.js');
      status = await benchMain(['node', 'ipcvm bench', ...cmd.args]);
    });

  try {
    await program.parseAsync(ours);
    return status;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof ProgramError) {
      if (e.message) process.stderr.write(e.message.endsWith('\n') ? e.message : e.message + '\n');
      return 1;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`ipcvm: ${e.message}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`ipcvm: internal error: ${message}\n`);
    return 70;
  }
}
