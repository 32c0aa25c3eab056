import { formatMs } from '../config/duration.js';
import { SEVERITY_TARGETS, label } from '../core/severity.js';
import type { CheckName, ResultRow } from '../core/types.js';
import type { Report } from './report.js';

const ICON = { pass: '✅', fail: '❌', skip: '⏭️' } as const;

export function verdictLine(r: Report): string {
  const v = r.verdict;
  const count = `${v.findingsCount} finding${v.findingsCount === 1 ? '' : 's'}`;
  if (v.worstSeverity === 'none') return `launchguard: PASS: no findings`;
  const t = SEVERITY_TARGETS[v.worstSeverity];
  const worst = `worst ${label(v.worstSeverity)} (respond ${t.response}, resolve ${t.resolution})`;
  const why = v.status === 'fail' ? `at or above fail-on ${v.failOn}` : `below fail-on ${v.failOn === 'none' ? 'none' : v.failOn}`;
  return `launchguard: ${v.status.toUpperCase()}: ${count}, ${worst}, ${why}`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function groupRows(rows: readonly ResultRow[]): Map<CheckName, ResultRow[]> {
  const by = new Map<CheckName, ResultRow[]>();
  for (const row of rows) by.set(row.check, [...(by.get(row.check) ?? []), row]);
  return by;
}

/** The job summary and report.md: a verdict line, the findings, then one table per check. */
export function renderMarkdown(r: Report): string {
  const out: string[] = [];
  out.push(`## ${r.verdict.status === 'pass' ? ICON.pass : ICON.fail} ${verdictLine(r)}`, '');
  out.push(`Environment **${cell(r.environment)}** · target \`${r.target}\` · checks ${r.checks.join(', ') || 'none'} · ${formatMs(r.durationMs)}${r.run?.url ? ` · [run](${r.run.url})` : ''}`, '');
  if (r.findings.length > 0) {
    out.push('### Findings', '', '| severity | finding | detail | respond | resolve |', '|---|---|---|---|---|');
    for (const f of r.findings) {
      out.push(`| ${label(f.severity)} | ${cell(f.title)} | ${cell(f.detail)} | ${f.targets.response} | ${f.targets.resolution} |`);
      if (f.remediation) out.push(`| | ↳ remediation | \`${cell(f.remediation)}\` | | |`);
    }
    out.push('');
  }
  for (const [check, rows] of groupRows(r.rows)) {
    out.push(`### ${check}`, '', '| subject | value | budget | verdict | severity |', '|---|---|---|---|---|');
    for (const row of rows) {
      out.push(`| ${cell(row.subject)} | ${cell(row.value)} | ${cell(row.budget)} | ${ICON[row.verdict]} ${row.verdict} | ${row.severity ? label(row.severity) : ''} |`);
    }
    out.push('');
  }
  if (r.notes.length > 0) out.push('### Notes', '', ...r.notes.map((n) => `- ${cell(n)}`), '');
  return `${out.join('\n')}\n`;
}

/** The CLI's readable report. */
export function renderText(r: Report): string {
  const out: string[] = [verdictLine(r), `environment ${r.environment} · target ${r.target} · checks ${r.checks.join(', ') || 'none'} · ${formatMs(r.durationMs)}`, ''];
  for (const f of r.findings) {
    out.push(`  ${label(f.severity)}  ${f.title}`, `        ${f.detail}`, `        respond ${f.targets.response}, resolve ${f.targets.resolution}`);
    if (f.remediation) out.push(`        fix: ${f.remediation}`);
  }
  if (r.findings.length > 0) out.push('');
  for (const [check, rows] of groupRows(r.rows)) {
    out.push(`${check}:`);
    for (const row of rows) {
      const sev = row.severity ? ` ${label(row.severity)}` : '';
      out.push(`  ${row.verdict === 'pass' ? 'ok  ' : row.verdict === 'skip' ? 'skip' : 'FAIL'}  ${row.subject}: ${row.value}  (budget: ${row.budget})${sev}`);
    }
  }
  for (const n of r.notes) out.push(`note: ${n}`);
  return `${out.join('\n')}\n`;
}
