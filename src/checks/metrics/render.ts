import { formatDuration } from '../../config/duration.js';
import { show } from '../../core/json-path.js';
import { sevName } from '../../core/severity.js';
import type { EvalContext, Judged, Rendered } from '../check.js';
import { RenderedBuilder, round } from '../rendering.js';
import { ALERT_LEVELS, type AlertVerdict } from './alerts.js';
import type { MetricsVerdict, Unreadable } from './evaluate.js';
import { isUpperLevel, type Threshold, type UnitProblem } from './levels.js';
import type { Level } from './schema.js';

const ENDPOINT_BUDGET = 'JSON, 2xx';
const ALERTS_BUDGET = 'none active';

/** The metrics check's verdicts in words. */
export function renderMetrics(judged: Judged<MetricsVerdict>, ctx: EvalContext): Rendered {
  const b = new RenderedBuilder(ctx, 'metrics');
  for (const v of judged.verdicts) {
    switch (v.kind) {
      case 'endpoint-in-outage':
        b.note(`metrics: ${v.source} endpoint not read (${v.failure.class}: ${v.failure.message}); the failing health probe ${v.probe} reports the outage`);
        b.row(`${v.source} endpoint`, `not judged: ${v.failure.class} (${v.failure.message}), part of the outage of health probe ${v.probe}`, ENDPOINT_BUDGET, 'skip');
        break;
      case 'endpoint-failed': {
        const f = v.graded && b.finding(`${v.source}-endpoint`, v.graded, `${v.source} metrics endpoint unavailable`,
          `GET ${v.url}: ${v.failure.class}: ${v.failure.message}`, { classification: v.failure.class });
        b.fail(`${v.source} endpoint`, `${v.failure.class}: ${v.failure.message}`, ENDPOINT_BUDGET, f || undefined, v.url);
        break;
      }
      case 'field-null':
        b.note(`metrics: ${v.threshold.name} has no value yet (field "${v.threshold.field}" is null)`);
        b.row(v.threshold.name, 'no data', budgetOf(v.threshold), 'skip');
        break;
      case 'field-unreadable': {
        const t = v.threshold;
        const what = unreadable(v.field);
        // The fields the endpoint does have, so the fix is obvious.
        const has = v.field.problem === 'missing' ? `; the endpoint has ${fieldsOf(v.field.json)}` : '';
        const f = v.graded && b.finding(t.name, v.graded, `metric ${t.name} cannot be read`,
          `field "${t.field}" of ${v.url} ${what}${has}; check ${t.key ? `${t.key}.field` : `metrics.${t.source}`} in the config`);
        b.fail(t.name, `field ${what}`, budgetOf(t), f || undefined, v.url);
        break;
      }
      case 'unit-unknown': {
        const t = v.threshold;
        const f = v.graded && b.finding(t.name, v.graded, `metric ${t.name} cannot be read`, `field "${t.field}" of ${v.url} ${unitProblem(t, v.value, v.problem)}`);
        b.fail(t.name, `${v.value}: unit unknown`, budgetOf(t), f || undefined, v.url);
        break;
      }
      case 'level-hit': {
        const t = v.threshold;
        const value = valueOf(t, v.value);
        const held = v.heldMs !== undefined ? `, for ${formatDuration(v.heldMs)} of runs in a row` : '';
        const f = b.finding(t.name, v.graded, `${t.name} ${isUpperLevel(v.level) ? 'too high' : 'too low'}`,
          `${t.name} is ${value}, which is ${describeLevel(v.level, t.unit)}${held} (field "${t.field}" of ${v.url})`,
          { measured: { value: v.value, unit: t.unit, budget: describeLevel(v.level, t.unit) } });
        b.fail(t.name, value, budgetOf(t), f, v.url);
        break;
      }
      case 'level-ok':
        b.row(v.threshold.name, valueOf(v.threshold, v.value), budgetOf(v.threshold), 'pass');
        break;
      case 'level-pending': {
        const t = v.threshold;
        const why = v.held.why === 'no-history' ? 'no run history to tell for how long'
          : v.held.why === 'gap' ? 'an unobserved gap between runs starts it again'
          : v.held.why === 'missing' ? 'an earlier run has no value'
          : `held ${v.held.runs > 1 ? `for ${formatDuration(v.held.heldMs)} (${v.held.runs} runs)` : 'this run only'}`;
        b.row(t.name, `${valueOf(t, v.value)}: ${describeLevel(v.level, t.unit)}, not yet for ${forText(v.level.for!)}; ${why}`, budgetOf(t), 'skip');
        break;
      }
      case 'spike': {
        const t = v.threshold;
        const sp = v.spike;
        const budget = `≥ ${t.spike!.factor}× the median at this hour of the week over ${formatDuration(t.spike!.baseline)}, and ≥ ${t.spike!['min-count']} since the previous run`;
        if (!sp.known) {
          b.row(`${t.name} spike`, `no baseline yet: ${sp.samples} earlier rate${sp.samples === 1 ? '' : 's'} at this hour of the week (2 needed)`, budget, 'skip');
          break;
        }
        const value = `${round(sp.perHour)} per hour (+${round(sp.increase)}) against a median of ${round(sp.baselinePerHour)} per hour (${sp.samples} runs)`;
        if (v.graded) {
          b.fail(`${t.name} spike`, value, budget, b.finding(`${t.name}-spike`, v.graded, `${t.name} spiking`, `${t.name} rose at ${value} at this hour of the week (field "${t.field}" of ${v.url})`,
            { measured: { value: round(sp.perHour), unit: 'per hour', budget: round(t.spike!.factor * sp.baselinePerHour) } }), v.url);
        } else b.row(`${t.name} spike`, value, budget, 'pass');
        break;
      }
      case 'rate-unknown':
        b.row(v.threshold.name, v.why === 'gap' ? 'no rate: the previous run is beyond an unobserved gap' : 'no rate yet: no earlier reading', budgetOf(v.threshold), 'skip');
        break;
      default:
        renderAlert(b, v);
    }
  }
  return b.done();
}

function renderAlert(b: RenderedBuilder, v: AlertVerdict): void {
  switch (v.kind) {
    case 'alerts-truncated': {
      const n = v.alertsRead;
      const read = n > 0 ? `${n} alert${n === 1 ? '' : 's'} read before the cap, the worst ${v.worstLevel ?? 'switched off'}` : 'no alert could be read before the cap';
      const f = b.finding('alerts-endpoint', v.graded, 'alerts endpoint body too large',
        `GET ${v.url}: ${v.failure.message}; ${read}; the rest is unknown, so this is at least as severe as what was read`, { classification: 'body' });
      // Not located: a cut-off alerts body is never folded into an outage.
      b.fail('alerts endpoint', f.detail, ENDPOINT_BUDGET, f);
      break;
    }
    case 'alerts-unreadable': {
      const f = v.graded && b.finding('alerts', v.graded, 'app alerts cannot be read',
        `field "${v.items}" of ${v.url} is ${v.found ? 'not a list' : 'missing'}; check metrics.alerts.items in the config`);
      b.fail('app alerts', 'unreadable', ALERTS_BUDGET, f || undefined, v.url);
      break;
    }
    case 'alert': {
      const note = v.levelRead.how === 'known'
        ? ''
        : v.levelRead.how === 'unknown'
          ? ` (its level, read from key "${v.levelKey}", is ${show(v.levelRead.raw)}, not one of ${Object.keys(ALERT_LEVELS).join(', ')}; treated as warning)`
          : ` (it has no key "${v.levelKey}" for its level (metrics.alerts.level); it has ${fieldsOf(v.item)}; treated as warning)`;
      const f = v.graded && b.finding(v.subject, v.graded, `app alert ${v.id ?? v.subject}`, `the app reports a ${v.level} alert: ${v.message}${note}`);
      b.fail(`app alert ${v.id ?? v.index}`, `${v.level}: ${v.message}`, ALERTS_BUDGET, f || undefined, v.url);
      break;
    }
    case 'no-alerts':
      b.row('app alerts', 'none active', ALERTS_BUDGET, 'pass');
      break;
  }
}

/** The threshold's levels, for its row: "≥ 95 % → SEV1; > 85 % → SEV3". */
function budgetOf(t: Threshold): string {
  return t.levels.map((l) => `${describeLevel(l, t.unit)} → ${sevName(l.severity)}`).join('; ');
}

/** A value in its unit, for people: "81.23 %"; a rate per hour: "12 /h". */
function valueOf(t: Threshold, v: number): string {
  return `${round(v)}${t.unit ? ` ${t.unit}` : ''}${t.rate ? ' per hour' : ''}`;
}

function forText(f: NonNullable<Level['for']>): string {
  return 'ms' in f ? formatDuration(f.ms) : `${f.runs} run${f.runs === 1 ? '' : 's'}`;
}

function describeLevel(l: Level, unit: string): string {
  const u = unit ? ` ${unit}` : '';
  const sustained = l.for ? ` for ${forText(l.for)}` : '';
  if (l.above !== undefined) return `> ${l.above}${u}${sustained}`;
  if (l['at-least'] !== undefined) return `≥ ${l['at-least']}${u}${sustained}`;
  if (l.below !== undefined) return `< ${l.below}${u}${sustained}`;
  return `≤ ${l['at-most']}${u}${sustained}`;
}

function unreadable(u: Unreadable): string {
  switch (u.problem) {
    case 'missing':
      return 'is missing';
    case 'not-finite':
      return 'is not a finite number (too large to read)';
    case 'not-a-number':
      return `is ${show(u.value)}, not a number`;
  }
}

function unitProblem(t: Threshold, v: number, problem: UnitProblem): string {
  return problem === 'fraction-out-of-range'
    ? `is ${v}, but ${t.key}.unit says fraction (0 to 1); is it a percentage? Set ${t.key}.unit: percent`
    : `is ${v}: a fraction (${round(v * 100)} %) or a percentage (${v} %)? Declare ${t.key}.unit: fraction or percent`;
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
