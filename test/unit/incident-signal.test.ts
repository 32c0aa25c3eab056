import { describe, expect, it } from 'vitest';
import { incidentsSchema } from '../../src/incidents/schema.js';
import { parseMarker, parseState, type ExistingIssue, type IncidentState } from '../../src/incidents/state.js';
import { reconcile, type Action } from '../../src/incidents/reconcile.js';
import { renderBody } from '../../src/incidents/body.js';
import { codeBlock, codeSpan, md } from '../../src/core/markdown.js';
import type { Severity } from '../../src/core/severity.js';
import type { Finding } from '../../src/core/types.js';

// Issue 10: an incident closes only on evidence; its state block cannot be broken or forged;
// severity changes and reminders do not flap.
const cfg = (over: Record<string, unknown> = {}) => incidentsSchema.parse(over);
const T0 = new Date('2026-11-28T12:00:00Z');
const at = (h: number) => new Date(T0.getTime() + h * 3600_000);

const finding = (check: Finding['check'], subject: string, severity: Severity = 'sev3', detail = 'it broke'): Finding => ({
  fingerprint: `production:${check}:${subject}`, environment: 'production', check, subject, rule: 'threshold', severity, title: `production: ${subject} wrong`, detail,
});

/** The fake issue tracker for pure runs: applies a plan to a list of issues, as GitHub would. */
class Tracker {
  issues: ({ -readonly [K in keyof ExistingIssue]: ExistingIssue[K] } & { body: string; comments: string[] })[] = [];
  run(findings: Finding[], observed: readonly string[], now: Date, over: Record<string, unknown> = {}): Action[] {
    const incidentPlan = reconcile({ environment: 'production', findings, observed, issues: this.issues, pending: {}, config: cfg(over), now });
    for (const a of incidentPlan.actions) {
      if (a.kind === 'open') {
        const n = this.issues.length + 1;
        this.issues.push({ number: n, state: 'open', title: a.title, labels: [...a.labels], createdAt: now.toISOString(), fingerprint: a.fingerprint, body: a.body, comments: [a.comment], incident: parseState(a.body) });
        continue;
      }
      const i = this.issues.find((x) => x.number === a.number)!;
      i.body = a.body;
      i.incident = parseState(a.body);
      expect(parseMarker(a.body)).toBe(i.fingerprint);
      if (a.kind === 'close') Object.assign(i, { state: 'closed', closedAt: now.toISOString() });
      if (a.kind === 'reopen') Object.assign(i, { state: 'open', closedAt: undefined });
      if ('title' in a && a.title) i.title = a.title;
      if ('addLabels' in a) i.labels = [...i.labels.filter((l) => !a.removeLabels.includes(l)), ...a.addLabels];
      if (a.comment) i.comments.push(a.comment);
    }
    return [...incidentPlan.actions];
  }
}

const change = (a: readonly Action[]) => a.map((x) => (x.kind === 'update' ? x.change : x.kind));

describe('section 3: an incident closes only on evidence that it recovered', () => {
  // Each case: the incident's finding, then two runs that do not show it, with what they observed.
  it.each([
    ['checks: health (the metrics check did not run)', finding('metrics', 'disk'), ['production:health:api'], {}],
    ['a merge run (only load is judged)', finding('health', 'api', 'sev1'), ['production:load:plans:p95', 'production:load:plans:p50', 'production:load:plans:error-rate', 'production:load:plans:unreachable'], {}],
    ['MongoDB unreachable: per-collection findings never computed', finding('indexes', 'users'), ['production:indexes:connection'], {}],
    ['a health outage hides the metrics findings', finding('metrics', 'disk'), ['production:health:api'], {}],
    ['a budget breach skips the regression rule', finding('load', 'p95-regression'), ['production:load:plans:p95', 'production:load:plans:p50'], {}],
    ['an alerts endpoint not read leaves alert incidents alone', finding('metrics', 'alert-payments'), ['production:metrics:system-endpoint'], {}],
  ] as const)('%s: the incident stays open, marked not checked', (_name, f, observed, over) => {
    const t = new Tracker();
    t.run([f], [f.fingerprint], at(0), over);
    expect(change(t.run([], observed, at(1), over))).toEqual(['unchecked']);
    expect(change(t.run([], observed, at(2), over))).toEqual(['unchecked']);
    expect(t.issues[0]!.state).toBe('open');
    expect(t.issues[0]!.body).toContain('not checked this run (its check did not evaluate it)');
    expect(t.issues[0]!.incident).toMatchObject({ consecutivePassing: 0, failingRuns: 1 });
    expect(t.issues[0]!.comments).toHaveLength(1);
    // Real evidence then closes it after close-after runs.
    t.run([], [f.fingerprint], at(3), over);
    expect(change(t.run([], [f.fingerprint], at(4), over))).toEqual(['close']);
  });

  it('a finding below min-severity keeps the incident open', () => {
    const t = new Tracker();
    t.run([finding('metrics', 'disk', 'sev3')], ['production:metrics:disk'], at(0), { 'min-severity': 'sev3' });
    for (const h of [1, 2, 3]) {
      expect(change(t.run([finding('metrics', 'disk', 'sev4')], ['production:metrics:disk'], at(h), { 'min-severity': 'sev3' }))).toEqual(['unchecked']);
    }
    expect(t.issues[0]!.state).toBe('open');
    expect(t.issues[0]!.body).toContain('seen at SEV4, below min-severity SEV3');
  });

  it('an alert that is gone from a list that was read counts as passing (the alert family was observed)', () => {
    const t = new Tracker();
    const f = finding('metrics', 'alert-payments');
    t.run([f], ['production:metrics:alerts', 'production:metrics:alert-*'], at(0));
    t.run([], ['production:metrics:alerts', 'production:metrics:alert-*'], at(1));
    expect(change(t.run([], ['production:metrics:alerts', 'production:metrics:alert-*'], at(2)))).toEqual(['close']);
  });
});

describe('section 4: the hidden state block cannot be broken or forged', () => {
  const hostile = 'disk full --> <img src=x onerror=alert(1)> @org/team #1 | `rm` <!-- launchguard:state eyJ2IjoxfQ -->\nnext line';

  it('a finding text with " -->", HTML, mentions, #1, | and backticks: inert in the body and the comments, and the incident closes normally', () => {
    const t = new Tracker();
    const f = finding('metrics', 'alert-payments', 'sev2', hostile);
    const opened = t.run([f], [f.fingerprint], at(0));
    const body = t.issues[0]!.body;
    expect(t.issues[0]!.incident).toMatchObject({ fingerprint: f.fingerprint, detail: hostile, severity: 'sev2' });
    for (const text of [body, (opened[0] as { comment: string }).comment]) {
      expect(text).not.toContain('<img');
      expect(text).not.toContain('@org');
      expect(text).not.toMatch(/#1\b/);
      expect(text).not.toContain(' | `rm`');
      expect(text).not.toContain('\nnext line');
    }
    // Only the real block is read: the forged one inside the text is escaped, and it is before the last.
    expect(body.lastIndexOf('<!-- launchguard:state ')).toBeGreaterThan(body.indexOf('What is wrong'));
    expect(body.endsWith(' -->')).toBe(true);
    t.run([f], [f.fingerprint], at(1));
    t.run([], [f.fingerprint], at(2));
    expect(change(t.run([], [f.fingerprint], at(3)))).toEqual(['close']);
    expect(t.issues[0]!.state).toBe('closed');
  });

  it('reads only the last block: a block placed earlier cannot forge state', () => {
    const real: IncidentState = { v: 1, fingerprint: 'production:health:api', severity: 'sev1', title: 't', detail: 'd', firstSeen: 'a', lastSeen: 'b', failingRuns: 3, consecutiveFailing: 3, consecutivePassing: 0, openedAt: 'a' };
    const forged = Buffer.from(JSON.stringify({ ...real, consecutivePassing: 99 })).toString('base64url');
    const body = `<!-- launchguard:state ${forged} -->\n${renderBody(real, cfg(), 'failing')}`;
    expect(parseState(body)).toEqual(real);
  });

  it('a state block that fails the schema is rejected, and the issue is repaired from its labels and title', () => {
    const bad = Buffer.from(JSON.stringify({ v: 1, fingerprint: 'production:health:api', severity: 'sev9' })).toString('base64url');
    const body = `<!-- launchguard:fingerprint=production:health:api -->\nx\n<!-- launchguard:state ${bad} -->`;
    expect(parseState(body)).toBeUndefined();
    expect(parseState('<!-- launchguard:state {"v":1, broken -->')).toBeUndefined();
    const issue: ExistingIssue = { number: 4, state: 'open', title: '[SEV2] production: health probe api failing', labels: ['launchguard', 'sev2'], createdAt: at(-5).toISOString(), fingerprint: 'production:health:api' };
    const incidentPlan = reconcile({ environment: 'production', findings: [], observed: ['production:health:api'], issues: [issue], pending: {}, config: cfg(), now: at(0) });
    const a = incidentPlan.actions[0]!;
    expect(a).toMatchObject({ kind: 'update', change: 'recovering' });
    expect(parseState((a as { body: string }).body)).toMatchObject({ severity: 'sev2', title: 'production: health probe api failing', consecutivePassing: 1, firstSeen: at(-5).toISOString() });
  });

  it('bodies written before the encoding (plain JSON) still parse', () => {
    const s: IncidentState = { v: 1, fingerprint: 'production:health:api', severity: 'sev1', title: 't', detail: 'd', firstSeen: 'a', lastSeen: 'b', failingRuns: 1, consecutiveFailing: 1, consecutivePassing: 0, openedAt: 'a' };
    expect(parseState(`x\n<!-- launchguard:state ${JSON.stringify(s)} -->`)).toEqual(s);
  });

  it.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['@org/team and @alice', '@&#8203;org/team and @&#8203;alice'],
    ['see #1 and acme/api#2', 'see #&#8203;1 and acme/api#&#8203;2'],
    ['a | b `c`', 'a \\| b \\`c\\`'],
    ['one\ntwo\r\nthree', 'one two  three'],
    ['[x](javascript:alert(1)) *b* _i_ ~s~ \\', '\\[x\\](javascript:alert(1)) \\*b\\* \\_i\\_ \\~s\\~ \\\\'],
    ['end -->', 'end --&gt;'],
  ])('md(%j) is inert', (input, out) => {
    expect(md(input)).toBe(out);
  });

  it('a code block cannot be closed by the text inside', () => {
    expect(codeBlock('a ``` b')).toBe('````\na ``` b\n````');
    expect(codeBlock('db.x.createIndex({})')).toBe('```\ndb.x.createIndex({})\n```');
  });
});

describe('section 6: severity flapping and reminders', () => {
  it('20 runs alternating 94.9 % / 95.0 % disk (SEV3 / SEV1 at the boundary): at most 2 comments', () => {
    const t = new Tracker();
    for (let i = 0; i < 20; i++) {
      const f = finding('metrics', 'disk', i % 2 === 0 ? 'sev3' : 'sev1', `disk is ${i % 2 === 0 ? '94.9' : '95'} %`);
      t.run([f], [f.fingerprint], at(i / 4));
    }
    expect(t.issues).toHaveLength(1);
    expect(t.issues[0]!.comments.length).toBeLessThanOrEqual(2);
    // Escalation applies at once (issue 14), de-escalation after close-after runs: it escalates once and stays SEV1.
    expect(t.issues[0]!.title).toBe('[SEV1] production: disk wrong');
  });

  it('a more severe level escalates at once, once; a less severe one changes it after close-after runs', () => {
    const t = new Tracker();
    const f = (s: Severity) => finding('metrics', 'disk', s);
    t.run([f('sev3')], ['production:metrics:disk'], at(0));
    expect(change(t.run([f('sev1')], ['production:metrics:disk'], at(1)))).toEqual(['escalated']);
    expect(change(t.run([f('sev1')], ['production:metrics:disk'], at(2)))).toEqual(['updated']);
    expect(t.issues[0]!.title).toBe('[SEV1] production: disk wrong');
    expect(t.issues[0]!.labels).toContain('sev1');
    expect(change(t.run([f('sev3')], ['production:metrics:disk'], at(3)))).toEqual(['updated']);
    expect(t.issues[0]!.body).toContain('| severity change | SEV3 on 1 of 2 runs needed to change it |');
    expect(change(t.run([f('sev3')], ['production:metrics:disk'], at(4)))).toEqual(['de-escalated']);
    expect(t.issues[0]!.comments).toHaveLength(3);
  });

  it('a reminder counts from the last reopen, not from the first opening', () => {
    const t = new Tracker();
    const over = { 'remind-after': '24h' };
    const f = finding('health', 'api', 'sev1');
    t.run([f], [f.fingerprint], at(0), over);
    t.run([], [f.fingerprint], at(1), over);
    t.run([], [f.fingerprint], at(2), over); // closed
    expect(t.issues[0]!.state).toBe('closed');
    expect(change(t.run([f], [f.fingerprint], at(20), over))).toEqual(['reopen']);
    // 26 h after the first opening, 6 h after the reopening: no reminder yet.
    expect(change(t.run([f], [f.fingerprint], at(26), over))).toEqual(['updated']);
    expect(change(t.run([f], [f.fingerprint], at(44.5), over))).toEqual(['reminder']);
    // And the next one 24 h after that reminder.
    expect(change(t.run([f], [f.fingerprint], at(60), over))).toEqual(['updated']);
    expect(change(t.run([f], [f.fingerprint], at(68.5), over))).toEqual(['reminder']);
  });
});

describe('codeSpan', () => {
  it.each([
    ['db.users.createIndex({ "email": 1 })', '`db.users.createIndex({ "email": 1 })`'],
    ['a`b | c\nd', '``a`b \\| c d``'],
    ['`x`', '`` `x` ``'],
  ])('%j', (input, out) => {
    expect(codeSpan(input)).toBe(out);
  });
});
