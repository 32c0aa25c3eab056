import { loadConfigFile } from './config/load.js';
import type { HttpClient, TlsOptions } from './http/client.js';
import { secretHeaderValues } from './http/target.js';
import { channelSecrets } from './notifications/schema.js';
import type { BaselineKey } from './baseline/stats.js';
import { readBaseline } from './baseline/read.js';
import { evaluate } from './evaluation/evaluate.js';
import { CHECK_REGISTRY } from './checks/registry.js';
import { StoppedWithResult, type AnyCheck, type RunContext } from './checks/check.js';
import type { ShardResult } from './scale/shards.js';
import type { ShardSpec } from './scale/shard-spec.js';
import { UserError } from './config/errors.js';
import type { CheckFailure, CheckResults } from './checks/results.js';
import type { CheckName } from './core/types.js';
import { computeVerdict } from './core/verdict.js';
import type { BaselineStore } from './baseline/store.js';
import type { RunOptions } from './options.js';
import { resolvePlan, type RunPlan } from './run-plan.js';
import type { Clock } from './ports.js';
import { MACHINE_KEYS, type Redactor } from './report/redact.js';
import { markSuppressed, suppressionAt } from './suppression/suppress.js';
import { expiredSilenceNote } from './suppression/render.js';
import { readRunHistory, type RunStart } from './history/read.js';
import { recordOf } from './history/build.js';
import type { RunRecord } from './history/record.js';
import type { RunStore } from './history/store.js';
import { REPORT_SCHEMA, withTargets, writeReport, type Report } from './report/report.js';

export interface PipelineDeps {
  readonly clock: Clock;
  readonly createHttp: (tls?: TlsOptions) => HttpClient;
  readonly env: NodeJS.ProcessEnv;
  readonly redactor: Redactor;
  readonly runInfo?: Report['run'];
  /** Where the load baseline is kept; asked for only when the load check runs. */
  readonly baselineStore?: (plan: RunPlan) => Promise<BaselineStore | undefined>;
  /** Where the run history is kept; asked for only on a monitor run of an environment that records it. */
  readonly runStore?: (plan: RunPlan) => Promise<RunStore | undefined>;
  /** How the run was started (the event and a schedule's cron); the CLI has none. */
  readonly start?: RunStart;
}

export interface PipelineOutcome {
  readonly plan: RunPlan;
  /** Redacted: safe to show anywhere. */
  readonly report: Report;
  readonly store?: BaselineStore;
  /** What this run's history entry is recorded with: the load config's hash and the target's origin. */
  readonly historyKey?: BaselineKey;
  /** The run history's store, and this run's record for it (appended once the report is written, if the policy says so). */
  readonly runStore?: RunStore;
  readonly runRecord: RunRecord;
}

/** Keys of check results kept as they are before evaluation: machine data, and URLs (redacted with the report). */
const TARGET_KEEP: ReadonlySet<string> = new Set([...MACHINE_KEYS, 'url']);

/** config → checks → results → evaluation → findings → report (written to disk before anything else can fail). */
export async function runPipeline(opts: RunOptions, deps: PipelineDeps): Promise<PipelineOutcome> {
  const { clock, redactor } = deps;
  const startedAt = clock.now();
  const t0 = clock.monotonic();
  redactor.add(opts.githubToken);
  // The whole MongoDB URI is masked, and its password on its own: findings name only the host.
  redactor.addSecretUri(opts.mongodbUri);
  redactor.addUrl(opts.targetUrl);

  const loaded = await loadConfigFile(opts.configPath, deps.env);
  for (const s of loaded?.secrets ?? []) redactor.add(s);
  // Notification channels: a webhook URL or a routing key is a credential, written in the file or not.
  for (const s of channelSecrets(loaded?.config.notifications ?? [])) {
    redactor.add(s);
    redactor.addUrl(s);
  }
  const plan = resolvePlan(loaded, opts);
  const load = plan.environmentConfig.load;
  const headerSets = [plan.environmentConfig.headers, ...(plan.environmentConfig.health ?? []).map((p) => p.headers), ...(load?.requests ?? []).map((r) => r.headers)];
  for (const s of secretHeaderValues(...headerSets)) redactor.add(s);
  // Every URL the run touches: passwords and query values (tokens in `?token=`) never show.
  for (const url of touchedUrls(plan)) redactor.addUrl(url);
  redactor.addSecretUri(plan.mongodbUri); // also when it came from the config's indexes.uri

  const notes: string[] = [];
  const { store, history, baseline, summary, historyKey, notes: baselineNotes } = await readBaseline(plan, opts, deps.baselineStore);
  notes.push(...baselineNotes);
  const start = deps.start ?? {};
  const runHistory = await readRunHistory(plan, opts, startedAt.getTime(), start, deps.runStore);
  notes.push(...runHistory.notes);

  let results: CheckResults;
  let shardResult: ShardResult | undefined;
  if (opts.mode === 'merge') {
    const { mergeShards, configHash } = await import('./scale/shards.js');
    const { joinUrl } = await import('./http/target.js');
    const { readShards } = await import('./scale/read-shards.js');
    const shards = await readShards(opts.shards ?? '', deps.env);
    const measured = shards.find((s) => s.result.environment !== plan.environment);
    if (measured) {
      throw new UserError(`shards: ${measured.source} measured environment "${measured.result.environment}", but this merge run judges "${plan.environment}"`);
    }
    // Each shard must have run this merge run's own config, against its target when it has one.
    // Shard results arrive redacted (a step output is text that left a process): compare like with like.
    const urls = plan.baseUrl ? new Map((load!.requests ?? [{ name: 'target', path: '' }]).map((r) => [r.name, redactor.text(joinUrl(plan.baseUrl, r.path))])) : undefined;
    const { load: merged, notes: mergeNotes } = mergeShards(shards, { configHash: configHash(plan.environment, load!), ...(urls ? { urls } : {}) });
    notes.push(...mergeNotes);
    notes.push(`load: merged ${shards.length} shard results (${merged.overall.connections} connections in all); the percentiles are those of all ${merged.overall.responses} responses`);
    results = { load: merged };
  } else {
    results = await runChecks(plan, deps, opts.shardSpec);
    if (opts.shardSpec && results.load) {
      const { configHash, toShardResult } = await import('./scale/shards.js');
      shardResult = toShardResult(results.load, opts.shardSpec, plan.environment, configHash(plan.environment, plan.environmentConfig.load!));
    }
  }
  // What the target sent is redacted where it enters, before evaluation derives names, excerpts
  // and fingerprints from it (lower-cased, cut, escaped): a secret it echoes back must not survive
  // in a form the boundary no longer recognises. URLs stay raw for evaluation (origins) and are
  // redacted with the report.
  results = redactor.value(results, TARGET_KEEP);
  const judged = evaluate(results, {
    environment: plan.environment,
    config: plan.environmentConfig,
    severity: plan.fullConfig.severity,
    ...(baseline ? { baseline } : {}),
    ...(runHistory.input ? { history: runHistory.input } : {}),
    ...(plan.fullConfig.maintenance ? { maintenance: plan.fullConfig.maintenance } : {}),
  });
  // A shard does not judge budgets: only the merge of all shards does.
  const evaluation = shardResult ? { rows: judged.rows, findings: [], observed: [], notes: [...judged.notes, `shard ${opts.shardSpec!.index}/${opts.shardSpec!.count}: budgets are judged by the merge run`] } : judged;
  // Maintenance windows and silences, decided at the run's start (one instant for the whole run):
  // findings stay findings, marked; the incident plan holds what they would open, escalate or close.
  const suppression = suppressionAt(plan.fullConfig, plan.environment, startedAt);
  const findings = markSuppressed(evaluation.findings, suppression);
  const report: Report = {
    schema: REPORT_SCHEMA,
    startedAt: startedAt.toISOString(),
    finishedAt: clock.now().toISOString(),
    durationMs: Math.round(clock.monotonic() - t0),
    environment: plan.environment,
    target: plan.baseUrl,
    mode: opts.mode,
    checks: plan.checks,
    verdict: computeVerdict(findings, opts.failOn, { judgeSuppressed: opts.mode === 'gate' }),
    findings: withTargets(findings),
    rows: evaluation.rows,
    ...(evaluation.facts ? { facts: evaluation.facts } : {}),
    notes: [...notes, ...evaluation.notes, ...(suppression?.expiredSilences ?? []).map(expiredSilenceNote)],
    ...(suppression ? { suppression } : {}),
    observed: evaluation.observed,
    results,
    ...(shardResult ? { shard: shardResult } : {}),
    ...(history ? { history: history.entries.slice(-30) } : {}),
    ...(summary ? { baseline: summary } : {}),
    ...(deps.runInfo ? { run: deps.runInfo } : {}),
  };
  await writeReport(opts.reportPath, report, redactor);
  const redacted = redactor.value(report);
  const runRecord = recordOf({
    environment: plan.environment,
    startedAt: redacted.startedAt,
    results: redacted.results,
    config: plan.environmentConfig,
    observed: redacted.observed,
    failing: redacted.findings.map((f) => f.fingerprint),
    worstSeverity: redacted.verdict.worstSeverity,
    ...(start.event ? { event: start.event } : {}),
    ...(runHistory.schedule ? { schedule: runHistory.schedule } : {}),
  });
  return { plan, report: redacted, runRecord, ...(runHistory.store ? { runStore: runHistory.store } : {}), ...(store ? { store } : {}), ...(historyKey ? { historyKey } : {}) };
}

/** Every URL a run requests: the target, and each configured check's URLs. */
function touchedUrls(plan: RunPlan): string[] {
  if (!plan.baseUrl) return [];
  return [plan.baseUrl, ...CHECK_REGISTRY.flatMap((c) => c.urls(plan.environmentConfig, plan.baseUrl))];
}

async function runChecks(plan: RunPlan, deps: PipelineDeps, shardSpec?: ShardSpec): Promise<CheckResults> {
  const tls = plan.environmentConfig.tls;
  const http = deps.createHttp(tls ? { caFile: tls.ca, rejectUnauthorized: tls['reject-unauthorized'] } : undefined);
  try {
    const ctx: RunContext = { plan, http, clock: deps.clock, redactor: deps.redactor, ...(shardSpec ? { shardSpec } : {}) };
    const results: { -readonly [N in CheckName]?: CheckResults[N] } = {};
    // Each check is settled on its own: one that breaks becomes a finding, and the others are still judged.
    const failures: CheckFailure[] = [];
    const settle = async (check: AnyCheck): Promise<void> => {
      try {
        const result = await check.run(ctx);
        if (result !== undefined) (results as Record<CheckName, unknown>)[check.name] = result;
      } catch (err) {
        if (err instanceof StoppedWithResult) (results as Record<CheckName, unknown>)[check.name] = err.result;
        failures.push({ check: check.name, message: err instanceof Error ? err.message : String(err) });
      }
    };
    const chosen = CHECK_REGISTRY.filter((c) => plan.checks.includes(c.name));
    await Promise.all(chosen.map((c) => c.preload?.(plan)));
    await Promise.all(chosen.filter((c) => !c.runsLast).map(settle));
    for (const c of chosen.filter((c) => c.runsLast)) await settle(c);
    // In the registry's order, whatever order they finished in.
    const ordered: CheckResults = Object.fromEntries(CHECK_REGISTRY.flatMap((c) => (results[c.name] !== undefined ? [[c.name, results[c.name]]] : [])));
    return { ...ordered, ...(failures.length ? { failures } : {}) };
  } finally {
    await http.close();
  }
}
