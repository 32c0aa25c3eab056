import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ConfigError, UserError } from './config/errors.js';
import { codeBlock } from './core/markdown.js';
// Every line, annotation, output and summary goes through the run's one redactor.
import * as core from './github/runner.js';
import { GitHubUnavailable } from './github/unavailable.js';
import { createHttpClient } from './http/client.js';
import { sevName } from './core/severity.js';
import { describeFailure } from './failure.js';
import { readRunnerContext, type RunnerContext } from './github/context.js';
import type { AppliedAction } from './incidents/applier.js';
import { parseOptions, reportMode, type RunOptions } from './options.js';
import { runPipeline, type PipelineOutcome } from './pipeline.js';
import { lazyOctokit, openBaselineStore, openRunStore, recordBaseline, recordRun, type GitHubAccess } from './records.js';
import { systemClock } from './ports.js';
import { renderMarkdown, verdictLine } from './report/render.js';
import type { Report } from './report/report.js';
import { suppressionText } from './suppression/render.js';

/** The action's entry: the one failure boundary. Every error ends as one sentence on the step. */
export async function run(): Promise<void> {
  const { redactor } = core;
  try {
    const reportPath = resolve(process.env.GITHUB_WORKSPACE ?? process.cwd(), 'launchguard-report.json');
    const reporting = reportMode((name) => core.getInput(name));
    // A report mode runs no check: the other inputs are read as for a monitor run (config, token, dry-run).
    const opts = parseOptions((name) => (reporting && name === 'mode' ? '' : core.getInput(name)), reportPath);
    const ctx = readRunnerContext(process.env);
    const github = lazyOctokit(opts, ctx);
    if (reporting === 'page') return await (await import('./page/action.js')).runPageMode(opts, ctx, github);
    if (reporting === 'review') return await (await import('./review/action.js')).runReviewMode(opts, ctx, github);
    const outcome = await runPipeline(opts, {
      clock: systemClock,
      createHttp: (tls) => createHttpClient(systemClock, tls),
      env: process.env,
      redactor,
      runInfo: { url: ctx.runUrl, sha: ctx.sha, ref: ctx.ref },
      baselineStore: (plan) => openBaselineStore(plan, github),
      runStore: (plan) => openRunStore(plan, github),
      start: { ...(ctx.eventName ? { event: ctx.eventName } : {}), ...(typeof ctx.event.schedule === 'string' ? { cron: ctx.event.schedule } : {}) },
    });
    const { report } = outcome;
    core.setOutput('report-path', reportPath);
    setOutputs(report);
    const baselineNotes = [...(await recordBaseline(outcome, opts, ctx, github)), ...(await recordRun(outcome, opts, ctx, github))];
    const incidentNotes = await manageIncidents(outcome, opts, ctx, github);
    const gateNotes = opts.mode === 'gate' ? await postGateComment(outcome, opts, ctx, github) : [];
    annotate(report);
    const extra = [...baselineNotes, ...incidentNotes, ...gateNotes].map((n) => redactor.text(n));
    if (process.env.GITHUB_STEP_SUMMARY) {
      const notes = extra.length ? `\n### GitHub\n\n${extra.map((n) => `- ${n}`).join('\n')}\n` : '';
      await core.summary.addRaw(renderMarkdown(report) + notes).write();
    }
    for (const n of extra) core.info(n);
    const line = verdictLine(report);
    if (report.verdict.status === 'fail') core.setFailed(line);
    else core.info(line);
  } catch (err) {
    const { message, stack } = describeFailure(err, redactor);
    if (stack) core.debug(stack);
    await reportStop(err, message);
    core.setFailed(message);
  }
}

/**
 * A run that stopped before a verdict: `status` is `error`, the job summary states why, and each
 * config problem is an annotation on its file and line, so GitHub marks the config line.
 */
async function reportStop(err: unknown, message: string): Promise<void> {
  core.setOutput('status', 'error');
  if (err instanceof ConfigError) {
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const abs = resolve(workspace, err.file);
    const rel = relative(workspace, abs);
    // Outside the workspace, GitHub cannot mark a line: the annotation then names the file in its text only.
    const file = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : undefined;
    for (const p of err.problems) {
      core.error(`${p.path === '' ? '(top level)' : p.path}: ${p.message}`, {
        title: 'launchguard config',
        ...(file ? { file, ...(p.line ? { startLine: p.line } : {}) } : {}),
      });
    }
  }
  if (process.env.GITHUB_STEP_SUMMARY) {
    try {
      const what = err instanceof ConfigError ? 'the config is invalid' : err instanceof UserError ? 'it cannot run as set up' : 'it stopped on an unexpected error';
      await core.summary.addRaw(`## ❌ launchguard: ERROR: ${what}\n\n${err instanceof ConfigError ? 'No check ran: fix the config lines below (each is also an annotation on its line).\n\n' : ''}${codeBlock(message)}\n`).write();
    } catch {
      // The summary is a courtesy here: the step fails with the message all the same.
    }
  }
}

/** One issue per incident: opened, updated, escalated, closed and reopened. Never in gate mode. */
async function manageIncidents(outcome: PipelineOutcome, opts: RunOptions, ctx: RunnerContext, github: GitHubAccess): Promise<string[]> {
  if (!opts.issues) return outcome.plan.fullConfig.notifications.length ? ['notifications: none sent: they report changes of incident issues, and issues: false turns those off'] : [];
  if (opts.mode === 'gate') return ['issues: not managed (gate mode never opens incident issues)'];
  if (opts.shardSpec) return ['issues: not managed by a shard run (the merge run manages them)'];
  const cfg = outcome.plan.fullConfig.incidents;
  try {
    const { octokit, owner, repo } = await github.get();
    const [{ runIncidents, deferredLine }, { BranchFiles }] = await Promise.all([import('./incidents/applier.js'), import('./github/branch-file.js')]);
    const result = await runIncidents(outcome.report.environment, outcome.report.findings, outcome.report.observed, cfg, {
      octokit,
      repo: { owner, repo },
      // One clock for the run: the instant the pipeline started decided the maintenance windows too.
      now: new Date(outcome.report.startedAt),
      runUrl: ctx.runUrl,
      ...(outcome.report.suppression ? { suppression: outcome.report.suppression } : {}),
      dryRun: opts.dryRun,
      files: new BranchFiles(octokit, { owner, repo }, cfg.branch),
      log: (m) => core.info(m),
    });
    const lines = result.lines.map((l) => `issues: ${l}`);
    const more = deferredLine(result.incidentPlan.deferred, cfg['max-new-per-run']);
    if (more) lines.push(`issues: ${more}`);
    if (opts.dryRun) lines.push('issues: dry-run, nothing was written');
    if (lines.length === 0) lines.push('issues: no incident changed');
    return [...lines, ...(await sendNotifications(outcome, opts, ctx, result.applied))];
  } catch (err) {
    if (err instanceof GitHubUnavailable) {
      return [`issues: not managed: ${err.message}. The findings are in this summary and the report.`];
    }
    core.warning(`issues: could not update the incident issues: ${(err as Error).message}`);
    return [];
  }
}

/**
 * After the issues are written: each channel told of the incident changes applied (in a dry run,
 * what would be sent). Never throws: an undelivered notice is a note and a warning.
 */
async function sendNotifications(outcome: PipelineOutcome, opts: RunOptions, ctx: RunnerContext, applied: readonly AppliedAction[]): Promise<string[]> {
  const channels = outcome.plan.fullConfig.notifications;
  if (channels.length === 0) return [];
  try {
    const { notify } = await import('./notifications/send.js');
    const repoUrl = ctx.owner && ctx.repo ? `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}` : undefined;
    const input = { environment: outcome.report.environment, applied, findings: outcome.report.findings, channels, ...(repoUrl ? { repoUrl } : {}), ...(ctx.runUrl ? { runUrl: ctx.runUrl } : {}) };
    const r = await notify(input, { now: () => new Date(), redact: (v) => core.redactor.value(v), dryRun: opts.dryRun });
    for (const f of r.failures) core.warning(f.plain);
    return [...r.lines, ...r.failures.map((f) => f.markdown)];
  } catch (err) {
    core.warning(`notifications: not sent: ${(err as Error).message}`);
    return [`notifications: not sent: ${(err as Error).message}`];
  }
}

/** Gate mode: one pull-request comment, edited in place. A fork's read-only token is not a failure. */
async function postGateComment(outcome: PipelineOutcome, opts: RunOptions, ctx: RunnerContext, github: GitHubAccess): Promise<string[]> {
  const pr = (ctx.event.pull_request as { number?: number } | undefined)?.number ?? (ctx.event.number as number | undefined);
  if (!pr) return ['gate: this run has no pull request in its event, so no comment was posted'];
  const { renderGateComment } = await import('./gate/render.js');
  const body = renderGateComment(outcome.report);
  if (opts.dryRun) return [`gate: dry-run, the comment on #${pr} was not written`];
  try {
    const { octokit, owner, repo } = await github.get();
    const { upsertGateComment } = await import('./gate/comment.js');
    const c = await upsertGateComment(octokit, { owner, repo }, pr, outcome.report.environment, body);
    return [`gate: ${c.created ? 'posted' : 'updated'} the comment on #${pr}`];
  } catch (err) {
    if (err instanceof GitHubUnavailable) return [`gate: ${err.message}; the verdict is in this summary and the outputs only`];
    core.warning(`gate: could not post the pull-request comment: ${(err as Error).message}`);
    return [];
  }
}

function setOutputs(r: Report): void {
  if (r.shard) {
    // Distinct names per index too: matrix legs that share one output name overwrite each other.
    core.setDataOutput('shard-result', r.shard);
    core.setDataOutput(`shard-result-${r.shard.shard.index}`, r.shard);
  }
  core.setOutput('status', r.verdict.status);
  core.setOutput('worst-severity', r.verdict.worstSeverity);
  core.setOutput('findings-count', String(r.verdict.findingsCount));
  const slo = r.facts?.history?.slo;
  if (slo) {
    // Two decimals, rounded down: 99.899 % must not read as meeting a 99.9 % objective.
    core.setOutput('availability', slo.availabilityPct !== undefined ? (Math.floor(slo.availabilityPct * 100) / 100).toFixed(2) : '');
    core.setOutput('error-budget-remaining', (Math.floor(slo.budgetRemainingPct * 100) / 100).toFixed(2));
  }
  const load = r.results.load?.overall;
  if (load && load.responses > 0) {
    // Percentiles of successful responses only: with none, they are empty, not the latency of failures.
    const ok = load.latencyMs.count > 0;
    core.setOutput('p50-ms', ok ? String(load.latencyMs.p50) : '');
    core.setOutput('p95-ms', ok ? String(load.latencyMs.p95) : '');
    core.setOutput('p99-ms', ok ? String(load.latencyMs.p99) : '');
    core.setOutput('error-rate', String(Math.round(load.errorRate * 1e6) / 1e6));
    core.setOutput('requests-per-second', String(load.requestsPerSecond));
  }
}

function annotate(r: Report): void {
  for (const f of r.findings) {
    const props = { title: `[${sevName(f.severity)}] ${f.title}${f.suppressed ? ` (${suppressionText(f.suppressed)})` : ''}` };
    const text = `${f.detail} (respond ${f.targets.response}, resolve ${f.targets.resolution})`;
    // Held findings are still shown, as notices: they are expected, not alarms. Not in gate mode,
    // which judges them: there a held SEV1 fails the gate and is an error like any other.
    if (f.suppressed && r.mode !== 'gate') core.notice(text, props);
    else if (f.severity === 'sev1' || f.severity === 'sev2') core.error(text, props);
    else if (f.severity === 'sev3') core.warning(text, props);
    else core.notice(text, props);
  }
}
