import { Pool, type Dispatcher } from 'undici';
import { classify } from '../../http/client.js';
import type { Clock } from '../../ports.js';
import { zeroCounters, type Counters } from '../../scale/counters.js';
import { createHistogram, recordMs, summarize, type Histogram } from '../../scale/histogram.js';
import { LOAD_MAX_BODY_BYTES } from './autocannon.js';
import { arrivals, type OpenPlan } from './open-schedule.js';

/**
 * The open-model generator: requests start at their intended times whether or not earlier ones
 * finished, up to `maxInFlight` at once; a request that cannot start on time is dropped and
 * counted. Latency runs from the intended start (as wrk2 measures it), so a stall shows for every
 * request that would have arrived during it.
 */

export interface OpenRun {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly plan: OpenPlan;
  readonly maxInFlight: number;
  readonly timeoutMs: number;
  readonly expectBodyContains?: string;
}

export interface StageCounts {
  requests: number;
  dropped: number;
  /** Successful responses' latencies from their intended start (µs). */
  readonly hist: Histogram;
}

export interface OpenMeasured extends Counters {
  dropped: number;
  /** How late the generator sent requests after their intended start, ms: its own lag, not the target's. */
  sendLagMs?: { p99: number; max: number };
  elapsedMs: number;
  readonly stages: StageCounts[];
}

class BodyTooLarge extends Error {
  readonly code = 'LG_BODY_TOO_LARGE';
}
class ResponseTimeout extends Error {
  readonly code = 'LG_RESPONSE_TIMEOUT';
}

/** Runs one request's schedule. `hist` gets the successful responses' latencies, `failedHist` the failed ones'. */
export function runOpen(run: OpenRun, clock: Clock, hist: Histogram, failedHist?: Histogram): Promise<OpenMeasured> {
  const url = new URL(run.url);
  const pool = new Pool(url.origin, {
    connections: run.maxInFlight,
    pipelining: 1,
    headersTimeout: run.timeoutMs,
    bodyTimeout: run.timeoutMs,
    keepAliveTimeout: 4000,
    // A connection that never completes (a SYN blackhole) is a timeout too, not undici's 10 s default.
    connect: { timeout: run.timeoutMs },
  });
  const opts: Dispatcher.DispatchOptions = { path: url.pathname + url.search, method: run.method as Dispatcher.HttpMethod, headers: run.headers, ...(run.body !== undefined ? { body: run.body } : {}) };
  const contains = run.expectBodyContains;
  const c: OpenMeasured = { ...zeroCounters(), dropped: 0, elapsedMs: 0, stages: run.plan.stages.map(() => ({ requests: 0, dropped: 0, hist: createHistogram() })) };
  const ends: number[] = [];
  for (const s of run.plan.stages) ends.push((ends.at(-1) ?? 0) + s.durationMs);
  const schedule = arrivals(run.plan);
  let stage = 0;
  let inFlight = 0;
  let closed = false;
  let scheduled = false;
  let t0 = 0;
  const lag = createHistogram();

  return new Promise<OpenMeasured>((resolve) => {
    let timer: NodeJS.Timeout | undefined;
    let deadline: NodeJS.Timeout | undefined;
    const timers = new Set<NodeJS.Timeout>();
    const finish = () => {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      clearTimeout(deadline);
      for (const t of timers) clearTimeout(t);
      // Requests still in flight at the deadline got no complete response in time.
      c.timeouts += inFlight;
      if (inFlight > 0 && !c.firstError) c.firstError = { class: 'timeout', message: `no complete response within ${run.timeoutMs} ms` };
      c.elapsedMs = clock.monotonic() - t0;
      const l = summarize(lag);
      if (l.count > 0) c.sendLagMs = { p99: l.p99, max: l.max };
      pool.destroy().catch(() => undefined);
      resolve(c);
    };
    const settled = () => {
      inFlight--;
      if (scheduled && inFlight === 0) finish();
    };
    const failed = (err: Error) => {
      if (closed) return;
      const { cls, message } = classify(err, false, run.timeoutMs);
      if (cls === 'timeout') c.timeouts++;
      else c.socketErrors++;
      if (!c.firstError) c.firstError = { class: cls, message };
      settled();
    };
    const launch = (intended: number, s: StageCounts, lagMs: number) => {
      if (inFlight >= run.maxInFlight) {
        c.dropped++;
        s.dropped++;
        // A dropped request counts in the percentiles at `timeout`: the most its user would have waited.
        recordMs(hist, run.timeoutMs);
        recordMs(s.hist, run.timeoutMs);
        return;
      }
      recordMs(lag, lagMs);
      inFlight++;
      s.requests++;
      let status = 0;
      let bytes = 0;
      let body = '';
      // `timeout` bounds the whole response, as in the closed model: a body that trickles or a
      // connection that hangs frees its slot at `timeout` and counts as a timeout.
      let done = false;
      let ctl: { abort(reason: Error): void } | undefined;
      const expired = () => new ResponseTimeout(`no complete response within ${run.timeoutMs} ms`);
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (done || closed) return;
        done = true;
        ctl?.abort(expired());
        c.timeouts++;
        if (!c.firstError) c.firstError = { class: 'timeout', message: `no complete response within ${run.timeoutMs} ms` };
        settled();
      }, run.timeoutMs);
      timers.add(timer);
      const end = () => {
        if (done) return false;
        done = true;
        clearTimeout(timer);
        timers.delete(timer);
        return true;
      };
      pool.dispatch(opts, {
        onRequestStart(controller) {
          ctl = controller;
          if (done) controller.abort(expired());
        },
        onResponseStart(_ctl, code) {
          status = code;
        },
        onResponseData(ctl, chunk) {
          bytes += chunk.length;
          if (bytes > LOAD_MAX_BODY_BYTES) ctl.abort(new BodyTooLarge(`a response body went past ${LOAD_MAX_BODY_BYTES} bytes (the load check keeps at most ${LOAD_MAX_BODY_BYTES} bytes of a response)`));
          else if (contains !== undefined) body += chunk.toString();
        },
        onResponseEnd() {
          if (!end() || closed) return;
          const ms = clock.monotonic() - t0 - intended;
          c.responses++;
          c.statusCodes[status] = (c.statusCodes[status] ?? 0) + 1;
          const ok = status >= 200 && status < 300;
          if (!ok) c.non2xx++;
          else if (contains !== undefined && !body.includes(contains)) c.mismatches++;
          if (ok && (contains === undefined || body.includes(contains))) {
            recordMs(hist, ms);
            recordMs(s.hist, ms);
          } else if (failedHist) recordMs(failedHist, ms);
          settled();
        },
        onResponseError(_ctl, err) {
          if (end()) failed(err);
        },
      });
    };
    let next = schedule.next();
    const tick = () => {
      timer = undefined;
      if (closed) return;
      const now = clock.monotonic() - t0;
      while (!next.done && next.value <= now) {
        const at = next.value;
        while (stage < ends.length - 1 && at >= ends[stage]!) stage++;
        launch(at, c.stages[stage]!, now - at);
        next = schedule.next();
      }
      if (!next.done) {
        timer = setTimeout(tick, next.value - now);
        return;
      }
      scheduled = true;
      if (inFlight === 0) finish();
      // Every wait is bounded: what has not answered a timeout after the last start is a timeout.
      else deadline = setTimeout(finish, run.timeoutMs + 1000);
    };
    t0 = clock.monotonic();
    tick();
  });
}
