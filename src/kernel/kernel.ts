// The Kernel: owns every table of one machine (processes, physical memory, clock,
// scheduler, console) -- no module-level state, so tests boot many side by side --
// and runs it. The core loop is synchronous: pick a process, let the interpreter
// run it for a slice, handle the trap it returns (system call, page fault,
// arithmetic or control fault), act on pending signals, repeat -- the JS tier hands
// it system calls and page faults in place instead, through the process's gate
// (gate.ts), which does the same and lets it go on. Only a real-clock
// run that waits for a timer returns to the event loop (`run` is async for that).
//
// A run ends when every process has exited (status: the first process's exit code,
// or 128+N if signal N killed it), on deadlock (nothing runnable, no timer pending:
// status 2, with every blocked process and what it waits for on stderr), or after
// --max-steps instructions (status 124). The first process is pid 1; orphans go to
// it while it lives, and the run goes on after it exits until all are gone.
import { basename } from 'node:path';
import { TEXT_BASE } from '../isa/abi.js';
import type { Module } from '../isa/module.js';
import { Trap, type Cpu } from '../vm/cpu.js';
import type { JitMode } from '../vm/image.js';
import { interpret } from '../vm/interpreter.js';
import { PhysMem } from '../vm/physmem.js';
import { Clock, type ClockMode } from './clock.js';
import { ConsoleFile, hostIoFor, NullFile, type HostIo } from './console.js';
import { deadlockReport } from './deadlock.js';
import { RunLimits, type LimitEnd } from './limits.js';
import { E, strerrorText } from './errno.js';
import type { ProgramLoader } from './exec.js';
import { procExit } from './exit.js';
import { handlePageFault } from './fault.js';
import { FdTable } from './fdtable.js';
import { fileDup, fileOpen, O_RDONLY, O_WRONLY, type OpenFile } from './file.js';
import { ProcGate } from './gate.js';
import { checkKernelInvariants, type BootBaseline } from './invariants.js';
import { IpcNamespace } from './ipc.js';
import { ipcsReport } from './ipcs.js';
import { watchHostInterrupt, type HostInterrupt } from './hostintr.js';
import { oomKill, raiseFault } from './kill.js';
import { removeItem } from './list.js';
import { loadImage } from './loader.js';
import { MmuPool } from './mmupool.js';
import { panic } from './panic.js';
import {
  DEFAULT_ENV,
  DEFAULT_GID,
  MAX_RW_COUNT,
  PID_MAX,
  MAX_OUTPUT_BYTES,
  STATUS_DEADLOCK,
  STATUS_MAX_STEPS,
  STATUS_OUTPUT_LIMIT,
  STATUS_TIMEOUT,
} from './param.js';
import { Proc } from './proc.js';
import { Scheduler, type SchedPolicy } from './sched.js';
import { FPE_INTDIV, SEGV_ACCERR, SEGV_MAPERR, type SigInfo } from './sigstate.js';
import { SIG } from './signals.js';
import { WaitChannel } from './sleep.js';
import { procStatsLines, runStatsLine } from './stats.js';
import { deliverSignals, type SignalDisposition } from './sigdeliver.js';
import { reissueBlockedCall, syscall } from './syscall.js';
import { hostTerminal, TERMINAL_POLL_MS, TerminalInput, type TerminalSource } from './terminal-input.js';
import { TRACING } from './tracing-build.js';
import { UserAccount } from './user.js';
import { FileSystem } from './vfs.js';
import type { FaultOutcome } from './vmarea.js';

export interface KernelOptions {
  memBytes: number;
  /** Instructions per slice (rr), or the mean slice (random). */
  quantum: number;
  sched: SchedPolicy;
  seed: number;
  /** Stop the run after this many instructions in all; 0 = no limit. */
  maxSteps: number;
  clock: ClockMode;
  /** Live processes (zombies included) before fork fails with EAGAIN. */
  maxProcs: number;
  uid: number;
  gid?: number;
  /** Print --stats lines on stderr. */
  stats: boolean;
  /** Print the IPC objects left at exit on stderr, as `ipcs` lays them out. */
  ipcs?: boolean;
  /** Guest stdout/stderr bytes (a view, valid only during the call); the host's
   *  fds 1/2 when absent. */
  stdout?: (bytes: Uint8Array) => void;
  stderr?: (bytes: Uint8Array) => void;
  /** Up to max bytes of guest stdin, empty at end of input; host fd 0 when absent. */
  stdin?: (max: number) => Uint8Array;
  /** Guest stdin is a terminal typed into as the run goes (tests); absent: the
   *  host's fd 0 when that is a terminal (terminal-input.ts). */
  terminal?: TerminalSource;
  observer?: KernelObserver;
  /** Show the host directory hostDir (default: the current directory) read-only
   *  as the guest's working directory; default true (CLI --no-host-fs: false). */
  hostFs?: boolean;
  hostDir?: string;
  /** Stop the run after this many milliseconds of host time; 0 or absent: never
   *  (--timeout). */
  timeoutMs?: number;
  /** Stop the run once the guest wrote this many bytes to the console; 0: no
   *  limit; absent: MAX_OUTPUT_BYTES (--max-output). */
  maxOutput?: number;
  /** Builds programs execve finds that are neither .ipx modules nor scripts (the
   *  CLI compiles C sources with it); execve fails with ENOEXEC without one. */
  loadProgram?: ProgramLoader;
  /** The JS tier of every program this kernel loads (image.ts); absent: the
   *  IPCVM_JIT environment variable, else on (CLI --no-jit: 'off'). */
  jit?: JitMode;
}

/** How spawn sets up a process besides its program. */
export interface SpawnOptions {
  /** fd 0 reads /dev/null instead of the console (the siblings of `run a.c b.c`). */
  stdinNull?: boolean;
  /** Join this process's group instead of leading a new one. */
  group?: Proc;
}

/** Hooks for tracers and tests; each is called synchronously from the core loop. */
export interface KernelObserver {
  /** p ran `steps` instructions and left the CPU (or died). */
  slice?(p: Proc, steps: number): void;
  /** A system call starts (not called again when a blocked call re-runs). */
  syscallEnter?(p: Proc, nr: number, args: Int32Array): void;
  /** A system call finished (result) or blocked (result === BLOCKED). */
  syscall?(p: Proc, nr: number, args: Int32Array, result: number): void;
  fault?(p: Proc, addr: number, write: boolean, outcome: FaultOutcome): void;
  /** p became a zombie with this wait status. */
  exit?(p: Proc, status: number): void;
  /** A signal was acted on at p's return to user mode. */
  signal?(p: Proc, info: SigInfo, disposition: SignalDisposition): void;
}

/** How a run ended; 'interrupted': Ctrl-C twice on the host (hostintr.ts);
 *  'timeout' and 'output-limit': limits.ts. */
export type RunEnd = 'exit' | 'deadlock' | 'max-steps' | 'interrupted' | LimitEnd;

export interface RunResult {
  /** The first process's exit code, 128+N if signal N killed it, 2 on deadlock,
   *  124 when --max-steps stopped the run. */
  status: number;
  end: RunEnd;
  /** Instructions executed by all processes. */
  steps: number;
}

export class Kernel {
  readonly options: Readonly<KernelOptions>;
  readonly mem: PhysMem;
  readonly clock: Clock;
  readonly sched: Scheduler;
  /** Every process, zombies included, in creation order. */
  readonly procs = new Map<number, Proc>();
  readonly observer: KernelObserver | undefined;
  /** Where nanosleep sleeps; each sleeper is woken by its own timer. */
  readonly timerChannel = new WaitChannel('the clock');
  /** Bytes in transit between a guest buffer and a file (read/write), or the
   *  structs one call reads (semop's sembufs). */
  readonly scratch = new Uint8Array(MAX_RW_COUNT);
  /** The arguments of the system call being handled. */
  readonly syscallArgs = new Int32Array(8);
  /** Words in transit: a signal frame being pushed or popped (sigframe.ts). */
  readonly scratchWords = new Int32Array(64);
  /** The file system: /bin, /tmp, /dev and the host view (vfs.ts). */
  readonly fs: FileSystem;
  /** What the (only) user holds: pipe pages, queued signals (user.ts). */
  readonly user = new UserAccount();
  /** System V message queues, semaphore sets and shared memory (ipc.ts). */
  readonly ipc = new IpcNamespace();
  /** Page tables of reaped processes, for the next fork or exec (mmupool.ts). */
  readonly mmus = new MmuPool();
  /** Instructions executed by all processes so far. */
  steps = 0;
  /** The terminal's foreground process group, which Ctrl-C on the host signals;
   *  0: pid 1's group. */
  foregroundPgid = 0;
  /** The host's stdin/stdout/stderr (the console and /dev/tty). */
  readonly host: HostIo;
  /** Console input when stdin is a terminal: read without stopping the VM. */
  readonly terminal: TerminalInput | null;
  /** The console's open file descriptions; the kernel keeps one reference each. */
  private readonly console: OpenFile[];
  /** Free frames and open file descriptions (the console's) once booted. */
  private readonly boot: BootBaseline;
  private first: Proc | null = null;
  /** The running process's cpu.steps up to which this.steps and the clock have been
   *  advanced (accountSteps). */
  private accountedSteps = 0;
  private live = 0;
  private nextPid = 1;
  private readonly warned = new Set<string>();
  /** --timeout and --max-output (limits.ts). */
  readonly limits: RunLimits;

  constructor(options: KernelOptions) {
    this.options = { ...options };
    this.mem = new PhysMem(options.memBytes);
    this.clock = new Clock(options.clock);
    this.sched = new Scheduler(options.sched, options.quantum, options.seed);
    this.observer = options.observer;
    this.limits = new RunLimits(options.timeoutMs ?? 0, options.maxOutput ?? MAX_OUTPUT_BYTES);
    this.host = hostIoFor(options);
    const typed = options.terminal ?? (options.stdin === undefined && this.host.isatty(0) ? hostTerminal() : undefined);
    this.terminal = typed ? new TerminalInput(typed) : null;
    this.fs = new FileSystem({
      hostDir: options.hostFs === false ? null : (options.hostDir ?? process.cwd()),
      uid: options.uid,
      gid: options.gid ?? DEFAULT_GID,
      tty: this.host.isatty(0) && this.host.isatty(1),
      now: () => this.clock.realtime()[0],
    });
    this.console = ([0, 1, 2] as const).map((s) => fileOpen(this, new ConsoleFile(s, this.host), s === 0 ? O_RDONLY : O_WRONLY));
    this.boot = { freeFrames: this.mem.freeFrames(), openFiles: this.fs.openFiles };
  }

  /** Starts a program as a new process (the first call makes pid 1) with fds 0-2
   *  on the console. Throws when the table is full or the image does not load. */
  spawn(module: Module, argv: string[], env: readonly string[] = DEFAULT_ENV, how: SpawnOptions = {}): Proc {
    const pid = this.allocPid();
    if (pid < 0) throw new Error(`spawn: ${strerrorText(-pid)}`);
    const loaded = loadImage(this, module, argv, env);
    if (typeof loaded === 'number') throw new Error(`spawn: ${argv[0] ?? 'program'}: ${strerrorText(-loaded)}`);
    const fds = new FdTable();
    for (const f of this.console) fds.alloc(f === this.console[0] && how.stdinNull ? fileOpen(this, new NullFile(), O_RDONLY) : fileDup(f));
    const uid = this.options.uid;
    const gid = this.options.gid ?? DEFAULT_GID;
    const p = new Proc(pid, basename(argv[0] ?? 'a.out'), { uid, euid: uid, gid, egid: gid }, loaded.mm, loaded.image, fds, this.user);
    // Session 0 stands for the shell that would have started it: p leads its own
    // group but not a session, so setpgid works on it as on Linux.
    p.sid = 0;
    if (how.group) p.pgid = how.group.pgid;
    p.argv = [...argv];
    p.cpu.pc = loaded.pc;
    p.cpu.sp = loaded.sp;
    p.notePeakResident();
    this.first ??= p;
    this.addProc(p);
    return p;
  }

  /** Runs until every process has exited, deadlock, or --max-steps. */
  async run(): Promise<RunResult> {
    if (!this.first) throw new Error('Kernel.run: no process was spawned');
    const ctrlC = watchHostInterrupt(this);
    this.limits.start();
    try {
      for (;;) {
        const end = this.runUntilIdle(ctrlC);
        if (end === 'yield') {
          await new Promise((resolve) => setImmediate(resolve));
          this.terminal?.poll(this);
          continue;
        }
        if (end !== 'wait') return this.finish(end);
        let ms = Math.min(this.limits.msLeft(), Math.max(0, Math.ceil((this.clock.nextDeadline() - this.clock.now()) / 1e6)));
        if (this.terminal?.awaited()) ms = Math.min(ms, TERMINAL_POLL_MS);
        await (ctrlC ? ctrlC.sleep(ms) : new Promise((resolve) => setTimeout(resolve, ms)));
        this.terminal?.poll(this);
      }
    } finally {
      ctrlC?.remove();
      this.terminal?.close();
    }
  }

  /** The core loop; 'wait' when a real-clock run must wait for its next timer,
   *  'yield' when the host's event loop is due a turn (Ctrl-C, hostintr.ts). */
  private runUntilIdle(ctrlC: HostInterrupt | null): RunEnd | 'wait' | 'yield' {
    const maxSteps = this.options.maxSteps;
    for (;;) {
      this.clock.fireDue();
      if (this.live === 0) return 'exit';
      if (ctrlC?.stopRequested) return 'interrupted';
      if (ctrlC?.dueForYield()) return 'yield';
      if (maxSteps > 0 && this.steps >= maxSteps) return 'max-steps';
      if (this.limits.reached(this.steps)) return this.limits.hit ?? panic('runUntilIdle', 'limit without a name');
      const p = this.sched.pickNext();
      if (p) {
        this.runSlice(p);
        continue;
      }
      // A reader of the terminal waits for the person at the keyboard, not in vain.
      if (this.clock.pendingTimers() === 0) return this.terminal?.awaited() ? 'wait' : 'deadlock';
      if (this.clock.mode === 'real') return 'wait';
      this.clock.jumpToNextTimer();
    }
  }

  /** Runs p for one slice: until its budget is spent, it blocks, stops or dies. */
  private runSlice(p: Proc): void {
    const cpu = p.cpu;
    const startSteps = cpu.steps;
    p.state = 'running';
    if (!p.sig.pending.isEmpty()) deliverSignals(this, p);
    let budget = this.sched.nextSlice();
    if (this.options.maxSteps > 0) budget = Math.min(budget, this.options.maxSteps - this.steps);
    this.accountedSteps = cpu.steps;
    while (budget > 0 && p.state === 'running' && this.limits.hit === null) {
      const before = cpu.steps;
      const trap = p.blockedSyscall !== 0 ? reissueBlockedCall(p) : interpret(cpu, p.mm.mmu, p.image, budget, p.gate);
      budget -= cpu.steps - before;
      this.accountSteps(cpu);
      if (trap === Trap.BUDGET) break;
      // The gate handled the call completely, or the fault but for the signals.
      if (trap === Trap.SYSCALL_DONE) continue;
      if (trap !== Trap.FAULT_DONE) this.handleTrap(p, trap);
      if (p.state === 'running' && !p.sig.pending.isEmpty()) deliverSignals(this, p);
    }
    if (TRACING) this.observer?.slice?.(p, cpu.steps - startSteps);
    if (p.state === 'running') {
      if (this.sched.runnable() > 0) p.stats.involuntarySwitches++;
      this.makeRunnable(p);
    }
  }

  /** Advances the instruction count and the clock by what the running process
   *  executed since they were last advanced (runSlice, and gate.ts before it handles
   *  a trap in place). */
  accountSteps(cpu: Cpu): void {
    const ran = cpu.steps - this.accountedSteps;
    this.accountedSteps = cpu.steps;
    this.steps += ran;
    this.clock.advance(ran);
  }

  private handleTrap(p: Proc, trap: Trap): void {
    switch (trap) {
      case Trap.SYSCALL:
        syscall(this, p);
        break;
      case Trap.PAGE_FAULT:
        this.pageFault(p);
        break;
      case Trap.DIVIDE_BY_ZERO:
        raiseFault(p, SIG.SIGFPE, FPE_INTDIV, TEXT_BASE + p.cpu.pc);
        break;
      case Trap.BAD_CALL:
      case Trap.BAD_RETURN:
        raiseFault(p, SIG.SIGSEGV, SEGV_MAPERR, p.cpu.trapAddr);
        break;
      case Trap.BUDGET:
      case Trap.SYSCALL_DONE:
      case Trap.FAULT_DONE:
        break;
      default: {
        const never: never = trap;
        panic('handleTrap', `unknown trap ${String(never)}`);
      }
    }
  }

  /** Resolves the PAGE_FAULT trap of p (running), or turns it into SIGSEGV or the
   *  OOM kill; never reads p's registers but the trap's address (gate.ts relies on
   *  it). */
  pageFault(p: Proc): void {
    const addr = p.cpu.trapAddr >>> 0;
    const write = p.cpu.trapWrite === 1;
    const outcome = handlePageFault(this, p, addr, write);
    if (outcome === 'segv') raiseFault(p, SIG.SIGSEGV, p.mm.findArea(addr) ? SEGV_ACCERR : SEGV_MAPERR, addr);
    else if (outcome === 'oom') oomKill(this, p);
    else if (p.mm.mmu.translate(addr, write) < 0) panic('pageFault', `pid ${p.pid}: ${outcome} fault at 0x${addr.toString(16)} left the page unmapped`);
  }

  private finish(end: RunEnd): RunResult {
    let status: number;
    switch (end) {
      case 'exit': {
        const s = this.first?.exitStatus ?? panic('finish', 'no first process');
        status = (s & 0x7f) === 0 ? (s >> 8) & 0xff : 128 + (s & 0x7f);
        break;
      }
      case 'deadlock':
        for (const line of deadlockReport(this)) this.log(line);
        this.terminateAll();
        status = STATUS_DEADLOCK;
        break;
      case 'max-steps':
        this.log(`stopped after ${this.steps} instructions (--max-steps)`);
        this.terminateAll();
        status = STATUS_MAX_STEPS;
        break;
      case 'interrupted':
        this.log('interrupted (Ctrl-C twice)');
        this.terminateAll();
        status = 128 + SIG.SIGINT;
        break;
      case 'timeout':
      case 'output-limit':
        this.log(this.limits.describe(end));
        this.terminateAll();
        status = end === 'timeout' ? STATUS_TIMEOUT : STATUS_OUTPUT_LIMIT;
        break;
      default: {
        const never: never = end;
        return panic('finish', `unknown end ${String(never)}`);
      }
    }
    if (this.options.stats) this.log(runStatsLine(this.mem, this.steps));
    if (this.options.ipcs) this.host.write(2, new TextEncoder().encode(ipcsReport(this.ipc)));
    return { status, end, steps: this.steps };
  }

  /** Ends every live process silently (after deadlock or --max-steps). */
  private terminateAll(): void {
    for (const p of [...this.procs.values()]) if (p.isAlive()) procExit(this, p, SIG.SIGKILL);
  }

  // ---- process table (used by fork, exit, wait) ----

  /** A free pid, or -EAGAIN when maxProcs processes (zombies included) exist. */
  allocPid(): number {
    if (this.procs.size >= this.options.maxProcs) {
      this.warnOnce('max-procs', `fork: ${this.procs.size} processes exist (--max-procs ${this.options.maxProcs}): fork fails with EAGAIN`);
      return -E.EAGAIN;
    }
    while (this.procs.has(this.nextPid)) this.nextPid = this.nextPid >= PID_MAX ? 2 : this.nextPid + 1;
    const pid = this.nextPid;
    this.nextPid = pid >= PID_MAX ? 2 : pid + 1;
    return pid;
  }

  /** Enters a new process in the table, runnable. */
  addProc(p: Proc): void {
    p.gate = new ProcGate(this, p);
    this.procs.set(p.pid, p);
    this.live++;
    this.makeRunnable(p);
  }

  makeRunnable(p: Proc): void {
    p.state = 'runnable';
    this.sched.enqueue(p);
  }

  /** Bookkeeping when p has just become a zombie. */
  noteExit(p: Proc): void {
    this.live--;
    if (this.options.stats) for (const line of procStatsLines(p)) this.log(line);
    if (TRACING) this.observer?.exit?.(p, p.exitStatus);
  }

  /** Removes zombie p from the table and from its parent's children. */
  reap(p: Proc): void {
    if (p.isAlive()) panic('reap', `pid ${p.pid} is ${p.state}`);
    this.procs.delete(p.pid);
    const parent = this.procs.get(p.ppid);
    if (parent) removeItem(parent.children, p);
    this.mmus.give(p.mm.mmu);
  }

  // ---- messages ----

  /** Writes "ipcvm: line" to the guest's stderr stream. */
  log(line: string): void {
    this.host.write(2, new TextEncoder().encode(`ipcvm: ${line}\n`));
  }

  /** log, but only the first time for this key in this kernel. */
  warnOnce(key: string, line: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.log(line);
  }

  // ---- invariants ----

  /** Throws when a kernel invariant is broken (see invariants.ts). */
  checkInvariants(): void {
    checkKernelInvariants(this, this.boot, this.live);
  }
}
