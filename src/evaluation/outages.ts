import { originOf } from '../core/url.js';
import { sevName, rank } from '../core/severity.js';
import type { Evaluation } from '../checks/results.js';
import type { Finding } from '../core/types.js';
import type { EvalContext, Located } from '../checks/check.js';

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

export function foldOutages(e: Evaluation, located: readonly Located[], ctx: EvalContext): Evaluation {
  const outage = new Map<string, Finding>();
  for (const l of located) {
    // Only an origin that is down folds the rest: a probe that answers 404 or fails a body
    // assertion says nothing about the disk or the app's alerts, which keep findings of their own.
    if ((l.finding.rule !== 'health-failed' && l.finding.rule !== 'health-failed-brief') || !originDown(l.finding)) continue;
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
      related: [...(f.related ?? []), ...parts.map((p) => `${sevName(p.severity)} ${p.title.startsWith(prefix) ? p.title.slice(prefix.length) : p.title}: ${p.detail}`)],
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
