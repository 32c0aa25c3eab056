import { loadConfigFile } from './config/load.js';
import { runHealth } from './checks/health.js';
import type { HttpClient, TlsOptions } from './checks/http.js';
import { runMetrics } from './checks/metrics.js';
import { secretHeaderValues } from './checks/target.js';
import { evaluate } from './core/evaluate.js';
import type { CheckResults } from './core/types.js';
import { computeVerdict } from './core/verdict.js';
import type { RunOptions } from './options.js';
import { resolvePlan, type RunPlan } from './plan.js';
import type { Clock } from './ports.js';
import type { Redactor } from './report/redact.js';
import { REPORT_SCHEMA, withTargets, writeReport, type Report } from './report/report.js';

export interface PipelineDeps {
  readonly clock: Clock;
  readonly createHttp: (tls?: TlsOptions) => HttpClient;
  readonly env: NodeJS.ProcessEnv;
  readonly redactor: Redactor;
  readonly runInfo?: Report['run'];
}

export interface PipelineOutcome {
  readonly plan: RunPlan;
  /** Redacted: safe to show anywhere. */
  readonly report: Report;
}

/** config → checks → results → evaluation → findings → report (written to disk before anything else can fail). */
export async function runPipeline(opts: RunOptions, deps: PipelineDeps): Promise<PipelineOutcome> {
  const { clock, redactor } = deps;
  const startedAt = clock.now();
  const t0 = clock.monotonic();
  redactor.add(opts.githubToken);
  redactor.addUri(opts.mongodbUri);
  redactor.addUri(opts.targetUrl);

  const loaded = await loadConfigFile(opts.configPath, deps.env);
  for (const s of loaded?.secrets ?? []) redactor.add(s);
  const plan = resolvePlan(loaded, opts);
  for (const s of secretHeaderValues(plan.env.headers, ...(plan.env.health ?? []).map((p) => p.headers))) redactor.add(s);
  redactor.addUri(plan.baseUrl);

  const results = await runChecks(plan, deps);
  const evaluation = evaluate(results, { environment: plan.environment, env: plan.env, severity: plan.config.severity });
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
    notes: evaluation.notes,
    results,
    ...(deps.runInfo ? { run: deps.runInfo } : {}),
  };
  await writeReport(opts.reportPath, report, redactor);
  return { plan, report: redactor.value(report) };
}

async function runChecks(plan: RunPlan, deps: PipelineDeps): Promise<CheckResults> {
  const tls = plan.env.tls;
  const http = deps.createHttp(tls ? { caFile: tls.ca, rejectUnauthorized: tls['reject-unauthorized'] } : undefined);
  try {
    const [health, metrics] = await Promise.all([
      plan.checks.includes('health') ? runHealth(plan.env, plan.baseUrl, http) : undefined,
      plan.checks.includes('metrics') ? runMetrics(plan.env, plan.baseUrl, http) : undefined,
    ]);
    return { ...(health ? { health } : {}), ...(metrics ? { metrics } : {}) };
  } finally {
    await http.close();
  }
}
