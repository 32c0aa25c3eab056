import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openIsIdle, type LoadConfig } from '../checks/load/schema.js';
import type { LoadTarget } from '../checks/load/run.js';
import type { LoadResult } from '../checks/load/types.js';
import { configHash, mergeShards, shardLoad, toShardResult, type ShardResult } from './shards.js';

/** Where the bundled worker lives: dist/load-worker/index.js, found from this module's own place. */
export function workerPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    for (const candidate of [join(dir, 'load-worker', 'index.js'), join(dir, 'dist', 'load-worker', 'index.js')]) {
      if (existsSync(candidate)) return candidate;
    }
    dir = dirname(dir);
  }
  throw new Error('the load worker (dist/load-worker/index.js) is missing: run `npm run build`');
}

/**
 * Several load generator processes on one runner, so more CPUs generate more load. Each worker
 * runs its share as a shard; the parent merges them exactly, like a merge run merges a matrix.
 * A slice that sends nothing gets no process: `runIdle` measures it (as nothing) in this one.
 */
export async function runWithWorkers(load: LoadConfig, target: LoadTarget, workers: number, runIdle: (slice: LoadConfig) => Promise<LoadResult>): Promise<LoadResult> {
  const single = { ...load, workers: 1 as const };
  const path = workerPath();
  const hash = configHash('workers', load);
  const children = new Set<ChildProcess>();
  const stopAll = () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill();
  };
  try {
    const parts = await Promise.all(
      Array.from({ length: workers }, (_, i) => {
        const spec = { index: i + 1, count: workers };
        const slice = shardLoad(single, spec);
        // A slice whose share of the rate or amount is 0 sends nothing: no process for it.
        if (slice.rate === 0 || slice.amount === 0 || openIsIdle(slice)) {
          return runIdle(slice).then((r) => ({ result: toShardResult(r, spec, 'workers', hash), source: `worker ${spec.index}` }));
        }
        return new Promise<{ result: ShardResult; source: string }>((resolve, reject) => {
          const child = fork(path, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, LAUNCHGUARD_LOAD_WORKER: '1' } });
          children.add(child);
          let done = false;
          child.once('message', (msg: { ok: boolean; result?: LoadResult; error?: string }) => {
            done = true;
            if (msg.ok && msg.result) resolve({ result: toShardResult(msg.result, spec, 'workers', hash), source: `worker ${spec.index}` });
            else reject(new Error(`load worker ${spec.index} of ${workers} failed: ${msg.error ?? 'no result'}; the other workers were stopped`));
          });
          child.once('exit', (code, signal) => {
            children.delete(child);
            if (!done) reject(new Error(`load worker ${spec.index} of ${workers} exited (${signal ?? `code ${code}`}) before sending its result; the other workers were stopped`));
          });
          child.send({ load: slice, target });
        });
      }),
    );
    const merged = mergeShards(parts);
    const idle = parts.filter((p) => p.result.requests.every((r) => r.idle)).map((p) => p.source);
    const notes = idle.length ? [`load: ${idle.join(', ')} of ${workers} sent nothing: the rate or amount is smaller than the number of workers, and the sum of the slices never exceeds it`] : [];
    return { ...merged.load, ...(notes.length ? { notes } : {}) };
  } catch (err) {
    // One failed worker stops the others: its failure is the news, not a half-measured load.
    stopAll();
    throw err;
  }
}
