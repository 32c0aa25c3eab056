import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudits } from '../../src/checks/audits/run.js';
import { configSchema } from '../../src/config/schema.js';
import { evaluate } from '../../src/evaluation/evaluate.js';
import { createHttpClient } from '../../src/http/client.js';
import { systemClock } from '../../src/ports.js';
import { apiHandler, type ApiOptions } from '../helpers/api-target.js';
import { makeTestCa, type TestCa } from '../helpers/certs.js';
import * as S from '../helpers/servers.js';

const DAY = 24 * 3600 * 1000;
const servers: S.Running[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});
async function api(o: ApiOptions): Promise<string> {
  const s = await S.httpServer(apiHandler(o));
  servers.push(s);
  return s.url;
}

/** Runs the audits against a target, then the whole evaluation (evaluate and render), as the pipeline does. */
async function audit(url: string, audits: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const config = configSchema.parse({ environments: { t: { url, audits: { timeout: '2s', ...audits }, ...extra } } });
  const env = config.environments.t!;
  const http = createHttpClient(systemClock, env.tls ? { rejectUnauthorized: env.tls['reject-unauthorized'], ...(env.tls.ca ? { caFile: env.tls.ca } : {}) } : undefined);
  try {
    const results = await runAudits(env, url, http, () => new Date());
    const evaluation = evaluate({ audits: results }, { environment: 't', config: env, severity: config.severity });
    return { results, ...evaluation, rules: evaluation.findings.map((f) => `${f.rule} ${f.severity} ${f.subject}`) };
  } finally {
    await http.close();
  }
}

describe('audits against local servers', () => {
  it('compression: an uncompressed JSON list is a SEV4 finding with the bytes gzip would save; the gzipped twin gives none', async () => {
    const cfg = { compression: { paths: ['/api/users'] } };
    const plain = await audit(await api({}), cfg);
    expect(plain.rules).toEqual(['audits-compression sev4 compression /api/users']);
    const f = plain.findings[0]!;
    const r = plain.results[0]!;
    expect(r.audit === 'compression' && r.gzipBytes! < r.bytes! / 2).toBe(true);
    expect(f.detail).toMatch(/without Content-Encoding; gzipped it would be .* less per response/);
    expect(f.remediation).toContain('GZipMiddleware');

    const gz = await audit(await api({ gzip: true }), cfg);
    expect(gz.findings).toEqual([]);
    expect(gz.rows).toEqual([expect.objectContaining({ subject: 'compression /api/users', verdict: 'pass', value: expect.stringContaining('gzip') })]);
    expect(gz.notes).toEqual([]);
  });

  it('compression: a small response passes; a compressed one without Vary is a note', async () => {
    const small = await audit(await api({ users: 2 }), { compression: { paths: ['/api/users'] } });
    expect(small.findings).toEqual([]);
    const vary = await S.httpServer((_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(Buffer.alloc(2000));
    });
    servers.push(vary);
    const noVary = await audit(vary.url, { compression: { paths: ['/x'] } });
    expect(noVary.findings).toEqual([]);
    expect(noVary.notes).toEqual([expect.stringContaining('no "Vary: Accept-Encoding"')]);
  });

  it('pagination: a list that ignores limit and page is a SEV3 finding; the paginated twin gives none', async () => {
    const cfg = { pagination: { paths: ['/api/users'] } };
    const ignoring = await audit(await api({ users: 50 }), cfg);
    expect(ignoring.rules).toEqual(['audits-pagination sev3 pagination /api/users']);
    expect(ignoring.findings[0]!.detail).toContain('limit and page are ignored (the second page equals the first)');

    const paged = await audit(await api({ users: 500, paginate: true }), cfg);
    expect(paged.findings).toEqual([]);
    expect(paged.rows[0]).toMatchObject({ verdict: 'pass', value: expect.stringContaining('20 items') });
  });

  it('pagination: a list over max-items or max-bytes is a finding naming the budget', async () => {
    const big = await audit(await api({ users: 500, paginate: false }), { pagination: { paths: ['/api/users'], 'max-items': 100, 'max-bytes': '10kB' } });
    expect(big.rules).toEqual(['audits-pagination sev3 pagination /api/users']);
    expect(big.findings[0]!.detail).toMatch(/500 items, over 100; .* kB, over 10 kB; limit and page are ignored/);
  });

  it('caching: an ETag that never yields 304 is a note, not a finding; the twin that answers 304 gives neither', async () => {
    const cfg = { caching: { paths: ['/api/packages'] } };
    const never = await audit(await api({ etag304: false }), cfg);
    expect(never.findings).toEqual([]);
    expect(never.notes).toEqual([expect.stringContaining('If-None-Match with it answered HTTP 200, not 304')]);
    const twin = await audit(await api({ etag304: true }), cfg);
    expect(twin.findings).toEqual([]);
    expect(twin.notes).toEqual([]);
    const r = twin.results[0]!;
    expect(r.audit === 'caching' && r.conditionalStatus).toBe(304);
  });

  it('caching: an unmet Cache-Control expectation is a SEV4 finding; met, it passes', async () => {
    const cfg = { caching: { paths: ['/api/packages'], expect: 'max-age>=60' } };
    const none = await audit(await api({ etag304: true }), cfg);
    expect(none.rules).toEqual(['audits-caching sev4 caching /api/packages']);
    const short = await audit(await api({ etag304: true, cacheControl: 'public, max-age=30' }), cfg);
    expect(short.rules).toEqual(['audits-caching sev4 caching /api/packages']);
    const ok = await audit(await api({ etag304: true, cacheControl: 'public, max-age=300' }), cfg);
    expect(ok.findings).toEqual([]);
  });

  it('size: a body over its budget is a SEV3 finding; under it, a pass', async () => {
    const url = await api({ users: 50 });
    const over = await audit(url, { size: { '/api/users': '1kB' } });
    expect(over.rules).toEqual(['audits-size sev3 size /api/users']);
    const under = await audit(url, { size: { '/api/users': '200kB' } });
    expect(under.findings).toEqual([]);
  });

  it('hostile answers: a body past the cap is judged on what was read, a pathological Cache-Control and deep JSON are read safely', async () => {
    const s = await S.httpServer((req, res) => {
      if (req.url?.startsWith('/deep')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(S.deepJson(100_000));
      }
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': `${',max-age'.repeat(1000)}=x`, etag: '"e"' });
      res.end(`[${'1,'.repeat(2_000_000)}1]`);
    });
    servers.push(s);
    const r = await audit(s.url, {
      'max-body-bytes': 100_000,
      compression: { paths: ['/big'] }, pagination: { paths: ['/big', '/deep'] }, caching: { paths: ['/big'], expect: 'max-age>=1' }, size: { '/big': '50kB' },
    });
    expect(r.rules.sort()).toEqual([
      'audits-caching sev4 caching /big', 'audits-compression sev4 compression /big', 'audits-pagination sev3 pagination /big', 'audits-size sev3 size /big',
    ]);
    expect(r.rows.find((x) => x.subject === 'size /big')!.value).toBe('100 kB or more');
    expect(r.rows.find((x) => x.subject === 'pagination /deep')!.verdict).toBe('skip');
  }, 20_000); // bounded by this test's own timeout: the reads stop at max-body-bytes

  it('an audited path that answers 404 is one audits-failed finding', async () => {
    const s = await S.httpServer((_q, res) => S.json(res, 404, { detail: 'Not Found' }));
    servers.push(s);
    const r = await audit(s.url, { compression: { paths: ['/nope'] } });
    expect(r.rules).toEqual(['audits-failed sev3 compression /nope']);
    expect(r.findings[0]!.detail).toContain('HTTP 404, expected 2xx');
  });
});

describe('audits: TLS certificates made in the test', () => {
  let ca: TestCa;
  const tls = async (leaf: { key: Buffer; cert: Buffer }, hsts = true) => {
    const s = await S.httpsServer(leaf, apiHandler({ hsts }));
    servers.push(s);
    return s.url;
  };
  beforeAll(() => {
    ca = makeTestCa();
  });

  it('a certificate that expires in 5 days is a SEV2 finding (under critical-days 7); the 90-day twin gives none', async () => {
    const soon = await audit(await tls(ca.leaf('soon', { days: 5 })), {}, { tls: { ca: ca.caFile } });
    expect(soon.rules).toEqual([`audits-tls-expiring-critical sev2 tls ${new URL(soon.results[0]!.url).host}`]);
    expect(soon.findings[0]!.detail).toMatch(/expires in 4\.9\d? days|expires in 5 days/);
    const twin = await audit(await tls(ca.leaf('fine', { days: 90 })), {}, { tls: { ca: ca.caFile } });
    expect(twin.findings).toEqual([]);
    expect(twin.rows.map((r) => `${r.subject} ${r.verdict}`)).toEqual([expect.stringMatching(/^hsts \/ pass$/), expect.stringMatching(/^tls 127\.0\.0\.1:\d+ pass$/)]);
  });

  it('a certificate that expires in 15 days is SEV3 (under warn-days 21)', async () => {
    const r = await audit(await tls(ca.leaf('warn', { days: 15 })), {}, { tls: { ca: ca.caFile } });
    expect(r.rules).toEqual([expect.stringMatching(/^audits-tls-expiring sev3 tls /)]);
  });

  it('a short-lived certificate (6 days, renewed every few) is judged against its lifetime, not 7 days: 5 days left is fine, 0.5 is not', async () => {
    const now = Date.now();
    const fresh = await audit(await tls(ca.leaf('short', { start: new Date(now - 1 * DAY), end: new Date(now + 5 * DAY) })), {}, { tls: { ca: ca.caFile } });
    expect(fresh.rules).toEqual([]);
    const late = await audit(await tls(ca.leaf('short-late', { start: new Date(now - 5.5 * DAY), end: new Date(now + 0.5 * DAY) })), {}, { tls: { ca: ca.caFile } });
    expect(late.rules).toEqual([expect.stringMatching(/^audits-tls-expiring-critical sev2 tls /)]);
  });

  it('an expired certificate is one SEV1 finding (CERT_HAS_EXPIRED is the expiry, not a second finding)', async () => {
    const now = Date.now();
    const expired = await audit(await tls(ca.leaf('expired', { start: new Date(now - 40 * DAY), end: new Date(now - 2 * DAY) })), {}, { tls: { ca: ca.caFile } });
    expect(expired.rules).toEqual([expect.stringMatching(/^audits-tls-expired sev1 tls 127\.0\.0\.1:\d+$/)]);
    const r = expired.results.find((x) => x.audit === 'tls')!;
    expect(r.audit === 'tls' && r.authorizationError).toBe('CERT_HAS_EXPIRED');
  });

  it('a certificate for another host is named ERR_TLS_CERT_ALTNAME_INVALID', async () => {
    const r = await audit(await tls(ca.leaf('other', { days: 90, san: 'DNS:other.example' })), {}, { tls: { ca: ca.caFile } });
    expect(r.rules).toEqual([expect.stringMatching(/^audits-tls-hostname sev2 tls-hostname 127\.0\.0\.1:\d+$/)]);
    expect(r.findings[0]!.detail).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('a certificate from a CA the run does not trust is named (the chain cannot be verified)', async () => {
    const r = await audit(await tls(ca.leaf('untrusted', { days: 90 })), {});
    expect(r.rules).toEqual([expect.stringMatching(/^audits-tls-chain sev2 tls-chain 127\.0\.0\.1:\d+$/)]);
    expect(r.findings[0]!.detail).toContain('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  });

  it('an incomplete chain (the intermediate not sent) is named; the full chain is the compliant twin', async () => {
    const inter = ca.intermediate('launchguard test intermediate');
    const leaf = inter.leaf('chained', { days: 90 });
    const partial = await audit(await tls(leaf), {}, { tls: { ca: ca.caFile } });
    expect(partial.rules).toEqual([expect.stringMatching(/^audits-tls-chain sev2 tls-chain 127\.0\.0\.1:\d+$/)]);
    expect(partial.findings[0]!.detail).toMatch(/UNABLE_TO_(VERIFY_LEAF_SIGNATURE|GET_ISSUER_CERT_LOCALLY)/);
    const full = await audit(await tls({ key: leaf.key, cert: Buffer.concat([leaf.cert, inter.cert]) }), {}, { tls: { ca: ca.caFile } });
    expect(full.findings).toEqual([]);
    const r = full.results.find((x) => x.audit === 'tls')!;
    expect(r.audit === 'tls' && r.chain).toEqual(['chained', 'launchguard test intermediate', 'launchguard test CA']);
  });

  it('with tls.reject-unauthorized: false, a self-signed certificate is a note and only its expiry is graded', async () => {
    const s = await S.selfSignedTlsServer();
    servers.push(s);
    const r = await audit(s.url, { headers: { hsts: false } }, { tls: { 'reject-unauthorized': false } });
    const t = r.results.find((x) => x.audit === 'tls')!;
    expect(t.audit === 'tls' && t.authorizationError).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY_LEAF_SIGNATURE/);
    expect(r.findings).toEqual([]); // the fixture certificate is valid for a century
    expect(r.notes).toEqual(expect.arrayContaining([expect.stringContaining('not graded: tls.reject-unauthorized is false')]));
  });

  it('https without HSTS is a SEV4 finding; tls: false and headers.hsts: false switch both off', async () => {
    const url = await tls(ca.leaf('nohsts', { days: 90 }), false);
    const r = await audit(url, {}, { tls: { ca: ca.caFile } });
    expect(r.rules).toEqual(['audits-hsts sev4 hsts /']);
    const off = await audit(url, { tls: false, headers: { hsts: false } }, { tls: { ca: ca.caFile } });
    expect(off.results).toEqual([]);
  });

  it('a TLS port that never answers is bounded by the timeout and reported', async () => {
    const hang = await S.hangServer();
    servers.push(hang);
    const r = await audit(hang.url.replace('http:', 'https:'), { timeout: '300ms', headers: { hsts: false } });
    expect(r.rules).toEqual([expect.stringMatching(/^audits-failed sev3 tls 127\.0\.0\.1:\d+$/)]);
    expect(r.findings[0]!.detail).toContain('300 ms'); // the audits' timeout bounded it, not a default
  }, 20_000); // the bound: a hang would run into this test's own timeout, not a timed assertion
});
