import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IndexDescription } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import { renderMarkdown, renderText } from '../../src/report/render.js';
import { refusedPort } from '../helpers/servers.js';
import { runWith } from '../helpers/pipeline.js';
import { dropDatabase, mongoAvailable, seed, startMongo, withCredentials, type TestMongo } from '../helpers/mongo.js';

const available = mongoAvailable();
const GUIDE = parseConfigText(readFileSync('examples/launchguard.yml', 'utf8'), 'examples/launchguard.yml', { MONITORING_TOKEN: 'x' }).config.environments.production!.indexes!;

/** The guide's ten indexes, as the application would create them. */
const guideIndexes: Record<string, IndexDescription[]> = {
  users: [{ key: { email: 1 }, unique: true }, { key: { id: 1 }, unique: true }, { key: { role: 1 } }, { key: { created_at: -1 } }],
  ai_conversations: [{ key: { session_id: 1 } }, { key: { timestamp: -1 } }],
  payment_transactions: [{ key: { session_id: 1 }, unique: true }, { key: { user_email: 1 } }, { key: { payment_status: 1 } }, { key: { created_at: -1 } }],
};
const seedSpec = (over: Partial<Record<string, IndexDescription[]>> = {}, skip: string[] = []) =>
  Object.fromEntries(Object.entries({ ...guideIndexes, ...over }).filter(([k]) => !skip.includes(k)).map(([k, v]) => [k, { indexes: v ?? [] }]));

let n = 0;
const dbName = () => `lg_test_${process.pid}_${++n}`;

/** Writes a config declaring `indexes` (the guide's by default) for `database`, and runs the check. */
async function check(uri: string, database: string, indexes: Record<string, unknown> = {}) {
  const file = join(mkdtempSync(join(tmpdir(), 'lg-ix-')), 'lg.yml');
  const cfg = { database, timeout: '1s', collections: GUIDE.collections, queries: GUIDE.queries, ...indexes };
  writeFileSync(file, JSON.stringify({ environments: { production: { indexes: cfg } } }));
  return runWith({ config: file, checks: 'indexes', 'mongodb-uri': uri });
}
const summary = (r: Awaited<ReturnType<typeof check>>) => r.report.findings.map((f) => [f.subject, f.severity]);

describe.skipIf(!available.ok)('MongoDB index verification through the real driver', () => {
  let mongo: TestMongo;
  const created: string[] = [];
  const fresh = () => {
    const d = dbName();
    created.push(d);
    return d;
  };
  beforeAll(async () => {
    mongo = await startMongo();
  });
  afterAll(async () => {
    for (const d of created) await dropDatabase(mongo.uri, d);
    await mongo.stop();
  });

  it('all present: the guide\'s ten indexes, and every configured query uses one', async () => {
    const db = fresh();
    await seed(mongo.uri, db, seedSpec());
    const { report } = await check(mongo.uri, db);
    expect(report.findings).toEqual([]);
    expect(report.rows.filter((r) => r.check === 'indexes').map((r) => [r.subject, r.verdict])).toEqual([
      ['users', 'pass'], ['ai_conversations', 'pass'], ['payment_transactions', 'pass'],
      ['query user-by-email', 'pass'], ['query session-conversations', 'pass'], ['query pending-payments', 'pass'],
    ]);
  });

  it('missing indexes: one finding per collection, graded by the worst, each with its createIndex command', async () => {
    const db = fresh();
    await seed(mongo.uri, db, seedSpec({ users: [{ key: { id: 1 }, unique: true }, { key: { role: 1 } }], payment_transactions: [{ key: { session_id: 1 }, unique: true }, { key: { user_email: 1 } }, { key: { payment_status: 1 } }] }));
    const { report } = await check(mongo.uri, db);
    expect(summary({ report } as never)).toEqual([['users', 'sev2'], ['payment_transactions', 'sev3']]);
    const users = report.findings.find((f) => f.subject === 'users')!;
    expect(users.fingerprint).toBe('production:indexes:users');
    expect(users.detail).toContain('missing unique index { email: 1 } (duplicates can be written)');
    expect(users.detail).toContain('missing index { created_at: -1 }');
    expect(users.remediation!.split('\n')).toEqual(['db.users.createIndex({ "email": 1 }, {"unique":true})', 'db.users.createIndex({ "created_at": -1 })']);
    expect(report.findings.find((f) => f.subject === 'payment_transactions')!.remediation).toBe('db.payment_transactions.createIndex({ "created_at": -1 })');
    // The query on the missing email index now scans the collection: listed in the users finding.
    expect(users.detail).toMatch(/query user-by-email scans the whole collection \(COLLSCAN/);
  });

  it('a unique index present without unique is SEV2, with drop-and-recreate as the fix', async () => {
    const db = fresh();
    await seed(mongo.uri, db, seedSpec({ users: [{ key: { email: 1 } }, { key: { id: 1 }, unique: true }, { key: { role: 1 } }, { key: { created_at: -1 } }] }));
    const { report } = await check(mongo.uri, db);
    expect(summary({ report } as never)).toEqual([['users', 'sev2']]);
    expect(report.findings[0]!.detail).toMatch(/index email_1 \{ email: 1 \} differs: unique expected true, found not set \(present without unique/);
    expect(report.findings[0]!.remediation).toBe('db.users.dropIndex("email_1"); db.users.createIndex({ "email": 1 }, {"unique":true})  // remove duplicate values first');
  });

  it('a partial index with a different filter, a TTL with different seconds and a sparse mismatch are SEV3', async () => {
    const db = fresh();
    await seed(mongo.uri, db, {
      sessions: { indexes: [{ key: { created_at: 1 }, expireAfterSeconds: 3600 }, { key: { user: 1 }, partialFilterExpression: { active: true } }, { key: { token: 1 } }] },
    });
    const { report } = await check(mongo.uri, db, {
      collections: {
        sessions: [
          { key: { created_at: 1 }, expireAfterSeconds: 86400 },
          { key: { user: 1 }, partialFilterExpression: { active: false } },
          { key: { token: 1 }, sparse: true },
        ],
      },
      queries: [],
    });
    expect(summary({ report } as never)).toEqual([['sessions', 'sev3']]);
    const f = report.findings[0]!;
    expect(f.detail).toContain('expireAfterSeconds expected 86400, found 3600');
    expect(f.detail).toContain('partialFilterExpression expected {"active":false}, found {"active":true}');
    expect(f.detail).toContain('sparse expected true, found not set');
    expect(f.remediation).toContain('db.runCommand({ collMod: "sessions", index: { name: "created_at_1", expireAfterSeconds: 86400 } })');
  });

  it('compound keys match on order and direction', async () => {
    const db = fresh();
    await seed(mongo.uri, db, { events: { indexes: [{ key: { a: 1, b: -1 } }] } });
    const ok = await check(mongo.uri, db, { collections: { events: [{ key: { a: 1, b: -1 } }] }, queries: [] });
    expect(ok.report.findings).toEqual([]);
    const wrong = await check(mongo.uri, db, { collections: { events: [{ key: { b: -1, a: 1 } }, { key: { a: 1, b: 1 } }] }, queries: [] });
    expect(wrong.report.findings[0]!.detail).toBe('missing index { b: -1, a: 1 }; missing index { a: 1, b: 1 }');
  });

  it('an expected collection missing, and an empty database', async () => {
    const db = fresh();
    await seed(mongo.uri, db, seedSpec({}, ['ai_conversations']));
    const { report } = await check(mongo.uri, db);
    expect(summary({ report } as never)).toEqual([['ai_conversations', 'sev3']]);
    expect(report.findings[0]!.detail).toBe(`collection ai_conversations does not exist in ${db}`);
    expect(report.findings[0]!.remediation).toBe('db.ai_conversations.createIndex({ "session_id": 1 })\ndb.ai_conversations.createIndex({ "timestamp": -1 })');

    const empty = await check(mongo.uri, fresh());
    expect(summary(empty)).toEqual([['ai_conversations', 'sev3'], ['payment_transactions', 'sev3'], ['users', 'sev3']]);
    expect(empty.report.rows.filter((r) => r.subject.startsWith('query')).map((r) => r.value)).toEqual(Array(3).fill('not explained: the collection does not exist'));
  });

  it('undeclared and unused indexes are SEV4, off by default', async () => {
    const db = fresh();
    await seed(mongo.uri, db, { logs: { indexes: [{ key: { level: 1 } }, { key: { at: -1 } }] } });
    const cfg = { collections: { logs: [{ key: { level: 1 } }] }, queries: [] };
    expect((await check(mongo.uri, db, cfg)).report.findings).toEqual([]);
    const { report } = await check(mongo.uri, db, { ...cfg, 'report-undeclared': true, 'report-unused': true });
    expect(summary({ report } as never)).toEqual([['logs', 'sev4']]);
    expect(report.findings[0]!.detail).toContain('index at_-1 { at: -1 } is not declared in the config');
    expect(report.findings[0]!.detail).toMatch(/index level_1 has had no operations since \d{4}-\d\d-\d\dT/);
  });

  it('a wrong host is a fast, clear SEV1 bounded by the configured timeout', async () => {
    const url = await refusedPort();
    const uri = `mongodb://${url.replace('http://', '')}/?directConnection=true`;
    const { report } = await check(uri, 'dowurk');
    expect(summary({ report } as never)).toEqual([['connection', 'sev1']]);
    expect(report.findings[0]!.detail).toMatch(/^cannot connect to MongoDB at 127\.0\.0\.1:\d+ \(database dowurk\): .*ECONNREFUSED/);
  });

  it('an invalid URI is a clear SEV1 too, not a crash', async () => {
    const { report } = await check('mongodb://127.0.0.1:1/?notAnOption=zzz&directConnection=maybe', 'dowurk');
    expect(report.findings[0]).toMatchObject({ subject: 'connection', severity: 'sev1' });
  });
});

describe.skipIf(!available.ok)('MongoDB credentials', () => {
  let mongo: TestMongo;
  beforeAll(async () => {
    mongo = await startMongo(['--auth']);
  });
  afterAll(async () => {
    await mongo?.stop();
  });

  it('bad credentials: SEV1 "authentication failed", and the password appears nowhere', async () => {
    const password = 'Sup3r-Secret-pa55';
    const uri = withCredentials(mongo.uri, 'app', password);
    const r = await check(uri, 'dowurk');
    expect(summary(r)).toEqual([['connection', 'sev1']]);
    expect(r.report.findings[0]!.detail).toMatch(/^authentication failed to MongoDB at 127\.0\.0\.1:\d+ \(database dowurk\)/);
    const everything = [readFileSync(r.reportPath, 'utf8'), JSON.stringify(r.report), renderMarkdown(r.report), renderText(r.report)].join('\n');
    expect(everything).not.toContain(password);
    expect(everything).not.toContain(encodeURIComponent(password));
    expect(r.redactor.text(uri)).not.toContain(password);
  });
});

describe.skipIf(!available.ok || !!process.env.MONGODB_URI)('where $indexStats or explain is not permitted (test server only)', () => {
  let mongo: TestMongo;
  beforeAll(async () => {
    mongo = await startMongo(['--deny-index-stats', '--deny-explain']);
  });
  afterAll(async () => {
    await mongo?.stop();
  });

  it('says so as a note, and does not crash', async () => {
    const db = dbName();
    await seed(mongo.uri, db, seedSpec());
    const { report } = await check(mongo.uri, db, { 'report-unused': true });
    expect(report.findings).toEqual([]);
    expect(report.notes).toEqual([
      'indexes: $indexStats is not permitted for this user, so unused indexes were not checked (it needs the clusterMonitor role)',
      'indexes: explain is not permitted for this user, so query plans were not checked (the read role allows it)',
    ]);
  });
});
