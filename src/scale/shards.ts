import { createHash } from 'node:crypto';
import { z } from 'zod';
import { UserError } from '../config/errors.js';
import { DEFAULT_MAX_IN_FLIGHT, isOpenModel, splitOpen, type LoadConfig } from '../checks/load/schema.js';
import { loadRequestCountsSchema, type LoadRequestCounts, type LoadRequestResult, type LoadResult } from '../checks/load/types.js';
import { addCounters, errorRate, failedOf, requestsPerSecond, sumOf } from './counters.js';
import { decodeHistogram, encodeHistogram, failedLatencyOf, mergeHistograms, summarize, type Histogram } from './histogram.js';
import { mergeStages, worstLag } from './stages.js';

/**
 * Load split across a job matrix: each shard run measures 1/N of the load and hands on its exact
 * HDR histogram and counters; a merge run combines them, so percentiles are those of all requests.
 */
export const SHARD_SCHEMA = 'launchguard.shard/v1';

export const shardResultSchema = z.object({
  schema: z.literal(SHARD_SCHEMA),
  shard: shardSpecSchema,
  environment: z.string(),
  /** The load config the shard ran, hashed: shards of different configs must not merge. */
  configHash: z.string(),
  requests: z.array(loadRequestCountsSchema).min(1),
});
export type ShardResult = z.infer<typeof shardResultSchema>;

export { parseShard, type ShardSpec } from './shard-spec.js';
import { share, shardSpecSchema, type ShardSpec } from './shard-spec.js';

/**
 * This shard's slice of the load: its share of connections, rate and amount. Rate and amount are
 * caps, so the slices never sum to more than the configured value: a slice may get 0 of them, and
 * then it sends nothing (and says so). Connections keep a floor of 1.
 */
export function shardLoad(load: LoadConfig, s: ShardSpec): LoadConfig {
  const part = (total: number) => share(total, s.count, s.index - 1);
  // Every request on every worker of every shard holds at least one slot of max-in-flight.
  const inFlight = load['max-in-flight'] ?? DEFAULT_MAX_IN_FLIGHT;
  const floors = s.count * (load.requests?.length ?? 1) * (typeof load.workers === 'number' ? load.workers : 1);
  if (isOpenModel(load) && floors > inFlight) {
    throw new UserError(`load.max-in-flight is ${inFlight}, below one request in flight per request per worker per shard (${floors} over ${s.count} shards); raise it, or use fewer shards or workers`);
  }
  return {
    ...load,
    connections: Math.max(1, part(load.connections)),
    ...(load.rate !== undefined ? { rate: part(load.rate) } : {}),
    ...(load.amount !== undefined ? { amount: part(load.amount) } : {}),
    ...splitOpen(load, s.count, s.index - 1),
  };
}

export function configHash(environment: string, load: LoadConfig): string {
  const { requests, connections, duration, amount, rate, warmup, timeout } = load;
  const open = load['arrival-rate'] || load.stages ? { open: [load['arrival-rate'] ?? null, load.stages ?? null, load['max-in-flight'] ?? null] } : {};
  const canonical = JSON.stringify({ environment, requests: requests ?? null, connections, duration, amount: amount ?? null, rate: rate ?? null, warmup, timeout, ...open });
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

export function toShardResult(load: LoadResult, spec: ShardSpec, environment: string, hash: string): ShardResult {
  return {
    schema: SHARD_SCHEMA,
    shard: spec,
    environment,
    configHash: hash,
    requests: load.requests.map((r) => ({
      name: r.name, method: r.method, url: r.url, connections: r.connections, startedAt: r.startedAt, elapsedMs: r.elapsedMs,
      requests: r.requests, responses: r.responses, non2xx: r.non2xx, socketErrors: r.socketErrors, timeouts: r.timeouts, mismatches: r.mismatches,
      statusCodes: { ...r.statusCodes }, histogram: r.histogram, ...(r.failedHistogram ? { failedHistogram: r.failedHistogram } : {}), ...(r.firstError ? { firstError: r.firstError } : {}),
      ...(r.latencyFrom ? { latencyFrom: r.latencyFrom } : {}), ...(r.idle ? { idle: r.idle } : {}),
      ...(r.model ? { model: r.model, targetRate: r.targetRate, dropped: r.dropped, stages: r.stages, ...(r.sendLagMs ? { sendLagMs: r.sendLagMs } : {}) } : {}),
    })),
  };
}

/** Reads one shard result from JSON text (a step output or a report's `shard` field); errors name the source. */
export function parseShardResult(text: string | unknown, source: string): ShardResult {
  let raw: unknown = text;
  if (typeof text === 'string') {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new UserError(`shards: ${source} is not valid JSON`);
    }
  }
  if (raw && typeof raw === 'object' && 'shard' in raw && (raw as { schema?: unknown }).schema === 'launchguard.report/v1') {
    raw = (raw as { shard: unknown }).shard; // a whole report file: take its shard result
  }
  const parsed = shardResultSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new UserError(`shards: ${source} is not a launchguard shard result (${i.path.join('.') || 'top level'}: ${i.message})`);
  }
  return parsed.data;
}

/** Total length of the union of [start, start + elapsed] windows, in ms: the time the shards together ran. */
export function unionMs(windows: readonly { start: number; end: number }[]): number {
  const sorted = [...windows].sort((a, b) => a.start - b.start);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const w of sorted) {
    if (w.start > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = w.start;
      curEnd = w.end;
    } else curEnd = Math.max(curEnd, w.end);
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

/** What the merge run itself would run: shards must match it, not merely each other. */
export interface MergeExpectation {
  /** configHash(environment, load) of the merge run's own config. */
  readonly configHash: string;
  /** Where the merge run's config says the load goes, per request name; absent when the merge run has no target. */
  readonly urls?: ReadonlyMap<string, string>;
}

/**
 * Checks the set (every shard 1..N exactly once, one config, each shard's numbers consistent) and
 * merges it: histograms exactly, counters summed, throughput over the union of the shards' time
 * windows. Every error names the shard.
 */
export function mergeShards(
  list: readonly { result: ShardResult; source: string }[],
  expect?: MergeExpectation,
): { load: LoadResult; environment: string; notes: string[] } {
  if (list.length === 0) throw new UserError('shards: no shard results were given');
  const count = list[0]!.result.shard.count;
  const seen = new Map<number, string>();
  for (const { result, source } of list) {
    const at = `shards: ${source} (shard ${result.shard.index}/${result.shard.count})`;
    if (result.shard.index > result.shard.count) {
      throw new UserError(`${at}: the index ${result.shard.index} is outside 1..${result.shard.count}`);
    }
    for (const r of result.requests) {
      if (!Number.isFinite(Date.parse(r.startedAt))) {
        throw new UserError(`${at}: request "${r.name}" has a start time that is not a timestamp: ${JSON.stringify(r.startedAt.slice(0, 40))}`);
      }
      if (r.responses > r.requests) {
        throw new UserError(`${at}: request "${r.name}" counts ${r.responses} responses but only ${r.requests} requests`);
      }
      let h: Histogram;
      try {
        h = decodeHistogram(r.histogram);
      } catch (err) {
        throw new UserError(`${at}: the histogram of request "${r.name}" is corrupt: ${(err as Error).message}`);
      }
      let failed = 0;
      if (r.failedHistogram !== undefined) {
        try {
          failed = decodeHistogram(r.failedHistogram).totalCount;
        } catch (err) {
          throw new UserError(`${at}: the failed responses' histogram of request "${r.name}" is corrupt: ${(err as Error).message}`);
        }
      }
      // The open model's dropped requests count in the histogram at `timeout`, as responses do.
      if (h.totalCount + failed !== r.responses + (r.dropped ?? 0)) {
        throw new UserError(`${at}: the histograms of request "${r.name}" hold ${h.totalCount + failed} latencies, but the counters say ${r.responses} responses${r.dropped ? ` and ${r.dropped} dropped` : ''}`);
      }
    }
    if (expect && result.configHash !== expect.configHash) {
      throw new UserError(`${at}: ran a different load config or environment than this merge run's own; run every shard and the merge from the same config`);
    }
    if (expect?.urls) {
      for (const r of result.requests) {
        const want = expect.urls.get(r.name);
        if (want !== undefined && want !== r.url) {
          throw new UserError(`${at}: request "${r.name}" went to ${r.url}, but this merge run's target gives ${want}; give every shard and the merge the same target-url`);
        }
      }
    }
    if (result.shard.count !== count) {
      throw new UserError(`shards: ${source} is shard ${result.shard.index}/${result.shard.count}, but ${list[0]!.source} says there are ${count} shards`);
    }
    const dup = seen.get(result.shard.index);
    if (dup) throw new UserError(`shards: shard ${result.shard.index}/${count} appears twice (${dup} and ${source})`);
    seen.set(result.shard.index, source);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length) throw new UserError(`shards: missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')}`);
  const ref = list[0]!;
  for (const { result, source } of list) {
    if (result.configHash !== ref.result.configHash || result.environment !== ref.result.environment) {
      throw new UserError(`shards: ${source} (shard ${result.shard.index}/${count}) ran a different load config or environment than ${ref.source} (shard ${ref.result.shard.index}/${count}); run every shard from the same config`);
    }
  }
  const notes: string[] = [];
  const windows = list
    .map(({ result }) => {
      const active = result.requests.filter((r) => r.requests > 0);
      if (active.length === 0) return undefined;
      const start = Math.min(...active.map((r) => Date.parse(r.startedAt)));
      return { index: result.shard.index, start, end: Math.max(...active.map((r) => Date.parse(r.startedAt) + r.elapsedMs)) };
    })
    .filter((w): w is NonNullable<typeof w> => w !== undefined)
    .sort((a, b) => a.start - b.start);
  let reach = -Infinity;
  const apart: string[] = [];
  for (const [i, w] of windows.entries()) {
    if (i > 0 && w.start >= reach) apart.push(`shard ${w.index}/${count} started ${new Date(w.start).toISOString()}, after the shards before it ended`);
    reach = Math.max(reach, w.end);
  }
  if (apart.length) {
    notes.push(`shards: not concurrent: the load was sequential (${apart.join('; ')}); each shard's target saw only its own share, and throughput is over the union of the windows`);
  }
  const idle = list.filter(({ result }) => result.requests.every((r) => r.idle)).map(({ result }) => `${result.shard.index}/${count}`);
  if (idle.length) notes.push(`shards: shard${idle.length > 1 ? 's' : ''} ${idle.join(', ')} sent nothing (their share of the rate or amount is 0)`);
  const names = ref.result.requests.map((r) => r.name);
  const merged: LoadRequestResult[] = names.map((name) => {
    const parts = list.map(({ result, source }) => {
      const r = result.requests.find((x) => x.name === name);
      if (!r) throw new UserError(`shards: ${source} has no request named "${name}"`);
      let h: Histogram;
      try {
        h = decodeHistogram(r.histogram);
      } catch (err) {
        throw new UserError(`shards: the histogram of request "${name}" in ${source} (shard ${result.shard.index}/${count}) is corrupt: ${(err as Error).message}`);
      }
      // Checked above: a corrupt failed histogram never gets this far.
      return { r, h, ...(r.failedHistogram ? { f: decodeHistogram(r.failedHistogram) } : {}) };
    });
    return combine(name, parts);
  });
  const all = combine('all', merged.map((r) => ({ r, h: decodeHistogram(r.histogram), ...(r.failedHistogram ? { f: decodeHistogram(r.failedHistogram) } : {}) })));
  const connections = all.connections;
  return {
    environment: ref.result.environment,
    notes,
    load: { connections, durationMs: Math.max(...merged.map((m) => m.elapsedMs)), warmupMs: 0, ...(all.model ? { model: all.model } : {}), requests: merged, overall: merged.length === 1 ? { ...merged[0]!, name: 'all' } : all },
  };
}

function combine(name: string, parts: { r: LoadRequestCounts; h: Histogram; f?: Histogram }[]): LoadRequestResult {
  const h = mergeHistograms(parts.map((p) => p.h));
  const failed = mergeHistograms(parts.flatMap((p) => (p.f ? [p.f] : [])));
  const counts = addCounters(parts.map((p) => p.r));
  // A slice that sent nothing has no window: it must not stretch the span.
  const active = parts.filter(({ r }) => r.requests > 0);
  const windows = (active.length ? active : parts).map(({ r }) => ({ start: Date.parse(r.startedAt), end: Date.parse(r.startedAt) + r.elapsedMs }));
  const span = unionMs(windows);
  const requests = sumOf(parts, (p) => p.r.requests);
  const first = parts[0]!.r;
  return {
    name,
    method: first.method,
    url: first.url,
    connections: sumOf(parts, (p) => p.r.connections),
    startedAt: new Date(Math.min(...windows.map((w) => w.start))).toISOString(),
    elapsedMs: Math.round(span),
    requests,
    responses: counts.responses,
    non2xx: counts.non2xx,
    socketErrors: counts.socketErrors,
    timeouts: counts.timeouts,
    mismatches: counts.mismatches,
    statusCodes: counts.statusCodes,
    errorRate: errorRate(failedOf(counts), requests, parts.every(({ r }) => r.idle)),
    requestsPerSecond: requestsPerSecond(counts.responses, span),
    latencyMs: summarize(h),
    histogram: encodeHistogram(h),
    ...failedLatencyOf(failed),
    ...(counts.firstError ? { firstError: counts.firstError } : {}),
    ...(parts.some(({ r }) => r.latencyFrom === 'intended') ? { latencyFrom: 'intended' as const } : {}),
    ...(parts.every(({ r }) => r.idle) ? { idle: parts[0]!.r.idle! } : {}),
    ...(parts.some(({ r }) => r.model) ? openOf(parts.map((p) => p.r)) : {}),
  };
}

/** The open model's fields of slices of one run: target rates and dropped requests summed, stages merged exactly. */
function openOf(list: readonly LoadRequestCounts[]): Partial<LoadRequestResult> {
  const stages = mergeStages(list.map((r) => r.stages));
  const lag = worstLag(list);
  return { model: 'open', targetRate: Number(sumOf(list, (r) => r.targetRate ?? 0).toPrecision(6)), dropped: sumOf(list, (r) => r.dropped ?? 0), ...(stages ? { stages } : {}), ...(lag ? { sendLagMs: lag } : {}) };
}
