import type { IncidentsConfig } from '../config/schema.js';
import { formatDuration } from '../config/duration.js';
import { SEVERITIES, SEVERITY_TARGETS, label, rank, type Severity } from './severity.js';
import type { Finding } from './types.js';

/**
 * Incidents as GitHub issues, decided by a pure function: this run's findings and the issues that
 * exist go in, a plan of actions comes out. The applier (src/github/incidents.ts) carries it out.
 */

export const MARKER_PREFIX = '<!-- launchguard:fingerprint=';
const STATE_PREFIX = '<!-- launchguard:state ';

/** What an incident remembers between runs, in a hidden block of its issue's body. */
export interface IncidentState {
  readonly v: 1;
  readonly fingerprint: string;
  readonly severity: Severity;
  /** The finding's stable title, without the severity. */
  readonly title: string;
  readonly detail: string;
  readonly remediation?: string;
  readonly firstSeen: string;
  readonly lastSeen: string;
  /** Every failing run of this incident. */
  readonly failingRuns: number;
  readonly consecutiveFailing: number;
  readonly consecutivePassing: number;
  readonly openedAt: string;
  readonly lastReminder?: string;
  readonly runUrl?: string;
}

/** A launchguard issue as the list endpoint returned it, with its marker and state parsed. */
export interface ExistingIssue {
  readonly number: number;
  readonly state: 'open' | 'closed';
  readonly title: string;
  readonly labels: readonly string[];
  readonly createdAt: string;
  readonly closedAt?: string;
  readonly fingerprint: string;
  readonly incident?: IncidentState;
}

export type Action =
  | { readonly kind: 'open'; readonly fingerprint: string; readonly title: string; readonly body: string; readonly labels: readonly string[]; readonly comment: string }
  | {
      readonly kind: 'update';
      readonly number: number;
      readonly fingerprint: string;
      readonly title?: string;
      readonly body: string;
      readonly addLabels: readonly string[];
      readonly removeLabels: readonly string[];
      readonly comment?: string;
      /** Why, for the summary: escalated, de-escalated, updated, recovering, reminder. */
      readonly change: 'escalated' | 'de-escalated' | 'updated' | 'recovering' | 'reminder';
    }
  | { readonly kind: 'reopen'; readonly number: number; readonly fingerprint: string; readonly title: string; readonly body: string; readonly addLabels: readonly string[]; readonly removeLabels: readonly string[]; readonly comment: string }
  | { readonly kind: 'close'; readonly number: number; readonly fingerprint: string; readonly body: string; readonly comment: string; readonly reason: 'completed' | 'duplicate' };

export interface Plan {
  readonly actions: readonly Action[];
  /** Findings not opened as issues because of the per-run cap. */
  readonly deferred: readonly Finding[];
  /** Failing fingerprints still below open-after, with their consecutive count. */
  readonly pending: Readonly<Record<string, number>>;
}

export interface ReconcileInput {
  readonly environment: string;
  readonly findings: readonly Finding[];
  readonly issues: readonly ExistingIssue[];
  /** Consecutive failing runs of fingerprints without an issue yet (for open-after > 1). */
  readonly pending: Readonly<Record<string, number>>;
  readonly config: IncidentsConfig;
  readonly now: Date;
  readonly runUrl?: string;
}

export function issueTitle(severity: Severity, title: string): string {
  return `[${label(severity)}] ${title}`;
}

export function labelsFor(cfg: IncidentsConfig, severity: Severity, environment: string): string[] {
  return [cfg.labels.base, cfg.labels[severity], `${cfg.labels['environment-prefix']}${environment}`];
}

export function parseMarker(body: string | null | undefined): string | undefined {
  if (!body) return undefined;
  const i = body.indexOf(MARKER_PREFIX);
  if (i < 0) return undefined;
  const end = body.indexOf(' -->', i);
  return end < 0 ? undefined : body.slice(i + MARKER_PREFIX.length, end);
}

export function parseState(body: string | null | undefined): IncidentState | undefined {
  if (!body) return undefined;
  const i = body.indexOf(STATE_PREFIX);
  if (i < 0) return undefined;
  const end = body.indexOf(' -->', i);
  if (end < 0) return undefined;
  try {
    const s = JSON.parse(body.slice(i + STATE_PREFIX.length, end)) as IncidentState;
    return s && s.v === 1 && typeof s.fingerprint === 'string' ? s : undefined;
  } catch {
    return undefined;
  }
}

const ICON: Record<Severity, string> = { sev1: '🔴', sev2: '🟠', sev3: '🟡', sev4: '🔵' };

/** The issue body: rewritten from the state on every run, with the state hidden at the end. */
export function renderBody(s: IncidentState, cfg: IncidentsConfig, status: 'failing' | 'recovering' | 'resolved'): string {
  const t = SEVERITY_TARGETS[s.severity];
  const statusText =
    status === 'failing'
      ? `failing (${s.consecutiveFailing} run${s.consecutiveFailing === 1 ? '' : 's'} in a row)`
      : status === 'recovering'
        ? `recovering: ${s.consecutivePassing} of ${cfg['close-after']} passing runs needed to close`
        : 'resolved';
  const lines = [
    `${MARKER_PREFIX}${s.fingerprint} -->`,
    `## ${ICON[s.severity]} ${label(s.severity)}: ${s.title}`,
    '',
    `**What is wrong:** ${s.detail}`,
    '',
    '| | |',
    '|---|---|',
    `| status | ${statusText} |`,
    `| severity | ${label(s.severity)}: respond ${t.response}, resolve ${t.resolution} |`,
    `| first seen | ${s.firstSeen} |`,
    `| last seen | ${s.lastSeen} |`,
    `| failing runs | ${s.failingRuns} |`,
    `| fingerprint | \`${s.fingerprint}\` |`,
    '',
  ];
  if (s.remediation) lines.push('**Remediation**', '', '```', s.remediation, '```', '');
  if (s.runUrl) lines.push(`[Latest run](${s.runUrl})`, '');
  lines.push('_Kept up to date by launchguard: it rewrites this description on every run and comments only when the state changes._', '');
  lines.push(`${STATE_PREFIX}${JSON.stringify(s)} -->`);
  return lines.join('\n');
}

function durationText(fromIso: string, to: Date): string {
  return formatDuration(Math.max(0, to.getTime() - new Date(fromIso).getTime()));
}

/** Decides what to do with each incident. Pure: the same input gives the same plan. */
export function reconcile(input: ReconcileInput): Plan {
  const { config: cfg, now, environment } = input;
  const iso = now.toISOString();
  const prefix = `${environment}:`;
  const findings = input.findings.filter((f) => f.environment === environment && rank(f.severity) <= rank(cfg['min-severity']));
  const byFp = new Map(findings.map((f) => [f.fingerprint, f]));
  const mine = input.issues.filter((i) => i.fingerprint.startsWith(prefix));
  const actions: Action[] = [];
  const pending: Record<string, number> = {};
  const toOpen: Finding[] = [];

  // Open issues per fingerprint, oldest first: a duplicate left by overlapping runs is closed.
  const open = new Map<string, ExistingIssue>();
  for (const i of [...mine].filter((x) => x.state === 'open').sort((a, b) => a.number - b.number)) {
    const kept = open.get(i.fingerprint);
    if (kept) {
      actions.push({ kind: 'close', number: i.number, fingerprint: i.fingerprint, body: i.incident ? renderBody(i.incident, cfg, 'resolved') : '', comment: `Duplicate of #${kept.number}: two runs opened an issue for the same incident at once. launchguard keeps #${kept.number}.`, reason: 'duplicate' });
    } else open.set(i.fingerprint, i);
  }

  for (const f of findings) {
    const issue = open.get(f.fingerprint);
    if (issue) {
      const prev = issue.incident;
      const severity = f.severity;
      const next: IncidentState = {
        ...failingState(f, prev, issue.createdAt, iso, input.runUrl),
        consecutiveFailing: (prev?.consecutivePassing ? 0 : (prev?.consecutiveFailing ?? 0)) + 1,
        ...(prev?.lastReminder ? { lastReminder: prev.lastReminder } : {}),
      };
      const oldSev = prev?.severity ?? severityFromLabels(issue.labels, cfg) ?? severity;
      const { addLabels, removeLabels } = relabel(cfg, severity, environment, issue.labels);
      const title = issueTitle(severity, f.title);
      if (oldSev !== severity) {
        const worse = rank(severity) < rank(oldSev);
        const t = SEVERITY_TARGETS[severity];
        actions.push({
          kind: 'update', number: issue.number, fingerprint: f.fingerprint, title, body: renderBody(next, cfg, 'failing'), addLabels, removeLabels,
          comment: `${worse ? 'Escalated' : 'De-escalated'} from ${label(oldSev)} to ${label(severity)}: ${f.detail}\n\nRespond ${t.response}, resolve ${t.resolution}.`,
          change: worse ? 'escalated' : 'de-escalated',
        });
        continue;
      }
      const remind = cfg['remind-after'];
      const since = prev?.lastReminder ?? next.openedAt;
      if (remind !== undefined && now.getTime() - new Date(since).getTime() >= remind) {
        actions.push({
          kind: 'update', number: issue.number, fingerprint: f.fingerprint, ...(title !== issue.title ? { title } : {}),
          body: renderBody({ ...next, lastReminder: iso }, cfg, 'failing'), addLabels, removeLabels,
          comment: `Still failing after ${durationText(next.openedAt, now)} (${next.failingRuns} failing runs). ${f.detail}`,
          change: 'reminder',
        });
        continue;
      }
      actions.push({ kind: 'update', number: issue.number, fingerprint: f.fingerprint, ...(title !== issue.title ? { title } : {}), body: renderBody(next, cfg, 'failing'), addLabels, removeLabels, change: 'updated' });
      continue;
    }

    const closed = mine
      .filter((i) => i.state === 'closed' && i.fingerprint === f.fingerprint && i.closedAt && now.getTime() - new Date(i.closedAt).getTime() <= cfg['reopen-within'])
      .sort((a, b) => new Date(b.closedAt!).getTime() - new Date(a.closedAt!).getTime())[0];
    if (closed) {
      const next = failingState(f, closed.incident, closed.createdAt, iso, input.runUrl);
      actions.push({
        kind: 'reopen', number: closed.number, fingerprint: f.fingerprint, title: issueTitle(f.severity, f.title), body: renderBody(next, cfg, 'failing'),
        ...relabel(cfg, f.severity, environment, closed.labels),
        comment: `Reopened: failing again ${durationText(closed.closedAt!, now)} after it was closed. ${f.detail}`,
      });
      continue;
    }

    const count = (input.pending[f.fingerprint] ?? 0) + 1;
    if (count < cfg['open-after']) pending[f.fingerprint] = count;
    else toOpen.push(f);
  }

  // New incidents, most severe first, up to the cap.
  toOpen.sort((a, b) => rank(a.severity) - rank(b.severity) || a.fingerprint.localeCompare(b.fingerprint));
  const deferred = toOpen.slice(cfg['max-new-per-run']);
  for (const f of toOpen.slice(0, cfg['max-new-per-run'])) {
    const state = failingState(f, undefined, iso, iso, input.runUrl);
    const t = SEVERITY_TARGETS[f.severity];
    actions.push({
      kind: 'open', fingerprint: f.fingerprint, title: issueTitle(f.severity, f.title), body: renderBody(state, cfg, 'failing'),
      labels: labelsFor(cfg, f.severity, environment),
      comment: `Opened at ${label(f.severity)}: respond ${t.response}, resolve ${t.resolution}. ${f.detail}`,
    });
  }
  // A deferred finding keeps counting, so it opens on a later run with room under the cap.
  for (const f of deferred) pending[f.fingerprint] = Math.max(cfg['open-after'], (input.pending[f.fingerprint] ?? 0) + 1);

  // Open incidents whose finding is gone: count passing runs, close after close-after.
  for (const [fp, issue] of open) {
    if (byFp.has(fp)) continue;
    const prev = issue.incident;
    if (!prev) continue; // not written by launchguard's state block: leave it to people
    const passing = prev.consecutivePassing + 1;
    const next: IncidentState = { ...prev, consecutivePassing: passing, consecutiveFailing: 0, ...(input.runUrl ? { runUrl: input.runUrl } : {}) };
    if (passing >= cfg['close-after']) {
      actions.push({
        kind: 'close', number: issue.number, fingerprint: fp, body: renderBody(next, cfg, 'resolved'), reason: 'completed',
        comment: `Recovered: passing for ${passing} run${passing === 1 ? '' : 's'} in a row. The incident lasted ${durationText(prev.firstSeen, new Date(prev.lastSeen))} from first to last failing run (${prev.failingRuns} failing run${prev.failingRuns === 1 ? '' : 's'}).`,
      });
    } else {
      actions.push({ kind: 'update', number: issue.number, fingerprint: fp, body: renderBody(next, cfg, 'recovering'), addLabels: [], removeLabels: [], change: 'recovering' });
    }
  }
  return { actions, deferred, pending };
}

/**
 * The state after a failing run of `f`, continuing `prev` (when the issue has one). `since` stands
 * in for first seen and opened for an issue without state, or a new one.
 */
function failingState(f: Finding, prev: IncidentState | undefined, since: string, iso: string, runUrl: string | undefined): IncidentState {
  return {
    v: 1,
    fingerprint: f.fingerprint,
    severity: f.severity,
    title: f.title,
    detail: f.detail,
    ...(f.remediation ? { remediation: f.remediation } : {}),
    firstSeen: prev?.firstSeen ?? since,
    lastSeen: iso,
    failingRuns: (prev?.failingRuns ?? 0) + 1,
    consecutiveFailing: 1,
    consecutivePassing: 0,
    openedAt: prev?.openedAt ?? since,
    ...(runUrl ? { runUrl } : {}),
  };
}

/** Labels to add and remove, one by one, so that labels people added stay. */
function relabel(cfg: IncidentsConfig, severity: Severity, environment: string, current: readonly string[]): { addLabels: string[]; removeLabels: string[] } {
  return {
    addLabels: labelsFor(cfg, severity, environment).filter((l) => !current.includes(l)),
    removeLabels: SEVERITIES.filter((s) => s !== severity).map((s) => cfg.labels[s]).filter((l) => current.includes(l)),
  };
}

function severityFromLabels(labels: readonly string[], cfg: IncidentsConfig): Severity | undefined {
  return SEVERITIES.find((s) => labels.includes(cfg.labels[s]));
}
