import type { IncidentsConfig } from './schema.js';
import { observes, type Observed } from './observed.js';
import { SEVERITIES, rank, type Severity } from '../core/severity.js';
import type { Finding, Suppression } from '../core/types.js';
import { suppressionOf, type SuppressionState } from '../suppression/suppress.js';
import { suppressionText } from '../suppression/render.js';
import { comments, issueTitle, renderBody } from './body.js';
import { labelsFor, repairState, type ExistingIssue, type IncidentState } from './state.js';

/**
 * Incidents as GitHub issues, decided by a pure function: this run's findings and the issues that
 * exist go in, a plan of actions comes out. The applier (applier.ts) carries it out.
 */

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
      /** In maintenance or silenced: what this update would otherwise have done is in the plan's `held`. */
      readonly suppressed?: Suppression;
      /** On a severity change: the severity before it. */
      readonly from?: Severity;
    }
  | { readonly kind: 'reopen'; readonly number: number; readonly fingerprint: string; readonly title: string; readonly body: string; readonly addLabels: readonly string[]; readonly removeLabels: readonly string[]; readonly comment: string }
  | {
      readonly kind: 'close';
      readonly number: number;
      readonly fingerprint: string;
      readonly body: string;
      readonly comment: string;
      readonly reason: 'completed' | 'duplicate';
      /** A recovered incident as it was last seen failing (for notifications). */
      readonly incident?: ClosedIncident;
    };

export interface ClosedIncident {
  readonly severity: Severity;
  /** The most severe level it had: who was told of it then hears that it closed. */
  readonly peakSeverity: Severity;
  readonly title: string;
  readonly detail: string;
}

/**
 * What a maintenance window or a silence kept from happening this run: an issue not opened or
 * reopened, a severity change or a reminder not made, an issue not closed. Nothing is sent for
 * them; the summary lists them.
 */
export interface HeldAction {
  readonly kind: 'open' | 'reopen' | 'escalate' | 'de-escalate' | 'remind' | 'close';
  readonly fingerprint: string;
  /** The issue it concerns, when one exists. */
  readonly number?: number;
  readonly severity: Severity;
  readonly title: string;
  readonly by: Suppression;
}

export interface IncidentPlan {
  readonly actions: readonly Action[];
  /** Findings not opened as issues because of the per-run cap. */
  readonly deferred: readonly Finding[];
  /** Failing fingerprints still below open-after, with their consecutive count. */
  readonly pending: Readonly<Record<string, number>>;
  /** Actions held by maintenance windows and silences (never applied, never notified). */
  readonly held: readonly HeldAction[];
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
  /** Maintenance windows and silences at the run's start (the report's `suppression`). */
  readonly suppression?: SuppressionState;
}

export function reconcile(input: ReconcileInput): IncidentPlan {
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
  const held: HeldAction[] = [];
  const heldBy = (fp: string) => suppressionOf(input.suppression, fp);

  // Open issues per fingerprint, oldest first: a duplicate left by overlapping runs is closed.
  const open = new Map<string, ExistingIssue>();
  for (const i of [...mine].filter((x) => x.state === 'open').sort((a, b) => a.number - b.number)) {
    const kept = open.get(i.fingerprint);
    const by = heldBy(i.fingerprint);
    if (kept && by) held.push({ kind: 'close', fingerprint: i.fingerprint, number: i.number, severity: stateOf(i).severity, title: i.title, by });
    else if (kept) {
      actions.push({ kind: 'close', number: i.number, fingerprint: i.fingerprint, body: renderBody(stateOf(i), cfg, 'resolved'), comment: comments.duplicate(kept.number), reason: 'duplicate' });
    } else open.set(i.fingerprint, i);
  }

  for (const f of findings) {
    const issue = open.get(f.fingerprint);
    const by = heldBy(f.fingerprint);
    if (issue) {
      const prev = stateOf(issue);
      const oldSev = prev.severity;
      // A failing run in a window (or under a silence) is not counted for closing: the passing runs
      // before it still count after it. Failing runs and last seen are recorded all the same.
      const recoveringHeld = Boolean(by && prev.consecutivePassing);
      const failing: IncidentState = {
        ...failingState(f, prev, issue.createdAt, iso, input.runUrl),
        ...(recoveringHeld
          ? { consecutiveFailing: prev.consecutiveFailing, consecutivePassing: prev.consecutivePassing }
          : { consecutiveFailing: (prev.consecutivePassing ? 0 : prev.consecutiveFailing) + 1 }),
        ...(prev.lastReminder ? { lastReminder: prev.lastReminder } : {}),
      };
      // Escalation applies at once: a page must come when the incident becomes SEV1, not runs later.
      // De-escalation keeps the hysteresis: the lower severity must hold for close-after runs in a
      // row, so a value hovering at a level boundary does not comment on every run.
      const seen = f.severity === oldSev ? 0 : prev.pendingSeverity === f.severity ? (prev.pendingRuns ?? 0) + 1 : 1;
      const worse = rank(f.severity) < rank(oldSev);
      const due = seen >= (worse ? 1 : cfg['close-after']);
      // Held: no severity change in maintenance or under a silence. The new severity keeps counting
      // (capped), so it applies on the first run after the window if it still holds.
      if (due && by) held.push({ kind: worse ? 'escalate' : 'de-escalate', fingerprint: f.fingerprint, number: issue.number, severity: f.severity, title: f.title, by });
      if (due && !by) {
        const severity = f.severity;
        actions.push({
          kind: 'update', number: issue.number, fingerprint: f.fingerprint, title: issueTitle(severity, f.title), body: renderBody(failing, cfg, 'failing'),
          ...relabel(cfg, severity, environment, issue.labels),
          comment: comments.severityChanged(worse, oldSev, severity, seen, f.detail),
          change: worse ? 'escalated' : 'de-escalated',
          from: oldSev,
        });
        continue;
      }
      const next: IncidentState = { ...failing, severity: oldSev, peakSeverity: moreSevere(prev.peakSeverity ?? prev.severity, oldSev), ...(seen > 0 ? { pendingSeverity: f.severity, pendingRuns: Math.min(seen, cfg['close-after']) } : {}) };
      const { addLabels, removeLabels } = relabel(cfg, oldSev, environment, issue.labels);
      const title = issueTitle(oldSev, f.title);
      const remind = cfg['remind-after'];
      const since = Math.max(new Date(prev.lastReminder ?? 0).getTime(), new Date(prev.lastOpenedAt ?? prev.openedAt).getTime());
      const remindDue = remind !== undefined && now.getTime() - since >= remind;
      if (remindDue && by) held.push({ kind: 'remind', fingerprint: f.fingerprint, number: issue.number, severity: oldSev, title: f.title, by });
      if (remindDue && !by) {
        actions.push({
          kind: 'update', number: issue.number, fingerprint: f.fingerprint, ...(title !== issue.title ? { title } : {}),
          body: renderBody({ ...next, lastReminder: iso }, cfg, 'failing'), addLabels, removeLabels,
          comment: comments.reminder(next.lastOpenedAt ?? next.openedAt, now, next.failingRuns, f.detail),
          change: 'reminder',
        });
        continue;
      }
      const status = recoveringHeld && by ? { kind: 'held' as const, why: suppressionText(by) } : 'failing';
      actions.push({ kind: 'update', number: issue.number, fingerprint: f.fingerprint, ...(title !== issue.title ? { title } : {}), body: renderBody(next, cfg, status), addLabels, removeLabels, change: 'updated', ...(by ? { suppressed: by } : {}) });
      continue;
    }

    const closed = mine
      .filter((i) => i.state === 'closed' && i.fingerprint === f.fingerprint && i.closedAt && now.getTime() - new Date(i.closedAt).getTime() <= cfg['reopen-within'])
      .sort((a, b) => new Date(b.closedAt!).getTime() - new Date(a.closedAt!).getTime())[0];
    if (by) {
      // Held: neither opened nor reopened, and a failing run in maintenance does not count toward open-after.
      held.push({ kind: closed ? 'reopen' : 'open', fingerprint: f.fingerprint, ...(closed ? { number: closed.number } : {}), severity: f.severity, title: f.title, by });
      if (input.pending[f.fingerprint] !== undefined) pending[f.fingerprint] = input.pending[f.fingerprint]!;
      continue;
    }
    if (closed) {
      const next: IncidentState = { ...failingState(f, closed.incident, closed.createdAt, iso, input.runUrl), lastOpenedAt: iso };
      actions.push({
        kind: 'reopen', number: closed.number, fingerprint: f.fingerprint, title: issueTitle(f.severity, f.title), body: renderBody(next, cfg, 'failing'),
        ...relabel(cfg, f.severity, environment, closed.labels),
        comment: comments.reopened(closed.closedAt!, now, f.detail),
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
    actions.push({
      kind: 'open', fingerprint: f.fingerprint, title: issueTitle(f.severity, f.title), body: renderBody(state, cfg, 'failing'),
      labels: labelsFor(cfg, f.severity, environment),
      comment: comments.opened(f),
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
    const by = heldBy(fp);
    if (by) {
      // Held: a run in maintenance (or under a silence) is neither failing nor passing; it does not count toward close-after.
      const evidence = !low && observes(input.observed, fp);
      if (evidence && prev.consecutivePassing + 1 >= cfg['close-after']) held.push({ kind: 'close', fingerprint: fp, number: issue.number, severity: prev.severity, title: prev.title, by });
      actions.push({ kind: 'update', number: issue.number, fingerprint: fp, body: renderBody({ ...prev, ...run }, cfg, { kind: 'unchecked', why: suppressionText(by) }), addLabels: [], removeLabels: [], change: 'unchecked', suppressed: by });
      continue;
    }
    if (low || !observes(input.observed, fp)) {
      const why = comments.unchecked(low?.severity, cfg['min-severity']);
      actions.push({ kind: 'update', number: issue.number, fingerprint: fp, body: renderBody({ ...prev, ...run }, cfg, { kind: 'unchecked', why }), addLabels: [], removeLabels: [], change: 'unchecked' });
      continue;
    }
    const passing = prev.consecutivePassing + 1;
    const next: IncidentState = { ...prev, consecutivePassing: passing, consecutiveFailing: 0, ...run };
    if (passing >= cfg['close-after']) {
      actions.push({
        kind: 'close', number: issue.number, fingerprint: fp, body: renderBody(next, cfg, 'resolved'), reason: 'completed',
        comment: comments.recovered(passing, prev),
        incident: { severity: prev.severity, peakSeverity: prev.peakSeverity ?? prev.severity, title: prev.title, detail: prev.detail },
      });
    } else {
      actions.push({ kind: 'update', number: issue.number, fingerprint: fp, body: renderBody(next, cfg, 'recovering'), addLabels: [], removeLabels: [], change: 'recovering' });
    }
  }
  return { actions, deferred, pending, held };
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
    peakSeverity: moreSevere(prev?.peakSeverity ?? prev?.severity, f.severity),
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

/** The more severe of two levels (`a` may be unknown). */
function moreSevere(a: Severity | undefined, b: Severity): Severity {
  return a !== undefined && rank(a) < rank(b) ? a : b;
}
