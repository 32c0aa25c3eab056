import type { EnvironmentConfig } from '../config/schema.js';
import type { Baseline } from '../baseline/stats.js';
import type { HistoryInput } from '../history/read.js';
import type { MaintenanceWindow } from '../suppression/schema.js';
import type { HttpClient } from '../http/client.js';
import type { Clock } from '../ports.js';
import type { Redactor } from '../report/redact.js';
import type { RunPlan } from '../run-plan.js';
import type { ShardSpec } from '../scale/shard-spec.js';
import { ruleSeverity, type RuleId, type Severity, type SeverityOverrides } from '../core/severity.js';
import type { CheckFacts, CheckResults } from './results.js';
import type { CheckName, Finding, FindingSource, ResultRow } from '../core/types.js';

/**
 * One check is one folder, `src/checks/<name>/`, with one shape:
 *
 * - `schema.ts`: its part of an environment's config (zod; the types are `z.infer` of it);
 * - `run.ts`: the I/O, config → result (the result is what `report.json` keeps under `results.<name>`);
 * - `evaluate.ts`: pure, results → structured verdicts (numbers, budgets, rules and severities; no text);
 * - `render.ts`: verdicts → the rows, findings and notes people read;
 * - `index.ts`: the `Check` below, which `src/checks/registry.ts` lists.
 *
 * The pipeline runs every configured check (each settled on its own), then evaluates and renders
 * each in the registry's order.
 */
export interface Check<N extends CheckName = CheckName, V = unknown> {
  readonly name: N;
  /** Whether an environment's config has this check. */
  configured(config: EnvironmentConfig): boolean;
  /** Every URL it will request (relative paths joined to the target), so the redactor knows their secrets before any request. */
  urls(config: EnvironmentConfig, baseUrl: string): string[];
  /** True for a check that needs no target URL (the indexes check talks to MongoDB only). */
  readonly targetless?: boolean;
  /** Runs after the others have finished: the load check, so it does not distort the probes' latency. */
  readonly runsLast?: boolean;
  /**
   * Loads lazy code (chunks of their own in dist/) before any check runs, outside the check's
   * failure isolation: a chunk that cannot load stops the run. The load check names autocannon and
   * the shard and sample merges here, so a broken install is never read as a target that broke.
   */
  preload?(plan: RunPlan): Promise<unknown> | undefined;
  /** The I/O. Throwing is allowed: the pipeline settles each check on its own, as a `check-failed` finding. */
  run(ctx: RunContext): Promise<CheckResults[N] | undefined>;
  /** Pure. Reads its own result (and, where one outage explains another, the others'); undefined when it has none. */
  evaluate(results: CheckResults, ctx: EvalContext): Judged<V> | undefined;
  /** Pure: the verdicts in words. */
  render(judged: Judged<V>, ctx: EvalContext): Rendered;
}

/**
 * Thrown by a check's `run` that broke after it had measured something: the pipeline keeps the
 * partial result (a gate's samples already taken) and records the failure beside it.
 */
export class StoppedWithResult<R> extends Error {
  constructor(readonly result: R, cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

/** A check of any name, whatever its verdicts: what the registry lists. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each check's verdict type is its own business
export type AnyCheck = { [N in CheckName]: Check<N, any> }[CheckName];

export interface RunContext {
  readonly plan: RunPlan;
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly redactor: Redactor;
  /** Set on a shard run: this run measures only its share of the load. */
  readonly shardSpec?: ShardSpec;
}

export interface EvalContext {
  readonly environment: string;
  /** The environment's config (`environments.<name>`). */
  readonly config: EnvironmentConfig;
  readonly severity: SeverityOverrides;
  /** The load baseline from history, when there is one. */
  readonly baseline?: Baseline;
  /** The run history (earlier runs' records, this run's start and schedule), on a monitor run that keeps one. */
  readonly history?: HistoryInput;
  /** The config's maintenance windows (all environments): the history counts their time as neither up nor down. */
  readonly maintenance?: readonly MaintenanceWindow[];
}

/** A rule that fired, graded: the finding's rule id and severity. Absent where the config switched the rule off. */
export interface Graded {
  readonly rule: string;
  readonly severity: Severity;
}

/** What a check's evaluation returns: verdicts with no display text, and what it looked at. */
export interface Judged<V> {
  readonly verdicts: readonly V[];
  /** Fingerprints whose rule was evaluated this run, passing or failing (see incidents/observed.ts). */
  readonly observed: readonly string[];
  /** Structured facts for other renderers (see `CheckFacts`). */
  readonly facts?: CheckFacts;
}

/** A check's verdicts in words. */
export interface Rendered {
  readonly rows: readonly ResultRow[];
  readonly findings: readonly Finding[];
  readonly notes: readonly string[];
  /** Findings with the URL they judged and their row: an outage of that origin may fold them. */
  readonly located: readonly Located[];
}

export interface Located {
  readonly finding: Finding;
  readonly url: string;
  readonly row: ResultRow;
}

export function fingerprint(environment: string, check: FindingSource, subject: string): string {
  return `${environment}:${check}:${subject}`;
}

/** The rule graded with the config's overrides; undefined when the config switched it off. */
export function grade(ctx: EvalContext, rule: RuleId): Graded | undefined {
  const severity = ruleSeverity(rule, ctx.severity);
  return severity === undefined ? undefined : { rule, severity };
}
