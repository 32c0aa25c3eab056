import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubUnavailable } from '../../src/github/unavailable.js';
import type { BaselineEntry } from '../../src/baseline/stats.js';
import { GitHubBaselineStore } from '../../src/baseline/github-store.js';
import { createOctokit } from '../../src/github/octokit.js';
import { BranchFiles } from '../../src/github/branch-file.js';
import { CONTENTS_API_MAX, FakeGitHub } from '../helpers/fake-github.js';

const entry = (i: number): BaselineEntry => ({
  at: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
  sha: `sha${i}`,
  passed: true,
  p50: 10 + i,
  p90: 20,
  p95: 30 + i,
  p99: 40,
  max: 50,
  errorRate: 0,
  rps: 100,
  requests: 1000,
});

describe('baseline history on the data branch, through the fake GitHub', () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await new FakeGitHub().start();
  });
  afterEach(async () => {
    expect(gh.violations).toEqual([]);
    await gh.stop();
  });
  const store = (token = 'ghs_write_token') =>
    new GitHubBaselineStore(new BranchFiles(createOctokit(token, gh.url, () => {}, (t) => t), { owner: 'acme', repo: 'api' }, 'launchguard-data'));

  it('a history over the contents API\'s 1 MB (403 too_large) is read through the git blobs API, and the next write brings it under the limit', async () => {
    const big = Array.from({ length: 6000 }, (_, i) => ({ ...entry(i), runUrl: `https://github.com/acme/api/actions/runs/${'9'.repeat(100)}${i}` }));
    const text = JSON.stringify({ schema: 'launchguard.history/v1', environment: 'production', entries: big });
    expect(text.length).toBeGreaterThan(CONTENTS_API_MAX);
    gh.writeFile('launchguard-data', 'launchguard/production.json', text);
    const s = store();
    expect((await s.read('production'))!.entries).toHaveLength(6000);
    expect(gh.log.filter((l) => decodeURIComponent(l.path).endsWith('/contents/launchguard/production.json')).map((l) => l.status)).toEqual([403]);
    expect(gh.count('GET /repos/acme/api/git/blobs/')).toBe(1);
    const h = await s.append('production', entry(7000), 10_000);
    expect(h.entries.at(-1)!.sha).toBe('sha7000');
    expect(gh.readFile('launchguard-data', 'launchguard/production.json')!.length).toBeLessThan(CONTENTS_API_MAX);
    // Under the limit again: the contents API serves it.
    expect((await store().read('production'))!.entries.at(-1)!.sha).toBe('sha7000');
    expect(gh.log.filter((l) => decodeURIComponent(l.path).endsWith('/contents/launchguard/production.json')).at(-1)!.status).toBe(200);
  });

  it('first run: no branch yet, so it creates an orphan branch holding only the history', async () => {
    const s = store();
    expect(await s.read('production')).toBeUndefined();
    const h = await s.append('production', entry(1), 100);
    expect(h.entries).toHaveLength(1);
    expect([...gh.filesOf('launchguard-data')!.keys()]).toEqual(['launchguard/production.json']);
    expect(JSON.parse(gh.readFile('launchguard-data', 'launchguard/production.json')!).entries[0].sha).toBe('sha1');
    expect(gh.filesOf('main')!.has('launchguard/production.json')).toBe(false);
  });

  it('appends with the blob sha; a steady-state run costs two requests', async () => {
    await store().append('production', entry(1), 100);
    const s = store();
    const before = gh.log.length;
    expect((await s.read('production'))!.entries).toHaveLength(1);
    await s.append('production', entry(2), 100);
    expect(gh.log.length - before).toBe(2);
    expect(JSON.parse(gh.readFile('launchguard-data', 'launchguard/production.json')!).entries.map((e: BaselineEntry) => e.sha)).toEqual(['sha1', 'sha2']);
  });

  it('keeps at most N entries, dropping the oldest', async () => {
    const s = store();
    for (let i = 1; i <= 5; i++) await s.append('production', entry(i), 3);
    expect((await s.read('production'))!.entries.map((e) => e.sha)).toEqual(['sha3', 'sha4', 'sha5']);
  });

  it('a concurrent write between read and write is a conflict: it reads again and keeps both entries', async () => {
    await store().append('production', entry(1), 100);
    const s = store();
    await s.read('production');
    let once = true;
    gh.beforeHandle = (method) => {
      if (method === 'PUT' && once) {
        once = false;
        const h = JSON.parse(gh.readFile('launchguard-data', 'launchguard/production.json')!);
        h.entries.push(entry(9));
        gh.writeFile('launchguard-data', 'launchguard/production.json', JSON.stringify(h));
      }
    };
    await s.append('production', entry(2), 100);
    // The stale write is refused once, and not resent as it was: it reads again and writes once more.
    expect(gh.log.filter((l) => l.method === 'PUT').map((l) => l.status).slice(-2)).toEqual([409, 200]);
    expect((await s.read('production'))!.entries.map((e) => e.sha)).toEqual(['sha1', 'sha9', 'sha2']);
  });

  it('two stores creating the branch at once both land', async () => {
    const [a, b] = [store(), store()];
    await Promise.all([a.append('production', entry(1), 100), b.append('production', entry(2), 100)]);
    expect((await a.read('production'))!.entries.map((e) => e.sha).sort()).toEqual(['sha1', 'sha2']);
  });

  it('a read-only token is "unavailable", which the run reports instead of failing', async () => {
    const s = store('ghs_read_only');
    expect(await s.read('production')).toBeUndefined();
    await expect(s.append('production', entry(1), 100)).rejects.toThrow(GitHubUnavailable);
    await expect(s.append('production', entry(1), 100)).rejects.toThrow(/contents: write/);
  });
});
