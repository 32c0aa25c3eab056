// Issue 17, from an attacker's review: this failed on the first version of the audits check.
// so an open incident on that fingerprint counts a passing run and closes without being checked.
import { describe, expect, it } from 'vitest';
import type { EvalContext } from '../../src/checks/check.js';
import { evaluateAudits } from '../../src/checks/audits/evaluate.js';
import type { AuditResult, TlsResult } from '../../src/checks/audits/types.js';
import { configSchema, type EnvironmentConfig } from '../../src/config/schema.js';

const config: EnvironmentConfig = configSchema.parse({ environments: { p: { url: 'https://api.example', audits: {} } } }).environments.p!;
const ctx: EvalContext = { environment: 'p', config, severity: {} };
const url = 'https://api.example/api/users';
const NOW = '2026-01-01T00:00:00.000Z';
const tls: TlsResult = {
  audit: 'tls', subject: 'api.example', url: 'https://api.example', host: 'api.example', port: 443, warnDays: 21, criticalDays: 7,
  checkedAt: NOW, validTo: '2026-06-01T00:00:00.000Z', chain: ['api.example'], trustWaived: false, hostnameError: 'ERR_TLS_CERT_ALTNAME_INVALID',
};

describe('audits: observed only what was judged', () => {
  it('a compression audit refused by the certificate (explained by the TLS finding) does not observe "compression /api/users"', () => {
    const c: AuditResult = { audit: 'compression', subject: '/api/users', url, minSize: 1000, failure: { class: 'tls', message: 'TLS handshake failed: ERR_TLS_CERT_ALTNAME_INVALID' } };
    const j = evaluateAudits([c, tls], ctx);
    expect(j.verdicts.find((v) => v.subject === 'compression /api/users')).toMatchObject({ kind: 'failed', explainedBy: 'tls-hostname api.example' });
    expect(j.observed).not.toContain('p:audits:compression /api/users');
  });

  it('a pagination audit whose second page failed (skip row) does not observe "pagination /api/users"', () => {
    const p: AuditResult = {
      audit: 'pagination', subject: '/api/users', url, maxItems: 100, maxBytes: 256_000, bytes: 4000, truncated: false, items: 20,
      pageUrl: `${url}?limit=1&page=2`, page: { equalsFirst: false, repeatsFirstItem: false, failure: { class: 'timeout', message: 'no complete response within 5000 ms' } },
    };
    const j = evaluateAudits([p], ctx);
    expect(j.verdicts[0]).toMatchObject({ kind: 'pagination-unjudged', why: 'page-failed' });
    expect(j.observed).not.toContain('p:audits:pagination /api/users');
  });
});
