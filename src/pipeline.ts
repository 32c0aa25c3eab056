import { formatMs } from './config/duration.js';
import { originOf } from './core/url.js';
import { loadConfigFile } from './config/load.js';
import type { HttpClient, TlsOptions } from './http/client.js';
import { secretHeaderValues } from './http/target.js';
import { baselineOf, comparable, loadConfigHash, type Baseline, type BaselineEntry, type BaselineKey, type History } from './baseline/stats.js';
import { evaluate } from './evaluation/evaluate.js';
import { CHECK_REGISTRY } from './checks/registry.js';
import type { AnyCheck, RunContext } from './checks/check.js';
import type { ShardResult } from './scale/shards.js';
import type { ShardSpec } from './scale/shard-spec.js';
import { UserError } from './config/errors.js';
import type { CheckFailure, CheckName, CheckResults, LoadResult } from './core/types.js';
import { computeVerdict } from './core/verdict.js';
import type { BaselineStore } from './baseline/store.js';
import type { RunOptions } from './options.js';
import { resolvePlan, type RunPlan } from './run-plan.js';
import type { Clock } from './ports.js';
import { MACHINE_KEYS, type Redactor } from './report/redact.js';
import { loadRunPassed, REPORT_SCHEMA, withTargets, writeReport, type BaselineSummary, type Report } from './report/report.js';

export interface PipelineDeps {
  readonly clock: Clock;
  readonly createHttp: (tls?: TlsOptions) => HttpClient;
  readonly env: NodeJS.ProcessEnv;
  readonly redactor: Redactor;
  readonly runInfo?: Report['run'];
  /** Where the load baseline is kept; asked for only when the load check runs. */
  readonly baselineStore?: (plan: RunPlan) => Promise<BaselineStore | undefined>;
}

export interface PipelineOutcome {
  readonly plan: RunPlan;
  /** Redacted: safe to show anywhere. */
  readonly report: Report;
  readonly store?: BaselineStore;
  /** What this run's history entry is recorded with: the load config's hash and the target's origin. */
  readonly historyKey?: BaselineKey;
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
  const plan = resolvePlan(loaded, opts);
  const load = plan.environmentConfig.load;
  const headerSets = [plan.environmentConfig.headers, ...(plan.environmentConfig.health ?? []).map((p) => p.headers), ...(load?.requests ?? []).map((r) => r.headers)];
  for (const s of secretHeaderValues(...headerSets)) redactor.add(s);
  // Every URL the run touches: passwords and query values (tokens in `?token=`) never show.
  for (const url of touchedUrls(plan)) redactor.addUrl(url);
  redactor.addSecretUri(plan.mongodbUri); // also when it came from the config's indexes.uri

  const notes: string[] = [];
  let store: BaselineStore | undefined;
  let history: History | undefined;
  let baseline: Baseline | undefined;
  let summary: BaselineSummary | undefined;
  const origin = originOf(plan.baseUrl);
  const historyKey: BaselineKey | undefined = load ? { configHash: loadConfigHash(load), ...(origin ? { origin } : {}) } : undefined;
  // A gate compares a preview deployment with the default branch's target: the same load, another origin.
  const matchKey = historyKey && opts.mode === 'gate' ? { configHash: historyKey.configHash } : historyKey;
  if (plan.checks.includes('load') && load && deps.baselineStore && !opts.shardSpec) {
    try {
      store = await deps.baselineStore(plan);
      history = await store?.read(plan.environment);
    } catch (err) {
      notes.push(`baseline: history not read (${(err as Error).message}); judged by budgets alone`);
      store = undefined;
    }
    const k = load.regression['baseline-runs'];
    baseline = history ? baselineOf(history.entries, k, matchKey) : undefined;
    const same = history ? comparable(history.entries, matchKey) : [];
    if (history && history.entries.length > same.length && same.filter((e) => e.passed).length < k) {
      notes.push(`baseline: the load config${opts.mode === 'gate' ? '' : ' or the target'} changed since earlier recorded runs, so a new baseline is being built (${same.filter((e) => e.passed).length} of ${k} comparable passing runs so far; ${history.entries.length - same.length} older runs are not compared)`);
    }
    if (baseline && store) {
      summary = summarizeBaseline(baseline, store.where);
      notes.push(`baseline: ${describeBaseline(summary)}`);
    }
    else if (store) notes.push(`baseline: no passing run recorded yet in ${store.where}; judged by budgets alone`);
  }

  let results: CheckResults;
  let shardResult: ShardResult | undefined;
  if (opts.mode === 'merge') {
    const { mergeShards, configHash } = await import('./scale/shards.js');
    const { joinUrl } = await import('./http/target.js');
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
    severity: plan.config.severity,
    ...(baseline ? { baseline } : {}),
  });
  // A shard does not judge budgets: only the merge of all shards does.
  const evaluation = shardResult ? { rows: judged.rows, findings: [], observed: [], notes: [...judged.notes, `shard ${opts.shardSpec!.index}/${opts.shardSpec!.count}: budgets are judged by the merge run`] } : judged;
  const report: Report = {
    schema: REPORT_SCHEMA,
    startedAt: startedAt.toISOString(),
    finishedAt: clock.now().toISOString(),
    durationMs: Math.round(clock.monotonic() - t0),
    environment: plan.environment,
    target: plan.baseUrl,
    mode: opts.mode,
    checks: plan.checks,
    verdict: computeVerdict(evaluation.findings, opts.failOn),
    findings: withTargets(evaluation.findings),
    rows: evaluation.rows,
    notes: [...notes, ...evaluation.notes],
    observed: evaluation.observed,
    results,
    ...(shardResult ? { shard: shardResult } : {}),
    ...(history ? { history: history.entries.slice(-30) } : {}),
    ...(summary ? { baseline: summary } : {}),
    ...(deps.runInfo ? { run: deps.runInfo } : {}),
  };
  await writeReport(opts.reportPath, report, redactor);
  return { plan, report: redactor.value(report), ...(store ? { store } : {}), ...(historyKey ? { historyKey } : {}) };
}

function summarizeBaseline(b: Baseline, where: string): BaselineSummary {
  const first = b.runs[0]!;
  const last = b.runs[b.runs.length - 1]!;
  return {
    where,
    runs: b.runs.length,
    from: first.at,
    to: last.at,
    ...(first.sha ? { fromSha: first.sha } : {}),
    ...(last.sha ? { toSha: last.sha } : {}),
    p50: b.p50,
    p95: b.p95,
    p95Mad: b.p95Mad,
    p99: b.p99,
    errorRate: b.errorRate,
    rps: b.rps,
  };
}

export function describeBaseline(b: BaselineSummary): string {
  const range = b.fromSha && b.toSha ? `, commits ${b.fromSha.slice(0, 7)}..${b.toSha.slice(0, 7)}` : '';
  return `median of ${b.runs} passing run${b.runs === 1 ? '' : 's'} (${b.from.slice(0, 10)} to ${b.to.slice(0, 10)}${range}): p95 ${formatMs(b.p95)} ± ${formatMs(b.p95Mad)} MAD, from ${b.where}`;
}

/** Every URL a run requests: the target, and each configured check's URLs. */
function touchedUrls(plan: RunPlan): string[] {
  if (!plan.baseUrl) return [];
  return [plan.baseUrl, ...CHECK_REGISTRY.flatMap((c) => c.urls(plan.environmentConfig, plan.baseUrl))];
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

/**
 * The merge run's input: JSON (an array of shard results, or an object such as the shard jobs'
 * outputs whose values are shard results), or report files by path or glob.
 */
async function readShards(input: string, env: NodeJS.ProcessEnv): Promise<{ result: ShardResult; source: string }[]> {
  const { parseShardResult } = await import('./scale/shards.js');
  const text = input.trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new UserError('input shards: starts like JSON but is not valid JSON');
    }
    const entries: [string, unknown][] = Array.isArray(raw) ? raw.map((v, i) => [`shards[${i}]`, v]) : Object.entries(raw as Record<string, unknown>);
    return entries.filter(([, v]) => v !== '' && v !== null).map(([k, v]) => ({ result: parseShardResult(v, `output ${k}`), source: `output ${k}` }));
  }
  const { readFile } = await import('node:fs/promises');
  const { globSync } = await import('node:fs');
  const { resolve } = await import('node:path');
  const root = env.GITHUB_WORKSPACE ?? process.cwd();
  const files = text.split(/[\n,]+/).map((p) => p.trim()).filter(Boolean).flatMap((p) => (/[*?[]/.test(p) ? globSync(p, { cwd: root }).sort() : [p]));
  if (files.length === 0) throw new UserError(`input shards: no file matches ${JSON.stringify(text)}`);
  return Promise.all(
    files.map(async (f) => {
      let body: string;
      try {
        body = await readFile(resolve(root, f), 'utf8');
      } catch (err) {
        throw new UserError(`input shards: cannot read ${f}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      }
      return { result: parseShardResult(body, f), source: f };
    }),
  );
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
        failures.push({ check: check.name, message: err instanceof Error ? err.message : String(err) });
      }
    };
    const chosen = CHECK_REGISTRY.filter((c) => plan.checks.includes(c.name));
    await Promise.all(chosen.filter((c) => !c.runsLast).map(settle));
    for (const c of chosen.filter((c) => c.runsLast)) await settle(c);
    // In the registry's order, whatever order they finished in.
    const ordered: CheckResults = Object.fromEntries(CHECK_REGISTRY.flatMap((c) => (results[c.name] !== undefined ? [[c.name, results[c.name]]] : [])));
    return { ...ordered, ...(failures.length ? { failures } : {}) };
  } finally {
    await http.close();
  }
}
