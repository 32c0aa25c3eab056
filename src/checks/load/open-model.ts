import { classify, readCa, type TlsOptions } from '../../http/client.js';
import type { Clock } from '../../ports.js';
import { zeroCounters, type Counters } from '../../scale/counters.js';
import { createHistogram, recordMs, summarize, type Histogram } from '../../scale/histogram.js';
import { LOAD_MAX_BODY_BYTES } from './autocannon.js';
import { arrivals, type OpenPlan } from './open-schedule.js';
import { asksClose, encodeRequest, OpenTransport, type Sink } from './open-transport.js';

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
  /** The environment's TLS settings for an https target (certificates are checked unless they say otherwise). */
  readonly tls?: TlsOptions;
}

/** A request in flight: when it was meant to start (ms from the run's start) and its stage's counts. */
interface Started {
  readonly intended: number;
  readonly stage: StageCounts;
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

/** Runs one request's schedule. `hist` gets the successful responses' latencies, `failedHist` the failed ones'. */
export function runOpen(run: OpenRun, clock: Clock, hist: Histogram, failedHist?: Histogram): Promise<OpenMeasured> {
  const url = new URL(run.url);
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
    const finish = () => {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      clearTimeout(deadline);
      // Requests still in flight at the deadline got no complete response in time.
      c.timeouts += inFlight;
      if (inFlight > 0 && !c.firstError) c.firstError = { class: 'timeout', message: `no complete response within ${run.timeoutMs} ms` };
      c.elapsedMs = clock.monotonic() - t0;
      const l = summarize(lag);
      if (l.count > 0) c.sendLagMs = { p99: l.p99, max: l.max };
      transport.close();
      resolve(c);
    };
    const settled = () => {
      inFlight--;
      if (scheduled && inFlight === 0) finish();
    };
    // Every outcome of a request started at `intended` (ms from the run's start) in stage `s`.
    const sink: Sink<Started> = {
      response(req, status, body) {
        if (closed) return;
        const ms = clock.monotonic() - t0 - req.intended;
        c.responses++;
        c.statusCodes[status] = (c.statusCodes[status] ?? 0) + 1;
        const ok = status >= 200 && status < 300;
        const matches = contains === undefined || body!.includes(contains);
        if (!ok) c.non2xx++;
        else if (!matches) c.mismatches++;
        if (ok && matches) {
          recordMs(hist, ms);
          recordMs(req.stage.hist, ms);
        } else if (failedHist) recordMs(failedHist, ms);
        settled();
      },
      failed(_req, err, timedOut) {
        if (closed) return;
        // `timeout` bounds the whole response, as in the closed model: a body that trickles or a
        // connection that hangs frees its slot at `timeout` and counts as a timeout.
        const { cls, message } = classify(err, timedOut, run.timeoutMs);
        if (cls === 'timeout') c.timeouts++;
        else c.socketErrors++;
        if (!c.firstError) c.firstError = { class: cls, message };
        settled();
      },
    };
    const transport = new OpenTransport<Started>(
      {
        url,
        request: encodeRequest(run.method, url, run.headers, run.body),
        head: run.method === 'HEAD',
        close: asksClose(Object.entries(run.headers).find(([k]) => k.toLowerCase() === 'connection')?.[1]),
        timeoutMs: run.timeoutMs,
        maxBodyBytes: LOAD_MAX_BODY_BYTES,
        keepBody: contains !== undefined,
        ...(url.protocol === 'https:' ? { tls: { rejectUnauthorized: run.tls?.rejectUnauthorized ?? true, ...(run.tls?.caFile ? { ca: readCa(run.tls.caFile) } : {}) } } : {}),
        now: () => clock.monotonic(),
      },
      sink,
    );
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
      transport.send({ intended, stage: s });
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
