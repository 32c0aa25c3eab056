import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IncidentWorld } from '../helpers/incident-world.js';
import type { Report } from '../../src/report/report.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { refusedPort } from '../helpers/servers.js';
import { runAction } from '../helpers/action.js';
import { eventEnv } from '../helpers/events.js';
import { FakeGitHub } from '../helpers/fake-github.js';

// Maintenance windows and silences, from the built dist/index.js against the fake GitHub. The
// action reads the real clock (one instant per run, the run's start), so the windows here are
// placed around the moment the test runs: a one-off window that began ten minutes ago, a weekly
// window at this minute's local time in Europe/Berlin, a silence until tomorrow or yesterday.
const iso = (offsetMinutes: number) => new Date(Date.now() + offsetMinutes * 60_000).toISOString();
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const window = (name = 'deploy') => `maintenance:\n  - { name: ${name}, start: "${iso(-10)}", duration: 1h }\n`;
const reportOf = (workspace: string): Report => JSON.parse(readFileSync(join(workspace, 'launchguard-report.json'), 'utf8')) as Report;

describe('maintenance windows and silences, end to end', () => {
  let w: IncidentWorld;
  beforeEach(async () => {
    w = await new IncidentWorld().start();
  });
  afterEach(async () => {
    expect(w.gh.violations).toEqual([]);
    await w.stop();
  });

  it('a failure inside a window opens no issue and writes no issue to GitHub; it is reported, marked, and does not fail the run', async () => {
    w.up = false;
    const r = await w.run({ config: w.config(window()), inputs: { 'fail-on': 'sev2' } });
    expect(r.code).toBe(0);
    expect(w.gh.issues).toHaveLength(0);
    // No issue, label or comment written; the run history (git data on the data branch) still records the run.
    expect(w.gh.log.filter((l) => l.method !== 'GET' && !l.path.includes('/git/'))).toEqual([]);
    expect(r.summary).toContain('> In maintenance: deploy (');
    expect(r.summary).toContain('| SEV1 | production: health probe api failing · _in maintenance: deploy_ |');
    expect(r.summary).toContain('issues: not opened (in maintenance: deploy): \\[SEV1\\] production: health probe api failing');
    expect(r.summary).toContain('1 in maintenance or silenced (not judged against fail-on sev2)');
    // Reported as a notice, not an error annotation.
    expect(r.stdout).toMatch(/::notice title=\[SEV1\] production%3A health probe api failing \(in maintenance%3A deploy\)::/);
    expect(r.stdout).not.toMatch(/::error title=\[SEV1\]/);
    const report = reportOf(r.workspace);
    expect(report.findings[0]).toMatchObject({ fingerprint: 'production:health:api', suppressed: { kind: 'maintenance', window: 'deploy' } });
    expect(report.suppression?.maintenance).toEqual([{ name: 'deploy', start: expect.any(String), end: expect.any(String) }]);
    // The control: the same failure with the window gone opens the issue and fails the run.
    const after = await w.run({ inputs: { 'fail-on': 'sev2' } });
    expect(after.code).toBe(1);
    expect(w.gh.issues).toHaveLength(1);
  });

  it('a weekly window at this minute in Europe/Berlin holds the run too', async () => {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hourCycle: 'h23', hour: '2-digit', minute: '2-digit', weekday: 'long' }).formatToParts(Date.now() - 60_000);
    const get = (t: string) => parts.find((p) => p.type === t)!.value;
    const config = w.config(`maintenance:\n  - { name: weekly, every: [${get('weekday').toLowerCase()}], start: "${get('hour')}:${get('minute')}", duration: 30m, timezone: Europe/Berlin }\n`);
    w.up = false;
    const r = await w.run({ config });
    expect(r.summary).toContain('issues: not opened (in maintenance: weekly)');
    expect(w.gh.issues).toHaveLength(0);
  });

  it('an open incident is neither escalated nor closed during a window, and both happen after it', async () => {
    w.disk = 92;
    await w.run();
    const issue = w.gh.issues[0]!;
    expect(issue.title).toBe('[SEV3] production: disk too high');
    const during = w.config(window());
    w.disk = 97;
    for (let i = 0; i < 3; i++) {
      const held = await w.run({ config: during });
      if (i > 0) expect(held.summary).toContain('issues: not escalated (in maintenance: deploy): #1 production: disk too high at SEV2');
    }
    expect(issue.title).toBe('[SEV3] production: disk too high');
    expect(issue.labels).toContain('sev3');
    expect(w.commentsOf(1)).toHaveLength(1); // the opening comment only
    // After the window the escalation applies at once: the new severity held for close-after runs.
    const escalated = await w.run();
    expect(escalated.summary).toContain('issues: escalated #1 \\[SEV2\\] production: disk too high');
    // One passing run outside the window (1 of close-after 2), then the run that would close it falls in the window.
    w.disk = 50;
    await w.run();
    expect(issue.body).toContain('recovering: 1 of 2 passing runs needed to close');
    for (let i = 0; i < 2; i++) {
      const held = await w.run({ config: during });
      expect(held.summary).toContain('issues: not closed (in maintenance: deploy): #1 production: disk too high');
      expect(held.summary).toContain('issues: left unchanged #1 (production:metrics:disk), in maintenance: deploy');
    }
    expect(issue.state).toBe('open');
    expect(issue.body).toContain('not checked this run (in maintenance: deploy); unchanged: 1 of 2 passing runs');
    expect(w.commentsOf(1)).toHaveLength(2); // opened, escalated
    await w.run();
    expect(issue.state).toBe('closed');
  });

  it('a silence holds the fingerprints it matches until `until`; expired, it is a note and the incident opens', async () => {
    w.up = false;
    const silence = (until: string) => w.config(`silences:\n  - { match: "production:health:*", until: ${until}, reason: "api moved, probe pending" }\n`);
    const r = await w.run({ config: silence(day(1)) });
    expect(w.gh.issues).toHaveLength(0);
    // No issue, label or comment written; the run history (git data on the data branch) still records the run.
    expect(w.gh.log.filter((l) => l.method !== 'GET' && !l.path.includes('/git/'))).toEqual([]);
    expect(r.summary).toContain(`issues: not opened (silenced until ${day(1)}: api moved, probe pending): \\[SEV1\\] production: health probe api failing`);
    expect(r.summary).toContain(`> Silenced until ${day(1)}: production:health:\\* (api moved, probe pending).`);
    expect(reportOf(r.workspace).findings.find((f) => f.check === 'health')?.suppressed).toEqual({ kind: 'silence', match: 'production:health:*', until: day(1), reason: 'api moved, probe pending' });
    const expired = await w.run({ config: silence(day(-1)) });
    expect(expired.summary).toMatch(new RegExp(`- silence production:health:\\\\\\* expired at ${day(0)}T00:00:00\\.000Z \\(until ${day(-1)}; api moved, probe pending\\)`));
    expect(w.gh.issues.map((i) => i.title)).toEqual(['[SEV1] production: health probe api failing']);
  });
});

describe('the CLI in a maintenance window (built)', () => {
  it('check --dry-run: the plan holds the open, names the window, and the exit follows fail-on for what is judged', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'lg-cli-maint-'));
    writeFileSync(join(cwd, 'lg.yml'), `environments:\n  production:\n    health:\n      - { name: api, retries: 0 }\n${window('migration')}`);
    const r = spawnSync(process.execPath, [resolve('bin/launchguard.js'), 'check', '--config', 'lg.yml', '--target-url', await refusedPort(), '--dry-run'], { cwd, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('SEV1  production: health probe api failing (in maintenance: migration)');
    expect(r.stdout).toContain('  not opened (in maintenance: migration): [SEV1] production: health probe api failing');
    expect(r.stdout).not.toContain('would open');
  });
});

describe('a pull-request gate in a maintenance window (built)', () => {
  it('still judges the held finding and fails; the comment names the window beside it', async () => {
    const gh = await new FakeGitHub().start();
    try {
      gh.addIssue({ title: 'Some issue' }); // #1
      gh.addIssue({ title: 'Update the README with new information.', pull_request: true }); // PR #2, as in the payload
      const r = await runAction(
        { config: 'lg.yml', 'target-url': await refusedPort(), mode: 'gate', checks: 'health' },
        {
          files: { 'lg.yml': `environments:\n  production:\n    health:\n      - { name: api, retries: 0 }\n${window()}` },
          timeoutMs: 60_000,
          env: {
            GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'acme/api', ...eventEnv('pull_request'), GITHUB_REF: 'refs/pull/2/merge',
            GITHUB_SHA: 'feedfacefeedfacefeedfacefeedfacefeedface', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '78', 'INPUT_GITHUB-TOKEN': 'ghs_write_token',
          },
        },
      );
      expect(r.code).toBe(1);
      const body = gh.comments.find((c) => c.issue === 2)!.body;
      expect(body).toContain('## ❌ launchguard gate: fail: [SEV1] health probe api failing');
      expect(body).toContain('> In maintenance: deploy (');
      expect(body).toContain('| SEV1 | production: health probe api failing · _in maintenance: deploy_ |');
      // Judged and failing the gate, so an error annotation like any SEV1, not a notice.
      expect(r.stdout).toMatch(/::error title=\[SEV1\] production%3A health probe api failing \(in maintenance%3A deploy\)::/);
      expect(r.stdout).not.toMatch(/::notice title=\[SEV1\]/);
      expect(gh.violations).toEqual([]);
    } finally {
      await gh.stop();
    }
  });
});
