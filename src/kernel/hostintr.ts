// Ctrl-C on the host terminal during an interactive run (the guest's stdin is the
// host's terminal): instead of killing ipcvm it sends SIGINT to the guest's
// foreground process group -- the one the kernel records (a shell sets it), else
// pid 1's -- as the terminal driver would; a second Ctrl-C within a second stops
// the whole VM (status 130). Ctrl-\ sends SIGQUIT the same way. Ctrl-Z sends
// SIGTSTP to the foreground job of a guest shell (one that took the terminal with
// tcsetpgrp); without one, ipcvm itself stops, as any program would, until the
// host shell's `fg`. Node runs a signal listener only from its event loop,
// so the kernel's loop hands the event loop a turn every YIELD_MS of host time
// (kernel.ts run), between slices, where the kernel's state is consistent.
// The listener lives exactly as long as the run.
import type { Kernel } from './kernel.js';
import { postSignal } from './kill.js';
import { kernelInfo } from './sigstate.js';
import { SIG } from './signals.js';

/** Host milliseconds between turns of the event loop during a run. */
const YIELD_MS = 50;
/** A second Ctrl-C within this many milliseconds stops the VM. */
const DOUBLE_PRESS_MS = 1000;

export class HostInterrupt {
  /** Set by a second Ctrl-C: the run ends at the next slice boundary. */
  stopRequested = false;
  private lastPress = -Infinity;
  private nextYield = performance.now() + YIELD_MS;
  private readonly onInterrupt = (): void => this.press();
  private readonly onQuit = (): void => this.signalForeground(SIG.SIGQUIT);
  private readonly onSuspend = (): void => this.suspend();
  /** Ends the kernel's wait for a timer (sleep), when it is waiting. */
  private wake: (() => void) | null = null;

  constructor(private readonly k: Kernel) {
    process.on('SIGINT', this.onInterrupt);
    process.on('SIGQUIT', this.onQuit);
    process.on('SIGTSTP', this.onSuspend);
  }

  remove(): void {
    process.off('SIGINT', this.onInterrupt);
    process.off('SIGQUIT', this.onQuit);
    process.off('SIGTSTP', this.onSuspend);
  }

  /** True once YIELD_MS have passed since the last turn given to the event loop. */
  dueForYield(): boolean {
    const now = performance.now();
    if (now < this.nextYield) return false;
    this.nextYield = now + YIELD_MS;
    return true;
  }

  /** Resolves after ms, or as soon as Ctrl-C, Ctrl-\ or Ctrl-Z is pressed: the
   *  kernel waits for its next timer (or the next look at the terminal) this way,
   *  so the signal reaches a sleeping job at once. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private press(): void {
    const now = performance.now();
    this.wake?.();
    if (now - this.lastPress < DOUBLE_PRESS_MS) {
      this.stopRequested = true;
      return;
    }
    this.lastPress = now;
    this.signalForeground(SIG.SIGINT);
  }

  private suspend(): void {
    if (this.k.foregroundPgid === 0) {
      process.kill(process.pid, 'SIGSTOP');
      return;
    }
    this.signalForeground(SIG.SIGTSTP);
  }

  /** Sends signo to the terminal's foreground process group, as the terminal
   *  driver does for the keys that make signals. */
  private signalForeground(signo: number): void {
    this.wake?.();
    const k = this.k;
    const group = k.foregroundPgid || (k.procs.get(1)?.pgid ?? 1);
    for (const p of [...k.procs.values()]) if (p.pgid === group) postSignal(k, p, signo, kernelInfo(signo));
  }
}

/** Starts watching Ctrl-C for k's run when its stdin is the host's terminal;
 *  null otherwise (Ctrl-C then ends ipcvm as usual). */
export function watchHostInterrupt(k: Kernel): HostInterrupt | null {
  return k.host.isatty(0) ? new HostInterrupt(k) : null;
}
