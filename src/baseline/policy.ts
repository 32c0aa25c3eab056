import type { LoadResult } from '../checks/load/types.js';
import { loadRunPassed, type Report } from '../report/report.js';
import type { BaselineEntry, BaselineKey } from './stats.js';

/**
 * The baseline's policy: whether a run extends the load history (the one rule for the action and
 * the CLI), and what it records.
 */

/** Everything that decides whether a run extends the load history. */
export interface HistoryInput {
  readonly mode: 'monitor' | 'gate' | 'merge';
  /** GITHUB_EVENT_NAME; undefined for the CLI, which keeps its history in a local folder. */
  readonly event?: string;
  readonly ref?: string;
  /** The repository's default branch, from the event payload or the repository; undefined when unknown. */
  readonly defaultBranch?: string;
  /** Why the default branch is unknown, when looking it up failed. */
  readonly defaultBranchError?: string;
  readonly dryRun: boolean;
  readonly isShard: boolean;
  /** False when the target never answered: such a run says nothing about latency. */
  readonly answered: boolean;
  /** The maintenance window the run started in, if any: a deploy's or a migration's load figures must not move the baseline. */
  readonly maintenance?: string;
}

export type HistoryDecision = { readonly record: true; readonly why: string } | { readonly record: false; readonly why: string };

/**
 * Whether this run appends to the history: the one rule for the action and the CLI. Pure.
 * A `schedule` event runs on the default branch (GitHub runs schedules from it), and its payload
 * carries no repository to say which branch that is, so the event alone decides.
 */
export function historyDecision(i: HistoryInput): HistoryDecision {
  if (i.isShard) return { record: false, why: 'a shard run never writes history; the merge run does' };
  if (i.mode === 'gate') return { record: false, why: 'gate mode never writes history' };
  if (i.dryRun) return { record: false, why: 'dry-run' };
  if (!i.answered) return { record: false, why: 'the target never answered' };
  if (i.maintenance !== undefined) return { record: false, why: `the run started in maintenance window ${i.maintenance}, whose load figures must not move the baseline` };
  if (i.event === undefined) return { record: true, why: 'the CLI keeps its history locally' };
  if (i.event === 'schedule') return { record: true, why: 'a scheduled run is on the default branch' };
  const branch = i.ref?.startsWith('refs/heads/') ? i.ref.slice('refs/heads/'.length) : undefined;
  if (branch === undefined) return { record: false, why: `only runs on the default branch extend it; this is ${i.ref ?? 'an unknown ref'}` };
  if (i.defaultBranch === undefined) {
    return { record: false, why: `could not tell whether ${branch} is the default branch (${i.defaultBranchError ?? 'the event does not say'}), so it is treated as another branch` };
  }
  if (branch !== i.defaultBranch) return { record: false, why: `only runs on the default branch (${i.defaultBranch}) extend it; this is ${branch}` };
  return { record: true, why: `${branch} is the default branch` };
}

/** True when the default branch must be looked up for the decision: a branch run whose payload does not name it. */
export function needsDefaultBranch(event: string | undefined, ref: string | undefined, fromPayload: string | undefined): boolean {
  return event !== undefined && event !== 'schedule' && fromPayload === undefined && ref?.startsWith('refs/heads/') === true;
}

/**
 * The summary of this run that the history keeps. It counts as passed only with no load finding
 * at all: a SEV3 regression passes fail-on sev2, and must not move the baseline up to itself.
 */
export function historyEntry(report: Report, load: LoadResult, key?: BaselineKey): BaselineEntry {
  const o = load.overall;
  return {
    at: report.startedAt,
    ...(report.run?.sha ? { sha: report.run.sha } : {}),
    ...(report.run?.ref ? { ref: report.run.ref } : {}),
    ...(report.run?.url ? { runUrl: report.run.url } : {}),
    // A load finding folded into a health outage still fails its row; a run without one successful
    // response has no latency to offer the baseline.
    passed: loadRunPassed(report, load),
    ...(key ? { configHash: key.configHash, ...(key.origin ? { origin: key.origin } : {}) } : {}),
    p50: o.latencyMs.p50,
    p90: o.latencyMs.p90,
    p95: o.latencyMs.p95,
    p99: o.latencyMs.p99,
    max: o.latencyMs.max,
    errorRate: o.errorRate,
    rps: o.requestsPerSecond,
    requests: o.requests,
  };
}

/** The maintenance window a run started in, for the baseline's rule (the run history records such runs). */
export function maintenanceOf(report: Report): { maintenance?: string } {
  const w = report.suppression?.maintenance[0];
  return w ? { maintenance: w.name } : {};
}
