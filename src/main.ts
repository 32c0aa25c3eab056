import { resolve } from 'node:path';
import * as core from '@actions/core';
import { BaselineUnavailable, type BaselineStore } from './baseline/store.js';
import { createHttpClient } from './checks/http.js';
import { label } from './core/severity.js';
import { describeFailure } from './failure.js';
import { onDefaultBranch, readRunnerContext, type RunnerContext } from './github/context.js';
import { parseOptions, type RunOptions } from './options.js';
import { historyEntry, runPipeline, type PipelineOutcome } from './pipeline.js';
import type { RunPlan } from './plan.js';
import { systemClock } from './ports.js';
import { Redactor } from './report/redact.js';
import { renderMarkdown, verdictLine } from './report/render.js';
import type { Report } from './report/report.js';

/** The action's entry: the one failure boundary. Every error ends as one sentence on the step. */
export async function run(): Promise<void> {
  const redactor = new Redactor((s) => core.setSecret(s));
  try {
    const reportPath = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), 'launchguard-report.json');
    const opts = parseOptions((name) => core.getInput(name), reportPath);
    const ctx = readRunnerContext(process.env);
    const outcome = await runPipeline(opts, {
      clock: systemClock,
      createHttp: (tls) => createHttpClient(systemClock, tls),
      env: process.env,
      redactor,
      runInfo: { url: ctx.runUrl, sha: ctx.sha, ref: ctx.ref },
      baselineStore: (plan) => openBaselineStore(plan, opts, ctx),
    });
    const { report } = outcome;
    core.setOutput('report-path', reportPath);
    setOutputs(report);
    const extra = await recordBaseline(outcome, opts, ctx);
    annotate(report);
    if (process.env.GITHUB_STEP_SUMMARY) {
      const notes = extra.length ? `\n${extra.map((n) => `- ${n}`).join('\n')}\n` : '';
      await core.summary.addRaw(renderMarkdown(report) + notes).write();
    }
    for (const n of extra) core.info(n);
    const line = verdictLine(report);
    if (report.verdict.status === 'fail') core.setFailed(line);
    else core.info(line);
  } catch (err) {
    const { message, stack } = describeFailure(err, redactor);
    if (stack) core.debug(stack);
    core.setFailed(message);
  }
}

async function openBaselineStore(plan: RunPlan, opts: RunOptions, ctx: RunnerContext): Promise<BaselineStore | undefined> {
  if (!opts.githubToken || !ctx.owner || !ctx.repo) {
    throw new BaselineUnavailable('no github-token or repository: the baseline history is not kept; this run is in the JSON report only');
  }
  const [{ createOctokit }, { GitHubBaselineStore }] = await Promise.all([import('./github/octokit.js'), import('./github/baseline-store.js')]);
  const octokit = createOctokit(opts.githubToken, ctx.apiUrl, (m) => core.info(m));
  return new GitHubBaselineStore(octokit, { owner: ctx.owner, repo: ctx.repo }, plan.env.load!.history.branch);
}

/** Scheduled runs on the default branch extend the baseline; gate and dry runs never do. Returns what to tell the user. */
async function recordBaseline(outcome: PipelineOutcome, opts: RunOptions, ctx: RunnerContext): Promise<string[]> {
  const load = outcome.report.results.load;
  const store = outcome.store;
  if (!load || !store) return [];
  if (opts.mode !== 'monitor') return ['baseline: not recorded (gate mode never writes history)'];
  if (opts.dryRun) return ['baseline: not recorded (dry-run)'];
  if (!onDefaultBranch(ctx)) return [`baseline: not recorded (only runs on the default branch extend it; this is ${ctx.ref ?? 'an unknown ref'})`];
  if (load.overall.responses === 0) return ['baseline: not recorded (the target never answered)'];
  try {
    const h = await store.append(outcome.plan.environment, historyEntry(outcome.report, load), outcome.plan.env.load!.history['max-entries']);
    return [`baseline: recorded this run in ${store.where} (${h.entries.length} entries)`];
  } catch (err) {
    if (err instanceof BaselineUnavailable) return [`baseline: ${err.message}; this run is in the JSON report only`];
    core.warning(`baseline: could not record this run in ${store.where}: ${(err as Error).message}`);
    return [];
  }
}

function setOutputs(r: Report): void {
  core.setOutput('status', r.verdict.status);
  core.setOutput('worst-severity', r.verdict.worstSeverity);
  core.setOutput('findings-count', String(r.verdict.findingsCount));
  const load = r.results.load?.overall;
  if (load && load.responses > 0) {
    core.setOutput('p50-ms', String(load.latencyMs.p50));
    core.setOutput('p95-ms', String(load.latencyMs.p95));
    core.setOutput('p99-ms', String(load.latencyMs.p99));
    core.setOutput('error-rate', String(Math.round(load.errorRate * 1e6) / 1e6));
    core.setOutput('requests-per-second', String(load.requestsPerSecond));
  }
}

function annotate(r: Report): void {
  for (const f of r.findings) {
    const props = { title: `[${label(f.severity)}] ${f.title}` };
    const text = `${f.detail} (respond ${f.targets.response}, resolve ${f.targets.resolution})`;
    if (f.severity === 'sev1' || f.severity === 'sev2') core.error(text, props);
    else if (f.severity === 'sev3') core.warning(text, props);
    else core.notice(text, props);
  }
}
