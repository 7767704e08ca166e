/**
 * Quantiles by linear interpolation between closest ranks (Hyndman–Fan type 7, as
 * PostgreSQL's percentile_cont, R's default and Excel's PERCENTILE.INC): for n sorted
 * values x[0..n-1] the p-quantile sits at h = (n-1)p, between x[floor h] and x[ceil h].
 * The median is the 0.5 quantile (the mean of the two middle values when n is even);
 * the middle-51 % band runs from the 0.245 to the 0.755 quantile.
 */
export function quantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of no values');
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

const BAND = { low: 0.245, high: 0.755 } as const;

export interface Distribution {
  readonly n: number;
  readonly mean: number;
  readonly median: number;
  readonly bandLow: number;
  readonly bandHigh: number;
  readonly min: number;
  readonly max: number;
}

/** Summarises values sorted ascending; figures rounded to two decimals. */
export function distribution(values: Float64Array): Distribution | undefined {
  const n = values.length;
  if (n === 0) return undefined;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  return {
    n,
    mean: round(sum / n),
    median: round(quantile(values, 0.5)),
    bandLow: round(quantile(values, BAND.low)),
    bandHigh: round(quantile(values, BAND.high)),
    min: round(values[0]),
    max: round(values[n - 1]),
  };
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}
