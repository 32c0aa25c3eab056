import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHandler, type ApiOptions } from '../helpers/api-target.js';
import { makeTestCa, type TestCa } from '../helpers/certs.js';
import { DIST, runAction } from '../helpers/action.js';
import { httpsServer, type Running } from '../helpers/servers.js';

// Issue 17 from the built bundle: the audits against an https target whose certificate is made here.
describe('dist/index.js: quick-win audits', () => {
  let ca: TestCa;
  const servers: Running[] = [];
  beforeAll(() => {
    expect(existsSync(DIST), 'dist/index.js is missing: run `npm run build`').toBe(true);
    ca = makeTestCa();
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  const config = (caFile: string) => [
    'environments:',
    '  production:',
    `    tls: { ca: ${JSON.stringify(caFile)} }`,
    '    health:',
    '      - { name: api, path: /api/monitoring/health }',
    '    audits:',
    '      compression: { paths: [/api/users], min-size: 1000 }',
    '      pagination: { paths: [/api/users], max-items: 100, max-bytes: 256kB }',
    '      caching: { paths: [/api/packages], expect: "etag" }',
    '      tls: { warn-days: 21, critical-days: 7 }',
    '      headers: { hsts: true }',
    '      size: { "/api/users": 200kB }',
    '',
  ].join('\n');

  async function run(days: number, api: ApiOptions) {
    const s = await httpsServer(ca.leaf(`e2e-${days}`, { days }), apiHandler(api));
    servers.push(s);
    const r = await runAction({ config: 'lg.yml', 'target-url': s.url, issues: 'false', 'fail-on': 'sev2' }, { files: { 'lg.yml': config(ca.caFile) } });
    expect(r.hung).toBe(false);
    const report = JSON.parse(readFileSync(r.outputs['report-path']!, 'utf8'));
    return { ...r, report, rules: (report.findings as { rule: string; severity: string; subject: string }[]).map((f) => `${f.rule} ${f.severity} ${f.subject}`).sort() };
  }

  it('a deployment missing the quick wins: each audit gives its finding, the summary a checklist, and the process ends by itself', async () => {
    const r = await run(5, { users: 50, hsts: true });
    const host = new URL(r.report.target).host;
    expect(r.rules).toEqual([
      'audits-compression sev4 compression /api/users',
      'audits-pagination sev3 pagination /api/users',
      `audits-tls-expiring-critical sev2 tls ${host}`,
    ]);
    expect(r.code).toBe(1);
    expect(r.outputs).toMatchObject({ status: 'fail', 'worst-severity': 'sev2', 'findings-count': '3' });
    expect(r.report.checks).toEqual(['health', 'audits']);
    expect(r.report.notes).toEqual(expect.arrayContaining([expect.stringContaining('If-None-Match with it answered HTTP 200, not 304')]));
    expect(r.summary).toContain('### audits');
    expect(r.summary).toMatch(/\| compression \/api\/users \| [\d.]+ kB uncompressed \| .* \| ❌ fail \| SEV4 \|/);
    expect(r.summary).toMatch(/\| size \/api\/users \| [\d.]+ kB \| ≤ 200 kB \| ✅ pass \|/);
    expect(r.summary).toMatch(/\| hsts \/ \| present \| Strict-Transport-Security \| ✅ pass \|/);
  });

  it('the compliant twin: no findings, every audit a pass', async () => {
    const r = await run(90, { users: 500, gzip: true, paginate: true, etag304: true, hsts: true });
    expect(r.rules).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ status: 'pass', 'findings-count': '0' });
    const audits = (r.report.rows as { check: string; verdict: string }[]).filter((row) => row.check === 'audits');
    expect(audits.map((row) => row.verdict)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(r.report.notes.filter((n: string) => n.startsWith('audits:'))).toEqual([]);
  });

  it('with no audits: key and no config file at all, an https target still gets its certificate checked (TLS only)', async () => {
    const s = await httpsServer(ca.leaf('e2e-default', { days: 5 }), apiHandler({ users: 50 }));
    servers.push(s);
    // No config file: the CA is trusted through NODE_EXTRA_CA_CERTS, as a runner with a private CA would.
    const r = await runAction({ 'target-url': `${s.url}/api/monitoring/health`, issues: 'false' }, { env: { NODE_EXTRA_CA_CERTS: ca.caFile } });
    expect(r.hung).toBe(false);
    const report = JSON.parse(readFileSync(r.outputs['report-path']!, 'utf8'));
    expect(report.checks).toEqual(['health', 'audits']);
    expect(report.findings.map((f: { rule: string; severity: string }) => `${f.rule} ${f.severity}`)).toEqual(['audits-tls-expiring-critical sev2']);
    // TLS only: the opt-in audits (compression, HSTS, ...) do not run without an audits: key.
    expect(report.rows.filter((x: { check: string }) => x.check === 'audits').map((x: { subject: string }) => x.subject)).toEqual([`tls ${new URL(s.url).host}`]);
  });

  it('an explicit checks input without audits leaves the certificate alone', async () => {
    const s = await httpsServer(ca.leaf('e2e-explicit', { days: 5 }), apiHandler({ users: 50 }));
    servers.push(s);
    const r = await runAction({ 'target-url': `${s.url}/api/monitoring/health`, issues: 'false', checks: 'health' }, { env: { NODE_EXTRA_CA_CERTS: ca.caFile } });
    expect(r.outputs.status).toBe('pass');
    expect(JSON.parse(readFileSync(r.outputs['report-path']!, 'utf8')).checks).toEqual(['health']);
  });
});
