import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BranchFiles } from '../../src/github/branch-file.js';
import { createOctokit } from '../../src/github/octokit.js';
import { GitHubRunStore } from '../../src/history/github-store.js';
import { LocalRunStore } from '../../src/history/local-store.js';
import { recordLine, RUN_SCHEMA, type RunRecord } from '../../src/history/record.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { GitHubUnavailable } from '../../src/github/unavailable.js';

const rec = (t: string, up = 1): RunRecord => ({ schema: RUN_SCHEMA, t, p: { api: up ? [1, 10] : [0, 10, 'status'] } });
const DIR = 'launchguard/history/production';

describe('run history on the data branch, through the fake GitHub', () => {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await new FakeGitHub().start();
  });
  afterEach(async () => {
    expect(gh.violations).toEqual([]);
    await gh.stop();
  });
  const store = (maxBytes?: number) =>
    new GitHubRunStore(new BranchFiles(createOctokit('ghs_write_token', gh.url, () => {}, (t) => t), { owner: 'acme', repo: 'api' }, 'launchguard-data'), maxBytes);

  it('one file per month: records of two months land in two files, and a span reads both in time order', async () => {
    const s = store();
    expect(await s.append('production', rec('2026-10-31T23:55:00.000Z'))).toBe(`${DIR}/2026-10.jsonl`);
    expect(await s.append('production', rec('2026-11-01T00:00:00.000Z'))).toBe(`${DIR}/2026-11.jsonl`);
    await s.append('production', rec('2026-11-01T00:05:00.000Z', 0));
    expect(gh.readFile('launchguard-data', `${DIR}/2026-11.jsonl`)!.trim().split('\n')).toHaveLength(2);
    const read = await s.read('production', Date.parse('2026-10-15T00:00:00Z'), Date.parse('2026-11-02T00:00:00Z'));
    expect(read.records.map((r) => r.t)).toEqual(['2026-10-31T23:55:00.000Z', '2026-11-01T00:00:00.000Z', '2026-11-01T00:05:00.000Z']);
    expect(read.files).toEqual([`${DIR}/2026-10.jsonl`, `${DIR}/2026-11.jsonl`]);
    // A span of November only does not read October's file.
    expect((await s.read('production', Date.parse('2026-11-01T00:00:00Z'), Date.parse('2026-11-02T00:00:00Z'))).files).toEqual([`${DIR}/2026-11.jsonl`]);
  });

  it('a part that would pass the size guard starts the next part, and the parts are read in order', async () => {
    const line = Buffer.byteLength(recordLine(rec('2026-11-01T00:00:00.000Z')));
    const s = store(line * 2);
    const files = [];
    for (let i = 0; i < 5; i++) files.push(await s.append('production', rec(`2026-11-01T00:0${i}:00.000Z`)));
    expect(files).toEqual([`${DIR}/2026-11.jsonl`, `${DIR}/2026-11.jsonl`, `${DIR}/2026-11.2.jsonl`, `${DIR}/2026-11.2.jsonl`, `${DIR}/2026-11.3.jsonl`]);
    const read = await s.read('production', Date.parse('2026-11-01T00:00:00Z'), Date.parse('2026-11-02T00:00:00Z'));
    expect(read.records.map((r) => r.t.slice(14, 16))).toEqual(['00', '01', '02', '03', '04']);
  });

  it('a write that raced another writer is recomputed on the new file (the blob sha guards it): both records stay', async () => {
    const s = store();
    await s.append('production', rec('2026-11-01T00:00:00.000Z'));
    let raced = false;
    gh.beforeHandle = (method, path) => {
      if (!raced && method === 'PUT' && path.includes('/contents/')) {
        raced = true;
        gh.writeFile('launchguard-data', `${DIR}/2026-11.jsonl`, `${gh.readFile('launchguard-data', `${DIR}/2026-11.jsonl`)}${recordLine(rec('2026-11-01T00:04:00.000Z'))}`);
      }
    };
    await s.append('production', rec('2026-11-01T00:05:00.000Z'));
    expect(raced).toBe(true);
    const lines = gh.readFile('launchguard-data', `${DIR}/2026-11.jsonl`)!.trim().split('\n').map((l) => (JSON.parse(l) as RunRecord).t);
    expect(lines).toEqual(['2026-11-01T00:00:00.000Z', '2026-11-01T00:04:00.000Z', '2026-11-01T00:05:00.000Z']);
    // The first write was refused as stale (409), then made again on the other writer's file.
    expect(gh.log.filter((l) => l.method === 'PUT').map((l) => l.status)).toEqual([409, 200]);
  });

  it('a write that landed but was answered 502 (Octokit retries it with the old sha, 409) is not appended twice', async () => {
    const s = store();
    await s.append('production', rec('2026-11-01T00:00:00.000Z'));
    gh.faults.push({ match: 'PUT /repos/acme/api/contents/', status: 502, afterApply: true });
    await s.append('production', rec('2026-11-01T00:05:00.000Z'));
    const lines = gh.readFile('launchguard-data', `${DIR}/2026-11.jsonl`)!.trim().split('\n').map((l) => (JSON.parse(l) as RunRecord).t);
    expect(lines).toEqual(['2026-11-01T00:00:00.000Z', '2026-11-01T00:05:00.000Z']);
  });

  it('a bad line is named by file and line, and the other records of the month are read', async () => {
    const s = store();
    await s.append('production', rec('2026-11-01T00:00:00.000Z'));
    const path = `${DIR}/2026-11.jsonl`;
    gh.writeFile('launchguard-data', path, `${gh.readFile('launchguard-data', path)}{"schema":"launchguard.run/v1","t":"oops"}\n{"schema":"launchguard.run/v9","t":"2026-11-01T00:02:00.000Z"}\n`);
    await s.append('production', rec('2026-11-01T00:05:00.000Z'));
    const read = await s.read('production', Date.parse('2026-11-01T00:00:00Z'), Date.parse('2026-11-02T00:00:00Z'));
    expect(read.records.map((r) => r.t)).toEqual(['2026-11-01T00:00:00.000Z', '2026-11-01T00:05:00.000Z']);
    expect(read.skipped).toBe(2);
    expect(read.bad).toEqual([{ file: path, line: 2 }, { file: path, line: 3 }]);
  });

  it('two runs writing the first record of a new month (422, the file appeared) and of a new branch (422, the ref appeared): every record once', async () => {
    const s = store();
    let raced = 0;
    gh.beforeHandle = (method, path) => {
      // Another run lands its record just before each of ours: the branch's first commit, then November's first line.
      if (raced === 0 && method === 'POST' && path.endsWith('/git/refs')) {
        raced++;
        gh.writeFile('launchguard-data', `${DIR}/2026-10.jsonl`, recordLine(rec('2026-10-31T23:50:00.000Z')));
      } else if (raced === 1 && method === 'PUT' && path.includes('/contents/')) {
        raced++;
        gh.writeFile('launchguard-data', `${DIR}/2026-11.jsonl`, recordLine(rec('2026-11-01T00:00:00.000Z')));
      }
    };
    await s.append('production', rec('2026-10-31T23:55:00.000Z'));
    await s.append('production', rec('2026-11-01T00:01:00.000Z'));
    expect(raced).toBe(2);
    const read = await s.read('production', Date.parse('2026-10-01T00:00:00Z'), Date.parse('2026-11-02T00:00:00Z'));
    expect(read.records.map((r) => r.t)).toEqual(['2026-10-31T23:50:00.000Z', '2026-10-31T23:55:00.000Z', '2026-11-01T00:00:00.000Z', '2026-11-01T00:01:00.000Z']);
  });

  it('a secondary rate limit that outlasts the retries is not reported as a missing permission', async () => {
    const s = store();
    await s.append('production', rec('2026-11-01T00:00:00.000Z'));
    const limited = { match: 'PUT /repos/acme/api/contents/', status: 403, headers: { 'retry-after': '1' }, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest' } };
    gh.faults.push(limited, limited, limited);
    const err = await s.append('production', rec('2026-11-01T00:05:00.000Z')).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(GitHubUnavailable);
    expect((err as Error).message).toMatch(/rate limit/);
    expect((err as Error).message).not.toMatch(/permissions/);
  });

  it('a window that starts late in a month reads only the parts that reach into it (newest first, stopping at the part that starts before it)', async () => {
    const lines = (...ts: string[]) => ts.map((t) => recordLine(rec(t))).join('');
    gh.writeFile('launchguard-data', `${DIR}/2026-10.jsonl`, lines('2026-10-01T00:00:00.000Z', '2026-10-09T00:00:00.000Z'));
    gh.writeFile('launchguard-data', `${DIR}/2026-10.2.jsonl`, lines('2026-10-10T00:00:00.000Z', '2026-10-19T00:00:00.000Z'));
    gh.writeFile('launchguard-data', `${DIR}/2026-10.3.jsonl`, lines('2026-10-20T00:00:00.000Z', '2026-10-31T00:00:00.000Z'));
    gh.writeFile('launchguard-data', `${DIR}/2026-11.jsonl`, lines('2026-11-01T00:00:00.000Z'));
    const read = await store().read('production', Date.parse('2026-10-25T00:00:00Z'), Date.parse('2026-11-02T00:00:00Z'));
    expect(read.records.map((r) => r.t)).toEqual(['2026-10-20T00:00:00.000Z', '2026-10-31T00:00:00.000Z', '2026-11-01T00:00:00.000Z']);
    expect(read.files).toEqual([`${DIR}/2026-10.3.jsonl`, `${DIR}/2026-11.jsonl`]);
    expect(gh.log.filter((l) => l.method === 'GET' && l.path.includes('/contents/')).map((l) => decodeURIComponent(l.path).split('/').pop())).toEqual(['production', '2026-11.jsonl', '2026-10.3.jsonl']);
  });

  it('a month file over the contents API\'s 1 MB (made by hand): read through the git blobs API, and the next record goes to the next part', async () => {
    const line = recordLine(rec('2026-11-01T00:00:00.000Z'));
    const big = line.repeat(Math.ceil((1024 * 1024 + 1) / Buffer.byteLength(line)));
    gh.writeFile('launchguard-data', `${DIR}/2026-11.jsonl`, big);
    const s = store();
    expect(await s.append('production', rec('2026-11-01T00:05:00.000Z'))).toBe(`${DIR}/2026-11.2.jsonl`);
    const read = await s.read('production', Date.parse('2026-10-31T00:00:00Z'), Date.parse('2026-11-02T00:00:00Z'));
    expect(read.records).toHaveLength(big.split('\n').length - 1 + 1);
    expect(read.records.at(-1)!.t).toBe('2026-11-01T00:05:00.000Z');
    expect(gh.log.some((l) => l.status === 403)).toBe(true);
  });

  it('a month file over 1 MB whose blob cannot be read either: the message names the file and the cure, not a load-baseline setting', async () => {
    const line = recordLine(rec('2026-11-01T00:00:00.000Z'));
    gh.writeFile('launchguard-data', `${DIR}/2026-11.jsonl`, line.repeat(Math.ceil((1024 * 1024 + 1) / Buffer.byteLength(line))));
    gh.faults.push({ match: 'GET /repos/acme/api/git/blobs/', status: 403 });
    const err = await store().read('production', Date.parse('2026-11-01T00:00:00Z'), Date.parse('2026-11-02T00:00:00Z')).catch((e: unknown) => e as Error);
    expect((err as Error).message).toContain(`${DIR}/2026-11.jsonl`);
    expect((err as Error).message).not.toContain('max-entries');
  });

  it('no branch and no folder yet: nothing to read', async () => {
    expect((await store().read('production', 0, Date.parse('2026-11-02T00:00:00Z'))).records).toEqual([]);
  });
});

describe('run history in the CLI\'s folder', () => {
  it('the same layout and size guard as the data branch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lg-runs-'));
    // Two records of the longer kind (a down probe) fill a part.
    const line = Buffer.byteLength(recordLine(rec('2026-11-01T00:00:00.000Z', 0)));
    const s = new LocalRunStore(dir, line * 2);
    await s.append('production', rec('2026-10-31T23:59:00.000Z'));
    for (let i = 0; i < 3; i++) await s.append('production', rec(`2026-11-01T00:0${i}:00.000Z`, i % 2));
    expect(readdirSync(join(dir, 'production')).sort()).toEqual(['2026-10.jsonl', '2026-11.2.jsonl', '2026-11.jsonl']);
    expect(readFileSync(join(dir, 'production', '2026-11.2.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
    const read = await s.read('production', Date.parse('2026-10-01T00:00:00Z'), Date.parse('2026-11-02T00:00:00Z'));
    expect(read.records.map((r) => r.p!.api![0])).toEqual([1, 0, 1, 0]);
    expect((await new LocalRunStore(join(dir, 'none')).read('production', 0, Date.now())).records).toEqual([]);
  });

  it('two runs appending at once (a long run overlapping the next): both records stay', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lg-runs-'));
    const s = new LocalRunStore(dir);
    await s.append('production', rec('2026-11-01T00:00:00.000Z'));
    await Promise.all([s.append('production', rec('2026-11-01T00:05:00.000Z')), new LocalRunStore(dir).append('production', rec('2026-11-01T00:05:01.000Z'))]);
    const read = await s.read('production', Date.parse('2026-11-01T00:00:00Z'), Date.parse('2026-11-02T00:00:00Z'));
    expect(read.records.map((r) => r.t)).toEqual(['2026-11-01T00:00:00.000Z', '2026-11-01T00:05:00.000Z', '2026-11-01T00:05:01.000Z']);
  });
});
