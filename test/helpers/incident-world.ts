import { runAction, type ActionRun } from './action.js';
import { eventEnv } from './events.js';
import { FakeGitHub } from './fake-github.js';
import { httpServer, json, type Running } from './servers.js';

/**
 * A world for incident scenarios: a target whose health and disk usage the test sets between runs,
 * the fake GitHub, and a function that runs the built action once, as a scheduled run on main would.
 */
export class IncidentWorld {
  up = true;
  disk = 50;
  /** What the app's alerts endpoint lists. */
  alerts: unknown[] = [];
  target!: Running;
  gh!: FakeGitHub;

  async start(): Promise<this> {
    this.target = await httpServer((q, res) => {
      if (q.url === '/metrics') return json(res, 200, { disk: this.disk });
      if (q.url === '/alerts') return json(res, 200, { alerts: this.alerts });
      if (!this.up) return json(res, 503, { status: 'down' });
      json(res, 200, { status: 'ok' });
    });
    this.gh = await new FakeGitHub().start();
    return this;
  }

  async stop(): Promise<void> {
    await this.target.close();
    await this.gh.stop();
  }

  config(extra = ''): string {
    return `environments:
  production:
    health:
      - { name: api, path: /health, retries: 0 }
    metrics:
      system:
        path: /metrics
        disk: { field: disk, levels: [{ above: 95, severity: sev2 }, { above: 90, severity: sev3 }] }
${extra}`;
  }

  run(opts: { config?: string; token?: string; inputs?: Record<string, string>; env?: NodeJS.ProcessEnv } = {}): Promise<ActionRun> {
    return runAction(
      { config: 'lg.yml', 'target-url': this.target.url, 'fail-on': 'none', ...opts.inputs },
      {
        files: { 'lg.yml': opts.config ?? this.config() },
        timeoutMs: 60_000,
        env: {
          GITHUB_API_URL: this.gh.url,
          GITHUB_REPOSITORY: 'acme/api',
          ...eventEnv('schedule'), // the real payload: the cron line only
          GITHUB_REF: 'refs/heads/main',
          GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
          GITHUB_SERVER_URL: 'https://github.com',
          GITHUB_RUN_ID: String(Math.floor(Math.random() * 1e6)),
          'INPUT_GITHUB-TOKEN': opts.token ?? 'ghs_write_token',
          ...opts.env,
        },
      },
    );
  }

  open() {
    return this.gh.issues.filter((i) => i.state === 'open');
  }

  commentsOf(n: number): string[] {
    return this.gh.comments.filter((c) => c.issue === n).map((c) => c.body);
  }
}
