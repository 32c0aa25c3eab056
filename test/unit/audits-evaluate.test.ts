import { describe, expect, it } from 'vitest';
import type { EvalContext } from '../../src/checks/check.js';
import { parseCacheControl, parseCacheExpect } from '../../src/checks/audits/cache-control.js';
import { evaluateAudits } from '../../src/checks/audits/evaluate.js';
import { renderAudits } from '../../src/checks/audits/render.js';
import type { AuditResult, TlsResult } from '../../src/checks/audits/types.js';
import { parseByteSize } from '../../src/config/fields.js';
import { parseConfigText } from '../../src/config/load.js';
import { configSchema, type EnvironmentConfig } from '../../src/config/schema.js';
import { DEFAULT_RULE_SEVERITY } from '../../src/core/severity.js';

// Issue 17: the audits' evaluate is pure and structured; these tests call it directly, one row a case.
const config: EnvironmentConfig = configSchema.parse({ environments: { p: { url: 'https://api.example', audits: {} } } }).environments.p!;
const ctx = (severity: EvalContext['severity'] = {}): EvalContext => ({ environment: 'p', config, severity });
const url = 'https://api.example/api/users';
const NOW = '2026-01-01T00:00:00.000Z';
const inDays = (d: number) => new Date(Date.parse(NOW) + d * 86_400_000).toISOString();
const tls = (over: Partial<TlsResult>): TlsResult => ({
  audit: 'tls', subject: 'api.example', url: 'https://api.example', host: 'api.example', port: 443, warnDays: 21, criticalDays: 7,
  checkedAt: NOW, validTo: inDays(90), chain: ['api.example', 'R3'], trustWaived: false, ...over,
});
const page = (over: Partial<NonNullable<Extract<AuditResult, { audit: 'pagination' }>['page']>>) => ({ equalsFirst: false, repeatsFirstItem: false, items: 1, ...over });
const pag = (over: object): AuditResult => ({ audit: 'pagination', subject: '/api/users', url, maxItems: 100, maxBytes: 256_000, bytes: 4000, truncated: false, items: 20, pageUrl: `${url}?limit=1&page=2`, page: page({}), ...over });
const cache = (over: object): AuditResult => ({ audit: 'caching', subject: '/api/packages', url, requirements: parseCacheExpect('max-age>=60') as never, ...over });

type Case = [string, AuditResult, EvalContext['severity'], string[], (string | undefined)[]];
const cases: Case[] = [
  // compression
  ['uncompressed over min-size', { audit: 'compression', subject: '/api/users', url, minSize: 1000, bytes: 5000, truncated: false, gzipBytes: 900 }, {}, ['uncompressed'], ['audits-compression sev4']],
  ['gzipped', { audit: 'compression', subject: '/api/users', url, minSize: 1000, bytes: 900, truncated: false, encoding: 'gzip', vary: 'Accept-Encoding' }, {}, ['compression-ok'], [undefined]],
  ['small and plain', { audit: 'compression', subject: '/api/users', url, minSize: 1000, bytes: 300, truncated: false }, {}, ['compression-ok'], [undefined]],
  ['uncompressed, rule off', { audit: 'compression', subject: '/x', url, minSize: 1000, bytes: 5000, truncated: false, gzipBytes: 900 }, { 'audits-compression': 'off' }, ['uncompressed'], [undefined]],
  // pagination
  ['paginated', pag({}), {}, ['pagination-ok'], [undefined]],
  ['too many items', pag({ items: 500, page: page({ items: 1 }) }), {}, ['unpaginated'], ['audits-pagination sev3']],
  ['too many bytes', pag({ bytes: 300_000 }), {}, ['unpaginated'], ['audits-pagination sev3']],
  ['second page equals the first', pag({ items: 50, page: page({ items: 50, equalsFirst: true }) }), {}, ['unpaginated'], ['audits-pagination sev3']],
  ['limit ignored', pag({ page: page({ items: 20 }) }), {}, ['unpaginated'], ['audits-pagination sev3']],
  ['page ignored', pag({ page: page({ items: 1, repeatsFirstItem: true }) }), {}, ['unpaginated'], ['audits-pagination sev3']],
  ['no list found', pag({ items: undefined, page: undefined }), {}, ['pagination-unjudged'], [undefined]],
  ['cut at the cap, under the budgets', pag({ truncated: true, items: 40, page: undefined }), {}, ['pagination-unjudged'], [undefined]],
  ['cut at the cap, over max-items', pag({ truncated: true, items: 4000, page: undefined }), {}, ['unpaginated'], ['audits-pagination sev3']],
  ['empty list', pag({ items: 0, page: page({ items: 0 }) }), {}, ['pagination-unjudged'], [undefined]],
  ['pagination severity overridden', pag({ items: 500 }), { 'audits-pagination': 'sev2' }, ['unpaginated'], ['audits-pagination sev2']],
  // caching
  ['max-age met', cache({ cacheControl: 'public, max-age=300' }), {}, ['caching-ok'], [undefined]],
  ['max-age too short', cache({ cacheControl: 'max-age=30' }), {}, ['uncached'], ['audits-caching sev4']],
  ['max-age with no-store', cache({ cacheControl: 'no-store, max-age=300' }), {}, ['uncached'], ['audits-caching sev4']],
  ['no Cache-Control', cache({}), {}, ['uncached'], ['audits-caching sev4']],
  ['ETag without 304 (a note)', cache({ cacheControl: 'max-age=60', etag: '"a"', conditionalStatus: 200 }), {}, ['caching-ok'], [undefined]],
  // size
  ['size over budget', { audit: 'size', subject: '/api/users', url, budget: 200_000, bytes: 250_000, truncated: false }, {}, ['oversize'], ['audits-size sev3']],
  ['size under budget', { audit: 'size', subject: '/api/users', url, budget: 200_000, bytes: 2_000, truncated: false }, {}, ['size-ok'], [undefined]],
  // headers
  ['https without HSTS', { audit: 'headers', subject: '/', url, https: true, hsts: true, nosniff: true }, {}, ['header-missing', 'header-missing'], ['audits-hsts sev4', 'audits-nosniff sev4']],
  ['https with both', { audit: 'headers', subject: '/', url, https: true, hsts: true, nosniff: true, strictTransportSecurity: 'max-age=1', contentTypeOptions: 'NoSniff' }, {}, ['header-ok', 'header-ok'], [undefined, undefined]],
  ['http: HSTS not judged', { audit: 'headers', subject: '/', url, https: false, hsts: true, nosniff: false }, {}, [], []],
  // tls
  ['90 days left', tls({}), {}, ['tls-expiry'], [undefined]],
  ['15 days left', tls({ validTo: inDays(15) }), {}, ['tls-expiry'], ['audits-tls-expiring sev3']],
  ['5 days left', tls({ validTo: inDays(5) }), {}, ['tls-expiry'], ['audits-tls-expiring-critical sev2']],
  ['expired', tls({ validTo: inDays(-2), authorizationError: 'CERT_HAS_EXPIRED' }), {}, ['tls-expiry'], ['audits-tls-expired sev1']],
  ['hostname mismatch', tls({ hostnameError: 'ERR_TLS_CERT_ALTNAME_INVALID', authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID' }), {}, ['tls-expiry', 'tls-trust'], [undefined, 'audits-tls-hostname sev2']],
  ['incomplete chain', tls({ authorizationError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }), {}, ['tls-expiry', 'tls-trust'], [undefined, 'audits-tls-chain sev2']],
  ['self-signed', tls({ authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT' }), {}, ['tls-expiry', 'tls-trust'], [undefined, 'audits-tls-untrusted sev2']],
  ['self-signed, trust waived', tls({ authorizationError: 'DEPTH_ZERO_SELF_SIGNED_CERT', trustWaived: true }), {}, ['tls-expiry', 'tls-trust'], [undefined, undefined]],
  // failures
  ['request failed', { audit: 'size', subject: '/api/users', url, budget: 1, failure: { class: 'status', message: 'HTTP 404, expected 2xx' } }, {}, ['failed'], ['audits-failed sev3']],
];

describe('audits evaluate (pure, structured)', () => {
  it.each(cases)('%s', (_, result, severity, kinds, graded) => {
    const j = evaluateAudits([result], ctx(severity));
    expect(j.verdicts.map((v) => v.kind)).toEqual(kinds);
    expect(j.verdicts.map((v) => (v.graded ? `${v.graded.rule} ${v.graded.severity}` : undefined))).toEqual(graded);
    // Same input, same output.
    expect(evaluateAudits([result], ctx(severity))).toEqual(j);
    // Each failing verdict renders to exactly one finding with a one-line fix.
    const r = renderAudits(j, ctx(severity));
    expect(r.findings.length).toBe(graded.filter(Boolean).length);
    for (const f of r.findings) expect(f.remediation).toMatch(/^[^\n]+$/);
  });

  it('a TLS failure of another audit is explained by the certificate finding, not a finding of its own', () => {
    const t = tls({ validTo: inDays(-1), authorizationError: 'CERT_HAS_EXPIRED' });
    const size: AuditResult = { audit: 'size', subject: '/api/users', url, budget: 1, failure: { class: 'tls', message: 'TLS handshake failed: CERT_HAS_EXPIRED' } };
    const j = evaluateAudits([size, t], ctx());
    expect(j.verdicts.map((v) => [v.kind, v.graded?.rule])).toEqual([['failed', undefined], ['tls-expiry', 'audits-tls-expired']]);
    const r = renderAudits(j, ctx());
    expect(r.findings.map((f) => f.rule)).toEqual(['audits-tls-expired']);
  });

  it('observes every subject it judged, TLS trust subjects included', () => {
    expect(evaluateAudits([tls({})], ctx()).observed).toEqual(['p:audits:tls api.example', 'p:audits:tls-hostname api.example', 'p:audits:tls-chain api.example', 'p:audits:tls-untrusted api.example']);
  });

  it('every audits rule has a default severity', () => {
    expect(Object.entries(DEFAULT_RULE_SEVERITY).filter(([k]) => k.startsWith('audits-'))).toEqual([
      ['audits-failed', 'sev3'], ['audits-compression', 'sev4'], ['audits-pagination', 'sev3'], ['audits-caching', 'sev4'], ['audits-size', 'sev3'],
      ['audits-tls-expired', 'sev1'], ['audits-tls-expiring-critical', 'sev2'], ['audits-tls-expiring', 'sev3'], ['audits-tls-hostname', 'sev2'],
      ['audits-tls-chain', 'sev2'], ['audits-tls-untrusted', 'sev2'], ['audits-hsts', 'sev4'], ['audits-nosniff', 'sev4'],
    ]);
  });
});

describe('audits config', () => {
  it.each([
    ['256kB', 256_000], ['200 kB', 200_000], ['64KiB', 65_536], ['1MB', 1_000_000], ['1.5MiB', 1_572_864], [1000, 1000], ['1000', 1000], ['12B', 12],
    ['', undefined], ['kB', undefined], ['1..5kB', undefined], ['.5kB', undefined], ['5 parsecs', undefined], [-1, undefined], [1.5, undefined], ['1.0001B', undefined], ['constructor', undefined],
  ])('size %j → %j', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });

  it('parses the issue\'s example, with defaults', () => {
    const a = configSchema.parse({ environments: { p: { audits: {
      compression: { paths: ['/api/users', '/api/monitoring/usage-stats'], 'min-size': 1000 },
      pagination: { paths: ['/api/users'], 'max-items': 100, 'max-bytes': '256kB' },
      caching: { paths: ['/api/packages'], expect: 'max-age>=60' },
      tls: { 'warn-days': 21, 'critical-days': 7 },
      headers: { hsts: true },
      size: { '/api/users': '200kB' },
    } } } }).environments.p!.audits!;
    expect(a.pagination!['max-bytes']).toBe(256_000);
    expect(a.size).toEqual({ '/api/users': 200_000 });
    expect(a.caching!.expect).toEqual([{ kind: 'max-age', directive: 'max-age', min: 60 }]);
    expect(a.timeout).toBe(5000);
    expect(a['max-body-bytes']).toBe(1024 * 1024);
    expect(a.headers).toEqual({ path: '', hsts: true, nosniff: false });
  });

  it.each([
    [{ pagination: { paths: ['/a'], 'max-bytes': '256 parsecs' } }, 'pagination.max-bytes', 'expected a size such as'],
    [{ caching: { paths: ['/a'], expect: 'max-age>60' } }, 'caching.expect', 'not a requirement'],
    [{ caching: { paths: ['/a'], expect: 'max-age>=soon' } }, 'caching.expect', 'whole number of seconds'],
    [{ tls: { 'warn-days': 5, 'critical-days': 7 } }, 'tls', 'critical-days at most warn-days'],
    [{ compression: { paths: [] } }, 'compression.paths', ''],
    [{ compresion: { paths: ['/a'] } }, '', 'compresion'],
    [{ timeout: 5 }, 'timeout', 'with its unit'],
  ])('refuses %j at %s', (audits, key, message) => {
    const r = configSchema.safeParse({ environments: { p: { audits } } });
    expect(r.success).toBe(false);
    const issue = JSON.stringify(r.error!.issues);
    expect(issue).toContain(message);
    for (const part of key.split('.').filter(Boolean)) expect(issue).toContain(`"${part}"`);
  });

  it('a bad size is an error naming the file, the line and the key; audits rules can be overridden or switched off', () => {
    const text = 'environments:\n  p:\n    audits:\n      size:\n        /api/users: 200 kilobytes\n';
    expect(() => parseConfigText(text, 'lg.yml', {})).toThrow(/lg\.yml:5.*environments\.p\.audits\.size\.\/api\/users.*expected a size such as "256kB"/s);
    const ok = parseConfigText('environments:\n  p:\n    audits: {}\nseverity:\n  audits-compression: off\n  audits-tls-expiring: SEV2\n', 'lg.yml', {});
    expect(ok.config.severity).toEqual({ 'audits-compression': 'off', 'audits-tls-expiring': 'sev2' });
  });

  it('reads Cache-Control without a regex, first directive wins, quotes dropped', () => {
    expect([...parseCacheControl('Public, MAX-AGE="60", max-age=1, no-cache')]).toEqual([['public', ''], ['max-age', '60'], ['no-cache', '']]);
  });
});
