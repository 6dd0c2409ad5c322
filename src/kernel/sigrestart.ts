// Interrupted system calls, decided in one place (Linux's ERESTART* protocol).
//
// A blocking call that would sleep while a signal is deliverable does not sleep
// (sleepOn refuses, sleep.ts): syscall.ts then asks interruptCall how the call
// ends. A call that already moved data returns that partial count; semop fails
// with EINTR at once; every other call leaves pc on its SYS instruction with a
// restart code, and the first signal delivered settles it (settleInterruptedCall):
//   ERESTARTSYS            read, write, open, wait4 (and any call not listed):
//                          restarted after a handler with SA_RESTART, else EINTR;
//   ERESTARTNOHAND         msgsnd, msgrcv, pause, rt_sigsuspend: EINTR after any
//                          handler (SA_RESTART does not apply);
//   ERESTART_RESTARTBLOCK  nanosleep: EINTR after a handler, writing the time left
//                          to *rem.
// When no handler runs (the signal was ignored by then, or it stopped the process
// and SIGCONT resumed it) the call restarts; nanosleep keeps its deadline.
// The codes are what a tracer sees for the call, as strace shows them.
import { SYS_LENGTH } from '../vm/cpu.js';
import { E } from './errno.js';
import type { Kernel } from './kernel.js';
import { SYSCALL_NR_LIMIT, type Proc } from './proc.js';
import { SA_RESTART, type SigActionView } from './sigstate.js';
import { SYSCALLS, type SyscallName } from './syscall-table.js';
import { BAD_ADDRESS, readI32, writeI32s } from './uaccess.js';

export const ERESTARTSYS = 512;
export const ERESTARTNOINTR = 513;
export const ERESTARTNOHAND = 514;
export const ERESTART_RESTARTBLOCK = 516;

/** How a call cut short by a signal ends, for the calls that differ from
 *  ERESTARTSYS; a negative entry is an errno returned at once. */
const INTERRUPTED_BY_NAME: Partial<Record<SyscallName, number>> = {
  msgsnd: ERESTARTNOHAND,
  msgrcv: ERESTARTNOHAND,
  pause: ERESTARTNOHAND,
  rt_sigsuspend: ERESTARTNOHAND,
  nanosleep: ERESTART_RESTARTBLOCK,
  semop: -E.EINTR,
};

/** INTERRUPTED_BY_NAME by syscall number (ERESTARTSYS for the others). */
const INTERRUPTED_BY_NR = new Int32Array(SYSCALL_NR_LIMIT).fill(ERESTARTSYS);
for (const s of SYSCALLS) INTERRUPTED_BY_NR[s.nr] = INTERRUPTED_BY_NAME[s.name as SyscallName] ?? ERESTARTSYS;

/** True for the results interruptCall gives a call that is left to restart. */
export function isRestartCode(result: number): boolean {
  return result === -ERESTARTSYS || result === -ERESTARTNOINTR || result === -ERESTARTNOHAND || result === -ERESTART_RESTARTBLOCK;
}

/** The result of call nr, which p (running) could not sleep in because a signal
 *  is deliverable: a partial count, -EINTR, or -ERESTART* (pc then stays on the
 *  SYS instruction and p.sig.restartCode holds the code until delivery). A FIFO
 *  open's half-made description goes at once: a restart opens afresh. */
export function interruptCall(k: Kernel, p: Proc, nr: number): number {
  p.fds.dropPendingOpen(k);
  const progress = p.callProgress;
  if (progress > 0) {
    p.callProgress = 0;
    return progress;
  }
  const code = nr >= 0 && nr < SYSCALL_NR_LIMIT ? INTERRUPTED_BY_NR[nr] : ERESTARTSYS;
  if (code < 0) return code;
  p.sig.restartCode = code;
  return -code;
}

/** Ends or restarts p's interrupted call, if any, now that a signal is acted on:
 *  `handler` is the action whose handler is about to run, or null when no handler
 *  ran. Runs before the handler's frame saves the registers. */
export function settleInterruptedCall(k: Kernel, p: Proc, handler: SigActionView | null): void {
  const code = p.sig.restartCode;
  if (code === 0) return;
  p.sig.restartCode = 0;
  if (!handler || code === ERESTARTNOINTR || (code === ERESTARTSYS && (handler.flags & SA_RESTART) !== 0)) return;
  const result = code === ERESTART_RESTARTBLOCK ? storeTimeLeft(k, p) : -E.EINTR;
  if (p.callTimer) {
    k.clock.cancel(p.callTimer);
    p.callTimer = null;
  }
  p.cpu.a = result;
  p.cpu.pc += SYS_LENGTH;
}

/** nanosleep(req, rem) cut short: the time left goes to *rem (when not NULL).
 *  -EINTR, or -EFAULT when rem cannot be written. */
function storeTimeLeft(k: Kernel, p: Proc): number {
  const rem = readI32(k, p, p.cpu.sp + 4);
  if (rem === BAD_ADDRESS) return -E.EFAULT;
  if (rem === 0) return -E.EINTR;
  const left = p.callTimer ? Math.max(0, p.callTimer.at - k.clock.now()) : 0;
  return writeI32s(k, p, rem, [Math.floor(left / 1e9), left % 1e9]) < 0 ? -E.EFAULT : -E.EINTR;
}
