import { httpServer, type Running } from './servers.js';

/**
 * A target that stalls: from its first request on, it holds every answer that arrives in a stall
 * window until the window ends. It logs when each request arrived and each window it held, so a
 * test computes from its own log what a client arriving on schedule would see.
 */
export interface StallServer extends Running {
  /** performance.now() of every request's arrival, in order. */
  readonly arrivals: number[];
  /** The windows it stalled in, as performance.now() times. */
  readonly stalls: { start: number; end: number }[];
}

export async function stallServer(opts: { everyMs: number; stallMs: number; offsetMs: number } | undefined): Promise<StallServer> {
  const arrivals: number[] = [];
  const stalls: { start: number; end: number }[] = [];
  let first: number | undefined;
  const running = await httpServer((_req, res) => {
    const now = performance.now();
    arrivals.push(now);
    first ??= now;
    const since = now - first - (opts?.offsetMs ?? 0);
    if (opts && since >= 0 && since % opts.everyMs < opts.stallMs) {
      const k = Math.floor(since / opts.everyMs);
      const start = first + opts.offsetMs + k * opts.everyMs;
      const end = start + opts.stallMs;
      if (!stalls.some((s) => s.start === start)) stalls.push({ start, end });
      setTimeout(() => res.end('{"status":"ok"}'), end - now);
      return;
    }
    res.end('{"status":"ok"}');
  });
  return { ...running, arrivals, stalls };
}

/** Nearest-rank percentile of a list (sorted here). */
export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
}

/**
 * What clients arriving on schedule would see: the k-th arrives at `origin + k × 1000 / rate` and,
 * arriving in a stall window, waits until its end; otherwise it is answered at once.
 */
export function onScheduleLatencies(origin: number, rate: number, count: number, stalls: readonly { start: number; end: number }[]): number[] {
  return Array.from({ length: count }, (_, k) => {
    const at = origin + (k * 1000) / rate;
    const w = stalls.find((s) => at >= s.start && at < s.end);
    return w ? w.end - at : 0;
  });
}

/** Arrivals counted per second from the first. */
export function perSecondCounts(arrivals: readonly number[]): number[] {
  const out: number[] = [];
  const t0 = arrivals[0] ?? 0;
  for (const a of arrivals) {
    const i = Math.floor((a - t0) / 1000);
    out[i] = (out[i] ?? 0) + 1;
  }
  return Array.from(out, (v) => v ?? 0);
}
