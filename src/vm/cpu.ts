// The register file of one guest process and the traps through which the interpreter
// hands control back to its caller (the kernel). The VM never imports the kernel:
// it runs until something needs the kernel and returns one of these codes.
import type { JitMachine } from './jit.js';

/** Why `interpret` returned. pc conventions are part of the contract. */
export const enum Trap {
  /** The instruction budget (quantum) is spent; pc is the next instruction. */
  BUDGET = 0,
  /** SYS executed: cpu.trapArg = syscall number, pc is the SYS instruction itself.
   *  The kernel sets cpu.a and advances pc by SYS_LENGTH when the call completes,
   *  or leaves pc to re-run the call later (blocking, restart). */
  SYSCALL = 1,
  /** A load/store missed the page table or its permissions: cpu.trapAddr is the
   *  guest address, cpu.trapWrite 1 for a write; pc is the faulting instruction,
   *  which has had no visible effect and is re-run once the fault is resolved. */
  PAGE_FAULT = 2,
  /** DIV/DIVU/MOD/MODU by zero; pc is the instruction (SIGFPE). */
  DIVIDE_BY_ZERO = 3,
  /** CALLI through a value that is not a function entry; cpu.trapAddr is the value. */
  BAD_CALL = 4,
  /** LEV popped a value that is not a return site; cpu.trapAddr is the value. */
  BAD_RETURN = 5,
  /** A KernelGate already handled a system call in place and did not let the
   *  process go on: nothing is left to handle, pc is wherever the kernel left it. */
  SYSCALL_DONE = 6,
  /** A KernelGate already resolved a page fault in place (or turned it into a
   *  signal) and did not let the process retry at once: pc is the faulting
   *  instruction, which had no effect; only pending signals are left to act on. */
  FAULT_DONE = 7,
}

/** The kernel's side of a trap taken without leaving the interpreter (the JS tier's
 *  SYS and page faults, jit-ops.ts and jit-runtime.ts): the trap, the kernel's
 *  handling and the return to user mode happen in one call, instead of a Trap out
 *  of interpret() and a new entry. Same effects, fewer steps on the hottest path of
 *  every syscall benchmark. */
export interface KernelGate {
  /** cpu trapped on SYS as for Trap.SYSCALL (registers and steps written back, pc on
   *  the SYS, cpu.trapArg the number). Handles the call exactly as after that trap;
   *  true when the process may go on at pc + SYS_LENGTH within the same slice, with
   *  the same address space and image; false when interpret() must return
   *  Trap.SYSCALL_DONE. */
  handleSyscall(cpu: Cpu): boolean;
  /** cpu faulted as for Trap.PAGE_FAULT (pc on the faulting instruction, steps up to
   *  it, cpu.trapAddr/trapWrite set) -- but sp, bp and a are not written back, so
   *  the kernel reads no register. Resolves the fault as after that trap, acting on
   *  no signal; true when the access may be retried at once, false when interpret()
   *  must return Trap.FAULT_DONE. */
  handleFault(cpu: Cpu): boolean;
}

/** Words taken by a SYS instruction (opcode + number). */
export const SYS_LENGTH = 2;

/** One process's registers. A plain class with fixed fields so V8 keeps it monomorphic. */
export class Cpu {
  pc = 0;
  sp = 0;
  bp = 0;
  a = 0;
  /** Instructions executed so far (by this process). */
  steps = 0;
  trapArg = 0;
  trapAddr = 0;
  trapWrite = 0;
  /** The JS tier's view of this cpu and its memory (jit.ts), made on first use. One per
   *  cpu rather than one per program, so that switching processes stores no pointers:
   *  V8's write barrier makes a store of a new object into an old one costly, and a
   *  run that allocates nothing never promotes its young processes. */
  machine: JitMachine | null = null;

  copyFrom(other: Cpu): void {
    this.pc = other.pc;
    this.sp = other.sp;
    this.bp = other.bp;
    this.a = other.a;
  }
}
