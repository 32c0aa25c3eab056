import { z } from 'zod';
import type { IncidentsConfig } from './schema.js';
import { SEVERITIES, sevName, type Severity } from '../core/severity.js';

/**
 * An incident's state, kept in its issue's body: a hidden marker with the fingerprint and a
 * schema-checked state comment (base64url JSON, the last one wins), repaired from the labels when
 * a person edited the body. The codec only: reconcile.ts decides, body.ts writes the text.
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
  /** The most severe level the issue has had: a channel told of it hears its close (notifications). */
  peakSeverity: z.enum(SEVERITIES).optional(),
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
  const fromTitle = SEVERITIES.find((s) => issue.title.startsWith(`[${sevName(s)}] `));
  const severity = severityFromLabels(issue.labels, cfg) ?? fromTitle ?? 'sev3';
  const title = fromTitle ? issue.title.slice(sevName(fromTitle).length + 3) : issue.title;
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

export function severityFromLabels(labels: readonly string[], cfg: IncidentsConfig): Severity | undefined {
  return SEVERITIES.find((s) => labels.includes(cfg.labels[s]));
}
