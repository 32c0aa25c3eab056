import * as hdr from 'hdr-histogram-js';

/**
 * Latency histograms: values are recorded in microseconds with three significant digits, so a
 * 0.4 ms response reads as 0.4 ms, not 0, and percentiles are exact to 0.1 %.
 * The encoded form (HdrHistogram's compressed base64) merges exactly across runs and shards.
 */
export type Histogram = hdr.Histogram;

export function createHistogram(): Histogram {
  return hdr.build({
    bitBucketSize: 32,
    autoResize: true,
    lowestDiscernibleValue: 1,
    highestTrackableValue: 2,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: false,
  });
}

/** Records one latency given in (fractional) milliseconds. */
export function recordMs(h: Histogram, ms: number): void {
  h.recordValue(Math.max(1, Math.round(ms * 1000)));
}

export interface LatencySummary {
  readonly count: number;
  readonly min: number;
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

const ms3 = (us: number) => Math.round(us) / 1000;

/**
 * Percentiles in milliseconds. HDR reports a percentile as the top of its bucket, which can lie
 * above the largest value recorded: each is clamped to the recorded max, so p99 never reads above max.
 */
export function summarize(h: Histogram): LatencySummary {
  if (h.totalCount === 0) return { count: 0, min: 0, mean: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 };
  const max = h.maxValue;
  const at = (p: number) => ms3(Math.min(h.getValueAtPercentile(p), max));
  return {
    count: h.totalCount,
    min: ms3(h.minNonZeroValue),
    mean: ms3(Math.min(h.mean, max)),
    p50: at(50),
    p90: at(90),
    p95: at(95),
    p99: at(99),
    max: ms3(max),
  };
}

export function encodeHistogram(h: Histogram): string {
  return hdr.encodeIntoCompressedBase64(h);
}

/** Decodes an encoded histogram; throws a plain Error naming what was wrong. */
export function decodeHistogram(encoded: string): Histogram {
  try {
    const h = hdr.decodeFromCompressedBase64(encoded, 32, false);
    return h;
  } catch (err) {
    throw new Error(`not a valid encoded histogram (${(err as Error).message})`);
  }
}

export function mergeHistograms(list: readonly Histogram[]): Histogram {
  const out = createHistogram();
  for (const h of list) out.add(h);
  return out;
}

/** The failed responses' latencies as a result's fields: none when the histogram holds nothing. */
export function failedLatencyOf(h: Histogram | undefined): { failedLatencyMs?: LatencySummary; failedHistogram?: string } {
  return h && h.totalCount > 0 ? { failedLatencyMs: summarize(h), failedHistogram: encodeHistogram(h) } : {};
}
