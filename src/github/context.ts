import { readFileSync } from 'node:fs';

/** What the runner tells the action about where it runs, read from its environment and event payload. */
export interface RunnerContext {
  readonly apiUrl: string;
  readonly owner?: string;
  readonly repo?: string;
  readonly eventName?: string;
  readonly ref?: string;
  readonly sha?: string;
  readonly defaultBranch?: string;
  readonly runUrl?: string;
  /** GitHub's web address (`https://github.com`, or a GitHub Enterprise server's). */
  readonly serverUrl: string;
  readonly event: Record<string, unknown>;
}

export function readRunnerContext(env: NodeJS.ProcessEnv): RunnerContext {
  let event: Record<string, unknown> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as Record<string, unknown>;
    } catch {
      event = {};
    }
  }
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const repository = event.repository as { default_branch?: string } | undefined;
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return {
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    owner: owner || undefined,
    repo: repo || undefined,
    eventName: env.GITHUB_EVENT_NAME,
    ref: env.GITHUB_REF,
    sha: env.GITHUB_SHA,
    defaultBranch: repository?.default_branch,
    runUrl: env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    serverUrl: server,
    event,
  };
}

