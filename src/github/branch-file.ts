import { statusOf, type Octokit } from './octokit.js';
import { GitHubUnavailable } from './unavailable.js';

export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

export interface FileSnapshot {
  readonly text?: string;
  /** The blob sha; null when there is no file (or no branch) yet. */
  readonly sha: string | null;
}

const MAX_ATTEMPTS = 5;

/** The contents API's refusal of a large file: 403 with an error code too_large. */
function tooLarge(err: unknown): boolean {
  const data = (err as { response?: { data?: { errors?: { code?: string }[]; message?: string } } }).response?.data;
  return Boolean(data?.errors?.some((e) => e.code === 'too_large') || /too large/i.test(data?.message ?? ''));
}

/** A 403 that is a rate limit (primary or secondary), not a missing permission: its own message, never "needs permissions". */
function rateLimited(err: unknown): boolean {
  const res = (err as { response?: { headers?: Record<string, string | undefined>; data?: { message?: string } } }).response;
  return res?.headers?.['x-ratelimit-remaining'] === '0' || /rate limit/i.test(res?.data?.message ?? '');
}

function permissionRefused(err: unknown): boolean {
  const status = statusOf(err);
  return (status === 401 || status === 403) && !rateLimited(err);
}

/**
 * Text files on a data branch, through the contents API. Writes use the blob sha for optimistic
 * concurrency and retry on a conflict; the branch is created as an orphan on the first write, so
 * it never mixes with the code.
 */
export class BranchFiles {
  constructor(
    private readonly octokit: Octokit,
    private readonly repo: RepoRef,
    readonly branch: string,
  ) {}

  get where(): string {
    return `branch ${this.branch} of ${this.repo.owner}/${this.repo.repo}`;
  }

  async read(path: string): Promise<FileSnapshot> {
    let data: { type?: string; content?: string; encoding?: string; size?: number; sha: string };
    try {
      const res = await this.octokit.rest.repos.getContent({ ...this.repo, path, ref: this.branch });
      data = res.data as typeof data;
      if (Array.isArray(res.data) || data.type !== 'file' || data.content === undefined) {
        throw new Error(`${path} on ${this.where} is not a file`);
      }
    } catch (err) {
      const status = statusOf(err);
      if (status === 404) return { sha: null };
      // Over the contents API's 1 MB: a size limit, not a permission. The git blobs API serves it.
      if (status === 403 && tooLarge(err)) return this.readBlob(path);
      if (permissionRefused(err)) {
        throw new GitHubUnavailable(`cannot read ${this.where}: HTTP ${status} (the job needs permissions: contents: read)`);
      }
      throw err;
    }
    // Files of 1 to 100 MB come without their content (encoding "none"): read them through the git blobs API.
    if (data.encoding === 'none' || (data.content === '' && (data.size ?? 0) > 0)) {
      const blob = await this.octokit.rest.git.getBlob({ ...this.repo, file_sha: data.sha });
      return { text: Buffer.from(blob.data.content, blob.data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8'), sha: data.sha };
    }
    return { text: Buffer.from(data.content!, 'base64').toString('utf8'), sha: data.sha };
  }

  /** The names of the files in a folder of the branch; none when the folder (or the branch) does not exist. */
  async list(folder: string): Promise<string[]> {
    try {
      const res = await this.octokit.rest.repos.getContent({ ...this.repo, path: folder, ref: this.branch });
      if (!Array.isArray(res.data)) throw new Error(`${folder} on ${this.where} is not a folder`);
      return res.data.filter((e) => e.type === 'file').map((e) => e.name);
    } catch (err) {
      const status = statusOf(err);
      if (status === 404) return [];
      if (permissionRefused(err)) {
        throw new GitHubUnavailable(`cannot read ${this.where}: HTTP ${status} (the job needs permissions: contents: read)`);
      }
      throw err;
    }
  }

  /**
   * A file over the contents API's 1 MB: its sha from the folder's listing (which GitHub gives
   * whatever the files' sizes), its content from the git blobs API (up to 100 MB).
   */
  private async readBlob(path: string): Promise<FileSnapshot> {
    const slash = path.lastIndexOf('/');
    const folder = slash < 0 ? '' : path.slice(0, slash);
    try {
      const listing = await this.octokit.rest.repos.getContent({ ...this.repo, path: folder, ref: this.branch });
      const entry = Array.isArray(listing.data) ? listing.data.find((e) => e.path === path) : undefined;
      if (!entry) throw new Error(`${path} is not in the listing of ${folder || 'the top folder'}`);
      const blob = await this.octokit.rest.git.getBlob({ ...this.repo, file_sha: entry.sha });
      return { text: Buffer.from(blob.data.content, blob.data.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8'), sha: entry.sha };
    } catch (err) {
      const status = statusOf(err);
      if (status === 401 || status === 403) {
        throw new Error(`cannot read ${path} on ${this.where}: the file is over the contents API's 1 MB, and reading it through the git blobs API failed too (HTTP ${status}); split or remove the file on the branch`);
      }
      throw err;
    }
  }

  /**
   * Writes `next(current)`; on a conflict reads again and recomputes. `first` is what the caller
   * already read, which saves a request on the first attempt.
   */
  async update(path: string, next: (current: string | undefined) => string, message: string, first?: FileSnapshot): Promise<string> {
    let current = first ?? (await this.read(path));
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const text = next(current.text);
      // Nothing to change (a retried write that had landed): no empty commit.
      if (current.text !== undefined && text === current.text) return text;
      try {
        if (current.sha === null && !(await this.branchExists())) {
          await this.createBranchWith(path, text, message);
        } else {
          await this.octokit.rest.repos.createOrUpdateFileContents({
            ...this.repo,
            path,
            message,
            content: Buffer.from(text).toString('base64'),
            branch: this.branch,
            ...(current.sha ? { sha: current.sha } : {}),
          });
        }
        return text;
      } catch (err) {
        const status = statusOf(err);
        if (permissionRefused(err)) {
          throw new GitHubUnavailable(`cannot write ${this.where}: HTTP ${status} (the job needs permissions: contents: write)`);
        }
        // 409: the file changed since it was read; 422: it or the branch appeared meanwhile. Read again.
        if (status !== 409 && status !== 422) throw err;
        current = await this.read(path);
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

  private async createBranchWith(path: string, content: string, message: string): Promise<void> {
    const tree = await this.octokit.rest.git.createTree({ ...this.repo, tree: [{ path, mode: '100644', type: 'blob', content }] });
    const commit = await this.octokit.rest.git.createCommit({ ...this.repo, message, tree: tree.data.sha, parents: [] });
    await this.octokit.rest.git.createRef({ ...this.repo, ref: `refs/heads/${this.branch}`, sha: commit.data.sha });
  }
}
