// Signal-related values as strace prints them: a siginfo
// (`{si_signo=SIGUSR1, si_code=SI_USER, si_pid=2, si_uid=1000}`), a signal set
// (`[USR1 ALRM]`, or `~[KILL STOP]` when more than half the signals are in it), a
// wait status (`[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]`) and an exit
// (`+++ killed by SIGSEGV (core dumped) +++`). Names are the kernel's (signals.ts).
import {
  CLD_CONTINUED,
  CLD_DUMPED,
  CLD_EXITED,
  CLD_KILLED,
  CLD_STOPPED,
  FPE_INTDIV,
  SEGV_ACCERR,
  SEGV_MAPERR,
  SI_KERNEL,
  SI_QUEUE,
  SI_TKILL,
  SI_USER,
} from '../kernel/sigstate.js';
import { isValidSignal, NSIG, SIG, signalName } from '../kernel/signals.js';
import { hex, valueName, type Names } from './flags.js';

/** What a siginfo says, whether it comes from the kernel's SigInfo or from a
 *  guest's siginfo_t (rt_sigqueueinfo). */
export interface SigInfoFields {
  readonly signo: number;
  readonly code: number;
  readonly pid: number;
  readonly uid: number;
  /** Fault address, or the child's status for SIGCHLD. */
  readonly addr: number;
  readonly value?: number;
}

/** "SIGUSR1", or the number when it is not a signal. */
export function signalText(sig: number): string {
  return isValidSignal(sig) ? signalName(sig) : String(sig);
}

const GENERIC_CODES: Names = [
  [SI_USER, 'SI_USER'],
  [SI_KERNEL, 'SI_KERNEL'],
  [SI_QUEUE, 'SI_QUEUE'],
  [-2, 'SI_TIMER'],
  [-3, 'SI_MESGQ'],
  [-4, 'SI_ASYNCIO'],
  [-5, 'SI_SIGIO'],
  [SI_TKILL, 'SI_TKILL'],
];

const CHILD_CODES: Names = [
  [CLD_EXITED, 'CLD_EXITED'],
  [CLD_KILLED, 'CLD_KILLED'],
  [CLD_DUMPED, 'CLD_DUMPED'],
  [4, 'CLD_TRAPPED'],
  [CLD_STOPPED, 'CLD_STOPPED'],
  [CLD_CONTINUED, 'CLD_CONTINUED'],
];

/** si_code values specific to a signal (positive codes). */
const CODES_BY_SIGNAL = new Map<number, Names>([
  [SIG.SIGCHLD, CHILD_CODES],
  [
    SIG.SIGSEGV,
    [
      [SEGV_MAPERR, 'SEGV_MAPERR'],
      [SEGV_ACCERR, 'SEGV_ACCERR'],
    ],
  ],
  [
    SIG.SIGFPE,
    [
      [FPE_INTDIV, 'FPE_INTDIV'],
      [2, 'FPE_INTOVF'],
    ],
  ],
  [
    SIG.SIGBUS,
    [
      [1, 'BUS_ADRALN'],
      [2, 'BUS_ADRERR'],
    ],
  ],
  [
    SIG.SIGILL,
    [
      [1, 'ILL_ILLOPC'],
      [2, 'ILL_ILLOPN'],
    ],
  ],
]);

/** True when the signal carries a fault address (si_addr). */
function isFaultSignal(sig: number): boolean {
  return sig === SIG.SIGSEGV || sig === SIG.SIGFPE || sig === SIG.SIGBUS || sig === SIG.SIGILL;
}

function codeName(info: SigInfoFields): string {
  const specific = info.code > 0 && info.code !== SI_KERNEL ? CODES_BY_SIGNAL.get(info.signo) : undefined;
  return valueName(info.code, specific ?? GENERIC_CODES);
}

function addressText(addr: number): string {
  return addr === 0 ? 'NULL' : hex(addr);
}

/** `{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=3, ...}` with the fields the
 *  code gives meaning to, as strace prints them. */
export function formatSigInfo(info: SigInfoFields): string {
  const fields = [`si_signo=${signalText(info.signo)}`, `si_code=${codeName(info)}`];
  const sender = `si_pid=${info.pid}, si_uid=${info.uid}`;
  if (info.code === SI_USER || info.code === SI_TKILL) fields.push(sender);
  else if (info.code === SI_QUEUE) fields.push(sender, `si_int=${info.value ?? 0}`, `si_ptr=${hex(info.value ?? 0)}`);
  else if (info.code > 0 && info.code !== SI_KERNEL && info.signo === SIG.SIGCHLD) {
    const status = info.code === CLD_EXITED ? String(info.addr) : signalText(info.addr);
    fields.push(sender, `si_status=${status}`, 'si_utime=0', 'si_stime=0');
  } else if (info.code > 0 && info.code !== SI_KERNEL && isFaultSignal(info.signo)) fields.push(`si_addr=${addressText(info.addr)}`);
  return `{${fields.join(', ')}}`;
}

/** A signal's name in a set: strace drops the SIG prefix. */
function setMemberName(sig: number): string {
  return signalName(sig).replace(/^SIG/, '');
}

/** A sigset_t given as its two words: `[USR1 TERM]`, `~[KILL STOP]`, `[]`. */
export function formatSigSet(lo: number, hi: number): string {
  const members: number[] = [];
  for (let sig = 1; sig <= NSIG; sig++) {
    const word = sig <= 32 ? lo : hi;
    if ((word >>> ((sig - 1) % 32)) & 1) members.push(sig);
  }
  if (members.length > NSIG / 2) {
    const absent: string[] = [];
    for (let sig = 1; sig <= NSIG; sig++) if (!members.includes(sig)) absent.push(setMemberName(sig));
    return `~[${absent.join(' ')}]`;
  }
  return `[${members.map(setMemberName).join(' ')}]`;
}

/** A wait status as wait4's status argument shows it. */
export function formatWaitStatus(status: number): string {
  const sig = status & 0x7f;
  if (status === 0xffff) return '[{WIFCONTINUED(s)}]';
  if (sig === 0) return `[{WIFEXITED(s) && WEXITSTATUS(s) == ${(status >> 8) & 0xff}}]`;
  if (sig === 0x7f) return `[{WIFSTOPPED(s) && WSTOPSIG(s) == ${signalText((status >> 8) & 0xff)}}]`;
  const core = status & 0x80 ? ' && WCOREDUMP(s)' : '';
  return `[{WIFSIGNALED(s) && WTERMSIG(s) == ${signalText(sig)}${core}}]`;
}

/** The `+++ ... +++` line body for a process that ended with this wait status. */
export function formatExit(status: number): string {
  const sig = status & 0x7f;
  if (sig === 0) return `+++ exited with ${(status >> 8) & 0xff} +++`;
  return `+++ killed by ${signalText(sig)}${status & 0x80 ? ' (core dumped)' : ''} +++`;
}
