import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '../helpers/action.js';
import { makeTestCa } from '../helpers/certs.js';
import { httpServer, httpsServer, type Running } from '../helpers/servers.js';

// Issue 18: the open model from the built dist/ (index.js and the load worker bundle).

describe('the open model (arrival-rate, stages) from dist/', () => {
  let target: Running;
  let served = 0;
  beforeAll(async () => {
    target = await httpServer((_q, res) => {
      served++;
      res.end('{"status":"ok"}');
    });
  });
  afterAll(async () => {
    await target.close();
  });
  beforeEach(() => {
    served = 0;
  });

  it('two workers split 50/s exactly: the target gets the schedule, the summary shows the rate achieved, the stage and dropped requests', async () => {
    const config = `environments:
  production:
    load:
      arrival-rate: 50/s
      duration: 2s
      workers: 2
      requests:
        - { name: plans, path: /plans }
`;
    const r = await runAction({ config: 'lg.yml', 'target-url': target.url, checks: 'load' }, { files: { 'lg.yml': config } });
    expect(r.hung).toBe(false);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // 100 scheduled starts, plus the one reachability request before them.
    expect(served).toBe(101);
    const o = JSON.parse(readFileSync(r.outputs['report-path']!, 'utf8')).results.load.overall;
    expect(o).toMatchObject({ model: 'open', targetRate: 50, dropped: 0, requests: 100, latencyFrom: 'intended' });
    expect(o.stages).toHaveLength(1);
    expect(o.stages[0]).toMatchObject({ from: 50, target: 50, expected: 100, requests: 100, dropped: 0 });
    expect(Number(r.outputs['p99-ms'])).toBeGreaterThan(0);
    expect(r.outputs['error-rate']).toBe('0');
    expect(r.summary).toMatch(/arrival rate \| 50\/s started of 50\/s target \(100 %\) over 2 s; none dropped/);
    expect(r.summary).toMatch(/stage 1 \(50\/s, 2 s\) \| p50 [\d.]+ m?s \/ p95 [\d.]+ m?s \/ p99 [\d.]+ m?s; 50\/s started \(100 of 100 scheduled\)/);
    expect(r.summary).toContain('open model: requests start on their schedule');
  });

  it('two shards and a merge: every stage\'s shares add up to its target, and the merge adds the stages up', async () => {
    const config = `environments:
  production:
    load:
      stages:
        - { duration: 1s, target: 21/s }
        - { duration: 1s, target: 21/s }
`;
    const shards = await Promise.all([1, 2].map((i) => runAction({ config: 'lg.yml', 'target-url': target.url, shard: `${i}/2` }, { files: { 'lg.yml': config } })));
    const results = shards.map((s) => {
      expect(s.code).toBe(0);
      return JSON.parse(s.outputs['shard-result']!);
    });
    expect(results.map((s) => s.requests[0].stages.map((st: { target: number }) => st.target))).toEqual([[11, 11], [10, 10]]);
    const outputs = JSON.stringify(Object.fromEntries(results.map((s, i) => [`shard-${i + 1}`, JSON.stringify(s)])));
    const merge = await runAction({ config: 'lg.yml', mode: 'merge', shards: outputs }, { files: { 'lg.yml': config } });
    expect(merge.code).toBe(0);
    const o = JSON.parse(readFileSync(merge.outputs['report-path']!, 'utf8')).results.load.overall;
    expect(o.model).toBe('open');
    expect(o.stages.map((st: { from: number; target: number; expected: number }) => [st.from, st.target, st.expected])).toEqual([[0, 21, 10.5], [21, 21, 21]]);
    expect(o.requests).toBe(results.reduce((a, s) => a + s.requests[0].requests, 0));
    expect(merge.summary).toMatch(/stage 1 \(0→21\/s, 1 s\)/);
  });
});

describe('the open model against https from dist/', () => {
  it('the environment\'s tls.ca reaches the open model, in its workers too: a private CA\'s target is load-tested, not failed as untrusted', async () => {
    const ca = makeTestCa();
    let served = 0;
    const target = await httpsServer(ca.leaf('open-e2e', { days: 60 }), (_q, res) => {
      served++;
      res.end('{"status":"ok"}');
    });
    try {
      const config = `environments:
  production:
    tls:
      ca: ${JSON.stringify(ca.caFile)}
    load:
      arrival-rate: 20/s
      duration: 1s
      workers: 2
`;
      const r = await runAction({ config: 'lg.yml', 'target-url': target.url, checks: 'load' }, { files: { 'lg.yml': config } });
      expect(r.code).toBe(0);
      const o = JSON.parse(readFileSync(r.outputs['report-path']!, 'utf8')).results.load.overall;
      expect(o).toMatchObject({ model: 'open', requests: 20, responses: 20, socketErrors: 0 });
      // 20 scheduled starts and the reachability request before them.
      expect(served).toBe(21);
    } finally {
      await target.close();
    }
  });
});
