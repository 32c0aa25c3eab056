import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, runAction, type ActionRun } from '../helpers/action.js';
import { eventEnv, eventPayload, type EventFixture } from '../helpers/events.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { httpServer, json, refusedPort, type Running } from '../helpers/servers.js';

// One secret in each place a user can put one, and every channel of the built dist/index.js
// searched for each of them, raw and URL-encoded: stdout, stderr, GITHUB_OUTPUT, the job summary,
// the JSON report and every request sent to the fake GitHub (issues, comments, the gate comment).
const SECRETS = {
  header: 'hdr/Secret+0001_XYZ', // X-Api-Key: ${API_KEY}, echoed back by the target in alerts (one named after its message)
  jwt: `eyJhbGciOiJIUzI1NiJ9.${'eyJzdWIiOiJsYXVuY2hndWFyZC1tb25pdG9yaW5nLXVzZXIt'.repeat(2)}.sig_0007`, // Authorization: Bearer ${JWT}, echoed in a body field (cut in the finding)
  shortToken: 'q7Zx9k1', // ?token= on the alerts path: short, but under a credential name
  pathVar: 'path-secret-0002-xyz', // /health/${PATH_TOKEN}
  loadQueryVar: 'sig-secret-0003-xyz', // load request /plans?sig=${LOAD_SIG}
  targetQuery: 'qs-secret-0004-xyz', // target-url ?bypass=...
  userinfo: 'userinfo-pw-0005-xyz', // target-url user:password@
  mongoPassword: 'mongo-pw-0006-xyz', // mongodb-uri password
  token: 'ghs_write_token',
} as const;

const config = `environments:
  production:
    headers:
      X-Api-Key: "\${API_KEY}"
    health:
      - { name: api, path: "/health/\${PATH_TOKEN}", retries: 0 }
      - name: me
        path: /me
        retries: 0
        headers: { Authorization: "Bearer \${JWT}" }
        expect: { status: 200, body: [{ path: user, equals: someone }] }
    metrics:
      alerts: { path: "/alerts?token=q7Zx9k1", retries: 0 }
    load:
      connections: 1
      duration: 1s
      requests:
        - { name: plans, path: "/plans?sig=\${LOAD_SIG}" }
    indexes:
      database: app
      timeout: 1s
      collections:
        users: [{ key: { email: 1 }, unique: true }]
`;

describe('secrets never leave the process (dist/index.js)', () => {
  let target: Running;
  let gh: FakeGitHub;
  let mongoUrl: string;
  const prNumber = eventPayload('pull_request').number as number;
  beforeAll(async () => {
    expect(existsSync(DIST), 'dist/index.js is missing: run `npm run build`').toBe(true);
    target = await httpServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname.startsWith('/health')) return json(res, 503, { detail: `down; your key ${req.headers['x-api-key']}` });
      if (url.pathname === '/me') return json(res, 200, { user: String(req.headers.authorization).slice('Bearer '.length) });
      if (url.pathname === '/alerts') {
        // The target echoes the secret header and what it was called with into alerts; the second has
        // no id, so it is named after its message (lower-cased and cut): the secret must not survive that.
        return json(res, 200, {
          alerts: [
            { type: 'auth', level: 'critical', message: `rejected key ${req.headers['x-api-key']} on http://127.0.0.1${req.url} (${req.url})` },
            { level: 'warning', message: `rejected key ${req.headers['x-api-key']}` },
          ],
        });
      }
      return json(res, 200, { plans: [] });
    });
    gh = await new FakeGitHub().start();
    // The pull request the real payload names (number 2).
    for (let i = 1; i <= prNumber; i++) gh.addIssue({ title: `pull request ${i}`, pull_request: true });
    mongoUrl = (await refusedPort()).replace('http://', '');
  });
  afterAll(async () => {
    await target.close();
    await gh.stop();
  });

  const run = (event: EventFixture, inputs: Record<string, string>) => {
    const u = new URL(target.url);
    u.username = 'lg-user';
    u.password = SECRETS.userinfo;
    u.searchParams.set('bypass', SECRETS.targetQuery);
    return runAction(
      {
        config: 'lg.yml',
        'target-url': u.href,
        'mongodb-uri': `mongodb://app:${SECRETS.mongoPassword}@${mongoUrl}/app?authSource=admin`,
        ...inputs,
      },
      {
        files: { 'lg.yml': config },
        timeoutMs: 60_000,
        env: {
          API_KEY: SECRETS.header,
          JWT: SECRETS.jwt,
          PATH_TOKEN: SECRETS.pathVar,
          LOAD_SIG: SECRETS.loadQueryVar,
          GITHUB_API_URL: gh.url,
          GITHUB_REPOSITORY: 'acme/api',
          ...eventEnv(event),
          GITHUB_REF: event === 'pull_request' ? `refs/pull/${prNumber}/merge` : 'refs/heads/main',
          GITHUB_SHA: 'feedfacefeedfacefeedfacefeedfacefeedface',
          GITHUB_SERVER_URL: 'https://github.com',
          GITHUB_RUN_ID: '42',
          'INPUT_GITHUB-TOKEN': SECRETS.token,
        },
      },
    );
  };

  /** Every channel of a run, except the runner's own masking commands (`::add-mask::`), which are how a secret is registered. */
  const channels = (r: ActionRun): Record<string, string> => ({
    stdout: r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n'),
    stderr: r.stderr,
    outputs: readFileSync(join(r.workspace, '.github-output'), 'utf8'),
    summary: r.summary,
    report: readFileSync(join(r.workspace, 'launchguard-report.json'), 'utf8'),
  });

  const leaks = (texts: Record<string, string>): string[] => {
    const found: string[] = [];
    for (const [where, text] of Object.entries(texts)) {
      for (const [name, s] of Object.entries(SECRETS)) {
        // The secret, URL-encoded, lower-cased, Markdown-escaped, and its first 24 characters (a cut secret is still a leak).
        const forms = new Set([s, encodeURIComponent(s), s.toLowerCase(), s.replace(/[_*]/g, '\\$&'), s.slice(0, 24)]);
        for (const form of forms) if (text.includes(form)) found.push(`${name} (${form}) in ${where}`);
      }
    }
    return found;
  };

  it('a scheduled monitor run that opens incident issues, then a gate run on a pull request: zero hits', async () => {
    // The payloads GitHub sends (test/fixtures/events/): a schedule event's is the cron line alone.
    const monitor = await run('schedule', { checks: 'health,metrics,load,indexes' });
    expect(monitor.hung).toBe(false);
    expect(monitor.outputs.status).toBe('fail');
    expect(gh.issues.filter((i) => !i.pull_request).length).toBeGreaterThan(0);

    const gate = await run('pull_request', { mode: 'gate', checks: 'health,metrics,load' });
    expect(gate.hung).toBe(false);
    expect(gh.comments.some((c) => c.issue === prNumber)).toBe(true);

    const all: Record<string, string> = {
      ...Object.fromEntries(Object.entries(channels(monitor)).map(([k, v]) => [`monitor ${k}`, v])),
      ...Object.fromEntries(Object.entries(channels(gate)).map(([k, v]) => [`gate ${k}`, v])),
      'requests to GitHub': gh.received.join('\n'),
    };
    expect(leaks(all)).toEqual([]);
    expect(gh.violations).toEqual([]);

    // What is shown instead: origin and path, `?…` for a query, the MongoDB host alone.
    const report = all['monitor report']!;
    expect(report).toContain(`${target.url}/health/***?…`);
    expect(report).toContain(`MongoDB at ${mongoUrl}`);
    expect(all['monitor summary']).not.toContain('lg-user');
  });

  it('the test can fail: the same search finds a secret planted in a channel, in any of its forms', () => {
    expect(leaks({ stdout: `x ${encodeURIComponent(SECRETS.header)} y` })).toEqual([`header (${encodeURIComponent(SECRETS.header)}) in stdout`]);
    expect(leaks({ title: `alert-rejected-key-${SECRETS.header.toLowerCase()}` })).toEqual([`header (${SECRETS.header.toLowerCase()}) in title`]);
    expect(leaks({ body: `found ${SECRETS.jwt.slice(0, 77)}...` })).toEqual([`jwt (${SECRETS.jwt.slice(0, 24)}) in body`]);
  });
});
