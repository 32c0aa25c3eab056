import type { Finding, FindingSource, ResultRow } from '../core/types.js';
import { fingerprint, type EvalContext, type Graded, type Located, type Rendered } from './check.js';

/** Collects a check's rows, findings and notes as its renderer writes them. */
export class RenderedBuilder {
  readonly rows: ResultRow[] = [];
  readonly findings: Finding[] = [];
  readonly notes: string[] = [];
  readonly located: Located[] = [];

  constructor(private readonly ctx: EvalContext, private readonly check: FindingSource) {}

  /** A finding of this check: `environment:check:subject` is its fingerprint, the title is prefixed with the environment. */
  finding(subject: string, graded: Graded, title: string, detail: string, extra: Partial<Pick<Finding, 'classification' | 'measured' | 'remediation'>> = {}): Finding {
    return {
      fingerprint: fingerprint(this.ctx.environment, this.check, subject),
      environment: this.ctx.environment,
      check: this.check,
      subject,
      rule: graded.rule,
      severity: graded.severity,
      title: `${this.ctx.environment}: ${title}`,
      detail,
      ...extra,
    };
  }

  /** A row with no finding of its own (a fail row here is one no rule grades, such as a query plan that scans). */
  row(subject: string, value: string, budget: string, verdict: ResultRow['verdict']): void {
    this.rows.push({ check: this.check, subject, value, budget, verdict });
  }

  /**
   * A failing row and its finding (when the rule is on). With the URL judged, an outage of that
   * origin may fold the finding under the failing health probe's.
   */
  fail(subject: string, value: string, budget: string, f: Finding | undefined, url?: string): void {
    const r: ResultRow = { check: this.check, subject, value, budget, verdict: 'fail', ...(f ? { severity: f.severity } : {}) };
    this.rows.push(r);
    if (!f) return;
    this.findings.push(f);
    if (url !== undefined) this.located.push({ finding: f, url, row: r });
  }

  note(text: string): void {
    this.notes.push(text);
  }

  done(): Rendered {
    return { rows: this.rows, findings: this.findings, notes: this.notes, located: this.located };
  }
}

/** Two decimals at most: numbers for people, with no float noise. */
export function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/** A fraction as a percentage for people: 0.0157 → "1.57 %". */
export function pct(fraction: number): string {
  return `${round(fraction * 100)} %`;
}
