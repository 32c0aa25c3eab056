import type { EndpointReading } from './types.js';
import type { ProbeResult } from '../health/types.js';
import { originOf } from '../../core/url.js';
import { fingerprint, grade, type EvalContext, type Graded, type Judged } from '../check.js';
import { evaluateAlerts, truncatedAlerts, withGrade, type AlertVerdict } from './alerts.js';
import { levelHeld, levelMatches, readValue, scaled, thresholdsOf, unitProblemOf, type Threshold, type UnitProblem } from './levels.js';
import { heldFor, ratePerHour, rateHeldFor, spikeOf, type Held, type Rate, type Spike } from './sustained.js';
import { medianInterval } from '../../history/judge/timeline.js';
import type { Level } from './schema.js';

export { DEFAULT_LEVELS, levelMatches, matchLevel, thresholdsOf, type Threshold } from './levels.js';

type Source = EndpointReading['source'];
type Failure = NonNullable<EndpointReading['failure']>;

/** Why a metric's field gave no number: it is not there (`json` is the endpoint's body), it is not finite, or it is something else. */
export type Unreadable =
  | { readonly problem: 'missing'; readonly json: unknown }
  | { readonly problem: 'not-finite' }
  | { readonly problem: 'not-a-number'; readonly value: unknown };

/** A verdict of the metrics check: structured facts, no text (see render.ts for the words). */
export type MetricsVerdict =
  /** A monitoring endpoint gave no JSON. */
  | { readonly kind: 'endpoint-failed'; readonly source: Source; readonly url: string; readonly failure: Failure; readonly graded?: Graded }
  /** A monitoring endpoint gave no JSON, on an origin whose health probe failed: that probe reports the outage (skip). */
  | { readonly kind: 'endpoint-in-outage'; readonly source: Source; readonly url: string; readonly failure: Failure; readonly probe: string }
  /** The metric's field is null: no data yet (skip). */
  | { readonly kind: 'field-null'; readonly threshold: Threshold }
  | { readonly kind: 'field-unreadable'; readonly threshold: Threshold; readonly url: string; readonly field: Unreadable; readonly graded?: Graded }
  /** A percent metric whose value cannot be read in its unit. */
  | { readonly kind: 'unit-unknown'; readonly threshold: Threshold; readonly url: string; readonly value: number; readonly problem: UnitProblem; readonly graded?: Graded }
  /** The value (in the threshold's unit) meets `level`, the most severe it meets. */
  | { readonly kind: 'level-hit'; readonly threshold: Threshold; readonly url: string; readonly value: number; readonly level: Level; readonly heldMs?: number; readonly graded: Graded }
  /** The value meets `level`, whose `for:` has not held yet (skip). */
  | { readonly kind: 'level-pending'; readonly threshold: Threshold; readonly value: number; readonly level: Level; readonly held: Extract<Held, { held: false }> }
  /** A counter's rate against the same hour of the week over its baseline (`graded` when it spiked). */
  | { readonly kind: 'spike'; readonly threshold: Threshold; readonly url: string; readonly spike: Spike; readonly graded?: Graded }
  /** A `rate: per-hour` threshold with no earlier reading next to this one (skip). */
  | { readonly kind: 'rate-unknown'; readonly threshold: Threshold; readonly why: 'no-earlier' | 'gap' }
  | { readonly kind: 'level-ok'; readonly threshold: Threshold; readonly value: number }
  | AlertVerdict;

/** Pure: the monitoring endpoints' readings judged against the config's levels, with the app's own alerts. */
export function evaluateMetrics(readings: readonly EndpointReading[], probes: readonly ProbeResult[], ctx: EvalContext): Judged<MetricsVerdict> {
  const verdicts: MetricsVerdict[] = [];
  const observed: string[] = [];
  const observe = (subject: string) => observed.push(fingerprint(ctx.environment, 'metrics', subject));
  // Origins whose health probe failed: the same outage must not raise a second finding per endpoint.
  const failingOrigins = new Map(
    probes.flatMap((p) => {
      const origin = p.failure ? originOf(p.url) : undefined;
      return origin ? [[origin, p.name] as const] : [];
    }),
  );
  const bySource = new Map(readings.map((r) => [r.source, r]));
  const fallback = ctx.history ? medianInterval(ctx.history.records.map((x) => ({ t: Date.parse(x.t) }))) : undefined;

  for (const r of readings) {
    if (!r.failure) {
      observe(`${r.source}-endpoint`);
      continue;
    }
    const origin = originOf(r.url);
    const probe = origin ? failingOrigins.get(origin) : undefined;
    if (probe !== undefined) {
      // One outage, one finding: the failing health probe already reports it.
      verdicts.push({ kind: 'endpoint-in-outage', source: r.source, url: r.url, failure: r.failure, probe });
      continue;
    }
    observe(`${r.source}-endpoint`);
    if (r.source === 'alerts' && r.truncated) {
      verdicts.push(truncatedAlerts(r, ctx));
      continue;
    }
    verdicts.push(withGrade({ kind: 'endpoint-failed', source: r.source, url: r.url, failure: r.failure }, grade(ctx, 'metrics-unavailable')));
  }

  for (const threshold of thresholdsOf(ctx.config)) {
    const r = bySource.get(threshold.source);
    if (!r || r.failure) continue;
    const read = readValue(r.json, threshold);
    if (read.found && read.value === null) {
      verdicts.push({ kind: 'field-null', threshold });
      continue;
    }
    // JSON's 1e999 parses as Infinity: unreadable, never a value (it would read as a full disk).
    if (!read.found || typeof read.value !== 'number' || !Number.isFinite(read.value)) {
      const field: Unreadable = !read.found
        ? { problem: 'missing', json: r.json }
        : typeof read.value === 'number' ? { problem: 'not-finite' } : { problem: 'not-a-number', value: read.value };
      observe(threshold.name);
      verdicts.push(withGrade({ kind: 'field-unreadable', threshold, url: r.url, field }, grade(ctx, 'metrics-field-missing')));
      continue;
    }
    const raw = read.value;
    const problem = unitProblemOf(threshold, raw);
    if (problem) {
      observe(threshold.name);
      verdicts.push(withGrade({ kind: 'unit-unknown', threshold, url: r.url, value: raw, problem }, grade(ctx, 'metrics-field-missing')));
      continue;
    }
    let value = scaled(threshold, raw);
    const history = ctx.history;
    let knownRate: Extract<Rate, { known: true }> | undefined;
    if (threshold.rate) {
      const rate = ratePerHour(history?.records, threshold.name, value, history?.now ?? 0, fallback);
      // No earlier reading to measure from: not judged this run (neither passing nor failing).
      if (!rate.known) {
        verdicts.push({ kind: 'rate-unknown', threshold, why: rate.why });
        continue;
      }
      value = rate.perHour;
      knownRate = rate;
      if (threshold.spike && history) {
        const sp = spikeOf(history.records, threshold.name, rate, history.now, threshold.spike, fallback);
        if (sp.known) observe(`${threshold.name}-spike`);
        verdicts.push({ kind: 'spike', threshold, url: r.url, spike: sp, ...(sp.known && sp.fired ? { graded: { rule: 'threshold', severity: threshold.spike.severity } } : {}) });
      }
      if (threshold.levels.length === 0) continue;
    }
    // A rate's `for:` holds over the intervals its rates cover (a rate is known only with a history).
    const held = (l: Level): Held => knownRate && history
      ? rateHeldFor(history.records, threshold.name, (v) => levelMatches(l, v), history.now, l.for!, knownRate, fallback)
      : heldFor(history?.records, threshold.name, (v) => levelMatches(l, v), history?.now ?? 0, l.for!, fallback);
    const { hit, pending } = levelHeld(threshold.levels, value, held);
    if (hit) {
      observe(threshold.name);
      verdicts.push({ kind: 'level-hit', threshold, url: r.url, value, level: hit.level, ...(hit.heldMs !== undefined ? { heldMs: hit.heldMs } : {}), graded: { rule: 'threshold', severity: hit.level.severity } });
    } else if (pending) {
      // Met, but not yet for as long as its `for:` asks: not judged this run, so an open incident stays as it is.
      verdicts.push({ kind: 'level-pending', threshold, value, level: pending.level, held: pending.held });
    } else {
      observe(threshold.name);
      verdicts.push({ kind: 'level-ok', threshold, value });
    }
  }

  const alerts = bySource.get('alerts');
  const ac = ctx.config.metrics?.alerts;
  if (alerts && ac && !alerts.failure) verdicts.push(...evaluateAlerts(alerts, ac, ctx, observed));
  return { verdicts, observed };
}
