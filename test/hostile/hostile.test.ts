import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, runAction, type ActionRun } from '../helpers/action.js';
import { eventEnv } from '../helpers/events.js';
import { FakeGitHub } from '../helpers/fake-github.js';
import { TLS_CERT, deepJson, endlessChunkedServer, headerRecorder, httpServer, json, tlsServer, type Running } from '../helpers/servers.js';

// Hostile targets and configs against the built dist/index.js, all on 127.0.0.1. Every run is
// bounded (runAction kills a run after its timeout and says so in `hung`).

const UNEXPECTED = /unexpected error|Please report this/;
const reportOf = (r: ActionRun) => JSON.parse(readFileSync(join(r.workspace, 'launchguard-report.json'), 'utf8'));
/** Lines of stdout the runner would read as a workflow command. */
const commands = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::')).map((l) => l.slice(0, l.indexOf('::', 2) + 2));

describe('hostile input (dist/index.js)', () => {
  beforeAll(() => {
    expect(existsSync(DIST), 'dist/index.js is missing: run `npm run build`').toBe(true);
  });

  it('an endless chunked body under load: the load check caps what it buffers, and the run still reports', async () => {
    const target = await endlessChunkedServer();
    try {
      const cfg = `environments:
  production:
    health: [{ name: api, retries: 0, max-body-bytes: 1024 }]
    load: { connections: 1, duration: 2s, timeout: 3s }
`;
      const r = await runAction({ config: 'lg.yml', 'target-url': target.url, checks: 'health,load' }, { files: { 'lg.yml': cfg }, timeoutMs: 60_000 });
      expect(r.hung).toBe(false);
      expect(r.stdout).not.toMatch(UNEXPECTED);
      expect(r.outputs.status).toBeDefined();
      expect(r.summary).toContain('launchguard');
      const report = reportOf(r);
      expect(report.rows.some((x: { check: string; subject: string }) => x.check === 'health' && x.subject === 'api')).toBe(true);
      const load = report.findings.find((f: { check: string }) => f.check === 'load');
      expect(load, JSON.stringify(report.findings)).toBeDefined();
      expect(load.detail).toMatch(/body/);
    } finally {
      await target.close();
    }
  });

  it('an alert whose level is "__proto__" or "constructor" is an unknown level (a warning), never a lost finding', async () => {
    const target = await httpServer((_req, res) => json(res, 200, { alerts: [{ type: 'a', level: '__proto__', message: 'm1' }, { type: 'b', level: 'Constructor', message: 'm2' }] }));
    try {
      const cfg = `environments:\n  production:\n    metrics:\n      alerts: { path: /alerts, retries: 0 }\n`;
      const r = await runAction({ config: 'lg.yml', 'target-url': target.url, checks: 'metrics' }, { files: { 'lg.yml': cfg } });
      const report = reportOf(r);
      expect(report.findings.map((f: { subject: string; rule: string }) => [f.subject, f.rule])).toEqual([['alert-a', 'alert-warning'], ['alert-b', 'alert-warning']]);
      expect(report.findings[0].detail).toMatch(/its level, read from key "level", is "__proto__", not one of critical/);
      expect(JSON.stringify(report.rows)).not.toMatch(/native code/);
    } finally {
      await target.close();
    }
  });

  it('deeply nested JSON on a monitoring endpoint: that endpoint is a finding, the other checks are reported', async () => {
    const deep = deepJson(100_000); // 200 KB
    const target = await httpServer((req, res) => {
      if (req.url === '/system') return void res.writeHead(200, { 'content-type': 'application/json' }).end(deep);
      if (req.url === '/alerts') return void res.writeHead(200, { 'content-type': 'application/json' }).end(`{"alerts":${deep}}`);
      if (req.url === '/usage') return json(res, 200, { payments: { success_rate: 99.5 } });
      json(res, 200, { status: 'healthy' });
    });
    try {
      const cfg = `environments:
  production:
    health: [{ name: api, path: /health, retries: 0, expect: { body: [{ path: status, equals: healthy }] } }]
    metrics:
      system: { path: /system, retries: 0, cpu: { field: "0.0.0.0.0.0" } }
      usage: { path: /usage, retries: 0, payment-success-rate: { field: payments.success_rate, unit: percent } }
      alerts: { path: /alerts, retries: 0 }
`;
      const r = await runAction({ config: 'lg.yml', 'target-url': target.url }, { files: { 'lg.yml': cfg }, timeoutMs: 60_000 });
      expect(r.hung).toBe(false);
      expect(r.stdout).not.toMatch(UNEXPECTED);
      const report = reportOf(r);
      const subjects = report.findings.map((f: { fingerprint: string }) => f.fingerprint);
      expect(subjects).toContain('production:metrics:system-endpoint');
      expect(subjects).toContain('production:metrics:alerts-endpoint');
      expect(report.rows.find((x: { subject: string }) => x.subject === 'api').verdict).toBe('pass');
      expect(report.rows.find((x: { subject: string }) => x.subject === 'payment-success-rate').verdict).toBe('pass');
      expect(r.summary).toContain('too deeply nested');
    } finally {
      await target.close();
    }
  });

  it('a metric of 1e999 is unreadable, not Infinity: no "disk full"', async () => {
    const target = await httpServer((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"disk_percent": 1e999, "cpu_percent": -1e999}'));
    try {
      const cfg = `environments:
  production:
    metrics:
      system: { path: /m, retries: 0, disk: { field: disk_percent }, cpu: { field: cpu_percent } }
`;
      const r = await runAction({ config: 'lg.yml', 'target-url': target.url, checks: 'metrics' }, { files: { 'lg.yml': cfg } });
      const report = reportOf(r);
      expect(report.findings.map((f: { rule: string }) => f.rule)).toEqual(['metrics-field-missing', 'metrics-field-missing']);
      expect(r.outputs['worst-severity']).toBe('sev3'); // metrics-field-missing, SEV3 since issue 19
      expect(report.findings[0].detail).toMatch(/not a finite number/);
    } finally {
      await target.close();
    }
  });

  it('10,000 alerts: the summary stays under 1 MiB and says how many more are in the report', async () => {
    const alerts = Array.from({ length: 10_000 }, (_, i) => ({ type: `disk-${i}`, level: 'warning', message: `volume ${i} is filling up` }));
    const target = await httpServer((_req, res) => json(res, 200, { alerts }));
    try {
      const cfg = `environments:\n  production:\n    metrics:\n      alerts: { path: /alerts, retries: 0 }\n`;
      const r = await runAction({ config: 'lg.yml', 'target-url': target.url, checks: 'metrics', issues: 'false' }, { files: { 'lg.yml': cfg } });
      expect(r.hung).toBe(false);
      expect(r.outputs['findings-count']).toBe('10000');
      expect(Buffer.byteLength(r.summary)).toBeLessThan(1024 * 1024);
      expect(r.summary).toMatch(/and \d+ more findings? in the JSON report/);
      expect(reportOf(r).findings).toHaveLength(10_000);
    } finally {
      await target.close();
    }
  });

  it('10,000 critical alerts with incident issues on (the default): the summary stays under 1 MiB, issues capped per run', async () => {
    const alerts = Array.from({ length: 10_000 }, (_, i) => ({ type: `a${i}`, level: 'critical', message: `m${i}` }));
    const target = await httpServer((_req, res) => json(res, 200, { alerts }));
    const gh = await new FakeGitHub().start();
    try {
      const cfg = `environments:\n  production:\n    metrics:\n      alerts: { path: /alerts, retries: 0 }\nincidents:\n  max-new-per-run: 2\n`;
      const r = await runAction(
        { config: 'lg.yml', 'target-url': target.url, checks: 'metrics' },
        { files: { 'lg.yml': cfg }, timeoutMs: 90_000, env: { ...eventEnv('schedule'), GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'acme/api', GITHUB_REF: 'refs/heads/main', 'INPUT_GITHUB-TOKEN': 'ghs_write_token' } },
      );
      expect(r.hung).toBe(false);
      expect(r.outputs['findings-count']).toBe('10000');
      expect(gh.issues.length).toBe(2); // incidents.max-new-per-run
      expect(Buffer.byteLength(r.summary)).toBeLessThan(1024 * 1024);
      expect(r.summary).toMatch(/9998 more findings not opened as issues \(at most 2 new per run\): .*; and 9978 more in the JSON report/);
      expect(gh.violations).toEqual([]);
    } finally {
      await target.close();
      await gh.stop();
    }
  }, 150_000);

  it('an alerts body past the 1 MiB cap: a finding at the worst alert parsed so far (or SEV2), never a pass', async () => {
    const item = (i: number) => ({ type: `payments-${i}`, level: 'critical', message: `payment provider rejected batch ${i} ${'x'.repeat(260)}` });
    const many = JSON.stringify({ alerts: Array.from({ length: 3_400 }, (_, i) => item(i)) }); // about 1.07 MB
    expect(many.length).toBeGreaterThan(1024 * 1024);
    let body = many;
    const target = await httpServer((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    try {
      const cfg = `environments:\n  production:\n    metrics:\n      alerts: { path: /alerts, retries: 0 }\n`;
      const r = await runAction({ config: 'lg.yml', 'target-url': target.url, checks: 'metrics', issues: 'false' }, { files: { 'lg.yml': cfg } });
      expect(r.code).toBe(1);
      expect(r.outputs).toMatchObject({ status: 'fail', 'worst-severity': 'sev2' });
      const f = reportOf(r).findings.find((x: { fingerprint: string }) => x.fingerprint === 'production:metrics:alerts-endpoint');
      expect(f.detail).toMatch(/larger than 1048576 bytes; \d+ alerts read before the cap, the worst critical/);
      // Nothing readable before the cap: SEV2.
      body = `{"alerts": [${' '.repeat(1024 * 1024 + 10)}]}`;
      const r2 = await runAction({ config: 'lg.yml', 'target-url': target.url, checks: 'metrics', issues: 'false' }, { files: { 'lg.yml': cfg } });
      expect(r2.outputs).toMatchObject({ status: 'fail', 'worst-severity': 'sev2' });
    } finally {
      await target.close();
    }
  });

  describe('redirects', () => {
    let other: Running & { readonly seen: Record<string, string | string[] | undefined>[] };
    let plain: Running;
    let tls: Running;
    beforeAll(async () => {
      other = await headerRecorder();
      // The same origin redirects to /ok first (headers kept), then to the other origin (headers dropped).
      plain = await httpServer((req, res) => {
        if (req.url === '/start') return void res.writeHead(302, { location: '/hop' }).end();
        if (req.url === '/hop') {
          other.seen.length = 0;
          if (req.headers['x-api-key'] !== 'k-123') return json(res, 400, { detail: 'the same origin must keep the headers' });
          return void res.writeHead(307, { location: `${other.url}/landed` }).end();
        }
        json(res, 200, {});
      });
      tls = await tlsServer((_req, res) => void res.writeHead(302, { location: `${other.url}/cleartext` }).end());
    });
    afterAll(async () => {
      await Promise.all([other.close(), plain.close(), tls.close()]);
    });
    const headersCfg = (url: string, probe: string) => `environments:
  production:
    url: ${url}
    tls: { ca: cert.pem }
    headers:
      X-API-Key: k-123
      X-Custom-Tenant: tenant-42
      X-Signed: { value: sig-456, secret: true }
      Authorization: Bearer tok-789
      Cookie: session=c-0
    health:
      - ${probe}
`;
    const files = (cfg: string) => ({ 'lg.yml': cfg, 'cert.pem': readFileSync(TLS_CERT, 'utf8') });

    it('to another origin: every configured header is dropped, none reaches it', async () => {
      const r = await runAction({ config: 'lg.yml' }, { files: files(headersCfg(plain.url, '{ name: api, path: /start, retries: 0 }')) });
      expect(r.outputs.status).toBe('pass');
      expect(other.seen).toHaveLength(1);
      const seen = other.seen[0]!;
      expect(seen[':path']).toBe('/landed');
      for (const h of ['x-api-key', 'x-custom-tenant', 'x-signed', 'authorization', 'cookie']) expect(seen[h], h).toBeUndefined();
    });

    it('https to http is never followed unless the probe allows it', async () => {
      other.seen.length = 0;
      const r = await runAction({ config: 'lg.yml' }, { files: files(headersCfg(tls.url, '{ name: api, retries: 0 }')) });
      expect(r.outputs.status).toBe('fail');
      expect(other.seen).toHaveLength(0);
      expect(reportOf(r).findings[0].detail).toMatch(/redirect: .*https to http/);
      const allowed = await runAction({ config: 'lg.yml' }, { files: files(headersCfg(tls.url, '{ name: api, retries: 0, allow-insecure-redirect: true }')) });
      expect(allowed.outputs.status).toBe('pass');
      expect(other.seen).toHaveLength(1);
      for (const h of ['x-api-key', 'x-custom-tenant', 'x-signed', 'authorization', 'cookie']) expect(other.seen[0]![h], h).toBeUndefined();
    });

    it('more than 5 redirects: class redirect', async () => {
      let n = 0;
      const loop = await httpServer((_req, res) => void res.writeHead(302, { location: `/r${++n}` }).end());
      try {
        const r = await runAction({ 'target-url': loop.url });
        expect(reportOf(r).findings[0].detail).toMatch(/redirect: more than 5 redirects/);
        expect(n).toBe(6);
      } finally {
        await loop.close();
      }
    });
  });

  describe('GitHub', () => {
    let gh: FakeGitHub;
    beforeAll(async () => {
      gh = await new FakeGitHub().start();
    });
    afterAll(async () => {
      expect(gh.violations).toEqual([]);
      await gh.stop();
    });
    const env = (token = 'ghs_write_token') => ({
      GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: 'acme/api', ...eventEnv('schedule'), GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: 'feedfacefeedfacefeedfacefeedfacefeedface', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '7', 'INPUT_GITHUB-TOKEN': token,
    });

    it('newlines and ::commands:: in alert ids never start a workflow command, in logs or annotations', async () => {
      const evil = 'x\n::warning::pwned\n::add-mask::launchguard\r\n::stop-commands::t';
      const target = await httpServer((_req, res) => json(res, 200, { alerts: [{ type: evil, level: 'critical', message: evil }] }));
      try {
        const cfg = `environments:\n  production:\n    metrics:\n      alerts: { path: /alerts, retries: 0 }\n`;
        const r = await runAction({ config: 'lg.yml', 'target-url': target.url, checks: 'metrics' }, { files: { 'lg.yml': cfg }, env: env() });
        expect(r.stdout).toMatch(/^issues: opened #\d+ .*app alert x ::warning::pwned ::add-mask::launchguard +::stop-commands::t$/m);
        // The only commands: the token's own mask, the finding's annotation (its title escaped) and the verdict.
        expect(new Set(commands(r.stdout))).toEqual(new Set(['::add-mask::', '::error title=[SEV2] production%3A app alert x%0A%3A%3Awarning%3A%3Apwned%0A%3A%3Aadd-mask%3A%3Alaunchguard%0D%0A%3A%3Astop-commands%3A%3At::', '::error::']));
      } finally {
        await target.close();
      }
    });

    it('a 200 KB alert id and message: the issue, its comment and the summary stay within GitHub limits', async () => {
      const huge = 'disk-'.padEnd(200_000, 'z');
      const target = await httpServer((_req, res) => json(res, 200, { alerts: [{ type: huge, level: 'critical', message: huge }] }));
      try {
        const cfg = `environments:\n  production:\n    metrics:\n      alerts: { path: /alerts, retries: 0 }\n`;
        const r = await runAction({ config: 'lg.yml', 'target-url': target.url, checks: 'metrics' }, { files: { 'lg.yml': cfg }, env: env() });
        expect(r.stdout).toMatch(/issues: opened #\d+ /);
        expect(r.stdout).not.toMatch(/could not update the incident issues/);
        const issue = gh.issues.at(-1)!;
        expect(issue.title.length).toBeLessThanOrEqual(256);
        expect(issue.body.length).toBeLessThanOrEqual(65_536);
        expect(issue.body).toMatch(/more characters in launchguard-report\.json/);
        expect(r.summary.length).toBeLessThan(100_000);
      } finally {
        await target.close();
      }
    });

    it('the gate comment: a comment by someone else that carries the marker is never edited', async () => {
      const pr = gh.addIssue({ title: 'a pull request', pull_request: true });
      const target = await httpServer((_req, res) => json(res, 200, { status: 'healthy' }));
      const foreign = gh.addComment(pr.number, '<!-- launchguard:gate environment=production -->\nLooks like launchguard but is not', 'mallory');
      try {
        for (const token of ['ghs_write_token', 'ghp_personal_token']) {
          gh.writeTokens.add(token);
          const event = { ...eventEnv('pull_request') };
          const payload = JSON.parse(readFileSync(event.GITHUB_EVENT_PATH, 'utf8'));
          payload.number = pr.number;
          payload.pull_request.number = pr.number;
          writeFileSync(event.GITHUB_EVENT_PATH, JSON.stringify(payload));
          const r1 = await runAction({ 'target-url': target.url, mode: 'gate' }, { env: { ...env(token), ...event, GITHUB_REF: `refs/pull/${pr.number}/merge` } });
          expect(r1.stdout).not.toMatch(UNEXPECTED);
          const r2 = await runAction({ 'target-url': target.url, mode: 'gate' }, { env: { ...env(token), ...event, GITHUB_REF: `refs/pull/${pr.number}/merge` } });
          expect(r2.stdout).toContain(`gate: updated the comment on #${pr.number}`);
        }
        expect(foreign.body).toContain('Looks like launchguard but is not');
        const mine = gh.comments.filter((c) => c.issue === pr.number && c !== foreign);
        // One comment per identity: the GITHUB_TOKEN's bot and the PAT's user each keep their own.
        expect(mine.map((c) => c.user)).toEqual(['github-actions[bot]', 'octo-maintainer']);
      } finally {
        await target.close();
      }
    });
  });

  it('odd configs are config errors naming the key, never "unexpected error"', async () => {
    const target = await httpServer((_req, res) => json(res, 200, { status: 'healthy' }));
    const cases: [string, string, RegExp][] = [
      ['a path that is not a URL', `environments:\n  production:\n    health: [{ name: a, path: "http://[::1" }]\n`, /health\[0\]\.path: expected a path/],
      ['a monitoring path that is not a URL', `environments:\n  production:\n    metrics: { alerts: { path: "http://[x" } }\n`, /metrics\.alerts\.path: expected a path/],
      ['a CA file that does not exist', `environments:\n  production:\n    tls: { ca: nope.pem }\n    health: [{ name: a }]\n`, /tls\.ca: cannot read the CA file nope\.pem \(ENOENT\)/],
      ['a YAML alias bomb', `a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\nenvironments: {production: {health: [{name: a}]}}\n`, /YAML: Excessive alias count/],
      ['two probes of one name', `environments:\n  production:\n    health: [{ name: api }, { name: API }]\n`, /health\[1\]\.name: expected a unique name/],
      // Durations that would fail a healthy target, or switch a check off, are config errors (bounds on every duration).
      ['timeout: 0', `environments:\n  production:\n    health: [{ name: a, timeout: 0 }]\n`, /health\[0\]\.timeout: expected a duration above 0/],
      ['a 30-day probe timeout', `environments:\n  production:\n    health: [{ name: a, timeout: 30d }]\n`, /health\[0\]\.timeout: expected a duration of at most 10m/],
      ['a sub-millisecond timeout', `environments:\n  production:\n    health: [{ name: a, timeout: 0.5ms }]\n`, /health\[0\]\.timeout: expected a whole number of milliseconds/],
      ['a header value with a trailing newline', `environments:\n  production:\n    headers: { Authorization: "Bearer x\\n" }\n    health: [{ name: a }]\n`, /headers\.Authorization: the value holds a line break/],
    ];
    try {
      for (const [what, cfg, expected] of cases) {
        const r = await runAction({ config: 'lg.yml', 'target-url': target.url }, { files: { 'lg.yml': cfg } });
        expect(r.stdout, what).not.toMatch(UNEXPECTED);
        expect(r.stdout, what).toMatch(expected);
        expect(r.code, what).toBe(1);
      }
      const proto = await runAction({ config: 'lg.yml', 'target-url': target.url, environment: 'constructor' }, { files: { 'lg.yml': `environments:\n  production:\n    health: [{ name: a }]\n` } });
      expect(proto.stdout).toContain('input environment: "constructor" is not in');
    } finally {
      await target.close();
    }
  });

  it('the CLI prints target text one line at a time: no line starts a workflow command', async () => {
    const evil = 'x\n::warning::pwned\r\n::add-mask::launchguard\u2028::error::y';
    const target = await httpServer((_req, res) => json(res, 200, { alerts: [{ type: evil, level: 'critical', message: evil }] }));
    try {
      const cwd = mkdtempSync(join(tmpdir(), 'lg-cli-'));
      writeFileSync(join(cwd, 'lg.yml'), `environments:\n  production:\n    metrics:\n      alerts: { path: /alerts, retries: 0 }\n`);
      const child = spawn(process.execPath, [resolve('bin/launchguard.js'), 'check', '--config', 'lg.yml', '--target-url', target.url], { cwd, env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await new Promise<number | null>((res) => child.on('close', res));
      clearTimeout(timer);
      expect(code).toBe(1);
      expect(out).toMatch(/SEV2 {2}production: app alert x ::warning::pwned ::add-mask::launchguard ::error::y/);
      expect(commands(out)).toEqual([]);
    } finally {
      await target.close();
    }
  });
});
