// The tracer: a KernelObserver that turns the kernel's events into trace lines
// (strace -f's text or JSON, render-*.ts) and the --trace-summary table. It only
// reads: guest memory through peek.ts (no fault is taken on its behalf), so a
// traced run executes exactly as an untraced one. The kernel calls it at system
// call entry and return, signal delivery, exit, page faults and slice ends only;
// with no tracer those hooks are a single undefined check each.
import type { Kernel, KernelObserver } from '../kernel/kernel.js';
import type { Proc } from '../kernel/proc.js';
import type { SignalDisposition } from '../kernel/sigdeliver.js';
import type { SigInfo } from '../kernel/sigstate.js';
import { SYSCALL_BY_NR, type SyscallInfo } from '../kernel/syscall-table.js';
import { BLOCKED, NO_RESULT } from '../kernel/sysresult.js';
import type { FaultOutcome } from '../kernel/vmarea.js';
import { decodeArgs, firstExitArg, type CallView } from './args.js';
import type { CallRecord, Lead, ProcEvent, Renderer } from './events.js';
import { hex } from './flags.js';
import { JsonRenderer } from './render-json.js';
import { TextRenderer } from './render-text.js';
import { formatResult, resultErrno } from './result.js';
import { formatExit, formatSigInfo, signalText } from './siginfo.js';
import { SyscallSummary } from './summary.js';

/** Event classes of --trace=...: exits are shown with syscalls or signals. */
export type TraceClass = 'syscalls' | 'signals' | 'faults' | 'sched';

export interface TraceOptions {
  readonly classes: ReadonlySet<TraceClass>;
  /** Only these system calls (by name); null for all. */
  readonly only: ReadonlySet<string> | null;
  readonly format: 'text' | 'json';
  /** --trace-time: virtual time on every line. */
  readonly time: boolean;
  /** Write event lines (false for --trace-summary alone, like strace -c). */
  readonly lines: boolean;
  /** --trace-summary: the strace -c table when the run ends. */
  readonly summary: boolean;
}

interface OpenCall {
  readonly record: CallRecord;
  readonly info: SyscallInfo;
  readonly args: Int32Array;
  blocked: boolean;
}

/** How a fault's outcome reads in a trace line: a shared page fault says whether it
 *  allocated the segment's frame or mapped the one another process had placed there. */
const FAULT_WORDS: Record<FaultOutcome, string> = {
  'demand-zero': 'demand-zero',
  cow: 'copy-on-write',
  'shared-new': 'shared, new frame',
  'shared-existing': 'shared, existing frame',
  segv: 'SIGSEGV',
  oom: 'out of memory',
};

export class Tracer implements KernelObserver {
  private kernel: Kernel | null = null;
  private readonly calls = new Map<number, OpenCall>();
  private readonly renderer: Renderer | null;
  private readonly summary: SyscallSummary | null;

  constructor(
    private readonly options: TraceOptions,
    private readonly write: (text: string) => void,
  ) {
    this.renderer = !options.lines ? null : options.format === 'json' ? new JsonRenderer(write) : new TextRenderer(write, options.time);
    this.summary = options.summary ? new SyscallSummary() : null;
  }

  /** Binds the tracer to the kernel it observes (created with it as observer). */
  attach(k: Kernel): void {
    this.kernel = k;
  }

  private get k(): Kernel {
    if (!this.kernel) throw new Error('Tracer: attach(kernel) was not called');
    return this.kernel;
  }

  private has(c: TraceClass): boolean {
    return this.options.classes.has(c);
  }

  /** The lead of a line about p; a process that has just died still counts as
   *  alive for its own last lines, as strace drops it only after them. */
  private lead(p: Proc): Lead {
    let alive = p.isAlive() ? 0 : 1;
    for (const q of this.k.procs.values()) if (q.isAlive()) alive++;
    return { pid: p.pid, time: this.k.clock.now(), multi: alive > 1 };
  }

  private traced(info: SyscallInfo): boolean {
    return this.has('syscalls') && (this.options.only === null || this.options.only.has(info.name));
  }

  private view(p: Proc, call: OpenCall, result: number | null): CallView {
    return { k: this.k, p, kinds: call.info.args, args: call.args, result };
  }

  syscallEnter(p: Proc, nr: number, args: Int32Array): void {
    this.begin(p, nr, args);
  }

  private begin(p: Proc, nr: number, args: Int32Array): OpenCall | null {
    const info = SYSCALL_BY_NR.get(nr) ?? { nr, name: `syscall_${nr}`, args: [] };
    if (!this.traced(info)) return null;
    const callArgs = args.slice(0, info.args.length);
    const split = firstExitArg(info.args);
    const atEntry: CallView = { k: this.k, p, kinds: info.args, args: callArgs, result: null };
    const record: CallRecord = {
      pid: p.pid,
      nr,
      name: info.name,
      start: this.k.clock.now(),
      entryArgs: this.renderer ? decodeArgs(atEntry, 0, split) : [],
      hasExitArgs: split < info.args.length,
    };
    const call: OpenCall = { info, args: callArgs, record, blocked: false };
    this.calls.set(p.pid, call);
    this.summary?.count(nr, info.name);
    this.renderer?.enter(record, this.lead(p));
    return call;
  }

  syscall(p: Proc, nr: number, args: Int32Array, result: number): void {
    let call = this.calls.get(p.pid);
    if (!call) {
      // A call that had no entry event (an unknown number), unless its process
      // is gone and its line was closed by the exit already.
      if (!p.isAlive()) return;
      call = this.begin(p, nr, args) ?? undefined;
      if (!call) return;
    }
    if (result === BLOCKED) {
      call.blocked = true;
      return;
    }
    this.end(p, call, result === NO_RESULT ? (p.isAlive() ? p.cpu.a : null) : result);
  }

  private end(p: Proc, call: OpenCall, result: number | null): void {
    this.calls.delete(p.pid);
    const { info, record } = call;
    const now = this.k.clock.now();
    const errno = resultErrno(result);
    this.summary?.finish(info.nr, info.name, now - record.start, errno !== null);
    if (!this.renderer) return;
    const exitArgs = decodeArgs(this.view(p, call, result), firstExitArg(info.args), info.args.length);
    const end = { exitArgs, result, resultText: formatResult(result, info.ret), errno, end: now, blocked: call.blocked };
    this.renderer.finish(record, end, this.lead(p));
  }

  private event(p: Proc, event: ProcEvent): void {
    this.renderer?.event(event, this.lead(p));
  }

  signal(p: Proc, info: SigInfo, disposition: SignalDisposition): void {
    if (!this.has('signals')) return;
    const name = signalText(info.signo);
    const fields = { signal: name, code: info.code, sender: info.pid, action: disposition };
    this.event(p, { type: 'signal', text: `--- ${name} ${formatSigInfo(info)} ---`, fields });
    if (disposition === 'stop') this.event(p, { type: 'stopped', text: `--- stopped by ${name} ---`, fields: { signal: name } });
  }

  exit(p: Proc, status: number): void {
    const call = this.calls.get(p.pid);
    if (call) this.end(p, call, null);
    if (!this.has('syscalls') && !this.has('signals')) return;
    const sig = status & 0x7f;
    const fields: ProcEvent['fields'] = sig === 0 ? { code: (status >> 8) & 0xff } : { signal: signalText(sig), core: (status & 0x80) !== 0 };
    this.event(p, { type: 'exit', text: formatExit(status), fields });
  }

  fault(p: Proc, addr: number, write: boolean, outcome: FaultOutcome): void {
    if (!this.has('faults')) return;
    const access = write ? 'write' : 'read';
    const text = `--- page fault {addr=${hex(addr)}, access=${access}, outcome=${FAULT_WORDS[outcome]}} ---`;
    this.event(p, { type: 'fault', text, fields: { addr, access, outcome } });
  }

  slice(p: Proc, steps: number): void {
    if (!this.has('sched')) return;
    const end = sliceEnd(p);
    this.event(p, { type: 'slice', text: `--- slice {instructions=${steps}, end=${end}} ---`, fields: { instructions: steps, end } });
  }

  /** The run is over: ends a line left open and writes the summary table. */
  finish(): void {
    this.renderer?.close();
    if (this.summary) this.write(this.summary.render());
  }
}

/** Why a slice ended, from the state the process is left in. */
function sliceEnd(p: Proc): string {
  switch (p.state) {
    case 'running':
      return 'preempted';
    case 'runnable':
      return 'yielded';
    case 'sleeping':
      return 'blocked';
    case 'stopped':
      return 'stopped';
    case 'zombie':
      return 'exited';
    default: {
      const never: never = p.state;
      return String(never);
    }
  }
}
