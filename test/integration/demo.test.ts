import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDemoTarget, type DemoTarget, type Fault } from '../../src/demo/target.js';
import { httpServer, json } from '../helpers/servers.js';
import { runWith } from '../helpers/pipeline.js';

const TOKEN = 'demo-token-for-tests';
let target: DemoTarget | undefined;
afterEach(async () => {
  await target?.close();
  target = undefined;
});

async function demoRun(fault?: Fault) {
  target = await startDemoTarget({ fault, token: TOKEN, slowMs: 1200 });
  return runWith(
    { config: 'examples/launchguard.yml', 'target-url': target.url, checks: 'health,metrics' },
    { MONITORING_TOKEN: TOKEN },
  );
}

describe('the demo target in each mode, through the example config', () => {
  it('healthy: no findings, pass', async () => {
    const { report } = await demoRun();
    expect(report.findings).toEqual([]);
    expect(report.verdict).toMatchObject({ status: 'pass', worstSeverity: 'none' });
    expect(report.rows.filter((r) => r.verdict === 'pass').map((r) => r.subject)).toEqual([
      'api-health', 'plans', 'cpu', 'memory', 'disk', 'payment-success-rate', 'daily-active-users', 'app alerts',
    ]);
  });

  it.each([
    ['down', [['production:health:api-health', 'sev1'], ['production:health:plans', 'sev1']], 'fail'],
    ['slow', [['production:health:api-health', 'sev3'], ['production:health:plans', 'sev3']], 'pass'],
    ['errors', [['production:metrics:alert-error-rate', 'sev3']], 'pass'],
    ['disk-full', [['production:metrics:disk', 'sev1'], ['production:metrics:alert-disk-space', 'sev2']], 'fail'],
    ['payments-failing', [['production:metrics:payment-success-rate', 'sev1'], ['production:metrics:alert-payment-failures', 'sev2']], 'fail'],
  ] as const)('%s', async (fault, expected, status) => {
    const { report } = await demoRun(fault);
    expect(report.findings.map((f) => [f.fingerprint, f.severity])).toEqual(expected);
    expect(report.verdict.status).toBe(status);
  });

  it('down: the unreachable metrics endpoints are notes, not more incidents', async () => {
    const { report } = await demoRun('down');
    expect(report.notes.filter((n) => n.includes('reports the outage'))).toHaveLength(3);
  });

  it('the secret header is sent but never written to the report', async () => {
    const { reportPath } = await demoRun();
    expect(readFileSync(reportPath, 'utf8')).not.toContain(TOKEN);
  });

  it('a wrong token is a clear status finding', async () => {
    target = await startDemoTarget({ token: 'the-real-token' });
    const { report } = await runWith(
      { config: 'examples/launchguard.yml', 'target-url': target.url, checks: 'health' },
      { MONITORING_TOKEN: 'a-wrong-token' },
    );
    expect(report.findings[0]).toMatchObject({ classification: 'status', detail: expect.stringContaining('HTTP 401, expected 200') });
  });
});

describe('probes run concurrently', () => {
  it('all probes are in flight at once', async () => {
    let inFlight = 0;
    let peak = 0;
    const server = await httpServer((_q, r) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight--;
        json(r, 200, {});
      }, 150);
    });
    try {
      const file = join(mkdtempSync(join(tmpdir(), 'lg-')), 'c.yml');
      const probes = Array.from({ length: 8 }, (_, i) => `      - { name: p${i}, path: /p${i} }`).join('\n');
      writeFileSync(file, `environments:\n  production:\n    health:\n${probes}\n`);
      const { report } = await runWith({ config: file, 'target-url': server.url });
      expect(report.rows).toHaveLength(8);
      expect(peak).toBe(8);
    } finally {
      await server.close();
    }
  });
});

describe('the demo target under load, through the example config', () => {
  const loadRun = async (fault?: Fault) => {
    target = await startDemoTarget({ fault, token: TOKEN, slowMs: 700 });
    return runWith({ config: 'examples/launchguard.yml', 'target-url': target.url, checks: 'load' }, { MONITORING_TOKEN: TOKEN });
  };
  it('healthy: within every budget', async () => {
    const { report } = await loadRun();
    expect(report.findings).toEqual([]);
    expect(report.results.load!.requests.map((r) => r.name)).toEqual(['health', 'plans']);
  });
  it('errors: 10 % of /api/plans fail, which is SEV2', async () => {
    const { report } = await loadRun('errors');
    expect(report.findings.map((f) => [f.fingerprint, f.severity])).toEqual([['production:load:plans:error-rate', 'sev2']]);
    expect(report.results.load!.requests[1]!.errorRate).toBeCloseTo(0.1, 1);
  });
  it('slow: p50 over 500 ms is SEV3, and the stricter p95 budget of the health request is broken', async () => {
    const { report } = await loadRun('slow');
    const got = report.findings.map((f) => [f.fingerprint, f.severity]);
    expect(got).toContainEqual(['production:load:health:p95', 'sev2']); // 700 ms > 2 × 300 ms
    expect(got).toContainEqual(['production:load:plans:p50', 'sev3']);
  });
});
