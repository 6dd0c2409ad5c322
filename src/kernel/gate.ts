// The JS tier's way into the kernel (vm/cpu.ts KernelGate): a system call or a page
// fault taken inside compiled code is handled right there, exactly as runSlice's
// loop handles the trap (kernel.ts) -- the instruction count and the clock advanced
// first, then the call or the fault, then pending signals -- and compiled code goes
// on when that loop would simply have run the process on. Anything else (the
// process blocked, stopped, died, got a handler frame, exec'd, a run limit hit) ends
// the run of compiled code with SYSCALL_DONE or FAULT_DONE, and runSlice takes over.
//
// One gate per process (Kernel.addProc), so that running a process stores no
// pointer anywhere (see Cpu.machine).
import { SYS_LENGTH, type Cpu, type KernelGate } from '../vm/cpu.js';
import type { Kernel } from './kernel.js';
import { panic } from './panic.js';
import type { Proc } from './proc.js';
import { deliverSignals } from './sigdeliver.js';
import { syscall } from './syscall.js';

export class ProcGate implements KernelGate {
  constructor(
    private readonly k: Kernel,
    private readonly p: Proc,
  ) {}

  /** The SYSCALL trap of p (running): true when it may run on past the SYS. */
  handleSyscall(cpu: Cpu): boolean {
    const { k, p } = this;
    if (cpu !== p.cpu || p.state !== 'running') return panic('handleSyscall', `pid ${p.pid} (${p.state}) is not the running process`);
    const pc = cpu.pc;
    const mm = p.mm;
    const image = p.image;
    k.accountSteps(cpu);
    syscall(k, p);
    if (p.state === 'running' && !p.sig.pending.isEmpty()) deliverSignals(k, p);
    return p.state === 'running' && k.limits.hit === null && cpu.pc === pc + SYS_LENGTH && p.mm === mm && p.image === image;
  }

  /** The PAGE_FAULT trap of p (running), with its registers not written back (the
   *  fault handling reads none): true when it may retry the access at once -- still
   *  running, no signal pending. */
  handleFault(cpu: Cpu): boolean {
    const { k, p } = this;
    if (cpu !== p.cpu || p.state !== 'running') return panic('handleFault', `pid ${p.pid} (${p.state}) is not the running process`);
    k.accountSteps(cpu);
    k.pageFault(p);
    return p.state === 'running' && p.sig.pending.isEmpty() && k.limits.hit === null;
  }
}
