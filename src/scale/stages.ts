import type { StageResult } from '../checks/load/types.js';
import { sumOf } from './counters.js';
import { decodeHistogram, encodeHistogram, mergeHistograms, summarize } from './histogram.js';

/**
 * The open model's stages merged exactly: slices of one run (requests, workers, shards) add their
 * targets, counts and histograms; repeats of one run (gate samples) add counts and histograms over
 * their summed time, so the rates stay per run.
 */
export function mergeStages(lists: readonly (readonly StageResult[] | undefined)[], repeats = false): StageResult[] | undefined {
  const present = lists.filter((l): l is readonly StageResult[] => l !== undefined && l.length > 0);
  if (present.length === 0) return undefined;
  const n = Math.min(...present.map((l) => l.length));
  return Array.from({ length: n }, (_, i) => {
    const parts = present.map((l) => l[i]!);
    const h = mergeHistograms(parts.map((p) => decodeHistogram(p.histogram)));
    const durationMs = parts[0]!.durationMs;
    const requests = sumOf(parts, (p) => p.requests);
    // Slices of one run share its runs; repeats add theirs, so rates are counts ÷ (duration × runs).
    const runs = repeats ? sumOf(parts, (p) => p.runs ?? 1) : (parts[0]!.runs ?? 1);
    const span = durationMs * runs;
    return {
      from: repeats ? parts[0]!.from : sumOf(parts, (p) => p.from),
      target: repeats ? parts[0]!.target : sumOf(parts, (p) => p.target),
      durationMs,
      ...(runs !== 1 ? { runs } : {}),
      expected: sumOf(parts, (p) => p.expected),
      requests,
      dropped: sumOf(parts, (p) => p.dropped),
      achievedRate: span > 0 ? Number(((requests / span) * 1000).toPrecision(6)) : 0,
      histogram: encodeHistogram(h),
      latencyMs: summarize(h),
    };
  });
}

/** The generator's send lag over slices or samples: the worst slice's p99 and max (an upper bound, never an average). */
export function worstLag(list: readonly { readonly sendLagMs?: { readonly p99: number; readonly max: number } | undefined }[]): { p99: number; max: number } | undefined {
  const lags = list.flatMap((r) => (r.sendLagMs ? [r.sendLagMs] : []));
  return lags.length ? { p99: Math.max(...lags.map((l) => l.p99)), max: Math.max(...lags.map((l) => l.max)) } : undefined;
}
