// Limits on a whole run that the user sets so that no guest can hold the host:
// --timeout (seconds of host wall-clock time) and --max-output (bytes the guest
// writes to the console, stdout and stderr together). Hitting one stops the VM at
// the next slice boundary with a message saying which limit it was. The other
// limits live where they act: --max-steps in the kernel loop, --max-procs in
// allocPid (fork fails with EAGAIN), --mem in the frame pool (the OOM kill).
//
// The wall clock is read only every CLOCK_CHECK_STEPS instructions, so the check
// costs nothing measurable; a single slice is never cut short by it.
import { formatSize } from './kill.js';

/** Instructions between two looks at the host clock (a few milliseconds). */
const CLOCK_CHECK_STEPS = 1 << 20;

export type LimitEnd = 'timeout' | 'output-limit';

export class RunLimits {
  /** The limit that stopped the run, once one has. */
  hit: LimitEnd | null = null;
  private deadline = Infinity;
  private nextCheck = 0;
  private written = 0;

  constructor(
    /** --timeout in milliseconds; 0: none. */
    readonly timeoutMs: number,
    /** --max-output in bytes; 0: none. */
    readonly maxOutput: number,
  ) {}

  /** The run starts now: the timeout counts from here. */
  start(): void {
    if (this.timeoutMs > 0) this.deadline = performance.now() + this.timeoutMs;
  }

  /** Called between slices: true once a limit is hit (then `hit` says which). */
  reached(steps: number): boolean {
    if (this.hit) return true;
    if (steps < this.nextCheck) return false;
    this.nextCheck = steps + CLOCK_CHECK_STEPS;
    if (performance.now() >= this.deadline) this.hit = 'timeout';
    return this.hit !== null;
  }

  /** Milliseconds left before the timeout (for a real-clock wait); the next
   *  reached() looks at the clock whatever the step count. */
  msLeft(): number {
    this.nextCheck = 0;
    return Math.max(0, this.deadline - performance.now());
  }

  /** Of count bytes the guest is writing to the console, how many may go out.
   *  Fewer than count: the limit is hit and the run stops. */
  allowOutput(count: number): number {
    if (this.maxOutput <= 0) return count;
    const n = Math.max(0, Math.min(count, this.maxOutput - this.written));
    this.written += n;
    if (n < count) this.hit = 'output-limit';
    return n;
  }

  /** What stopped the run, for the log. */
  describe(end: LimitEnd): string {
    switch (end) {
      case 'timeout':
        return `timeout: stopped after ${this.timeoutMs / 1000} seconds of wall-clock time (--timeout)`;
      case 'output-limit':
        return `output limit: stopped after ${formatSize(this.maxOutput)} of guest output (--max-output)`;
      default: {
        const never: never = end;
        return String(never);
      }
    }
  }
}
