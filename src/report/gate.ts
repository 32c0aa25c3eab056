import { formatMs } from '../config/duration.js';
import type { LoadConfig } from '../config/schema.js';
import { resolveBudgets } from '../core/evaluate.js';
import { label, meetsThreshold } from '../core/severity.js';
import { md } from '../core/markdown.js';
import type { Report } from './report.js';

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
export function renderGateComment(r: Report, load: LoadConfig | undefined): string {
  const failing = r.findings.filter((f) => meetsThreshold(f.severity, r.verdict.failOn));
  const top =
    r.verdict.status === 'pass'
      ? `## ✅ launchguard gate: pass${r.findings.length ? ` (${r.findings.length} finding${r.findings.length === 1 ? '' : 's'} below fail-on ${r.verdict.failOn})` : ''}`
      : `## ❌ launchguard gate: fail: ${failing.map((f) => `[${label(f.severity)}] ${md(f.title.replace(`${r.environment}: `, ''))}`).join('; ')}`;
  const out = [gateMarker(r.environment), top, ''];
  out.push(`Environment **${md(r.environment)}** · target ${md(r.target || '(none)')} · checks ${r.checks.join(', ')}${r.run?.url ? ` · [run](${r.run.url})` : ''}`, '');

  const l = r.results.load;
  if (l && l.overall.responses > 0) {
    const b = r.baseline;
    const budgets = resolveBudgets(load?.budgets);
    const rules = new Set(r.findings.filter((f) => f.check === 'load').map((f) => f.rule));
    const v = (bad: boolean) => (bad ? '❌' : '✅');
    const o = l.overall;
    out.push('| metric | baseline | this PR | delta | budget | verdict |', '|---|---|---|---|---|---|');
    out.push(`| p50 | ${b ? formatMs(b.p50) : '—'} | ${formatMs(o.latencyMs.p50)} | ${delta(o.latencyMs.p50, b?.p50, formatMs)} | < ${formatMs(budgets.p50)} | ${v(rules.has('load-p50'))} |`);
    out.push(`| p95 | ${b ? `${formatMs(b.p95)} ± ${formatMs(b.p95Mad)}` : '—'} | ${formatMs(o.latencyMs.p95)} | ${delta(o.latencyMs.p95, b?.p95, formatMs)} | < ${formatMs(budgets.p95)}${b && load ? `, ≤ baseline + max(${load.regression.threshold} %, 3 × MAD)` : ''} | ${v(rules.has('load-p95') || rules.has('load-p95-critical') || rules.has('load-regression'))} |`);
    out.push(`| p99 | ${b ? formatMs(b.p99) : '—'} | ${formatMs(o.latencyMs.p99)} | ${delta(o.latencyMs.p99, b?.p99, formatMs)} | | |`);
    out.push(`| error rate | ${b ? pct(b.errorRate * 100) : '—'} | ${pct(o.errorRate * 100)} | ${b ? delta(o.errorRate * 100, b.errorRate * 100, (x) => pct(x)) : '—'} | < ${budgets.errorRate} % | ${v(rules.has('load-error-rate') || rules.has('load-error-rate-critical'))} |`);
    out.push(`| req/s | ${b ? b.rps : '—'} | ${o.requestsPerSecond} | ${delta(o.requestsPerSecond, b?.rps, (x) => String(Math.round(x * 10) / 10))} | | |`);
    out.push('');
    if (l.samples) out.push(`This PR: the median of ${l.samples.length} load samples (p95 per sample: ${l.samples.map((s) => formatMs(s.p95)).join(', ')}).`, '');
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
    for (const f of others) out.push(`| ${label(f.severity)} | ${md(f.title)} | ${md(f.detail)} |`);
    out.push('');
  }
  const loadFindings = r.findings.filter((f) => f.check === 'load');
  if (loadFindings.length) out.push(...loadFindings.map((f) => `- **${label(f.severity)}** ${md(f.detail)}`), '');
  out.push('_launchguard edits this comment on every run of this pull request._');
  return out.join('\n');
}
