import { median } from 'simple-statistics';
import { decodeHistogram, encodeHistogram, mergeHistograms, summarize } from './histogram.js';
import type { LoadRequestResult, LoadResult } from '../checks/load/types.js';
import { addCounters, sumOf } from './counters.js';
import { mergeStages, worstLag } from './stages.js';

/**
 * Several load samples as one result: the median of each metric, so a single noisy sample cannot
 * flip a gate. Counts are summed and the histogram is the exact merge of all samples.
 */
export function medianOfSamples(runs: readonly LoadResult[]): LoadResult {
  const first = runs[0]!;
  if (runs.length === 1) return first;
  const combine = (list: LoadRequestResult[]): LoadRequestResult => {
    const failed = list.flatMap((r) => (r.failedHistogram ? [decodeHistogram(r.failedHistogram)] : []));
    const failedAll = failed.length ? mergeHistograms(failed) : undefined;
    const m = (f: (r: LoadRequestResult) => number) => median(list.map(f));
    // Latency is that of successful responses: a sample with none has no latency to offer.
    const answered = list.filter((r) => r.latencyMs.count > 0);
    const lat = (answered.length ? answered : list).map((r) => r.latencyMs);
    const ml = (k: keyof LoadRequestResult['latencyMs']) => median(lat.map((l) => l[k]));
    const sum = (f: (r: LoadRequestResult) => number) => sumOf(list, f);
    const counts = addCounters(list);
    return {
      ...list[0]!,
      elapsedMs: sum((r) => r.elapsedMs),
      requests: sum((r) => r.requests),
      responses: counts.responses,
      non2xx: counts.non2xx,
      socketErrors: counts.socketErrors,
      timeouts: counts.timeouts,
      mismatches: counts.mismatches,
      statusCodes: counts.statusCodes,
      // The medians across samples, not a rate of the sums: one noisy sample cannot flip the gate.
      errorRate: m((r) => r.errorRate),
      requestsPerSecond: m((r) => r.requestsPerSecond),
      latencyMs: { count: sum((r) => r.latencyMs.count), min: ml('min'), mean: ml('mean'), p50: ml('p50'), p90: ml('p90'), p95: ml('p95'), p99: ml('p99'), max: ml('max') },
      histogram: encodeHistogram(mergeHistograms(list.map((r) => decodeHistogram(r.histogram)))),
      ...(failedAll ? { failedLatencyMs: summarize(failedAll), failedHistogram: encodeHistogram(failedAll) } : { failedLatencyMs: undefined, failedHistogram: undefined }),
      ...(counts.firstError ? { firstError: counts.firstError } : {}),
      // The open model: dropped requests summed, each stage over all samples' time.
      ...(counts.dropped !== undefined ? { dropped: counts.dropped } : {}),
      ...(list[0]!.stages ? { stages: mergeStages(list.map((r) => r.stages), true) } : {}),
      ...(worstLag(list) ? { sendLagMs: worstLag(list) } : {}),
    };
  };
  return {
    ...first,
    requests: first.requests.map((_, i) => combine(runs.map((s) => s.requests[i]!))),
    overall: combine(runs.map((s) => s.overall)),
    perSample: runs.map((s) => ({ p50: s.overall.latencyMs.p50, p95: s.overall.latencyMs.p95, p99: s.overall.latencyMs.p99, errorRate: s.overall.errorRate, requestsPerSecond: s.overall.requestsPerSecond })),
  };
}
