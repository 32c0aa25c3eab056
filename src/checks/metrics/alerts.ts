import type { EnvironmentConfig } from '../../config/schema.js';
import { readPath, show } from '../../core/json-path.js';
import { rank, ruleSeverity, type RuleId, type Severity } from '../../core/severity.js';
import type { EndpointReading } from './types.js';
import { family } from '../../incidents/observed.js';
import { fingerprint, grade, type EvalContext, type Graded } from '../check.js';

export type AlertsConfig = NonNullable<NonNullable<EnvironmentConfig['metrics']>['alerts']>;
export type AlertLevel = 'critical' | 'warning' | 'info';
type Failure = NonNullable<EndpointReading['failure']>;

/** The level names apps use, each read as one of ours; any other is treated as a warning. */
export const ALERT_LEVELS: Readonly<Record<string, AlertLevel>> = {
  critical: 'critical', fatal: 'critical', error: 'critical', high: 'critical', emergency: 'critical',
  warning: 'warning', warn: 'warning', medium: 'warning',
  info: 'info', notice: 'info', low: 'info',
};

/** How an alert's level was read: a known name, a value that is none of them, or no level key at all (both read as warning). */
export type LevelRead =
  | { readonly how: 'known' }
  | { readonly how: 'unknown'; readonly raw: unknown }
  | { readonly how: 'missing' };

export type AlertVerdict =
  /** The alerts body went past its cap: graded at the worst alert read before it (`worstLevel` absent when all were switched off), SEV2 when none could be read. */
  | { readonly kind: 'alerts-truncated'; readonly url: string; readonly failure: Failure; readonly alertsRead: number; readonly worstLevel?: AlertLevel; readonly graded: Graded }
  /** The list of alerts is not at `items` (`found`: something is there, but not a list). */
  | { readonly kind: 'alerts-unreadable'; readonly url: string; readonly items: string; readonly found: boolean; readonly graded?: Graded }
  /** One active alert; `subject` is its fingerprint's, `id` its id when it has one, `message` the app's text (or the alert as JSON). */
  | {
    readonly kind: 'alert';
    readonly url: string;
    readonly subject: string;
    readonly index: number;
    readonly id?: string;
    readonly message: string;
    readonly level: AlertLevel;
    readonly levelRead: LevelRead;
    /** The config's key for the level (`metrics.alerts.level`). */
    readonly levelKey: string;
    readonly item: unknown;
    readonly graded?: Graded;
  }
  /** The list was read and is empty. */
  | { readonly kind: 'no-alerts' };

function levelOf(item: unknown, levelKey: string): { level: AlertLevel; levelRead: LevelRead } {
  const raw = readPath(item, levelKey);
  const name = raw.found ? String(raw.value).toLowerCase() : '';
  // An own key only: a level named "constructor" or "__proto__" is unknown, not Object's property.
  const known = Object.hasOwn(ALERT_LEVELS, name) ? ALERT_LEVELS[name] : undefined;
  const level = known ?? 'warning';
  const levelRead: LevelRead = known ? { how: 'known' } : raw.found ? { how: 'unknown', raw: raw.value } : { how: 'missing' };
  return { level, levelRead };
}

/**
 * An alerts body cut at its cap: the alerts before the cut are real, those after it unknown. One
 * verdict at the worst parsed alert's severity, SEV2 when none could be parsed; never a pass, so
 * no severity setting switches it off.
 */
export function truncatedAlerts(r: EndpointReading, ctx: EvalContext): AlertVerdict {
  const ac = ctx.config.metrics?.alerts;
  const list = !ac ? undefined : Array.isArray(r.json) ? r.json : (() => {
    const read = readPath(r.json, ac.items);
    return read.found && Array.isArray(read.value) ? read.value : undefined;
  })();
  let worst: Severity | undefined;
  let worstLevel: AlertLevel | undefined;
  for (const item of list ?? []) {
    const { level } = ac ? levelOf(item, ac.level) : { level: 'warning' as const };
    const s = ruleSeverity(`alert-${level}`, ctx.severity);
    if (s && (!worst || rank(s) < rank(worst))) {
      worst = s;
      worstLevel = level;
    }
  }
  return {
    kind: 'alerts-truncated',
    url: r.url,
    failure: r.failure!,
    alertsRead: list?.length ?? 0,
    ...(worstLevel !== undefined ? { worstLevel } : {}),
    graded: { rule: 'metrics-unavailable', severity: worst ?? 'sev2' },
  };
}

/** The app's own alerts, each a verdict graded by its level; what was looked at goes to `observed`. */
export function evaluateAlerts(r: EndpointReading, ac: AlertsConfig, ctx: EvalContext, observed: string[]): AlertVerdict[] {
  const read = Array.isArray(r.json) ? { found: true as const, value: r.json } : readPath(r.json, ac.items);
  observed.push(fingerprint(ctx.environment, 'metrics', 'alerts'));
  if (!read.found || !Array.isArray(read.value)) {
    return [withGrade({ kind: 'alerts-unreadable', url: r.url, items: ac.items, found: read.found }, grade(ctx, 'metrics-field-missing'))];
  }
  // The list was read: every alert subject was looked at, also those of alerts that are gone.
  observed.push(family(fingerprint(ctx.environment, 'metrics', 'alert-')));
  const verdicts: AlertVerdict[] = [];
  const seen = new Set<string>();
  for (const [index, item] of read.value.entries()) {
    const { level, levelRead } = levelOf(item, ac.level);
    const msg = readPath(item, ac.message);
    const idRead = readPath(item, ac.id);
    const id = idRead.found ? String(idRead.value) : undefined;
    const message = msg.found ? String(msg.value) : show(item);
    let subject = `alert-${slug(id ?? message) || String(index)}`;
    if (seen.has(subject)) subject = `${subject}-${index}`;
    seen.add(subject);
    const rule: RuleId = `alert-${level}`;
    verdicts.push(withGrade({
      kind: 'alert', url: r.url, subject, index, ...(id !== undefined ? { id } : {}), message, level, levelRead, levelKey: ac.level, item,
    }, grade(ctx, rule)));
  }
  if (read.value.length === 0) verdicts.push({ kind: 'no-alerts' });
  return verdicts;
}

export function withGrade<V extends object>(v: V, graded: Graded | undefined): V & { graded?: Graded } {
  return graded ? { ...v, graded } : v;
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}
