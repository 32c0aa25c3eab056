import { formatDuration, formatMs } from '../config/duration.js';
import { md } from '../core/markdown.js';
import { sevName } from '../core/severity.js';
import type { Redactor } from '../report/redact.js';
import { formatPct, windowWords } from '../page/html.js';
import type { EnvironmentReview, Review, Spread, Trend } from './model.js';

/**
 * The Monday review in words: Markdown for the issue, the job summary and report.md, with Mermaid
 * charts. Names from the config and the history are escaped (`md`); Mermaid gets only dates and
 * numbers.
 */

export function reviewTitle(review: Review): string {
  return `launchguard weekly review ${review.week.label}`;
}

const num = (v: number, digits = 2): string => String(Number(v.toFixed(digits)));

function delta(now: number | undefined, before: number | undefined): string {
  if (now === undefined) return '—';
  if (before === undefined || before === 0) return `${formatMs(now)} (no earlier figure)`;
  const change = (100 * (now - before)) / before;
  return `${formatMs(now)} (${change >= 0 ? '+' : ''}${num(change, 1)} % vs ${formatMs(before)})`;
}

function trendRow(name: string, t: Trend): string {
  return `| ${name} | ${delta(t.p50, t.previousP50)} | ${delta(t.p95, t.previousP95)} |`;
}

function spreadRow(name: string, s: Spread, fmt: (v: number) => string): string {
  return `| ${name} | ${fmt(s.min)} | ${fmt(s.median)} | ${fmt(s.max)} | ${s.n} |`;
}

/** Mermaid: the week's daily availability (bars) and pooled probe p95 (line); a day without a figure is left out (a 0 would read as an outage). */
function charts(e: EnvironmentReview): string {
  const axis = (days: readonly { day: string }[]) => `  x-axis [${days.map((d) => `"${d.day.slice(5)}"`).join(', ')}]`;
  const out: string[] = [];
  const up = e.daily.flatMap((d) => (d.availabilityPct !== undefined ? [{ day: d.day, v: d.availabilityPct }] : []));
  if (up.length) {
    const low = Math.floor(Math.min(...up.map((d) => d.v)));
    out.push(['```mermaid', 'xychart-beta', '  title "Availability per day (%)"', axis(up), `  y-axis "%" ${Math.max(0, Math.min(low, 100) - 1)} --> 100`, `  bar [${up.map((d) => num(d.v)).join(', ')}]`, '```'].join('\n'));
  }
  const p95 = e.daily.flatMap((d) => (d.p95Ms !== undefined ? [{ day: d.day, v: d.p95Ms }] : []));
  if (p95.length) {
    out.push(['```mermaid', 'xychart-beta', '  title "Probe latency p95 per day (ms)"', axis(p95), '  y-axis "ms"', `  line [${p95.map((d) => num(d.v, 1)).join(', ')}]`, '```'].join('\n'));
  }
  return out.join('\n\n');
}

function environmentSection(e: EnvironmentReview): string {
  const lines: string[] = [`## ${md(e.name)}`, ''];
  const prev = e.previousAvailabilityPct !== undefined ? ` (the week before: ${formatPct(e.previousAvailabilityPct)})` : '';
  lines.push(`- **Uptime** ${formatPct(e.availabilityPct)}${prev}: ${formatDuration(e.upMs)} up, ${formatDuration(e.downMs)} down, ${formatDuration(e.unobservedMs)} unobserved, ${e.runs} runs.`);
  if (e.slo) lines.push(`- **Error budget** at the week's end: ${formatPct(e.slo.budgetRemainingPct)} left of ${num(100 - e.slo.targetPct, 4)} % over ${windowWords(e.slo.windowMs)} (objective ${formatPct(e.slo.targetPct)}, availability ${formatPct(e.slo.availabilityPct)}).`);
  lines.push(`- **Schedule coverage** ${formatPct(e.coverage.observedPct)} of the week observed${e.coverage.medianIntervalMs !== undefined ? `, a run every ${formatDuration(e.coverage.medianIntervalMs)} (median)` : ''}.`, '');
  const chart = charts(e);
  if (chart) lines.push(chart, '');
  if (e.latency.length || e.load) {
    lines.push('### Latency vs the week before', '', '| | p50 | p95 |', '|---|---|---|');
    for (const l of e.latency) lines.push(trendRow(`probe ${md(l.probe)}`, l));
    if (e.load) lines.push(trendRow('load p95 (over the runs)', e.load.p95));
    lines.push('');
  }
  if (e.load || e.metrics.length) {
    lines.push('### Error rate and metrics', '', '| | min | median | max | runs |', '|---|---|---|---|---|');
    if (e.load) lines.push(spreadRow('load error rate', e.load.errorRate, (v) => `${num(100 * v)} %`));
    for (const m of e.metrics) lines.push(spreadRow(md(m.name), m, (v) => num(v)));
    lines.push('');
  }
  lines.push('### Top problems by time failing', '');
  if (e.topProblems.length === 0) lines.push('Nothing failed this week.');
  e.topProblems.forEach((p, i) => lines.push(`${i + 1}. ${md(p.subject)}: ${formatDuration(p.failingMs)}`));
  lines.push('', '### Incidents', '');
  const opened = e.incidents.filter((i) => i.openedInWeek).length;
  const closed = e.incidents.filter((i) => i.closedInWeek).length;
  lines.push(`${opened} opened, ${closed} closed.`);
  if (e.incidents.length) {
    lines.push('', '| severity | incident | opened | time to resolve | target |', '|---|---|---|---|---|');
    for (const i of e.incidents) {
      const resolve = i.resolveMs === undefined ? 'open' : formatDuration(i.resolveMs);
      const target = i.targetMs === undefined ? 'next sprint' : `${formatDuration(i.targetMs)}${i.withinTarget === undefined ? '' : i.withinTarget ? ' ✅ met' : ' ❌ missed'}`;
      lines.push(`| ${sevName(i.severity)} | [${md(i.title)}](${i.url}) | ${i.openedAt.slice(0, 16).replace('T', ' ')} UTC | ${resolve} | ${target} |`);
    }
  }
  return lines.join('\n');
}

export function renderReview(review: Review): string {
  const from = new Date(review.week.from).toISOString().slice(0, 10);
  const to = new Date(review.week.to - 1).toISOString().slice(0, 10);
  const head = [`# ${reviewTitle(review)}`, '', `${from} to ${to} (UTC), from the run history and the incident issues.`, ''];
  const body = review.environments.length ? review.environments.map(environmentSection) : ['No environment records its history.'];
  return `${[...head, ...body].join('\n')}\n`;
}

/** The review's Markdown, redacted before escaping (`md` makes `sk_live` `sk\\_live`, which the Redactor would miss) and after. */
export function reviewMarkdown(review: Review, redactor: Redactor): string {
  return redactor.text(renderReview(redactor.value(review)));
}
