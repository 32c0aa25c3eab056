import type { IncidentsConfig } from './schema.js';
import { formatDuration } from '../config/duration.js';
import { codeBlock, md } from '../core/markdown.js';
import { SEVERITY_TARGETS, rank, sevName, type Severity } from '../core/severity.js';
import type { Finding } from '../core/types.js';
import { encodeState, MARKER_PREFIX, type IncidentState } from './state.js';

/** An incident issue's title and body, rendered from its state. */

export function issueTitle(severity: Severity, title: string): string {
  return `[${sevName(severity)}] ${title}`;
}

const ICON: Record<Severity, string> = { sev1: '🔴', sev2: '🟠', sev3: '🟡', sev4: '🔵' };

export type BodyStatus =
  | { readonly kind: 'failing' | 'recovering' | 'resolved' }
  /** The run did not check this incident's subject (or saw it only below min-severity): nothing changed. */
  | { readonly kind: 'unchecked'; readonly why: string }
  /** Failing in a maintenance window or under a silence while recovering: not counted for closing. */
  | { readonly kind: 'held'; readonly why: string };

/** The issue body: rewritten from the state on every run, with the state hidden at the very end. Target text is escaped. */
export function renderBody(s: IncidentState, cfg: IncidentsConfig, status: BodyStatus | 'failing' | 'recovering' | 'resolved' | 'unchecked'): string {
  const st: BodyStatus = typeof status === 'string' ? (status === 'unchecked' ? { kind: 'unchecked', why: 'not checked this run' } : { kind: status }) : status;
  const t = SEVERITY_TARGETS[s.severity];
  const runs = (n: number) => `${n} run${n === 1 ? '' : 's'}`;
  const statusText =
    st.kind === 'failing'
      ? `failing (${runs(s.consecutiveFailing)} in a row)`
      : st.kind === 'recovering'
        ? `recovering: ${s.consecutivePassing} of ${cfg['close-after']} passing runs needed to close`
        : st.kind === 'unchecked' || st.kind === 'held'
          ? `${st.kind === 'held' ? 'failing, not counted' : 'not checked this run'} (${md(st.why)}); unchanged: ${s.consecutivePassing ? `${s.consecutivePassing} of ${cfg['close-after']} passing runs` : `failing (${runs(s.consecutiveFailing)} in a row)`}`
          : 'resolved';
  const lines = [
    `${MARKER_PREFIX}${s.fingerprint} -->`,
    `## ${ICON[s.severity]} ${sevName(s.severity)}: ${md(s.title)}`,
    '',
    `**What is wrong:** ${md(s.detail)}`,
    '',
    ...(s.related?.length ? ['**Part of the same outage** (not separate incidents):', '', ...s.related.map((r) => `- ${md(r)}`), ''] : []),
    '| | |',
    '|---|---|',
    `| status | ${statusText} |`,
    `| severity | ${sevName(s.severity)}: respond ${t.response}, resolve ${t.resolution} |`,
  ];
  if (s.pendingSeverity && s.pendingRuns) {
    // An escalation waits only while something holds it (a window, a silence); a de-escalation for close-after runs.
    const worse = rank(s.pendingSeverity) < rank(s.severity);
    lines.push(worse
      ? `| severity change | ${sevName(s.pendingSeverity)} on ${s.pendingRuns} run${s.pendingRuns === 1 ? '' : 's'}: escalates on the first run nothing holds it |`
      : `| severity change | ${sevName(s.pendingSeverity)} on ${s.pendingRuns} of ${cfg['close-after']} runs needed to change it |`);
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


/** The comments reconcile posts when an incident's state changes, in words. */
export const comments = {
  duplicate: (kept: number) => `Duplicate of #${kept}: two runs opened an issue for the same incident at once. launchguard keeps #${kept}.`,
  severityChanged: (worse: boolean, from: Severity, to: Severity, runs: number, detail: string) => {
    const t = SEVERITY_TARGETS[to];
    return `${worse ? 'Escalated' : 'De-escalated'} from ${sevName(from)} to ${sevName(to)} (${runs} run${runs === 1 ? '' : 's'} in a row): ${md(detail)}\n\nRespond ${t.response}, resolve ${t.resolution}.`;
  },
  reminder: (since: string, now: Date, failingRuns: number, detail: string) => `Still failing after ${durationText(since, now)} (${failingRuns} failing runs). ${md(detail)}`,
  reopened: (closedAt: string, now: Date, detail: string) => `Reopened: failing again ${durationText(closedAt, now)} after it was closed. ${md(detail)}`,
  opened: (f: Finding) => {
    const t = SEVERITY_TARGETS[f.severity];
    return `Opened at ${sevName(f.severity)}: respond ${t.response}, resolve ${t.resolution}. ${md(f.detail)}`;
  },
  recovered: (passing: number, s: IncidentState) =>
    `Recovered: passing for ${passing} run${passing === 1 ? '' : 's'} in a row. The incident lasted ${durationText(s.firstSeen, new Date(s.lastSeen))} from first to last failing run (${s.failingRuns} failing run${s.failingRuns === 1 ? '' : 's'}).`,
  /** Why an open incident was not counted this run (shown in its body). */
  unchecked: (low: Severity | undefined, min: Severity) => (low ? `seen at ${sevName(low)}, below min-severity ${sevName(min)}` : 'its check did not evaluate it'),
};
