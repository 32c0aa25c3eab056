import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTarget, type DemoTarget } from '../../src/demo/target.js';
import { runAction } from '../helpers/action.js';
import { mongoAvailable, seed, startMongo, type TestMongo } from '../helpers/mongo.js';

const available = mongoAvailable();

const CONFIG = `environments:
  production:
    indexes:
      database: e2e_dowurk
      timeout: 2s
      collections:
        users:
          - { key: { email: 1 }, unique: true }
          - { key: { role: 1 } }
`;

describe.skipIf(!available.ok)('the indexes check from the built dist/', () => {
  let mongo: TestMongo;
  beforeAll(async () => {
    mongo = await startMongo();
    await seed(mongo.uri, 'e2e_dowurk', { users: { indexes: [{ key: { role: 1 } }] } });
  });
  afterAll(async () => {
    await mongo.stop();
  });

  it('finds the missing unique index, shows the createIndex command, masks the URI, and exits by itself', async () => {
    // (Credentials and their redaction are covered against the server with --auth in test/integration.)
    const uri = mongo.uri;
    const run = await runAction({ config: 'lg.yml', checks: 'indexes', 'mongodb-uri': uri }, { files: { 'lg.yml': CONFIG } });
    expect(run.hung).toBe(false);
    expect(run.outputs).toMatchObject({ status: 'fail', 'worst-severity': 'sev2', 'findings-count': '1' });
    expect(run.summary).toContain('| SEV2 | production: MongoDB indexes of users need attention | missing unique index { email: 1 } (duplicates can be written) |');
    expect(run.summary).toContain('`db.users.createIndex({ "email": 1 }, {"unique":true})`');
    expect(run.summary).toContain('target (none)');
    expect(run.stdout).toContain(`::add-mask::${uri}`);
    const withoutMasks = run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    for (const text of [withoutMasks, run.stderr, run.summary, readFileSync(run.outputs['report-path']!, 'utf8')]) {
      expect(text).not.toContain(uri);
    }
  });
});

describe('lazy chunks: a health-only run never loads autocannon, the MongoDB driver or Octokit', () => {
  let target: DemoTarget;
  let dist: string;
  beforeAll(async () => {
    target = await startDemoTarget();
    dist = join(mkdtempSync(join(tmpdir(), 'lg-dist-')), 'dist');
    cpSync('dist', dist, { recursive: true });
    const heavy = readdirSync(dist).filter((f) => f.endsWith('.index.js')).filter((f) => {
      const text = readFileSync(join(dist, f), 'utf8');
      return /class MongoClient\b/.test(text) || text.includes('autocannon') || text.includes('@octokit/plugin-throttling');
    });
    expect(heavy.length).toBeGreaterThanOrEqual(3);
    for (const f of heavy) rmSync(join(dist, f));
  });
  afterAll(async () => {
    await target.close();
  });

  it('runs without those chunks', async () => {
    const run = await runAction({ 'target-url': target.url + '/api/plans' }, { dist: join(dist, 'index.js') });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('pass');
  });

  it('while a load run needs them (so the test above can fail)', async () => {
    const run = await runAction({ 'target-url': target.url + '/api/plans', checks: 'health,load' }, { dist: join(dist, 'index.js') });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Cannot find module/);
  });
});
