import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDemoTarget, type DemoTarget } from '../../src/demo/target.js';
import { runAction } from '../helpers/action.js';
import { eventEnv, type EventFixture } from '../helpers/events.js';
import { FakeGitHub } from '../helpers/fake-github.js';

const CONFIG = `environments:
  production:
    health:
      - name: api
        path: /api/monitoring/health
    load:
      connections: 4
      duration: 1s
      requests:
        - name: plans
          path: /api/plans
`;

describe('the load check from the built dist/, with history on the fake GitHub', () => {
  let target: DemoTarget;
  let gh: FakeGitHub;
  beforeAll(async () => {
    target = await startDemoTarget();
  });
  afterAll(async () => {
    await target.close();
  });
  beforeEach(async () => {
    gh = await new FakeGitHub().start();
  });
  afterEach(async () => {
    expect(gh.violations).toEqual([]);
    await gh.stop();
  });

  // The real payloads (test/fixtures/events): a scheduled run on main by default.
  const env = (token = 'ghs_write_token', ref = 'refs/heads/main', event: EventFixture = 'schedule') => ({
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: 'acme/api',
    ...eventEnv(event),
    GITHUB_REF: ref,
    GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
    'INPUT_GITHUB-TOKEN': token,
  });

  it('measures, sets the load outputs, records history on the data branch, and shows the trend on the next run', async () => {
    const first = await runAction({ config: 'lg.yml', 'target-url': target.url }, { env: env(), files: { 'lg.yml': CONFIG } });
    expect(first.hung).toBe(false);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    for (const k of ['p50-ms', 'p95-ms', 'p99-ms', 'requests-per-second']) expect(Number(first.outputs[k])).toBeGreaterThan(0);
    expect(first.outputs['error-rate']).toBe('0');
    const stored = JSON.parse(gh.readFile('launchguard-data', 'launchguard/production.json')!);
    expect(stored.entries).toHaveLength(1);
    expect(stored.entries[0]).toMatchObject({ passed: true, sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', p95: Number(first.outputs['p95-ms']) });
    expect(first.summary).toContain('no passing run recorded yet in branch launchguard-data of acme/api');
    const report = JSON.parse(readFileSync(first.outputs['report-path']!, 'utf8'));
    expect(report.results.load.overall.histogram).toMatch(/^[A-Za-z0-9+/=]{20,}$/);

    const second = await runAction({ config: 'lg.yml', 'target-url': target.url }, { env: env(), files: { 'lg.yml': CONFIG } });
    expect(second.code).toBe(0);
    expect(second.summary).toMatch(/baseline: median of 1 passing run \(.*commits a1b2c3d\.\.a1b2c3d\): p95/);
    expect(second.summary).toMatch(/```mermaid\nxychart-beta\n {2}title "p95 latency"/);
    expect(second.summary).toContain('| p95 regression of plans |');
    expect(JSON.parse(gh.readFile('launchguard-data', 'launchguard/production.json')!).entries).toHaveLength(2);
  });

  it('off the default branch, in gate mode or in a dry run, history is read but never written', async () => {
    for (const [inputs, e, why] of [
      [{}, env('ghs_write_token', 'refs/heads/feature', 'workflow_dispatch'), 'only runs on the default branch (main) extend it; this is feature'],
      [{}, env('ghs_write_token', 'refs/pull/2/merge', 'pull_request'), 'only runs on the default branch extend it; this is refs/pull/2/merge'],
      [{}, env('ghs_write_token', 'refs/tags/simple-tag', 'push'), 'only runs on the default branch extend it; this is refs/tags/simple-tag'],
      [{ mode: 'gate' }, env(), 'gate mode never writes history'],
      [{ 'dry-run': 'true' }, env(), 'dry-run'],
    ] as const) {
      const run = await runAction({ config: 'lg.yml', 'target-url': target.url, ...inputs }, { env: e, files: { 'lg.yml': CONFIG } });
      expect(run.code).toBe(0);
      expect(run.summary).toContain(why);
    }
    expect(gh.branches.has('launchguard-data')).toBe(false);
    expect(gh.log.filter((l) => l.method !== 'GET')).toEqual([]);
  });

  it.each([
    ['a scheduled run (payload: the cron line only)', 'schedule', 'refs/heads/main', 'a scheduled run is on the default branch'],
    ['workflow_dispatch on main (the payload names main)', 'workflow_dispatch', 'refs/heads/main', 'main is the default branch'],
    ['a push to master (the payload names master)', 'push', 'refs/heads/master', 'master is the default branch'],
  ] as const)('%s records the run in the history', async (_name, event, ref, _why) => {
    const run = await runAction({ config: 'lg.yml', 'target-url': target.url }, { env: env('ghs_write_token', ref, event), files: { 'lg.yml': CONFIG } });
    expect(run.code).toBe(0);
    expect(run.summary).toContain('baseline: recorded this run in branch launchguard-data of acme/api (1 entries)');
    expect(JSON.parse(gh.readFile('launchguard-data', 'launchguard/production.json')!).entries).toHaveLength(1);
    expect(gh.repoReads).toBe(0); // the event decided
  });

  it('an event payload that names no default branch: one repos.get decides', async () => {
    const { GITHUB_EVENT_PATH: _unused, ...noPayload } = env('ghs_write_token', 'refs/heads/trunk', 'workflow_dispatch');
    gh.defaultBranch = 'trunk';
    const run = await runAction({ config: 'lg.yml', 'target-url': target.url }, { env: noPayload, files: { 'lg.yml': CONFIG } });
    expect(run.code).toBe(0);
    expect(gh.repoReads).toBe(1);
    expect(JSON.parse(gh.readFile('launchguard-data', 'launchguard/production.json')!).entries).toHaveLength(1);
    gh.defaultBranch = 'main';
    const other = await runAction({ config: 'lg.yml', 'target-url': target.url }, { env: noPayload, files: { 'lg.yml': CONFIG } });
    expect(other.summary).toContain('baseline: not recorded (only runs on the default branch (main) extend it; this is trunk)');
  });

  it('a read-only token: the history is not kept, the run says so and does not fail', async () => {
    const run = await runAction({ config: 'lg.yml', 'target-url': target.url }, { env: env('ghs_read_only'), files: { 'lg.yml': CONFIG } });
    expect(run.code).toBe(0);
    expect(run.summary).toMatch(/cannot write branch launchguard-data of acme\/api: HTTP 403 \(the job needs permissions: contents: write\); this run is in the JSON report only/);
  });

  it('no config: target-url with checks health,load runs the default load test', async () => {
    const run = await runAction({ 'target-url': `${target.url}/api/plans`, checks: 'health,load', 'fail-on': 'none' }, { env: { ...env(), 'INPUT_GITHUB-TOKEN': '' }, timeoutMs: 40_000 });
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(run.outputs['report-path']!, 'utf8'));
    expect(report.results.load).toMatchObject({ connections: 10, durationMs: 10_000 });
    expect(report.notes.join()).toMatch(/no github-token or repository/);
  });

  it('refuses load above the safety caps unless allow-heavy says so', async () => {
    const heavy = CONFIG.replace('connections: 4', 'connections: 5000');
    const run = await runAction({ config: 'lg.yml', 'target-url': target.url }, { env: env(), files: { 'lg.yml': heavy } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('environments.production.load.connections is 5000, above the safety cap of 1000. Set environments.production.load.allow-heavy: true if you mean it.');
  });
});
