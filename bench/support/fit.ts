/**
 * Straight-line fits of the scaling figure (bench/scaling.ts): the cost per
 * unit of work as the least-squares slope over all sizes, and the linearity
 * check, the slope over the upper half of the sizes against the lower half.
 */

export interface Point {
  /** The size of the work (CPUs, disks, rows, processes, mounts). */
  n: number;
  /** CPU milliseconds per cycle at that size. */
  ms: number;
}

/** The least-squares line through `points`: milliseconds per unit and at zero. */
export function leastSquares(points: readonly Point[]): { slope: number; intercept: number } {
  const count = points.length;
  const meanN = points.reduce((s, p) => s + p.n, 0) / count;
  const meanMs = points.reduce((s, p) => s + p.ms, 0) / count;
  let covariance = 0;
  let variance = 0;
  for (const p of points) {
    covariance += (p.n - meanN) * (p.ms - meanMs);
    variance += (p.n - meanN) ** 2;
  }
  const slope = variance === 0 ? NaN : covariance / variance;
  return { slope, intercept: meanMs - slope * meanN };
}

/**
 * The slopes of the lower and the upper half of the sizes (sorted; the middle
 * point in both when their number is odd) and their ratio: 1 for a straight
 * line, above 1 when each unit costs more at large sizes.
 */
export function linearity(points: readonly Point[]): { lowSlope: number; highSlope: number; ratio: number } {
  const sorted = [...points].sort((a, b) => a.n - b.n);
  const half = Math.ceil(sorted.length / 2);
  const lowSlope = leastSquares(sorted.slice(0, half)).slope;
  const highSlope = leastSquares(sorted.slice(sorted.length - half)).slope;
  return { lowSlope, highSlope, ratio: highSlope / lowSlope };
}
