import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runWith } from '../helpers/pipeline.js';

// Issue 13 review: moving the checks behind the registry must keep their failure isolation as it
// was. A gate's samples already taken survive a later sample that breaks; a MongoDB driver that
// cannot load is the indexes check's own finding, not the end of the run.
const req = {
  name: 'target', method: 'GET', url: 'http://127.0.0.1:9/', connections: 1, startedAt: '2026-11-28T00:00:00Z', elapsedMs: 1000, requests: 100, responses: 100,
  non2xx: 0, socketErrors: 0, timeouts: 0, mismatches: 0, statusCodes: { 200: 100 }, errorRate: 0, requestsPerSecond: 100,
  latencyMs: { count: 100, min: 1, mean: 5, p50: 5, p90: 9, p95: 9, p99: 9, max: 9 }, histogram: 'HISTFAAAABx4nJNpmSzMwMDAzAABMJoRTM+Y1AAAL8YCIQ==',
};
const calls = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../src/checks/load/run.js', () => ({
  runLoad: async () => {
    calls.n++;
    if (calls.n === 2) throw new Error('sample 2 broke');
    return { connections: 1, durationMs: 1000, warmupMs: 0, requests: [req], overall: { ...req, name: 'all' } };
  },
  loadRequestsOf: (l: { requests?: unknown[] }) => l.requests ?? [{ name: 'target', path: '', method: 'GET' }],
}));
vi.mock('../../src/checks/indexes/run.js', () => {
  throw new Error('Cannot find module ./chunk-mongodb.js');
});

const configFile = (yaml: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'lg-iso-')), 'lg.yml');
  writeFileSync(file, yaml);
  return file;
};

describe('failure isolation behind the registry', () => {
  it('a gate whose second sample breaks keeps the first sample, judged, and reports the failure beside it', async () => {
    const config = configFile('environments:\n  production:\n    load: { samples: 3, duration: 1s }\n');
    const r = await runWith({ config, 'target-url': 'http://127.0.0.1:9', checks: 'load', mode: 'gate' });
    expect(r.report.results.load?.overall.responses).toBe(100);
    expect(r.report.results.failures).toEqual([{ check: 'load', message: 'sample 2 broke' }]);
    expect(r.report.rows.map((x) => x.subject)).toEqual(expect.arrayContaining(['target p95', 'target error rate', 'load check']));
  });

  it('an indexes check whose driver cannot load is a check-failed finding; the run goes on', async () => {
    const config = configFile('environments:\n  production:\n    indexes:\n      database: app\n      collections:\n        users: [{ key: { email: 1 } }]\n');
    const r = await runWith({ config, checks: 'indexes', 'mongodb-uri': 'mongodb://127.0.0.1:9/app' });
    expect(r.report.results.failures?.map((f) => f.check)).toEqual(['indexes']);
    expect(r.report.findings.map((f) => f.rule)).toEqual(['check-failed']);
  });
});
