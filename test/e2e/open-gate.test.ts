import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../helpers/action.js';
import { hangServer, httpServer, type Running } from '../helpers/servers.js';

// Issue 18 review: the open model from dist/ in gate mode (samples), and against a target that hangs.
describe('open model from dist/: gate samples and a hanging target', () => {
  let target: Running;
  let hang: Running;
  beforeAll(async () => {
    target = await httpServer((_q, res) => res.end('{"status":"ok"}'));
    hang = await hangServer();
  });
  afterAll(async () => {
    await target.close();
    await hang.close();
  });

  it('gate with samples: 3 reports the arrival rate of one run, not three runs', async () => {
    const config = `environments:\n  production:\n    load:\n      arrival-rate: 50/s\n      duration: 1s\n      samples: 3\n`;
    const r = await runAction({ config: 'lg.yml', 'target-url': target.url, checks: 'load', mode: 'gate', 'fail-on': 'none' }, { files: { 'lg.yml': config } });
    expect(r.hung).toBe(false);
    const line = r.summary.split('\n').find((l) => l.includes('arrival rate'));
    console.log(line);
    expect(r.summary).toMatch(/arrival rate \| 50\/s started of 50\/s target \(100 %\)/); // before the fix: 150/s … (300 %)
  });

  it('a target that hangs every request: one finding, the process exits by itself', async () => {
    const config = `environments:\n  production:\n    load:\n      arrival-rate: 50/s\n      duration: 1s\n      timeout: 1s\n`;
    const r = await runAction({ config: 'lg.yml', 'target-url': hang.url, checks: 'load', 'fail-on': 'none' }, { files: { 'lg.yml': config } });
    expect(r.hung).toBe(false);
    const report = JSON.parse(readFileSync(r.outputs['report-path']!, 'utf8'));
    console.log(JSON.stringify(report.findings?.map((f: { title: string }) => f.title)), JSON.stringify(report.results.load.overall.firstError));
    expect(report.findings.filter((f: { title: string }) => /never answered/.test(f.title))).toHaveLength(1);
  });
});
