/**
 * bench/indexes: the indexes check over 200 collections × 10 declared indexes against the local
 * wire-protocol test server (or MONGODB_URI), against a reference measured in the same run: the
 * same 200 listIndexes calls made one after another by a bare driver loop.
 * Run: npm run bench:indexes
 */
import { MongoClient } from 'mongodb';
import { runIndexes } from '../src/checks/indexes/run.js';
import { configSchema } from '../src/config/schema.js';
import { mongoAvailable, seed, startMongo } from '../test/helpers/mongo.js';
import { fmt, median } from './lib.js';

const COLLECTIONS = 200;
const INDEXES = 10;
const ROUNDS = 5;
if (!mongoAvailable().ok) process.exit(1);
const mongo = await startMongo();
const database = `lg_bench_${process.pid}`;

const collections: Record<string, { key: Record<string, 1> }[]> = {};
for (let c = 0; c < COLLECTIONS; c++) collections[`c${c}`] = Array.from({ length: INDEXES }, (_, i) => ({ key: { [`f${i}`]: 1 } }));
await seed(mongo.uri, database, Object.fromEntries(Object.entries(collections).map(([k, v]) => [k, { indexes: v }])));

const cfg = configSchema.parse({ environments: { b: { indexes: { database, collections } } } }).environments.b!.indexes!;

const check: number[] = [];
const reference: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  let t0 = performance.now();
  const result = await runIndexes(cfg, mongo.uri);
  check.push(performance.now() - t0);
  const found = result.collections.reduce((n, c) => n + c.indexes.length, 0);
  if (found !== COLLECTIONS * (INDEXES + 1)) throw new Error(`expected ${COLLECTIONS * (INDEXES + 1)} indexes, found ${found}`);

  const client = new MongoClient(mongo.uri);
  t0 = performance.now();
  await client.connect();
  for (let c = 0; c < COLLECTIONS; c++) await client.db(database).collection(`c${c}`).listIndexes().toArray();
  await client.close();
  reference.push(performance.now() - t0);
}
const mc = median(check);
const mr = median(reference);
console.log(`indexes: ${COLLECTIONS} collections × ${INDEXES} indexes in ${fmt(mc)} ms (median of ${ROUNDS}; goal < 2000 ms), ` +
  `sequential driver loop ${fmt(mr)} ms; ratio ${fmt(mc / mr, 2)}x (${mongo.real ? 'MONGODB_URI' : 'wire-protocol test server'}, concurrency ${cfg.concurrency})`);
if (mongo.real) {
  const c = new MongoClient(mongo.uri);
  await c.db(database).dropDatabase();
  await c.close();
}
await mongo.stop();
