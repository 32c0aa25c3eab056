import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusedPort } from '../helpers/servers.js';

const BIN = resolve('bin/launchguard.js');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('launchguard page (built CLI)', () => {
  it('renders the history folder the check command wrote: index.html and status.json, and prints the folder', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'lg-page-cli-'));
    const url = await refusedPort();
    writeFileSync(join(cwd, 'lg.yml'), `environments:\n  production:\n    url: ${url}\n    health:\n      - { name: api, path: /health, retries: 0 }\n`);
    cli(['check', '--config', 'lg.yml'], cwd);
    cli(['check', '--config', 'lg.yml'], cwd);
    const r = cli(['page', '--config', 'lg.yml', '--out', 'site'], cwd);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^page: ${join(cwd, 'site').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(index\\.html \\d+ kB, status\\.json; production 2 runs\\)`));
    const html = readFileSync(join(cwd, 'site', 'index.html'), 'utf8');
    expect(html).toContain('<h3 class="probe-name">api</h3>');
    expect(html).toContain('<span class="state state-down">Down</span>');
    const status = JSON.parse(readFileSync(join(cwd, 'site', 'status.json'), 'utf8'));
    expect(status).toMatchObject({ schema: 'launchguard.status/v1', days: 90, environments: [{ name: 'production', runs: 2, probes: [{ probe: 'api', state: 'down' }] }] });
    // The CLI reads no issues: no incidents section rather than a false "none".
    expect(html).not.toContain('Incidents');
  });

  it('an unknown environment or a missing config is one sentence, exit 2', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'lg-page-cli-'));
    writeFileSync(join(cwd, 'lg.yml'), 'environments:\n  production:\n    url: http://127.0.0.1:1\n');
    const a = cli(['page', '--config', 'lg.yml', '--environment', 'staging'], cwd);
    expect(a.code).toBe(2);
    expect(a.err).toBe('launchguard: page: --environment "staging" is not an environment of the config (production)\n');
    const b = cli(['page', '--config', 'nope.yml'], cwd);
    expect(b.code).toBe(2);
    expect(b.err).toBe('launchguard: page: the config file nope.yml does not exist (--config names it)\n');
  });
});
