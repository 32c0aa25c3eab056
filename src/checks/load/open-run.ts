import { availableParallelism } from 'node:os';
import type { HttpClient } from '../../http/client.js';
import { encodeBody, headerValues, joinUrl } from '../../http/target.js';
import type { Clock } from '../../ports.js';
import { addCounters, zeroCounters } from '../../scale/counters.js';
import { createHistogram, encodeHistogram, mergeHistograms, summarize } from '../../scale/histogram.js';
import { share } from '../../scale/shard-spec.js';
import { mergeStages, worstLag } from '../../scale/stages.js';
import { runWithWorkers } from '../../scale/workers.js';
import { runOpen, type OpenMeasured, type OpenRun } from './open-model.js';
import { expectedPerStage, perSecond, planIsIdle, planMs, splitPlan, type OpenPlan } from './open-schedule.js';
import { loadRequestsOf, preflight, toResult, type LoadTarget } from './run.js';
import { DEFAULT_MAX_IN_FLIGHT, openPlanOf, type LoadConfig } from './schema.js';
import type { LoadRequestResult, LoadResult, StageResult } from './types.js';

/** The open model's run: the schedule split over the requests, a preflight, workers, warm-up, then every request on its schedule. */

type Slice = OpenRun & { readonly connections: number };

/** The mean target rate of a plan, per second: what it means to start ÷ its length. */
const meanRate = (p: OpenPlan) => {
  const ms = planMs(p);
  // Six significant digits: a per-minute rate (1/m is 0.0166667/s) is not rounded away.
  return ms > 0 ? Number(((expectedPerStage(p).reduce((a, b) => a + b, 0) / ms) * 1000).toPrecision(6)) : 0;
};

export async function runOpenLoad(load: LoadConfig, target: LoadTarget, clock: Clock, now: () => Date, http?: HttpClient): Promise<LoadResult> {
  const requests = loadRequestsOf(load);
  const n = requests.length;
  const plan = openPlanOf(load);
  const maxInFlight = load['max-in-flight'] ?? DEFAULT_MAX_IN_FLIGHT;
  const runs: Slice[] = requests.map((r, i) => {
    const headers = headerValues(target.headers, r.headers);
    const inFlight = Math.max(1, share(maxInFlight, n, i));
    return {
      url: joinUrl(target.baseUrl, r.path),
      method: r.method,
      headers,
      body: encodeBody(r.body, headers),
      // The rate is split exactly: the requests' shares add up to the configured rate in every stage.
      plan: splitPlan(plan, n, i),
      maxInFlight: inFlight,
      connections: inFlight,
      timeoutMs: load.timeout,
      expectBodyContains: r['expect-body-contains'],
      ...(target.tls ? { tls: target.tls } : {}),
    };
  });
  const shape = {
    connections: maxInFlight,
    durationMs: planMs(plan),
    warmupMs: load.warmup,
    model: 'open' as const,
    maxInFlight,
  };
  const live = runs.map((r) => !planIsIdle(r.plan));
  const idleReason = 'sends nothing: the schedule is dealt round-robin over its slices (requests, workers, shards) and starts fewer requests than there are slices; together they start it exactly';
  const idleNotes = requests.flatMap((r, i) => (live[i] ? [] : [`load: ${r.name} ${idleReason}`]));
  const measured = (i: number, c: OpenMeasured | undefined, startedAt: string) => {
    const r = runs[i]!;
    const counts = c ?? { ...zeroCounters(), dropped: 0, elapsedMs: 0, stages: [] };
    const h = hists[i]!;
    return openResult(toResult(requests[i]!.name, r, counts, h, startedAt, true, failedHists[i], live[i] ? undefined : idleReason), r.plan, counts);
  };
  const hists = runs.map(() => createHistogram());
  const failedHists = runs.map(() => createHistogram());
  if (!live.some(Boolean)) {
    const results = runs.map((_, i) => measured(i, undefined, now().toISOString()));
    return { ...shape, requests: results, overall: { ...results[0]!, name: 'all' }, notes: idleNotes };
  }
  // One plain request first: a target that cannot be reached is reported at once, not scheduled at.
  if (http) {
    const unreachable = await preflight(load, runs.filter((_, i) => live[i]), requests.filter((_, i) => live[i]), http, now);
    if (unreachable) return { ...unreachable, ...shape };
  }
  // `auto` never splits max-in-flight below one slot per request per worker (the config refuses that for a number).
  const workers = load.workers === 'auto' ? Math.max(1, Math.min(8, availableParallelism(), Math.floor(maxInFlight / n))) : load.workers;
  if (workers > 1) return runWithWorkers(load, target, workers, (slice) => runOpenLoad(slice, target, clock, now));

  if (load.warmup > 0) {
    // The warm-up holds the starting rate (the first stage's target when the ramp starts at 0).
    await Promise.all(
      runs.filter((_, i) => live[i]).map((r) => {
        const rate = r.plan.start.count > 0 ? r.plan.start : r.plan.stages[0]!.target;
        return runOpen({ ...r, plan: { start: rate, stages: [{ durationMs: load.warmup, target: rate }] } }, clock, createHistogram());
      }),
    );
  }
  const startedAt = now().toISOString();
  const counters = await Promise.all(runs.map((r, i) => (live[i] ? runOpen(r, clock, hists[i]!, failedHists[i]) : Promise.resolve(undefined))));
  const results = counters.map((c, i) => measured(i, c, startedAt));
  let overall: LoadRequestResult = { ...results[0]!, name: 'all' };
  if (n > 1) {
    const ran = counters.filter((c): c is OpenMeasured => c !== undefined);
    const total = { ...addCounters(ran), elapsedMs: Math.max(...ran.map((c) => c.elapsedMs)) };
    const all = toResult('all', { ...runs[0]!, method: 'MIXED', connections: maxInFlight }, total, mergeHistograms(hists), startedAt, true, mergeHistograms(failedHists));
    const lag = worstLag(results);
    overall = { ...all, model: 'open', targetRate: meanRate(plan), dropped: total.dropped ?? 0, ...stagesOf(mergeStages(results.map((r) => r.stages))), ...(lag ? { sendLagMs: lag } : {}) };
  }
  return { ...shape, requests: results, overall, ...(idleNotes.length ? { notes: idleNotes } : {}) };
}

const stagesOf = (stages: StageResult[] | undefined) => (stages ? { stages } : {});

/** A request's result with the open model's fields: its target rate, dropped requests and stages. */
function openResult(r: LoadRequestResult, plan: OpenPlan, c: OpenMeasured): LoadRequestResult {
  const expected = expectedPerStage(plan);
  let from = perSecond(plan.start);
  const stages: StageResult[] = plan.stages.map((s, i) => {
    const m = c.stages[i];
    const h = m?.hist ?? createHistogram();
    const requests = m?.requests ?? 0;
    const stageFrom = from;
    from = perSecond(s.target);
    return {
      from: stageFrom,
      target: perSecond(s.target),
      durationMs: s.durationMs,
      expected: Math.round(expected[i]! * 1000) / 1000,
      requests,
      dropped: m?.dropped ?? 0,
      achievedRate: Number(((requests / s.durationMs) * 1000).toPrecision(6)),
      histogram: encodeHistogram(h),
      latencyMs: summarize(h),
    };
  });
  return { ...r, model: 'open', targetRate: meanRate(plan), dropped: c.dropped, stages, ...(c.sendLagMs ? { sendLagMs: c.sendLagMs } : {}) };
}
