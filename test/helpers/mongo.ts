import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { MongoClient, type IndexDescription } from 'mongodb';

/**
 * A MongoDB for tests. With MONGODB_URI set, the real server it names; otherwise the wire-protocol
 * test server in test/mongo/server.py (Debian's python3-mockupdb and python3-mongomock, which import
 * only under /usr/bin/python3). Missing prerequisites skip with a notice on a developer's machine
 * and fail under CI=true, where .ci/run installs them.
 */
export const REAL_URI = process.env.MONGODB_URI;
const PYTHON = '/usr/bin/python3';

export function mongoAvailable(): { ok: true } | { ok: false; why: string } {
  if (REAL_URI) return { ok: true };
  const probe = spawnSync(PYTHON, ['-c', 'import mockupdb, mongomock'], { encoding: 'utf8' });
  if (probe.status === 0) return { ok: true };
  const why = `the MongoDB test server needs Debian's python3-mockupdb and python3-mongomock under ${PYTHON} (apt-get install python3-mockupdb python3-mongomock), or MONGODB_URI`;
  if (process.env.CI === 'true') throw new Error(`CI: ${why}`);
  console.warn(`notice: skipping the MongoDB tests: ${why}`);
  return { ok: false, why };
}

export interface TestMongo {
  /** A URI without a database, for building test URIs. */
  readonly uri: string;
  readonly real: boolean;
  stop(): Promise<void>;
}

/** Starts the test server on 127.0.0.1 (or uses MONGODB_URI); stop() ends it by its process id. */
export async function startMongo(flags: string[] = []): Promise<TestMongo> {
  if (REAL_URI) return { uri: REAL_URI, real: true, stop: async () => {} };
  const child: ChildProcess = spawn(PYTHON, ['test/mongo/server.py', ...flags], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (d) => resolve(String(d).trim()));
    child.once('exit', (code) => reject(new Error(`the test MongoDB server exited with ${code}: ${err}`)));
  });
  return {
    uri: `mongodb://127.0.0.1:${port}/?directConnection=true`,
    real: false,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(child.pid!, 'SIGTERM');
      await exited;
    },
  };
}

/** Creates collections, indexes and documents through the driver, as an application would. */
export async function seed(uri: string, database: string, spec: Record<string, { indexes?: IndexDescription[]; docs?: Record<string, unknown>[] }>): Promise<void> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
  try {
    const db = client.db(database);
    for (const [name, { indexes = [], docs = [{ seeded: true }] }] of Object.entries(spec)) {
      if (docs.length) await db.collection(name).insertMany(docs.map((d) => ({ ...d })));
      if (indexes.length) await db.collection(name).createIndexes(indexes);
    }
  } finally {
    await client.close();
  }
}

export async function dropDatabase(uri: string, database: string): Promise<void> {
  if (!REAL_URI) return; // the test server lives only as long as the tests
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
  try {
    await client.db(database).dropDatabase();
  } finally {
    await client.close();
  }
}

/** A URI with credentials put in, for the authentication and redaction cases. */
export function withCredentials(uri: string, user: string, password: string): string {
  return uri.replace(/^mongodb(\+srv)?:\/\/(?:[^@/]*@)?/, (_m, srv: string | undefined) => `mongodb${srv ?? ''}://${encodeURIComponent(user)}:${encodeURIComponent(password)}@`);
}
