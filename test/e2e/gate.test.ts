import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { configSchema } from '../../src/config/schema.js';
import { loadConfigHash } from '../../src/baseline/stats.js';
import { runAction } from '../helpers/action.js';
import { eventEnv, type EventFixture } from '../helpers/events.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { httpServer, type Running } from '../helpers/servers.js';

// The pull-request gate, end to end: dist/index.js with the real pull_request payload (number 2,
// test/fixtures/events), the fake GitHub (OpenAPI-validated) and a local preview target whose
// latency the test sets.
const config = (extra = '') => `environments:
  production:
    load:
      connections: 2
      duration: 1s
      samples: 3
      requests:
        - { name: plans, path: /plans }
${extra}`;

describe('gate mode on a pull request', () => {
  let target: Running;
  let delayMs = 20;
  let gh: FakeGitHub;
  beforeAll(async () => {
    target = await httpServer((_q, res) => setTimeout(() => res.end('{"plans":[]}'), delayMs));
  });
  afterAll(async () => {
    await target.close();
  });
  beforeEach(async () => {
    gh = await new FakeGitHub().start();
    gh.addIssue({ title: 'Some issue' }); // #1
    gh.addIssue({ title: 'Update the README with new information.', pull_request: true }); // PR #2, as in the payload
    delayMs = 20;
  });
  afterEach(async () => {
    expect(gh.violations).toEqual([]);
    await gh.stop();
  });

  // Entries as scheduled runs with this load config recorded them (the same config hash).
  const configHash = loadConfigHash(configSchema.parse(parseYaml(config())).environments.production!.load!);
  const baseline = (p95s: number[]) => {
    const entries = p95s.map((p95, i) => ({
      at: `2026-11-${String(10 + i).padStart(2, '0')}T06:00:00.000Z`, sha: `${String(i).repeat(7)}abcdef0123456789abcdef0123456789a`.slice(0, 40),
      passed: true, configHash, origin: 'https://api.example.com', p50: p95 * 0.9, p90: p95, p95, p99: p95 * 1.1, max: p95 * 1.5, errorRate: 0, rps: 90, requests: 200,
    }));
    gh.writeFile('launchguard-data', 'launchguard/production.json', JSON.stringify({ schema: 'launchguard.history/v1', environment: 'production', entries }));
  };

  const gate = (opts: { config?: string; token?: string; fork?: boolean; event?: EventFixture; ref?: string; mode?: string } = {}) => {
    return runAction(
      { config: 'lg.yml', 'target-url': target.url, mode: opts.mode ?? 'gate' },
      {
        files: { 'lg.yml': opts.config ?? config() },
        timeoutMs: 60_000,
        env: {
          GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'acme/api', ...eventEnv(opts.event ?? (opts.fork ? 'pull_request.fork' : 'pull_request')),
          GITHUB_REF: opts.ref ?? 'refs/pull/2/merge', GITHUB_SHA: 'feedfacefeedfacefeedfacefeedfacefeedface', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '77',
          'INPUT_GITHUB-TOKEN': opts.token ?? 'ghs_write_token',
        },
      },
    );
  };
  const comments = () => gh.comments.filter((c) => c.issue === 2);

  it('no baseline yet: judged by budgets alone, passes, and says so', async () => {
    const r = await gate();
    expect(r.code).toBe(0);
    expect(comments()).toHaveLength(1);
    const body = comments()[0]!.body;
    expect(body).toMatch(/^<!-- launchguard:gate environment=production -->\n## ✅ launchguard gate: pass/);
    expect(body).toContain('No baseline yet: no passing run on the default branch is recorded, so this PR is judged by the budgets alone.');
    expect(body).toMatch(/This PR: the median of 3 load samples/);
    expect(body).toContain('[run](https://github.com/acme/api/actions/runs/77)');
    // Gate mode never writes the history and never opens incident issues.
    expect(gh.branches.has('launchguard-data')).toBe(false);
    expect(gh.issues).toHaveLength(2);
  });

  it('baseline present and the PR within the noise: pass; the comment names the baseline runs', async () => {
    baseline([21, 22, 21, 23, 22]);
    const r = await gate();
    expect(r.code).toBe(0);
    const body = comments()[0]!.body;
    expect(body).toMatch(/## ✅ launchguard gate: pass/);
    expect(body).toMatch(/Baseline: the median of 5 passing runs on the default branch from 2026-11-10 to 2026-11-14, commits 0000000\.\.4444444/);
    expect(body).toMatch(/\| p95 \| 22 ms ± 1\.0 ms \| [\d.]+ ms \| [−+][\d.]+ ms \(.*\) \| < 2 s, ≤ baseline \+ max\(25 %, 3 × MAD\) \| ✅ \|/);
  });

  it('the PR 3× slower: fails, and the comment says why; a re-run edits the same comment', async () => {
    baseline([21, 22, 21, 23, 22]);
    delayMs = 65;
    const r = await gate();
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('fail');
    const body = comments()[0]!.body;
    expect(body).toMatch(/^<!-- launchguard:gate environment=production -->\n## ❌ launchguard gate: fail: \[SEV3\] load p95 regressed against the baseline/);
    expect(body).toMatch(/\| p95 \| 22 ms ± 1\.0 ms \| \d+ ms \| \+\d+ ms \(\+\d{3} %\) \| .* \| ❌ \|/);
    const id = gh.comments.find((c) => c.issue === 2)!.id;

    delayMs = 20;
    const again = await gate();
    expect(again.code).toBe(0);
    expect(comments()).toHaveLength(1);
    expect(comments()[0]!.id).toBe(id);
    expect(comments()[0]!.body).toMatch(/## ✅ launchguard gate: pass/);
  });

  it('a noisy baseline does not fail a PR whose p95 lies within its noise; a tight one does', async () => {
    delayMs = 30;
    const withRegression = config().replace('      requests:', '      regression: { threshold: 10%, floor: 1ms }\n      requests:');
    baseline([10, 60, 15, 55, 20, 50, 20]); // median 20, MAD 10: the noise band is 30 ms, so up to 50 ms passes
    const noisy = await gate({ config: withRegression });
    expect(noisy.code).toBe(0);
    gh.writeFile('launchguard-data', 'launchguard/production.json', JSON.stringify({ schema: 'launchguard.history/v1', environment: 'production', entries: [] }));
    baseline([20, 20, 20, 20, 20, 20, 20]); // the same median, no noise: the band is 10 %
    const tight = await gate({ config: withRegression });
    expect(tight.code).toBe(1);
    expect(comments()[0]!.body).toMatch(/fail: \[SEV3\] load p95 regressed against the baseline/);
  });

  it('a budget broken with no baseline fails', async () => {
    const r = await gate({ config: config().replace('      requests:', '      budgets: { p95: 10ms }\n      requests:') });
    expect(r.code).toBe(1);
    expect(comments()[0]!.body).toMatch(/fail: \[SEV2\] load p95 over budget on plans/); // over 2 × the 10 ms budget
  });

  it('a scheduled run on main with the real schedule payload records the baseline; a PR 3× slower then fails the gate with the reason', async () => {
    const scheduled = await gate({ mode: 'monitor', event: 'schedule', ref: 'refs/heads/main' });
    expect(scheduled.code).toBe(0);
    expect(scheduled.summary).toContain('baseline: recorded this run in branch launchguard-data of acme/api (1 entries)');
    const stored = JSON.parse(gh.readFile('launchguard-data', 'launchguard/production.json')!);
    expect(stored.entries).toHaveLength(1);
    expect(stored.entries[0]).toMatchObject({ passed: true, configHash, origin: new URL(target.url).origin });

    delayMs = 65;
    const pr = await gate();
    expect(pr.code).toBe(1);
    const body = comments()[0]!.body;
    expect(body).toMatch(/## ❌ launchguard gate: fail: \[SEV3\] load p95 regressed against the baseline/);
    expect(body).toMatch(/Baseline: the median of 1 passing run on the default branch/);
    expect(body).toMatch(/- \*\*SEV3\*\* p95 is [\d.]+ ms, [\d.]+ ms \([\d.]+ %\) above the baseline/);
    // The gate never writes the history.
    expect(JSON.parse(gh.readFile('launchguard-data', 'launchguard/production.json')!).entries).toHaveLength(1);
  });

  it('a deployment_status event (the real payload, no pull request): the verdict is in the summary, no comment', async () => {
    const r = await gate({ event: 'deployment_status', ref: 'refs/heads/master' });
    expect(r.code).toBe(0);
    expect(r.summary).toContain('gate: this run has no pull request in its event, so no comment was posted');
    expect(gh.comments).toHaveLength(0);
  });

  it('a fork: the token cannot comment, so the summary and outputs carry the verdict, no crash', async () => {
    const r = await gate({ token: 'ghs_read_only', fork: true });
    expect(r.code).toBe(0);
    expect(r.outputs.status).toBe('pass');
    expect(r.summary).toContain("gate: the token cannot comment on #2 (HTTP 403; a fork's pull request gets a read-only token)");
    expect(comments()).toHaveLength(0);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });
});
