// alarm(): one timer per process on the kernel's clock (virtual by default, so an
// alarm costs no real time) that sends SIGALRM when it expires. As on Linux the
// alarm survives exec, is not inherited by fork (the child's SignalState starts
// without one) and goes with the process at exit.
import type { Kernel } from './kernel.js';
import { postSignal } from './kill.js';
import type { Proc } from './proc.js';
import { kernelInfo } from './sigstate.js';
import { SIG } from './signals.js';

/** alarm(seconds): replaces p's alarm (0 cancels it) and returns the seconds the
 *  previous one had left, rounded to the nearest second but never 0 while some
 *  time was left (Linux's alarm_setitimer). Never fails. */
export function sys_alarm(k: Kernel, p: Proc, args: Int32Array): number {
  const seconds = args[0] >>> 0;
  const previous = p.sig.alarm;
  const left = previous ? roundedSeconds(Math.max(0, previous.at - k.clock.now())) : 0;
  cancelAlarm(k, p);
  if (seconds > 0) {
    p.sig.alarm = k.clock.addTimer(k.clock.now() + seconds * 1e9, () => {
      p.sig.alarm = null;
      postSignal(k, p, SIG.SIGALRM, kernelInfo(SIG.SIGALRM));
    });
  }
  return left;
}

/** Drops p's alarm, if any (exit). */
export function cancelAlarm(k: Kernel, p: Proc): void {
  if (!p.sig.alarm) return;
  k.clock.cancel(p.sig.alarm);
  p.sig.alarm = null;
}

function roundedSeconds(ns: number): number {
  const seconds = Math.floor(ns / 1e9);
  const us = Math.floor((ns % 1e9) / 1000);
  return (seconds === 0 && ns > 0) || us >= 500_000 ? seconds + 1 : seconds;
}
