// The scheduler: which runnable process runs next, and for how many instructions.
//   rr      round robin: a FIFO run queue, every slice `quantum` instructions.
//   random  a seeded PRNG picks any runnable process and a slice of 1..2*quantum
//           instructions, to shake out races; the same seed gives the same run.
// The running process is never on the queue: it goes back to the tail when its
// slice ends, and a woken process joins the tail.
//
// The queue is a ring of slots that grows by doubling, so a switch -- one process
// leaves the head, another joins the tail -- moves no element and allocates nothing.
import { panic } from './panic.js';
import type { Proc } from './proc.js';
import { Random } from './random.js';

export type SchedPolicy = 'rr' | 'random';

const INITIAL_SLOTS = 16;

export class Scheduler {
  /** queued[(head + i) & (queued.length - 1)] is the i-th process in line. */
  private queued: (Proc | null)[] = new Array<Proc | null>(INITIAL_SLOTS).fill(null);
  private head = 0;
  private count = 0;
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
    if (this.count === this.queued.length) this.grow();
    this.queued[(this.head + this.count) & (this.queued.length - 1)] = p;
    this.count++;
  }

  /** Takes p off the queue (it stopped or died while runnable). */
  remove(p: Proc): void {
    if (!p.onRunQueue) return;
    const mask = this.queued.length - 1;
    let i = 0;
    while (this.queued[(this.head + i) & mask] !== p) i++;
    this.takeAt(i);
  }

  /** Removes and returns the process to run next, or null when none is runnable. */
  pickNext(): Proc | null {
    if (this.count === 0) return null;
    switch (this.policy) {
      case 'rr':
        return this.takeAt(0);
      case 'random':
        return this.takeAt(this.random.below(this.count));
      default: {
        const never: never = this.policy;
        return panic('Scheduler.pickNext', `unknown policy ${String(never)}`);
      }
    }
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
    return this.count;
  }

  /** Removes the i-th process in line; those behind it keep their order. */
  private takeAt(i: number): Proc {
    const slots = this.queued;
    const mask = slots.length - 1;
    const p = slots[(this.head + i) & mask] ?? panic('Scheduler.takeAt', `no process at ${i} of ${this.count}`);
    if (i === 0) {
      slots[this.head] = null;
      this.head = (this.head + 1) & mask;
    } else {
      for (let j = i; j < this.count - 1; j++) slots[(this.head + j) & mask] = slots[(this.head + j + 1) & mask];
      slots[(this.head + this.count - 1) & mask] = null;
    }
    this.count--;
    p.onRunQueue = false;
    return p;
  }

  private grow(): void {
    const slots = new Array<Proc | null>(this.queued.length * 2).fill(null);
    for (let i = 0; i < this.count; i++) slots[i] = this.queued[(this.head + i) & (this.queued.length - 1)];
    this.queued = slots;
    this.head = 0;
  }
}
