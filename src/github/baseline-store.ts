import { appendEntry, parseHistory, type BaselineEntry, type History } from '../core/baseline.js';
import { BaselineUnavailable, historyFileName, type BaselineStore } from '../baseline/store.js';
import { statusOf, type Octokit } from './octokit.js';

export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

const MAX_ATTEMPTS = 5;

interface Snapshot {
  readonly history?: History;
  /** The blob sha of the file; null when there is no file (or no branch) yet. */
  readonly sha: string | null;
}

/**
 * History on a data branch (default `launchguard-data`), one JSON file per environment, through the
 * contents API. Writes use the blob sha for optimistic concurrency and retry on a conflict. The
 * branch is created as an orphan holding only the history, on the first write.
 */
export class GitHubBaselineStore implements BaselineStore {
  /** What the last read saw, per environment: the first write attempt reuses it. */
  private readonly seen = new Map<string, Snapshot>();

  constructor(
    private readonly octokit: Octokit,
    private readonly repo: RepoRef,
    private readonly branch: string,
  ) {}

  get where(): string {
    return `branch ${this.branch} of ${this.repo.owner}/${this.repo.repo}`;
  }

  private path(environment: string): string {
    return `launchguard/${historyFileName(environment)}`;
  }

  private async fetch(environment: string): Promise<Snapshot> {
    try {
      const res = await this.octokit.rest.repos.getContent({ ...this.repo, path: this.path(environment), ref: this.branch });
      const data = res.data as { type?: string; content?: string; sha: string };
      if (Array.isArray(res.data) || data.type !== 'file' || data.content === undefined) {
        throw new Error(`${this.path(environment)} on ${this.where} is not a file`);
      }
      const text = Buffer.from(data.content, 'base64').toString('utf8');
      return { history: parseHistory(text, `${this.path(environment)} on ${this.where}`), sha: data.sha };
    } catch (err) {
      const status = statusOf(err);
      if (status === 404) return { sha: null };
      if (status === 401 || status === 403) {
        throw new BaselineUnavailable(`cannot read ${this.where}: HTTP ${status} (the job needs permissions: contents: read)`);
      }
      throw err;
    }
  }

  async read(environment: string): Promise<History | undefined> {
    const snap = await this.fetch(environment);
    this.seen.set(environment, snap);
    return snap.history;
  }

  async append(environment: string, entry: BaselineEntry, maxEntries: number): Promise<History> {
    const path = this.path(environment);
    // The first attempt reuses what read() saw: a run that read and writes makes two requests.
    let current = this.seen.get(environment) ?? (await this.fetch(environment));
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const next = appendEntry(current.history, environment, entry, maxEntries);
      const content = `${JSON.stringify(next, null, 2)}\n`;
      const message = `launchguard: record ${environment} run ${entry.at}`;
      try {
        if (current.sha === null && !(await this.branchExists())) {
          await this.createBranchWith(path, content, message);
        } else {
          await this.octokit.rest.repos.createOrUpdateFileContents({
            ...this.repo,
            path,
            message,
            content: Buffer.from(content).toString('base64'),
            branch: this.branch,
            ...(current.sha ? { sha: current.sha } : {}),
          });
        }
        this.seen.delete(environment);
        return next;
      } catch (err) {
        const status = statusOf(err);
        if (status === 401 || status === 403) {
          throw new BaselineUnavailable(`cannot write ${this.where}: HTTP ${status} (the job needs permissions: contents: write)`);
        }
        // 409: the file changed since it was read; 422: it or the branch appeared meanwhile. Read again.
        if (status !== 409 && status !== 422) throw err;
        current = await this.fetch(environment);
      }
    }
    throw new Error(`gave up writing ${path} to ${this.where} after ${MAX_ATTEMPTS} conflicting attempts`);
  }

  private async branchExists(): Promise<boolean> {
    try {
      await this.octokit.rest.git.getRef({ ...this.repo, ref: `heads/${this.branch}` });
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      throw err;
    }
  }

  /** An orphan branch whose only file is the history: it never mixes with the code. */
  private async createBranchWith(path: string, content: string, message: string): Promise<void> {
    const tree = await this.octokit.rest.git.createTree({ ...this.repo, tree: [{ path, mode: '100644', type: 'blob', content }] });
    const commit = await this.octokit.rest.git.createCommit({ ...this.repo, message, tree: tree.data.sha, parents: [] });
    await this.octokit.rest.git.createRef({ ...this.repo, ref: `refs/heads/${this.branch}`, sha: commit.data.sha });
  }
}
