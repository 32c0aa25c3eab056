import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../helpers/action.js';
import { httpServer, type Running } from '../helpers/servers.js';

const CONFIG = `environments:
  production:
    load:
      connections: 6
      duration: 1s
      requests:
        - { name: plans, path: /plans }
`;

describe('scale-out: 3 shard runs and 1 merge run of dist/index.js', () => {
  let target: Running;
  let served = 0;
  beforeAll(async () => {
    target = await httpServer((_q, res) => {
      served++;
      setTimeout(() => res.end('{}'), 2 + (served % 5));
    });
  });
  afterAll(async () => {
    await target.close();
  });

  it('merged totals are the sums of the shards and the percentiles lie within the shards\' range', async () => {
    const shards = await Promise.all([1, 2, 3].map((i) => runAction({ config: 'lg.yml', 'target-url': target.url, shard: `${i}/3` }, { files: { 'lg.yml': CONFIG } })));
    const results = shards.map((r, i) => {
      expect(r.code).toBe(0);
      expect(r.outputs[`shard-result-${i + 1}`]).toBe(r.outputs['shard-result']);
      return JSON.parse(r.outputs['shard-result']!);
    });
    expect(results.map((s) => s.requests[0].connections)).toEqual([2, 2, 2]);
    expect(shards[0]!.summary).toContain('shard 1/3: budgets are judged by the merge run');

    // As a workflow passes them: ${{ toJSON(needs.load.outputs) }}, one output per shard.
    const outputs = JSON.stringify(Object.fromEntries(results.map((s, i) => [`shard-${i + 1}`, JSON.stringify(s)])));
    const merge = await runAction({ config: 'lg.yml', mode: 'merge', shards: outputs }, { files: { 'lg.yml': CONFIG } });
    expect(merge.code).toBe(0);
    const report = JSON.parse(readFileSync(merge.outputs['report-path']!, 'utf8'));
    const o = report.results.load.overall;
    const sum = (k: string) => results.reduce((a, s) => a + s.requests[0][k], 0);
    expect(o.responses).toBe(sum('responses'));
    expect(o.requests).toBe(sum('requests'));
    const shardP95s = shards.map((r) => JSON.parse(readFileSync(r.outputs['report-path']!, 'utf8')).results.load.overall.latencyMs.p95);
    expect(o.latencyMs.p95).toBeGreaterThanOrEqual(Math.min(...shardP95s));
    expect(o.latencyMs.p95).toBeLessThanOrEqual(Math.max(...shardP95s));
    expect(Number(merge.outputs['p95-ms'])).toBe(o.latencyMs.p95);
    expect(merge.summary).toMatch(/load: merged 3 shard results \(6 connections in all\)/);

    // The same from report files, by glob.
    const files = await runAction({ config: 'lg.yml', mode: 'merge', shards: shards.map((r) => r.outputs['report-path']).join(',') }, { files: { 'lg.yml': CONFIG } });
    expect(JSON.parse(readFileSync(files.outputs['report-path']!, 'utf8')).results.load.overall.responses).toBe(o.responses);
  });

  it('a preview URL with a bypass token in its query: the shards hide it, and the merge with the same target-url accepts them', async () => {
    const url = `${target.url}/?x-vercel-protection-bypass=bypass-secret-0042`;
    const shards = await Promise.all([1, 2].map((i) => runAction({ config: 'lg.yml', 'target-url': url, shard: `${i}/2` }, { files: { 'lg.yml': CONFIG } })));
    for (const r of shards) {
      expect(r.code).toBe(0);
      expect(r.outputs['shard-result']).not.toContain('bypass-secret-0042');
    }
    const outputs = JSON.stringify(Object.fromEntries(shards.map((r, i) => [`shard-${i + 1}`, r.outputs['shard-result']])));
    const merge = await runAction({ config: 'lg.yml', 'target-url': url, mode: 'merge', shards: outputs }, { files: { 'lg.yml': CONFIG } });
    expect(merge.stdout).not.toMatch(/::error::/);
    expect(merge.code).toBe(0);
    expect(merge.summary).toMatch(/load: merged 2 shard results/);
  });

  it('a missing shard is a sentence, not a stack trace', async () => {
    const one = await runAction({ config: 'lg.yml', 'target-url': target.url, shard: '1/2' }, { files: { 'lg.yml': CONFIG } });
    const merge = await runAction({ config: 'lg.yml', mode: 'merge', shards: JSON.stringify({ a: one.outputs['shard-result'], b: '' }) }, { files: { 'lg.yml': CONFIG } });
    expect(merge.code).toBe(1);
    expect(merge.stdout).toContain('::error::shards: missing shard 2/2');
    expect(merge.stdout).not.toMatch(/\n\s+at /);
  });
});

describe('several load workers on one runner', () => {
  let target: Running;
  const ports = new Set<number>();
  beforeAll(async () => {
    target = await httpServer((q, res) => {
      ports.add(q.socket.remotePort!);
      res.end('{}');
    });
  });
  afterAll(async () => {
    await target.close();
  });

  it('workers: 2 forks the bundled worker twice and merges their histograms', async () => {
    const cfg = CONFIG.replace('connections: 6', 'connections: 4\n      workers: 2');
    const r = await runAction({ config: 'lg.yml', 'target-url': target.url, checks: 'load', issues: 'false' }, { files: { 'lg.yml': cfg } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const load = JSON.parse(readFileSync(r.outputs['report-path']!, 'utf8')).results.load;
    expect(load.overall.connections).toBe(4);
    expect(load.overall.responses).toBeGreaterThan(100);
    expect(load.overall.latencyMs.count).toBe(load.overall.responses);
    expect(ports.size).toBeGreaterThanOrEqual(5); // 4 load connections from two processes, and the preflight
  });
});
