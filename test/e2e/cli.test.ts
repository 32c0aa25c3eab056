import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusedPort } from '../helpers/servers.js';

const BIN = resolve('bin/launchguard.js');

function cli(args: string[], cwd = mkdtempSync(join(tmpdir(), 'lg-cli-'))) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH } });
  return { code: r.status, out: r.stdout, err: r.stderr, cwd, signal: r.signal };
}

describe('the launchguard CLI (built)', () => {
  it('demo: healthy, exit 0, writes report.json and report.md', () => {
    const r = cli(['demo']);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/launchguard: PASS: no findings/);
    expect(JSON.parse(readFileSync(join(r.cwd, 'report.json'), 'utf8')).verdict.status).toBe('pass');
    expect(readFileSync(join(r.cwd, 'report.md'), 'utf8')).toMatch(/^## ✅ launchguard: PASS/);
  });

  it('demo --fault payments-failing: SEV1, exit 1', () => {
    const r = cli(['demo', '--fault', 'payments-failing']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/SEV1 {2}production: payment-success-rate too low/);
    expect(r.out).toMatch(/payment-success-rate is 41\.7 %, which is < 50 %/);
  });

  it('check --json against a down target: parseable JSON, exit 1', async () => {
    const r = cli(['check', '--target-url', await refusedPort(), '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.findings[0]).toMatchObject({ severity: 'sev1', classification: 'refused' });
  });

  it('check keeps each run\'s record in its history folder, by environment and month; --dry-run does not', async () => {
    const url = await refusedPort();
    const first = cli(['check', '--target-url', url]);
    cli(['check', '--target-url', url], first.cwd);
    const dry = cli(['check', '--target-url', url, '--dry-run'], first.cwd);
    const file = join(first.cwd, '.launchguard', 'history', 'production', `${new Date().toISOString().slice(0, 7)}.jsonl`);
    expect(first.out).toContain(`run history: ${file}`);
    expect(dry.out).not.toContain('run history:');
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ schema: 'launchguard.run/v1', p: { target: [0, expect.any(Number), 'refused'] }, f: ['health:target'], w: 'sev1' });
    expect(lines[1].ev).toBeUndefined();
  });

  it('a history folder that cannot be written: the report is still printed, and one line says the run is not recorded', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'lg-cli-'));
    // A file where the folder should be (the tests run as root, so a read-only folder would not stop them).
    writeFileSync(join(cwd, '.launchguard'), 'not a folder');
    const r = cli(['check', '--target-url', await refusedPort()], cwd);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/SEV1 {2}production: health probe target failing/);
    expect(r.err).toContain(`run history: this run is not recorded in folder ${join(cwd, '.launchguard', 'history')}: `);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  // Issue 19: the CLI prints the issue plan, as the action does; one outage is one incident.
  it('demo --fault down --dry-run: the issue plan, one incident per failing probe, the load findings under the outage', () => {
    const r = cli(['demo', '--fault', 'down', '--dry-run', '--checks', 'health,load']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('issues (dry-run: the plan the action would apply to a repository with no launchguard issues yet; nothing is written):');
    const planned = r.out.split('\n').filter((l) => l.startsWith('  would '));
    expect(planned).toEqual([
      '  would open a new issue [SEV1] production: health probe api-health failing',
      '  would open a new issue [SEV1] production: health probe plans failing',
    ]);
    expect(r.out).toMatch(/ {8}same outage: SEV2 load error rate over budget on health: error rate of GET http:\/\/127\.0\.0\.1:\d+\/api\/monitoring\/health is 100 %/);
    // Latency from failures is not latency: no p95 of 503s.
    expect(r.out).toContain('skip  health p95: no successful response');
    expect(r.out).not.toMatch(/ok {2}health p95/);
    const report = JSON.parse(readFileSync(join(r.cwd, 'report.json'), 'utf8'));
    expect(report.findings.map((f: { fingerprint: string }) => f.fingerprint)).toEqual(['production:health:api-health', 'production:health:plans']);
  });

  it('bad flags and bad input exit 2 with a sentence', () => {
    const a = cli(['demo', '--fault', 'meteor']);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/--fault: expected one of down, slow, errors, disk-full, payments-failing, found "meteor"/);
    const b = cli(['check']);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/nothing to check: there is no config/);
    expect(b.err).not.toMatch(/\n\s+at /);
  });
});

describe('the CLI splits and merges load', () => {
  it('check --shard writes a shard result; merge combines the reports by glob', async () => {
    const { httpServer } = await import('../helpers/servers.js');
    const { writeFileSync } = await import('node:fs');
    const target = await httpServer((_q, res) => res.end('{}'));
    try {
      const dir = mkdtempSync(join(tmpdir(), 'lg-cli-shards-'));
      writeFileSync(join(dir, 'lg.yml'), 'environments:\n  production:\n    load: { connections: 2, duration: 1s }\n');
      // spawnSync would block this process's event loop, and with it the target: spawn asynchronously.
      const { execFile } = await import('node:child_process');
      const { promisify } = await import('node:util');
      for (const i of [1, 2]) {
        await promisify(execFile)(process.execPath, [BIN, 'check', '--config', 'lg.yml', '--target-url', target.url, '--shard', `${i}/2`, '--report', `s${i}.json`], { cwd: dir, timeout: 60_000 });
      }
      const merged = cli(['merge', '--config', 'lg.yml', '--shards', 's*.json', '--json', '--dry-run'], dir);
      expect(merged.err).toBe('');
      expect(merged.code).toBe(0);
      const report = JSON.parse(merged.out);
      const parts = [1, 2].map((i) => JSON.parse(readFileSync(join(dir, `s${i}.json`), 'utf8')).shard.requests[0].responses);
      expect(report.results.load.overall.responses).toBe(parts[0] + parts[1]);
    } finally {
      await target.close();
    }
  });
});
