import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeReceiver } from '../helpers/fake-receivers.js';
import { IncidentWorld } from '../helpers/incident-world.js';
import { refusedPort } from '../helpers/servers.js';

// The built dist/index.js, run after run, against the fake GitHub and one local receiver per
// channel, each checking payloads against the JSON Schema written from the service's documentation.
const CHANNELS = `notifications:
  - name: oncall
    type: pagerduty
    routing-key: \${PD_ROUTING_KEY}
    url: \${PD_URL}
    min-severity: sev1
  - name: team
    type: slack
    url: \${SLACK_WEBHOOK_URL}
  - name: teams
    type: teams
    url: \${TEAMS_WEBHOOK_URL}
  - name: ops-bot
    type: webhook
    url: \${HOOK_URL}
    secret: \${HOOK_SECRET}
    environments: [production]
`;
/** A run's log without the runner's masking commands (`::add-mask::`), which are how a secret is registered. */
const shown = (stdout: string) => stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
const SECRETS = { PD_ROUTING_KEY: 'pdroutingkey0123456789abcdef0123', HOOK_SECRET: 'hook-secret-4f9a' };

describe('notifications across runs', () => {
  let w: IncidentWorld;
  let r: Record<'pagerduty' | 'slack' | 'teams' | 'webhook', FakeReceiver>;
  let env: NodeJS.ProcessEnv;
  beforeEach(async () => {
    w = await new IncidentWorld().start();
    r = {
      pagerduty: await new FakeReceiver('pagerduty').start(),
      slack: await new FakeReceiver('slack').start(),
      teams: await new FakeReceiver('teams').start(),
      webhook: await new FakeReceiver('webhook', SECRETS.HOOK_SECRET).start(),
    };
    env = { ...SECRETS, PD_URL: r.pagerduty.url, SLACK_WEBHOOK_URL: `${r.slack.url}/T0001/B0001/slackpathsecret`, TEAMS_WEBHOOK_URL: r.teams.url, HOOK_URL: r.webhook.url };
  });
  afterEach(async () => {
    expect(w.gh.violations).toEqual([]);
    for (const x of Object.values(r)) await x.close();
    await w.stop();
  });
  const config = () => `${w.config()}${CHANNELS}`;

  it('down, down, up, up: one trigger and one resolve to PagerDuty with one dedup_key, one open and one close to Slack and Teams, one signed POST per change', async () => {
    w.up = false;
    const r1 = await w.run({ config: config(), env });
    expect(r1.code).toBe(0);
    expect(r1.summary).toContain('notifications: oncall: sent opened');
    await w.run({ config: config(), env });
    w.up = true;
    await w.run({ config: config(), env });
    const r4 = await w.run({ config: config(), env });
    expect(r4.summary).toContain('issues: closed #1: recovered');
    expect(r4.summary).toContain('notifications: team: sent closed');

    for (const x of Object.values(r)) expect(x.rejected).toEqual([]);
    const pd = r.pagerduty.received.map((m) => m.body);
    expect(pd.map((b) => b.event_action)).toEqual(['trigger', 'resolve']);
    expect(pd.map((b) => b.dedup_key)).toEqual(['production:health:api', 'production:health:api']);
    expect(pd[0]).toMatchObject({ routing_key: SECRETS.PD_ROUTING_KEY, payload: { severity: 'critical' }, links: [{ href: 'https://github.com/acme/api/issues/1' }, { href: expect.stringMatching(/^https:\/\/github\.com\/acme\/api\/actions\/runs\/\d+$/) }] });
    expect(r.slack.received.map((m) => (m.body.text as string).replace(/^\S+ /, ''))).toEqual(['SEV1 opened: production: health probe api failing', 'Recovered (SEV1): production: health probe api failing']);
    expect(r.teams.received).toHaveLength(2);
    expect(r.webhook.received.map((m) => m.body.event)).toEqual(['opened', 'closed']);
    expect(r.webhook.received.map((m) => m.headers['x-launchguard-signature-256'])).toEqual([expect.stringMatching(/^sha256=[0-9a-f]{64}$/), expect.stringMatching(/^sha256=[0-9a-f]{64}$/)]);

    // Every URL, key and secret stays out of the summary and the log.
    for (const out of [r1.summary, r4.summary, shown(r1.stdout), shown(r4.stdout)]) {
      for (const s of [SECRETS.PD_ROUTING_KEY, SECRETS.HOOK_SECRET, 'slackpathsecret']) expect(out).not.toContain(s);
    }
  });

  it('a receiver answering 500, then 200, gets the message once', async () => {
    r.slack.script = [{ status: 500 }];
    w.up = false;
    const run = await w.run({ config: config(), env });
    expect(run.summary).toContain('notifications: team: sent opened');
    expect(r.slack.attempts).toBe(2);
    expect(r.slack.received).toHaveLength(1);
  });

  it('a receiver that is down: a note and a warning; the issue is opened and closed all the same, the other channels hear', async () => {
    const down = { ...env, SLACK_WEBHOOK_URL: `${await refusedPort()}/T0001/B0001/slackpathsecret` };
    w.up = false;
    const r1 = await w.run({ config: config(), env: down });
    expect(r1.code).toBe(0);
    expect(w.open()).toHaveLength(1);
    expect(r1.summary).toMatch(/notifications: team: the opened notice of production:health:api was not delivered after 4 attempts: connection refused/);
    expect(r1.stdout).toMatch(/::warning::notifications: team: the opened notice/);
    expect(r.pagerduty.received).toHaveLength(1);
    w.up = true;
    await w.run({ config: config(), env: down });
    await w.run({ config: config(), env: down });
    expect(w.gh.issues[0]!.state).toBe('closed');
    expect(r.pagerduty.received.map((m) => m.body.event_action)).toEqual(['trigger', 'resolve']);
    expect(`${r1.summary}${shown(r1.stdout)}`).not.toContain('slackpathsecret');
    expect(r1.stdout).toContain('::add-mask::'); // the URL is masked in the runner's log as well
  });

  it('dry-run: the summary lists what would be sent; nothing is sent', async () => {
    w.up = false;
    const run = await w.run({ config: config(), env, inputs: { 'dry-run': 'true' } });
    expect(run.summary).toContain('notifications: oncall (pagerduty): dry-run, would send: SEV1 opened: production: health probe api failing');
    for (const x of Object.values(r)) expect(x.attempts).toBe(0);
  });

  it('issues: false sends nothing, and the summary says why', async () => {
    w.up = false;
    const run = await w.run({ config: config(), env, inputs: { issues: 'false' } });
    expect(run.summary).toContain('notifications: none sent: they report changes of incident issues, and issues: false turns those off');
    for (const x of Object.values(r)) expect(x.attempts).toBe(0);
  });

  it('gate mode sends nothing (it manages no incident issues)', async () => {
    w.up = false;
    const run = await w.run({ config: config(), env, inputs: { mode: 'gate' } });
    expect(run.summary).toContain('issues: not managed (gate mode never opens incident issues)');
    for (const x of Object.values(r)) expect(x.attempts).toBe(0);
  });

  it('min-severity: a SEV3 incident is not sent to PagerDuty (sev1), but to the others', async () => {
    w.disk = 92;
    await w.run({ config: config(), env });
    expect(r.pagerduty.attempts).toBe(0);
    expect(r.slack.received).toHaveLength(1);
    expect(r.webhook.received).toHaveLength(1);
  });
});

describe('the CLI\'s --dry-run', () => {
  it('lists what each channel would be sent, beside the issue plan; nothing is sent and no secret shows', async () => {
    const pd = await new FakeReceiver('pagerduty').start();
    try {
      const dir = mkdtempSync(join(tmpdir(), 'lg-cli-'));
      writeFileSync(join(dir, 'lg.yml'), `environments:\n  production:\n    url: ${await refusedPort()}\n    health:\n      - { name: api, path: /health, retries: 0 }\n${CHANNELS}`);
      const env = { PATH: process.env.PATH, ...SECRETS, PD_URL: pd.url, SLACK_WEBHOOK_URL: 'https://hooks.slack.test/services/T0001/B0001/slackpathsecret', TEAMS_WEBHOOK_URL: 'https://teams.test/wf', HOOK_URL: 'https://ops.test/hook' };
      const r = spawnSync(process.execPath, [resolve('bin/launchguard.js'), 'check', '--config', 'lg.yml', '--dry-run'], { cwd: dir, encoding: 'utf8', timeout: 60_000, env });
      const planned = r.stdout.split('\n').filter((l) => l.startsWith('  would '));
      expect(planned).toEqual([
        '  would open a new issue [SEV1] production: health probe api failing',
        '  would notify oncall (pagerduty): SEV1 opened: production: health probe api failing',
        '  would notify team (slack): SEV1 opened: production: health probe api failing',
        '  would notify teams (teams): SEV1 opened: production: health probe api failing',
        '  would notify ops-bot (webhook): SEV1 opened: production: health probe api failing',
      ]);
      expect(pd.attempts).toBe(0);
      for (const secret of [...Object.values(SECRETS), 'slackpathsecret']) expect(r.stdout + r.stderr).not.toContain(secret);
    } finally {
      await pd.close();
    }
  });
});
