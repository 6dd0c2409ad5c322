// Time. The virtual clock (the default) counts nanoseconds of executed
// instructions (NS_PER_INSTRUCTION each) and, when every process sleeps, jumps
// straight to the next timer, so sleep(5) costs no real time and a run is
// reproducible. The real clock (--clock real) reads the host's monotonic clock;
// then the kernel's async outer loop really waits for the next timer.
//
// Timers fire in deadline order (creation order for equal deadlines) at the kernel's slice boundaries: a
// timer that expires while another process runs fires when that slice ends.
import { NS_PER_INSTRUCTION, VIRTUAL_EPOCH_SECONDS } from './param.js';

export type ClockMode = 'virtual' | 'real';

export class Timer {
  constructor(
    /** Monotonic deadline in nanoseconds. */
    readonly at: number,
    readonly fire: () => void,
  ) {}
}

export class Clock {
  readonly mode: ClockMode;
  /** Pending timers sorted by deadline; equal deadlines keep creation order. */
  private readonly timers: Timer[] = [];
  private virtualNs = 0;
  private readonly hostStart: bigint;
  /** CLOCK_REALTIME at monotonic 0: whole seconds and the nanoseconds beyond. */
  private readonly epochSeconds: number;
  private readonly epochNs: number;

  constructor(mode: ClockMode) {
    this.mode = mode;
    this.hostStart = process.hrtime.bigint();
    if (mode === 'virtual') {
      this.epochSeconds = VIRTUAL_EPOCH_SECONDS;
      this.epochNs = 0;
    } else {
      const ms = Date.now();
      this.epochSeconds = Math.floor(ms / 1000);
      this.epochNs = (ms % 1000) * 1_000_000;
    }
  }

  /** CLOCK_MONOTONIC in nanoseconds since the kernel booted. */
  now(): number {
    return this.mode === 'virtual' ? this.virtualNs : Number(process.hrtime.bigint() - this.hostStart);
  }

  /** CLOCK_REALTIME as [seconds, nanoseconds]. */
  realtime(): [number, number] {
    const ns = this.epochNs + this.now();
    return [this.epochSeconds + Math.floor(ns / 1e9), ns % 1e9];
  }

  /** CLOCK_REALTIME's whole seconds: realtime()[0] without the pair. */
  realtimeSeconds(): number {
    return this.realtimeSecondsAt(this.now());
  }

  /** CLOCK_REALTIME's whole seconds when CLOCK_MONOTONIC read ns: what
   *  realtimeSeconds() said then (a hot path can note now() and convert later). */
  realtimeSecondsAt(ns: number): number {
    return this.epochSeconds + Math.floor((this.epochNs + ns) / 1e9);
  }

  /** Accounts for instructions just executed (virtual time only moves this way). */
  advance(instructions: number): void {
    this.virtualNs += instructions * NS_PER_INSTRUCTION;
  }

  addTimer(at: number, fire: () => void): Timer {
    const timer = new Timer(at, fire);
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1].at > at) i--;
    this.timers.splice(i, 0, timer);
    return timer;
  }

  cancel(timer: Timer): void {
    const i = this.timers.indexOf(timer);
    if (i >= 0) this.timers.splice(i, 1);
  }

  pendingTimers(): number {
    return this.timers.length;
  }

  /** Deadline of the next timer, or Infinity. */
  nextDeadline(): number {
    return this.timers.length > 0 ? this.timers[0].at : Infinity;
  }

  /** Fires every timer whose deadline has passed, in order. */
  fireDue(): void {
    const now = this.now();
    while (this.timers.length > 0 && this.timers[0].at <= now) this.timers.shift()!.fire();
  }

  /** Virtual clock only: moves time to the next deadline (nothing can run before). */
  jumpToNextTimer(): void {
    if (this.mode !== 'virtual' || this.timers.length === 0) return;
    this.virtualNs = Math.max(this.virtualNs, this.timers[0].at);
  }
}
