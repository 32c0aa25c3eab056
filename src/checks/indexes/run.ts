import { MongoClient, type Document, type MongoClientOptions } from 'mongodb';
import pLimit from 'p-limit';
import { mongoHosts } from '../../config/mongodb-uri.js';
import type { IndexesConfig } from './schema.js';
import type { CollectionIndexes, IndexesResult, QueryPlan } from './types.js';
import { planStages } from './problems.js';

/**
 * Reads what the deployment has, and nothing else: listCollections, listIndexes, $indexStats and
 * explain. It never creates or drops anything. The built-in `read` role on the database suffices;
 * `$indexStats` (report-unused) needs `clusterMonitor`.
 */
export async function runIndexes(cfg: IndexesConfig, uri: string): Promise<IndexesResult> {
  const host = mongoHosts(uri);
  const base = { database: cfg.database, host };
  const options: MongoClientOptions = {
    appName: 'launchguard',
    serverSelectionTimeoutMS: cfg.timeout,
    connectTimeoutMS: cfg.timeout,
    socketTimeoutMS: Math.max(cfg.timeout * 6, 30_000),
    maxPoolSize: cfg.concurrency,
    ...(cfg['driver-options'] as MongoClientOptions),
  };
  let client: MongoClient;
  try {
    client = new MongoClient(uri, options);
  } catch (err) {
    return { ...base, connected: false, error: { kind: 'connect', message: `invalid connection string or options: ${messageOf(err)}` }, collections: [], queries: [], notes: [] };
  }
  try {
    try {
      await client.connect();
      await client.db(cfg.database).command({ ping: 1 });
    } catch (err) {
      const e = err as { code?: number; codeName?: string };
      const auth = e.code === 18 || e.codeName === 'AuthenticationFailed' || /auth/i.test(messageOf(err));
      return { ...base, connected: false, error: { kind: auth ? 'auth' : 'connect', message: messageOf(err) }, collections: [], queries: [], notes: [] };
    }
    const db = client.db(cfg.database);
    const notes: string[] = [];
    const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name as string));
    const limit = pLimit(cfg.concurrency);
    let statsDenied = false;
    let statsFailed: string | undefined;
    let explainDenied = false;

    const collections = await Promise.all(
      Object.keys(cfg.collections).map((name) =>
        limit(async (): Promise<CollectionIndexes> => {
          if (!existing.has(name)) return { name, exists: false, indexes: [] };
          const coll = db.collection(name);
          const indexes = (await coll.listIndexes().toArray()) as Document[];
          let stats: CollectionIndexes['stats'];
          if (cfg['report-unused'] && !statsDenied && statsFailed === undefined) {
            try {
              const rows = await coll.aggregate([{ $indexStats: {} }]).toArray();
              stats = rows.map((r) => ({ name: String(r.name), ops: Number(r.accesses?.ops ?? 0), since: new Date(r.accesses?.since).toISOString() }));
            } catch (err) {
              // Denied, or not supported at all (a MongoDB-compatible service): a note, not the end of the check.
              if (isUnauthorized(err)) statsDenied = true;
              else statsFailed = messageOf(err);
            }
          }
          return { name, exists: true, indexes: indexes.map(plain), ...(stats ? { stats } : {}) };
        }),
      ),
    );
    if (statsDenied) notes.push('indexes: $indexStats is not permitted for this user, so unused indexes were not checked (it needs the clusterMonitor role)');
    if (statsFailed !== undefined) notes.push(`indexes: $indexStats failed (${statsFailed}), so unused indexes were not checked (some MongoDB-compatible services do not support it)`);

    const queries = await Promise.all(
      cfg.queries.map((q) =>
        limit(async (): Promise<QueryPlan> => {
          const base = { name: q.name, collection: q.collection };
          if (explainDenied) return { ...base, stages: [], collscan: false, error: 'explain not permitted' };
          if (!existing.has(q.collection)) return { ...base, stages: [], collscan: false, error: 'the collection does not exist' };
          try {
            const cursor = db.collection(q.collection).find(q.filter, q.sort ? { sort: q.sort } : {});
            const { stages, indexNames } = planStages((await cursor.explain('queryPlanner')) as Document);
            return { ...base, stages, collscan: stages.includes('COLLSCAN'), ...(indexNames.length ? { indexName: indexNames[0] } : {}) };
          } catch (err) {
            if (!isUnauthorized(err)) return { ...base, stages: [], collscan: false, error: messageOf(err) };
            explainDenied = true;
            return { ...base, stages: [], collscan: false, error: 'explain not permitted' };
          }
        }),
      ),
    );
    if (explainDenied) notes.push('indexes: explain is not permitted for this user, so query plans were not checked (the read role allows it)');
    return { ...base, connected: true, collections, queries, notes };
  } finally {
    await client.close();
  }
}

function isUnauthorized(err: unknown): boolean {
  const e = err as { code?: number; codeName?: string };
  return e.code === 13 || e.codeName === 'Unauthorized';
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Index documents as plain JSON (BSON numbers to numbers). */
function plain(doc: Document): Document {
  return JSON.parse(JSON.stringify(doc, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))) as Document;
}
