import { describe, expect, it } from 'vitest';
import { incidentsSchema } from '../../src/incidents/schema.js';
import { reconcile, type IncidentPlan } from '../../src/incidents/reconcile.js';
import { describeAction, describeHeld } from '../../src/incidents/plan-lines.js';
import { parseState, type ExistingIssue, type IncidentState } from '../../src/incidents/state.js';
import type { SuppressionState } from '../../src/suppression/suppress.js';
import type { Severity } from '../../src/core/severity.js';
import type { Finding } from '../../src/core/types.js';

// The incident plan in a maintenance window and under a silence: what would open, reopen,
// escalate, remind or close is held (listed in `held`, never an action, so nothing is sent);
// an open incident stays open and its issue body is still kept up to date.
const NOW = new Date('2026-11-29T01:30:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000).toISOString();
const cfg = (over: Record<string, unknown> = {}) => incidentsSchema.parse(over);

const finding = (subject: string, severity: Severity = 'sev1', check: Finding['check'] = 'health'): Finding => ({
  fingerprint: `production:${check}:${subject}`, environment: 'production', check, subject, rule: 'r', severity, title: `production: ${subject} failing`, detail: 'it broke',
});
const state = (subject: string, over: Partial<IncidentState> = {}): IncidentState => ({
  v: 1, fingerprint: `production:health:${subject}`, severity: 'sev1', title: `production: ${subject} failing`, detail: 'it broke',
  firstSeen: hoursAgo(3), lastSeen: hoursAgo(1), failingRuns: 3, consecutiveFailing: 3, consecutivePassing: 0, openedAt: hoursAgo(3), ...over,
});
const issue = (n: number, subject: string, over: Partial<ExistingIssue> = {}, st: Partial<IncidentState> = {}): ExistingIssue => ({
  number: n, state: 'open', title: `[SEV1] production: ${subject} failing`, labels: ['launchguard', 'sev1', 'env:production'],
  createdAt: hoursAgo(3), fingerprint: `production:health:${subject}`, incident: state(subject, st), ...over,
});

const window: SuppressionState = { at: NOW.toISOString(), maintenance: [{ name: 'weekly-deploy', start: '2026-11-29T01:00:00.000Z', end: '2026-11-29T02:00:00.000Z', timezone: 'Europe/Berlin' }], silences: [], expiredSilences: [] };
const silence: SuppressionState = { at: NOW.toISOString(), maintenance: [], silences: [{ match: 'production:health:api*', until: '2026-12-10', endsAt: '2026-12-11T00:00:00.000Z', reason: 'sale' }], expiredSilences: [] };
const none = undefined;

const plan = (findings: Finding[], issues: ExistingIssue[], suppression: SuppressionState | undefined, over: Record<string, unknown> = {}, pending: Record<string, number> = {}) =>
  reconcile({ environment: 'production', findings, observed: ['production:health:*'], issues, pending, config: cfg(over), now: NOW, ...(suppression ? { suppression } : {}) });
const summary = (p: IncidentPlan) => ({
  actions: p.actions.map((a) => `${a.kind}${'number' in a ? ` #${a.number}` : ''}${a.kind === 'update' ? ` ${a.change}${a.suppressed ? ' (held)' : ''}` : ''}`),
  held: p.held.map((h) => `${h.kind}${h.number ? ` #${h.number}` : ''} by ${h.by.kind}`),
});

describe('reconcile in maintenance and under silences', () => {
  it.each([
    ['a new failure in a window: no issue', [finding('api')], [], window, {}, { actions: [], held: ['open by maintenance'] }],
    ['the same without a window opens one (the control)', [finding('api')], [], none, {}, { actions: ['open'], held: [] }],
    ['a failure within reopen-within of closing, in a window: not reopened', [finding('api')], [issue(7, 'api', { state: 'closed', closedAt: hoursAgo(2) })], window, {}, { actions: [], held: ['reopen #7 by maintenance'] }],
    ['an open incident still failing in a window: updated, stays open', [finding('api')], [issue(7, 'api')], window, {}, { actions: ['update #7 updated (held)'], held: [] }],
    ['worse for the second run in a window: not escalated', [finding('api', 'sev1')], [issue(7, 'api', {}, { severity: 'sev3', pendingSeverity: 'sev1', pendingRuns: 1 })], window, {}, { actions: ['update #7 updated (held)'], held: ['escalate #7 by maintenance'] }],
    ['the same without a window escalates (the control)', [finding('api', 'sev1')], [issue(7, 'api', {}, { severity: 'sev3', pendingSeverity: 'sev1', pendingRuns: 1 })], none, {}, { actions: ['update #7 escalated'], held: [] }],
    ['better for the second run in a window: not de-escalated', [finding('api', 'sev3')], [issue(7, 'api', {}, { pendingSeverity: 'sev3', pendingRuns: 1 })], window, {}, { actions: ['update #7 updated (held)'], held: ['de-escalate #7 by maintenance'] }],
    ['a reminder due in a window: not posted', [finding('api')], [issue(7, 'api')], window, { 'remind-after': '2h' }, { actions: ['update #7 updated (held)'], held: ['remind #7 by maintenance'] }],
    ['passing for the run that would close it, in a window: not closed', [], [issue(7, 'api', {}, { consecutivePassing: 1, consecutiveFailing: 0 })], window, {}, { actions: ['update #7 unchecked (held)'], held: ['close #7 by maintenance'] }],
    ['the same without a window closes (the control)', [], [issue(7, 'api', {}, { consecutivePassing: 1, consecutiveFailing: 0 })], none, {}, { actions: ['close #7'], held: [] }],
    ['a first passing run in a window does not count toward close-after', [], [issue(7, 'api')], window, {}, { actions: ['update #7 unchecked (held)'], held: [] }],
    ['a duplicate issue in a window is left for later', [finding('api')], [issue(9, 'api'), issue(7, 'api')], window, {}, { actions: ['update #7 updated (held)'], held: ['close #9 by maintenance'] }],
    ['a silence holds the fingerprints it matches', [finding('api'), finding('web')], [], silence, {}, { actions: ['open'], held: ['open by silence'] }],
    ['a silence does not close an open incident it matches', [], [issue(7, 'api', {}, { consecutivePassing: 1, consecutiveFailing: 0 })], silence, {}, { actions: ['update #7 unchecked (held)'], held: ['close #7 by silence'] }],
  ] as const)('%s', (_name, findings, issues, suppression, over, expected) => {
    expect(summary(plan([...findings], [...issues], suppression, over))).toEqual(expected);
  });

  it('a held escalation keeps counting, so it applies on the first run after the window', () => {
    const during = plan([finding('api', 'sev1')], [issue(7, 'api', {}, { severity: 'sev3' })], window);
    expect(summary(during).held).toEqual(['escalate #7 by maintenance']);
    const body = (during.actions[0] as { body: string }).body;
    expect(body).toContain('| severity change | SEV1 on 1 run: escalates on the first run nothing holds it |');
    const after = plan([finding('api', 'sev1')], [issue(7, 'api', {}, { severity: 'sev3', pendingSeverity: 'sev1', pendingRuns: 1 })], none);
    expect(summary(after).actions).toEqual(['update #7 escalated']);
  });

  it('a failing run in a window does not restart close-after: the passing runs before it still count after it', () => {
    const recovering = { consecutivePassing: 1, consecutiveFailing: 0 };
    const during = plan([finding('api')], [issue(7, 'api', {}, recovering)], window, { 'close-after': 2 });
    const body = (during.actions[0] as { body: string }).body;
    expect(body).toContain('| status | failing, not counted (in maintenance: weekly-deploy); unchanged: 1 of 2 passing runs |');
    expect(body).toContain('| failing runs | 4 |'); // still recorded: failing runs and last seen
    // The next run, outside the window and passing, is the second passing run: it closes.
    const kept = parseState(body)!;
    expect(kept).toMatchObject({ ...recovering, failingRuns: 4 });
    const after = plan([], [issue(7, 'api', {}, kept)], none, { 'close-after': 2 });
    expect(summary(after).actions).toEqual(['close #7']);
    // The control: the same failing run outside a window restarts the count.
    const outside = plan([finding('api')], [issue(7, 'api', {}, recovering)], none, { 'close-after': 2 });
    expect((outside.actions[0] as { body: string }).body).toContain('| status | failing (1 run in a row) |');
  });

  it('a held de-escalation keeps counting toward close-after', () => {
    const during = plan([finding('api', 'sev3')], [issue(7, 'api', {}, { severity: 'sev1' })], window);
    expect(summary(during).held).toEqual([]);
    expect((during.actions[0] as { body: string }).body).toContain('| severity change | SEV3 on 1 of 2 runs needed to change it |');
  });

  it('a failing run in a window does not count toward open-after; the count so far is kept', () => {
    const p = plan([finding('api'), finding('web')], [], window, { 'open-after': 3 }, { 'production:health:api': 2 });
    expect(p.pending).toEqual({ 'production:health:api': 2 });
    expect(p.actions).toEqual([]);
  });

  it('an open incident in a window: no comment, no label change, its body says why it was not counted', () => {
    const p = plan([], [issue(7, 'api')], window);
    expect(p.actions[0]).toMatchObject({ kind: 'update', addLabels: [], removeLabels: [], suppressed: { kind: 'maintenance', window: 'weekly-deploy' } });
    expect(p.actions[0]).not.toHaveProperty('comment');
    expect((p.actions[0] as { body: string }).body).toContain('not checked this run (in maintenance: weekly-deploy)');
    const failing = plan([finding('api')], [issue(7, 'api')], window);
    expect(failing.actions[0]).not.toHaveProperty('comment');
  });

  it('the plan in words names the window or the silence', () => {
    const p = plan([finding('api')], [], window);
    expect(describeHeld(p.held[0]!)).toBe('not opened (in maintenance: weekly-deploy): [SEV1] production: api failing');
    const s = plan([finding('api')], [issue(7, 'api')], silence);
    expect(describeAction(s.actions[0]!)).toBe('updated #7 (production:health:api), silenced until 2026-12-10: sale');
  });
});

describe('held updates in words', () => {
  it('an open incident held by a window is "left unchanged", naming the window, not "not checked"', () => {
    const p = plan([], [issue(7, 'api')], window);
    expect(describeAction(p.actions[0]!)).toBe('left unchanged #7 (production:health:api), in maintenance: weekly-deploy');
    expect(describeAction(p.actions[0]!, { planned: true })).toBe('leave unchanged #7 (production:health:api), in maintenance: weekly-deploy');
  });
});
