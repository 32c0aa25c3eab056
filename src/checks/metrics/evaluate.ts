import type { EvalContext } from '../check.js';
import { builder, fail, finding, observe, ruled, type Builder } from '../legacy.js';
import type { EnvironmentConfig } from '../../config/schema.js';
import type { Level } from './schema.js';
import { originOf } from '../../core/url.js';
import { readPath, show } from '../../core/json-path.js';
import { family } from '../../incidents/observed.js';
import { fingerprint } from '../check.js';
import { round } from '../rendering.js';
import { label, rank, ruleSeverity, type RuleId, type Severity } from '../../core/severity.js';
import type { EndpointReading, Finding, ProbeResult } from '../../core/types.js';

export const DEFAULT_LEVELS: Readonly<Record<'cpu' | 'memory' | 'disk' | 'payment-success-rate', readonly Level[]>> = {
  cpu: [{ severity: 'sev3', above: 80 }],
  memory: [
    { severity: 'sev1', 'at-least': 95 },
    { severity: 'sev3', above: 85 },
  ],
  disk: [
    { severity: 'sev1', 'at-least': 95 },
    { severity: 'sev3', above: 90 },
  ],
  'payment-success-rate': [
    { severity: 'sev1', below: 50 },
    { severity: 'sev2', below: 90 },
    { severity: 'sev3', below: 95 },
  ],
};

interface Threshold {
  readonly name: string;
  readonly source: 'system' | 'usage';
  readonly field: string;
  readonly unit: string;
  readonly levels: readonly Level[];
  /** Built-in percent metrics: how the app reports the value (`fraction` is scaled to percent). */
  readonly scale?: 'percent' | 'fraction';
  /** Where the metric is declared, for messages. */
  readonly key?: string;
  /** Without a declared unit, a value in (0, 1] is ambiguous rather than a tiny percentage. */
  readonly strictUnit?: boolean;
}

/** Every threshold an environment declares, the built-in metrics with the guide's levels first. */
export function thresholdsOf(config: EnvironmentConfig): Threshold[] {
  const m = config.metrics;
  if (!m) return [];
  const out: Threshold[] = [];
  for (const name of ['cpu', 'memory', 'disk'] as const) {
    const f = m.system?.[name];
    if (f) out.push({ name, source: 'system', field: f.field, unit: '%', levels: f.levels ?? DEFAULT_LEVELS[name], key: `metrics.system.${name}`, ...(f.unit ? { scale: f.unit } : {}) });
  }
  const pay = m.usage?.['payment-success-rate'];
  if (pay) {
    out.push({ name: 'payment-success-rate', source: 'usage', field: pay.field, unit: '%', levels: pay.levels ?? DEFAULT_LEVELS['payment-success-rate'], key: 'metrics.usage.payment-success-rate', strictUnit: true, ...(pay.unit ? { scale: pay.unit } : {}) });
  }
  for (const t of m.thresholds) out.push(t);
  return out;
}

/** Why a percent metric's value cannot be read in its unit; undefined when it can. */
function unitProblemOf(t: Threshold, v: number): string | undefined {
  if (t.scale === 'fraction' && (v < 0 || v > 1)) {
    return `is ${v}, but ${t.key}.unit says fraction (0 to 1); is it a percentage? Set ${t.key}.unit: percent`;
  }
  if (t.scale === undefined && t.strictUnit && v > 0 && v <= 1) {
    return `is ${v}: a fraction (${round(v * 100)} %) or a percentage (${v} %)? Declare ${t.key}.unit: fraction or percent`;
  }
  return undefined;
}

function describeLevel(l: Level, unit: string): string {
  const u = unit ? ` ${unit}` : '';
  if (l.above !== undefined) return `> ${l.above}${u}`;
  if (l['at-least'] !== undefined) return `≥ ${l['at-least']}${u}`;
  if (l.below !== undefined) return `< ${l.below}${u}`;
  return `≤ ${l['at-most']}${u}`;
}

export function levelMatches(l: Level, v: number): boolean {
  if (l.above !== undefined) return v > l.above;
  if (l['at-least'] !== undefined) return v >= l['at-least'];
  if (l.below !== undefined) return v < l.below;
  return v <= (l['at-most'] as number);
}

/** The most severe level the value meets, if any. */
export function matchLevel(levels: readonly Level[], v: number): Level | undefined {
  let hit: Level | undefined;
  for (const l of levels) if (levelMatches(l, v) && (!hit || rank(l.severity) < rank(hit.severity))) hit = l;
  return hit;
}

export function evaluateMetrics(readings: readonly EndpointReading[], probes: readonly ProbeResult[], ctx: EvalContext): Builder {
  const b = builder();
  // Origins whose health probe failed: the same outage must not raise a second finding per endpoint.
  const failingOrigins = new Map(
    probes.flatMap((p) => {
      const origin = p.failure ? originOf(p.url) : undefined;
      return origin ? [[origin, p.name] as const] : [];
    }),
  );
  const bySource = new Map(readings.map((r) => [r.source, r]));

  for (const r of readings) {
    if (!r.failure) {
      observe(b, ctx, 'metrics', `${r.source}-endpoint`);
      continue;
    }
    const origin = originOf(r.url);
    const probe = origin ? failingOrigins.get(origin) : undefined;
    if (probe !== undefined) {
      // One outage, one finding: the failing health probe already reports it.
      b.notes.push(`metrics: ${r.source} endpoint not read (${r.failure.class}: ${r.failure.message}); the failing health probe ${probe} reports the outage`);
      b.rows.push({ check: 'metrics', subject: `${r.source} endpoint`, value: `not judged: ${r.failure.class} (${r.failure.message}), part of the outage of health probe ${probe}`, budget: 'JSON, 2xx', verdict: 'skip' });
      continue;
    }
    observe(b, ctx, 'metrics', `${r.source}-endpoint`);
    if (r.source === 'alerts' && r.truncated) {
      const f = truncatedAlerts(r, ctx);
      b.findings.push(f);
      b.rows.push({ check: 'metrics', subject: 'alerts endpoint', value: f.detail, budget: 'JSON, 2xx', verdict: 'fail', severity: f.severity });
      continue;
    }
    const f = ruled(ctx, 'metrics-unavailable', (s) =>
      finding(ctx, 'metrics', `${r.source}-endpoint`, 'metrics-unavailable', s, `${r.source} metrics endpoint unavailable`,
        `GET ${r.url}: ${r.failure!.class}: ${r.failure!.message}`, { classification: r.failure!.class }),
    );
    fail(b, f, r.url, { check: 'metrics', subject: `${r.source} endpoint`, value: `${r.failure.class}: ${r.failure.message}`, budget: 'JSON, 2xx' });
  }

  for (const t of thresholdsOf(ctx.config)) {
    const r = bySource.get(t.source);
    const budget = t.levels.map((l) => `${describeLevel(l, t.unit)} → ${label(l.severity)}`).join('; ');
    if (!r || r.failure) continue;
    const read = readPath(r.json, t.field);
    if (read.found && read.value === null) {
      b.notes.push(`metrics: ${t.name} has no value yet (field "${t.field}" is null)`);
      b.rows.push({ check: 'metrics', subject: t.name, value: 'no data', budget, verdict: 'skip' });
      continue;
    }
    observe(b, ctx, 'metrics', t.name);
    // JSON's 1e999 parses as Infinity: unreadable, never a value (it would read as a full disk).
    if (!read.found || typeof read.value !== 'number' || !Number.isFinite(read.value)) {
      const what = !read.found ? 'is missing' : typeof read.value === 'number' ? 'is not a finite number (too large to read)' : `is ${show(read.value)}, not a number`;
      // The fields the endpoint does have, so the fix is obvious.
      const has = read.found ? '' : `; the endpoint has ${fieldsOf(r.json)}`;
      const f = ruled(ctx, 'metrics-field-missing', (s) =>
        finding(ctx, 'metrics', t.name, 'metrics-field-missing', s, `metric ${t.name} cannot be read`,
          `field "${t.field}" of ${r.url} ${what}${has}; check ${t.key ? `${t.key}.field` : `metrics.${t.source}`} in the config`),
      );
      fail(b, f, r.url, { check: 'metrics', subject: t.name, value: `field ${what}`, budget });
      continue;
    }
    const value0 = read.value as number;
    const unitProblem = unitProblemOf(t, value0);
    if (unitProblem) {
      const f = ruled(ctx, 'metrics-field-missing', (s) =>
        finding(ctx, 'metrics', t.name, 'metrics-field-missing', s, `metric ${t.name} cannot be read`, `field "${t.field}" of ${r.url} ${unitProblem}`),
      );
      fail(b, f, r.url, { check: 'metrics', subject: t.name, value: `${value0}: unit unknown`, budget });
      continue;
    }
    // A fraction (0.991) is read as the percentage it is (99.1 %), never as 0.99 %.
    const v = t.scale === 'fraction' ? value0 * 100 : value0;
    const value = `${round(v)}${t.unit ? ` ${t.unit}` : ''}`;
    const hit = matchLevel(t.levels, v);
    if (!hit) {
      b.rows.push({ check: 'metrics', subject: t.name, value, budget, verdict: 'pass' });
      continue;
    }
    fail(b,
      finding(ctx, 'metrics', t.name, 'threshold', hit.severity, `${t.name} ${hit.above !== undefined || hit['at-least'] !== undefined ? 'too high' : 'too low'}`,
        `${t.name} is ${value}, which is ${describeLevel(hit, t.unit)} (field "${t.field}" of ${r.url})`,
        { measured: { value: v, unit: t.unit, budget: describeLevel(hit, t.unit) } }),
      r.url, { check: 'metrics', subject: t.name, value, budget });
  }

  const alerts = bySource.get('alerts');
  const ac = ctx.config.metrics?.alerts;
  if (alerts && ac && !alerts.failure) evaluateAlerts(alerts, ac, ctx, b);
  return b;
}

/**
 * An alerts body cut at its cap: the alerts before the cut are real, those after it unknown. One
 * finding at the worst parsed alert's severity, SEV2 when none could be parsed; never a pass, so
 * no severity setting switches it off.
 */
function truncatedAlerts(r: EndpointReading, ctx: EvalContext): Finding {
  const ac = ctx.config.metrics?.alerts;
  const list = !ac ? undefined : Array.isArray(r.json) ? r.json : (() => {
    const read = readPath(r.json, ac.items);
    return read.found && Array.isArray(read.value) ? read.value : undefined;
  })();
  let worst: Severity | undefined;
  let worstLevel = '';
  for (const item of list ?? []) {
    const raw = ac ? readPath(item, ac.level) : { found: false as const };
    const level = ALERT_LEVELS[raw.found ? String(raw.value).toLowerCase() : ''] ?? 'warning';
    const s = ruleSeverity(`alert-${level}`, ctx.severity);
    if (s && (!worst || rank(s) < rank(worst))) {
      worst = s;
      worstLevel = level;
    }
  }
  const n = list?.length ?? 0;
  const read = n > 0 ? `${n} alert${n === 1 ? '' : 's'} read before the cap, the worst ${worstLevel || 'switched off'}` : 'no alert could be read before the cap';
  return finding(ctx, 'metrics', 'alerts-endpoint', 'metrics-unavailable', worst ?? 'sev2', 'alerts endpoint body too large',
    `GET ${r.url}: ${r.failure!.message}; ${read}; the rest is unknown, so this is at least as severe as what was read`, { classification: 'body' });
}

const ALERT_LEVELS: Readonly<Record<string, 'critical' | 'warning' | 'info'>> = {
  critical: 'critical', fatal: 'critical', error: 'critical', high: 'critical', emergency: 'critical',
  warning: 'warning', warn: 'warning', medium: 'warning',
  info: 'info', notice: 'info', low: 'info',
};

function evaluateAlerts(
  r: EndpointReading,
  ac: NonNullable<NonNullable<EnvironmentConfig['metrics']>['alerts']>,
  ctx: EvalContext,
  b: Builder,
): void {
  const read = Array.isArray(r.json) ? { found: true as const, value: r.json } : readPath(r.json, ac.items);
  observe(b, ctx, 'metrics', 'alerts');
  if (!read.found || !Array.isArray(read.value)) {
    const f = ruled(ctx, 'metrics-field-missing', (s) =>
      finding(ctx, 'metrics', 'alerts', 'metrics-field-missing', s, 'app alerts cannot be read',
        `field "${ac.items}" of ${r.url} is ${read.found ? 'not a list' : 'missing'}; check metrics.alerts.items in the config`),
    );
    fail(b, f, r.url, { check: 'metrics', subject: 'app alerts', value: 'unreadable', budget: 'none active' });
    return;
  }
  // The list was read: every alert subject was looked at, also those of alerts that are gone.
  b.observed.push(family(fingerprint(ctx.environment, 'metrics', 'alert-')));
  const seen = new Set<string>();
  for (const [i, item] of read.value.entries()) {
    const rawLevel = readPath(item, ac.level);
    const levelName = rawLevel.found ? String(rawLevel.value).toLowerCase() : '';
    const level = ALERT_LEVELS[levelName] ?? 'warning';
    const msg = readPath(item, ac.message);
    const id = readPath(item, ac.id);
    const message = msg.found ? String(msg.value) : show(item);
    let subject = `alert-${slug(id.found ? String(id.value) : message) || String(i)}`;
    if (seen.has(subject)) subject = `${subject}-${i}`;
    seen.add(subject);
    const rule: RuleId = `alert-${level}`;
    const note = ALERT_LEVELS[levelName]
      ? ''
      : rawLevel.found
        ? ` (its level, read from key "${ac.level}", is ${show(rawLevel.value)}, not one of ${Object.keys(ALERT_LEVELS).join(', ')}; treated as warning)`
        : ` (it has no key "${ac.level}" for its level (metrics.alerts.level); it has ${fieldsOf(item)}; treated as warning)`;
    const f = ruled(ctx, rule, (s) =>
      finding(ctx, 'metrics', subject, rule, s, `app alert ${id.found ? String(id.value) : subject}`,
        `the app reports a ${level} alert: ${message}${note}`),
    );
    fail(b, f, r.url, { check: 'metrics', subject: `app alert ${id.found ? String(id.value) : i}`, value: `${level}: ${message}`, budget: 'none active' });
  }
  if (read.value.length === 0) b.rows.push({ check: 'metrics', subject: 'app alerts', value: 'none active', budget: 'none active', verdict: 'pass' });
}

/** The keys of a JSON document and one level down, for messages: "cpu, disk (used, percent)". Bounded: it is the target's text. */
export function fieldsOf(json: unknown): string {
  const keys = (v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : []);
  const name = (k: string) => (k.length > 40 ? `${k.slice(0, 37)}...` : k);
  const list = (ks: string[], max: number) => [...ks.slice(0, max).map(name), ...(ks.length > max ? [`… ${ks.length - max} more`] : [])];
  const top = keys(json);
  if (top.length === 0) return Array.isArray(json) ? 'a list, not an object' : 'no fields';
  const shown = list(top, 30).map((k, i) => {
    const key = top[i];
    const sub = key !== undefined && i < 30 ? keys((json as Record<string, unknown>)[key]) : [];
    return sub.length ? `${k} (${list(sub, 10).join(', ')})` : k;
  });
  return `the fields ${shown.join(', ')}`;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}
