// Issue 17, from an attacker's review: this failed on the first version of the audits check.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTestCa } from '../helpers/certs.js';
import { runWith } from '../helpers/pipeline.js';
import * as S from '../helpers/servers.js';

const DAY = 86_400_000;
const servers: S.Running[] = [];
afterAll(async () => { await Promise.all(servers.map((s) => s.close())); });
function cfg(text: string) { const p = join(mkdtempSync(join(tmpdir(), 'lgc-')), 'lg.yml'); writeFileSync(p, text); return p; }

describe('the default TLS audit (no audits: key)', () => {
  it('tls.reject-unauthorized: false on a staging cert that expired: the run that passed before still passes', async () => {
    const ca = makeTestCa();
    const now = Date.now();
    const s = await S.httpsServer(ca.leaf('staging', { start: new Date(now - 40 * DAY), end: new Date(now - 2 * DAY) }), (_q, res) => S.json(res, 200, { ok: true }));
    servers.push(s);
    const p = cfg(`environments:\n  production:\n    url: ${s.url}\n    tls: { reject-unauthorized: false }\n    health:\n      - { name: api }\n`);
    const r = await runWith({ config: p, issues: 'false' });
    // Today: verdict fail, one SEV1 'audits-tls-expired' finding (and a SEV1 issue when issues are on),
    // on a config that said not to judge the certificate. Health passes.
    expect(r.report.verdict.status).toBe('pass');
  });
});
