import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runWith } from '../helpers/pipeline.js';
import { mongoAvailable, seed, startMongo, type TestMongo } from '../helpers/mongo.js';
import { httpServer, json, type Running } from '../helpers/servers.js';

// Issue 11: one broken check never hides the others.
const available = mongoAvailable();

function configFile(cfg: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'lg-broken-')), 'lg.yml');
  writeFileSync(file, JSON.stringify(cfg));
  return file;
}

describe.skipIf(!available.ok)('a MongoDB error after connecting is settled on its own', () => {
  let target: Running;
  let mongo: TestMongo | undefined;
  beforeAll(async () => {
    target = await httpServer((_q, res) => json(res, 503, { status: 'down' }));
  });
  afterEach(async () => {
    await mongo?.stop();
    mongo = undefined;
  });
  afterAll(async () => {
    await target.close();
  });

  const run = (uri: string, indexes: Record<string, unknown> = {}) =>
    runWith({
      config: configFile({
        environments: {
          production: {
            url: target.url,
            health: [{ name: 'api', retries: 0, timeout: '2s' }],
            indexes: { database: 'app', timeout: '2s', collections: { users: [{ key: { email: 1 }, unique: true }] }, ...indexes },
          },
        },
      }),
      'mongodb-uri': uri,
    });

  it('a reply of the wrong shape: the indexes check is a finding, and the failing health probe is still judged and reported', async () => {
    mongo = await startMongo(['--bad-list-indexes']);
    await seed(mongo.uri, 'app', { users: { indexes: [{ key: { email: 1 }, unique: true }] } });
    const r = await run(mongo.uri);
    const rules = r.report.findings.map((f) => [f.check, f.rule, f.severity]);
    expect(rules).toContainEqual(['health', 'health-failed', 'sev1']);
    expect(rules).toContainEqual(['indexes', 'check-failed', 'sev3']);
    expect(r.report.findings.find((f) => f.rule === 'check-failed')!.detail).toMatch(/^the indexes check stopped with an error: /);
    expect(r.report.verdict.worstSeverity).toBe('sev1');
  });

  it('$indexStats unsupported by a compatible service is a note; the rest of the indexes check and the health probe still count', async () => {
    mongo = await startMongo(['--index-stats-unsupported']);
    await seed(mongo.uri, 'app', { users: { indexes: [] } });
    const r = await run(mongo.uri, { 'report-unused': true });
    expect(r.report.notes.join('\n')).toMatch(/\$indexStats failed \(.*Unrecognized pipeline stage name.*\), so unused indexes were not checked/);
    const rules = r.report.findings.map((f) => [f.check, f.rule]);
    expect(rules).toContainEqual(['health', 'health-failed']);
    expect(rules).toContainEqual(['indexes', 'indexes-unique-missing']);
  });

  it('a sharded collection whose plan scans one shard fully is a COLLSCAN', async () => {
    mongo = await startMongo(['--sharded']);
    await seed(mongo.uri, 'app', { users: { indexes: [{ key: { email: 1 }, unique: true }] } });
    const r = await run(mongo.uri, { queries: [{ name: 'by-name', collection: 'users', filter: { name: 'x' } }] });
    const q = r.report.results.indexes!.queries[0]!;
    expect(q.collscan).toBe(true);
    expect(q.stages).toContain('SHARD_MERGE');
  });
});
