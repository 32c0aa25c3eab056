import type { ResolvedBudgets } from './load/budgets.js';
import type { HistoryFacts } from '../history/judge/index.js';
import type { LoadResult } from './load/types.js';
import type { AuditResult } from './audits/types.js';
import type { ProbeResult } from './health/types.js';
import type { EndpointReading } from './metrics/types.js';
import type { IndexesResult } from './indexes/types.js';
import type { CheckName, Finding, ResultRow } from '../core/types.js';

/** What the checks of a run measured, by check (`results` in the report), and what evaluation makes of it. */

export interface CheckResults {
  health?: readonly ProbeResult[];
  metrics?: readonly EndpointReading[];
  load?: LoadResult;
  indexes?: IndexesResult;
  audits?: readonly AuditResult[];
  /** Checks that broke while running (an error, not a finding): each is settled on its own, the others are still judged. */
  failures?: readonly CheckFailure[];
}

export interface CheckFailure {
  readonly check: CheckName;
  readonly message: string;
}

/**
 * Structured facts a check's evaluation hands to renderers beyond its own rows (the gate comment
 * shows each load request's budgets), so that no renderer derives them again from the config.
 */
export interface CheckFacts {
  readonly load?: {
    /** Each request's budgets, after the config's layers (defaults, the load's, the request's). */
    readonly budgets: Readonly<Record<string, ResolvedBudgets>>;
    /** The regression rule's threshold, in percent of the baseline's p95. */
    readonly regressionThresholdPct: number;
  };
  /** The run history's SLO and cadence (outputs `availability`, `error-budget-remaining`). */
  readonly history?: HistoryFacts;
}

export interface Evaluation {
  readonly facts?: CheckFacts;
  readonly rows: readonly ResultRow[];
  readonly findings: readonly Finding[];
  readonly notes: readonly string[];
  /** Fingerprints whose rule was evaluated this run, passing or failing (see observed.ts). */
  readonly observed: readonly string[];
}
