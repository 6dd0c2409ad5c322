// Summary statistics of repeated timings, for sections that collect their own
// samples instead of going through tinybench (tracing-overhead.ts): the median,
// and the relative margin of error of the mean as tinybench defines it (95%
// two-sided Student's t interval, as a percentage of the mean).

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

/** Relative margin of error of the mean, percent; 0 for fewer than two samples. */
export function rmePercent(samples: readonly number[]): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mean = samples.reduce((s, x) => s + x, 0) / n;
  const variance = samples.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  const t = n - 1 <= T_975.length ? T_975[n - 2] : 1.96;
  return ((t * Math.sqrt(variance / n)) / mean) * 100;
}
