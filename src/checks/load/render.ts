import { formatMs } from '../../config/duration.js';
import type { EvalContext, Judged, Rendered } from '../check.js';
import { pct, RenderedBuilder, round } from '../rendering.js';
import type { LoadVerdict } from './evaluate.js';
import type { LoadRequestResult } from './types.js';

/** The load verdicts in words: rows, findings (located at the URL they judged, for outage folding) and notes. */
export function renderLoad(judged: Judged<LoadVerdict>, ctx: EvalContext): Rendered {
  const b = new RenderedBuilder(ctx, 'load');
  for (const v of judged.verdicts) {
    switch (v.kind) {
      case 'load-notes':
        for (const n of v.notes) b.note(n);
        break;
      case 'latency-origin':
        b.note(
          v.open
            ? "load: open model: requests start on their schedule whether or not earlier ones finished, and latency is measured from each request's intended start (as wrk2 does), so a stall counts for every request that would have arrived during it"
            : v.from === 'intended'
            ? `load: latency is measured from each request's intended send time under the rate cap${v.rate !== undefined ? ` of ${v.rate}/s` : ''} (as wrk2 does, against coordinated omission), so a stall counts for every request that waited behind it`
            : 'load: latency is measured from when each request was sent (no rate cap)',
        );
        break;
      case 'arrival': {
        const share = v.targetRate > 0 ? ` (${round((v.achievedRate / v.targetRate) * 100)} %)` : '';
        const dropped = v.dropped === 0 ? 'none dropped' : `${v.dropped} dropped at max-in-flight${v.maxInFlight !== undefined ? ` ${v.maxInFlight}` : ''}, counted as errors`;
        if (v.dropped > 0) b.note(`load: each of the ${v.dropped} dropped requests counts in the latency percentiles at \`timeout\` (the most its user would have waited), so drops cannot hide a stall`);
        if (v.lateSends) {
          b.note(`load: the generator itself sent requests up to ${formatMs(v.lateSends.max)} late (p99 ${formatMs(v.lateSends.p99)}): its event loop lagged, so the target saw late bursts rather than the schedule; latency still runs from each intended start`);
        }
        b.row('arrival rate', `${rate(v.achievedRate)}/s started of ${rate(v.targetRate)}/s target${share} over ${formatMs(v.durationMs)}${v.runs ? ` × ${v.runs} samples` : ''}; ${dropped}`, 'open model', v.dropped === 0 ? 'pass' : 'fail');
        break;
      }
      case 'stage': {
        const ramp = v.fromRate === v.targetRate ? `${rate(v.targetRate)}/s` : `${rate(v.fromRate)}→${rate(v.targetRate)}/s`;
        const subject = `stage ${v.index + 1} (${ramp}, ${formatMs(v.durationMs)})`;
        const latency = v.successes > 0 ? `p50 ${formatMs(v.p50Ms)} / p95 ${formatMs(v.p95Ms)} / p99 ${formatMs(v.p99Ms)}` : 'no successful response';
        const value = `${latency}; ${rate(v.achievedRate)}/s started (${v.started} of ${round(v.expected)} scheduled)${v.dropped ? `, ${v.dropped} dropped` : ''}`;
        b.row(subject, value, 'from intended start', v.expected === 0 ? 'skip' : v.dropped === 0 ? 'pass' : 'fail');
        break;
      }
      case 'idle':
        b.row(`${v.request.name} requests`, `none sent: ${v.request.idle}`, '', 'skip');
        break;
      case 'unreachable': {
        const r = v.request;
        const cls = v.failureClass;
        const f = v.graded && b.finding(`${r.name}:unreachable`, v.graded, `load target ${r.name} never answered`,
          `${r.method} ${r.url}: no response to ${r.requests} requests during the load test (${cls}: ${r.firstError?.message ?? 'no answer'})`,
          { classification: cls });
        b.fail(`${r.name} responses`, `none of ${r.requests} (${cls})`, 'answers', f || undefined, r.url);
        break;
      }
      case 'no-success': {
        const r = v.request;
        const why = `no successful response (${r.responses} of ${r.responses} failed)`;
        b.row(`${r.name} p95`, why, `< ${formatMs(v.budgets.p95)}`, 'skip');
        b.row(`${r.name} p50`, why, `< ${formatMs(v.budgets.p50)}`, 'skip');
        break;
      }
      case 'p95-too-few': {
        const name = v.request.name;
        b.note(`load: ${name}: too few samples for a p95 (${v.successes} successful responses; a p95 needs ${v.needed}): not judged against its budget`);
        b.row(`${name} p95`, `${formatMs(v.p95Ms)}: too few samples (${v.successes} of ${v.needed} needed)`, `< ${formatMs(v.budgetMs)}`, 'skip');
        break;
      }
      case 'p95': {
        const r = v.request;
        const l = r.latencyMs;
        const budget = `< ${formatMs(v.budgetMs)}`;
        if (!v.over) {
          b.row(`${r.name} p95`, formatMs(v.p95Ms), budget, 'pass');
          break;
        }
        const f = v.graded && b.finding(`${r.name}:p95`, v.graded, `load p95 over budget on ${r.name}`,
          `p95 latency of ${r.method} ${r.url} is ${formatMs(v.p95Ms)}, over the ${formatMs(v.budgetMs)} budget${v.critical ? ' by more than 2×' : ''} (p50 ${formatMs(l.p50)}, p99 ${formatMs(l.p99)}, ${l.count} successful responses)`,
          { classification: 'latency', measured: { value: v.p95Ms, unit: 'ms', budget: v.budgetMs } });
        b.fail(`${r.name} p95`, formatMs(v.p95Ms), budget, f || undefined, r.url);
        break;
      }
      case 'p50': {
        const r = v.request;
        const budget = `< ${formatMs(v.budgetMs)}`;
        if (!v.over) {
          b.row(`${r.name} p50`, formatMs(v.p50Ms), budget, 'pass');
          break;
        }
        const f = v.graded && b.finding(`${r.name}:p50`, v.graded, `load p50 over budget on ${r.name}`,
          `median latency of ${r.method} ${r.url} is ${formatMs(v.p50Ms)}, over the ${formatMs(v.budgetMs)} budget`,
          { classification: 'latency', measured: { value: v.p50Ms, unit: 'ms', budget: v.budgetMs } });
        b.fail(`${r.name} p50`, formatMs(v.p50Ms), budget, f || undefined, r.url);
        break;
      }
      case 'p99-max':
        b.row(`${v.request.name} p99 / max`, `${formatMs(v.p99Ms)} / ${formatMs(v.maxMs)}`, '', 'pass');
        break;
      case 'failed-responses': {
        const fl = v.latency;
        b.row(`${v.request.name} failed responses`, `${fl.count}: p50 ${formatMs(fl.p50)}, p95 ${formatMs(fl.p95)}, max ${formatMs(fl.max)} (not latency: kept apart)`, '', 'skip');
        break;
      }
      case 'error-rate': {
        const r = v.request;
        const interval = `95 % interval ${pct(v.interval.low)}–${pct(v.interval.high)}`;
        const value = `${pct(v.errorRate)} (${interval}; ${counts(r)})`;
        const budget = `< ${v.budgetPct} %, judged on the interval's lower bound`;
        if (!v.over) {
          b.row(`${r.name} error rate`, value, budget, 'pass');
          break;
        }
        const f = v.graded && b.finding(`${r.name}:error-rate`, v.graded, `load error rate over budget on ${r.name}`,
          `error rate of ${r.method} ${r.url} is ${pct(v.errorRate)} (${interval}), over the ${v.budgetPct} % budget${v.critical ? ` and the ${v.criticalPct} % critical level` : ''} even at the interval's lower bound (${counts(r)})`,
          { measured: { value: round(v.errorRate * 100), unit: '%', budget: v.budgetPct } });
        b.fail(`${r.name} error rate`, value, budget, f || undefined, r.url);
        break;
      }
      case 'throughput':
        b.row(`${v.request.name} throughput`, `${v.requestsPerSecond} req/s over ${formatMs(v.elapsedMs)}`, '', 'pass');
        break;
      case 'regression': {
        const o = v.overall;
        const j = v.judgement;
        const p95 = o.latencyMs.p95;
        const value = `p95 ${formatMs(p95)} vs baseline ${formatMs(j.baselineP95)} (${j.deltaMs >= 0 ? '+' : ''}${round(j.deltaPct)} %)`;
        const subject = `p95 regression of ${v.requestNames.length === 1 ? v.requestNames[0]! : `all ${v.requestNames.length} requests`}`;
        const budget = `≤ baseline + max(${v.thresholdPct} %, 3 × MAD) = +${formatMs(j.bandMs)}, and +${formatMs(v.floorMs)} floor`;
        if (!j.regressed) {
          b.row(subject, value, budget, 'pass');
          break;
        }
        const f = v.graded && b.finding('p95-regression', v.graded, 'load p95 regressed against the baseline',
          `p95 is ${formatMs(p95)}, ${formatMs(j.deltaMs)} (${round(j.deltaPct)} %) above the baseline ${formatMs(j.baselineP95)} of ${v.baselineRuns} runs; the noise band is ${formatMs(j.bandMs)}`,
          { measured: { value: p95, unit: 'ms', budget: round(j.baselineP95 + j.bandMs) } });
        b.fail(subject, value, budget, f || undefined, o.url);
        break;
      }
    }
  }
  return b.done();
}

/** A rate per second as read: whole tenths from 100/s up, else three significant digits (1/m is 0.0167/s, not 0/s). */
export const rate = (n: number) => (n === 0 ? 0 : Math.abs(n) >= 100 ? Math.round(n * 10) / 10 : Number(n.toPrecision(3)));

/** A request's failures by kind, out of its requests. */
function counts(r: LoadRequestResult): string {
  return `${r.non2xx} non-2xx, ${r.socketErrors} socket errors, ${r.timeouts} timeouts${r.mismatches ? `, ${r.mismatches} body mismatches` : ''}${r.dropped ? `, ${r.dropped} dropped` : ''} of ${r.requests}`;
}
