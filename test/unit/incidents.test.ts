import { describe, expect, it } from 'vitest';
import { incidentsSchema } from '../../src/incidents/schema.js';
import { parseMarker, parseState, type ExistingIssue, type IncidentState } from '../../src/incidents/state.js';
import { reconcile } from '../../src/incidents/reconcile.js';
import { renderBody } from '../../src/incidents/body.js';
import type { Severity } from '../../src/core/severity.js';
import type { Finding } from '../../src/core/types.js';

const cfg = (over: Record<string, unknown> = {}) => incidentsSchema.parse(over);
const NOW = new Date('2026-11-28T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000).toISOString();

const finding = (subject: string, severity: Severity = 'sev1', detail = 'it broke'): Finding => ({
  fingerprint: `production:health:${subject}`, environment: 'production', check: 'health', subject, rule: 'health-failed', severity,
  title: `production: health probe ${subject} failing`, detail,
});

const state = (subject: string, over: Partial<IncidentState> = {}): IncidentState => ({
  v: 1, fingerprint: `production:health:${subject}`, severity: 'sev1', title: `production: health probe ${subject} failing`, detail: 'it broke',
  firstSeen: hoursAgo(3), lastSeen: hoursAgo(1), failingRuns: 3, consecutiveFailing: 3, consecutivePassing: 0, openedAt: hoursAgo(3), ...over,
});

const issue = (n: number, subject: string, over: Partial<ExistingIssue> = {}, st: Partial<IncidentState> = {}): ExistingIssue => ({
  number: n, state: 'open', title: `[SEV1] production: health probe ${subject} failing`, labels: ['launchguard', 'sev1', 'env:production'],
  createdAt: hoursAgo(3), fingerprint: `production:health:${subject}`, incident: state(subject, st), ...over,
});

// By default the run evaluated every health probe; tests of missing evidence pass their own list.
const plan = (findings: Finding[], issues: ExistingIssue[], over: Record<string, unknown> = {}, pending: Record<string, number> = {}, observed: readonly string[] = ['production:health:*']) =>
  reconcile({ environment: 'production', findings, observed, issues, pending, config: cfg(over), now: NOW, runUrl: 'https://github.com/acme/api/actions/runs/1' });
const kinds = (p: ReturnType<typeof plan>) => p.actions.map((a) => `${a.kind}${'number' in a ? ` #${a.number}` : ''}${a.kind === 'update' ? ` ${a.change}` : ''}${a.kind === 'close' ? ` ${a.reason}` : ''}`);

describe('reconcile: the plan for each situation', () => {
  it.each([
    ['no finding, no issue: nothing', [], [], {}, []],
    ['a new finding opens one issue', [finding('api')], [], {}, ['open']],
    ['still failing: the body is updated, no comment', [finding('api')], [issue(7, 'api')], {}, ['update #7 updated']],
    // Escalation applies at once (a SEV1 pages when it becomes one); until issue 14 it waited close-after runs like a de-escalation.
    ['worse on one run: escalated at once, whatever close-after says', [finding('api', 'sev1')], [issue(7, 'api', { labels: ['launchguard', 'sev3', 'env:production'] }, { severity: 'sev3' })], { 'close-after': 3 }, ['update #7 escalated']],
    ['worse on the second run in a row: escalated with a comment and relabelled', [finding('api', 'sev1')], [issue(7, 'api', { labels: ['launchguard', 'sev3', 'env:production', 'owner:alice'] }, { severity: 'sev3', pendingSeverity: 'sev1', pendingRuns: 1 })], {}, ['update #7 escalated']],
    ['better on one run: not de-escalated yet', [finding('api', 'sev3')], [issue(7, 'api')], {}, ['update #7 updated']],
    ['better on the second run in a row: de-escalated', [finding('api', 'sev3')], [issue(7, 'api', {}, { pendingSeverity: 'sev3', pendingRuns: 1 })], {}, ['update #7 de-escalated']],
    ['close-after 1: a severity change applies at once', [finding('api', 'sev3')], [issue(7, 'api')], { 'close-after': 1 }, ['update #7 de-escalated']],
    ['first passing run: recovering, not closed (close-after 2)', [], [issue(7, 'api')], {}, ['update #7 recovering']],
    ['second passing run: closed as completed', [], [issue(7, 'api', {}, { consecutivePassing: 1, consecutiveFailing: 0 })], {}, ['close #7 completed']],
    ['close-after 1 closes at once', [], [issue(7, 'api')], { 'close-after': 1 }, ['close #7 completed']],
    ['failing again within 24 h of closing: the same issue reopens', [finding('api')], [issue(7, 'api', { state: 'closed', closedAt: hoursAgo(5) })], {}, ['reopen #7']],
    ['failing again after 24 h: a new issue', [finding('api')], [issue(7, 'api', { state: 'closed', closedAt: hoursAgo(30) })], {}, ['open']],
    ['two open issues share a fingerprint: the newer is closed as a duplicate', [finding('api')], [issue(9, 'api'), issue(7, 'api')], {}, ['close #9 duplicate', 'update #7 updated']],
    ['another environment\'s issues are left alone', [], [issue(7, 'api', { fingerprint: 'staging:health:api' })], {}, []],
    ['an issue whose state block is lost is repaired, not stranded: it counts a passing run', [], [issue(7, 'api', { incident: undefined })], {}, ['update #7 recovering']],
    ['a reminder once remind-after has passed since opening', [finding('api')], [issue(7, 'api')], { 'remind-after': '2h' }, ['update #7 reminder']],
    ['no second reminder until remind-after passes again', [finding('api')], [issue(7, 'api', {}, { lastReminder: hoursAgo(1) })], { 'remind-after': '2h' }, ['update #7 updated']],
    ['below min-severity: no issue', [finding('api', 'sev4')], [], { 'min-severity': 'sev3' }, []],
  ] as const)('%s', (_name, findings, issues, over, expected) => {
    expect(kinds(plan([...findings], [...issues], over))).toEqual(expected);
  });

  it('escalation keeps labels people added, swaps the severity label and comments once', () => {
    const p = plan([finding('api', 'sev1')], [issue(7, 'api', { labels: ['launchguard', 'sev3', 'env:production', 'owner:alice'] }, { severity: 'sev3', pendingSeverity: 'sev1', pendingRuns: 1 })]);
    expect(p.actions[0]).toMatchObject({ title: '[SEV1] production: health probe api failing', addLabels: ['sev1'], removeLabels: ['sev3'], comment: expect.stringMatching(/^Escalated from SEV3 to SEV1 \(2 runs in a row\): it broke\n\nRespond < 5 min, resolve < 1 h\./) });
  });

  it('open-after 3: counts failing runs before opening; a passing run resets the count', () => {
    expect(plan([finding('api')], [], { 'open-after': 3 }).pending).toEqual({ 'production:health:api': 1 });
    expect(kinds(plan([finding('api')], [], { 'open-after': 3 }, { 'production:health:api': 1 }))).toEqual([]);
    expect(kinds(plan([finding('api')], [], { 'open-after': 3 }, { 'production:health:api': 2 }))).toEqual(['open']);
    expect(plan([], [], { 'open-after': 3 }, { 'production:health:api': 2 }).pending).toEqual({});
  });

  it('at most max-new-per-run issues open, most severe first; the rest are deferred and counted', () => {
    const findings = Array.from({ length: 12 }, (_, i) => finding(`p${String(i).padStart(2, '0')}`, i < 2 ? 'sev3' : 'sev1'));
    const p = plan(findings, []);
    expect(p.actions).toHaveLength(10);
    expect(p.deferred.map((f) => f.subject)).toEqual(['p00', 'p01']);
    expect(Object.keys(p.pending)).toEqual(['production:health:p00', 'production:health:p01']);
  });

  it('the title never carries figures, so it stays stable run to run', () => {
    const a = plan([finding('api', 'sev1', 'answered in 1234 ms')], [issue(7, 'api')]).actions[0]!;
    const b = plan([finding('api', 'sev1', 'answered in 2345 ms')], [issue(7, 'api')]).actions[0]!;
    expect('title' in a ? a.title : undefined).toBeUndefined();
    expect('title' in b ? b.title : undefined).toBeUndefined();
  });

  it('counters: failing runs accumulate; closing reports the duration', () => {
    const upd = plan([finding('api')], [issue(7, 'api')]).actions[0]!;
    expect(parseState((upd as { body: string }).body)).toMatchObject({ failingRuns: 4, consecutiveFailing: 4, lastSeen: NOW.toISOString(), runUrl: 'https://github.com/acme/api/actions/runs/1' });
    const close = plan([], [issue(7, 'api', {}, { consecutivePassing: 1 })]).actions[0]!;
    expect(close).toMatchObject({ comment: 'Recovered: passing for 2 runs in a row. The incident lasted 2 h 0 min from first to last failing run (3 failing runs).' });
  });
});

describe('the issue body', () => {
  it('holds the marker, the measured detail, the targets, the counters and a hidden state that parses back', () => {
    const s = state('api', { remediation: 'db.users.createIndex({ "email": 1 })', runUrl: 'https://x/run' });
    const body = renderBody(s, cfg(), 'failing');
    expect(parseMarker(body)).toBe('production:health:api');
    expect(parseState(body)).toEqual(s);
    expect(body).toContain('**What is wrong:** it broke');
    expect(body).toContain('| severity | SEV1: respond < 5 min, resolve < 1 h |');
    expect(body).toContain('| failing runs | 3 |');
    expect(body).toContain('db.users.createIndex({ "email": 1 })');
    expect(body).toContain('[Latest run](https://x/run)');
  });
  it('a damaged state block is ignored, not trusted', () => {
    expect(parseState('<!-- launchguard:state {nope -->')).toBeUndefined();
    expect(parseMarker('no marker here')).toBeUndefined();
  });
});

// Issue 19: one outage, one finding; the issue shows the other checks' findings under it.
describe('an outage with related findings', () => {
  it('the issue body lists them, escaped, and the state keeps them', () => {
    const f = { ...finding('api'), related: ['SEV2 load error rate over budget on plans: 100 % @team <img src=x>'] };
    const p = plan([f], []);
    const open = p.actions[0]!;
    expect(open.kind).toBe('open');
    const body = (open as { body: string }).body;
    expect(body).toContain('**Part of the same outage** (not separate incidents):');
    expect(body).toMatch(/^- SEV2 load error rate over budget on plans: 100 % .*team &lt;img src=x&gt;$/m);
    expect(body).not.toContain('@team');
    expect(parseState(body)?.related).toEqual(f.related);
  });
});
