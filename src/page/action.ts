import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UserError } from '../config/errors.js';
import { loadConfigFile } from '../config/load.js';
import type { RunnerContext } from '../github/context.js';
import * as core from '../github/runner.js';
import { GitHubUnavailable } from '../github/unavailable.js';
import type { RunOptions } from '../options.js';
import type { GitHubAccess } from '../records.js';
import { generatePage } from './generate.js';
import { incidentsFromIssues } from './incidents.js';
import type { IncidentInput } from './model.js';

/**
 * `mode: page`: the status page of every environment that records its history, from the data
 * branch, with the open and recent incident issues. Leaves the folder (`page-path`) for
 * actions/upload-pages-artifact and, with `page-publish: branch`, also writes it to that branch (each file
 * through the data branch's writer: blob sha, read again on a conflict). Runs no check.
 */
export async function runPageMode(opts: RunOptions, ctx: RunnerContext, github: GitHubAccess): Promise<void> {
  const { redactor } = core;
  const { publish, branch } = opts.page;
  const loaded = await loadConfigFile(opts.configPath, process.env);
  if (!loaded) throw new UserError(`mode page: the config file ${opts.configPath} does not exist (the page lists its environments; is there an actions/checkout step?)`);
  for (const s of loaded.secrets) redactor.add(s);
  const config = loaded.config;
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const outDir = resolve(workspace, opts.page.dir);
  const inside = relative(workspace, outDir);
  if (inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) throw new UserError(`input page-dir: ${JSON.stringify(opts.page.dir)} is outside the workspace ${workspace}; name a folder inside it`);
  const { octokit, owner, repo } = await github.get();
  const { BranchFiles } = await import('../github/branch-file.js');
  const { GitHubRunStore } = await import('../history/github-store.js');
  const notes: string[] = [];
  let incidents: IncidentInput[] | undefined;
  try {
    const { listIncidentIssues } = await import('../incidents/applier.js');
    const issues = await listIncidentIssues(octokit, { owner, repo }, config.incidents.labels.base);
    incidents = incidentsFromIssues(issues, config.incidents, `${ctx.serverUrl}/${owner}/${repo}`);
  } catch (err) {
    notes.push(`incidents: not read (${(err as Error).message}); the page has no incidents section`);
  }
  const out = await generatePage({
    config,
    storeOf: (environment) => new GitHubRunStore(new BranchFiles(octokit, { owner, repo }, config.environments[environment]!.history.branch)),
    ...(incidents ? { incidents } : {}),
    now: Date.now(),
    outDir,
    title: opts.page.title,
    redactor,
  });
  notes.push(...out.notes);
  core.setOutput('page-path', out.dir);
  if (publish === 'branch' && opts.dryRun) notes.push(`page: not published to ${branch} (dry run)`);
  if (publish === 'branch' && !opts.dryRun) {
    const files = new BranchFiles(octokit, { owner, repo }, branch);
    try {
      const { readFile } = await import('node:fs/promises');
      for (const [name, path] of [['index.html', out.html], ['status.json', out.json]] as const) {
        const text = await readFile(path, 'utf8');
        await files.update(name, () => text, `launchguard: status page ${out.model.generatedAt}`);
      }
      notes.push(`page: published to ${files.where}`);
    } catch (err) {
      if (!(err instanceof GitHubUnavailable)) throw err;
      notes.push(`page: not published (${err.message})`);
    }
  }
  const envs = out.model.environments.map((e) => `${e.name} (${e.runs} run${e.runs === 1 ? '' : 's'}, ${e.incidents.length} incident${e.incidents.length === 1 ? '' : 's'})`).join(', ');
  const lines = [`page: ${out.dir} (index.html ${Math.ceil(out.bytes / 1024)} kB, status.json): ${envs || 'no environment records its history'}`, ...notes].map((l) => redactor.text(l));
  for (const l of lines) core.info(l);
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(`## launchguard status page\n\n${lines.map((l) => `- ${l}`).join('\n')}\n`).write();
  core.setOutput('status', 'pass');
}
