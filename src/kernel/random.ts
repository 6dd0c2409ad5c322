// A small seeded PRNG (mulberry32) for the random scheduler: the same seed gives the
// same sequence on every host, so a --sched random run is reproducible.

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next unsigned 32-bit value. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A value in [0, n) (n >= 1). */
  below(n: number): number {
    return this.next() % n;
  }
}
