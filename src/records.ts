import * as core from './github/runner.js';
import type { BaselineStore } from './baseline/store.js';
import { historyDecision, historyEntry, maintenanceOf, needsDefaultBranch } from './baseline/policy.js';
import type { RunnerContext } from './github/context.js';
import { GitHubUnavailable } from './github/unavailable.js';
import type { Octokit } from './github/octokit.js';
import { runHistoryDecision } from './history/policy.js';
import type { RunStore } from './history/store.js';
import type { RunOptions } from './options.js';
import type { PipelineOutcome } from './pipeline.js';
import type { RunPlan } from './run-plan.js';

/**
 * The action's access to GitHub (one Octokit, loaded only when needed) and the data-branch writes
 * after the report: the load baseline and the run history, each by its own "record this run?" rule.
 */

export interface GitHubAccess {
  readonly get: () => Promise<{ octokit: Octokit; owner: string; repo: string }>;
  /** The repository's default branch: one repos.get call, cached for the run. */
  readonly defaultBranch: () => Promise<string>;
}

/** One Octokit for the run, loaded only when something needs GitHub. */
export function lazyOctokit(opts: RunOptions, ctx: RunnerContext): GitHubAccess {
  let made: Promise<{ octokit: Octokit; owner: string; repo: string }> | undefined;
  let defaultBranch: Promise<string> | undefined;
  const access: GitHubAccess = {
    defaultBranch: () =>
      (defaultBranch ??= access.get().then(async ({ octokit, owner, repo }) => (await octokit.rest.repos.get({ owner, repo })).data.default_branch)),
    get: () =>
      (made ??= (async () => {
        if (!opts.githubToken || !ctx.owner || !ctx.repo) {
          throw new GitHubUnavailable('no github-token or repository, so nothing is written to GitHub');
        }
        const { createOctokit } = await import('./github/octokit.js');
        return { octokit: createOctokit(opts.githubToken, ctx.apiUrl, (m) => core.info(m), (t) => core.redactor.text(t)), owner: ctx.owner, repo: ctx.repo };
      })()),
  };
  return access;
}

/** The default branch, when the decision needs it and the payload does not say (a schedule payload never does). */
async function defaultBranchOf(ctx: RunnerContext, github: GitHubAccess): Promise<{ defaultBranch?: string; defaultBranchError?: string }> {
  if (!needsDefaultBranch(ctx.eventName, ctx.ref, ctx.defaultBranch)) return ctx.defaultBranch ? { defaultBranch: ctx.defaultBranch } : {};
  try {
    return { defaultBranch: await github.defaultBranch() };
  } catch (err) {
    return { defaultBranchError: `the repository could not be read: ${(err as Error).message}` };
  }
}

export async function openBaselineStore(plan: RunPlan, github: GitHubAccess): Promise<BaselineStore | undefined> {
  const { octokit, owner, repo } = await github.get();
  const [{ GitHubBaselineStore }, { BranchFiles }] = await Promise.all([import('./baseline/github-store.js'), import('./github/branch-file.js')]);
  return new GitHubBaselineStore(new BranchFiles(octokit, { owner, repo }, plan.environmentConfig.load!.history.branch));
}

export async function openRunStore(plan: RunPlan, github: GitHubAccess): Promise<RunStore | undefined> {
  const { octokit, owner, repo } = await github.get();
  const [{ GitHubRunStore }, { BranchFiles }] = await Promise.all([import('./history/github-store.js'), import('./github/branch-file.js')]);
  return new GitHubRunStore(new BranchFiles(octokit, { owner, repo }, plan.environmentConfig.history.branch));
}

/** Monitor runs on the default branch append their record to the run history (runHistoryDecision has the rule). */
export async function recordRun(outcome: PipelineOutcome, opts: RunOptions, ctx: RunnerContext, github: GitHubAccess): Promise<string[]> {
  const store = outcome.runStore;
  if (opts.mode !== 'monitor' || opts.shardSpec) return [];
  if (!outcome.plan.environmentConfig.history.record) return ['history: this run is not recorded (history.record is false for this environment)'];
  if (!store) return [];
  const { defaultBranch, defaultBranchError } = await defaultBranchOf(ctx, github);
  const decision = runHistoryDecision({
    enabled: outcome.plan.environmentConfig.history.record, mode: opts.mode, event: ctx.eventName ?? '', ...(ctx.ref ? { ref: ctx.ref } : {}),
    ...(defaultBranch ? { defaultBranch } : {}), ...(defaultBranchError ? { defaultBranchError } : {}), dryRun: opts.dryRun, isShard: Boolean(opts.shardSpec),
  });
  if (!decision.record) return [`history: this run is not recorded (${decision.why})`];
  try {
    const file = await store.append(outcome.plan.environment, core.redactor.value(outcome.runRecord));
    return [`history: recorded this run in ${file} on ${store.where}`];
  } catch (err) {
    if (err instanceof GitHubUnavailable) return [`history: ${err.message}; this run is not in the run history`];
    core.warning(`history: could not record this run in ${store.where}: ${(err as Error).message}`);
    return [];
  }
}

/** Runs on the default branch extend the baseline (historyDecision has the rule). Returns what to tell the user. */
export async function recordBaseline(outcome: PipelineOutcome, opts: RunOptions, ctx: RunnerContext, github: GitHubAccess): Promise<string[]> {
  const load = outcome.report.results.load;
  const store = outcome.store;
  if (!load || !store) return [];
  const { defaultBranch, defaultBranchError } = await defaultBranchOf(ctx, github);
  const decision = historyDecision({
    mode: opts.mode, event: ctx.eventName ?? '', ...(ctx.ref ? { ref: ctx.ref } : {}), ...(defaultBranch ? { defaultBranch } : {}),
    ...(defaultBranchError ? { defaultBranchError } : {}), dryRun: opts.dryRun, isShard: Boolean(opts.shardSpec), answered: load.overall.responses > 0,
    ...maintenanceOf(outcome.report),
  });
  if (!decision.record) return [`baseline: not recorded (${decision.why})`];
  try {
    const h = await store.append(outcome.plan.environment, historyEntry(outcome.report, load, outcome.historyKey), outcome.plan.environmentConfig.load!.history['max-entries']);
    return [`baseline: recorded this run in ${store.where} (${h.entries.length} entries)`];
  } catch (err) {
    if (err instanceof GitHubUnavailable) return [`baseline: ${err.message}; this run is in the JSON report only`];
    core.warning(`baseline: could not record this run in ${store.where}: ${(err as Error).message}`);
    return [];
  }
}
