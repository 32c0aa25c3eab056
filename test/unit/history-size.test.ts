import { describe, expect, it } from 'vitest';
import { HISTORY_SCHEMA, type BaselineEntry, type History } from '../../src/baseline/stats.js';
import { MAX_HISTORY_BYTES, withinSize } from '../../src/baseline/github-store.js';
import { BranchFiles } from '../../src/github/branch-file.js';
import { GitHubUnavailable } from '../../src/github/unavailable.js';
import type { Octokit } from '../../src/github/octokit.js';

// Issue 11: the history file stays readable (the contents API serves files up to 1 MB).
const entry = (i: number): BaselineEntry => ({ at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), sha: 'f'.repeat(40), ref: 'refs/heads/main', runUrl: `https://github.com/acme/api/actions/runs/${i}`, passed: true, p50: 1, p90: 2, p95: 3, p99: 4, max: 5, errorRate: 0, rps: 100, requests: 1000 });

/** Only what BranchFiles.read calls, answering as GitHub does. */
function octokit(getContent: () => Promise<unknown>, blob?: { content: string; encoding: string }): Octokit {
  return { rest: { repos: { getContent }, git: { getBlob: async () => ({ data: blob }) } } } as unknown as Octokit;
}
const httpError = (status: number, data: unknown) => Object.assign(new Error(`HTTP ${status}`), { status, response: { data } });

describe('history size', () => {
  it('10,000 entries are trimmed to fit under 1 MB, newest kept', () => {
    const h: History = { schema: HISTORY_SCHEMA, environment: 'production', entries: Array.from({ length: 10_000 }, (_, i) => entry(i)) };
    const out = withinSize(h);
    expect(Buffer.byteLength(`${JSON.stringify(out, null, 2)}\n`)).toBeLessThanOrEqual(MAX_HISTORY_BYTES);
    expect(out.entries.length).toBeGreaterThan(100);
    expect(out.entries.at(-1)).toEqual(h.entries.at(-1));
    const small: History = { ...h, entries: h.entries.slice(0, 100) };
    expect(withinSize(small)).toBe(small);
  });

  it('a file the contents API serves without content (1-100 MB, encoding "none") is read through the git blobs API', async () => {
    const text = '{"schema":"launchguard.history/v1"}';
    const files = new BranchFiles(
      octokit(async () => ({ data: { type: 'file', encoding: 'none', content: '', size: 2_000_000, sha: 'abc' } }), { content: Buffer.from(text).toString('base64'), encoding: 'base64' }),
      { owner: 'acme', repo: 'api' },
      'launchguard-data',
    );
    expect(await files.read('launchguard/production.json')).toEqual({ text, sha: 'abc' });
  });

  it('a 403 too_large is reported as a size, never as a missing permission', async () => {
    const files = new BranchFiles(
      octokit(async () => {
        throw httpError(403, { message: 'This API returns blobs up to 1 MB in size. The requested blob is too large to fetch via the API.', errors: [{ resource: 'Blob', field: 'data', code: 'too_large' }] });
      }),
      { owner: 'acme', repo: 'api' },
      'launchguard-data',
    );
    const err = await files.read('launchguard/production.json').catch((e: unknown) => e as Error);
    expect(err).not.toBeInstanceOf(GitHubUnavailable);
    expect((err as Error).message).toMatch(/over the contents API's 1 MB, and reading it through the git blobs API failed too \(HTTP 403\)/);
    expect((err as Error).message).not.toMatch(/permissions/);
  });
});
