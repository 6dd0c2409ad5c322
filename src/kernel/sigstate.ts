// A process's signal state, and the signal sets and siginfo it is made of.
// Today a process has only pending signals, each acted on with its default action
// at return to user mode (kill.ts). The signals issue adds here, without changing
// the callers: the disposition table (handlers, flags, sa_mask), the blocked mask,
// the queue of real-time instances, and the saved mask of sigsuspend.
import { NSIG } from './signals.js';

/** A set of signals 1..64, as the two 32-bit words of a 64-bit sigset_t
 *  (signal n is bit n-1). */
export class SigSet {
  lo = 0;
  hi = 0;

  has(sig: number): boolean {
    return sig <= 32 ? ((this.lo >>> (sig - 1)) & 1) !== 0 : ((this.hi >>> (sig - 33)) & 1) !== 0;
  }

  add(sig: number): void {
    if (sig <= 32) this.lo |= 1 << (sig - 1);
    else this.hi |= 1 << (sig - 33);
  }

  delete(sig: number): void {
    if (sig <= 32) this.lo &= ~(1 << (sig - 1));
    else this.hi &= ~(1 << (sig - 33));
  }

  isEmpty(): boolean {
    return this.lo === 0 && this.hi === 0;
  }

  /** The lowest signal in the set (Linux delivers lowest first), or 0. */
  lowest(): number {
    if (this.lo !== 0) return 32 - Math.clz32(this.lo & -this.lo);
    if (this.hi !== 0) return 64 - Math.clz32(this.hi & -this.hi);
    return 0;
  }
}

// si_code values (Linux's asm-generic/siginfo.h).
export const SI_USER = 0;
export const SI_KERNEL = 0x80;
export const SI_QUEUE = -1;
export const SEGV_MAPERR = 1;
export const SEGV_ACCERR = 2;
export const FPE_INTDIV = 1;
export const CLD_EXITED = 1;
export const CLD_KILLED = 2;
export const CLD_DUMPED = 3;
export const CLD_STOPPED = 5;
export const CLD_CONTINUED = 6;

/** What a signal carries: the guest's siginfo_t, plus whether the kernel raised it
 *  for a fault (then a default-action death is reported on stderr). */
export interface SigInfo {
  readonly signo: number;
  readonly code: number;
  /** Sender (SI_USER, SI_QUEUE) or child (SIGCHLD); 0 from the kernel. */
  readonly pid: number;
  readonly uid: number;
  /** Faulting address (SIGSEGV), or the child's status (SIGCHLD). */
  readonly addr: number;
  readonly fault: boolean;
}

export class SignalState {
  readonly pending = new SigSet();
  /** siginfo of each pending signal. A standard signal is not queued: the first
   *  sender's info is kept until delivery (later ones are merged into it). */
  readonly info: (SigInfo | null)[] = new Array<SigInfo | null>(NSIG + 1).fill(null);
}
