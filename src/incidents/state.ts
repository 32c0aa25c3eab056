import { z } from 'zod';
import type { IncidentsConfig } from './schema.js';
import { formatDuration } from '../config/duration.js';
import { codeBlock, md } from '../core/markdown.js';
import { observes, type Observed } from './observed.js';
import { SEVERITIES, SEVERITY_TARGETS, label, rank, type Severity } from '../core/severity.js';
import type { Finding } from '../core/types.js';

/**
 * Incidents as GitHub issues, decided by a pure function: this run's findings and the issues that
 * exist go in, a plan of actions comes out. The applier (src/github/incidents.ts) carries it out.
 */

export const MARKER_PREFIX = '<!-- launchguard:fingerprint=';
const STATE_PREFIX = '<!-- launchguard:state ';

/** What an incident remembers between runs, in a hidden block at the end of its issue's body. */
const stateSchema = z.object({
  v: z.literal(1),
  fingerprint: z.string(),
  severity: z.enum(SEVERITIES),
  /** The finding's stable title, without the severity. */
  title: z.string(),
  detail: z.string(),
  remediation: z.string().optional(),
  /** The other checks' findings this outage explains (one outage, one finding). */
  related: z.array(z.string()).optional(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  /** Every failing run of this incident. */
  failingRuns: z.int().min(0),
  consecutiveFailing: z.int().min(0),
  consecutivePassing: z.int().min(0),
  openedAt: z.string(),
  /** The last time the issue was opened or reopened: reminders count from it or the last reminder. */
  lastOpenedAt: z.string().optional(),
  lastReminder: z.string().optional(),
  /** A severity other than the issue's, seen on `pendingRuns` consecutive runs: it changes after close-after. */
  pendingSeverity: z.enum(SEVERITIES).optional(),
  pendingRuns: z.int().min(1).optional(),
  runUrl: z.string().optional(),
});
export type IncidentState = z.infer<typeof stateSchema>;

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
      /** Why, for the summary: escalated, de-escalated, updated, recovering, reminder, unchecked. */
      readonly change: 'escalated' | 'de-escalated' | 'updated' | 'recovering' | 'reminder' | 'unchecked';
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
  /** Every finding of the run, also those below min-severity (they keep an incident from closing). */
  readonly findings: readonly Finding[];
  /** The fingerprints whose rule was evaluated this run (see observed.ts): only they can count a passing run. */
  readonly observed: Observed;
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

/**
 * The state block: base64url JSON, always the last thing in the body. Only the last block is read,
 * so text placed before it (a finding's detail comes from the target) cannot forge state, and the
 * encoding holds no ` -->` that would cut it short.
 */
export function encodeState(s: IncidentState): string {
  return `${STATE_PREFIX}${Buffer.from(JSON.stringify(s), 'utf8').toString('base64url')} -->`;
}

/** The incident state of a body, validated; undefined when there is none or it does not parse. */
export function parseState(body: string | null | undefined): IncidentState | undefined {
  if (!body) return undefined;
  const i = body.lastIndexOf(STATE_PREFIX);
  if (i < 0) return undefined;
  const end = body.indexOf(' -->', i);
  if (end < 0) return undefined;
  const payload = body.slice(i + STATE_PREFIX.length, end).trim();
  try {
    // Bodies written before the encoding hold the JSON as it is.
    const text = payload.startsWith('{') ? payload : Buffer.from(payload, 'base64url').toString('utf8');
    const parsed = stateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The state of a launchguard issue whose block is missing or damaged, rebuilt from what GitHub
 * keeps for it: the severity label (or the title's [SEVn]), the title and the creation time. The
 * counters start again, so the incident goes on being managed instead of staying open forever.
 */
export function repairState(issue: ExistingIssue, cfg: IncidentsConfig): IncidentState {
  const fromTitle = SEVERITIES.find((s) => issue.title.startsWith(`[${label(s)}] `));
  const severity = severityFromLabels(issue.labels, cfg) ?? fromTitle ?? 'sev3';
  const title = fromTitle ? issue.title.slice(label(fromTitle).length + 3) : issue.title;
  return {
    v: 1,
    fingerprint: issue.fingerprint,
    severity,
    title,
    detail: 'the state kept in this issue could not be read; launchguard rebuilt it from the issue\'s labels and title',
    firstSeen: issue.createdAt,
    lastSeen: issue.createdAt,
    failingRuns: 0,
    consecutiveFailing: 0,
    consecutivePassing: 0,
    openedAt: issue.createdAt,
  };
}

const ICON: Record<Severity, string> = { sev1: '🔴', sev2: '🟠', sev3: '🟡', sev4: '🔵' };

export type BodyStatus =
  | { readonly kind: 'failing' | 'recovering' | 'resolved' }
  /** The run did not check this incident's subject (or saw it only below min-severity): nothing changed. */
  | { readonly kind: 'unchecked'; readonly why: string };

/** The issue body: rewritten from the state on every run, with the state hidden at the very end. Target text is escaped. */
export function renderBody(s: IncidentState, cfg: IncidentsConfig, status: BodyStatus | BodyStatus['kind']): string {
  const st: BodyStatus = typeof status === 'string' ? (status === 'unchecked' ? { kind: 'unchecked', why: 'not checked this run' } : { kind: status }) : status;
  const t = SEVERITY_TARGETS[s.severity];
  const runs = (n: number) => `${n} run${n === 1 ? '' : 's'}`;
  const statusText =
    st.kind === 'failing'
      ? `failing (${runs(s.consecutiveFailing)} in a row)`
      : st.kind === 'recovering'
        ? `recovering: ${s.consecutivePassing} of ${cfg['close-after']} passing runs needed to close`
        : st.kind === 'unchecked'
          ? `not checked this run (${md(st.why)}); unchanged: ${s.consecutivePassing ? `${s.consecutivePassing} of ${cfg['close-after']} passing runs` : `failing (${runs(s.consecutiveFailing)} in a row)`}`
          : 'resolved';
  const lines = [
    `${MARKER_PREFIX}${s.fingerprint} -->`,
    `## ${ICON[s.severity]} ${label(s.severity)}: ${md(s.title)}`,
    '',
    `**What is wrong:** ${md(s.detail)}`,
    '',
    ...(s.related?.length ? ['**Part of the same outage** (not separate incidents):', '', ...s.related.map((r) => `- ${md(r)}`), ''] : []),
    '| | |',
    '|---|---|',
    `| status | ${statusText} |`,
    `| severity | ${label(s.severity)}: respond ${t.response}, resolve ${t.resolution} |`,
  ];
  if (s.pendingSeverity && s.pendingRuns) {
    lines.push(`| severity change | ${label(s.pendingSeverity)} on ${s.pendingRuns} of ${cfg['close-after']} runs needed to change it |`);
  }
  lines.push(
    `| first seen | ${md(s.firstSeen)} |`,
    `| last seen | ${md(s.lastSeen)} |`,
    `| failing runs | ${s.failingRuns} |`,
    `| fingerprint | ${md(s.fingerprint)} |`,
    '',
  );
  if (s.remediation) lines.push('**Remediation**', '', codeBlock(s.remediation), '');
  if (s.runUrl) lines.push(`[Latest run](${s.runUrl})`, '');
  lines.push('_Kept up to date by launchguard: it rewrites this description on every run and comments only when the state changes._', '');
  lines.push(encodeState(s));
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
  const all = input.findings.filter((f) => f.environment === environment);
  const findings = all.filter((f) => rank(f.severity) <= rank(cfg['min-severity']));
  const byFp = new Map(findings.map((f) => [f.fingerprint, f]));
  const belowMin = new Map(all.filter((f) => !byFp.has(f.fingerprint)).map((f) => [f.fingerprint, f]));
  const mine = input.issues.filter((i) => i.fingerprint.startsWith(prefix));
  const stateOf = (i: ExistingIssue) => i.incident ?? repairState(i, cfg);
  const actions: Action[] = [];
  const pending: Record<string, number> = {};
  const toOpen: Finding[] = [];

  // Open issues per fingerprint, oldest first: a duplicate left by overlapping runs is closed.
  const open = new Map<string, ExistingIssue>();
  for (const i of [...mine].filter((x) => x.state === 'open').sort((a, b) => a.number - b.number)) {
    const kept = open.get(i.fingerprint);
    if (kept) {
      actions.push({ kind: 'close', number: i.number, fingerprint: i.fingerprint, body: renderBody(stateOf(i), cfg, 'resolved'), comment: `Duplicate of #${kept.number}: two runs opened an issue for the same incident at once. launchguard keeps #${kept.number}.`, reason: 'duplicate' });
    } else open.set(i.fingerprint, i);
  }

  for (const f of findings) {
    const issue = open.get(f.fingerprint);
    if (issue) {
      const prev = stateOf(issue);
      const oldSev = prev.severity;
      const failing: IncidentState = {
        ...failingState(f, prev, issue.createdAt, iso, input.runUrl),
        consecutiveFailing: (prev.consecutivePassing ? 0 : prev.consecutiveFailing) + 1,
        ...(prev.lastReminder ? { lastReminder: prev.lastReminder } : {}),
      };
      // Hysteresis on severity too: the new severity must hold for close-after runs in a row, so a
      // value hovering at a level boundary does not comment on every run.
      const seen = f.severity === oldSev ? 0 : prev.pendingSeverity === f.severity ? (prev.pendingRuns ?? 0) + 1 : 1;
      if (seen >= cfg['close-after']) {
        const severity = f.severity;
        const worse = rank(severity) < rank(oldSev);
        const t = SEVERITY_TARGETS[severity];
        actions.push({
          kind: 'update', number: issue.number, fingerprint: f.fingerprint, title: issueTitle(severity, f.title), body: renderBody(failing, cfg, 'failing'),
          ...relabel(cfg, severity, environment, issue.labels),
          comment: `${worse ? 'Escalated' : 'De-escalated'} from ${label(oldSev)} to ${label(severity)} (${seen} run${seen === 1 ? '' : 's'} in a row): ${md(f.detail)}\n\nRespond ${t.response}, resolve ${t.resolution}.`,
          change: worse ? 'escalated' : 'de-escalated',
        });
        continue;
      }
      const next: IncidentState = { ...failing, severity: oldSev, ...(seen > 0 ? { pendingSeverity: f.severity, pendingRuns: seen } : {}) };
      const { addLabels, removeLabels } = relabel(cfg, oldSev, environment, issue.labels);
      const title = issueTitle(oldSev, f.title);
      const remind = cfg['remind-after'];
      const since = Math.max(new Date(prev.lastReminder ?? 0).getTime(), new Date(prev.lastOpenedAt ?? prev.openedAt).getTime());
      if (remind !== undefined && now.getTime() - since >= remind) {
        actions.push({
          kind: 'update', number: issue.number, fingerprint: f.fingerprint, ...(title !== issue.title ? { title } : {}),
          body: renderBody({ ...next, lastReminder: iso }, cfg, 'failing'), addLabels, removeLabels,
          comment: `Still failing after ${durationText(next.lastOpenedAt ?? next.openedAt, now)} (${next.failingRuns} failing runs). ${md(f.detail)}`,
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
      const next: IncidentState = { ...failingState(f, closed.incident, closed.createdAt, iso, input.runUrl), lastOpenedAt: iso };
      actions.push({
        kind: 'reopen', number: closed.number, fingerprint: f.fingerprint, title: issueTitle(f.severity, f.title), body: renderBody(next, cfg, 'failing'),
        ...relabel(cfg, f.severity, environment, closed.labels),
        comment: `Reopened: failing again ${durationText(closed.closedAt!, now)} after it was closed. ${md(f.detail)}`,
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
    const state = { ...failingState(f, undefined, iso, iso, input.runUrl), lastOpenedAt: iso };
    const t = SEVERITY_TARGETS[f.severity];
    actions.push({
      kind: 'open', fingerprint: f.fingerprint, title: issueTitle(f.severity, f.title), body: renderBody(state, cfg, 'failing'),
      labels: labelsFor(cfg, f.severity, environment),
      comment: `Opened at ${label(f.severity)}: respond ${t.response}, resolve ${t.resolution}. ${md(f.detail)}`,
    });
  }
  // A deferred finding keeps counting, so it opens on a later run with room under the cap.
  for (const f of deferred) pending[f.fingerprint] = Math.max(cfg['open-after'], (input.pending[f.fingerprint] ?? 0) + 1);

  // Open incidents without a finding this run. Only evidence counts as a passing run: the
  // fingerprint's rule was evaluated and found nothing. A check that did not run, a rule skipped
  // (an outage hiding the metrics, a budget breach hiding the regression rule), or a finding below
  // min-severity leaves the incident as it was.
  for (const [fp, issue] of open) {
    if (byFp.has(fp)) continue;
    const prev = stateOf(issue);
    const run = input.runUrl ? { runUrl: input.runUrl } : {};
    const low = belowMin.get(fp);
    if (low || !observes(input.observed, fp)) {
      const why = low ? `seen at ${label(low.severity)}, below min-severity ${label(cfg['min-severity'])}` : 'its check did not evaluate it';
      actions.push({ kind: 'update', number: issue.number, fingerprint: fp, body: renderBody({ ...prev, ...run }, cfg, { kind: 'unchecked', why }), addLabels: [], removeLabels: [], change: 'unchecked' });
      continue;
    }
    const passing = prev.consecutivePassing + 1;
    const next: IncidentState = { ...prev, consecutivePassing: passing, consecutiveFailing: 0, ...run };
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
    ...(f.related?.length ? { related: [...f.related] } : {}),
    firstSeen: prev?.firstSeen ?? since,
    lastSeen: iso,
    failingRuns: (prev?.failingRuns ?? 0) + 1,
    consecutiveFailing: 1,
    consecutivePassing: 0,
    openedAt: prev?.openedAt ?? since,
    ...(prev?.lastOpenedAt ? { lastOpenedAt: prev.lastOpenedAt } : {}),
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
