import type { CheckName, Finding, ResultRow } from '../core/types.js';
import { ruleSeverity, type RuleId, type Severity } from '../core/severity.js';
import { fingerprint, type EvalContext, type Judged, type Located, type Rendered } from './check.js';

// INTERIM (issue 13, being removed): the evaluation style from before the split into evaluate + render.

export interface Builder {
  rows: ResultRow[];
  findings: Finding[];
  notes: string[];
  observed: string[];
  at: Located[];
}
export const builder = (): Builder => ({ rows: [], findings: [], notes: [], observed: [], at: [] });

export function fail(b: Builder, f: Finding | undefined, url: string, row: Omit<ResultRow, 'verdict' | 'severity'>): void {
  const r: ResultRow = { ...row, verdict: 'fail', ...(f ? { severity: f.severity } : {}) };
  b.rows.push(r);
  if (!f) return;
  b.findings.push(f);
  b.at.push({ finding: f, url, row: r });
}

export function observe(b: Builder, ctx: EvalContext, check: CheckName, ...subjects: string[]): void {
  for (const s of subjects) b.observed.push(fingerprint(ctx.environment, check, s));
}

export function finding(
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
export function ruled(
  ctx: EvalContext,
  rule: RuleId,
  make: (s: Severity) => Finding,
): Finding | undefined {
  const s = ruleSeverity(rule, ctx.severity);
  return s === undefined ? undefined : make(s);
}

export const judgedOf = (b: Builder): Judged<Builder> => ({ verdicts: [b], observed: b.observed });
export const renderedOf = (j: Judged<Builder>): Rendered => ({ rows: j.verdicts[0]!.rows, findings: j.verdicts[0]!.findings, notes: j.verdicts[0]!.notes, located: j.verdicts[0]!.at });
