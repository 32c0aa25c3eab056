import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../config/errors.js';
import { DAY } from '../config/fields.js';
import { loadConfigFile } from '../config/load.js';
import type { RunnerContext } from '../github/context.js';
import * as core from '../github/runner.js';
import type { RunOptions } from '../options.js';
import type { GitHubAccess } from '../records.js';
import { incidentsFromIssues } from '../page/incidents.js';
import { buildReview, reviewWeek, type ReviewEnvironmentInput } from './model.js';
import { reviewMarkdown, reviewTitle } from './render.js';

/**
 * `mode: review` (a weekly schedule, on Mondays): the last complete ISO week of every environment
 * that records its history, written to the week's issue (created once, updated on a re-run), the
 * job summary and `report.md` in the workspace. Runs no check.
 */
export async function runReviewMode(opts: RunOptions, ctx: RunnerContext, github: GitHubAccess): Promise<void> {
  const loaded = await loadConfigFile(opts.configPath, process.env);
  if (!loaded) throw new UserError(`mode review: the config file ${opts.configPath} does not exist (the review covers its environments; is there an actions/checkout step?)`);
  for (const s of loaded.secrets) core.redactor.add(s);
  const config = loaded.config;
  const now = Date.now();
  const week = reviewWeek(now);
  const { octokit, owner, repo } = await github.get();
  const { BranchFiles } = await import('../github/branch-file.js');
  const { GitHubRunStore } = await import('../history/github-store.js');
  const { listIncidentIssues } = await import('../incidents/applier.js');
  const envs: ReviewEnvironmentInput[] = [];
  for (const [name, cfg] of Object.entries(config.environments)) {
    if (!cfg.history.record) continue;
    const store = new GitHubRunStore(new BranchFiles(octokit, { owner, repo }, cfg.history.branch));
    // The week before (for the trends) and the SLO window at the week's end, whichever reaches further.
    const from = week.from - Math.max(7 * DAY, (cfg.slo?.window ?? 0) - (week.to - week.from));
    const read = await store.read(name, from, week.to);
    envs.push({ name, records: read.records, ...(cfg.slo ? { slo: cfg.slo } : {}) });
  }
  const issues = await listIncidentIssues(octokit, { owner, repo }, config.incidents.labels.base);
  const review = buildReview(envs, incidentsFromIssues(issues, config.incidents, `${ctx.serverUrl}/${owner}/${repo}`), now);
  const markdown = reviewMarkdown(review, core.redactor);
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const reportPath = resolve(workspace, 'report.md');
  await writeFile(reportPath, markdown);
  const notes: string[] = [];
  let failed: string | undefined;
  if (opts.dryRun) notes.push(`review: dry run, the issue "${reviewTitle(review)}" is not written`);
  else {
    try {
      const { upsertReviewIssue } = await import('./issue.js');
      const r = await upsertReviewIssue(octokit, { owner, repo }, reviewTitle(review), markdown);
      notes.push(`review: ${r.created ? 'opened' : 'updated'} issue #${r.number} "${reviewTitle(review)}"`);
    } catch (err) {
      // The review is kept (summary, report.md); the run fails with one sentence (issues: write?).
      failed = core.redactor.text(`review: the issue "${reviewTitle(review)}" was not written (${(err as Error).message}); the review is in this summary and ${reportPath}. Does the job have permissions: { issues: write }?`);
      notes.push(failed);
    }
  }
  for (const n of notes) core.info(n);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(`${markdown}\n${notes.map((n) => `- ${n}`).join('\n')}\n`).write();
  core.setOutput('review-path', reportPath);
  if (failed) core.setFailed(failed);
  else core.setOutput('status', 'pass');
}
