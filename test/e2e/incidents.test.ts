import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IncidentWorld } from '../helpers/incident-world.js';

// Scenario tests: the built dist/index.js, run after run, against the fake GitHub (every request
// and response checked against GitHub's OpenAPI description) and a local target.
describe('incident issues across runs', () => {
  let w: IncidentWorld;
  beforeEach(async () => {
    w = await new IncidentWorld().start();
  });
  afterEach(async () => {
    expect(w.gh.violations).toEqual([]);
    await w.stop();
  });

  it('down, down, up, up: one issue, opened once, updated, closed once after the second up', async () => {
    // A pull request carrying the label and the marker, as the list endpoint returns PRs too: ignored.
    const pr = w.gh.addIssue({ title: 'PR', body: '<!-- launchguard:fingerprint=production:health:api -->', labels: ['launchguard'], pull_request: true });
    w.up = false;
    const r1 = await w.run();
    expect(r1.code).toBe(0);
    expect(r1.summary).toMatch(/issues: opened #2 \\\[SEV1\\\] production: health probe api failing/);
    await w.run();
    expect(w.gh.issues.filter((i) => !i.pull_request)).toHaveLength(1);
    const issue = w.gh.issues.find((i) => !i.pull_request)!;
    expect(issue.body).toContain('| failing runs | 2 |');
    w.up = true;
    await w.run();
    expect(issue.state).toBe('open');
    expect(issue.body).toContain('recovering: 1 of 2 passing runs needed to close');
    const r4 = await w.run();
    expect(r4.summary).toContain('issues: closed #2: recovered');
    expect(w.gh.issues).toHaveLength(2);
    expect(pr).toMatchObject({ state: 'open', title: 'PR', labels: ['launchguard'] });
    expect(w.commentsOf(pr.number)).toEqual([]);
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed', title: '[SEV1] production: health probe api failing' });
    expect(issue.labels.sort()).toEqual(['env:production', 'launchguard', 'sev1']);
    const comments = w.commentsOf(2);
    expect(comments).toHaveLength(2);
    expect(comments[0]).toMatch(/^Opened at SEV1: respond < 5 min, resolve < 1 h\. GET http:\/\/127\.0\.0\.1:\d+\/health: status: HTTP 503, expected 2xx/);
    expect(comments[1]).toMatch(/^Recovered: passing for 2 runs in a row\. The incident lasted .* \(2 failing runs\)\.$/);
    expect([...w.gh.labels.values()].find((l) => l.name === 'sev1')).toMatchObject({ color: 'b60205', description: expect.stringContaining('Respond < 5 min') });
  });

  it('SEV3 then SEV2 relabels the issue and comments once; labels added by hand stay', async () => {
    w.disk = 92;
    await w.run();
    expect(w.gh.issues.map((i) => i.title)).toEqual(['[SEV3] production: disk too high']);
    w.gh.issues[0]!.labels.push('owner:alice');
    w.disk = 97;
    // Escalation applies at once (issue 14): the first run at SEV2 escalates; the next ones do not comment again.
    const r = await w.run();
    expect(r.summary).toContain('issues: escalated #1 \\[SEV2\\] production: disk too high');
    const again = await w.run();
    expect(again.summary).not.toContain('escalated');
    const issue = w.gh.issues[0]!;
    expect(issue.title).toBe('[SEV2] production: disk too high');
    expect(issue.labels.sort()).toEqual(['env:production', 'launchguard', 'owner:alice', 'sev2']);
    expect(w.commentsOf(1).filter((c) => c.startsWith('Escalated from SEV3 to SEV2'))).toHaveLength(1);
    expect(w.gh.issues).toHaveLength(1);
  });

  // Escalation applies at once, de-escalation after close-after runs at the lower level: alternating,
  // the incident escalates once to SEV1 and stays there (opened + escalated: two comments).
  it('disk alternating 94.9 % / 95.0 % (SEV3 / SEV1 with the default levels) for 20 runs: at most 2 comments', async () => {
    const config = w.config().replace('disk: { field: disk, levels: [{ above: 95, severity: sev2 }, { above: 90, severity: sev3 }] }', 'disk: { field: disk }');
    for (let i = 0; i < 20; i++) {
      w.disk = i % 2 === 0 ? 94.9 : 95.0;
      await w.run({ config });
    }
    expect(w.gh.issues).toHaveLength(1);
    expect(w.gh.issues[0]!.title).toBe('[SEV1] production: disk too high');
    expect(w.commentsOf(1).length).toBeLessThanOrEqual(2);
  });

  it('checks: health does not close a metrics incident: it stays open, not checked', async () => {
    w.disk = 92;
    await w.run();
    w.disk = 50;
    for (let i = 0; i < 3; i++) await w.run({ inputs: { checks: 'health' } });
    expect(w.gh.issues[0]!.state).toBe('open');
    expect(w.gh.issues[0]!.body).toContain('not checked this run');
    await w.run();
    await w.run();
    expect(w.gh.issues[0]!.state).toBe('closed');
  });

  it('an alert message with " -->", HTML, @mentions, #1, | and a backtick is inert everywhere, and the incident closes normally', async () => {
    const hostile = 'disk full --> <img src=x onerror=alert(1)> ping @org/team see #1 | a `tick`';
    w.alerts = [{ type: 'payments', level: 'critical', message: hostile }];
    const config = w.config().replace('    metrics:\n', '    metrics:\n      alerts: { path: /alerts, id: type }\n');
    const first = await w.run({ config });
    expect(w.gh.issues).toHaveLength(1);
    await w.run({ config });
    const issue = w.gh.issues[0]!;
    const texts = [issue.body, ...w.commentsOf(1), first.summary];
    for (const t of texts) {
      expect(t).not.toContain('<img');
      expect(t).not.toMatch(/@org/);
      expect(t).not.toContain('see #1');
      expect(t).not.toContain('`tick`');
      expect(t).not.toContain('--> <');
    }
    expect(issue.body).toContain('| failing runs | 2 |');
    w.alerts = [];
    await w.run({ config });
    const last = await w.run({ config });
    expect(last.summary).toContain('issues: closed #1: recovered');
    expect(issue.state).toBe('closed');
  });

  it('a failure again within 24 h reopens the same issue', async () => {
    w.up = false;
    await w.run();
    w.up = true;
    await w.run();
    await w.run();
    expect(w.gh.issues[0]!.state).toBe('closed');
    w.up = false;
    const r = await w.run();
    expect(r.summary).toContain('issues: reopened #1');
    expect(w.gh.issues).toHaveLength(1);
    expect(w.gh.issues[0]).toMatchObject({ state: 'open', state_reason: 'reopened' });
    expect(w.commentsOf(1).at(-1)).toMatch(/^Reopened: failing again .* after it was closed\./);
  });

  it('two runs started at the same moment leave one open issue', async () => {
    w.up = false;
    await Promise.all([w.run(), w.run()]);
    expect(w.open()).toHaveLength(1);
    expect(w.open()[0]!.number).toBe(1);
    for (const dup of w.gh.issues.filter((i) => i.state === 'closed')) {
      expect(dup.state_reason).toBe('duplicate');
      expect(w.commentsOf(dup.number).some((c) => c.startsWith('Duplicate of #1'))).toBe(true);
    }
    await w.run();
    expect(w.open()).toHaveLength(1);
  });

  it('20 failing runs in a row: one issue and at most 2 comments', async () => {
    w.up = false;
    for (let i = 0; i < 20; i++) {
      const r = await w.run();
      expect(r.hung).toBe(false);
    }
    expect(w.gh.issues).toHaveLength(1);
    expect(w.commentsOf(1).length).toBeLessThanOrEqual(2);
    expect(w.gh.issues[0]!.body).toContain('| failing runs | 20 |');
  });
});

describe('incident issues when GitHub misbehaves', () => {
  let w: IncidentWorld;
  beforeEach(async () => {
    w = await new IncidentWorld().start();
    w.up = false;
  });
  afterEach(async () => {
    expect(w.gh.violations).toEqual([]);
    await w.stop();
  });

  it('a 502 on create that did land: it looks again and finds it, one issue', async () => {
    w.gh.faults.push({ match: 'POST /repos/acme/api/issues', status: 502, afterApply: true });
    const r = await w.run();
    expect(r.code).toBe(0);
    expect(w.gh.issues).toHaveLength(1);
    expect(r.stdout).toMatch(/creating the issue for production:health:api failed \(502\); looking whether it landed/);
  });

  it('a 502 on create that did not land, then success: one issue', async () => {
    w.gh.faults.push({ match: 'POST /repos/acme/api/issues', status: 502 });
    await w.run();
    expect(w.gh.issues).toHaveLength(1);
    expect(w.gh.log.filter((l) => l.method === 'POST' && l.path === '/repos/acme/api/issues').map((l) => l.status)).toEqual([502, 201]);
  });

  it('a connection reset on create that landed: one issue', async () => {
    w.gh.faults.push({ match: 'POST /repos/acme/api/issues', reset: true, afterApply: true });
    await w.run();
    expect(w.gh.issues).toHaveLength(1);
  });

  it('a secondary rate limit is waited out, not crashed on', async () => {
    w.gh.faults.push({
      match: 'POST /repos/acme/api/issues',
      status: 403,
      headers: { 'retry-after': '1' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' },
    });
    const r = await w.run();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/secondary rate limit .* retrying after 1 s/);
    expect(w.gh.issues).toHaveLength(1);
  });

  it('a read-only token (403 on writes): a clear summary and no crash', async () => {
    const r = await w.run({ token: 'ghs_read_only', inputs: { 'fail-on': 'sev1' } });
    expect(r.code).toBe(1); // failed by the SEV1 finding and fail-on, not by the token
    expect(r.summary).toContain('issues: not managed: the token cannot write issues (HTTP 403); give the job permissions: issues: write.');
    expect(r.stdout).not.toMatch(/\n\s+at /);
    expect(w.gh.issues).toHaveLength(0);
  });

  it('more findings than the per-run cap: at most the cap of issues, the rest listed', async () => {
    const probes = Array.from({ length: 5 }, (_, i) => `      - { name: p${i}, path: /p${i}, retries: 0 }`).join('\n');
    const config = `environments:\n  production:\n    health:\n${probes}\nincidents:\n  max-new-per-run: 3\n`;
    const r = await w.run({ config });
    expect(w.gh.issues).toHaveLength(3);
    expect(r.summary).toMatch(/issues: 2 more findings not opened as issues \(at most 3 new per run\): \[SEV1\] production: health probe p3 failing; \[SEV1\] production: health probe p4 failing/);
  });

  it('issues: false and dry-run write nothing', async () => {
    await w.run({ inputs: { issues: 'false' } });
    // issues: false leaves the issues alone; the run history is still recorded (a data-branch write only).
    const writes = w.gh.log.filter((l) => l.method !== 'GET');
    expect(writes.every((l) => /\/git\/(trees|commits|refs)$|\/contents\/launchguard\/history\//.test(decodeURIComponent(l.path)))).toBe(true);
    const dry = await w.run({ inputs: { 'dry-run': 'true' } });
    expect(dry.summary).toContain('issues: would open a new issue \\[SEV1\\] production: health probe api failing');
    expect(w.gh.issues).toHaveLength(0);
    expect(w.gh.log.filter((l) => l.method !== 'GET')).toEqual(writes);
  });
});
