import { formatMs } from '../config/duration.js';
import { SEVERITY_TARGETS, sevName } from '../core/severity.js';
import type { FindingSource, ResultRow } from '../core/types.js';
import { codeSpan, md } from '../core/markdown.js';
import { loadRunPassed, type Report } from './report.js';
import { clip, DETAIL_MAX, fitLines } from '../core/limits.js';
import { oneLine } from '../core/text.js';
import { suppressionLines, suppressionText } from '../suppression/render.js';
import type { ReportFinding } from './report.js';

const ICON = { pass: '✅', fail: '❌', skip: '⏭️' } as const;

export function verdictLine(r: Report): string {
  const v = r.verdict;
  const count = `${v.findingsCount} finding${v.findingsCount === 1 ? '' : 's'}`;
  if (v.worstSeverity === 'none') return `launchguard: PASS: no findings`;
  const t = SEVERITY_TARGETS[v.worstSeverity];
  const worst = `worst ${sevName(v.worstSeverity)} (respond ${t.response}, resolve ${t.resolution})`;
  const held = v.notJudged ? `${v.notJudged} in maintenance or silenced (not judged against fail-on ${v.failOn})` : '';
  const rest = held && v.notJudged === v.findingsCount ? held : held ? `${held}, the rest below fail-on ${v.failOn}` : `below fail-on ${v.failOn}`;
  const why = v.status === 'fail' ? `at or above fail-on ${v.failOn}${held ? `; ${held}` : ''}` : rest;
  return `launchguard: ${v.status.toUpperCase()}: ${count}, ${worst}, ${why}`;
}

/** Everything from the target is escaped: no HTML, mentions, cross-links or broken tables. */
const cell = md;

function groupRows(rows: readonly ResultRow[]): Map<FindingSource, ResultRow[]> {
  const by = new Map<FindingSource, ResultRow[]>();
  for (const row of rows) by.set(row.check, [...(by.get(row.check) ?? []), row]);
  return by;
}

/**
 * Shares of GitHub's 1 MiB summary limit: findings, the rows of every check together, and notes;
 * what is left (over 100 KB) is for the header, the trend and the GitHub notes the action appends.
 */
const FINDINGS_BYTES = 400 * 1024;
const ROWS_BYTES = 400 * 1024;
const NOTES_BYTES = 64 * 1024;

/** The job summary and report.md: a verdict line, the findings, then one table per check. */
export function renderMarkdown(r: Report): string {
  const out: string[] = [];
  out.push(`## ${r.verdict.status === 'pass' ? ICON.pass : ICON.fail} ${verdictLine(r)}`, '');
  const held = suppressionLines(r.suppression, md);
  if (held.length) out.push(...held.map((l) => `> ${l}`), '');
  out.push(`Environment **${cell(r.environment)}** · target ${r.target ? md(r.target) : '(none)'} · checks ${r.checks.join(', ') || 'none'} · ${formatMs(r.durationMs)}${r.run?.url ? ` · [run](${r.run.url})` : ''}`, '');
  if (r.findings.length > 0) {
    out.push('### Findings', '', '| severity | finding | detail | respond | resolve |', '|---|---|---|---|---|');
    // GitHub refuses a summary of 1 MiB: findings past their share of it are counted, not shown.
    const lines = r.findings.map((f) =>
      `| ${sevName(f.severity)} | ${cell(clip(f.title, DETAIL_MAX))}${marker(f)} | ${cell(clip(f.detail, DETAIL_MAX))} | ${f.targets.response} | ${f.targets.resolution} |` +
      (f.remediation ? `\n| | ↳ remediation | ${codeSpan(clip(f.remediation, DETAIL_MAX))} | | |` : '') +
      (f.related ?? []).map((n) => `\n| | ↳ same outage | ${cell(clip(n, DETAIL_MAX))} | | |`).join(''));
    out.push(...fitLines(lines, FINDINGS_BYTES, (n) => `| | and ${n} more finding${n === 1 ? '' : 's'} in the JSON report (launchguard-report.json) | | | |`).lines);
    out.push('');
  }
  let rowBytes = ROWS_BYTES; // shared by the tables of every check
  for (const [check, rows] of groupRows(r.rows)) {
    out.push(`### ${check}`, '', '| subject | value | budget | verdict | severity |', '|---|---|---|---|---|');
    const lines = rows.map((row) =>
      `| ${cell(clip(row.subject, DETAIL_MAX))} | ${cell(clip(row.value, DETAIL_MAX))} | ${cell(clip(row.budget, DETAIL_MAX))} | ${ICON[row.verdict]} ${row.verdict} | ${row.severity ? sevName(row.severity) : ''} |`);
    const fit = fitLines(lines, Math.max(0, rowBytes), (n) => `| and ${n} more row${n === 1 ? '' : 's'} in the JSON report (launchguard-report.json) | | | | |`);
    rowBytes -= fit.bytes;
    out.push(...fit.lines);
    out.push('');
  }
  const trend = renderTrend(r);
  if (trend) out.push(trend);
  if (r.notes.length > 0) out.push('### Notes', '', ...fitLines(r.notes.map((n) => `- ${cell(clip(n, DETAIL_MAX))}`), NOTES_BYTES, (n) => `- and ${n} more notes in the JSON report`).lines, '');
  return `${out.join('\n')}\n`;
}

/** " · in maintenance: weekly-deploy" after a held finding's title, escaped. */
function marker(f: ReportFinding): string {
  return f.suppressed ? ` · _${suppressionText(f.suppressed, md)}_` : '';
}

/** The load trend, last runs and this one: p95 and error rate as GitHub-rendered Mermaid charts, plus the numbers. */
export function renderTrend(r: Report): string | undefined {
  const load = r.results.load;
  if (!load || load.overall.responses === 0) return undefined;
  const past = (r.history ?? []).slice(-19);
  // Runs that share a day are told apart by their time (UTC); otherwise the day is enough.
  const days = past.map((e) => e.at.slice(0, 10));
  const shareADay = new Set(days).size < days.length || days.includes(r.startedAt.slice(0, 10));
  const points = [
    // A run without a successful response has no latency: its p95 cell says so (the chart draws 0).
    ...past.map((e) => ({ tick: shareADay ? `${e.at.slice(5, 10)} ${e.at.slice(11, 16)}` : e.at.slice(5, 10), p95: e.p95, measured: !(e.p95 === 0 && e.errorRate >= 1), err: e.errorRate * 100, rps: e.rps, sha: e.sha?.slice(0, 7) ?? '', passed: e.passed })),
    { tick: 'now', p95: load.overall.latencyMs.p95, measured: load.overall.latencyMs.count > 0, err: load.overall.errorRate * 100, rps: load.overall.requestsPerSecond, sha: r.run?.sha?.slice(0, 7) ?? '', passed: loadRunPassed(r, load) },
  ];
  const num = (v: number) => String(Math.round(v * 100) / 100);
  const axis = points.map((p) => `"${p.tick}"`).join(', ');
  // A chart of one point is no trend: with fewer than 2, only the numbers.
  const chart = (title: string, unit: string, values: number[]) =>
    points.length < 2 ? [] : ['```mermaid', 'xychart-beta', `  title "${title}"`, `  x-axis [${axis}]`, `  y-axis "${unit}"`, `  line [${values.map(num).join(', ')}]`, '```', ''];
  return [
    `### load trend (${points.length} run${points.length === 1 ? '' : 's'})`,
    '',
    ...chart('p95 latency', 'ms', points.map((p) => p.p95)),
    ...chart('error rate', '%', points.map((p) => p.err)),
    '| run | commit | p95 | error rate | req/s | passed |',
    '|---|---|---|---|---|---|',
    ...points.map((p) => `| ${p.tick} | ${p.sha} | ${p.measured ? formatMs(p.p95) : 'no successful response'} | ${num(p.err)} % | ${num(p.rps)} | ${p.passed ? 'yes' : 'no'} |`),
    '',
  ].join('\n');
}

/** The CLI's readable report. */
export function renderText(r: Report): string {
  const out: string[] = [verdictLine(r), `environment ${r.environment} · target ${r.target || '(none)'} · checks ${r.checks.join(', ') || 'none'} · ${formatMs(r.durationMs)}`, ...suppressionLines(r.suppression), ''];
  for (const f of r.findings) {
    out.push(`  ${sevName(f.severity)}  ${f.title}${f.suppressed ? ` (${suppressionText(f.suppressed)})` : ''}`, `        ${f.detail}`, `        respond ${f.targets.response}, resolve ${f.targets.resolution}`);
    if (f.remediation) out.push(`        fix: ${f.remediation}`);
    for (const n of f.related ?? []) out.push(`        same outage: ${n}`);
  }
  if (r.findings.length > 0) out.push('');
  for (const [check, rows] of groupRows(r.rows)) {
    out.push(`${check}:`);
    for (const row of rows) {
      const sev = row.severity ? ` ${sevName(row.severity)}` : '';
      const budget = row.budget ? `  (budget: ${row.budget})` : '';
      out.push(`  ${row.verdict === 'pass' ? 'ok  ' : row.verdict === 'skip' ? 'skip' : 'FAIL'}  ${row.subject}: ${row.value}${budget}${sev}`);
    }
  }
  for (const n of r.notes) out.push(`note: ${n}`);
  // Each entry is one line: target text cannot add lines, nor start one with a workflow command.
  return `${out.map(oneLine).join('\n')}\n`;
}
