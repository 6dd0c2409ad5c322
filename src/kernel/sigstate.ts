// A process's signal state and the pieces it is made of: signal sets, the
// disposition of each signal (struct sigaction), the siginfo a signal carries, the
// pending signals (one bit per standard signal; a queue of instances per real-time
// one) and the blocked mask. Sending is in kill.ts, acting on signals in
// sigdeliver.ts; this file holds the state and the rules that are pure bookkeeping.
// Queued real-time instances are counted in the user's account, which
// SIGQUEUE_MAX bounds; a real-time signal may also be pending with an empty queue:
// an instance whose siginfo was lost because the account was full (kill.ts).
import type { Timer } from './clock.js';
import { defaultAction, KERNEL_SIGRTMIN, NSIG, SIG } from './signals.js';
import { WaitChannel } from './sleep.js';
import type { UserAccount } from './user.js';

/** SIGKILL and SIGSTOP: never blocked, caught or ignored. */
const UNBLOCKABLE_LO = (1 << (SIG.SIGKILL - 1)) | (1 << (SIG.SIGSTOP - 1));

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

  set(lo: number, hi: number): void {
    this.lo = lo | 0;
    this.hi = hi | 0;
  }

  copyFrom(other: SigSet): void {
    this.set(other.lo, other.hi);
  }

  clone(): SigSet {
    const s = new SigSet();
    s.copyFrom(this);
    return s;
  }

  /** Removes SIGKILL and SIGSTOP (a mask may never hold them). */
  dropUnblockable(): void {
    this.lo &= ~UNBLOCKABLE_LO;
  }
}

// si_code values (Linux's asm-generic/siginfo.h).
export const SI_USER = 0;
export const SI_KERNEL = 0x80;
export const SI_QUEUE = -1;
export const SI_TKILL = -6;
export const SEGV_MAPERR = 1;
export const SEGV_ACCERR = 2;
export const FPE_INTDIV = 1;
export const CLD_EXITED = 1;
export const CLD_KILLED = 2;
export const CLD_DUMPED = 3;
export const CLD_STOPPED = 5;
export const CLD_CONTINUED = 6;

// Dispositions and sa_flags (Linux's values, as lang/include/signal.h has them).
export const SIG_DFL = 0;
export const SIG_IGN = 1;
export const SA_NOCLDSTOP = 0x00000001;
export const SA_NOCLDWAIT = 0x00000002;
export const SA_SIGINFO = 0x00000004;
export const SA_RESTART = 0x10000000;
export const SA_NODEFER = 0x40000000;
export const SA_RESETHAND = 0x80000000 | 0;

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
  /** si_value of sigqueue (0 when absent). */
  readonly value?: number;
}

/** A signal sent by the kernel itself (SIGALRM, SIGPIPE, SIGINT from the host). */
export function kernelInfo(sig: number): SigInfo {
  return { signo: sig, code: SI_KERNEL, pid: 0, uid: 0, addr: 0, fault: false };
}

/** A disposition as it is read; SignalState.writableAction gives one to change. */
export interface SigActionView {
  readonly handler: number;
  readonly mask: { readonly lo: number; readonly hi: number };
  readonly flags: number;
}

/** One signal's disposition: struct sigaction without the restorer. */
export class SigAction implements SigActionView {
  /** SIG_DFL, SIG_IGN or a code address (TEXT_BASE + index of a function). */
  handler = SIG_DFL;
  readonly mask = new SigSet();
  flags = 0;

  copyFrom(other: SigActionView): void {
    this.handler = other.handler;
    this.mask.set(other.mask.lo, other.mask.hi);
    this.flags = other.flags;
  }

  reset(): void {
    this.handler = SIG_DFL;
    this.mask.set(0, 0);
    this.flags = 0;
  }
}

/** An entry per signal number, all null (a loop: a fork makes one for its child). */
/** A null per signal number (0..NSIG), copied for each table: one allocation, where
 *  pushing them one by one grew the array four times per process. */
const NO_ENTRIES: readonly null[] = Array.from({ length: NSIG + 1 }, () => null);

function noInfo<T>(): (T | null)[] {
  return NO_ENTRIES.slice();
}

/** A disposition per signal, all SIG_DFL (entry 0 unused). */
function newActions(): SigAction[] {
  const actions: SigAction[] = [];
  for (let sig = 0; sig <= NSIG; sig++) actions.push(new SigAction());
  return actions;
}

export class SignalState {
  /** Standard signals pending (one bit each) and real-time signals with at least
   *  one queued instance. */
  readonly pending = new SigSet();
  /** siginfo of each pending standard signal. A standard signal is not queued: the
   *  first sender's info is kept until delivery (later ones are dropped). */
  readonly info: (SigInfo | null)[] = noInfo();
  /** Queued instances of each real-time signal, oldest first; made when the first
   *  real-time signal is sent. */
  private queues: (SigInfo[] | null)[] | null = null;
  /** Instances in all queues (the user's account counts them too). */
  queued = 0;
  readonly blocked = new SigSet();
  /** Dispositions by signal number (entry 0 unused), made on first use. After fork
   *  parent and child share one table until either changes a disposition, which
   *  copies it first: a fork copies none, and most children never change one. */
  private table: SigAction[] | null = null;
  private tableShared = false;
  /** The mask sigsuspend replaced, while maskSaved; the first handler frame saves
   *  it instead of the temporary one, so sigreturn restores it. */
  readonly savedMask = new SigSet();
  maskSaved = false;
  /** A call that would have slept with a signal pending: Linux's ERESTART* code for
   *  it, acted on when the signal is delivered (sigrestart.ts); 0 when none. */
  restartCode = 0;
  /** The pending alarm (alarm.ts), not inherited by fork. */
  alarm: Timer | null = null;
  /** Where pause and sigsuspend sleep: only a signal ends them. */
  readonly suspendWait = new WaitChannel('a signal');

  constructor(
    /** The account of the process's user, charged for each queued instance. */
    readonly user: UserAccount,
  ) {}

  /** Dispositions, indexed by signal number (entry 0 unused); a disposition is
   *  changed only through writableAction. */
  get actions(): readonly SigActionView[] {
    return this.table ?? (this.table = newActions());
  }

  /** sig's disposition, to change: this process's own (a table still shared since
   *  fork is copied first). */
  writableAction(sig: number): SigAction {
    let table = this.table ?? (this.table = newActions());
    if (this.tableShared) {
      const own = newActions();
      for (let s = 0; s <= NSIG; s++) own[s].copyFrom(table[s]);
      table = this.table = own;
      this.tableShared = false;
    }
    return table[sig];
  }

  /** True when sig is pending. */
  isPending(sig: number): boolean {
    return this.pending.has(sig);
  }

  /** Makes sig pending with info: a standard signal already pending is dropped
   *  (false); a real-time one is queued. */
  enqueue(sig: number, info: SigInfo): boolean {
    if (sig < KERNEL_SIGRTMIN) {
      if (this.pending.has(sig)) return false;
      this.info[sig] = info;
    } else {
      const queues = this.queues ?? (this.queues = noInfo());
      const queue = queues[sig] ?? (queues[sig] = []);
      queue.push(info);
      this.queued++;
      this.user.sigpending++;
    }
    this.pending.add(sig);
    return true;
  }

  /** Makes real-time signal sig pending without queueing an instance (its info is
   *  lost): false when it was pending already. Delivery then gives it an empty
   *  siginfo (SI_USER, no sender), as Linux does. */
  markPendingWithoutInfo(sig: number): boolean {
    if (this.pending.has(sig)) return false;
    this.pending.add(sig);
    return true;
  }

  /** Takes the oldest instance of pending signal sig (an empty siginfo for a
   *  real-time one pending without an instance), or null when it is not pending. */
  dequeue(sig: number): SigInfo | null {
    if (!this.pending.has(sig)) return null;
    if (sig < KERNEL_SIGRTMIN) {
      const info = this.info[sig];
      this.info[sig] = null;
      this.pending.delete(sig);
      return info;
    }
    const queue = this.queues?.[sig];
    const info = queue?.shift();
    if (!queue || queue.length === 0) this.pending.delete(sig);
    if (!info) return { signo: sig, code: SI_USER, pid: 0, uid: 0, addr: 0, fault: false };
    this.queued--;
    this.user.sigpending--;
    return info;
  }

  /** Forgets every pending instance of sig. */
  discard(sig: number): void {
    if (!this.pending.has(sig)) return;
    this.pending.delete(sig);
    this.info[sig] = null;
    const queue = this.queues?.[sig];
    if (queue) {
      this.queued -= queue.length;
      this.user.sigpending -= queue.length;
      queue.length = 0;
    }
  }

  /** Forgets every pending signal (the process exited). */
  discardAll(): void {
    for (let sig = 1; sig <= NSIG; sig++) this.discard(sig);
  }

  /** The lowest pending signal not blocked (SIGKILL and SIGSTOP never are), or 0. */
  nextDeliverable(): number {
    const lo = this.pending.lo & ~this.blocked.lo;
    if (lo !== 0) return 32 - Math.clz32(lo & -lo);
    const hi = this.pending.hi & ~this.blocked.hi;
    if (hi !== 0) return 64 - Math.clz32(hi & -hi);
    return 0;
  }

  /** Linux's signal_pending: a pending signal, not blocked, that is not ignored
   *  -- one whose delivery will run a handler, stop or kill. Such a signal keeps a
   *  blocking call from sleeping (sleep.ts). */
  hasDeliverable(): boolean {
    let lo = this.pending.lo & ~this.blocked.lo;
    let hi = this.pending.hi & ~this.blocked.hi;
    while (lo !== 0) {
      const sig = 32 - Math.clz32(lo & -lo);
      if (!this.isIgnored(sig)) return true;
      lo &= lo - 1;
    }
    while (hi !== 0) {
      const sig = 64 - Math.clz32(hi & -hi);
      if (!this.isIgnored(sig)) return true;
      hi &= hi - 1;
    }
    return false;
  }

  /** Ignored now: SIG_IGN, or SIG_DFL with a default action of ignore (SIGCONT's
   *  included: continuing is done when it is sent). */
  isIgnored(sig: number): boolean {
    const handler = this.actions[sig].handler;
    if (handler === SIG_IGN) return true;
    if (handler !== SIG_DFL) return false;
    const action = defaultAction(sig);
    return action === 'ignore' || action === 'cont';
  }

  /** What is wrong with this state (for checkInvariants), or null. */
  problem(): string | null {
    if (this.blocked.lo & UNBLOCKABLE_LO) return 'SIGKILL or SIGSTOP blocked';
    let queued = 0;
    for (let sig = 1; sig <= NSIG; sig++) {
      const handler = this.actions[sig].handler;
      if ((sig === SIG.SIGKILL || sig === SIG.SIGSTOP) && handler !== SIG_DFL) return `disposition ${handler} for signal ${sig}`;
      const held = sig < KERNEL_SIGRTMIN ? (this.info[sig] ? 1 : 0) : (this.queues?.[sig]?.length ?? 0);
      const lostInfo = sig >= KERNEL_SIGRTMIN && held === 0;
      if (this.pending.has(sig) !== held > 0 && !lostInfo) return `signal ${sig} pending ${this.pending.has(sig)} with ${held} instances`;
      if (sig >= KERNEL_SIGRTMIN) queued += held;
    }
    return queued === this.queued ? null : `${this.queued} queued real-time signals counted, ${queued} held`;
  }

  /** fork: the child has the parent's dispositions and mask, nothing pending. */
  inheritFrom(parent: SignalState): void {
    this.table = parent.table;
    if (this.table) {
      this.tableShared = true;
      parent.tableShared = true;
    }
    this.blocked.copyFrom(parent.blocked);
  }

  /** exec: caught signals go back to SIG_DFL; ignored ones, the mask, pending
   *  signals and the alarm stay. */
  resetForExec(): void {
    for (let sig = 1; sig <= NSIG; sig++) {
      const action = this.writableAction(sig);
      const ignored = action.handler === SIG_IGN;
      action.reset();
      if (ignored) action.handler = SIG_IGN;
    }
  }
}
