// Summary statistics of repeated timings, for sections that collect their own
// samples instead of going through tinybench (tracing-overhead.ts): the median with
// its distribution-free 95% confidence interval (order statistics: no assumption
// about the noise of a busy machine), and the relative margin of error of the mean
// as tinybench defines it (95% two-sided Student's t interval, percent of the mean).

/** Two-sided 95% critical values of Student's t for 1..30 degrees of freedom. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A 95% confidence interval of the median: the sorted samples of ranks
 *  (n - 1.96 sqrt n) / 2 and 1 + (n + 1.96 sqrt n) / 2, rounded outwards. */
export function medianInterval(samples: readonly number[]): [number, number] {
  const n = samples.length;
  if (n === 0) throw new Error('medianInterval: no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const half = 1.96 * Math.sqrt(n);
  const lo = Math.max(1, Math.floor((n - half) / 2));
  const hi = Math.min(n, Math.ceil(1 + (n + half) / 2));
  return [sorted[lo - 1], sorted[hi - 1]];
}

/** Relative margin of error of the mean, percent; 0 for fewer than two samples. */
export function rmePercent(samples: readonly number[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mean = samples.reduce((s, x) => s + x, 0) / n;
  const variance = samples.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  const t = n - 1 <= T_975.length ? T_975[n - 2] : 1.96;
  return ((t * Math.sqrt(variance / n)) / mean) * 100;
}
