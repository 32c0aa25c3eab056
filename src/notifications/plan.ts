import { rank, SEVERITY_TARGETS, worstOf, type Severity, type SeverityTargets } from '../core/severity.js';
import type { Finding } from '../core/types.js';
import type { AppliedAction } from '../incidents/applier.js';
import { parseState } from '../incidents/state.js';
import type { Channel, NotificationsConfig } from './schema.js';

/**
 * Which channel hears of which incident change. Pure: the incident plan's actions as applied, the
 * run's findings and the channels go in; one notice per channel and change comes out, in the
 * order of the actions. Only changes of state are told (never a run that changed nothing):
 * opened, reopened, escalated, de-escalated and closed (recovered). Duplicates closed, reminders,
 * recovering and unchecked runs are not.
 */

export const NOTICE_EVENTS = ['opened', 'reopened', 'escalated', 'de-escalated', 'closed'] as const;
export type NoticeEvent = (typeof NOTICE_EVENTS)[number];

/** One incident change, as every channel would hear it. */
export interface Change {
  readonly event: NoticeEvent;
  readonly environment: string;
  readonly fingerprint: string;
  /** The severity now (for `closed`: the severity it closed at). */
  readonly severity: Severity;
  /** On escalated and de-escalated: the severity before. */
  readonly previousSeverity?: Severity;
  /** The most severe level the incident had (for `closed`); else the severity now. */
  readonly peakSeverity: Severity;
  /** The finding's stable title. */
  readonly title: string;
  /** The check and rule that found it (not known for `closed`). */
  readonly check?: string;
  readonly rule?: string;
  /** What was measured against what was expected (for `closed`: as last seen failing). */
  readonly keyFigure: string;
  readonly targets: SeverityTargets;
  readonly issueNumber?: number;
  readonly issueUrl?: string;
  readonly runUrl?: string;
}

export interface Notice {
  readonly channel: Channel;
  readonly change: Change;
}

export interface NoticeInput {
  readonly environment: string;
  readonly applied: readonly AppliedAction[];
  readonly findings: readonly Finding[];
  readonly channels: NotificationsConfig;
  /** The repository's web address (`https://github.com/owner/repo`): issue links are made from it. */
  readonly repoUrl?: string;
  readonly runUrl?: string;
}

export function planNotices(input: NoticeInput): Notice[] {
  const changes = incidentChanges(input);
  const out: Notice[] = [];
  for (const change of changes) for (const channel of input.channels) if (hears(channel, change)) out.push({ channel, change });
  return out;
}

/** The applied actions that change an incident's state, as changes. */
export function incidentChanges(input: Omit<NoticeInput, 'channels'>): Change[] {
  const byFp = new Map(input.findings.map((f) => [f.fingerprint, f]));
  const out: Change[] = [];
  for (const { action: a, number } of input.applied) {
    const issue = number !== undefined ? { issueNumber: number, ...(input.repoUrl ? { issueUrl: `${input.repoUrl}/issues/${number}` } : {}) } : {};
    const base = { environment: input.environment, fingerprint: a.fingerprint, ...issue, ...(input.runUrl ? { runUrl: input.runUrl } : {}) };
    if (a.kind === 'close') {
      if (a.reason !== 'completed' || !a.incident) continue;
      const i = a.incident;
      out.push({ ...base, event: 'closed', severity: i.severity, peakSeverity: i.peakSeverity, title: i.title, keyFigure: i.detail, targets: SEVERITY_TARGETS[i.severity] });
      continue;
    }
    const event = a.kind === 'open' ? 'opened' : a.kind === 'reopen' ? 'reopened' : a.change === 'escalated' || a.change === 'de-escalated' ? a.change : undefined;
    const f = byFp.get(a.fingerprint);
    if (!event || !f) continue;
    const previous = a.kind === 'update' ? a.from : undefined;
    // The peak the issue's new state keeps (SEV1 → SEV2 → SEV3: still SEV1), else the severity before.
    // The state keeps its peak across a close and reopen, and a channel was told of a reopen at the
    // severity then: for a reopened incident, only the severity before counts.
    const state = a.kind === 'update' ? parseState(a.body) : undefined;
    const kept = state && (!state.lastOpenedAt || state.lastOpenedAt === state.openedAt) ? state.peakSeverity : undefined;
    out.push({
      ...base, event, severity: f.severity, ...(previous ? { previousSeverity: previous } : {}),
      peakSeverity: worstOf([f.severity, ...(previous ? [previous] : []), ...(kept ? [kept] : [])]) as Severity,
      title: f.title, check: f.check, rule: f.rule, keyFigure: f.detail, targets: SEVERITY_TARGETS[f.severity],
    });
  }
  return out;
}

/**
 * Whether a channel hears of a change: its environment, and a severity at or above its
 * min-severity. A channel hears a de-escalation and a close of an incident it was told of (the
 * severity before, the most severe level), so a PagerDuty alert triggered at SEV1 is resolved
 * even when the incident closes at SEV2.
 */
export function hears(channel: Channel, c: Change): boolean {
  if (channel.environments && !channel.environments.includes(c.environment)) return false;
  const s = c.event === 'closed' || c.event === 'de-escalated' ? c.peakSeverity : c.severity;
  return rank(s) <= rank(channel['min-severity']);
}
