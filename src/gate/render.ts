import { formatMs } from '../config/duration.js';
import { sevName, meetsThreshold } from '../core/severity.js';
import { md } from '../core/markdown.js';
import type { Report, ReportFinding } from '../report/report.js';
import { suppressionLines, suppressionText } from '../suppression/render.js';

/** " · in maintenance: weekly-deploy": the gate still judges a held finding, and says it is held. */
const held = (f: ReportFinding) => (f.suppressed ? ` · _${suppressionText(f.suppressed, md)}_` : '');

/** Finds the gate's one comment again, per environment, to edit it in place. */
export function gateMarker(environment: string): string {
  return `<!-- launchguard:gate environment=${environment} -->`;
}

const pct = (v: number, d = 2) => `${Math.round(v * 10 ** d) / 10 ** d} %`;

function delta(now: number, base: number | undefined, fmt: (v: number) => string): string {
  if (base === undefined) return '—';
  const d = now - base;
  const rel = base !== 0 ? ` (${d >= 0 ? '+' : ''}${Math.round((d / base) * 100)} %)` : '';
  return `${d >= 0 ? '+' : '−'}${fmt(Math.abs(d))}${rel}`;
}

/** The pull-request comment: one line verdict, the metrics table, other findings, the baseline used. Pure. */
export function renderGateComment(r: Report): string {
  const failing = r.findings.filter((f) => meetsThreshold(f.severity, r.verdict.failOn));
  const top =
    r.verdict.status === 'pass'
      ? `## ✅ launchguard gate: pass${r.findings.length ? ` (${r.findings.length} finding${r.findings.length === 1 ? '' : 's'} below fail-on ${r.verdict.failOn})` : ''}`
      : `## ❌ launchguard gate: fail: ${failing.map((f) => `[${sevName(f.severity)}] ${md(f.title.replace(`${r.environment}: `, ''))}`).join('; ')}`;
  const out = [gateMarker(r.environment), top, ''];
  const windows = suppressionLines(r.suppression, md);
  if (windows.length) out.push(...windows.map((l) => `> ${l}`), '> The gate judges every finding all the same.', '');
  out.push(`Environment **${md(r.environment)}** · target ${md(r.target || '(none)')} · checks ${r.checks.join(', ')}${r.run?.url ? ` · [run](${r.run.url})` : ''}`, '');

  const l = r.results.load;
  if (l && l.overall.responses > 0) {
    const b = r.baseline;
    const v = (bad: boolean) => (bad ? '❌' : '✅');
    const o = l.overall;
    // Budgets are per request: each request is shown with its own budget (as evaluation resolved it) and its own verdict.
    const facts = r.facts?.load;
    const own = (name: string) => (facts && Object.hasOwn(facts.budgets, name) ? facts.budgets[name] : undefined);
    const broke = (name: string, ...kinds: string[]) => r.findings.some((f) => f.check === 'load' && kinds.some((k) => f.subject === `${name}:${k}`));
    const regressed = r.findings.some((f) => f.rule === 'load-regression');
    const single = l.requests.length === 1 ? l.requests[0]! : undefined;
    const sb = single ? own(single.name) : undefined;
    const regressionBudget = b && facts ? `≤ baseline + max(${facts.regressionThresholdPct} %, 3 × MAD)` : '';
    const perRequest = 'per request, below';
    // Latency is that of successful responses: with none, there is no figure (never the 0 ms of an empty histogram).
    const none = 'no successful response';
    const ms = (lat: typeof o.latencyMs, k: 'p50' | 'p95' | 'p99') => (lat.count > 0 ? formatMs(lat[k]) : none);
    const change = (lat: typeof o.latencyMs, k: 'p50' | 'p95' | 'p99', base: number | undefined) => (lat.count > 0 ? delta(lat[k], base, formatMs) : '—');
    out.push('| metric | baseline | this PR | delta | budget | verdict |', '|---|---|---|---|---|---|');
    out.push(`| p50 | ${b ? formatMs(b.p50) : '—'} | ${ms(o.latencyMs, 'p50')} | ${change(o.latencyMs, 'p50', b?.p50)} | ${sb ? `< ${formatMs(sb.p50)}` : perRequest} | ${single ? v(broke(single.name, 'p50')) : ''} |`);
    out.push(`| p95 | ${b ? `${formatMs(b.p95)} ± ${formatMs(b.p95Mad)}` : '—'} | ${ms(o.latencyMs, 'p95')} | ${change(o.latencyMs, 'p95', b?.p95)} | ${[sb ? `< ${formatMs(sb.p95)}` : perRequest, regressionBudget].filter(Boolean).join(', ')} | ${single ? v(broke(single.name, 'p95') || regressed) : b ? v(regressed) : ''} |`);
    out.push(`| p99 | ${b ? formatMs(b.p99) : '—'} | ${ms(o.latencyMs, 'p99')} | ${change(o.latencyMs, 'p99', b?.p99)} | | |`);
    out.push(`| error rate | ${b ? pct(b.errorRate * 100) : '—'} | ${pct(o.errorRate * 100)} | ${b ? delta(o.errorRate * 100, b.errorRate * 100, (x) => pct(x)) : '—'} | ${sb ? `< ${sb.errorRate} %` : perRequest} | ${single ? v(broke(single.name, 'error-rate')) : ''} |`);
    out.push(`| req/s | ${b ? b.rps : '—'} | ${o.requestsPerSecond} | ${delta(o.requestsPerSecond, b?.rps, (x) => String(Math.round(x * 10) / 10))} | | |`);
    out.push('');
    if (!single) {
      out.push('| request | p50 | p95 | error rate | its budget (p50 / p95 / error rate) | verdict |', '|---|---|---|---|---|---|');
      for (const q of l.requests) {
        const qb = own(q.name);
        const bad = broke(q.name, 'p50', 'p95', 'error-rate', 'unreachable');
        out.push(`| ${q.name} | ${ms(q.latencyMs, 'p50')} | ${ms(q.latencyMs, 'p95')} | ${pct(q.errorRate * 100)} | ${qb ? `< ${formatMs(qb.p50)} / < ${formatMs(qb.p95)} / < ${qb.errorRate} %` : '—'} | ${q.idle ? 'idle' : v(bad)} |`);
      }
      out.push('');
    }
    if (l.perSample) out.push(`This PR: the median of ${l.perSample.length} load samples (p95 per sample: ${l.perSample.map((s) => formatMs(s.p95)).join(', ')}).`, '');
    out.push(
      b
        ? `Baseline: the median of ${b.runs} passing run${b.runs === 1 ? '' : 's'} on the default branch from ${b.from.slice(0, 10)} to ${b.to.slice(0, 10)}${b.fromSha && b.toSha ? `, commits ${b.fromSha.slice(0, 7)}..${b.toSha.slice(0, 7)}` : ''} (${b.where}).`
        : 'No baseline yet: no passing run on the default branch is recorded, so this PR is judged by the budgets alone.',
      '',
    );
  }
  const others = r.findings.filter((f) => f.check !== 'load');
  if (others.length) {
    out.push('| severity | finding | detail |', '|---|---|---|');
    for (const f of others) out.push(`| ${sevName(f.severity)} | ${md(f.title)}${held(f)} | ${md(f.detail)} |`);
    out.push('');
  }
  const loadFindings = r.findings.filter((f) => f.check === 'load');
  if (loadFindings.length) out.push(...loadFindings.map((f) => `- **${sevName(f.severity)}** ${md(f.detail)}${held(f)}`), '');
  out.push('_launchguard edits this comment on every run of this pull request._');
  return out.join('\n');
}
