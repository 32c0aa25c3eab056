import type { Budgets, EnvironmentConfig, IndexesConfig, Level, LoadConfig } from '../config/schema.js';
import { originOf } from './url.js';
import { collectionProblems, worstProblem } from './indexes.js';
import { judgeRegression, type Baseline } from './baseline.js';
import { formatMs } from '../config/duration.js';
import { readPath, show } from './json-path.js';
import { family } from './observed.js';
import { label, rank, ruleSeverity, type RuleId, type Severity, type SeverityOverrides } from './severity.js';
import type { CheckFailure, CheckName, CheckResults, EndpointReading, Evaluation, Finding, IndexesResult, LoadRequestResult, LoadResult, ProbeResult, ResultRow } from './types.js';

export interface EvalContext {
  readonly environment: string;
  readonly env: EnvironmentConfig;
  readonly severity: SeverityOverrides;
  /** The load baseline from history, when there is one. */
  readonly baseline?: Baseline;
}

/** Turns check results into result rows and findings. Pure: same input, same output. */
export function evaluate(results: CheckResults, ctx: EvalContext): Evaluation {
  const parts = [
    evaluateHealth(results.health ?? [], ctx),
    evaluateMetrics(results.metrics ?? [], results.health ?? [], ctx),
    ...(results.load ? [evaluateLoad(results.load, ctx)] : []),
    ...(results.indexes && ctx.env.indexes ? [evaluateIndexes(results.indexes, ctx.env.indexes, ctx)] : []),
    evaluateFailures(results.failures ?? [], ctx),
  ];
  return foldOutages({
    rows: parts.flatMap((p) => p.rows),
    findings: parts.flatMap((p) => p.findings),
    notes: parts.flatMap((p) => p.notes),
    observed: parts.flatMap((p) => p.observed),
  }, parts.flatMap((p) => p.at), ctx);
}

interface Builder {
  rows: ResultRow[];
  findings: Finding[];
  notes: string[];
  /** Fingerprints whose rule was evaluated, passing or failing (see observed.ts). */
  observed: string[];
  /** Findings of the metrics and load checks with the URL they judged and their row: an outage may fold them. */
  at: Located[];
}
interface Located {
  readonly finding: Finding;
  readonly url: string;
  readonly row: ResultRow;
}
const builder = (): Builder => ({ rows: [], findings: [], notes: [], observed: [], at: [] });

/** Pushes a failing row and its finding (when the rule is on), remembering the URL judged. */
function fail(b: Builder, f: Finding | undefined, url: string, row: Omit<ResultRow, 'verdict' | 'severity'>): void {
  const r: ResultRow = { ...row, verdict: 'fail', ...(f ? { severity: f.severity } : {}) };
  b.rows.push(r);
  if (!f) return;
  b.findings.push(f);
  b.at.push({ finding: f, url, row: r });
}

/**
 * One outage, one finding. When the health probe of an origin failed, the metrics and load
 * findings on that origin are part of the same outage: they become lines under the probe's
 * finding (which takes the worst severity among them), their rows say so, and their subjects
 * count as not checked this run, so the outage can neither open nor close their incidents.
 */
/** A failed probe that means its origin is down: no answer at all, or a 5xx. */
function originDown(f: Finding): boolean {
  switch (f.classification) {
    case 'dns':
    case 'refused':
    case 'reset':
    case 'timeout':
    case 'tls':
      return true;
    case 'status':
      return typeof f.measured?.value === 'number' && f.measured.value >= 500;
    default:
      return false;
  }
}

function foldOutages(e: Evaluation, located: readonly Located[], ctx: EvalContext): Evaluation {
  const outage = new Map<string, Finding>();
  for (const l of located) {
    // Only an origin that is down folds the rest: a probe that answers 404 or fails a body
    // assertion says nothing about the disk or the app's alerts, which keep findings of their own.
    if (l.finding.rule !== 'health-failed' || !originDown(l.finding)) continue;
    const origin = originOf(l.url);
    if (origin && !outage.has(origin)) outage.set(origin, l.finding);
  }
  if (outage.size === 0) return e;
  const folded = new Map<Finding, Finding>(); // part → its outage's finding
  for (const l of located) {
    const origin = originOf(l.url);
    const host = origin ? outage.get(origin) : undefined;
    if (host && l.finding.check !== 'health') folded.set(l.finding, host);
  }
  if (folded.size === 0) return e;
  const related = new Map<Finding, Finding[]>();
  for (const [part, host] of folded) related.set(host, [...(related.get(host) ?? []), part]);
  const prefix = `${ctx.environment}: `;
  const findings = e.findings.flatMap((f) => {
    if (folded.has(f)) return [];
    const parts = related.get(f);
    if (!parts) return [f];
    const worst = parts.reduce((w, p) => (rank(p.severity) < rank(w) ? p.severity : w), f.severity);
    return [{
      ...f,
      severity: worst,
      related: [...(f.related ?? []), ...parts.map((p) => `${label(p.severity)} ${p.title.startsWith(prefix) ? p.title.slice(prefix.length) : p.title}: ${p.detail}`)],
    }];
  });
  const rowOf = new Map(located.filter((l) => folded.has(l.finding)).map((l) => [l.row, folded.get(l.finding)!] as const));
  const rows = e.rows.map((r) => {
    const host = rowOf.get(r);
    if (!host) return r;
    const { severity: _s, ...rest } = r;
    return { ...rest, value: `${r.value} (part of the outage of health probe ${host.subject})` };
  });
  const gone = new Set([...folded.keys()].map((f) => f.fingerprint));
  return { ...e, findings, rows, observed: e.observed.filter((o) => !gone.has(o)) };
}

function observe(b: Builder, ctx: EvalContext, check: CheckName, ...subjects: string[]): void {
  for (const s of subjects) b.observed.push(fingerprint(ctx.environment, check, s));
}

export function fingerprint(environment: string, check: CheckName, subject: string): string {
  return `${environment}:${check}:${subject}`;
}

function finding(
  ctx: EvalContext,
  check: CheckName,
  subject: string,
  rule: string,
  severity: Severity,
  title: string,
  detail: string,
  extra: Partial<Pick<Finding, 'classification' | 'measured' | 'remediation'>> = {},
): Finding {
  return {
    fingerprint: fingerprint(ctx.environment, check, subject),
    environment: ctx.environment,
    check,
    subject,
    rule,
    severity,
    title: `${ctx.environment}: ${title}`,
    detail,
    ...extra,
  };
}

/** A rule's finding, or nothing when the config switched the rule off. */
function ruled(
  ctx: EvalContext,
  rule: RuleId,
  make: (s: Severity) => Finding,
): Finding | undefined {
  const s = ruleSeverity(rule, ctx.severity);
  return s === undefined ? undefined : make(s);
}

// ---------------------------------------------------------------- health

function evaluateHealth(probes: readonly ProbeResult[], ctx: EvalContext): Builder {
  const b = builder();
  for (const p of probes) {
    observe(b, ctx, 'health', p.name);
    const budget = p.latencyBudgetMs === undefined ? 'ok response' : `ok response, < ${formatMs(p.latencyBudgetMs)}`;
    const tries = p.attempts > 1 ? ` after ${p.attempts} attempts` : '';
    if (p.failure) {
      const f = ruled(ctx, 'health-failed', (s) =>
        finding(ctx, 'health', p.name, 'health-failed', s, `health probe ${p.name} failing`,
          `${p.method} ${p.url}: ${p.failure!.class}: ${p.failure!.message}${tries}`,
          { classification: p.failure!.class, measured: { value: p.status ?? p.failure!.class } }),
      );
      fail(b, f, p.url, { check: 'health', subject: p.name, value: `${p.failure.class}: ${p.failure.message}`, budget });
      continue;
    }
    const value = `HTTP ${p.status} in ${formatMs(p.latencyMs)}`;
    if (p.latencyBudgetMs !== undefined && p.latencyMs > p.latencyBudgetMs) {
      const f = ruled(ctx, 'health-latency', (s) =>
        finding(ctx, 'health', p.name, 'health-latency', s, `health probe ${p.name} slow`,
          `${p.method} ${p.url} answered in ${formatMs(p.latencyMs)}, over its budget of ${formatMs(p.latencyBudgetMs!)}`,
          { classification: 'latency', measured: { value: round(p.latencyMs), unit: 'ms', budget: p.latencyBudgetMs } }),
      );
      if (f) b.findings.push(f);
      b.rows.push({ check: 'health', subject: p.name, value, budget, verdict: 'fail', severity: f?.severity });
      continue;
    }
    b.rows.push({ check: 'health', subject: p.name, value, budget, verdict: 'pass' });
  }
  return b;
}

// ---------------------------------------------------------------- metrics

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
export function thresholdsOf(env: EnvironmentConfig): Threshold[] {
  const m = env.metrics;
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

function evaluateMetrics(readings: readonly EndpointReading[], probes: readonly ProbeResult[], ctx: EvalContext): Builder {
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

  for (const t of thresholdsOf(ctx.env)) {
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
  const ac = ctx.env.metrics?.alerts;
  if (alerts && ac && !alerts.failure) evaluateAlerts(alerts, ac, ctx, b);
  return b;
}

/**
 * An alerts body cut at its cap: the alerts before the cut are real, those after it unknown. One
 * finding at the worst parsed alert's severity, SEV2 when none could be parsed; never a pass, so
 * no severity setting switches it off.
 */
function truncatedAlerts(r: EndpointReading, ctx: EvalContext): Finding {
  const ac = ctx.env.metrics?.alerts;
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

// ---------------------------------------------------------------- load

export const DEFAULT_BUDGETS = { p50: 500, p95: 2000, 'error-rate': 1 } as const;
/** Error rate above this percentage is SEV2, whatever the budget (when the budget is lower). */
export const CRITICAL_ERROR_RATE = 5;

export interface ResolvedBudgets {
  readonly p50: number;
  readonly p95: number;
  /** Percent. */
  readonly errorRate: number;
}

export function resolveBudgets(...layers: (Budgets | undefined)[]): ResolvedBudgets {
  let p50: number = DEFAULT_BUDGETS.p50;
  let p95: number = DEFAULT_BUDGETS.p95;
  let errorRate: number = DEFAULT_BUDGETS['error-rate'];
  for (const b of layers) {
    if (b?.p50 !== undefined) p50 = b.p50;
    if (b?.p95 !== undefined) p95 = b.p95;
    if (b?.['error-rate'] !== undefined) errorRate = b['error-rate'];
  }
  return { p50, p95, errorRate };
}

const pct = (fraction: number) => `${round(fraction * 100)} %`;

function evaluateLoad(load: LoadResult, ctx: EvalContext): Builder {
  const b = builder();
  const cfg = ctx.env.load as LoadConfig | undefined;
  const byName = new Map((cfg?.requests ?? []).map((r) => [r.name, r]));
  b.notes.push(...(load.notes ?? []));
  const o0 = load.overall;
  b.notes.push(
    o0.latencyFrom === 'intended'
      ? `load: latency is measured from each request's intended send time under the rate cap${load.rate !== undefined ? ` of ${load.rate}/s` : ''} (as wrk2 does, against coordinated omission), so a stall counts for every request that waited behind it`
      : 'load: latency is measured from when each request was sent (no rate cap)',
  );
  let overallP95Breached = false;
  for (const r of load.requests) {
    const budgets = resolveBudgets(cfg?.budgets, byName.get(r.name)?.budgets);
    const breached = evaluateLoadRequest(r, budgets, ctx, b);
    if (breached || (r.responses === 0 && !r.idle)) overallP95Breached = true;
  }
  if (ctx.baseline && cfg && !overallP95Breached) {
    observe(b, ctx, 'load', 'p95-regression');
    const o = load.overall;
    const v = judgeRegression(o.latencyMs.p95, ctx.baseline, { thresholdPct: cfg.regression.threshold, floorMs: cfg.regression.floor });
    const value = `p95 ${formatMs(o.latencyMs.p95)} vs baseline ${formatMs(v.baselineP95)} (${v.deltaMs >= 0 ? '+' : ''}${round(v.deltaPct)} %)`;
    const subject = `p95 regression of ${load.requests.length === 1 ? load.requests[0]!.name : `all ${load.requests.length} requests`}`;
    const budget = `≤ baseline + max(${cfg.regression.threshold} %, 3 × MAD) = +${formatMs(v.bandMs)}, and +${formatMs(cfg.regression.floor)} floor`;
    if (v.regressed) {
      const f = ruled(ctx, 'load-regression', (s) =>
        finding(ctx, 'load', 'p95-regression', 'load-regression', s, 'load p95 regressed against the baseline',
          `p95 is ${formatMs(o.latencyMs.p95)}, ${formatMs(v.deltaMs)} (${round(v.deltaPct)} %) above the baseline ${formatMs(v.baselineP95)} of ${ctx.baseline!.runs.length} runs; the noise band is ${formatMs(v.bandMs)}`,
          { measured: { value: o.latencyMs.p95, unit: 'ms', budget: round(v.baselineP95 + v.bandMs) } }),
      );
      fail(b, f, o.url, { check: 'load', subject, value, budget });
    } else {
      b.rows.push({ check: 'load', subject, value, budget, verdict: 'pass' });
    }
  }
  return b;
}

/** Findings for one request's load; true when its p95 broke the budget. */
function evaluateLoadRequest(r: LoadRequestResult, budgets: ResolvedBudgets, ctx: EvalContext, b: Builder): boolean {
  const name = r.name;
  if (r.idle && r.requests === 0) {
    // Its share of the rate or amount is 0: it sent nothing on purpose, which is not an outage.
    b.rows.push({ check: 'load', subject: `${name} requests`, value: `none sent: ${r.idle}`, budget: '', verdict: 'skip' });
    return false;
  }
  observe(b, ctx, 'load', `${name}:unreachable`);
  if (r.responses === 0) {
    // Never a silent zero: a target that did not answer is an outage, graded as a failed probe.
    const cls = r.firstError?.class ?? 'timeout';
    const f = ruled(ctx, 'load-unreachable', (s) =>
      finding(ctx, 'load', `${name}:unreachable`, 'load-unreachable', s, `load target ${name} never answered`,
        `${r.method} ${r.url}: no response to ${r.requests} requests during the load test (${cls}: ${r.firstError?.message ?? 'no answer'})`,
        { classification: cls }),
    );
    fail(b, f, r.url, { check: 'load', subject: `${name} responses`, value: `none of ${r.requests} (${cls})`, budget: 'answers' });
    return false;
  }
  observe(b, ctx, 'load', `${name}:error-rate`);
  const l = r.latencyMs;
  const counts = `${r.non2xx} non-2xx, ${r.socketErrors} socket errors, ${r.timeouts} timeouts${r.mismatches ? `, ${r.mismatches} body mismatches` : ''} of ${r.requests}`;
  const failedRow = () => {
    const fl = r.failedLatencyMs;
    if (fl && fl.count > 0) {
      b.rows.push({ check: 'load', subject: `${name} failed responses`, value: `${fl.count}: p50 ${formatMs(fl.p50)}, p95 ${formatMs(fl.p95)}, max ${formatMs(fl.max)} (not latency: kept apart)`, budget: '', verdict: 'skip' });
    }
  };

  // Latency is that of successful responses: a fast 503 is not a fast service.
  if (l.count === 0) {
    const why = `no successful response (${r.responses} of ${r.responses} failed)`;
    b.rows.push({ check: 'load', subject: `${name} p95`, value: why, budget: `< ${formatMs(budgets.p95)}`, verdict: 'skip' });
    b.rows.push({ check: 'load', subject: `${name} p50`, value: why, budget: `< ${formatMs(budgets.p50)}`, verdict: 'skip' });
    failedRow();
    judgeErrorRate(r, budgets, counts, ctx, b);
    return true;
  }
  observe(b, ctx, 'load', `${name}:p50`);
  if (l.count >= MIN_P95_SAMPLES) observe(b, ctx, 'load', `${name}:p95`);

  // p95: SEV2 beyond twice the budget, SEV3 beyond it; from fewer than MIN_P95_SAMPLES successes, a note.
  let p95Breached = false;
  if (l.count < MIN_P95_SAMPLES) {
    p95Breached = true; // no p95 to judge, nor to compare with the baseline
    b.notes.push(`load: ${name}: too few samples for a p95 (${l.count} successful responses; a p95 needs ${MIN_P95_SAMPLES}): not judged against its budget`);
    b.rows.push({ check: 'load', subject: `${name} p95`, value: `${formatMs(l.p95)}: too few samples (${l.count} of ${MIN_P95_SAMPLES} needed)`, budget: `< ${formatMs(budgets.p95)}`, verdict: 'skip' });
  } else if (l.p95 > budgets.p95) {
    p95Breached = true;
    const critical = l.p95 > 2 * budgets.p95;
    const rule: RuleId = critical ? 'load-p95-critical' : 'load-p95';
    const f = ruled(ctx, rule, (s) =>
      finding(ctx, 'load', `${name}:p95`, rule, s, `load p95 over budget on ${name}`,
        `p95 latency of ${r.method} ${r.url} is ${formatMs(l.p95)}, over the ${formatMs(budgets.p95)} budget${critical ? ' by more than 2×' : ''} (p50 ${formatMs(l.p50)}, p99 ${formatMs(l.p99)}, ${l.count} successful responses)`,
        { classification: 'latency', measured: { value: l.p95, unit: 'ms', budget: budgets.p95 } }),
    );
    fail(b, f, r.url, { check: 'load', subject: `${name} p95`, value: formatMs(l.p95), budget: `< ${formatMs(budgets.p95)}` });
  } else {
    b.rows.push({ check: 'load', subject: `${name} p95`, value: formatMs(l.p95), budget: `< ${formatMs(budgets.p95)}`, verdict: 'pass' });
  }

  if (l.p50 > budgets.p50) {
    const f = ruled(ctx, 'load-p50', (s) =>
      finding(ctx, 'load', `${name}:p50`, 'load-p50', s, `load p50 over budget on ${name}`,
        `median latency of ${r.method} ${r.url} is ${formatMs(l.p50)}, over the ${formatMs(budgets.p50)} budget`,
        { classification: 'latency', measured: { value: l.p50, unit: 'ms', budget: budgets.p50 } }),
    );
    fail(b, f, r.url, { check: 'load', subject: `${name} p50`, value: formatMs(l.p50), budget: `< ${formatMs(budgets.p50)}` });
  } else {
    b.rows.push({ check: 'load', subject: `${name} p50`, value: formatMs(l.p50), budget: `< ${formatMs(budgets.p50)}`, verdict: 'pass' });
  }
  b.rows.push({ check: 'load', subject: `${name} p99 / max`, value: `${formatMs(Math.min(l.p99, l.max))} / ${formatMs(l.max)}`, budget: '', verdict: 'pass' });
  failedRow();
  judgeErrorRate(r, budgets, counts, ctx, b);
  return p95Breached;
}

/** A p95 from fewer successful responses than this is a note, not a budget verdict. */
export const MIN_P95_SAMPLES = 20;

/**
 * The Wilson score interval (95 %, z = 1.96) of `errors` out of `n`, as fractions: how sure a
 * measured error rate is. On 100 requests, 10 errors is 5.5 %–17.4 %.
 */
export function wilson(errors: number, n: number, z = 1.96): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const p = Math.min(1, Math.max(0, errors / n));
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * The error-rate budget, judged on the Wilson 95 % interval so a small sample cannot flip the
 * verdict: over budget when the interval's lower bound is above the budget, SEV2 when the lower
 * bound is above the critical level as well.
 */
function judgeErrorRate(r: LoadRequestResult, budgets: ResolvedBudgets, counts: string, ctx: EvalContext, b: Builder): void {
  const name = r.name;
  const { low, high } = wilson(Math.round(r.errorRate * r.requests), r.requests);
  const lowPct = low * 100;
  const interval = `95 % interval ${pct(low)}–${pct(high)}`;
  const value = `${pct(r.errorRate)} (${interval}; ${counts})`;
  const rateBudget = `< ${budgets.errorRate} %, judged on the interval's lower bound`;
  if (lowPct > budgets.errorRate) {
    const critical = lowPct > Math.max(CRITICAL_ERROR_RATE, budgets.errorRate);
    const rule: RuleId = critical ? 'load-error-rate-critical' : 'load-error-rate';
    const f = ruled(ctx, rule, (s) =>
      finding(ctx, 'load', `${name}:error-rate`, rule, s, `load error rate over budget on ${name}`,
        `error rate of ${r.method} ${r.url} is ${pct(r.errorRate)} (${interval}), over the ${budgets.errorRate} % budget${critical ? ` and the ${CRITICAL_ERROR_RATE} % critical level` : ''} even at the interval's lower bound (${counts})`,
        { measured: { value: round(r.errorRate * 100), unit: '%', budget: budgets.errorRate } }),
    );
    fail(b, f, r.url, { check: 'load', subject: `${name} error rate`, value, budget: rateBudget });
  } else {
    b.rows.push({ check: 'load', subject: `${name} error rate`, value, budget: rateBudget, verdict: 'pass' });
  }
  b.rows.push({ check: 'load', subject: `${name} throughput`, value: `${r.requestsPerSecond} req/s over ${formatMs(r.elapsedMs)}`, budget: '', verdict: 'pass' });
}

// ---------------------------------------------------------------- broken checks

/** A check that broke while running is its own finding: the other checks are judged all the same. */
function evaluateFailures(failures: readonly CheckFailure[], ctx: EvalContext): Builder {
  const b = builder();
  for (const x of failures) {
    const f = ruled(ctx, 'check-failed', (s) =>
      finding(ctx, x.check, 'check-failed', 'check-failed', s, `${x.check} check could not complete`, `the ${x.check} check stopped with an error: ${x.message}`),
    );
    if (f) b.findings.push(f);
    b.rows.push({ check: x.check, subject: `${x.check} check`, value: `error: ${x.message}`, budget: 'completes', verdict: 'fail', severity: f?.severity });
  }
  return b;
}

// ---------------------------------------------------------------- indexes

function evaluateIndexes(result: IndexesResult, cfg: IndexesConfig, ctx: EvalContext): Builder {
  const b = builder();
  b.notes.push(...result.notes);
  observe(b, ctx, 'indexes', 'connection');
  if (!result.connected) {
    const e = result.error!;
    const why = e.kind === 'auth' ? 'authentication failed' : 'cannot connect';
    const f = ruled(ctx, 'indexes-unreachable', (s) =>
      finding(ctx, 'indexes', 'connection', 'indexes-unreachable', s, `MongoDB ${result.database} unreachable`,
        `${why} to MongoDB at ${result.host} (database ${result.database}): ${e.message}`,
        { remediation: e.kind === 'auth' ? 'check the user and password in the MongoDB URI secret, and the authSource' : 'check the host, the port, the network access list and TLS settings in the MongoDB URI' }),
    );
    if (f) b.findings.push(f);
    b.rows.push({ check: 'indexes', subject: 'connection', value: `${why}: ${e.message}`, budget: 'connects', verdict: 'fail', severity: f?.severity });
    return b;
  }
  for (const c of result.collections) {
    observe(b, ctx, 'indexes', c.name);
    const declared = cfg.collections[c.name]?.length ?? 0;
    const problems = collectionProblems(cfg, c, result);
    const severity = worstProblem(problems, (r) => ruleSeverity(r, ctx.severity));
    const budget = `${declared} declared index${declared === 1 ? '' : 'es'}`;
    if (!severity) {
      const value = c.exists ? `${declared} of ${declared} present` : 'missing';
      b.rows.push({ check: 'indexes', subject: c.name, value, budget, verdict: problems.length ? 'skip' : 'pass' });
      continue;
    }
    // One finding per collection, listing everything wrong there: ten missing indexes are one incident.
    const fixes = problems.flatMap((p) => (p.fix ? [p.fix] : []));
    b.findings.push(
      finding(ctx, 'indexes', c.name, problems.length === 1 ? problems[0]!.rule : 'indexes', severity, `MongoDB indexes of ${c.name} need attention`,
        problems.map((p) => p.text).join('; '),
        { measured: { value: problems.length, unit: 'problems' }, ...(fixes.length ? { remediation: fixes.join('\n') } : {}) }),
    );
    b.rows.push({ check: 'indexes', subject: c.name, value: problems.map((p) => p.text).join('; '), budget, verdict: 'fail', severity });
  }
  for (const q of result.queries) {
    const value = q.error ? `not explained: ${q.error}` : q.collscan ? `COLLSCAN (${q.stages.join(' → ')})` : `${q.stages.join(' → ')}${q.indexName ? ` on ${q.indexName}` : ''}`;
    b.rows.push({ check: 'indexes', subject: `query ${q.name}`, value, budget: 'uses an index', verdict: q.error ? 'skip' : q.collscan ? 'fail' : 'pass' });
  }
  return b;
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

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

