/**
 * bench/audits: 20 audits (5 each of compression, pagination, caching and size) against a local
 * target answering in 50 ms, all at once, as a ratio to the slowest single audit run alone
 * (caching: two requests in a row). Both are measured in this run, on this machine.
 * Goal: < 2x. Run: npm run bench:audits
 */
import { createHttpClient } from '../src/http/client.js';
import { runAudits } from '../src/checks/audits/run.js';
import { configSchema } from '../src/config/schema.js';
import { systemClock } from '../src/ports.js';
import { fmt, median, startTargetProcess } from './lib.js';

const ROUNDS = 7;
const target = await startTargetProcess(`
  import { createServer } from 'node:http';
  const users = Array.from({ length: 50 }, (_, i) => ({ id: i, name: 'User ' + i, email: 'u' + i + '@example.com' }));
  const s = createServer((q, r) => setTimeout(() => {
    const u = new URL(q.url, 'http://x');
    const limit = Number(u.searchParams.get('limit') ?? 20), page = Number(u.searchParams.get('page') ?? 1);
    const body = JSON.stringify(users.slice((page - 1) * limit, page * limit));
    if (q.headers['if-none-match'] === '"v1"') { r.writeHead(304, { etag: '"v1"' }); return r.end(); }
    r.writeHead(200, { 'content-type': 'application/json', etag: '"v1"', 'cache-control': 'max-age=300' });
    r.end(body);
  }, 50));
  s.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + s.address().port));
`);

const paths = (kind: string) => Array.from({ length: 5 }, (_, i) => `/api/${kind}${i}`);
const ALL = {
  compression: { paths: paths('c') },
  pagination: { paths: paths('p') },
  caching: { paths: paths('k') },
  size: Object.fromEntries(paths('s').map((p) => [p, '200kB'])),
};
const SINGLES: Record<string, Record<string, unknown>> = {
  compression: { compression: { paths: ['/api/c0'] } },
  pagination: { pagination: { paths: ['/api/p0'] } },
  caching: { caching: { paths: ['/api/k0'] } },
  size: { size: { '/api/s0': '200kB' } },
};

async function wall(audits: Record<string, unknown>, expected: number): Promise<number> {
  const env = configSchema.parse({ environments: { b: { url: target.url, audits: { ...audits, tls: false, headers: { hsts: false } } } } }).environments.b!;
  const http = createHttpClient(systemClock);
  const t0 = performance.now();
  const results = await runAudits(env, target.url, http, () => new Date());
  const ms = performance.now() - t0;
  await http.close();
  if (results.length !== expected) throw new Error(`expected ${expected} audits, got ${results.length}`);
  const failed = results.filter((r) => r.failure);
  if (failed.length) throw new Error(`${failed.length} audits failed: ${failed[0]!.failure!.message}`);
  return ms;
}

await wall(ALL, 20); // warm the JIT
const single: Record<string, number[]> = Object.fromEntries(Object.keys(SINGLES).map((k) => [k, []]));
const all: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  for (const [k, a] of Object.entries(SINGLES)) single[k]!.push(await wall(a, 1));
  all.push(await wall(ALL, 20));
}
target.stop();
const medians = Object.entries(single).map(([k, xs]) => [k, median(xs)] as const);
const [slowestName, slowest] = medians.reduce((a, b) => (b[1] > a[1] ? b : a));
const m20 = median(all);
console.log(`audits alone: ${medians.map(([k, m]) => `${k} ${fmt(m)} ms`).join(', ')} (medians of ${ROUNDS})`);
console.log(`audits: 20 at once ${fmt(m20)} ms; slowest single (${slowestName}) ${fmt(slowest)} ms; ratio ${fmt(m20 / slowest, 2)}x (goal < 2x)`);
