// Issue 17, from an attacker's review: each of these failed on the first version of the audits check.
import { afterAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { runAudits } from '../../src/checks/audits/run.js';
import { configSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { createHttpClient } from '../../src/http/client.js';
import { systemClock } from '../../src/ports.js';
import * as S from '../helpers/servers.js';

const servers: S.Running[] = [];
afterAll(async () => { await Promise.all(servers.map((s) => s.close())); });
async function srv(h: Parameters<typeof S.httpServer>[0]) { const s = await S.httpServer(h); servers.push(s); return s.url; }
async function audit(url: string, audits: Record<string, unknown>) {
  const config = configSchema.parse({ environments: { t: { url, audits: { timeout: '2s', ...audits } } } });
  const env = config.environments.t!;
  const http = createHttpClient(systemClock);
  try {
    const results = await runAudits(env, url, http, () => new Date());
    const e = evaluate({ audits: results }, { environment: 't', config: env, severity: config.severity });
    return { results, ...e, rules: e.findings.map((f) => `${f.rule} ${f.severity} ${f.subject}`) };
  } finally { await http.close(); }
}

describe('audits: defects found in review', () => {
  it('size: a 5 MB body is over its 2 MB budget even when the budget is above max-body-bytes (1 MiB default)', async () => {
    const big = Buffer.alloc(5_000_000, 'a');
    const url = await srv((_q, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(big); });
    const r = await audit(url, { size: { '/big': '2MB' }, headers: { hsts: false } });
    // Today: no finding, the row says "1.05 MB … ✅ pass".
    expect(r.rules).toEqual(['audits-size sev3 size /big']);
  });

  it('concurrency: 100 audited paths (the most one audit takes) never put more than 20 requests in flight at once', async () => {
    let open = 0; let max = 0;
    const url = await srv((_q, res) => { open++; max = Math.max(max, open); setTimeout(() => { open--; S.json(res, 200, []); }, 50); });
    const paths = Array.from({ length: 100 }, (_, i) => `/p${i}`);
    expect(() => configSchema.parse({ environments: { t: { audits: { compression: { paths: [...paths, '/one-more'] } } } } })).toThrow(/at most 100/);
    await audit(url, { compression: { paths }, headers: { hsts: false } });
    expect(max).toBeLessThanOrEqual(20);
  });

  it('compression: a path that redirects to another origin (a CDN that gzips) is not a false "uncompressed" finding', async () => {
    const body = JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ id: i, name: `user ${i}` })));
    const cdn = await srv((q, res) => {
      const gz = String(q.headers['accept-encoding'] ?? '').includes('gzip');
      res.writeHead(200, { 'content-type': 'application/json', ...(gz ? { 'content-encoding': 'gzip', vary: 'Accept-Encoding' } : {}) });
      res.end(gz ? gzipSync(body) : body);
    });
    const origin = await srv((_q, res) => { res.writeHead(302, { location: `${cdn}/data` }); res.end(); });
    expect((await audit(cdn, { compression: { paths: ['/data'] } })).rules).toEqual([]);
    // Today: the client drops every header at the origin change, Accept-Encoding included → SEV4 finding.
    expect((await audit(origin, { compression: { paths: ['/data'] } })).rules).toEqual([]);
  });

  it('headers: on an http target the HSTS audit judges nothing, so a slow root must not be an audits-failed finding', async () => {
    const url = await srv((q, res) => { if (q.url === '/') return; /* root hangs */ S.json(res, 200, { small: 1 }); });
    const r = await audit(url, { timeout: '300ms', compression: { paths: ['/api'] } });
    // Today: ['audits-failed sev3 hsts /'] — a request that could never judge anything, on every http run.
    expect(r.rules).toEqual([]);
  });

  it('pagination: a configured path that already carries limit=1&page=2 is not "limit and page ignored"', async () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ id: i }));
    const url = await srv((q, res) => {
      const u = new URL(q.url!, 'http://x');
      const limit = Number(u.searchParams.get('limit') ?? 10); const page = Number(u.searchParams.get('page') ?? 1);
      S.json(res, 200, items.slice((page - 1) * limit, page * limit));
    });
    // The API paginates correctly; today this is 'audits-pagination sev3' (both requests are the same URL).
    expect((await audit(url, { pagination: { paths: ['/l?limit=1&page=2'] }, headers: { hsts: false } })).rules).toEqual([]);
  });
});
