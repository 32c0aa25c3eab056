import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { OpenApiValidator } from './openapi.js';

/**
 * A stateful fake of GitHub's REST API on 127.0.0.1. Every request and every response is checked
 * against GitHub's OpenAPI description; tests assert `violations` is empty. Faults can be queued.
 */

export interface Fault {
  /** Which requests it applies to, e.g. "PUT /repos/acme/api/contents/". Matches a prefix of "METHOD path". */
  readonly match: string;
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
  /** Destroy the connection instead of answering. */
  readonly reset?: boolean;
  /** Let the request through to the state first, then answer with the fault (a write that landed but failed). */
  readonly afterApply?: boolean;
}

export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  created_at: string;
  /** The author's login. */
  user: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  pull_request?: boolean;
}

interface FileEntry {
  content: Buffer;
  sha: string;
}

interface Commit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
}

const validator = new OpenApiValidator();

/** The contents API's limit: larger files are a 403 too_large. */
export const CONTENTS_API_MAX = 1024 * 1024;
const sha1 = (s: string | Buffer) => createHash('sha1').update(s).digest('hex');
const blobSha = (content: Buffer) => sha1(Buffer.concat([Buffer.from(`blob ${content.length}\0`), content]));

export class FakeGitHub {
  readonly owner = 'acme';
  readonly repo = 'api';
  readonly violations: string[] = [];
  readonly log: { method: string; path: string; status: number }[] = [];
  /** Every request as it arrived: method, path with query, and raw body (for tests that look for leaks). */
  readonly received: string[] = [];
  readonly faults: Fault[] = [];
  /** Tokens allowed to write; any other token (or none) may only read. */
  readonly writeTokens = new Set(['ghs_write_token']);
  /** Called before a request is handled: a test can change state under a running client. */
  beforeHandle?: (method: string, path: string) => void;

  /** The repository's default branch, as GET /repos/{owner}/{repo} reports it. */
  defaultBranch = 'main';
  /** How many times the repository was read (the default-branch lookup is cached per run). */
  repoReads = 0;
  readonly branches = new Map<string, { commit: string }>();
  readonly issues: FakeIssue[] = [];
  readonly labels = new Map<string, { id: number; name: string; color: string; description: string | null }>();
  readonly comments: FakeComment[] = [];
  /**
   * Who a token is. A GITHUB_TOKEN (`ghs_…`, the default) acts as github-actions[bot] and gets 403
   * on GET /user, as GitHub answers an installation token; a personal token (`ghp_…`,
   * `github_pat_…`) is the user `octo-maintainer`, which GET /user returns.
   */
  identityOf(token: string): string {
    return token.startsWith('ghp_') || token.startsWith('github_pat_') ? 'octo-maintainer' : 'github-actions[bot]';
  }
  private nextId = 1000;
  /** The clock the fake stamps issues with; tests move it to simulate runs hours apart. */
  now: () => Date = () => new Date();
  private readonly trees = new Map<string, Map<string, FileEntry>>();
  private readonly commits = new Map<string, Commit>();
  private server = createServer((req, res) => void this.handle(req, res));
  private readonly sockets = new Set<Socket>();
  url = '';

  constructor() {
    this.commitFiles('main', new Map([['README.md', this.entry('# api\n')]]), 'initial', []);
  }

  async start(): Promise<this> {
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  // ------------------------------------------------------------ state helpers for tests

  private entry(text: string | Buffer): FileEntry {
    const content = Buffer.isBuffer(text) ? text : Buffer.from(text);
    return { content, sha: blobSha(content) };
  }

  private commitFiles(branch: string | undefined, files: Map<string, FileEntry>, message: string, parents: string[]): Commit {
    const treeSha = sha1(JSON.stringify([...files].map(([p, f]) => [p, f.sha])) + Math.random());
    this.trees.set(treeSha, files);
    const commit = { sha: sha1(treeSha + message + parents.join() + Math.random()), tree: treeSha, parents, message };
    this.commits.set(commit.sha, commit);
    if (branch) this.branches.set(branch, { commit: commit.sha });
    return commit;
  }

  filesOf(branch: string): Map<string, FileEntry> | undefined {
    const b = this.branches.get(branch);
    return b ? this.trees.get(this.commits.get(b.commit)!.tree) : undefined;
  }

  readFile(branch: string, path: string): string | undefined {
    return this.filesOf(branch)?.get(path)?.content.toString('utf8');
  }

  /** Writes a file as another client would, making a new commit. */
  writeFile(branch: string, path: string, text: string): void {
    const files = new Map(this.filesOf(branch) ?? []);
    files.set(path, this.entry(text));
    this.commitFiles(branch, files, `write ${path}`, this.branches.has(branch) ? [this.branches.get(branch)!.commit] : []);
  }

  count(prefix: string): number {
    return this.log.filter((l) => `${l.method} ${l.path}`.startsWith(prefix)).length;
  }

  // ------------------------------------------------------------ HTTP

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    this.received.push(`${method} ${req.url ?? ''}\n${raw}`);
    let body: unknown;
    if (raw !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        this.violations.push(`${method} ${url.pathname}: the request body is not JSON`);
      }
    }
    this.violations.push(...validator.checkRequest(method, url, body));
    this.beforeHandle?.(method, url.pathname);

    const key = `${method} ${url.pathname}`;
    const fi = this.faults.findIndex((f) => key.startsWith(f.match));
    const fault = fi >= 0 ? this.faults.splice(fi, 1)[0] : undefined;
    if (fault?.reset) {
      if (fault.afterApply) this.route(method, url, body, req);
      this.log.push({ method, path: url.pathname, status: 0 });
      req.socket.destroy();
      return;
    }
    let status: number;
    let out: unknown;
    let headers: Record<string, string> = {};
    if (fault) {
      if (fault.afterApply) this.route(method, url, body, req);
      status = fault.status ?? 500;
      out = fault.body ?? { message: 'fault injected', documentation_url: 'https://docs.github.com/rest' };
      headers = fault.headers ?? {};
    } else {
      [status, out, headers = {}] = this.route(method, url, body, req);
      this.violations.push(...validator.checkResponse(method, url.pathname, status, out));
    }
    this.log.push({ method, path: url.pathname, status });
    const text = out === undefined ? '' : JSON.stringify(out);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-remaining': '4999', ...headers });
    res.end(text);
  }

  private tokenOf(req: IncomingMessage): string {
    return (req.headers.authorization ?? '').replace(/^(token|bearer)\s+/i, '');
  }

  private canWrite(req: IncomingMessage): boolean {
    return this.writeTokens.has(this.tokenOf(req));
  }

  private error(status: number, message: string): [number, unknown] {
    return [status, { message, documentation_url: 'https://docs.github.com/rest' }];
  }

  private route(method: string, url: URL, body: any, req: IncomingMessage): [number, unknown, Record<string, string>?] {
    const base = `/repos/${this.owner}/${this.repo}`;
    const path = url.pathname;
    if (path === '/user' && method === 'GET') {
      const who = this.identityOf(this.tokenOf(req));
      return who.endsWith('[bot]') ? this.error(403, 'Resource not accessible by integration') : [200, this.authenticatedUser(who)];
    }
    if (!path.startsWith(base)) return this.error(404, 'Not Found');
    const rest = path.slice(base.length);
    const write = method !== 'GET';
    if (write && !this.canWrite(req)) return this.error(403, 'Resource not accessible by integration');

    let m: RegExpExecArray | null;
    if ((m = /^\/contents\/(.+)$/.exec(rest))) {
      const filePath = decodeURIComponent(m[1]!);
      if (method === 'GET') return this.getContent(filePath, url.searchParams.get('ref') ?? 'main');
      if (method === 'PUT') return this.putContent(filePath, body);
    }
    if ((m = /^\/git\/blobs\/([0-9a-f]+)$/.exec(rest)) && method === 'GET') return this.getBlob(m[1]!);
    if ((m = /^\/git\/ref\/(.+)$/.exec(rest)) && method === 'GET') {
      const ref = decodeURIComponent(m[1]!);
      const branch = ref.replace(/^heads\//, '');
      const b = this.branches.get(branch);
      if (!ref.startsWith('heads/') || !b) return this.error(404, 'Not Found');
      return [200, this.gitRef(branch, b.commit)];
    }
    if (rest === '/git/trees' && method === 'POST') {
      const files = new Map<string, FileEntry>();
      if (body.base_tree) for (const [p, f] of this.trees.get(body.base_tree) ?? []) files.set(p, f);
      for (const t of body.tree as { path: string; content?: string }[]) files.set(t.path, this.entry(t.content ?? ''));
      const sha = sha1(JSON.stringify([...files].map(([p, f]) => [p, f.sha])));
      this.trees.set(sha, files);
      return [201, {
        sha,
        url: `${this.url}${base}/git/trees/${sha}`,
        truncated: false,
        tree: [...files].map(([p, f]) => ({ path: p, mode: '100644', type: 'blob', sha: f.sha, size: f.content.length, url: `${this.url}${base}/git/blobs/${f.sha}` })),
      }];
    }
    if (rest === '/git/commits' && method === 'POST') {
      if (!this.trees.has(body.tree)) return this.error(422, 'Tree SHA does not exist');
      const c = { sha: sha1(body.tree + body.message + (body.parents ?? []).join() + Math.random()), tree: body.tree, parents: body.parents ?? [], message: body.message };
      this.commits.set(c.sha, c);
      return [201, this.gitCommit(c)];
    }
    if (rest === '/git/refs' && method === 'POST') {
      const branch = String(body.ref).replace(/^refs\/heads\//, '');
      if (this.branches.has(branch)) return this.error(422, 'Reference already exists');
      if (!this.commits.has(body.sha)) return this.error(422, 'Object does not exist');
      this.branches.set(branch, { commit: body.sha });
      return [201, this.gitRef(branch, body.sha)];
    }
    if (rest === '' && method === 'GET') {
      this.repoReads++;
      return [200, this.repoJson()];
    }
    return this.routeIssues(method, rest, url, body, req) ?? this.error(404, 'Not Found');
  }

  /** GET /repos/{owner}/{repo}: the full repository, as GitHub's OpenAPI description requires it. */
  private repoJson() {
    const api = `${this.url}/repos/${this.owner}/${this.repo}`;
    const html = `https://github.com/${this.owner}/${this.repo}`;
    const at = '2026-01-05T10:00:00Z';
    const u = (s: string) => `${api}/${s}`;
    return {
      id: 700001, node_id: 'R_kgDOAcme', name: this.repo, full_name: `${this.owner}/${this.repo}`, private: true, owner: this.user(), html_url: html,
      description: null, fork: false, url: api, archive_url: u('{archive_format}{/ref}'), assignees_url: u('assignees{/user}'), blobs_url: u('git/blobs{/sha}'),
      branches_url: u('branches{/branch}'), collaborators_url: u('collaborators{/collaborator}'), comments_url: u('comments{/number}'), commits_url: u('commits{/sha}'),
      compare_url: u('compare/{base}...{head}'), contents_url: u('contents/{+path}'), contributors_url: u('contributors'), deployments_url: u('deployments'),
      downloads_url: u('downloads'), events_url: u('events'), forks_url: u('forks'), git_commits_url: u('git/commits{/sha}'), git_refs_url: u('git/refs{/sha}'),
      git_tags_url: u('git/tags{/sha}'), git_url: `git://github.com/${this.owner}/${this.repo}.git`, issue_comment_url: u('issues/comments{/number}'),
      issue_events_url: u('issues/events{/number}'), issues_url: u('issues{/number}'), keys_url: u('keys{/key_id}'), labels_url: u('labels{/name}'),
      languages_url: u('languages'), merges_url: u('merges'), milestones_url: u('milestones{/number}'), notifications_url: u('notifications{?since,all,participating}'),
      pulls_url: u('pulls{/number}'), releases_url: u('releases{/id}'), ssh_url: `git@github.com:${this.owner}/${this.repo}.git`, stargazers_url: u('stargazers'),
      statuses_url: u('statuses/{sha}'), subscribers_url: u('subscribers'), subscription_url: u('subscription'), tags_url: u('tags'), teams_url: u('teams'),
      trees_url: u('git/trees{/sha}'), clone_url: `${html}.git`, mirror_url: null, hooks_url: u('hooks'), svn_url: html, homepage: null, language: 'Python',
      forks_count: 0, forks: 0, stargazers_count: 0, watchers_count: 0, watchers: 0, size: 120, default_branch: this.defaultBranch, open_issues_count: 0, open_issues: 0,
      has_issues: true, has_projects: false, has_wiki: false, has_pages: false, has_discussions: false, archived: false, disabled: false, visibility: 'private',
      pushed_at: at, created_at: at, updated_at: at, license: null, network_count: 0, subscribers_count: 1,
    };
  }

  // ------------------------------------------------------------ issues, labels, comments

  private user(login = 'github-actions[bot]') {
    const bot = login.endsWith('[bot]');
    const u = `https://api.github.com/users/${encodeURIComponent(login)}`;
    const id = bot ? 41898282 : 1000 + login.length;
    return {
      login, id, node_id: bot ? 'MDM6Qm90NDE4OTgyODI=' : `U_${id}`, avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`, gravatar_id: '',
      url: u, html_url: bot ? 'https://github.com/apps/github-actions' : `https://github.com/${login}`, followers_url: `${u}/followers`, following_url: `${u}/following{/other_user}`,
      gists_url: `${u}/gists{/gist_id}`, starred_url: `${u}/starred{/owner}{/repo}`, subscriptions_url: `${u}/subscriptions`, organizations_url: `${u}/orgs`,
      repos_url: `${u}/repos`, events_url: `${u}/events{/privacy}`, received_events_url: `${u}/received_events`, type: bot ? 'Bot' : 'User', site_admin: false,
    };
  }

  /** GET /user as GitHub answers it for a personal token (the public view). */
  private authenticatedUser(login: string) {
    return {
      ...this.user(login), user_view_type: 'public', name: null, company: null, blog: '', location: null, email: null, hireable: null, bio: null,
      public_repos: 1, public_gists: 0, followers: 0, following: 0, created_at: '2020-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
    };
  }

  /** Adds a comment as a person or another tool would. */
  addComment(issue: number, body: string, user: string): FakeComment {
    const c = { id: this.nextId++, issue, body, created_at: this.now().toISOString(), user };
    this.comments.push(c);
    return c;
  }

  private labelJson(name: string) {
    const l = this.labels.get(name.toLowerCase()) ?? { id: 1, name, color: 'ededed', description: null };
    return { id: l.id, node_id: `LA_${l.id}`, url: `${this.url}/repos/${this.owner}/${this.repo}/labels/${encodeURIComponent(l.name)}`, name: l.name, description: l.description, color: l.color, default: false };
  }

  private issueJson(i: FakeIssue) {
    const base = `${this.url}/repos/${this.owner}/${this.repo}`;
    return {
      id: 500000 + i.number, node_id: `I_${i.number}`, url: `${base}/issues/${i.number}`, repository_url: base,
      labels_url: `${base}/issues/${i.number}/labels{/name}`, comments_url: `${base}/issues/${i.number}/comments`, events_url: `${base}/issues/${i.number}/events`,
      html_url: `https://github.com/${this.owner}/${this.repo}/issues/${i.number}`, number: i.number, state: i.state, state_reason: i.state_reason,
      title: i.title, body: i.body, user: this.user(), labels: i.labels.map((n) => this.labelJson(n)), assignee: null, assignees: [], milestone: null,
      locked: false, active_lock_reason: null, comments: this.comments.filter((c) => c.issue === i.number).length,
      ...(i.pull_request ? { pull_request: { url: `${base}/pulls/${i.number}`, html_url: `https://github.com/${this.owner}/${this.repo}/pull/${i.number}`, diff_url: null, patch_url: null } } : {}),
      closed_at: i.closed_at, created_at: i.created_at, updated_at: i.updated_at, author_association: 'NONE',
    };
  }

  private commentJson(c: FakeComment) {
    const base = `${this.url}/repos/${this.owner}/${this.repo}`;
    return {
      id: c.id, node_id: `IC_${c.id}`, url: `${base}/issues/comments/${c.id}`, html_url: `https://github.com/${this.owner}/${this.repo}/issues/${c.issue}#issuecomment-${c.id}`,
      body: c.body, user: this.user(c.user), created_at: c.created_at, updated_at: c.created_at, issue_url: `${base}/issues/${c.issue}`, author_association: 'NONE',
    };
  }

  /** Adds an issue as a person or another tool would. */
  addIssue(i: Partial<FakeIssue> & { title: string }): FakeIssue {
    const at = this.now().toISOString();
    const issue: FakeIssue = { number: this.issues.length + 1, body: '', state: 'open', state_reason: null, labels: [], created_at: at, updated_at: at, closed_at: null, ...i };
    this.issues.push(issue);
    return issue;
  }

  private touch(i: FakeIssue): void {
    i.updated_at = this.now().toISOString();
  }

  private routeIssues(method: string, rest: string, url: URL, body: any, req: IncomingMessage): [number, unknown, Record<string, string>?] | undefined {
    let m: RegExpExecArray | null;
    // GitHub's limits on issue and comment text: longer is refused with 422, nothing is written.
    if (method !== 'GET' && typeof body?.body === 'string' && body.body.length > 65_536) return this.error(422, 'Validation Failed: body is too long (maximum is 65536 characters)');
    if (method !== 'GET' && typeof body?.title === 'string' && body.title.length > 256) return this.error(422, 'Validation Failed: title is too long (maximum is 256 characters)');
    if (rest === '/issues' && method === 'GET') {
      const q = url.searchParams;
      const wanted = (q.get('labels') ?? '').split(',').filter(Boolean);
      const state = q.get('state') ?? 'open';
      let list = this.issues.filter((i) => (state === 'all' || i.state === state) && wanted.every((w) => i.labels.includes(w)));
      const key = q.get('sort') === 'created' ? 'created_at' : 'updated_at';
      list = [...list].sort((a, b) => (a[key] < b[key] ? 1 : a[key] > b[key] ? -1 : b.number - a.number));
      if (q.get('direction') === 'asc') list.reverse();
      const per = Number(q.get('per_page') ?? 30);
      const page = Number(q.get('page') ?? 1);
      return [200, list.slice((page - 1) * per, page * per).map((i) => this.issueJson(i))];
    }
    if (rest === '/issues' && method === 'POST') {
      for (const l of body.labels ?? []) if (!this.labels.has(String(l).toLowerCase())) this.labels.set(String(l).toLowerCase(), { id: this.nextId++, name: String(l), color: 'ededed', description: null });
      const i = this.addIssue({ title: body.title, body: body.body ?? '', labels: [...(body.labels ?? [])] });
      return [201, this.issueJson(i), { location: `${this.url}/repos/${this.owner}/${this.repo}/issues/${i.number}` }];
    }
    if ((m = /^\/issues\/(\d+)$/.exec(rest))) {
      const i = this.issues.find((x) => x.number === Number(m![1]));
      if (!i) return this.error(404, 'Not Found');
      if (method === 'GET') return [200, this.issueJson(i)];
      if (method === 'PATCH') {
        if (body.title !== undefined) i.title = body.title;
        if (body.body !== undefined) i.body = body.body;
        if (body.state && body.state !== i.state) {
          i.state = body.state;
          i.closed_at = body.state === 'closed' ? this.now().toISOString() : null;
          i.state_reason = body.state_reason ?? (body.state === 'closed' ? 'completed' : 'reopened');
        }
        this.touch(i);
        return [200, this.issueJson(i)];
      }
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const n = Number(m[1]);
      const i = this.issues.find((x) => x.number === n);
      if (!i) return this.error(404, 'Not Found');
      if (method === 'GET') return [200, this.comments.filter((c) => c.issue === n).map((c) => this.commentJson(c))];
      if (method === 'POST') {
        const c = { id: this.nextId++, issue: n, body: String(body.body), created_at: this.now().toISOString(), user: this.identityOf(this.tokenOf(req)) };
        this.comments.push(c);
        this.touch(i);
        return [201, this.commentJson(c), { location: `${this.url}/repos/${this.owner}/${this.repo}/issues/comments/${c.id}` }];
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest)) && method === 'PATCH') {
      const c = this.comments.find((x) => x.id === Number(m![1]));
      if (!c) return this.error(404, 'Not Found');
      c.body = String(body.body);
      return [200, this.commentJson(c)];
    }
    if ((m = /^\/issues\/(\d+)\/labels$/.exec(rest)) && method === 'POST') {
      const i = this.issues.find((x) => x.number === Number(m![1]));
      if (!i) return this.error(404, 'Not Found');
      const names: string[] = Array.isArray(body) ? body : (body.labels ?? []);
      for (const n of names) {
        if (!this.labels.has(n.toLowerCase())) this.labels.set(n.toLowerCase(), { id: this.nextId++, name: n, color: 'ededed', description: null });
        if (!i.labels.includes(n)) i.labels.push(n);
      }
      this.touch(i);
      return [200, i.labels.map((n) => this.labelJson(n))];
    }
    if ((m = /^\/issues\/(\d+)\/labels\/(.+)$/.exec(rest)) && method === 'DELETE') {
      const i = this.issues.find((x) => x.number === Number(m![1]));
      const name = decodeURIComponent(m[2]!);
      if (!i || !i.labels.includes(name)) return this.error(404, 'Label does not exist');
      i.labels = i.labels.filter((l) => l !== name);
      this.touch(i);
      return [200, i.labels.map((n) => this.labelJson(n))];
    }
    if (rest === '/labels' && method === 'GET') {
      const per = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      return [200, [...this.labels.values()].slice((page - 1) * per, page * per).map((l) => this.labelJson(l.name))];
    }
    if (rest === '/labels' && method === 'POST') {
      const name = String(body.name);
      if (this.labels.has(name.toLowerCase())) return [422, { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }], documentation_url: 'https://docs.github.com/rest' }];
      this.labels.set(name.toLowerCase(), { id: this.nextId++, name, color: body.color ?? 'ededed', description: body.description ?? null });
      return [201, this.labelJson(name), { location: `${this.url}/repos/${this.owner}/${this.repo}/labels/${encodeURIComponent(name)}` }];
    }
    return undefined;
  }

  private contentFile(path: string, f: FileEntry, withContent: boolean) {
    const base = `${this.url}/repos/${this.owner}/${this.repo}`;
    const html = `https://github.com/${this.owner}/${this.repo}/blob/x/${path}`;
    return {
      type: 'file',
      ...(withContent ? { encoding: 'base64', content: f.content.toString('base64') } : {}),
      size: f.content.length,
      name: path.split('/').pop()!,
      path,
      sha: f.sha,
      url: `${base}/contents/${path}`,
      git_url: `${base}/git/blobs/${f.sha}`,
      html_url: html,
      download_url: `https://raw.githubusercontent.com/${this.owner}/${this.repo}/x/${path}`,
      _links: { git: `${base}/git/blobs/${f.sha}`, html, self: `${base}/contents/${path}` },
    };
  }

  private getContent(path: string, ref: string): [number, unknown] {
    const files = this.filesOf(ref);
    const f = files?.get(path);
    if (!f) {
      // A folder: its entries, without content (GitHub lists them whatever their size).
      const inside = [...(files ?? [])].filter(([p]) => p.startsWith(`${path}/`) && !p.slice(path.length + 1).includes('/'));
      if (inside.length === 0) return this.error(404, 'Not Found');
      return [200, inside.map(([p, e]) => this.contentFile(p, e, false))];
    }
    // GitHub's contents API serves files up to 1 MB; larger ones are a 403 too_large (the git blobs API serves up to 100 MB).
    if (f.content.length > CONTENTS_API_MAX) {
      return [403, {
        message: 'This API returns blobs up to 1 MB in size. The requested blob is too large to fetch via the API, but you can use the Git Data API to request blobs up to 100 MB in size.',
        errors: [{ resource: 'Blob', field: 'data', code: 'too_large' }],
        documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content',
      }];
    }
    return [200, this.contentFile(path, f, true)];
  }

  private getBlob(sha: string): [number, unknown] {
    for (const files of this.trees.values()) {
      for (const f of files.values()) {
        if (f.sha !== sha) continue;
        const base = `${this.url}/repos/${this.owner}/${this.repo}`;
        return [200, { sha, node_id: `BLOB_${sha}`, size: f.content.length, url: `${base}/git/blobs/${sha}`, content: f.content.toString('base64'), encoding: 'base64' }];
      }
    }
    return this.error(404, 'Not Found');
  }

  private putContent(path: string, body: { message: string; content: string; sha?: string; branch?: string }): [number, unknown] {
    const branch = body.branch ?? 'main';
    const files = this.filesOf(branch);
    if (!files) return this.error(404, `Branch ${branch} not found`);
    const existing = files.get(path);
    if (existing && !body.sha) return this.error(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
    if (existing && body.sha !== existing.sha) return this.error(409, `${path} does not match ${body.sha}`);
    if (!existing && body.sha) return this.error(409, `${path} does not match ${body.sha}`);
    const next = new Map(files);
    const e = this.entry(Buffer.from(body.content, 'base64'));
    next.set(path, e);
    const c = this.commitFiles(branch, next, body.message, [this.branches.get(branch)!.commit]);
    return [existing ? 200 : 201, { content: this.contentFile(path, e, false), commit: this.gitCommit(c) }];
  }

  private gitRef(branch: string, sha: string) {
    const base = `${this.url}/repos/${this.owner}/${this.repo}`;
    return { ref: `refs/heads/${branch}`, node_id: `REF_${branch}`, url: `${base}/git/refs/heads/${branch}`, object: { type: 'commit', sha, url: `${base}/git/commits/${sha}` } };
  }

  private gitCommit(c: Commit) {
    const base = `${this.url}/repos/${this.owner}/${this.repo}`;
    const who = { name: 'github-actions[bot]', email: 'bot@example.com', date: new Date().toISOString() };
    return {
      sha: c.sha,
      node_id: `C_${c.sha.slice(0, 8)}`,
      url: `${base}/git/commits/${c.sha}`,
      html_url: `https://github.com/${this.owner}/${this.repo}/commit/${c.sha}`,
      author: who,
      committer: who,
      message: c.message,
      tree: { sha: c.tree, url: `${base}/git/trees/${c.tree}` },
      parents: c.parents.map((p) => ({ sha: p, url: `${base}/git/commits/${p}`, html_url: `https://github.com/${this.owner}/${this.repo}/commit/${p}` })),
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    };
  }
}
