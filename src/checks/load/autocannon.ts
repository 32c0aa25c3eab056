import autocannon from 'autocannon';
import { classify } from '../../http/client.js';
import type { Clock } from '../../ports.js';
import { zeroCounters, type Counters } from '../../scale/counters.js';
import { recordMs, type Histogram } from '../../scale/histogram.js';

/** The autocannon driver: one request's load, in process, with its counters and histograms. */

/** One request's share of the load, as autocannon runs it. */
export interface OneRun {
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
export function runOne(run: OneRun, clock: Clock, hist: Histogram | undefined, failedHist?: Histogram): Promise<Counters & { elapsedMs: number }> {
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
