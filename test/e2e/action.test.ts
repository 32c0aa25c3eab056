import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTarget, type DemoTarget } from '../../src/demo/target.js';
import { httpServer, refusedPort } from '../helpers/servers.js';
import { DIST, runAction } from '../helpers/action.js';

describe('dist/index.js run as the runner runs it', () => {
  let healthy: DemoTarget;
  beforeAll(async () => {
    expect(existsSync(DIST), 'dist/index.js is missing: run `npm run build`').toBe(true);
    healthy = await startDemoTarget();
  });
  afterAll(async () => {
    await healthy.close();
  });

  it('runs on Node 24, the runtime action.yml declares', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
    expect(readFileSync('action.yml', 'utf8')).toMatch(/using: ['"]?node24/);
  });

  it('a healthy target: outputs pass, a summary table, exit 0, and the process ends by itself', async () => {
    const run = await runAction({ 'target-url': `${healthy.url}/api/monitoring/health` });
    expect(run.hung).toBe(false);
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'pass', 'worst-severity': 'none', 'findings-count': '0' });
    expect(run.outputs['report-path']).toBe(`${run.workspace}/launchguard-report.json`);
    const report = JSON.parse(readFileSync(run.outputs['report-path']!, 'utf8'));
    expect(report).toMatchObject({ schema: 'launchguard.report/v1', environment: 'production', checks: ['health'] });
    expect(run.summary).toMatch(/^## ✅ launchguard: PASS: no findings/);
    expect(run.summary).toMatch(/\| target \| HTTP 200 in [\d.]+ ms \| ok response \| ✅ pass \|/);
  });

  it('a down target: fail, SEV1, an error annotation, exit 1, the report written', async () => {
    const url = await refusedPort();
    const run = await runAction({ 'target-url': url });
    expect(run.hung).toBe(false);
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ status: 'fail', 'worst-severity': 'sev1', 'findings-count': '1' });
    expect(run.stdout).toMatch(/::error title=\[SEV1\] production%3A health probe target failing::GET .*: refused: connection refused/);
    expect(run.stdout).toMatch(/::error::launchguard: FAIL: 1 finding, worst SEV1 \(respond < 5 min, resolve < 1 h\)/);
    expect(run.summary).toMatch(/\| SEV1 \| production: health probe target failing \|/);
    expect(JSON.parse(readFileSync(run.outputs['report-path']!, 'utf8')).findings[0].fingerprint).toBe('production:health:target');
  });

  it('a load test with no successful response: the latency outputs are empty, not the latency of the failures', async () => {
    const down = await httpServer((_q, res) => {
      res.statusCode = 503;
      res.end('{"detail":"maintenance"}');
    });
    try {
      const cfg = 'environments:\n  production:\n    load:\n      connections: 1\n      amount: 20\n      duration: 5s\n';
      const run = await runAction({ config: 'lg.yml', 'target-url': down.url, checks: 'load', issues: 'false' }, { files: { 'lg.yml': cfg } });
      expect(run.hung).toBe(false);
      expect(run.outputs).toMatchObject({ 'p50-ms': '', 'p95-ms': '', 'p99-ms': '', 'error-rate': '1' });
      expect(run.summary).toMatch(/no successful response/);
    } finally {
      await down.close();
    }
  });

  it('fail-on none keeps the step green while reporting the finding', async () => {
    const run = await runAction({ 'target-url': await refusedPort(), 'fail-on': 'none' });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'pass', 'worst-severity': 'sev1' });
  });

  it('bad input is one sentence naming the input, not a stack trace', async () => {
    const run = await runAction({ 'target-url': healthy.url, 'fail-on': 'high' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::input fail-on: expected one of sev1, sev2, sev3, sev4, none, found "high"');
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a config error names the file, the line and the key', async () => {
    const run = await runAction(
      { config: 'lg.yml', 'target-url': healthy.url },
      { files: { 'lg.yml': 'environments:\n  production:\n    helth: []\n' } },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('lg.yml:3: environments.production: unknown key \\"helth\\"'.replace(/\\"/g, '"'));
  });

  // Issue 19: GitHub marks the config line; the summary and the status output say what happened.
  it('a config error: an ::error annotation on the file and line, a summary that states it, status error', async () => {
    const ws = mkdtempSync(join(tmpdir(), 'lg-ws-'));
    mkdirSync(join(ws, '.github'));
    const r = await runAction(
      { config: '.github/launchguard.yml', 'target-url': healthy.url },
      { workspace: ws, files: { '.github/launchguard.yml': 'environments:\n  production:\n    health:\n      - name: api\n        timeout: 5\n' } },
    );
    expect(r.code).toBe(1);
    expect(r.outputs.status).toBe('error');
    expect(r.stdout).toContain('::error title=launchguard config,file=.github/launchguard.yml,line=5::environments.production.health[0].timeout: expected a duration with its unit, such as "5s" or "5ms"');
    expect(r.summary).toMatch(/^## ❌ launchguard: ERROR: the config is invalid/);
    expect(r.summary).toContain('.github/launchguard.yml:5: environments.production.health[0].timeout: expected a duration with its unit');
  });

  it('a secret header and a URL password are masked in the log and absent from summary and report', async () => {
    const target = await startDemoTarget({ token: 'tok-0123456789' });
    try {
      const url = target.url.replace('http://', 'http://user:pa55word-xyz@');
      const run = await runAction(
        { config: 'lg.yml', 'target-url': url },
        {
          env: { MONITORING_TOKEN: 'tok-0123456789' },
          files: {
            'lg.yml': 'environments:\n  production:\n    headers:\n      Authorization: "Bearer ${MONITORING_TOKEN}"\n    health:\n      - name: h\n        path: /api/monitoring/nope\n',
          },
        },
      );
      expect(run.code).toBe(1); // 404: a finding whose detail holds the URL
      expect(run.stdout).toContain('::add-mask::tok-0123456789');
      expect(run.stdout).toContain('::add-mask::pa55word-xyz');
      const report = readFileSync(run.outputs['report-path']!, 'utf8');
      for (const text of [run.summary, report]) {
        expect(text).not.toContain('tok-0123456789');
        expect(text).not.toContain('pa55word-xyz');
        // Userinfo is never shown: the URL is its origin and path.
        expect(text).not.toContain('user:');
        expect(text).toContain(`${target.url}/api/monitoring/nope`);
      }
    } finally {
      await target.close();
    }
  });
});
