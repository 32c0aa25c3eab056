import { clip, DETAIL_MAX } from '../core/limits.js';
import type { IncidentsConfig } from './schema.js';
import { parseMarker, parseState, type ExistingIssue } from './state.js';
import { reconcile, type Action, type IncidentPlan } from './reconcile.js';
import { describeAction, describeHeld } from './plan-lines.js';
import type { SuppressionState } from '../suppression/suppress.js';
import { SEVERITIES, sevName, type Severity } from '../core/severity.js';
import { md } from '../core/markdown.js';
import type { Observed } from './observed.js';
import type { Finding } from '../core/types.js';
import type { BranchFiles } from '../github/branch-file.js';
import { statusOf, type Octokit } from '../github/octokit.js';
import type { RepoRef } from '../github/branch-file.js';
import { GitHubUnavailable } from '../github/unavailable.js';

const COLORS: Record<Severity, [string, string]> = {
  sev1: ['b60205', 'SEV1: critical. Respond < 5 min, resolve < 1 h'],
  sev2: ['d93f0b', 'SEV2: major. Respond < 30 min, resolve < 4 h'],
  sev3: ['fbca04', 'SEV3: minor. Respond < 4 h, resolve < 24 h'],
  sev4: ['0e8a16', 'SEV4: low. Respond < 2 business days, resolve next sprint'],
};

/** Lists launchguard issues, open and closed, through the list endpoint: never search, whose index lags. */
export async function listIncidentIssues(octokit: Octokit, repo: RepoRef, baseLabel: string, maxPages = 10): Promise<ExistingIssue[]> {
  const out: ExistingIssue[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const res = await octokit.rest.issues.listForRepo({ ...repo, labels: baseLabel, state: 'all', sort: 'updated', direction: 'desc', per_page: 100, page });
    for (const i of res.data) {
      if (i.pull_request) continue;
      const fingerprint = parseMarker(i.body);
      if (!fingerprint) continue;
      const incident = parseState(i.body);
      out.push({
        number: i.number,
        state: i.state === 'closed' ? 'closed' : 'open',
        title: i.title,
        labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
        createdAt: i.created_at,
        ...(i.closed_at ? { closedAt: i.closed_at } : {}),
        fingerprint,
        ...(incident ? { incident } : {}),
      });
    }
    if (res.data.length < 100) break;
  }
  return out;
}

/** An action as carried out, with its issue's number (an `open` gets its number from GitHub); none in a dry run. */
export interface AppliedAction {
  readonly action: Action;
  readonly number?: number;
}

export interface IncidentRun {
  readonly incidentPlan: IncidentPlan;
  /** The actions carried out, in order (in a dry run: the planned ones, without new issues' numbers). */
  readonly applied: readonly AppliedAction[];
  /** One line per action taken (or planned, in a dry run), for the summary. */
  readonly lines: readonly string[];
}

export interface IncidentDeps {
  readonly octokit: Octokit;
  readonly repo: RepoRef;
  readonly now: Date;
  readonly runUrl?: string;
  readonly dryRun: boolean;
  /** Where open-after > 1 keeps counters for incidents without an issue yet. */
  readonly files?: BranchFiles;
  readonly log: (msg: string) => void;
  /** Maintenance windows and silences at the run's start: what they hold is never applied. */
  readonly suppression?: SuppressionState;
}

/** Lists, reconciles and applies: one issue per incident, never duplicates. */
/** Room for the `[SEV1] environment: ` prefix within GitHub's 256-character title. */
const TITLE_MAX = 200;

export async function runIncidents(environment: string, findings: readonly Finding[], observed: Observed, cfg: IncidentsConfig, deps: IncidentDeps): Promise<IncidentRun> {
  const { octokit, repo } = deps;
  const issues = await listIncidentIssues(octokit, repo, cfg.labels.base);
  const pendingPath = `launchguard/${environment}.pending.json`;
  const pendingFile = cfg['open-after'] > 1 && deps.files ? await deps.files.read(pendingPath) : undefined;
  const pending = pendingFile?.text ? (JSON.parse(pendingFile.text) as Record<string, number>) : {};
  // Target text can be a megabyte: issues and comments carry a bounded cut of it (the report has it all).
  const bounded = findings.map((f) => ({ ...f, title: clip(f.title, TITLE_MAX), detail: clip(f.detail, DETAIL_MAX) }));
  const incidentPlan = reconcile({ environment, findings: bounded, observed, issues, pending, config: cfg, now: deps.now, runUrl: deps.runUrl, ...(deps.suppression ? { suppression: deps.suppression } : {}) });
  const heldLines = incidentPlan.held.map((h) => describeHeld(h, { escape: md }));
  if (deps.dryRun) {
    return { incidentPlan, applied: incidentPlan.actions.map((action) => ({ action, ...('number' in action ? { number: action.number } : {}) })), lines: [...incidentPlan.actions.map((a) => `would ${describe(a, undefined, true)}`), ...heldLines] };
  }

  const lines: string[] = [];
  const applied: AppliedAction[] = [];
  try {
    if (incidentPlan.actions.some((a) => (a.kind === 'open' ? a.labels.length : a.kind === 'close' ? 0 : a.addLabels.length) > 0)) {
      await ensureLabels(octokit, repo, cfg, environment);
    }
    for (const action of incidentPlan.actions) {
      const number = await apply(action, deps, cfg);
      applied.push({ action, number });
      lines.push(describe(action, number));
    }
    if (deps.files && cfg['open-after'] > 1 && JSON.stringify(pending) !== JSON.stringify(incidentPlan.pending)) {
      await deps.files.update(pendingPath, () => `${JSON.stringify(incidentPlan.pending, null, 2)}\n`, `launchguard: pending incidents of ${environment}`, pendingFile);
    }
  } catch (err) {
    const status = statusOf(err);
    if (status === 403 || status === 401) {
      throw new GitHubUnavailable(`the token cannot write issues (HTTP ${status}); give the job permissions: issues: write${lines.length ? ` (done before that: ${lines.join('; ')})` : ''}`);
    }
    throw err;
  }
  return { incidentPlan, applied, lines: [...lines, ...heldLines] };
}

/** One line for the summary (Markdown): the title and fingerprint carry target text, so they are escaped. */
function describe(a: Action, number?: number, planned = false): string {
  return describeAction(a, { ...(number !== undefined ? { number } : {}), planned, escape: md });
}

/** Creates the labels launchguard uses that the repository lacks, with a colour and a description. */
async function ensureLabels(octokit: Octokit, repo: RepoRef, cfg: IncidentsConfig, environment: string): Promise<void> {
  const existing = new Set<string>();
  for (let page = 1; page <= 10; page++) {
    const res = await octokit.rest.issues.listLabelsForRepo({ ...repo, per_page: 100, page });
    for (const l of res.data) existing.add(l.name.toLowerCase());
    if (res.data.length < 100) break;
  }
  const wanted: [string, string, string][] = [
    [cfg.labels.base, '5319e7', 'Incident tracked by launchguard'],
    ...SEVERITIES.map((s): [string, string, string] => [cfg.labels[s], COLORS[s][0], COLORS[s][1]]),
    [`${cfg.labels['environment-prefix']}${environment}`, 'c5def5', `launchguard environment ${environment}`],
  ];
  for (const [name, color, description] of wanted) {
    if (existing.has(name.toLowerCase())) continue;
    try {
      await octokit.rest.issues.createLabel({ ...repo, name, color, description });
    } catch (err) {
      if (statusOf(err) !== 422) throw err; // 422: created meanwhile by an overlapping run
    }
  }
}

async function apply(a: Action, deps: IncidentDeps, cfg: IncidentsConfig): Promise<number> {
  const { octokit, repo } = deps;
  switch (a.kind) {
    case 'open': {
      const number = await createOnce(a, deps, cfg);
      await octokit.rest.issues.createComment({ ...repo, issue_number: number, body: a.comment });
      return await dedupe(a.fingerprint, number, deps, cfg);
    }
    case 'update': {
      await octokit.rest.issues.update({ ...repo, issue_number: a.number, body: a.body, ...(a.title ? { title: a.title } : {}) });
      await relabel(a.number, a.addLabels, a.removeLabels, deps);
      if (a.comment) await octokit.rest.issues.createComment({ ...repo, issue_number: a.number, body: a.comment });
      return a.number;
    }
    case 'reopen': {
      await octokit.rest.issues.update({ ...repo, issue_number: a.number, state: 'open', state_reason: 'reopened', title: a.title, body: a.body });
      await relabel(a.number, a.addLabels, a.removeLabels, deps);
      await octokit.rest.issues.createComment({ ...repo, issue_number: a.number, body: a.comment });
      return a.number;
    }
    case 'close': {
      await octokit.rest.issues.createComment({ ...repo, issue_number: a.number, body: a.comment });
      await octokit.rest.issues.update({ ...repo, issue_number: a.number, state: 'closed', state_reason: a.reason, ...(a.body ? { body: a.body } : {}) });
      return a.number;
    }
  }
}

/** Labels are added and removed one by one, so labels people added by hand stay. */
async function relabel(number: number, add: readonly string[], remove: readonly string[], deps: IncidentDeps): Promise<void> {
  for (const name of add) await deps.octokit.rest.issues.addLabels({ ...deps.repo, issue_number: number, labels: [name] });
  for (const name of remove) {
    try {
      await deps.octokit.rest.issues.removeLabel({ ...deps.repo, issue_number: number, name });
    } catch (err) {
      if (statusOf(err) !== 404) throw err; // already gone
    }
  }
}

/**
 * Creates the issue without Octokit's automatic retry: after a 5xx or a network error the first
 * attempt may have landed, so it looks again before trying once more.
 */
async function createOnce(a: Extract<Action, { kind: 'open' }>, deps: IncidentDeps, cfg: IncidentsConfig): Promise<number> {
  const { octokit, repo } = deps;
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await octokit.rest.issues.create({ ...repo, title: a.title, body: a.body, labels: [...a.labels], request: { retries: 0 } });
      return res.data.number;
    } catch (err) {
      const status = statusOf(err);
      const transient = status === undefined || status >= 500;
      if (!transient || attempt >= 3) throw err;
      deps.log(`creating the issue for ${a.fingerprint} failed (${status ?? 'network error'}); looking whether it landed before trying again`);
      const landed = (await listIncidentIssues(octokit, repo, cfg.labels.base)).find((i) => i.state === 'open' && i.fingerprint === a.fingerprint);
      if (landed) return landed.number;
    }
  }
}

/** After a create, list again: two overlapping runs may both have opened one. The oldest stays. */
async function dedupe(fingerprint: string, created: number, deps: IncidentDeps, cfg: IncidentsConfig): Promise<number> {
  const same = (await listIncidentIssues(deps.octokit, deps.repo, cfg.labels.base))
    .filter((i) => i.state === 'open' && i.fingerprint === fingerprint)
    .sort((x, y) => x.number - y.number);
  const kept = same[0]?.number ?? created;
  for (const dup of same.slice(1)) {
    await deps.octokit.rest.issues.createComment({ ...deps.repo, issue_number: dup.number, body: `Duplicate of #${kept}: two runs opened an issue for the same incident at once. launchguard keeps #${kept}.` });
    await deps.octokit.rest.issues.update({ ...deps.repo, issue_number: dup.number, state: 'closed', state_reason: 'duplicate' });
  }
  return kept;
}

export function deferredLine(deferred: readonly Finding[], cap: number): string | undefined {
  if (deferred.length === 0) return undefined;
  // At most 20 named: 10,000 deferred findings must not make the summary itself too large for GitHub.
  const named = deferred.slice(0, 20).map((f) => `[${sevName(f.severity)}] ${md(f.title)}`);
  const rest = deferred.length - named.length;
  return `${deferred.length} more finding${deferred.length === 1 ? '' : 's'} not opened as issues (at most ${cap} new per run): ${named.join('; ')}${rest > 0 ? `; and ${rest} more in the JSON report` : ''}`;
}
