// The scheduler: which runnable process runs next, and for how many instructions.
//   rr      round robin: a FIFO run queue, every slice `quantum` instructions.
//   random  a seeded PRNG picks any runnable process and a slice of 1..2*quantum
//           instructions, to shake out races; the same seed gives the same run.
// The running process is never on the queue: it goes back to the tail when its
// slice ends, and a woken process joins the tail.
import { panic } from './panic.js';
import type { Proc } from './proc.js';
import { Random } from './random.js';

export type SchedPolicy = 'rr' | 'random';

export class Scheduler {
  private readonly queue: Proc[] = [];
  private readonly random: Random;

  constructor(
    readonly policy: SchedPolicy,
    readonly quantum: number,
    seed: number,
  ) {
    if (!(Number.isInteger(quantum) && quantum >= 1)) panic('Scheduler', `quantum ${quantum} is not a positive integer`);
    this.random = new Random(seed);
  }

  enqueue(p: Proc): void {
    if (p.onRunQueue) panic('Scheduler.enqueue', `pid ${p.pid} is already queued`);
    p.onRunQueue = true;
    this.queue.push(p);
  }

  /** Takes p off the queue (it stopped or died while runnable). */
  remove(p: Proc): void {
    if (!p.onRunQueue) return;
    this.queue.splice(this.queue.indexOf(p), 1);
    p.onRunQueue = false;
  }

  /** Removes and returns the process to run next, or null when none is runnable. */
  pickNext(): Proc | null {
    if (this.queue.length === 0) return null;
    let p: Proc;
    switch (this.policy) {
      case 'rr':
        p = this.queue.shift()!;
        break;
      case 'random':
        p = this.queue.splice(this.random.below(this.queue.length), 1)[0];
        break;
      default: {
        const never: never = this.policy;
        return panic('Scheduler.pickNext', `unknown policy ${String(never)}`);
      }
    }
    p.onRunQueue = false;
    return p;
  }

  /** Instructions the process just picked may run. */
  nextSlice(): number {
    switch (this.policy) {
      case 'rr':
        return this.quantum;
      case 'random':
        return 1 + this.random.below(2 * this.quantum);
      default: {
        const never: never = this.policy;
        return panic('Scheduler.nextSlice', `unknown policy ${String(never)}`);
      }
    }
  }

  runnable(): number {
    return this.queue.length;
  }
}
