import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusedPort } from '../helpers/servers.js';

// The CLI installs like a CLI: packed as npm would publish it, installed from the tarball into an
// empty folder (the bundle carries every runtime dependency, so nothing else is fetched), run by npx.
const run = (cmd: string, args: string[], cwd: string) =>
  spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 120_000, env: { PATH: process.env.PATH, HOME: process.env.HOME } });

describe('the npm package', () => {
  it('npm pack, install the tarball into an empty folder, and npx launchguard check there', async () => {
    const packDir = mkdtempSync(join(tmpdir(), 'lg-pack-'));
    // --ignore-scripts: prepack would rebuild dist/, which check-dist already proves current.
    const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], resolve('.'));
    expect(packed.status, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    const files = info!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['bin/launchguard.js', 'dist/cli/index.js', 'dist/index.js', 'action.yml', 'examples/launchguard.yml', 'README.md']));
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);

    const app = mkdtempSync(join(tmpdir(), 'lg-installed-'));
    const installed = run('npm', ['install', '--offline', '--no-audit', '--no-fund', join(packDir, readdirSync(packDir)[0]!)], app);
    expect(installed.status, installed.stderr).toBe(0);
    expect(existsSync(join(app, 'node_modules', '.bin', 'launchguard'))).toBe(true);

    const checked = run('npx', ['--offline', 'launchguard', 'check', '--target-url', await refusedPort(), '--json'], app);
    expect(checked.status, checked.stderr).toBe(1);
    expect(JSON.parse(checked.stdout).findings[0]).toMatchObject({ severity: 'sev1', classification: 'refused' });
  });

  it('on a Node older than 24 the CLI says so in one sentence and exits 2', () => {
    const old = '20.11.0';
    const r = spawnSync(process.execPath, ['--import', `data:text/javascript,Object.defineProperty(process.versions,"node",{value:"${old}"})`, 'bin/launchguard.js', 'check'], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`launchguard: needs Node 24 or newer, and this is Node ${old}. Install Node 24 (for example with \`nvm install 24\`) and run it again.\n`);
  });

  // A real older Node where the machine has one (Debian's nodejs on this project's machines): the
  // bundle itself would die on it with a TypeError, so this proves the check runs before it loads.
  const system = '/usr/bin/node';
  const systemMajor = existsSync(system) ? Number(spawnSync(system, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' }).stdout.trim()) : NaN;
  it.runIf(systemMajor < 24)(`on the machine's own Node ${systemMajor} as well`, () => {
    const r = spawnSync(system, ['bin/launchguard.js', 'check', '--target-url', 'http://127.0.0.1:1'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^launchguard: needs Node 24 or newer, and this is Node \d+\.\d+\.\d+\. /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
