import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../helpers/action.js';
import { httpServer, json, type Running } from '../helpers/servers.js';

// Issue 19's rules, from the built dist/index.js: small samples, a configured metric that is
// missing, and numbers rounded for people. Every load here is bounded by `amount`.
describe('field-trial rules from dist/', () => {
  let target: Running;
  let n = 0;
  beforeAll(async () => {
    target = await httpServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/system') return json(res, 200, { cpu_percent: 12.5, storage: { used_pct: 96.5 } });
      // Exactly every 25th request fails: 4 % of 100.
      if (path === '/plans') return json(res, ++n % 25 === 0 ? 503 : 200, { plans: [] });
      return json(res, 200, { ok: true });
    });
  });
  afterAll(async () => {
    await target.close();
  });
  const report = (workspace: string) => JSON.parse(readFileSync(`${workspace}/launchguard-report.json`, 'utf8'));

  it('4 errors in 100 requests: judged on the Wilson 95 % interval, shown in the row; a p95 of 10 successes is "too few samples"', async () => {
    n = 0;
    const cfg = `environments:
  production:
    load:
      connections: 1
      amount: 100
      duration: 30s
      requests:
        - { name: plans, path: /plans }
`;
    const r = await runAction({ config: 'lg.yml', 'target-url': target.url, checks: 'load', issues: 'false' }, { files: { 'lg.yml': cfg }, timeoutMs: 60_000 });
    expect(r.hung).toBe(false);
    const rows = report(r.workspace).rows as { subject: string; value: string; verdict: string; severity?: string }[];
    const err = rows.find((row) => row.subject.endsWith('error rate'))!;
    expect(err.value).toMatch(/^4 % \(95 % interval 1\.57 %–9\.84 %/);
    // The lower bound (1.57 %) is over the 1 % budget, but not over 5 %: SEV3, not SEV2.
    expect(err).toMatchObject({ verdict: 'fail', severity: 'sev3' });
    expect(r.summary).toContain('95 % interval 1.57 %–9.84 %');

    const few = await runAction(
      { config: 'lg.yml', 'target-url': target.url, checks: 'load', issues: 'false' },
      { files: { 'lg.yml': cfg.replace('amount: 100', 'amount: 10') }, timeoutMs: 60_000 },
    );
    const p95 = (report(few.workspace).rows as { subject: string; value: string; verdict: string }[]).find((row) => row.subject.endsWith('p95'))!;
    expect(p95).toMatchObject({ verdict: 'skip', value: expect.stringMatching(/too few samples \(\d+ of 20 needed\)/) });
  });

  it('a configured metric that is missing is SEV3 and lists the fields the endpoint has; numbers are rounded', async () => {
    const cfg = `environments:
  production:
    metrics:
      system:
        path: /system
        retries: 0
        disk: { field: disk_percent }
`;
    const r = await runAction({ config: 'lg.yml', 'target-url': target.url, checks: 'metrics', issues: 'false' }, { files: { 'lg.yml': cfg } });
    expect(r.outputs['worst-severity']).toBe('sev3');
    const f = report(r.workspace).findings[0];
    expect(f).toMatchObject({ rule: 'metrics-field-missing', severity: 'sev3' });
    expect(f.detail).toMatch(/field "disk_percent" of .* is missing; the endpoint has the fields cpu_percent, storage \(used_pct\); check metrics\.system\.disk\.field in the config/);
    // No float noise anywhere a person reads (`± 1.975999999999999 ms`).
    expect(r.summary).not.toMatch(/\d\.\d{5,}/);
  });
});
