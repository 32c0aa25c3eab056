import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import { ConfigError } from '../../src/config/errors.js';
import type { Severity } from '../../src/core/severity.js';
import type { Finding } from '../../src/core/types.js';
import { incidentsSchema } from '../../src/incidents/schema.js';
import { reconcile } from '../../src/incidents/reconcile.js';
import type { ExistingIssue, IncidentState } from '../../src/incidents/state.js';
import { buildRequest, dedupKey, headline, signature, slackEscape, teamsEscape } from '../../src/notifications/payloads.js';
import { hears, incidentChanges, planNotices, type Change } from '../../src/notifications/plan.js';
import { notificationsSchema, type NotificationsConfig } from '../../src/notifications/schema.js';
import { schemaValidator, type ReceiverKind } from '../helpers/fake-receivers.js';

const NOW = new Date('2026-11-28T12:00:00Z');
const RUN = 'https://github.com/acme/api/actions/runs/1';
const REPO = 'https://github.com/acme/api';
const cfg = (over: Record<string, unknown> = {}) => incidentsSchema.parse(over);

const finding = (severity: Severity = 'sev1', detail = 'GET /health: HTTP 503, expected 2xx'): Finding => ({
  fingerprint: 'production:health:api', environment: 'production', check: 'health', subject: 'api', rule: 'health-failed', severity,
  title: 'production: health probe api failing', detail,
});
const state = (over: Partial<IncidentState> = {}): IncidentState => ({
  v: 1, fingerprint: 'production:health:api', severity: 'sev1', title: 'production: health probe api failing', detail: 'HTTP 503',
  firstSeen: NOW.toISOString(), lastSeen: NOW.toISOString(), failingRuns: 3, consecutiveFailing: 3, consecutivePassing: 0, openedAt: NOW.toISOString(), ...over,
});
const issue = (over: Partial<ExistingIssue> = {}, st: Partial<IncidentState> = {}): ExistingIssue => ({
  number: 7, state: 'open', title: '[SEV1] production: health probe api failing', labels: ['launchguard', 'sev1', 'env:production'],
  createdAt: NOW.toISOString(), fingerprint: 'production:health:api', incident: state(st), ...over,
});
const channels = (list: unknown[]): NotificationsConfig => notificationsSchema.parse(list);
const ALL = channels([
  { name: 'oncall', type: 'pagerduty', 'routing-key': 'R0UT1NGKEY', 'min-severity': 'sev1' },
  { name: 'team', type: 'slack', url: 'https://hooks.slack.test/services/T/B/X', 'min-severity': 'sev3' },
  { name: 'teams', type: 'teams', url: 'https://teams.test/workflows/1' },
  { name: 'ops', type: 'webhook', url: 'https://ops.test/hook', secret: 's3cret-value', environments: ['staging'] },
]);

/** The notices of one reconcile step, applied as planned (numbers as an open would get: 7). */
function notices(findings: Finding[], issues: ExistingIssue[], over: Record<string, unknown> = {}, list = ALL) {
  const p = reconcile({ environment: 'production', findings, observed: ['production:health:*'], issues, pending: {}, config: cfg(over), now: NOW, runUrl: RUN });
  const applied = p.actions.map((action) => ({ action, number: 'number' in action ? action.number : 7 }));
  return planNotices({ environment: 'production', applied, findings, channels: list, repoUrl: REPO, runUrl: RUN }).map((n) => `${n.channel.name}: ${n.change.event}`);
}

describe('planNotices: who hears of which change', () => {
  it.each([
    ['a SEV1 opens: every channel of production at or above its min-severity', [finding('sev1')], [], {}, ['oncall: opened', 'team: opened', 'teams: opened']],
    ['a SEV3 opens: not PagerDuty (sev1 only)', [finding('sev3')], [], {}, ['team: opened', 'teams: opened']],
    ['a SEV4 opens: only the channel without min-severity (default sev4)', [finding('sev4')], [], {}, ['teams: opened']],
    ['still failing, nothing changed: nobody', [finding('sev1')], [issue()], {}, []],
    ['first passing run (recovering): nobody', [], [issue()], {}, []],
    ['second passing run: closed, told to those who heard it open', [], [issue({}, { consecutivePassing: 1, consecutiveFailing: 0 })], {}, ['oncall: closed', 'team: closed', 'teams: closed']],
    ['a SEV2 incident that was SEV1 closes: PagerDuty still hears (its alert resolves)', [], [issue({}, { severity: 'sev2', peakSeverity: 'sev1', consecutivePassing: 1, consecutiveFailing: 0 })], {}, ['oncall: closed', 'team: closed', 'teams: closed']],
    ['a SEV3 incident closes: PagerDuty never heard of it', [], [issue({}, { severity: 'sev3', consecutivePassing: 1, consecutiveFailing: 0 })], {}, ['team: closed', 'teams: closed']],
    ['SEV3 escalated to SEV1: PagerDuty hears it now', [finding('sev1')], [issue({}, { severity: 'sev3', pendingSeverity: 'sev1', pendingRuns: 1 })], {}, ['oncall: escalated', 'team: escalated', 'teams: escalated']],
    ['SEV1 de-escalated to SEV3: all who heard the SEV1', [finding('sev3')], [issue({}, { pendingSeverity: 'sev3', pendingRuns: 1 })], {}, ['oncall: de-escalated', 'team: de-escalated', 'teams: de-escalated']],
    ['SEV4 escalated to SEV3 after one run pending: not PagerDuty', [finding('sev3')], [issue({}, { severity: 'sev4', pendingSeverity: 'sev3', pendingRuns: 1 })], {}, ['team: escalated', 'teams: escalated']],
    ['reopened within 24 h', [finding('sev1')], [issue({ state: 'closed', closedAt: NOW.toISOString() })], {}, ['oncall: reopened', 'team: reopened', 'teams: reopened']],
    ['a reminder is not a change', [finding('sev1')], [issue()], { 'remind-after': '1ms' }, []],
    ['a duplicate closed is not a change', [finding('sev1')], [issue({ number: 9 }), issue()], {}, []],
  ] as const)('%s', (_name, findings, issues, over, expected) => {
    expect(notices([...findings], [...issues], over)).toEqual(expected);
  });

  it('the environments filter: a channel of staging hears nothing of production', () => {
    expect(notices([finding('sev1')], [], {}, channels([{ name: 'ops', type: 'webhook', url: 'https://ops.test/h', environments: ['staging'] }]))).toEqual([]);
    expect(notices([finding('sev1')], [], {}, channels([{ name: 'ops', type: 'webhook', url: 'https://ops.test/h', environments: ['production'] }]))).toEqual(['ops: opened']);
  });

  it('a change carries the issue link, the run link, the targets and the key figure', () => {
    const p = reconcile({ environment: 'production', findings: [finding()], observed: [], issues: [], pending: {}, config: cfg(), now: NOW, runUrl: RUN });
    const [c] = incidentChanges({ environment: 'production', applied: [{ action: p.actions[0]!, number: 12 }], findings: [finding()], repoUrl: REPO, runUrl: RUN });
    expect(c).toEqual({
      event: 'opened', environment: 'production', fingerprint: 'production:health:api', severity: 'sev1', peakSeverity: 'sev1', title: 'production: health probe api failing', check: 'health', rule: 'health-failed',
      keyFigure: 'GET /health: HTTP 503, expected 2xx', targets: { response: '< 5 min', resolution: '< 1 h' }, issueNumber: 12, issueUrl: `${REPO}/issues/12`, runUrl: RUN,
    });
  });

  it('a dry run (no number for a new issue) has no issue link', () => {
    const p = reconcile({ environment: 'production', findings: [finding()], observed: [], issues: [], pending: {}, config: cfg(), now: NOW });
    const [c] = incidentChanges({ environment: 'production', applied: [{ action: p.actions[0]! }], findings: [finding()], repoUrl: REPO });
    expect(c!.issueUrl).toBeUndefined();
    expect(c!.issueNumber).toBeUndefined();
  });

  const stateAfter = (f: Finding, i: ExistingIssue) => {
    const p = reconcile({ environment: 'production', findings: [f], observed: [], issues: [i], pending: {}, config: cfg(), now: NOW });
    const body = (p.actions[0] as { body: string }).body;
    return JSON.parse(Buffer.from(body.slice(body.lastIndexOf('<!-- launchguard:state ') + 23, body.lastIndexOf(' -->')), 'base64url').toString('utf8')) as IncidentState;
  };
  it.each([
    ['de-escalated from SEV1: the peak stays SEV1', finding('sev3'), issue({}, { pendingSeverity: 'sev3', pendingRuns: 1 }), 'sev3', 'sev1'],
    ['escalated to SEV1: the peak is SEV1', finding('sev1'), issue({}, { severity: 'sev3', pendingSeverity: 'sev1', pendingRuns: 1 }), 'sev1', 'sev1'],
    // Escalation applies at once (issue 14): one run at SEV1 makes the incident SEV1, and its peak.
    ['a SEV1 seen once on a SEV3 incident: escalated at once, the peak is SEV1', finding('sev1'), issue({}, { severity: 'sev3' }), 'sev1', 'sev1'],
    ['a SEV3 seen once on a SEV1 incident (de-escalation not applied yet): the peak stays SEV1', finding('sev3'), issue({}, { severity: 'sev1' }), 'sev1', 'sev1'],
    ['an issue from before peaks were kept: its severity', finding('sev2'), issue({}, { severity: 'sev2' }), 'sev2', 'sev2'],
  ] as const)('the peak severity in the issue state: %s', (_name, f, i, severity, peakSeverity) => {
    expect(stateAfter(f, i)).toMatchObject({ severity, peakSeverity });
  });
});

const change = (over: Partial<Change> = {}): Change => ({
  event: 'opened', environment: 'production', fingerprint: 'production:health:api', severity: 'sev1', peakSeverity: 'sev1', title: 'production: health probe api failing',
  keyFigure: 'GET /health: HTTP 503, expected 2xx', targets: { response: '< 5 min', resolution: '< 1 h' }, issueNumber: 2, issueUrl: `${REPO}/issues/2`, runUrl: RUN, ...over,
});
const body = (kind: ReceiverKind, c: Change) => JSON.parse(buildRequest({ channel: ALL.find((x) => x.type === kind)!, change: c }, NOW).body) as Record<string, unknown>;
const HOSTILE = 'down <!channel> <https://evil.test|click> & [x](https://evil.test) **bold** @here\n# heading ' + 'x'.repeat(5000);

describe('payloads: each service\'s shape, checked against the JSON Schema written from its documentation', () => {
  const cases: Change[] = [
    change(), change({ event: 'reopened' }), change({ event: 'escalated', severity: 'sev2', previousSeverity: 'sev3' }), change({ event: 'de-escalated', severity: 'sev3', previousSeverity: 'sev1' }),
    change({ event: 'closed', severity: 'sev2' }), change({ issueUrl: undefined, issueNumber: undefined, runUrl: undefined }), change({ title: HOSTILE, keyFigure: HOSTILE, severity: 'sev4' }),
  ];
  it.each((['pagerduty', 'slack', 'teams', 'webhook'] as const).flatMap((k) => cases.map((c, i) => [k, i, c] as const)))('%s case %i is valid', (kind, _i, c) => {
    const validate = schemaValidator(kind);
    expect(validate(body(kind, c)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('PagerDuty: trigger with the fingerprint as dedup_key, the severity mapped, the issue in links; resolve with the same key', () => {
    for (const [s, pd] of [['sev1', 'critical'], ['sev2', 'error'], ['sev3', 'warning'], ['sev4', 'info']] as const) {
      expect(body('pagerduty', change({ severity: s }))).toMatchObject({ routing_key: 'R0UT1NGKEY', event_action: 'trigger', dedup_key: 'production:health:api', payload: { severity: pd } });
    }
    expect(body('pagerduty', change())).toMatchObject({ links: [{ href: `${REPO}/issues/2`, text: 'GitHub issue #2' }, { href: RUN }], payload: { summary: '[SEV1] production: health probe api failing: GET /health: HTTP 503, expected 2xx', source: 'production' } });
    expect(body('pagerduty', change({ check: 'health', rule: 'health-failed' }))).toMatchObject({ payload: { component: 'health', class: 'health-failed', custom_details: { event: 'opened', respond: '< 5 min', resolve: '< 1 h' } } });
    expect(body('pagerduty', change({ event: 'closed' }))).toEqual({ routing_key: 'R0UT1NGKEY', event_action: 'resolve', dedup_key: 'production:health:api' });
    expect(buildRequest({ channel: ALL[0]!, change: change() }, NOW).url).toBe('https://events.pagerduty.com/v2/enqueue');
  });

  it('a fingerprint over 255 characters becomes a stable hash as dedup_key', () => {
    const long = `production:health:${'a'.repeat(300)}`;
    expect(dedupKey(long)).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(dedupKey(long)).toBe(dedupKey(long));
    expect(dedupKey('short')).toBe('short');
  });

  it('Slack: severity, targets, figure and both links; target text cannot mention or link', () => {
    const s = JSON.stringify(body('slack', change()));
    for (const t of ['SEV1 opened: production: health probe api failing', '< 5 min'.replace('<', '&lt;'), '&lt; 1 h', 'HTTP 503', `<${REPO}/issues/2|GitHub issue #2>`, `<${RUN}|launchguard run>`]) expect(s).toContain(t);
    const hostile = JSON.stringify(body('slack', change({ keyFigure: HOSTILE })));
    expect(hostile).not.toContain('<!channel>');
    expect(hostile).not.toContain('<https://evil.test');
    expect(slackEscape('<a> & b')).toBe('&lt;a&gt; &amp; b');
  });

  it('Teams: an Adaptive Card in the message envelope with the figure, the facts and the links; Markdown in target text is inert', () => {
    const b = body('teams', change()) as { attachments: { content: { body: { text?: string; facts?: unknown[] }[]; actions: unknown[] } }[] };
    const card = b.attachments[0]!.content;
    expect(card.body[0]!.text).toBe(teamsEscape('SEV1 opened: production: health probe api failing'));
    expect(card.body[2]!.facts).toContainEqual({ title: 'Respond', value: '\\< 5 min' });
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'GitHub issue #2', url: `${REPO}/issues/2` }, { type: 'Action.OpenUrl', title: 'launchguard run', url: RUN }]);
    expect(teamsEscape('[x](https://e.test) **b**\n# h')).toBe('\\[x\\]\\(https://e\\.test\\) \\*\\*b\\*\\* \\# h');
  });

  it('webhook: the change as data, an event header, and an HMAC-SHA256 signature of the exact body', () => {
    const req = buildRequest({ channel: ALL[3]!, change: change({ event: 'escalated', previousSeverity: 'sev3' }) }, NOW);
    expect(JSON.parse(req.body)).toMatchObject({ source: 'launchguard', event: 'escalated', sentAt: NOW.toISOString(), severity: 'sev1', previousSeverity: 'sev3', issue: { number: 2, url: `${REPO}/issues/2` } });
    expect(req.headers['x-launchguard-event']).toBe('escalated');
    expect(req.headers['x-launchguard-signature-256']).toBe(`sha256=${createHmac('sha256', 's3cret-value').update(req.body).digest('hex')}`);
    expect(signature('{}', 'k')).toBe(`sha256=${createHmac('sha256', 'k').update('{}').digest('hex')}`);
    const unsigned = buildRequest({ channel: channels([{ name: 'x', type: 'webhook', url: 'https://ops.test/h' }])[0]!, change: change() }, NOW);
    expect(unsigned.headers['x-launchguard-signature-256']).toBeUndefined();
  });

  it('headlines in words', () => {
    expect(headline(change({ event: 'escalated', severity: 'sev1', previousSeverity: 'sev3' }))).toBe('Escalated SEV3 → SEV1: production: health probe api failing');
    expect(headline(change({ event: 'de-escalated', severity: 'sev3', previousSeverity: 'sev1' }))).toBe('De-escalated SEV1 → SEV3: production: health probe api failing');
    expect(headline(change({ event: 'closed', severity: 'sev2' }))).toBe('Recovered (SEV2): production: health probe api failing');
  });

  it('hears: min-severity against the severity now, or the peak for a close and a de-escalation', () => {
    const pd = ALL[0]!;
    expect(hears(pd, change({ severity: 'sev2' }))).toBe(false);
    expect(hears(pd, change({ event: 'closed', severity: 'sev2', peakSeverity: 'sev1' }))).toBe(true);
    expect(hears(pd, change({ event: 'closed', severity: 'sev2', peakSeverity: 'sev2' }))).toBe(false);
  });
});

describe('notifications: config', () => {
  const parse = (yaml: string, env: NodeJS.ProcessEnv = {}) => parseConfigText(`environments:\n  production:\n    url: https://api.test\n  staging:\n    url: https://s.test\n${yaml}`, 'lg.yml', env);
  const problems = (yaml: string) => {
    try {
      parse(yaml);
    } catch (err) {
      return (err as ConfigError).problems.map((p) => `${p.path}: ${p.message}`);
    }
    return [];
  };

  it('the issue\'s example parses; ${VAR} values are secrets of the run; defaults filled', () => {
    const env = { PAGERDUTY_ROUTING_KEY: 'pd-key-123', SLACK_WEBHOOK_URL: 'https://hooks.slack.test/services/T/B/X', TEAMS_WEBHOOK_URL: 'https://teams.test/wf', HOOK_SECRET: 'hook-secret' };
    const { config, secrets } = parse(`notifications:
  - name: oncall
    type: pagerduty
    routing-key: \${PAGERDUTY_ROUTING_KEY}
    min-severity: sev1
  - name: team
    type: slack
    url: \${SLACK_WEBHOOK_URL}
    min-severity: SEV3
  - name: teams
    type: teams
    url: \${TEAMS_WEBHOOK_URL}
  - name: ops-bot
    type: webhook
    url: https://ops.example.com/hooks/launchguard
    secret: \${HOOK_SECRET}
    environments: [production]
`, env);
    expect(config.notifications.map((c) => [c.name, c['min-severity']])).toEqual([['oncall', 'sev1'], ['team', 'sev3'], ['teams', 'sev4'], ['ops-bot', 'sev4']]);
    expect(secrets).toEqual(expect.arrayContaining(Object.values(env)));
  });

  it.each([
    ['an unknown type', '  - { name: a, type: email, url: https://x.test }', /notifications\[0\].*expected type: pagerduty, slack, teams or webhook/],
    ['a key of another type (secret on slack)', '  - { name: a, type: slack, url: https://x.test, secret: s }', /notifications\[0\].*secret/],
    ['a slack channel without url', '  - { name: a, type: slack }', /notifications\[0\]\.url/],
    ['pagerduty without routing-key', '  - { name: a, type: pagerduty }', /notifications\[0\]\.routing-key/],
    ['a URL that is not http(s)', '  - { name: a, type: teams, url: "ftp://x.test" }', /notifications\[0\]\.url: expected an http\(s\) URL/],
    ['two channels of one name', '  - { name: a, type: teams, url: https://x.test }\n  - { name: A, type: slack, url: https://y.test }', /notifications\[1\]\.name: expected a unique name/],
    ['an environment the file does not define', '  - { name: a, type: teams, url: https://x.test, environments: [prod] }', /notifications\[0\]\.environments\[0\]: expected an environment of this file \(production, staging\), found "prod"/],
    ['a bad min-severity', '  - { name: a, type: teams, url: https://x.test, min-severity: high }', /min-severity: expected one of "sev1"/],
  ])('%s is one clear problem', (_name, yaml, pattern) => {
    const found = problems(`notifications:\n${yaml}\n`);
    expect(found.join('\n')).toMatch(pattern);
  });
});

describe('review: hostile target text and the peak severity', () => {
  it('Slack: the notification text (mrkdwn) escapes a hostile title too, so it cannot mention or link', () => {
    const b = body('slack', change({ title: 'app alert <!channel> <https://evil.test|click> & co' }));
    expect(b.text).not.toContain('<!channel>');
    expect(b.text).not.toContain('<https://evil.test');
    expect(b.text).toContain('&lt;!channel&gt;');
  });

  it('Slack: every mrkdwn text that quotes the target is verbatim (no automatic parsing of "@channel" or bare URLs); the links are manual <url|text>', () => {
    const b = body('slack', change({ keyFigure: 'call @channel at https://evil.test' })) as { blocks: { type: string; text?: { type: string; verbatim?: boolean }; fields?: { verbatim?: boolean }[] }[] };
    const quoting = b.blocks.flatMap((x) => [...(x.text?.type === 'mrkdwn' ? [x.text] : []), ...(x.fields ?? [])]);
    expect(quoting.length).toBe(5);
    for (const t of quoting) expect(t.verbatim).toBe(true);
  });

  it.each(['pagerduty', 'slack', 'teams', 'webhook'] as const)('%s: a lone UTF-16 surrogate from the target (a JSON \\ud800 escape) is sent as well-formed Unicode', (kind) => {
    const raw = buildRequest({ channel: ALL.find((x) => x.type === kind)!, change: change({ title: 'alert \ud800 x', keyFigure: 'bad \udfff tail' }) }, NOW).body;
    // JSON.stringify writes a lone surrogate as a \udXXX escape, which strict JSON parsers (PHP, .NET) refuse.
    expect(raw).not.toMatch(/\\ud[89a-f][0-9a-f]{2}/i);
  });

  it('a second de-escalation (SEV1 → SEV2 → SEV3) is still told to a channel that heard the SEV1: the peak comes from the incident state', () => {
    const pd = channels([{ name: 'oncall', type: 'pagerduty', 'routing-key': 'R0UT1NGKEY', 'min-severity': 'sev1' }]);
    expect(notices([finding('sev3')], [issue({}, { severity: 'sev2', peakSeverity: 'sev1', pendingSeverity: 'sev3', pendingRuns: 1 })], {}, pd)).toEqual(['oncall: de-escalated']);
  });

  it('a reopened incident\'s de-escalation: the peak of before the close does not count (PagerDuty was told of the reopen at SEV3: nothing, so no new alert now)', () => {
    const pd = channels([{ name: 'oncall', type: 'pagerduty', 'routing-key': 'R0UT1NGKEY', 'min-severity': 'sev1' }]);
    const reopened = { severity: 'sev3', peakSeverity: 'sev1', pendingSeverity: 'sev4', pendingRuns: 1, openedAt: '2026-11-01T00:00:00Z', lastOpenedAt: NOW.toISOString() } as const;
    expect(notices([finding('sev4')], [issue({}, reopened)], {}, pd)).toEqual([]);
  });
});
