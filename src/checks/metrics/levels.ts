import { readPath } from '../../core/json-path.js';
import type { EnvironmentConfig } from '../../config/schema.js';
import { rank } from '../../core/severity.js';
import type { Level, MetricsConfig } from './schema.js';
import type { Held } from './sustained.js';

/** The guide's levels for the built-in metrics, used where the config gives none. */
export const DEFAULT_LEVELS: Readonly<Record<'cpu' | 'memory' | 'disk' | 'payment-success-rate', readonly Level[]>> = {
  // The guide: CPU > 80 % for 10 minutes, memory > 85 % for 10 minutes (sustained across runs).
  cpu: [{ severity: 'sev3', above: 80, for: { ms: 10 * 60_000 } }],
  memory: [
    { severity: 'sev1', 'at-least': 95 },
    { severity: 'sev3', above: 85, for: { ms: 10 * 60_000 } },
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

export interface Threshold {
  readonly name: string;
  readonly source: MetricsConfig['thresholds'][number]['source'];
  readonly field: string;
  readonly unit: string;
  readonly levels: readonly Level[];
  /** Built-in percent metrics: how the app reports the value (`fraction` is scaled to percent). */
  readonly scale?: NonNullable<NonNullable<NonNullable<MetricsConfig['system']>['cpu']>['unit']>;
  /** Where the metric is declared, for messages. */
  readonly key?: string;
  /** Without a declared unit, a value in (0, 1] is ambiguous rather than a tiny percentage. */
  readonly strictUnit?: boolean;
  /** A derived percentage, 100 × of ÷ to (then `field` only names it for messages). */
  readonly ratio?: { readonly of: string; readonly to: string };
  /** A counter judged by its increase per hour between runs. */
  readonly rate?: 'per-hour';
  readonly spike?: { readonly factor: number; readonly baseline: number; readonly 'min-count': number; readonly severity: Level['severity'] };
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
  for (const t of m.thresholds) {
    const { field, ratio, ...rest } = t;
    out.push({ ...rest, field: field ?? `${ratio!.of} ÷ ${ratio!.to}`, ...(ratio ? { ratio } : {}) });
  }
  return out;
}

/**
 * The threshold's value in the endpoint's JSON, as `readPath` gives it: the field, or for a ratio
 * 100 × of ÷ to (missing or null when either is; a division by 0 is not finite).
 */
export function readValue(json: unknown, t: Threshold): { found: true; value: unknown } | { found: false } {
  if (!t.ratio) return readPath(json, t.field);
  const of = readPath(json, t.ratio.of);
  const to = readPath(json, t.ratio.to);
  if (!of.found || !to.found) return { found: false };
  if (of.value === null || to.value === null) return { found: true, value: null };
  if (typeof of.value !== 'number') return of;
  if (typeof to.value !== 'number') return to;
  return { found: true, value: to.value === 0 ? Infinity : (100 * of.value) / to.value };
}

/**
 * Why a percent metric's value cannot be read in its unit; undefined when it can.
 * `fraction-out-of-range`: the config says fraction, the value is outside 0 to 1.
 * `ambiguous`: no unit declared where one is required, and the value is in (0, 1].
 */
export type UnitProblem = 'fraction-out-of-range' | 'ambiguous';

export function unitProblemOf(t: Threshold, v: number): UnitProblem | undefined {
  if (t.scale === 'fraction' && (v < 0 || v > 1)) return 'fraction-out-of-range';
  if (t.scale === undefined && t.strictUnit && v > 0 && v <= 1) return 'ambiguous';
  return undefined;
}

/** The value in the threshold's unit: a fraction (0.991) is read as the percentage it is (99.1 %), never as 0.99 %. */
export function scaled(t: Threshold, v: number): number {
  return t.scale === 'fraction' ? v * 100 : v;
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

/**
 * The most severe level the value meets whose `for:` held (a level without `for:` holds at once),
 * and the most severe met level still waiting for its `for:`, if it is more severe than the hit.
 */
export function levelHeld(levels: readonly Level[], v: number, held: (l: Level) => Held): { hit?: { level: Level; heldMs?: number }; pending?: { level: Level; held: Extract<Held, { held: false }> } } {
  const met = levels.filter((l) => levelMatches(l, v)).sort((a, b) => rank(a.severity) - rank(b.severity));
  let pending: { level: Level; held: Extract<Held, { held: false }> } | undefined;
  for (const l of met) {
    if (!l.for) return { hit: { level: l }, ...(pending ? { pending } : {}) };
    const h = held(l);
    if (h.held) return { hit: { level: l, heldMs: h.heldMs }, ...(pending ? { pending } : {}) };
    pending ??= { level: l, held: h };
  }
  return pending ? { pending } : {};
}

/** Whether a level bounds the value from above (`above`, `at-least`: too high) rather than from below (too low). */
export function isUpperLevel(l: Level): boolean {
  return l.above !== undefined || l['at-least'] !== undefined;
}
