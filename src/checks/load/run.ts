import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configHash, mergeShards, shardLoad, toShardResult, type ShardResult } from '../../scale/shards.js';
import { share } from '../../scale/shard-spec.js';
import type { LoadConfig, LoadRequestConfig } from './schema.js';
import { createHistogram, encodeHistogram, mergeHistograms, recordMs, summarize, type Histogram } from '../../scale/histogram.js';
import type { FailureClass, LoadRequestResult, LoadResult } from '../../core/types.js';
import type { Clock } from '../../ports.js';
import { classify, type HttpClient } from '../../http/client.js';
import { sendWithRetry } from '../../http/retry.js';
import { encodeBody, headerValues, joinUrl } from '../../http/target.js';
import type { z } from 'zod';
import type { headerValueSchema } from '../../config/fields.js';

/** The requests a load config sends: its `requests`, or one GET of the target URL. */
export function loadRequestsOf(load: LoadConfig): LoadRequestConfig[] {
  return load.requests ?? [{ name: 'target', path: '', method: 'GET' }];
}

interface Counters {
  responses: number;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  mismatches: number;
  statusCodes: Record<string, number>;
  firstError?: { class: FailureClass; message: string };
}

const zeroCounters = (): Counters => ({ responses: 0, non2xx: 0, socketErrors: 0, timeouts: 0, mismatches: 0, statusCodes: {} });

interface OneRun {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly connections: number;
  readonly durationMs: number;
  readonly amount?: number;
  readonly rate?: number;
  readonly timeoutMs: number;
  readonly expectBodyContains?: string;
}

/**
 * One autocannon instance, in process. Every response's latency goes into an HDR histogram in
 * microseconds: a successful one (2xx, body as expected) into `hist`, a failed one into
 * `failedHist`, because a fast 503 is not latency. Errors are counted by kind. A hard deadline stops it even if the target never answers.
 */
function runOne(run: OneRun, clock: Clock, hist: Histogram | undefined, failedHist?: Histogram): Promise<Counters & { elapsedMs: number }> {
  return new Promise((resolve, reject) => {
    const c: Counters = zeroCounters();
    const started = clock.monotonic();
    // Only an uncapped `amount` run ends at its last response; keep the clock off the hot path otherwise.
    const endsAtLastResponse = run.amount !== undefined && !run.rate;
    let last = started;
    const contains = run.expectBodyContains;
    // autocannon emits `response` and then, for the same reply and synchronously, `reqMismatch`:
    // the status seen last is that reply's, and only a 2xx body mismatch is one more failure.
    let lastStatus = 0;
    // Which histogram a response belongs to is known once its mismatch (if any) was emitted, in the
    // same tick: the latency waits for a microtask.
    let lastReply: { ms: number; failed: boolean } | undefined;
    const file = (reply: { ms: number; failed: boolean }) => {
      const h = reply.failed ? failedHist : hist;
      if (h) recordMs(h, reply.ms);
    };
    // Under a rate cap, latency counts from when the rate meant to send the request, as wrk2 does:
    // each connection's n-th request is due at start + n / (its share of the rate). A stalled server
    // cannot hide its stall by holding back the requests that would have waited behind it.
    const fromIntended = run.rate !== undefined;
    const perConnectionRate = fromIntended ? run.rate! / Math.min(run.connections, run.rate!) : 0;
    const slots = new WeakMap<object, number>();
    const nextSlot = (client: object) => {
      const n = slots.get(client) ?? 0;
      slots.set(client, n + 1);
      return n;
    };
    const instance = autocannon(
      {
        url: run.url,
        method: run.method as autocannon.Request['method'],
        headers: run.headers,
        body: run.body,
        // autocannon refuses more connections than `amount`, and caps them at `overallRate` itself.
        connections: run.amount !== undefined ? Math.min(run.connections, run.amount) : run.connections,
        duration: run.durationMs / 1000,
        ...(run.amount !== undefined ? { amount: run.amount } : {}),
        ...(run.rate !== undefined ? { overallRate: run.rate } : {}),
        timeout: Math.max(1, Math.ceil(run.timeoutMs / 1000)),
        ...(contains ? { verifyBody: (b: unknown) => String(b).includes(contains) } : {}),
        setupClient: (client: NodeJS.EventEmitter) => {
          capBodies(client as AutocannonClient, LOAD_MAX_BODY_BYTES);
          // A request that failed used its slot too: its connection's schedule moves on.
          if (fromIntended) {
            client.on('timeout', () => nextSlot(client));
            client.on('connError', () => nextSlot(client));
          }
        },
        skipAggregateResult: true,
      },
      (err) => {
        clearTimeout(deadline);
        process.off('uncaughtException', crashed);
        if (err) reject(err);
        // autocannon ends on its one-second tick. An uncapped `amount` run really ended at its last
        // response; any other run spans until the tick (a rate cap sends in per-second bursts).
        else {
          const elapsedMs = (endsAtLastResponse && c.responses > 0 ? last : clock.monotonic()) - started;
          // The last replies' latencies are filed in microtasks queued before this one.
          queueMicrotask(() => resolve({ ...c, elapsedMs }));
        }
      },
    );
    // autocannon throws some errors from socket callbacks, out of reach of any promise: while it
    // runs, such an error stops this run and becomes the load check's failure, not the process's.
    const crashed = (err: Error) => {
      clearTimeout(deadline);
      process.off('uncaughtException', crashed);
      try {
        instance.stop();
      } catch {
        // already stopping
      }
      reject(new Error(`the load generator (autocannon) failed: ${err instanceof Error ? err.message : String(err)}`));
    };
    process.on('uncaughtException', crashed);
    // With `amount`, autocannon runs until that many responses arrive: `duration` bounds it in time.
    // Without, autocannon stops itself at `duration`; the deadline is a safety net.
    const deadline = setTimeout(() => instance.stop(), run.amount ? run.durationMs : run.durationMs + run.timeoutMs + 1000);
    (instance as unknown as NodeJS.EventEmitter).on('response', (client: { rate?: number }, status: number, _bytes: number, ms: number) => {
      c.responses++;
      lastStatus = status;
      if (endsAtLastResponse) last = clock.monotonic();
      let latency = ms;
      if (fromIntended) {
        const due = started + nextSlot(client) * (1000 / (client.rate || perConnectionRate));
        latency = Math.max(ms, clock.monotonic() - due);
      }
      const reply = { ms: latency, failed: status < 200 || status >= 300 };
      lastReply = reply;
      queueMicrotask(() => file(reply));
      c.statusCodes[status] = (c.statusCodes[status] ?? 0) + 1;
      if (status < 200 || status >= 300) c.non2xx++;
    });
    instance.on('reqError', (err: Error & { code?: string }) => {
      if (err.message === 'request timed out') c.timeouts++;
      else c.socketErrors++;
      if (!c.firstError) {
        const { cls, message } = classify(err, err.message === 'request timed out', run.timeoutMs);
        c.firstError = { class: cls, message };
      }
    });
    (instance as unknown as NodeJS.EventEmitter).on('reqMismatch', () => {
      if (lastStatus >= 200 && lastStatus < 300) {
        c.mismatches++;
        if (lastReply) lastReply.failed = true;
      }
    });
  });
}

type HeaderValue = z.infer<typeof headerValueSchema>;

/** What the load check keeps of one response body: enough for `expect-body-contains`, never a whole endless body. */
export const LOAD_MAX_BODY_BYTES = 1024 * 1024;

/** The parts of autocannon's (undocumented) client that the body cap reaches into. */
interface AutocannonClient extends NodeJS.EventEmitter {
  pipelinedRequests: { peek(): { body: string; lgOver?: boolean } | undefined; addBody(data: Buffer | string): void };
  parser: { initialize(type: string): void };
  destroyed: boolean;
  _destroyConnection(): void;
  _connect(): void;
}

/**
 * autocannon appends every body chunk to a string, so an endless body grows until the process
 * dies (`RangeError: Invalid string length`). Past `cap` bytes the rest is dropped, the request
 * counts as an error of class `body`, and the connection is dropped and opened again (with a
 * fresh parser: the old one is in the middle of the endless body).
 */
function capBodies(client: AutocannonClient, cap: number): void {
  const q = client.pipelinedRequests;
  q.addBody = (data) => {
    const req = q.peek();
    if (!req || req.lgOver) return;
    const text = String(data);
    if (req.body.length + text.length <= cap) {
      req.body += text;
      return;
    }
    req.lgOver = true;
    setImmediate(() => {
      if (client.destroyed) return;
      const err = Object.assign(new Error(`a response body went past ${cap} bytes (the load check keeps at most ${cap} bytes of a response), so the connection was dropped`), { code: 'LG_BODY_TOO_LARGE' });
      client.emit('connError', err);
      client._destroyConnection();
      client.parser.initialize(RESPONSE_PARSER);
      client._connect();
    });
  };
}
/** http-parser-js's HTTPParser.RESPONSE. */
const RESPONSE_PARSER = 'RESPONSE';

export interface LoadTarget {
  readonly baseUrl: string;
  readonly headers?: Readonly<Record<string, HeaderValue>>;
}

/** Runs the configured load: an optional warm-up, then every request concurrently with its share of connections and rate. */
export async function runLoad(load: LoadConfig, target: LoadTarget, clock: Clock, now: () => Date, http?: HttpClient): Promise<LoadResult> {
  const requests = loadRequestsOf(load);
  const n = requests.length;
  const runs: OneRun[] = requests.map((r, i) => {
    const headers = headerValues(target.headers, r.headers);
    const body = encodeBody(r.body, headers);
    return {
      url: joinUrl(target.baseUrl, r.path),
      method: r.method,
      headers,
      body,
      connections: Math.max(1, share(load.connections, n, i)),
      durationMs: load.duration,
      // No floor: the sum of the slices never exceeds the configured cap; a slice of 0 sends nothing.
      amount: load.amount !== undefined ? share(load.amount, n, i) : undefined,
      rate: load.rate !== undefined ? share(load.rate, n, i) : undefined,
      timeoutMs: load.timeout,
      expectBodyContains: r['expect-body-contains'],
    };
  });

  const live = runs.map((r) => r.amount !== 0 && r.rate !== 0);
  const idleReason = (r: OneRun) =>
    `sends nothing: its share of the ${r.rate === 0 ? `rate (${load.rate}/s)` : `amount (${load.amount})`} is 0, because the cap is split into more slices than it has requests; the sum of the slices never exceeds the cap`;
  const idleNotes = runs.flatMap((r, i) => (live[i] ? [] : [`load: ${requests[i]!.name} ${idleReason(r)}`]));
  const fromIntended = load.rate !== undefined;
  if (!live.some(Boolean)) {
    const startedAt = now().toISOString();
    const results = runs.map((r, i) => ({ ...toResult(requests[i]!.name, r, { ...zeroCounters(), elapsedMs: 0 }, createHistogram(), startedAt, fromIntended), errorRate: 0, idle: idleReason(r) }));
    return { ...shape(load), requests: results, overall: { ...results[0]!, name: 'all' }, notes: idleNotes };
  }

  // One plain request first: a target that cannot be reached is reported at once, not hammered for
  // the whole duration. The caps count it: with `amount` there is none (the amount itself bounds
  // what a dead target receives), and under `rate` the load starts one interval after it, so no
  // second ever holds more than the rate.
  if (http && load.amount === undefined) {
    const unreachable = await preflight(load, runs.filter((_, i) => live[i]), requests.filter((_, i) => live[i]), http, now);
    if (unreachable) return unreachable;
    const slowest = Math.min(...runs.filter((_, i) => live[i]).map((r) => r.rate ?? Infinity));
    if (Number.isFinite(slowest)) await new Promise((r) => setTimeout(r, Math.ceil(1000 / slowest)));
  }

  const workers = load.workers === 'auto' ? Math.min(8, availableParallelism()) : load.workers;
  if (workers > 1) return runWithWorkers(load, target, workers, clock, now);

  if (load.warmup > 0) {
    // The warm-up keeps the caps: the rate, and with `amount` at most as many requests again.
    await Promise.all(runs.filter((_, i) => live[i]).map((r) => runOne({ ...r, durationMs: load.warmup }, clock, undefined)));
  }

  const startedAt = now().toISOString();
  const hists = runs.map(() => createHistogram());
  const failedHists = runs.map(() => createHistogram());
  const counters = await Promise.all(runs.map((r, i) => (live[i] ? runOne(r, clock, hists[i], failedHists[i]) : Promise.resolve({ ...zeroCounters(), elapsedMs: 0 }))));
  const results: LoadRequestResult[] = counters.map((c, i) => {
    const res = toResult(requests[i]!.name, runs[i]!, c, hists[i]!, startedAt, fromIntended, failedHists[i]);
    return live[i] ? res : { ...res, errorRate: 0, idle: idleReason(runs[i]!) };
  });
  const all = mergeHistograms(hists);
  const overallElapsed = Math.max(...counters.map((c) => c.elapsedMs));
  const total = counters.reduce(
    (a, c) => ({
      responses: a.responses + c.responses,
      non2xx: a.non2xx + c.non2xx,
      socketErrors: a.socketErrors + c.socketErrors,
      timeouts: a.timeouts + c.timeouts,
      mismatches: a.mismatches + c.mismatches,
      statusCodes: mergeCounts(a.statusCodes, c.statusCodes),
      firstError: a.firstError ?? c.firstError,
      elapsedMs: overallElapsed,
    }),
    { ...zeroCounters(), elapsedMs: overallElapsed } as Counters & { elapsedMs: number },
  );
  const overall = toResult('all', { ...runs[0]!, method: n === 1 ? runs[0]!.method : 'MIXED', connections: load.connections }, total, all, startedAt, fromIntended, mergeHistograms(failedHists));
  return {
    ...shape(load),
    requests: results,
    overall: n === 1 ? { ...results[0]!, name: 'all' } : overall,
    ...(idleNotes.length ? { notes: idleNotes } : {}),
  };
}

function shape(load: LoadConfig): Pick<LoadResult, 'connections' | 'durationMs' | 'warmupMs' | 'amount' | 'rate'> {
  return {
    connections: load.connections,
    durationMs: load.duration,
    warmupMs: load.warmup,
    ...(load.amount !== undefined ? { amount: load.amount } : {}),
    ...(load.rate !== undefined ? { rate: load.rate } : {}),
  };
}

/**
 * One plain request before the load, tried twice: a target that cannot be reached is reported at
 * once rather than hammered, and one reset on the way is not an outage. The load replays this
 * request thousands of times anyway, so it is retried whatever its method.
 */
async function preflight(load: LoadConfig, runs: OneRun[], requests: LoadRequestConfig[], http: HttpClient, now: () => Date): Promise<LoadResult | undefined> {
  const first = runs[0]!;
  const { outcome: pre, attempts } = await sendWithRetry(
    http,
    { url: first.url, method: first.method, headers: first.headers, body: first.body, timeoutMs: load.timeout, maxBodyBytes: 64 * 1024 },
    { retries: 1, delayMs: 250, idempotent: true },
  );
  if (pre.kind !== 'error' || pre.class === 'status' || pre.class === 'body') return undefined;
  const startedAt = now().toISOString();
  const firstError = { class: pre.class, message: `${pre.message}${attempts > 1 ? ` (${attempts} attempts)` : ''}` };
  const dead = (r: OneRun, name: string) =>
    toResult(name, r, { ...zeroCounters(), socketErrors: attempts, firstError, elapsedMs: pre.latencyMs }, createHistogram(), startedAt, false);
  const results = runs.map((r, i) => dead(r, requests[i]!.name));
  return { ...shape(load), requests: results, overall: { ...results[0]!, name: 'all' } };
}

/** Where the bundled worker lives: dist/load-worker/index.js, found from this module's own place. */
export function workerPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    for (const candidate of [join(dir, 'load-worker', 'index.js'), join(dir, 'dist', 'load-worker', 'index.js')]) {
      if (existsSync(candidate)) return candidate;
    }
    dir = dirname(dir);
  }
  throw new Error('the load worker (dist/load-worker/index.js) is missing: run `npm run build`');
}

/**
 * Several load generator processes on one runner, so more CPUs generate more load. Each worker
 * runs its share as a shard; the parent merges them exactly, like a merge run merges a matrix.
 */
async function runWithWorkers(load: LoadConfig, target: LoadTarget, workers: number, clock: Clock, now: () => Date): Promise<LoadResult> {
  const single = { ...load, workers: 1 as const };
  const path = workerPath();
  const hash = configHash('workers', load);
  const children = new Set<ChildProcess>();
  const stopAll = () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill();
  };
  try {
    const parts = await Promise.all(
      Array.from({ length: workers }, (_, i) => {
        const spec = { index: i + 1, count: workers };
        const slice = shardLoad(single, spec);
        // A slice whose share of the rate or amount is 0 sends nothing: no process for it.
        if (slice.rate === 0 || slice.amount === 0) {
          return runLoad(slice, target, clock, now).then((r) => ({ result: toShardResult(r, spec, 'workers', hash), source: `worker ${spec.index}` }));
        }
        return new Promise<{ result: ShardResult; source: string }>((resolve, reject) => {
          const child = fork(path, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, LAUNCHGUARD_LOAD_WORKER: '1' } });
          children.add(child);
          let done = false;
          child.once('message', (msg: { ok: boolean; result?: LoadResult; error?: string }) => {
            done = true;
            if (msg.ok && msg.result) resolve({ result: toShardResult(msg.result, spec, 'workers', hash), source: `worker ${spec.index}` });
            else reject(new Error(`load worker ${spec.index} of ${workers} failed: ${msg.error ?? 'no result'}; the other workers were stopped`));
          });
          child.once('exit', (code, signal) => {
            children.delete(child);
            if (!done) reject(new Error(`load worker ${spec.index} of ${workers} exited (${signal ?? `code ${code}`}) before sending its result; the other workers were stopped`));
          });
          child.send({ load: slice, target });
        });
      }),
    );
    const merged = mergeShards(parts);
    const idle = parts.filter((p) => p.result.requests.every((r) => r.idle)).map((p) => p.source);
    const notes = idle.length ? [`load: ${idle.join(', ')} of ${workers} sent nothing: the rate or amount is smaller than the number of workers, and the sum of the slices never exceeds it`] : [];
    return { ...merged.load, ...(notes.length ? { notes } : {}) };
  } catch (err) {
    // One failed worker stops the others: its failure is the news, not a half-measured load.
    stopAll();
    throw err;
  }
}

function mergeCounts(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

function toResult(name: string, run: OneRun, c: Counters & { elapsedMs: number }, h: Histogram, startedAt: string, fromIntended: boolean, failed?: Histogram): LoadRequestResult {
  // A mismatch is counted only for a 2xx reply (a non-2xx is already a failure): never above 100 %.
  const errors = c.non2xx + c.socketErrors + c.timeouts + c.mismatches;
  const requests = c.responses + c.socketErrors + c.timeouts;
  return {
    name,
    method: run.method,
    url: run.url,
    connections: run.connections,
    startedAt,
    elapsedMs: Math.round(c.elapsedMs),
    requests,
    responses: c.responses,
    non2xx: c.non2xx,
    socketErrors: c.socketErrors,
    timeouts: c.timeouts,
    mismatches: c.mismatches,
    statusCodes: c.statusCodes,
    errorRate: requests === 0 ? 1 : Math.min(1, errors / requests),
    requestsPerSecond: c.elapsedMs > 0 ? Math.round((c.responses / c.elapsedMs) * 1000 * 10) / 10 : 0,
    latencyMs: summarize(h),
    histogram: encodeHistogram(h),
    ...(failed && failed.totalCount > 0 ? { failedLatencyMs: summarize(failed), failedHistogram: encodeHistogram(failed) } : {}),
    ...(c.firstError ? { firstError: c.firstError } : {}),
    ...(fromIntended ? { latencyFrom: 'intended' as const } : {}),
  };
}
