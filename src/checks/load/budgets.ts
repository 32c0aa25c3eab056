import type { Budgets } from './schema.js';

/** The load check's budgets and the statistics it judges them with. */

export const DEFAULT_BUDGETS = { p50: 500, p95: 2000, 'error-rate': 1 } as const;
/** Error rate above this percentage is SEV2, whatever the budget (when the budget is lower). */
export const CRITICAL_ERROR_RATE = 5;
/** A p95 from fewer successful responses than this is a note, not a budget verdict. */
export const MIN_P95_SAMPLES = 20;

export interface ResolvedBudgets {
  readonly p50: number;
  readonly p95: number;
  /** Percent. */
  readonly errorRate: number;
}

/** The budgets in force: the defaults, overridden by each layer in turn (the environment's, then the request's). */
export function resolveBudgets(...layers: (Budgets | undefined)[]): ResolvedBudgets {
  let p50: number = DEFAULT_BUDGETS.p50;
  let p95: number = DEFAULT_BUDGETS.p95;
  let errorRate: number = DEFAULT_BUDGETS['error-rate'];
  for (const b of layers) {
    if (b?.p50 !== undefined) p50 = b.p50;
    if (b?.p95 !== undefined) p95 = b.p95;
    if (b?.['error-rate'] !== undefined) errorRate = b['error-rate'];
  }
  return { p50, p95, errorRate };
}

/**
 * The Wilson score interval (95 %, z = 1.96) of `errors` out of `n`, as fractions: how sure a
 * measured error rate is. On 100 requests, 10 errors is 5.5 %–17.4 %.
 */
export function wilson(errors: number, n: number, z = 1.96): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const p = Math.min(1, Math.max(0, errors / n));
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
