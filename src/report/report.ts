import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SEVERITY_TARGETS, rank, type SeverityTargets } from '../core/severity.js';
import type { CheckFacts, CheckResults } from '../checks/results.js';
import type { CheckName, Finding, ResultRow, Verdict } from '../core/types.js';
import type { LoadResult } from '../checks/load/types.js';
import type { Redactor } from './redact.js';
import type { BaselineEntry } from '../baseline/stats.js';
import type { ShardResult } from '../scale/shards.js';
import type { SuppressionState } from '../suppression/suppress.js';

export const REPORT_SCHEMA = 'launchguard.report/v1';

export interface BaselineSummary {
  readonly where: string;
  readonly runs: number;
  readonly from: string;
  readonly to: string;
  readonly fromSha?: string;
  readonly toSha?: string;
  readonly p50: number;
  readonly p95: number;
  readonly p95Mad: number;
  readonly p99: number;
  readonly errorRate: number;
  readonly rps: number;
}

export interface ReportFinding extends Finding {
  readonly targets: SeverityTargets;
}

export interface Report {
  readonly schema: typeof REPORT_SCHEMA;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly environment: string;
  readonly target: string;
  readonly mode: 'monitor' | 'gate' | 'merge';
  /** A shard run's result, for the merge run. */
  readonly shard?: ShardResult;
  readonly checks: readonly CheckName[];
  readonly verdict: Verdict;
  readonly findings: readonly ReportFinding[];
  readonly rows: readonly ResultRow[];
  /** Structured facts the renderers show beside the rows (each load request's budgets), as evaluation found them. */
  readonly facts?: CheckFacts;
  readonly notes: readonly string[];
  /** The fingerprints whose rule was evaluated this run: only they may count as passing for an incident. */
  readonly observed: readonly string[];
  /**
   * Maintenance windows running and silences holding at the run's start (absent when the config
   * declares none): the findings they hold carry `suppressed`.
   */
  readonly suppression?: SuppressionState;
  readonly results: CheckResults;
  /** The recent load history the baseline came from, oldest first (for the trend). */
  readonly history?: readonly BaselineEntry[];
  /** The load baseline this run was judged against, when there was one. */
  readonly baseline?: BaselineSummary;
  readonly run?: { readonly url?: string; readonly sha?: string; readonly ref?: string };
}

/** Findings most severe first, each with its severity's response and resolution targets. */
export function withTargets(findings: readonly Finding[]): ReportFinding[] {
  return [...findings]
    .sort((a, b) => rank(a.severity) - rank(b.severity) || a.fingerprint.localeCompare(b.fingerprint))
    .map((f) => ({ ...f, targets: SEVERITY_TARGETS[f.severity] }));
}

/** Writes the report, redacted, creating its folder. */
export async function writeReport(path: string, report: Report, redactor: Redactor): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(redactor.value(report), null, 2)}\n`);
}

/**
 * Whether this run's load passed, for the history and the trend alike: no load finding (also none
 * folded under an outage), no failing load row, and at least one successful response.
 */
export function loadRunPassed(r: Pick<Report, 'findings' | 'rows'>, load: LoadResult | undefined): boolean {
  return (
    !r.findings.some((f) => f.check === 'load' || (f.related?.length ?? 0) > 0) &&
    !r.rows.some((row) => row.check === 'load' && row.verdict === 'fail') &&
    (load?.overall.latencyMs.count ?? 0) > 0
  );
}
